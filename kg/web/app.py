"""`kg serve`: the analyst's workbench, a local web application over the store (Starlette, Jinja2).

Pages: every saved query (a form from its typed parameters, bound and checked as `kg query` binds
them; a paged, sortable table; downloads as CSV, TSV, JSON and the RDF of the rows' resources), an
interaction (with its evidence highlighted in the article), a person, a country, the network, a
relationship's timeline, a read-only SPARQL editor, the SPARQL 1.1 Protocol at /sparql, and a JSON
API that pages as the pages do. Nothing is loaded from another host: the CSS and the little
JavaScript are kg's own (kg/web/static).
"""
from __future__ import annotations

import json
import math
import os
import threading
import time
import urllib.parse
from collections import OrderedDict
from pathlib import Path

import pyoxigraph as ox
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import (HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response,
                                 StreamingResponse)
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from kg.namespaces import ID, PREFIXES as NAMESPACES
from kg.queries import (DEFAULT_PAGE, MAX_PAGE, Page, QueryError, Result, bind, get_query, iter_result, page_rows,
                        saved_queries, stream_local, summary_for, with_values_block, _plain)
from kg.store import KGStore, StoreError
from kg.web import detail
from kg.web.facts import CLASSES, Facts, Filters, short

HERE = Path(__file__).resolve().parent
# query-string names the pages use themselves: no saved query may have a parameter so named
RESERVED = {"limit", "offset", "sort", "desc", "format"}
CACHED_ROWS = 200_000  # a result up to this many rows is kept (sorted and paged without asking again)
TYPE_COLOURS = {"Meeting": "#1f77b4", "CourtesyCall": "#17becf", "Visit": "#2ca02c", "StateVisit": "#006400",
                "OfficialVisit": "#3cb371", "WorkingVisit": "#9acd32", "PhoneCall": "#ff7f0e",
                "VideoConference": "#d62728", "Correspondence": "#9467bd", "AgreementSigning": "#8c564b"}


class BadRequest(Exception):
    pass


class Workbench:
    """The store, opened read-only, and what the pages keep between requests. A build into the
    store (kg-inputs.json or RocksDB's CURRENT rewritten) makes it open the store and read the
    summary again at the next request."""

    def __init__(self, location: Path):
        self.location = Path(location)
        self.lock = threading.Lock()
        self.stamp = None
        self.store = None
        self.facts: Facts | None = None
        self.texts: detail.ArticleTexts | None = None
        self.cache: OrderedDict = OrderedDict()
        self.queries = saved_queries()
        for query in self.queries.values():
            clash = RESERVED & set(query.params)
            if clash:
                raise StoreError(f"saved query {query.name!r} has a parameter named {sorted(clash)[0]!r}, "
                                 f"which the pages use themselves")
        self.refresh()

    def _current_stamp(self):
        stamp = []
        for name in ("kg-inputs.json", "CURRENT"):
            try:
                stamp.append((self.location / name).stat().st_mtime_ns)
            except OSError:
                stamp.append(None)
        return tuple(stamp)

    def refresh(self) -> None:
        stamp = self._current_stamp()
        if stamp == self.stamp and self.store is not None:
            return
        with self.lock:
            if stamp == self.stamp and self.store is not None:
                return
            store = KGStore(self.location, read_only=True)
            self.facts = Facts(store)
            self.store, self.texts, self.stamp = store, detail.ArticleTexts(self.location), stamp
            self.cache.clear()

    # -- saved queries
    def rows(self, name: str, bound: dict) -> tuple[list[str], list | None]:
        """All the rows of a saved query, kept for the next pages; (columns, None) when there are more
        than CACHED_ROWS (then each page is read from the store again)."""
        key = (self.stamp, name, tuple(sorted((k, str(v)) for k, v in bound.items())))
        if key in self.cache:
            self.cache.move_to_end(key)
            return self.cache[key]
        query = self.queries[name]
        solutions = self.store.query(with_values_block(query.text_for(bound), bound))
        columns = [v.value for v in solutions.variables]
        rows = []
        for solution in solutions:
            rows.append(query.tidy(columns, [_plain(solution[c]) for c in columns]))
            if len(rows) > CACHED_ROWS:
                return columns, None
        with self.lock:
            self.cache[key] = (columns, rows)
            while len(self.cache) > 8:
                self.cache.popitem(last=False)
        return columns, rows

    def page(self, name: str, values: dict, offset: int, limit: int, sort: str | None, desc: bool):
        query = self.queries.get(name)
        if query is None:
            raise LookupError(f"no saved query named {name!r}")
        bound = bind(query, values)
        summary = summary_for(self.store, query, bound) if sort is None else None
        if summary is not None:  # the page and the count read from the query summary (kg/summary.py)
            try:
                columns, rows = summary.rows(query, bound, offset, limit)
                return Page(columns, list(rows), summary.count(query, bound), offset, limit)
            finally:
                summary.close()
        try:
            columns, rows = self.rows(name, bound)
        except (SyntaxError, OSError) as exc:
            raise QueryError(f"the saved query {name!r} failed: {exc}") from None
        if sort is not None and sort not in columns:
            raise QueryError(f"no column {sort!r} to sort by (the columns: {', '.join(columns)})")
        if rows is None:  # too many to keep: read again, sorted here when asked
            rows = stream_local(self.store, query, values).rows
            if sort is not None:
                rows = sorted(rows, key=_sort_key(columns.index(sort)), reverse=desc)
        elif sort is not None:
            rows = sorted(rows, key=_sort_key(columns.index(sort)), reverse=desc)
        return page_rows(columns, rows, offset, limit)


