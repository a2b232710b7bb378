"""Row tables of saved queries, kept beside the store (summary.sqlite) so that a first page, a
filtered page and a full CSV need not wait for the store to compute and sort every row.

The rows are the saved query's own: `kg build` runs the query itself on a small in-memory store
holding only what it reads about the articles (or resolved interactions) that changed (`_slice`),
keeps the rows of those units (`unit`: the variable that splits its rows), and files them under
their unit with their ORDER BY columns. A page is then an index scan in SQLite. Only queries whose
every row belongs to one unit are kept this way (a row of `interactions` is one article's event);
those that sum over many articles (country-network, who-met-whom, roles, agreements) are kept as
contributions and groups by kg/aggregates.py.

The graph stays the source of truth. Every build marks the summary stale before it writes to
the store and current again (with the stamp of the store's index of inputs, which every build
rewrites) once the tables are up to date; a reader that finds it stale, from another version of
kg, or from another text of the query, asks the store instead. A build that finds it stale
(a build cut short, a store built by an older kg) makes the tables again from the whole store.

Why SQLite: it is in the standard library, already holds the resolution index beside the
store, reads a page through an index in well under a millisecond, and streams rows at a few
hundred thousand a second; readers (`kg query`, `kg serve`) open it read-only while a build
writes it (WAL).
"""
from __future__ import annotations

import hashlib
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from kg.changes import INDEX_FILE as INPUTS_FILE
import pyoxigraph as ox

from kg.aggregates import AGGREGATES, Answer, fingerprint as aggregate_fingerprint, make_all as make_aggregates, \
    text_digest, update as update_aggregates
from kg.namespaces import DIP, GRAPH, ID, article_graph
from kg.queries import QueryError, SavedQuery, get_query

SUMMARY_FILE = "summary.sqlite"
VERSION = 3  # of the tables' layout and of the specs below: another version is never read

_PREFIXES = """PREFIX dip: <https://w3id.org/dipkg/ontology#>
PREFIX dipg: <https://w3id.org/dipkg/graph/>
"""
# a country takes part in an event as the saved queries say: a participant represents it (or
# one of its organisations), or it hosts the visit
_EVENT_COUNTRIES = _PREFIXES + """SELECT DISTINCT ?key ?code (false AS ?partial) WHERE {
  GRAPH ?g { ?key dip:participation/dip:represents|dip:participation/dip:represents/dip:country|dip:host ?c }
  GRAPH dipg:reference { ?c dip:iso3166Alpha3 ?code } }"""
# a visit is of a country as visits' filter says: a visitor represents it (or one of its
# organisations): every row of the visit is kept; or its host has the country's code: the rows of
# that host are kept, which are not all its rows when it has another host (`partial`: the summary
# does not answer that country, whose rows would be grouped from fewer)
_VISIT_COUNTRIES = _PREFIXES + """SELECT DISTINCT ?key ?code ?partial WHERE {
  { GRAPH ?g { ?key dip:visitor ?someone . ?key dip:participation ?vp .
               ?vp dip:agent ?someone ; dip:represents/dip:country? ?vc }
    GRAPH dipg:reference { ?vc dip:iso3166Alpha3 ?code }
    BIND(false AS ?partial) }
  UNION
  { GRAPH ?g { ?key dip:host ?host }
    GRAPH dipg:reference { ?host dip:iso3166Alpha3 ?code }
    BIND(EXISTS { GRAPH ?g { ?key dip:host ?other } FILTER(?other != ?host) } AS ?partial) } }"""


@dataclass(frozen=True)
class Spec:
    """How one saved query's rows are kept.

    unit_var / unit_column: what a unit is (g: an article and its graph; or a resolved
    interaction) and the column that names the row's unit (article_id; interaction).
    order: the query's ORDER BY, which here is always ascending output columns: SQLite's NULLs
    first and byte order of UTF-8 are SPARQL's unbound first and code-point order of strings
    (the dates are xsd:date, whose ISO text sorts as the dates do).
    filters: the parameters answered here, as SQL conditions on the row (`r`) and the key table
    (`k`: (unit, key, code) rows from `keys`, a SPARQL query restricted like the rows). Each is
    a filter the query applies to whole groups, so a filtered page is a subset of the rows.
    """
    query: str
    unit_var: str
    unit_column: str
    order: tuple[str, ...]
    filters: dict[str, str] = field(default_factory=dict)
    keys: str | None = None
    report_column: str | None = None  # the column of the report whose resolved interaction is `interaction`


