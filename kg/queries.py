"""Saved SPARQL queries (`queries/*.rq`) and the runner that binds their parameters safely.

A query documents itself in a `#+` YAML header (summary, description, params, columns), so
the file stays valid SPARQL. A parameter `name` is the variable `?_name` in the query. The
runner checks each value against its declared type, turns it into a typed RDF term and binds
it with a VALUES block at the start of the query's WHERE groups, the same way on the embedded
store and on a remote endpoint (so both give the same rows). The terms are written
by `sparql_term` from validated values only, and the block is parsed back and compared with
the terms before the query runs: a hostile value can neither close the block nor change what
the query means. pyoxigraph's own `substitutions` are not used: they only bind variables of the
SELECT projection, after the query's FILTERs ran (checked with pyoxigraph 0.5.13).

A parameter may appear in any WHERE group (the query's or a sub-SELECT's, which gets its own
copy of the block): in its triple patterns, FILTERs, BINDs, OPTIONAL conditions and EXISTS
tests, but not in a FILTER of a nested plain group (`{ ... }`, `GRAPH ?g { ... }`, a UNION
branch), which is evaluated before the block's bindings meet it. Each sub-SELECT must be
written with the WHERE keyword.

A saved query may have a filtered plan, `queries/filtered/NAME.rq`: the same query rewritten to
start from the values of its filters (an article, a country, a person...) rather than from
every event, run instead of `NAME.rq` when one of the parameters its header lists under `when`
is given. `NAME.rq` stays the specification (and the plan for the whole table); the tests check
that both give the same rows. Why such rewrites look the way they do (pyoxigraph 0.5.13's
optimiser picks join orders and OPTIONAL algorithms from its own size estimates, not from the
data) is written down in queries/filtered/README.md.
"""
from __future__ import annotations

import csv
import datetime as dt
import http.client
import io
import itertools
import json
import re
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, TextIO

import pyoxigraph as ox
import yaml
from rdflib import Literal as RLiteral, URIRef
from rdflib.namespace import XSD

from kg.controls import as_unicode_escapes, for_file, for_terminal
from kg.namespaces import ID

QUERIES_DIR = Path(__file__).resolve().parent.parent / "queries"
PLANS_DIR = "filtered"  # beside the saved queries: their filtered plans
PARAM_TYPES = ("string", "iri", "date", "integer", "country")
# Characters RFC 3987 / SPARQL's IRIREF forbid: a value holding one is refused, not escaped.
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


class QueryError(Exception):
    pass


@dataclass
class Param:
    name: str
    type: str = "string"
    default: object = None
    description: str = ""
    required: bool = False
    values: list[str] | None = None  # the only values it takes, when the header lists them

    def describe(self) -> str:
        """What the parameter takes, as `kg queries` and the error messages say it."""
        return "|".join(self.values) if self.values else self.type


@dataclass
class Plan:
    """An equivalent rewrite of a saved query, run instead of it when a parameter of `when` is given."""
    path: Path
    text: str
    when: list[str]


@dataclass
class SavedQuery:
    name: str
    path: Path
    text: str
    summary: str
    description: str
    columns: list[str]
    params: dict[str, Param] = field(default_factory=dict)
    plans: list[Plan] = field(default_factory=list)
    # columns that are a GROUP_CONCAT (`#+ lists: {column: separator}`): their items in sorted order,
    # whatever order the store's plan read them in, so that every way of answering gives one text
    lists: dict[str, str] = field(default_factory=dict)

    def tidy(self, columns: list[str], row: list[str | None]) -> list[str | None]:
        """ROW with the items of each list column sorted (code-point order)."""
        for column, separator in self.lists.items():
            if column in columns:
                at = columns.index(column)
                row[at] = sorted_list(row[at], separator)
        return row

    def text_for(self, bound: dict) -> str:
        """The text to run with these bound parameters: the first plan one of them selects, else the query's."""
        for plan in self.plans:
            if any(name in bound for name in plan.when):
                return plan.text
        return self.text


def sorted_list(text: str | None, separator: str) -> str | None:
    """The items of a GROUP_CONCAT in code-point order (None and "" unchanged)."""
    if not text:
        return text
    return separator.join(sorted(text.split(separator)))


def _header(text: str) -> dict:
    lines = [line[3:] if line.startswith("#+ ") else line[2:] for line in text.splitlines() if line.startswith("#+")]
    try:
        meta = yaml.safe_load("\n".join(lines)) or {}
    except yaml.YAMLError as exc:
        raise QueryError(f"bad #+ header: {exc}") from None
    if not isinstance(meta, dict):
        raise QueryError("the #+ header must be a YAML mapping")
    return meta