def _sort_key(index: int):
    def key(row):
        value = row[index]
        if value is None:
            return (1, 0, "")
        try:
            return (0, float(value), "")
        except ValueError:
            return (0, math.inf, value.lower())
    return key


def _query_values(request: Request, from_form: bool) -> dict[str, str]:
    """The saved query's parameters in the query string. The form sends every field: an empty
    one there is a parameter left out; in the API an empty value is the error `kg query` gives."""
    values = {}
    for key, value in request.query_params.multi_items():
        if key in RESERVED:
            continue
        if from_form and value == "":
            continue
        values[key] = value
    return values


def _paging(request: Request) -> tuple[int, int, str | None, bool]:
    def number(name, default, low, high):
        text = request.query_params.get(name)
        if text is None or text == "":
            return default
        try:
            value = int(text)
        except ValueError:
            raise BadRequest(f"{name} must be a whole number, not {text!r}") from None
        if not low <= value <= high:
            raise BadRequest(f"{name} must be between {low:,} and {high:,}, not {value:,}")
        return value
    limit = number("limit", DEFAULT_PAGE, 1, MAX_PAGE)
    offset = number("offset", 0, 0, 10**12)
    sort = request.query_params.get("sort") or None
    return offset, limit, sort, request.query_params.get("desc") in ("1", "true", "yes")


def _url(path: str, params: dict, **changes) -> str:
    merged = {k: v for k, v in {**params, **changes}.items() if v is not None and v != ""}
    return path + ("?" + urllib.parse.urlencode(merged) if merged else "")


def _link(value: str | None) -> str | None:
    """The workbench page of a value, when it names something that has one."""
    if not value or not value.startswith(str(ID)):
        return None
    rest = value[len(str(ID)):]
    if rest.startswith(("event/", "interaction/")):
        return "/interaction/" + rest
    if rest.startswith("person/"):
        return "/person/" + rest[len("person/"):]
    if rest.startswith("country/"):
        return "/country/" + rest[len("country/"):]
    return None