_IN_KEYS = "r.{column} IN (SELECT key FROM k_{table} WHERE code = :{param})"
SPECS = {s.query: s for s in (
    Spec("interactions", "g", "article_id", ("article_id", "event", "participant"),
         {"article": "r.article_id = :article",
          "country": _IN_KEYS.format(column="event", table="interactions", param="country"),
          "from": "COALESCE(r.end_date, r.date) >= :from", "to": "r.date <= :to"},
         keys=_EVENT_COUNTRIES, report_column="event"),
    Spec("people", "g", "article_id", ("article_id", "person", "role"), {"article": "r.article_id = :article"}),
    Spec("visits", "g", "article_id", ("start_date", "visit", "meeting_date", "meeting"),
         {"country": _IN_KEYS.format(column="visit", table="visits", param="country")},
         keys=_VISIT_COUNTRIES, report_column="visit"),
    Spec("resolved-interactions", "interaction", "interaction", ("interaction", "article_id", "report"),
         {"min_reports": "CAST(r.reports AS INTEGER) >= :min_reports"}),
)}


def _table(name: str) -> str:
    return name.replace("-", "_")


def _fingerprint(query: SavedQuery) -> str:
    """What a table was made from: the query's text and this module's version."""
    return hashlib.sha256(f"{VERSION}\n{query.text}".encode("utf-8")).hexdigest()[:32]


def _inputs_stamp(location: Path) -> str | None:
    """The store's index of inputs as it is on disk: every build rewrites it, a summary made
    after one build is stale after the next."""
    try:
        st = (Path(location) / INPUTS_FILE).stat()
    except OSError:
        return None
    return f"{st.st_size}:{st.st_mtime_ns}"


def _connect(location: Path, read_only: bool) -> sqlite3.Connection | None:
    path = Path(location) / SUMMARY_FILE
    if read_only:
        if not path.is_file():
            return None
        try:
            db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            db.execute("SELECT 1 FROM meta LIMIT 1")
        except sqlite3.Error:
            return None
        return db
    db = sqlite3.connect(str(path))
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
    return db


def _meta(db: sqlite3.Connection) -> dict[str, str]:
    return dict(db.execute("SELECT key, value FROM meta"))


# -- the build's side

@dataclass
class SummaryUpdate:
    seconds: float = 0.0
    units: int = 0      # articles and resolved interactions whose rows were made again
    rows: int = 0
    rebuilt: list[str] = field(default_factory=list)  # the tables made again from the whole store
    table_seconds: dict[str, float] = field(default_factory=dict)

    def line(self) -> str:
        again = f"; made again whole: {', '.join(self.rebuilt)}" if self.rebuilt else ""
        each = ", ".join(f"{name} {seconds:.2f}" for name, seconds in self.table_seconds.items())
        return f"query summary: {self.rows} rows of {self.units} units written ({self.seconds:.2f} s: {each}{again})"


def update(kg_store, articles: Iterable[str], interactions: Iterable[str] = (),
           everything: bool = False, graphs: dict[str, bytes] | None = None) -> SummaryUpdate:
    """Bring the tables up to date after a build, and stamp them current.

    articles: the ids of the articles written or removed; interactions: the resolved interactions
    written or removed (kg/resolve.py). everything: make every table again from the store.
    graphs: the N-Quads of article graphs as the build wrote them to the store (not read back)."""
    started = time.perf_counter()
    location = Path(kg_store.location)
    db = _connect(location, read_only=False)
    out = SummaryUpdate()
    try:
        meta = _meta(db)
        # only tables that were current when this build began can be brought up to date from its changes
        stale = everything or meta.get("version") != str(VERSION) or meta.get("state") != "building" \
            or meta.get("build") != "started"
        articles = set(articles)
        interactions = set(interactions)
        slices = _Slices(kg_store, graphs or {})
        for name, spec in SPECS.items():
            began = time.perf_counter()
            query = get_query(name)
            fingerprint = _fingerprint(query)
            if stale or meta.get(f"query:{name}") != fingerprint:
                _make_table(db, kg_store, spec, query)
                out.rebuilt.append(name)
            else:
                units = _changed_units(db, spec, articles, interactions)
                if spec.report_column:
                    units |= _reassign(db, kg_store, spec, interactions)
                out.units += len(units)
                out.rows += _refresh(db, slices, spec, query, sorted(units))
            db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (f"query:{name}", fingerprint))
            out.table_seconds[name] = time.perf_counter() - began
        began = time.perf_counter()
        out.units += _update_aggregates(db, kg_store, meta, stale, articles, interactions, out, slices)
        out.table_seconds["aggregates"] = time.perf_counter() - began
        db.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (str(VERSION),))
        db.execute("INSERT OR REPLACE INTO meta VALUES ('state', 'current')")
        db.execute("DELETE FROM meta WHERE key = 'build'")
        db.execute("INSERT OR REPLACE INTO meta VALUES ('inputs', ?)", (_inputs_stamp(location) or "",))
        db.commit()
    finally:
        db.close()
    out.seconds = time.perf_counter() - started
    return out