def load_query(path: Path) -> SavedQuery:
    text = path.read_text(encoding="utf-8")
    try:
        meta = _header(text)
    except QueryError as exc:
        raise QueryError(f"{path}: {exc}") from None
    params = {}
    for name, spec in (meta.get("params") or {}).items():
        spec = spec or {}
        if spec.get("type", "string") not in PARAM_TYPES:
            raise QueryError(f"{path}: parameter {name!r} has unknown type {spec.get('type')!r}")
        allowed = spec.get("values")
        if allowed is not None and (not isinstance(allowed, list) or not all(isinstance(v, str) for v in allowed)
                                    or spec.get("default", allowed[0] if allowed else None) not in allowed):
            raise QueryError(f"{path}: parameter {name!r}: `values` must be a list of strings that holds its default")
        params[name] = Param(name, spec.get("type", "string"), spec.get("default"), spec.get("description", ""),
                             bool(spec.get("required", False)), allowed)
    plan_path = path.parent / PLANS_DIR / path.name
    plans = [_load_plan(plan_path, params)] if plan_path.is_file() else []
    lists = meta.get("lists") or {}
    if not isinstance(lists, dict) or not all(isinstance(k, str) and isinstance(v, str) and v for k, v in lists.items()):
        raise QueryError(f"{path}: `#+ lists:` must map columns to their separators")
    return SavedQuery(path.stem, path, text, meta.get("summary", ""), meta.get("description", "") or "",
                      list(meta.get("columns") or []), params, plans, dict(lists))


def _load_plan(path: Path, params: dict[str, Param]) -> Plan:
    text = path.read_text(encoding="utf-8")
    try:
        when = _header(text).get("when")
    except QueryError as exc:
        raise QueryError(f"{path}: {exc}") from None
    if not isinstance(when, list) or not when or not set(when) <= set(params):
        raise QueryError(f"{path}: `#+ when:` must list some of the query's parameters ({', '.join(params)})")
    return Plan(path, text, [str(name) for name in when])


def saved_queries(directory: Path = QUERIES_DIR) -> dict[str, SavedQuery]:
    return {p.stem: load_query(p) for p in sorted(directory.glob("*.rq"))}


def get_query(name: str, directory: Path = QUERIES_DIR) -> SavedQuery:
    path = directory / f"{name}.rq"
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]*", name) and path.is_file():
        return load_query(path)
    names = ", ".join(sorted(p.stem for p in directory.glob("*.rq")))
    raise QueryError(f"no saved query named {name!r}; `kg queries` lists them: {names}")


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# In a string value: C0 controls other than tab, newline and return, DEL, and lone surrogates
# (what a terminal's undecodable bytes become) are refused.
_BAD_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
MAX_VALUE = 2000


def to_term(param: Param, value) -> URIRef | RLiteral:
    """A parameter value as a typed RDF term, or a QueryError naming the parameter."""
    text = str(value)
    if len(text) > MAX_VALUE:
        raise QueryError(f"parameter {param.name!r} is longer than {MAX_VALUE} characters")
    if param.values is not None:
        chosen = next((v for v in param.values if v.lower() == text.strip().lower()), None)
        if chosen is None:
            raise QueryError(f"parameter {param.name!r} must be one of {', '.join(param.values)}, not {text!r}")
        text = chosen
    if param.type == "string":
        if _BAD_TEXT.search(text):
            raise QueryError(f"parameter {param.name!r} must be text without control characters, not {text!r}")
        return RLiteral(text)
    if param.type == "integer":
        if not re.fullmatch(r"[+-]?\d{1,18}", text.strip()):
            raise QueryError(f"parameter {param.name!r} must be an integer, not {text!r}")
        return RLiteral(int(text))
    if param.type == "date":
        try:
            if not _DATE.fullmatch(text.strip()):
                raise ValueError(text)
            return RLiteral(dt.date.fromisoformat(text.strip()).isoformat(), datatype=XSD.date)
        except ValueError:
            raise QueryError(f"parameter {param.name!r} must be a date as YYYY-MM-DD, not {text!r}") from None
    if param.type == "country":
        code = text.strip().upper()
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise QueryError(f"parameter {param.name!r} must be an ISO 3166-1 alpha-3 code such as KHM, not {text!r}")
        return RLiteral(code)
    if param.type == "iri":
        iri = _expand_iri(text.strip())
        if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", iri) or _BAD_IRI.search(iri):
            raise QueryError(f"parameter {param.name!r} must be an IRI without spaces, quotes or <>{{}}|^`\\, "
                             f"not {text!r}")
        return URIRef(iri)
    raise QueryError(f"parameter {param.name!r} has unknown type {param.type!r}")