def make_app(store_location: Path) -> Starlette:
    bench = Workbench(store_location)
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]))
    env.globals.update(short=short, link=_link, url=_url, colours=TYPE_COLOURS, queries=bench.queries)
    env.filters["thousands"] = lambda n: f"{n:,}"

    def render(name: str, status: int = 200, **context) -> HTMLResponse:
        started = time.perf_counter()
        html = env.get_template(name).render(facts=bench.facts, **context)
        response = HTMLResponse(html, status_code=status)
        response.headers["Server-Timing"] = f"render;dur={(time.perf_counter() - started) * 1000:.1f}"
        return response

    def problem(request: Request, message: str, status: int = 400):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": message}, status_code=status)
        return render("error.html", status=status, message=message, title="Error")

    def guarded(handler):
        def wrapped(request: Request):
            bench.refresh()
            try:
                return handler(request)
            except (QueryError, BadRequest) as exc:
                return problem(request, str(exc), 400)
            except LookupError as exc:
                return problem(request, str(exc).strip("'\""), 404)
        wrapped.__name__ = handler.__name__
        return wrapped

    # -- home and saved queries
    @guarded
    def home(request: Request):
        facts = bench.facts
        return render("home.html", title="Workbench", events=len(facts.events),
                      interactions=len({e.key for e in facts.events.values()}),
                      countries=len(facts.by_country), people=len(facts.by_person))

    @guarded
    def query_page(request: Request):
        name = request.path_params["name"]
        query = bench.queries.get(name)
        if query is None:
            raise LookupError(f"no saved query named {name!r}")
        values = _query_values(request, from_form=True)
        page, error = None, None
        try:
            offset, limit, sort, desc = _paging(request)
        except BadRequest as exc:
            (offset, limit, sort, desc), error = (0, DEFAULT_PAGE, None, False), str(exc)
        needs = [p for p in query.params.values() if p.required and p.name not in values]
        if not error and (not needs or values):
            try:
                page = bench.page(name, values, offset, limit, sort, desc)
            except QueryError as exc:
                error = str(exc)
        params = dict(values, sort=sort, desc="1" if desc else None, limit=limit if limit != DEFAULT_PAGE else None)
        # a form's error is shown in the form, as a page (status 200): a browser reports any 4xx page as an error
        return render("query.html", title=name, query=query, values=values,
                      page=page, error=error, params=params, sort=sort, desc=desc, path=f"/queries/{name}")

    @guarded
    def query_download(request: Request):
        name = request.path_params["name"]
        fmt = request.path_params["fmt"]
        query = bench.queries.get(name)
        if query is None:
            raise LookupError(f"no saved query named {name!r}")
        values = _query_values(request, from_form=True)
        result = stream_local(bench.store, query, values)  # bound and checked before the answer starts
        if fmt in ("csv", "tsv", "json"):
            media = {"csv": "text/csv", "tsv": "text/tab-separated-values", "json": "application/json"}[fmt]
            return StreamingResponse((c.encode("utf-8") for c in iter_result(result, fmt)),
                                     media_type=f"{media}; charset=utf-8",
                                     headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"'})
        if fmt == "trig":
            return Response(_rows_rdf(bench.store, result), media_type="application/trig",
                            headers={"Content-Disposition": f'attachment; filename="{name}.trig"'})
        raise BadRequest(f"no download format {fmt!r}: csv, tsv, json or trig")

    @guarded
    def api_queries(request: Request):
        return JSONResponse([{"name": q.name, "summary": q.summary, "columns": q.columns,
                              "params": [{"name": p.name, "type": p.type, "values": p.values, "required": p.required,
                                          "default": p.default, "description": p.description}
                                         for p in q.params.values()]} for q in bench.queries.values()])

    @guarded
    def api_query(request: Request):
        name = request.path_params["name"]
        values = _query_values(request, from_form=False)
        offset, limit, sort, desc = _paging(request)
        page = bench.page(name, values, offset, limit, sort, desc)
        return JSONResponse({"query": name, "params": values, "columns": page.columns,
                             "rows": [dict(zip(page.columns, row)) for row in page.rows], "total": page.total,
                             "offset": page.offset, "limit": page.limit, "next_offset": page.next_offset})

    # -- one interaction
    @guarded
    def interaction(request: Request):
        rest = request.path_params["rest"]
        if not rest.startswith(("event/", "interaction/")):
            raise LookupError(f"no interaction {rest!r}: give event/ARTICLE/N or interaction/ARTICLE/N")
        iri = str(ID) + rest
        if rest.startswith("interaction/"):
            merged = detail.resolved(bench.store, iri)
            if merged is None:
                raise LookupError(f"the store holds no resolved interaction {rest}")
            reports = [detail.report(bench.store, r, bench.texts) for r in merged.reports]
            return render("interaction.html", title=f"{merged.type} {merged.date or ''}", merged=merged,
                          reports=[r for r in reports if r is not None], highlighted=detail.highlighted)
        found = detail.report(bench.store, iri, bench.texts)
        if found is None:
            raise LookupError(f"the store holds no event {rest}")
        merged = detail.resolved(bench.store, found.interaction) if found.interaction else None
        others = []
        if merged is not None:
            others = [detail.report(bench.store, r, bench.texts) for r in merged.reports if r != iri]
        return render("interaction.html", title=f"{found.type} {found.date or ''}", merged=merged,
                      reports=[found] + [o for o in others if o is not None], highlighted=detail.highlighted)

    # -- a person, a country
    @guarded
    def person(request: Request):
        slug = request.path_params["slug"]
        iri = str(ID) + "person/" + slug
        facts = bench.facts
        canonical = facts.canonical(iri)
        aliases = sorted(facts.aliases.get(canonical, {canonical}) | {iri})
        roles = detail.roles(bench.store, aliases)
        events = facts.person_events(canonical)
        if not roles and not events:
            raise LookupError(f"the store knows no person {slug!r}")
        names = facts.person_names.get(canonical)
        return render("person.html", title=facts.person_name(canonical), iri=canonical, aliases=aliases,
                      names=sorted(names) if names else [], roles=roles, events=events, slug=slug)

    @guarded
    def person_search(request: Request):
        name = request.query_params.get("name", "")
        if not name.strip():
            raise BadRequest("give a name: /person?name=Hun Sen (any spelling an article used, any case)")
        found = bench.facts.find_person(name)
        if len(found) == 1:
            return RedirectResponse("/person/" + found[0][len(str(ID) + "person/"):], status_code=303)
        if not found:
            raise LookupError(f"no person named {name!r} in any article")
        return render("people.html", title=f"People named {name}", name=name, found=found)

    @guarded
    def country(request: Request):
        code = request.path_params["code"].upper()
        facts = bench.facts
        if code not in facts.country_names:
            raise LookupError(f"no country with the ISO 3166-1 alpha-3 code {code!r}")
        summary = facts.country_summary(code)
        return render("country.html", title=facts.country_name(code), code=code, summary=summary)

    # -- the network
    def _filters(request: Request) -> Filters:
        q = request.query_params
        found = Filters(q.get("from") or None, q.get("to") or None, q.get("type") or None, q.get("topic") or None,
                        q.get("status") or None)
        for name in ("from", "to"):
            value = q.get(name)
            if value:
                try:
                    import datetime as dt
                    if len(value) != 10:
                        raise ValueError
                    dt.date.fromisoformat(value)
                except ValueError:
                    raise BadRequest(f"{name} must be a date as YYYY-MM-DD, not {value!r}") from None
        if found.type and found.type not in CLASSES:
            raise BadRequest(f"type must be one of {', '.join(CLASSES)}, not {found.type!r}")
        if found.status and found.status not in ("occurred", "planned"):
            raise BadRequest(f"status must be occurred or planned, not {found.status!r}")
        return found

    def _level(request: Request) -> str:
        level = request.query_params.get("level") or "country"
        if level not in ("country", "person"):
            raise BadRequest(f"level must be country or person, not {level!r}")
        return level

    @guarded
    def network(request: Request):
        level, filters = _level(request), _filters(request)
        data = bench.facts.network(level, filters)
        layout = _circle_layout(data)
        params = {k: v for k, v in request.query_params.items()}
        return render("network.html", title="Network", data=data, layout=layout, level=level, filters=filters,
                      params=params)

    @guarded
    def api_network(request: Request):
        return JSONResponse(bench.facts.network(_level(request), _filters(request)))

    @guarded
    def api_network_edge(request: Request):
        level, filters = _level(request), _filters(request)
        a, b = request.query_params.get("a"), request.query_params.get("b")
        if not a or not b:
            raise BadRequest("give both ends of the edge: a=...&b=...")
        events = bench.facts.edge_events(level, a, b, filters)
        return JSONResponse({"a": a, "b": b, "interactions": len({e.key for e in events}),
                             "reports": [_event_json(bench.facts, e) for e in events]})

    # -- a timeline
    @guarded
    def timeline(request: Request):
        q = request.query_params
        facts = bench.facts
        if q.get("person"):
            found = facts.find_person(q["person"])
            if not found:
                raise LookupError(f"no person named {q['person']!r} in any article")
            events = [e for p in found for e in facts.person_events(p)]
            events.sort(key=lambda e: (e.day or "9999", e.iri))
            subject = " / ".join(facts.person_name(p) for p in found)
        elif q.get("a") or q.get("b"):
            a, b = (q.get("a") or "").strip().upper(), (q.get("b") or "").strip().upper()
            for name, code in (("a", a), ("b", b)):
                if code not in facts.country_names:
                    raise BadRequest(f"{name} must be an ISO 3166-1 alpha-3 country code such as KHM, not {code!r}")
            events = facts.relationship(a, b)
            subject = f"{facts.country_name(a)} and {facts.country_name(b)}"
        else:
            return render("timeline.html", title="Timeline", subject=None, chart=None, events=[], q=q)
        return render("timeline.html", title=f"Timeline: {subject}", subject=subject, chart=_timeline(events),
                      events=events, q=q)

    @guarded
    def api_timeline(request: Request):
        q = request.query_params
        a, b = (q.get("a") or "").upper(), (q.get("b") or "").upper()
        if a not in bench.facts.country_names or b not in bench.facts.country_names:
            raise BadRequest("give two ISO 3166-1 alpha-3 country codes: a=KHM&b=USA")
        return JSONResponse([_event_json(bench.facts, e) for e in bench.facts.relationship(a, b)])

    # -- SPARQL
    async def sparql(request: Request):
        from starlette.concurrency import run_in_threadpool
        body = await request.body() if request.method == "POST" else b""
        await run_in_threadpool(bench.refresh)
        return await run_in_threadpool(_sparql_sync, request.method, request.headers, request.query_params, body,
                                       bench)

    @guarded
    def sparql_page(request: Request):
        text = request.query_params.get("query")
        offset, limit, _, _ = _paging(request)
        result, error = None, None
        if text:
            try:
                solutions = _run_sparql(bench.store, text)
                if not isinstance(solutions, ox.QuerySolutions):
                    raise BadRequest("the page shows SELECT results; ask ASK, CONSTRUCT and DESCRIBE at /sparql")
                columns = [v.value for v in solutions.variables]
                result = page_rows(columns, ([_plain(s[c]) for c in columns] for s in solutions), offset, limit)
            except (BadRequest, QueryError) as exc:
                error = str(exc)
        return render("sparql.html", title="SPARQL", text=text or _EXAMPLE_SPARQL,
                      result=result, error=error, params={"query": text} if text else {})

    routes = [
        Route("/", home), Route("/queries/{name}", query_page),
        Route("/queries/{name}/download.{fmt}", query_download),
        Route("/api/queries", api_queries), Route("/api/queries/{name}", api_query),
        Route("/interaction/{rest:path}", interaction),
        Route("/person", person_search), Route("/person/{slug:path}", person),
        Route("/country/{code}", country),
        Route("/network", network), Route("/api/network", api_network), Route("/api/network/edge", api_network_edge),
        Route("/timeline", timeline), Route("/api/timeline", api_timeline),
        Route("/sparql", sparql, methods=["GET", "POST"]), Route("/sparql/ui", sparql_page),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    app = Starlette(routes=routes)
    app.state.bench = bench
    return app


def _event_json(facts: Facts, e) -> dict:
    return {"event": short(e.iri), "interaction": short(e.interaction) if e.interaction else None,
            "type": e.type, "status": e.status, "date": e.date, "end_date": e.end, "day": e.day,
            "article_id": e.article_id, "countries": sorted(e.countries),
            "people": [facts.person_name(p) for p in sorted(e.people)], "topics": sorted(e.topics),
            "url": "/interaction/" + short(e.iri)}


def _rows_rdf(store, result: Result) -> bytes:
    """The RDF of the rows: every statement of every graph about each resource a row names."""
    subjects = []
    seen = set()
    for row in result.rows:
        for value in row:
            if value and value.startswith(str(ID)) and value not in seen:
                seen.add(value)
                subjects.append(value)
    quads = (q for s in subjects for q in store.store.quads_for_pattern(ox.NamedNode(s), None, None, None))
    return ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes={k: str(v) for k, v in NAMESPACES.items()})


def _circle_layout(data: dict, size: int = 640) -> dict:
    """Nodes on a circle, the busiest first; radii and edge widths from the counts."""
    nodes = data["nodes"]
    centre, radius = size / 2, size / 2 - 70
    top = max([n["interactions"] for n in nodes] or [1])
    heaviest = max([e["interactions"] for e in data["edges"]] or [1])
    placed = {}
    for i, node in enumerate(nodes):
        angle = 2 * math.pi * i / max(1, len(nodes)) - math.pi / 2
        placed[node["id"]] = {"x": round(centre + radius * math.cos(angle), 1),
                              "y": round(centre + radius * math.sin(angle), 1),
                              "r": round(5 + 15 * math.sqrt(node["interactions"] / top), 1),
                              "anchor": "start" if math.cos(angle) > 0.1 else "end" if math.cos(angle) < -0.1
                              else "middle", "dx": round(14 * math.cos(angle), 1), "dy": round(14 * math.sin(angle), 1)}
    widths = {(e["a"], e["b"]): round(1 + 7 * math.log1p(e["interactions"]) / math.log1p(heaviest), 1)
              for e in data["edges"]}
    return {"size": size, "nodes": placed, "widths": widths}


def _timeline(events: list, width: int = 900) -> dict:
    """Events on a time axis: x from the day, lanes so that marks do not overlap."""
    dated = [e for e in events if e.day]
    if not dated:
        return {"width": width, "height": 60, "marks": [], "ticks": []}
    import datetime as dt
    days = [dt.date.fromisoformat(e.day).toordinal() for e in dated]
    first, last = min(days), max(days)
    span = max(last - first, 1)
    left, right = 40, width - 40
    marks, lanes = [], []
    for e, day in zip(dated, days):
        x = left + (right - left) * (day - first) / span if last > first else width / 2
        lane = next((i for i, end in enumerate(lanes) if end < x - 16), None)
        if lane is None:
            lanes.append(x)
            lane = len(lanes) - 1
        lanes[lane] = x
        marks.append({"event": e, "x": round(x, 1), "y": 40 + 22 * lane})
    height = 70 + 22 * len(lanes)
    years = range(dt.date.fromordinal(first).year, dt.date.fromordinal(last).year + 2)
    ticks = []
    for year in years:
        day = dt.date(year, 1, 1).toordinal()
        if first <= day <= last:
            ticks.append({"x": round(left + (right - left) * (day - first) / span, 1), "label": str(year)})
    return {"width": width, "height": height, "marks": marks, "ticks": ticks, "axis": height - 20,
            "first": dt.date.fromordinal(first).isoformat(), "last": dt.date.fromordinal(last).isoformat()}


# -- SPARQL 1.1 Protocol (query only)
_EXAMPLE_SPARQL = """PREFIX dip: <https://w3id.org/dipkg/ontology#>
PREFIX schema: <https://schema.org/>
SELECT ?event ?date WHERE { GRAPH ?g { ?event a dip:Meeting . OPTIONAL { ?event schema:startDate ?date } } }
ORDER BY ?date LIMIT 20"""
_RESULT_TYPES = {"application/sparql-results+json": ox.QueryResultsFormat.JSON,
                 "application/json": ox.QueryResultsFormat.JSON,
                 "application/sparql-results+xml": ox.QueryResultsFormat.XML,
                 "text/csv": ox.QueryResultsFormat.CSV, "text/tab-separated-values": ox.QueryResultsFormat.TSV}
_GRAPH_TYPES = {"text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES,
                "application/rdf+xml": ox.RdfFormat.RDF_XML, "application/ld+json": ox.RdfFormat.JSON_LD}


def _run_sparql(store, text: str):
    if len(text) > 100_000:
        raise BadRequest("the query is longer than 100,000 characters")
    try:
        return store.query(text)
    except SyntaxError as exc:
        message = str(exc)
        if _looks_like_update(text):
            raise BadRequest("updates are refused: this endpoint is read-only (it answers queries only)") from None
        raise BadRequest(f"the query is not valid SPARQL: {message}") from None
    except OSError as exc:
        raise BadRequest(f"the query failed: {exc}") from None


def _looks_like_update(text: str) -> bool:
    import re
    body = re.sub(r"#[^\n]*", "", text)
    return bool(re.search(r"\b(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD)\b", body, re.IGNORECASE)) and \
        not re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", body, re.IGNORECASE)


def _choose(accept: str, offered: dict, default: str) -> str | None:
    """The first media type of Accept (in order of q) that we offer; the default for */* or none."""
    if not accept.strip():
        return default
    ranked = []
    for i, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0
        ranked.append((-q, i, fields[0].lower()))
    for _, _, media in sorted(ranked):
        if media in offered:
            return media
        if media in ("*/*", "application/*") or (media == "text/*" and default.startswith("text/")):
            return default
    return None


def _sparql_sync(method, headers, query_params, body: bytes, bench: Workbench) -> Response:
    """SPARQL 1.1 Protocol, query operation: GET ?query=, POST form (query=) or POST
    application/sparql-query. Updates (update=, application/sparql-update) are refused with 403."""
    content_type = (headers.get("content-type") or "").split(";")[0].strip().lower()
    text = None
    if method == "POST":
        if content_type == "application/sparql-update":
            return _refuse_update()
        if content_type == "application/sparql-query":
            text = body.decode("utf-8", "replace")
        elif content_type == "application/x-www-form-urlencoded":
            form = urllib.parse.parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
            if "update" in form:
                return _refuse_update()
            texts = form.get("query", [])
            if len(texts) != 1:
                return PlainTextResponse("give exactly one query parameter", status_code=400)
            text = texts[0]
        else:
            return PlainTextResponse("POST application/sparql-query or a form with query=", status_code=415)
    else:
        if "update" in query_params:
            return _refuse_update()
        texts = query_params.getlist("query")
        if not texts:
            if "text/html" in (headers.get("accept") or ""):
                return RedirectResponse("/sparql/ui", status_code=303)
            return PlainTextResponse("give a query: /sparql?query=SELECT ...", status_code=400)
        if len(texts) != 1:
            return PlainTextResponse("give exactly one query parameter", status_code=400)
        text = texts[0]
    if "default-graph-uri" in query_params or "named-graph-uri" in query_params:
        return PlainTextResponse("default-graph-uri and named-graph-uri are not supported: the default graph is the "
                                 "union of the named graphs; use GRAPH or FROM in the query", status_code=400)
    try:
        result = _run_sparql(bench.store, text)
    except BadRequest as exc:
        status = 403 if str(exc).startswith("updates are refused") else 400
        return PlainTextResponse(str(exc), status_code=status)
    accept = headers.get("accept") or ""
    if isinstance(result, (ox.QuerySolutions, ox.QueryBoolean)):
        media = _choose(accept, _RESULT_TYPES, "application/sparql-results+json")
        if media is None:
            return PlainTextResponse("cannot answer in any type Accept names; offered: " + ", ".join(_RESULT_TYPES),
                                     status_code=406)
        data = result.serialize(format=_RESULT_TYPES[media])
    else:
        media = _choose(accept, _GRAPH_TYPES, "text/turtle")
        if media is None:
            return PlainTextResponse("cannot answer in any type Accept names; offered: " + ", ".join(_GRAPH_TYPES),
                                     status_code=406)
        data = ox.serialize(result, format=_GRAPH_TYPES[media])
    return Response(data, media_type=media)


def _refuse_update() -> Response:
    return PlainTextResponse("updates are refused: this endpoint is read-only (it answers queries only)",
                             status_code=403)


def serve(store_location: Path, host: str, port: int) -> None:
    import uvicorn
    app = make_app(store_location)
    uvicorn.run(app, host=host, port=port, log_level=os.environ.get("KG_SERVE_LOG", "info"))