def _update_aggregates(db, kg_store, meta: dict, stale: bool, articles: set[str], interactions: set[str],
                       out: SummaryUpdate, slices: "_Slices") -> int:
    """The tables of the queries that sum over many articles (kg/aggregates.py): made again whole
    when any is stale, else grouped again for the keys this build's changes touch. A query whose
    text the code there does not follow is not kept (the store answers it)."""
    kept, marks = [], {}
    for name, aggregate in AGGREGATES.items():
        query = get_query(name)
        if aggregate.digest != text_digest(query):
            db.execute("DELETE FROM meta WHERE key = ?", (f"aggregate:{name}",))
            continue
        kept.append(aggregate)
        marks[name] = aggregate_fingerprint(aggregate, query)
    if not kept:
        return 0
    if stale or any(meta.get(f"aggregate:{name}") != mark for name, mark in marks.items()):
        make_aggregates(db, kg_store, kept)
        out.rebuilt += [a.name for a in kept]
        grouped = 0
    else:
        piece = slices.get("g", sorted(articles)) if articles else None  # (holds other articles too: harmless)
        grouped = update_aggregates(db, kg_store, articles, interactions, kept, piece)
    for name, mark in marks.items():
        db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (f"aggregate:{name}", mark))
    return grouped


def begin_build(location: Path) -> None:
    """Mark the tables stale for the build that starts: a build that ends updates them from what
    it changed ('started'); one cut short leaves them 'building' without it, made again next time."""
    if not (Path(location) / SUMMARY_FILE).exists():
        return
    db = _connect(location, read_only=False)
    with db:
        meta = _meta(db)
        # only tables current for the store as it is can be brought up to date from one build's
        # changes: not after a build cut short, nor after a build by a kg that does not keep them
        current = meta.get("state") == "current" and meta.get("inputs") == _inputs_stamp(location)
        db.execute("INSERT OR REPLACE INTO meta VALUES ('state', 'building')")
        db.execute("INSERT OR REPLACE INTO meta VALUES ('build', ?)", ("started" if current else "lost",))
    db.close()


def _changed_units(db, spec: Spec, articles: set[str], interactions: set[str]) -> set[str]:
    if spec.unit_var == "g":
        return set(articles)
    # a resolved interaction's rows: written or removed ones, and those reporting changed articles' events
    units = set(interactions)
    if articles:
        units |= _select_in(db, f'SELECT DISTINCT unit FROM "{_table(spec.query)}" WHERE article_id IN ({{}})', articles)
    return units


_REPORT = ox.NamedNode(str(DIP.report))
_RESOLUTION = ox.NamedNode(str(GRAPH["resolution"]))


def _reassign(db, kg_store, spec: Spec, interactions: set[str]) -> set[str]:
    """Give the rows of the reports of the resolved interactions written or removed the one that
    reports them now (the query's SAMPLE(?ri) of `?ri dip:report ?report`, which is that one),
    without running the query for their articles: a 1% build rewrites the interactions of four
    or five times as many articles as it maps. Returns the articles of the reports that two
    resolved interactions name, whose rows are made again from the query instead."""
    table, column = _table(spec.query), spec.report_column
    reports = _select_in(db, f'SELECT DISTINCT "{column}" FROM "{table}" WHERE interaction IN ({{}})', interactions)
    for iri in interactions:
        reports.update(q.object.value for q in kg_store.store.quads_for_pattern(ox.NamedNode(iri), _REPORT, None,
                                                                               _RESOLUTION))
    again: set[str] = set()
    updates = []
    for report in reports:
        holders = {q.subject.value for q in kg_store.store.quads_for_pattern(None, _REPORT, ox.NamedNode(report), None)}
        if len(holders) > 1:
            again.add(_unit_of_key(report))
        else:
            updates.append((next(iter(holders), None), report))
    db.executemany(f'UPDATE "{table}" SET interaction = ? WHERE "{column}" = ?', updates)
    return again