def _expand_iri(text: str) -> str:
    """`dipid:event/X/1` and `event/X/1` (as the table output shows them) name data IRIs under dipid:."""
    if text.startswith("dipid:"):
        return str(ID) + text[len("dipid:"):]
    if text and not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", text) and re.match(r"^[A-Za-z0-9]", text):
        return str(ID) + text
    return text


def bind(query: SavedQuery, values: dict[str, str]) -> dict[str, URIRef | RLiteral]:
    """The terms of the parameters given, and of the defaults of those not given. One rule for
    every parameter: a value given empty is an error (it used to filter on nothing for some
    types and on the empty string for others), and so is one of its type that is not valid."""
    unknown = set(values) - set(query.params)
    if unknown:
        known = ", ".join(query.params) or "none"
        raise QueryError(f"query {query.name!r} has no parameter {sorted(unknown)[0]!r} (its parameters: {known})")
    bound = {}
    for name, param in query.params.items():
        if name in values and values[name] is not None and not str(values[name]).strip():
            what = f"give it a value ({param.describe()})"
            raise QueryError(f"parameter {name!r} is empty: it is required, {what}" if param.required
                             else f"parameter {name!r} is empty: {what}, or leave it out for no filter")
        value = values.get(name, param.default)
        if value is None:
            if param.required:
                raise QueryError(f"query {query.name!r} needs parameter {name!r} ({param.describe()}): "
                                 f"pass --param {name}=...")
            continue
        bound[name] = to_term(param, value)
    return bound


def _ox_term(term):
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if term.datatype:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term), language=term.language) if term.language else ox.Literal(str(term))


_ECHAR = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def sparql_term(term: URIRef | RLiteral) -> str:
    """A term as SPARQL text: an IRI in <>, a literal as a one-line quoted string.

    Written here rather than with rdflib's `n3()`, whose triple-quoted form for a value with a
    newline that ends in a backslash and a quote leaves a stray quote (rdflib 7.6).
    """
    if isinstance(term, URIRef):
        if _BAD_IRI.search(str(term)):
            raise QueryError(f"cannot write the IRI {str(term)!r} in a query")
        return f"<{term}>"
    text = str(term)
    if _BAD_TEXT.search(text):
        raise QueryError(f"cannot write the value {text!r} in a query")
    quoted = '"' + "".join(_ECHAR.get(c, c) for c in text) + '"'
    if term.language:
        return f"{quoted}@{term.language}"
    if term.datatype:
        return f"{quoted}^^{sparql_term(URIRef(str(term.datatype)))}"
    return quoted


# The tokens that can hide a `WHERE {`: IRIs, strings (long ones first) and comments.
_SKIP = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>|"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                   r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|#[^\n]*')
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


def _where_groups(text: str) -> list[re.Match]:
    """Every `WHERE {` outside IRIs, strings and comments: the query's and its sub-SELECTs' groups."""
    found, pos = [], 0
    while True:
        where = _WHERE.search(text, pos)
        if where is None:
            return found
        skip = _SKIP.search(text, pos)
        if skip is None or skip.start() >= where.start():
            found.append(where)
            pos = where.end()
        else:
            pos = skip.end()  # the WHERE found may sit inside this token: look again after it


def values_block(bound: dict) -> str:
    names = sorted(bound)
    return "VALUES (" + " ".join(f"?_{n}" for n in names) + ") { (" + " ".join(sparql_term(bound[n]) for n in names) + ") }"


def _check_block(block: str, bound: dict) -> None:
    """Parse the block alone and compare its one row with the terms: any mismatch is refused."""
    try:
        solutions = list(ox.Store().query(f"SELECT * WHERE {{ {block} }}"))
    except (SyntaxError, ValueError, RuntimeError) as exc:
        raise QueryError(f"cannot bind the parameters safely: {exc}") from None
    expected = {f"_{n}": _ox_term(t) for n, t in bound.items()}
    if len(solutions) != 1 or {n: solutions[0][n] for n in expected} != expected:
        raise QueryError("cannot bind the parameters safely: a value did not survive being written as SPARQL")


def with_values_block(text: str, bound: dict) -> str:
    """The query with a VALUES block of the bound terms at the start of every WHERE group.

    The top group's block binds the parameters for the whole query (its FILTERs, OPTIONALs and
    EXISTS tests see them); a sub-SELECT does not see outer bindings, so it gets its own copy.
    That is pyoxigraph's documented substitution (SEP-0007) done in the text.
    """
    if not bound:
        return text
    block = values_block(bound)
    _check_block(block, bound)
    groups = _where_groups(text)
    if not groups:
        raise QueryError("the saved query has no WHERE clause to bind parameters in")
    for match in reversed(groups):
        text = text[:match.end()] + "\n  " + block + "\n" + text[match.end():]
    return text


@dataclass
class Result:
    columns: list[str]
    rows: Iterable[list[str | None]]  # a list, or an iterator that yields each row once (stream_local)


def run_local(store, query: SavedQuery, values: dict[str, str]) -> Result:
    """The rows of a saved query on the embedded store, all in a list."""
    result = stream_local(store, query, values)
    return Result(result.columns, list(result.rows))


def _solutions(store, query: SavedQuery, values: dict[str, str]):
    """The query's columns, its first solution (None: no rows) and the iterator of the others."""
    bound = bind(query, values)
    try:
        solutions = store.query(with_values_block(query.text_for(bound), bound))
        columns = [v.value for v in solutions.variables]
        # evaluation starts at the first row: an error there is the query's, before any output
        first = next(solutions, None)
    except (SyntaxError, OSError) as exc:
        raise QueryError(f"the saved query {query.name!r} failed: {exc}") from None
    return columns, first, solutions


def summary_for(store, query: SavedQuery, bound: dict):
    """The query summary beside the store (kg/summary.py) when it answers this query with these
    parameters as the store would, and is current; else None (ask the store)."""
    location = getattr(store, "location", None)
    if location is None:
        return None
    from kg.summary import Summary
    found = Summary.open(location)
    if found is not None and not found.serves(query, bound):
        found.close()
        return None
    return found


def _summary_rows(summary, query: SavedQuery, bound: dict, offset: int = 0, limit: int | None = None) -> Result:
    columns, rows = summary.rows(query, bound, offset, limit)

    def closing() -> Iterator[list[str | None]]:
        try:
            yield from rows
        finally:
            summary.close()
    return Result(columns, closing())


def stream_local(store, query: SavedQuery, values: dict[str, str]) -> Result:
    """The rows as the store gives them, made Python values one at a time: `kg query` writes
    300,000 rows without holding them (the store still sorts them, in its own compact form).
    Where the query summary answers the query, its rows come from there, already in order."""
    summary = summary_for(store, query, bind(query, values))
    if summary is not None:
        return _summary_rows(summary, query, bind(query, values))
    columns, first, solutions = _solutions(store, query, values)

    def rows() -> Iterator[list[str | None]]:
        if first is None:
            return
        yield query.tidy(columns, [_plain(first[c]) for c in columns])
        try:
            for solution in solutions:
                yield query.tidy(columns, [_plain(solution[c]) for c in columns])
        except OSError as exc:
            raise QueryError(f"the saved query {query.name!r} failed while reading its rows: {exc}") from None

    return Result(columns, rows())


# -- paging: where a person reads the rows (the table, the web pages), one page at a time
DEFAULT_PAGE = 100  # rows a page, unless --limit (or ?limit=) says otherwise
MAX_PAGE = 10_000  # the most rows one web or API page holds (downloads and --all are not paged)


@dataclass
class Page:
    """Rows offset .. offset+len(rows) of a result of `total` rows."""
    columns: list[str]
    rows: list[list[str | None]]
    total: int
    offset: int
    limit: int | None  # None: every row from offset on

    @property
    def next_offset(self) -> int | None:
        end = self.offset + len(self.rows)
        return end if end < self.total else None

    def footer(self) -> str:
        """What the table says under its rows: how many there are, and how to see the others."""
        plural = "s" if self.total != 1 else ""
        if self.offset == 0 and len(self.rows) == self.total:
            return f"({self.total} row{plural})"
        if not self.rows:
            return f"(no rows from offset {self.offset}; the result has {self.total:,} row{plural})"
        first, last = self.offset + 1, self.offset + len(self.rows)
        more = []
        if self.next_offset is not None:
            more.append(f"--offset {self.next_offset} for the next page")
        more += ["--limit N for N rows a page", "--all for every row"]
        return f"(rows {first:,}-{last:,} of {self.total:,}: {', '.join(more)})"