def _select_in(db, sql: str, values: set[str]) -> set[str]:
    found: set[str] = set()
    values = sorted(values)
    for i in range(0, len(values), 500):
        chunk = values[i:i + 500]
        found.update(u for (u,) in db.execute(sql.format(",".join("?" * len(chunk))), chunk))
    return found


def _columns(db, table: str) -> list[str]:
    return [row[1] for row in db.execute(f'PRAGMA table_info("{table}")')]


def _make_table(db, kg_store, spec: Spec, query: SavedQuery) -> None:
    table = _table(spec.query)
    db.execute(f'DROP TABLE IF EXISTS "{table}"')
    db.execute(f'DROP TABLE IF EXISTS "k_{table}"')
    solutions = kg_store.query(query.text)
    columns = [v.value for v in solutions.variables]
    cols = ", ".join(f'"{c}" TEXT' for c in columns)
    db.execute(f'CREATE TABLE "{table}" (unit TEXT, seq INTEGER, {cols})')
    _insert(db, table, spec, columns, _values(solutions, columns))
    order = ", ".join(f'"{c}"' for c in spec.order)
    db.execute(f'CREATE INDEX "{table}_order" ON "{table}" ({order}, unit, seq)')
    db.execute(f'CREATE INDEX "{table}_unit" ON "{table}" (unit)')
    for column in ("interaction", "event", "visit"):
        if column in columns and column not in spec.order[:1]:
            db.execute(f'CREATE INDEX "{table}_{column}" ON "{table}" ("{column}")')
    if spec.keys:
        db.execute(f'CREATE TABLE "k_{table}" (unit TEXT, key TEXT, code TEXT, partial TEXT)')
        _insert_keys(db, table, _values(kg_store.query(spec.keys), _KEY_COLUMNS))
        db.execute(f'CREATE INDEX "k_{table}_code" ON "k_{table}" (code, key)')
        db.execute(f'CREATE INDEX "k_{table}_unit" ON "k_{table}" (unit)')


def _unit_of_key(key: str) -> str:
    """The article an event IRI belongs to (event/ARTICLE/N; a visit is an event)."""
    rest = key[len(str(ID)):] if key.startswith(str(ID)) else key
    parts = rest.split("/")
    return parts[1] if len(parts) >= 3 else rest


_KEY_COLUMNS = ["key", "code", "partial"]


def _insert_keys(db, table: str, keys: Iterable[list[str]]) -> None:
    db.executemany(f'INSERT INTO "k_{table}" VALUES (?, ?, ?, ?)', ((_unit_of_key(key), key, code, partial)
                                                                   for key, code, partial in keys))


def _values(solutions, columns: list[str]) -> Iterator[list[str | None]]:
    for solution in solutions:
        yield [None if (term := solution[c]) is None else term.value for c in columns]


def _insert(db, table: str, spec: Spec, columns: list[str], rows: Iterable[list[str | None]]) -> int:
    """File ROWS under their units, numbered in the order given (within a unit, the store's)."""
    unit_at = columns.index(spec.unit_column)
    marks = ", ".join("?" * (len(columns) + 2))
    n = 0

    def filed():
        nonlocal n
        for values in rows:
            yield (values[unit_at], n, *values)
            n += 1
    db.executemany(f'INSERT INTO "{table}" VALUES ({marks})', filed())
    return n