def check_paging(limit: int | None, offset: int) -> None:
    if limit is not None and limit < 0:
        raise QueryError(f"the limit must be 0 or more rows, not {limit}")
    if offset < 0:
        raise QueryError(f"the offset must be 0 or more rows, not {offset}")


def page_rows(columns: list[str], rows: Iterable[list[str | None]], offset: int, limit: int | None) -> Page:
    """A page of rows that are already Python values (a remote result, a cached one)."""
    check_paging(limit, offset)
    if isinstance(rows, list):
        end = None if limit is None else offset + limit
        return Page(columns, rows[offset:end], len(rows), offset, limit)
    kept, total = [], 0
    for row in rows:
        if offset <= total and (limit is None or total < offset + limit):
            kept.append(row)
        total += 1
    return Page(columns, kept, total, offset, limit)


def page_local(store, query: SavedQuery, values: dict[str, str], offset: int = 0,
               limit: int | None = DEFAULT_PAGE) -> Page:
    """One page of a saved query's rows on the embedded store, and how many rows there are in all.

    Only the rows of the page are made Python values; the others are counted as the store
    gives them (the store computes and sorts them all: ORDER BY and GROUP BY need every row).
    Where the query summary answers the query, the page and the count come from there.
    """
    check_paging(limit, offset)
    bound = bind(query, values)
    summary = summary_for(store, query, bound)
    if summary is not None:
        try:
            total = summary.count(query, bound)
            columns, rows = summary.rows(query, bound, offset, limit)
            return Page(columns, list(rows), total, offset, limit)
        finally:
            summary.close()
    columns, first, solutions = _solutions(store, query, values)
    rows, total = [], 0
    if first is None:
        return Page(columns, rows, 0, offset, limit)
    end = None if limit is None else offset + limit
    try:
        for solution in itertools.chain((first,), solutions):
            if total >= offset and (end is None or total < end):
                rows.append(query.tidy(columns, [_plain(solution[c]) for c in columns]))
            total += 1
    except OSError as exc:
        raise QueryError(f"the saved query {query.name!r} failed while reading its rows: {exc}") from None
    return Page(columns, rows, total, offset, limit)


def _plain(term) -> str | None:
    if term is None:
        return None
    return term.value


# What a SPARQL 1.1 endpoint answers a SELECT with, asked for JSON (the second: some servers).
_SPARQL_JSON_TYPES = ("application/sparql-results+json", "application/json")