def _refresh(db, slices: "_Slices", spec: Spec, query: SavedQuery, units: list[str]) -> int:
    """Replace the rows (and keys) of UNITS with what the query gives for them now."""
    if not units:
        return 0
    table = _table(spec.query)
    columns = _columns(db, table)[2:]
    for i in range(0, len(units), 500):
        chunk = units[i:i + 500]
        marks = ",".join("?" * len(chunk))
        db.execute(f'DELETE FROM "{table}" WHERE unit IN ({marks})', chunk)
        if spec.keys:
            db.execute(f'DELETE FROM "k_{table}" WHERE unit IN ({marks})', chunk)
    piece = slices.get(spec.unit_var, units)
    solutions = piece.query(query.text, use_default_graph_as_union=True)
    if [v.value for v in solutions.variables] != columns:
        raise QueryError(f"the saved query {spec.query!r} changed its columns: build the summary again")
    wanted = set(units)
    unit_at = columns.index(spec.unit_column)
    # within a unit the order the query gives is kept (seq): rows tied on the ORDER BY stay as it gave them
    written = _insert(db, table, spec, columns, (r for r in _values(solutions, columns) if r[unit_at] in wanted))
    if spec.keys:
        keys = _values(piece.query(spec.keys, use_default_graph_as_union=True), _KEY_COLUMNS)
        _insert_keys(db, table, (k for k in keys if _unit_of_key(k[0]) in wanted))
    return written


_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_MERGED_VALUE = ox.NamedNode(str(DIP.mergedValue))
_DERIVED_FROM = ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom")
_ARTICLE_ID = ox.NamedNode(str(DIP.articleId))
_REFERENCE = ox.NamedNode(str(GRAPH["reference"]))


class _Slices:
    """The in-memory stores of one update: one of articles, grown with the articles each table
    asks for more (rows are kept for the units asked for only, so more graphs do no harm), and the
    last one of resolved interactions."""

    def __init__(self, kg_store, written: dict[str, bytes]):
        self.kg_store, self.written = kg_store, written
        self.articles: ox.Store | None = None
        self.held: set[str] = set()
        self.events: set = set()  # whose dip:report statements the slice of articles holds
        self.interactions: tuple[tuple, ox.Store] | None = None

    def get(self, unit_var: str, units: list[str]) -> ox.Store:
        if unit_var == "g":
            if self.articles is None:
                self.articles = ox.Store()
                self.articles.extend(self.kg_store.store.quads_for_pattern(None, None, None, _REFERENCE))
            missing = [u for u in units if u not in self.held]
            given = [u for u in missing if u in self.written]
            if given:
                self.articles.load(b"".join(self.written[u] for u in given), format=ox.RdfFormat.N_QUADS)
                events = {q.subject for c in _EVENT_CLASSES for q in self.articles.quads_for_pattern(None, _TYPE, c, None)}
                self.articles.extend(_reports(self.kg_store.store, events - self.events))
                self.events |= events
            self.articles.extend(_article_quads(self.kg_store.store, [u for u in missing if u not in self.written]))
            self.held.update(missing)
            return self.articles
        if self.interactions is None or self.interactions[0] != tuple(units):
            piece = ox.Store()
            piece.extend(self.kg_store.store.quads_for_pattern(None, None, None, _REFERENCE))
            piece.extend(_interaction_quads(self.kg_store.store, units))
            self.interactions = (tuple(units), piece)
        return self.interactions[1]


# An in-memory store holding what a query reads about some units, and the reference graph, gives
# their rows as the whole store does, in one run (a run an article on the store took 4-7 ms at
# 100,000 articles; reading 1,000 articles' graphs takes about a second).
_EVENT_CLASSES = {ox.NamedNode(str(DIP[c])) for c in (
    "Meeting", "CourtesyCall", "Visit", "StateVisit", "OfficialVisit", "WorkingVisit", "PhoneCall", "VideoConference",
    "Correspondence", "AgreementSigning")}


def _article_quads(store, units: list[str]) -> list:
    """Articles: their graphs, and the dip:report statements that name their events (the queries'
    `?ri dip:report ?event`, read from the union of the graphs)."""
    quads = []
    for unit in units:
        quads += store.quads_for_pattern(None, None, None, ox.NamedNode(str(article_graph(unit))))
    return quads + _reports(store, {q.subject for q in quads if q.predicate == _TYPE and q.object in _EVENT_CLASSES})


def _reports(store, events) -> list:
    """The dip:report statements (any graph) that name EVENTS."""
    found = []
    for event in events:
        found += store.quads_for_pattern(None, _REPORT, event, None)
    return found