def check_endpoint(url: str) -> str:
    """URL, if it is a web address: urllib, under SPARQLWrapper, would also open file: URLs (a
    local file) and ftp: ones. A QueryError otherwise."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise QueryError(f"{url!r} is no SPARQL endpoint: give its http:// or https:// address, "
                         "e.g. http://127.0.0.1:7878/query")
    return url


def run_remote(endpoint: str, query: SavedQuery, values: dict[str, str], timeout: float = 60) -> Result:
    """Ask a SPARQL 1.1 endpoint. The saved queries read the union of the named graphs as their
    default graph: start Oxigraph with `--union-default-graph` (other stores have a like option)."""
    from SPARQLWrapper import JSON, POST, SELECT, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException
    check_endpoint(endpoint)
    bound = bind(query, values)
    client = SPARQLWrapper(endpoint)
    client.setQuery(with_values_block(query.text_for(bound), bound))
    # SPARQLWrapper guesses the query form from the first keyword it finds outside the comments,
    # and its comment pattern skips every other line of a comment block: a header saying "copy"
    # or "add" made it send the query as an update. The saved queries are all SELECT queries.
    client.queryType = SELECT
    client.setMethod(POST)
    client.setReturnFormat(JSON)
    client.setTimeout(int(timeout))
    try:
        answer = client.query()
        content_type = (answer.info().get("content-type") or "no content type").split(";")[0].strip().lower()
        if content_type not in _SPARQL_JSON_TYPES:
            # (SPARQLWrapper would hand back the page itself, with a warning)
            raise _no_results(endpoint, content_type)
        body = answer.response.read()
    except SPARQLWrapperException as exc:
        raise QueryError(f"the endpoint {endpoint} refused the query: {exc}") from None
    except (OSError, http.client.HTTPException) as exc:
        raise QueryError(f"cannot reach the endpoint {endpoint}: {exc}") from None
    try:
        data = json.loads(body.decode("utf-8"))
    except (ValueError, RecursionError) as exc:
        raise _no_results(endpoint, f"{content_type} that is not valid JSON: {exc}") from None
    columns, rows = _select_result(data)
    if columns is None:
        raise _no_results(endpoint, f"{content_type} that is not the result of a SELECT query")
    return Result(columns, [query.tidy(columns, row) for row in rows])


def _no_results(endpoint: str, got: str) -> QueryError:
    return QueryError(f"the endpoint {endpoint} did not answer with SPARQL results (got {got})")


def _select_result(data) -> tuple[list[str] | None, list[list[str | None]]]:
    """The columns and rows of SPARQL 1.1 JSON results; (None, []) when DATA is something else."""
    head, results = (data.get("head"), data.get("results")) if isinstance(data, dict) else (None, None)
    columns = head.get("vars") if isinstance(head, dict) else None
    bindings = results.get("bindings") if isinstance(results, dict) else None
    if not (isinstance(columns, list) and all(isinstance(c, str) for c in columns) and isinstance(bindings, list)):
        return None, []
    rows = []
    for binding in bindings:
        if not isinstance(binding, dict):
            return None, []
        row = [binding.get(c) for c in columns]
        if not all(term is None or isinstance(term, dict) and isinstance(term.get("value"), str) for term in row):
            return None, []
        rows.append([None if term is None else term["value"] for term in row])
    return columns, rows


def format_result(result: Result, fmt: str) -> str:
    out = io.StringIO()
    write_result(result, fmt, out)
    return out.getvalue()


def write_result(result: Result | Page, fmt: str, out: TextIO, terminal: bool = False) -> None:
    """Write the rows as they come (csv, tsv, json); the table needs them all for its widths.

    Control characters in the values are written as escapes (kg/controls.py): in the table and
    on a terminal all of them, in a csv/tsv file those CSV does not quote, in JSON as \\u escapes.
    """
    if fmt in ("json", "csv", "tsv"):
        for chunk in iter_result(result, fmt, terminal):
            out.write(chunk)
    else:
        out.write(_table(result))


def iter_result(result: Result | Page, fmt: str, terminal: bool = False, batch: int = 1000) -> Iterator[str]:
    """The csv, tsv or json text of the rows, in pieces of `batch` rows (what `kg serve` streams)."""
    buffer = io.StringIO()
    rows = iter(result.rows)
    if fmt == "json":
        # the layout of json.dumps(rows, indent=2), one row at a time
        buffer.write("[")
        wrote = False
        for n, row in enumerate(rows, 1):
            item = as_unicode_escapes(json.dumps(dict(zip(result.columns, row)), indent=2, ensure_ascii=False))
            buffer.write(("," if wrote else "") + "\n  " + item.replace("\n", "\n  "))
            wrote = True
            if n % batch == 0:
                yield buffer.getvalue()
                buffer.seek(0), buffer.truncate()
        buffer.write("\n]\n" if wrote else "]\n")
        yield buffer.getvalue()
        return
    if fmt not in ("csv", "tsv"):
        raise QueryError(f"no such format {fmt!r}: csv, tsv or json")
    writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
    writer.writerow(result.columns)
    while True:
        piece = list(itertools.islice(rows, batch))
        if terminal:
            writer.writerows(["" if v is None else for_terminal(v) for v in row] for row in piece)
            yield buffer.getvalue()
        else:
            # the characters a file's escapes replace are none that CSV quotes or separates with,
            # so escaping the written text is escaping each value (the same bytes), a third faster
            writer.writerows(piece)
            yield for_file(buffer.getvalue())
        buffer.seek(0), buffer.truncate()
        if len(piece) < batch:
            return


def _table(result: Result | Page) -> str:
    def short(value):
        if value is None:
            return ""
        return for_terminal(value.replace(str(ID), "") if value.startswith(str(ID)) else value)
    rows = [[short(v) for v in row] for row in result.rows]
    widths = [min(40, max([len(c)] + [len(r[i]) for r in rows])) for i, c in enumerate(result.columns)]
    line = lambda cells: "  ".join(str(c)[:w].ljust(w) for c, w in zip(cells, widths)).rstrip()
    out = [line(result.columns), line(["-" * w for w in widths])] + [line(r) for r in rows]
    if isinstance(result, Page):
        out.append(result.footer())
    else:
        out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"