def _interaction_quads(store, units: list[str]) -> list:
    """Resolved interactions: their statements and their merged values' in the resolution graph, and
    their reports' statements and their articles' ids, in whichever graph states them."""
    quads = []
    for unit in units:
        own = list(store.quads_for_pattern(ox.NamedNode(unit), None, None, _RESOLUTION))
        quads += own
        for q in own:
            if q.predicate == _MERGED_VALUE:
                quads += store.quads_for_pattern(q.object, None, None, _RESOLUTION)
            elif q.predicate == _REPORT:
                said = list(store.quads_for_pattern(q.object, None, None, None))
                quads += said
                for article in {r.object for r in said if r.predicate == _DERIVED_FROM}:
                    quads += store.quads_for_pattern(article, _ARTICLE_ID, None, None)
    return quads


# -- the readers' side

class Summary:
    """The tables, opened read-only, when they are current for the store at LOCATION."""

    def __init__(self, db: sqlite3.Connection, meta: dict[str, str]):
        self.db, self.meta = db, meta
        self.answers: dict = {}  # (query, parameters) -> kg.aggregates.Answer: its count, then its page

    @classmethod
    def open(cls, location: Path) -> "Summary | None":
        db = _connect(Path(location), read_only=True)
        if db is None:
            return None
        meta = _meta(db)
        if meta.get("version") != str(VERSION) or meta.get("state") != "current" \
                or meta.get("inputs") != _inputs_stamp(location):
            db.close()
            return None
        return cls(db, meta)

    def serves(self, query: SavedQuery, bound: dict) -> bool:
        """Whether this query with these bound parameters is answered here, identically."""
        aggregate = AGGREGATES.get(query.name)
        if aggregate is not None:
            return (aggregate.digest == text_digest(query) and set(bound) <= aggregate.filters
                    and self.meta.get(f"aggregate:{query.name}") == aggregate_fingerprint(aggregate, query))
        spec = SPECS.get(query.name)
        return (spec is not None and set(bound) <= set(spec.filters)
                and self.meta.get(f"query:{query.name}") == _fingerprint(query) and not self._partial(spec, bound))

    def _partial(self, spec: Spec, bound: dict) -> bool:
        """Whether the country's filter keeps only some rows of a group (see _VISIT_COUNTRIES)."""
        if not spec.keys or "country" not in bound:
            return False
        return self.db.execute(f'SELECT 1 FROM "k_{_table(spec.query)}" WHERE code = ? GROUP BY key '
                               "HAVING MIN(partial) = 'true' LIMIT 1", (str(bound["country"]),)).fetchone() is not None

    def _where(self, spec: Spec, bound: dict) -> tuple[str, dict]:
        if not bound:
            return "", {}
        values = {name: (int(str(term)) if name == "min_reports" else str(term)) for name, term in bound.items()}
        return " WHERE " + " AND ".join(f"({spec.filters[name]})" for name in sorted(bound)), values

    def _answer(self, query: SavedQuery, bound: dict) -> Answer:
        key = (query.name, tuple(sorted((k, str(v)) for k, v in bound.items())))
        if key not in self.answers:
            self.answers[key] = Answer(self.db, AGGREGATES[query.name], bound)
        return self.answers[key]

    def count(self, query: SavedQuery, bound: dict) -> int:
        if query.name in AGGREGATES:
            return self._answer(query, bound).count()
        spec = SPECS[query.name]
        where, values = self._where(spec, bound)
        return self.db.execute(f'SELECT COUNT(*) FROM "{_table(spec.query)}" r{where}', values).fetchone()[0]

    def rows(self, query: SavedQuery, bound: dict, offset: int = 0, limit: int | None = None) -> tuple[list[str], Iterator]:
        """The columns and the rows (lists) in the query's order, from OFFSET, at most LIMIT."""
        if query.name in AGGREGATES:
            return list(AGGREGATES[query.name].out), self._answer(query, bound).page(offset, limit)
        spec = SPECS[query.name]
        table = _table(spec.query)
        columns = _columns(self.db, table)[2:]
        where, values = self._where(spec, bound)
        order = ", ".join(f'r."{c}"' for c in spec.order) + ", r.unit, r.seq"
        select = ", ".join(f'r."{c}"' for c in columns)
        sql = f'SELECT {select} FROM "{table}" r{where} ORDER BY {order}'
        if limit is not None or offset:
            sql += f" LIMIT {-1 if limit is None else int(limit)} OFFSET {int(offset)}"
        cursor = self.db.execute(sql, values)
        return columns, (query.tidy(columns, list(row)) for row in cursor)

    def close(self) -> None:
        self.db.close()
