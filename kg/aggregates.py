"""Tables of the saved queries that sum over many articles (country-network, who-met-whom, roles,
agreements), kept in the query summary (summary.sqlite, kg/summary.py) so that their first page, a
country, a person in any case, and a full CSV are read from an index instead of waiting for the store
to join, group and sort every report.

Each is kept in two layers:

- contributions (`c_NAME`): the rows of the saved query's WHERE before it groups them, one graph at a
  time (an article's; the dictionary's for roles), as a SPARQL query of this module reads them:
  the query's own patterns, less what the resolution graph says;
- what the resolution graph says (`x_report`: the resolved interaction of each report; `x_class`:
  its merged class; `x_same`: owl:sameAs; `x_names`: the names of people, lower-cased by the store,
  with a folded key: case-folded, accents stripped), kept beside them;

and the groups are made here, in Python, with the query's aggregates (MIN, COUNT DISTINCT,
GROUP_CONCAT DISTINCT of sorted items: `#+ lists:` in the query sorts them the same way on the store's
path). The unfiltered table (`a_NAME`; who-met-whom's default status) is kept made, ordered by an
index as the query's ORDER BY orders; a filtered one (a country, a person, a status) is grouped from
the contributions it selects, through an index, when asked.

A build reads the contributions of the articles it wrote or removed from a small in-memory store
holding just their graphs and the reference graph (the patterns read nothing else), then groups
again only the keys those contributions, and the resolution's changes, touch: a country pair, a pair
of people, a person's roles, an agreement.

The code here is written for one text of each saved query (`digest`): a query edited since is not
kept here, and asked of the store, until this module follows it (tests/test_summary.py says so).
The tests compare every table and filter with the store's answer, row by row and in order.
"""
from __future__ import annotations

import hashlib
import itertools
import sqlite3
import unicodedata
from collections import defaultdict
from typing import Iterable, Iterator

import pyoxigraph as ox

from kg.namespaces import article_graph

DIP = "https://w3id.org/dipkg/ontology#"
_REPORT = ox.NamedNode(DIP + "report")
_MERGED_CLASS = ox.NamedNode(DIP + "mergedClass")
_SAME_AS = ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs")
_REFERENCE = "https://w3id.org/dipkg/graph/reference"
_RESOLUTION = "https://w3id.org/dipkg/graph/resolution"
_ARTICLE_GRAPH = "https://w3id.org/dipkg/graph/article/"
NO_DATE_EARLY, NO_DATE_LATE = "9999-12-31", "0001-01-01"

_PREFIXES = """PREFIX dip: <https://w3id.org/dipkg/ontology#>
PREFIX dipg: <https://w3id.org/dipkg/graph/>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""
_INTERACTION_CLASSES = """FILTER(?class IN (dip:Meeting, dip:CourtesyCall, dip:Visit, dip:StateVisit, dip:OfficialVisit,
                      dip:WorkingVisit, dip:PhoneCall, dip:VideoConference, dip:Correspondence, dip:AgreementSigning))"""
_TAKES_PART = "dip:participation/dip:represents|dip:participation/dip:represents/dip:country|dip:host"

# the names of people, in every graph: a person may be asked for by any of them (roles' `person`)
_NAMES = _PREFIXES + """SELECT DISTINCT ?g ?node (LCASE(STR(?name)) AS ?lc) WHERE {
  GRAPH ?g { ?node schema:name ?name FILTER EXISTS { { ?node a dip:Person } UNION { ?tenure org:member ?node } } } }"""
_RESOLUTION_NAMES = _PREFIXES + """SELECT ?node ?name (LCASE(STR(?name)) AS ?lc) WHERE {
  GRAPH dipg:resolution { ?node schema:name ?name } }"""


def fold(text: str) -> str:
    """A name's key: case-folded, accents stripped ("Hun Sen", "HUN SEN", "Hún Sen" share one)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_LCASE = ox.Store()


def lcase(text: str) -> str:
    """SPARQL's LCASE, as the store computes it (the stored names were lower-cased by the store)."""
    solution = next(iter(_LCASE.query("SELECT ?t (LCASE(?t) AS ?l) WHERE {}", substitutions={
        ox.Variable("t"): ox.Literal(text)})))
    return solution["l"].value


def text_digest(query) -> str:
    return hashlib.sha256(query.text.encode("utf-8")).hexdigest()[:16]


def _local(iri: str | None) -> str | None:
    return None if iri is None else iri.split("#", 1)[1] if "#" in iri else ""


def _min(values: Iterable) -> str | None:
    values = [v for v in values if v is not None]
    return min(values) if values else None


def _list(values: Iterable[str | None], separator: str) -> str:
    """GROUP_CONCAT(DISTINCT ...) with its items sorted (queries.sorted_list on the joined text)."""
    from kg.queries import sorted_list
    return sorted_list(separator.join(set(v for v in values if v is not None)), separator) or ""


def _chunks(values, size: int = 500):
    values = sorted(values)
    for i in range(0, len(values), size):
        yield values[i:i + size]


class Side:
    """What the resolution graph says, read from the summary's side tables (all of it, or as asked)."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db
        self.reports: dict[str, list[str]] = {}
        self.classes: dict[str, list[str]] = {}
        self.same: dict[str, list[str]] | None = None
        self.aliases_of: dict[str, set[str]] | None = None
        self.names: dict[str, list[str]] | None = None

    def _load(self, table: str, key: str, value: str, wanted: Iterable[str], into: dict) -> None:
        missing = {w for w in wanted if w not in into}
        for chunk in _chunks(missing):
            for k, v in self.db.execute(f'SELECT {key}, {value} FROM {table} WHERE {key} IN ({",".join("?" * len(chunk))})',
                                        chunk):
                into.setdefault(k, []).append(v)
        for w in missing:
            into.setdefault(w, [])

    def load_events(self, events: Iterable[str]) -> None:
        self._load("x_report", "event", "ri", events, self.reports)
        self._load("x_class", "ri", "class", {ri for e in events for ri in self.reports.get(e, ())}, self.classes)

    def load_all(self) -> None:
        for event, ri in self.db.execute("SELECT event, ri FROM x_report"):
            self.reports.setdefault(event, []).append(ri)
        for ri, cls in self.db.execute("SELECT ri, class FROM x_class"):
            self.classes.setdefault(ri, []).append(cls)

    def _people(self) -> None:
        if self.same is None:
            self.same, self.aliases_of, self.names = defaultdict(list), defaultdict(set), defaultdict(list)
            for node, canonical in self.db.execute("SELECT node, canonical FROM x_same"):
                self.same[node].append(canonical)
                self.aliases_of[canonical].add(node)
            for node, name in self.db.execute("SELECT node, name FROM x_names WHERE g = ?", (_RESOLUTION,)):
                self.names[node].append(name)

    def ris(self, event: str) -> list[str | None]:
        return self.reports.get(event) or [None]

    def canonical(self, node: str) -> list[str]:
        self._people()
        return self.same.get(node) or [node]

    def aliases(self, person: str) -> set[str]:
        """The nodes whose canonical IRI is PERSON."""
        self._people()
        found = set(self.aliases_of.get(person, ()))
        if not self.same.get(person):
            found.add(person)
        return found

    def resolution_names(self, person: str) -> list[str]:
        self._people()
        return self.names.get(person, [])


class Aggregate:
    """One saved query kept as contributions and groups; see the module's docstring."""
    name: str
    digest: str                    # the text of the saved query this code follows
    contributions: str             # SPARQL: ?g and `columns`, from GRAPH ?g and the reference graph only
    columns: tuple[str, ...]       # the contributions' columns after g
    keys: tuple[str, ...] = ()     # extra columns written with each contribution (from `derive`)
    indexes: tuple[tuple[str, ...], ...] = ()
    out: tuple[str, ...]           # the query's columns
    integers: frozenset = frozenset()
    hidden: tuple[str, ...] = ()   # columns of the kept table used only to order it
    order: str                     # SQL ORDER BY of the kept table: the query's ORDER BY
    filters: frozenset = frozenset()
    default: dict = {}             # the bound parameters of the kept table
    events = False                 # whether the contributions name events (resolution side tables)

    def derive(self, row: list) -> list:
        return row

    # the recompute keys rows contribute to, and the rows of a key
    def key_of(self, rows: list[tuple], side: Side) -> set[str]:
        raise NotImplementedError

    def rows_of_keys(self, db, keys: set[str], side: Side) -> list[tuple]:
        raise NotImplementedError

    def groups(self, rows: list[tuple], side: Side, bound: dict) -> list[tuple[str, list]]:
        """(recompute key, output row + hidden columns) of every group ROWS make under BOUND."""
        raise NotImplementedError

    def selected(self, db, bound: dict, side: Side) -> list[tuple]:
        """The contributions a filtered run reads (every one when no filter selects fewer)."""
        return list(db.execute(f'SELECT * FROM "c_{self.table}"'))

    def sort_key(self, row: list):
        raise NotImplementedError

    @property
    def table(self) -> str:
        return self.name.replace("-", "_")


def _asc(value):
    return (value is not None, value or "")


class CountryNetwork(Aggregate):
    name = "country-network"
    digest = "e7bd0f37da105b7c"
    contributions = _PREFIXES + f"""SELECT DISTINCT ?g ?event ?class ?st ?country_a ?label_a ?country_b ?label_b WHERE {{
  GRAPH ?g {{
    ?event a ?class ; dip:status ?st .
    {_INTERACTION_CLASSES}
    ?event {_TAKES_PART} ?ca .
    ?event {_TAKES_PART} ?cb .
  }}
  FILTER(STR(?ca) < STR(?cb))
  OPTIONAL {{ GRAPH dipg:reference {{ ?ca dip:iso3166Alpha3 ?country_a }} }}
  OPTIONAL {{ GRAPH dipg:reference {{ ?cb dip:iso3166Alpha3 ?country_b }} }}
  FILTER(BOUND(?country_a) && BOUND(?country_b))
  OPTIONAL {{ GRAPH dipg:reference {{ ?ca skos:prefLabel ?label_a FILTER(LANG(?label_a) = "en") }} }}
  OPTIONAL {{ GRAPH dipg:reference {{ ?cb skos:prefLabel ?label_b FILTER(LANG(?label_b) = "en") }} }}
}}"""
    columns = ("event", "class", "st", "country_a", "label_a", "country_b", "label_b")
    indexes = (("country_a", "country_b"), ("country_b",), ("event",))
    out = ("country_a", "name_a", "country_b", "name_b", "type", "interactions", "sources")
    integers = frozenset({"interactions"})
    order = "country_a, country_b, type"
    filters = frozenset({"country", "status"})
    events = True

    def key_of(self, rows, side):
        return {f"{r[4]} {r[6]}" for r in rows}

    def rows_of_keys(self, db, keys, side):
        rows = []
        for key in keys:
            a, b = key.split(" ")
            rows += db.execute('SELECT * FROM c_country_network WHERE country_a = ? AND country_b = ?', (a, b))
        return rows

    def selected(self, db, bound, side):
        if "country" in bound:
            code = str(bound["country"])
            return list(db.execute("SELECT * FROM c_country_network WHERE country_a = ? UNION ALL "
                                   "SELECT * FROM c_country_network WHERE country_b = ? AND country_a != ?",
                                   (code, code, code)))
        return super().selected(db, bound, side)

    def groups(self, rows, side, bound):
        status = str(bound["status"]) if "status" in bound else None
        side.load_events({r[1] for r in rows})
        groups: dict[tuple, list] = defaultdict(list)
        for g, event, cls, st, code_a, label_a, code_b, label_b in rows:
            if status is not None and _local(st) != status:
                continue
            for ri in side.ris(event):
                for merged in (side.classes.get(ri) or [None]) if ri else [None]:
                    groups[(code_a, code_b, _local(merged or cls))].append((label_a, label_b, ri or event, g))
        return [(f"{a} {b}", [a, _min(x[0] for x in found), b, _min(x[1] for x in found), kind,
                              len({x[2] for x in found}), _list((_source(x[3]) for x in found), " ")])
                for (a, b, kind), found in groups.items()]

    def sort_key(self, row):
        return (_asc(row[0]), _asc(row[2]), _asc(row[4]))


def _source(graph: str) -> str:
    """STRAFTER(STR(?g), "/graph/article/")."""
    at = graph.find("/graph/article/")
    return graph[at + len("/graph/article/"):] if at >= 0 else ""


class WhoMetWhom(Aggregate):
    name = "who-met-whom"
    digest = "6eb8a31f15a5ea76"
    contributions = _PREFIXES + f"""SELECT DISTINCT ?g ?event ?st ?a_ ?na ?na_lc ?b_ ?nb ?nb_lc ?date WHERE {{
  GRAPH ?g {{
    ?event a ?class ; dip:status ?st ; dip:participant ?a_, ?b_ .
    {_INTERACTION_CLASSES}
    ?a_ a dip:Person ; schema:name ?na .
    ?b_ a dip:Person ; schema:name ?nb .
    OPTIONAL {{ ?event schema:startDate ?date }}
  }}
  BIND(LCASE(STR(?na)) AS ?na_lc)
  BIND(LCASE(STR(?nb)) AS ?nb_lc)
}}"""
    columns = ("event", "st", "a_", "na", "na_lc", "b_", "nb", "nb_lc", "date")
    keys = ("na_key", "nb_key")
    indexes = (("a_", "b_"), ("b_",), ("na_key",), ("nb_key",), ("event",))
    out = ("person_a", "name_a", "person_b", "name_b", "interactions", "first_date", "last_date", "sources")
    integers = frozenset({"interactions"})
    order = "interactions DESC, person_a, person_b"
    filters = frozenset({"person", "status"})
    default = {"status": "occurred"}
    events = True

    def derive(self, row):
        return row + [fold(row[5]), fold(row[8])]

    def key_of(self, rows, side):
        return {f"{pa}\t{pb}" for r in rows for pa in side.canonical(r[3]) for pb in side.canonical(r[6]) if pa < pb}

    def rows_of_keys(self, db, keys, side):
        rows = []
        for key in keys:
            pa, pb = key.split("\t")
            for a_ in side.aliases(pa):
                for b_ in side.aliases(pb):
                    rows += db.execute("SELECT * FROM c_who_met_whom WHERE a_ = ? AND b_ = ?", (a_, b_))
        return rows

    def selected(self, db, bound, side):
        if "person" in bound:
            wanted = lcase(str(bound["person"]))
            key = fold(wanted)
            found = db.execute("SELECT * FROM c_who_met_whom WHERE na_key = ? UNION "
                               "SELECT * FROM c_who_met_whom WHERE nb_key = ?", (key, key))
            return [r for r in found if wanted in (r[5], r[8])]
        return super().selected(db, bound, side)

    def groups(self, rows, side, bound):
        status = str(bound.get("status", "occurred"))
        side.load_events({r[1] for r in rows})
        groups: dict[tuple, list] = defaultdict(list)
        for g, event, st, a_, na, _, b_, nb, _, date, *_ in rows:
            if status != "any" and _local(st) != status:
                continue
            for pa in side.canonical(a_):
                for pb in side.canonical(b_):
                    if pa < pb:
                        for ri in side.ris(event):
                            groups[(pa, pb)].append((na, nb, ri or event, date, g))
        found_rows = []
        for (pa, pb), found in groups.items():
            early = min(x[3] or NO_DATE_EARLY for x in found)
            late = max(x[3] or NO_DATE_LATE for x in found)
            found_rows.append((f"{pa}\t{pb}", [
                pa, _min(side.resolution_names(pa)) or _min(x[0] for x in found),
                pb, _min(side.resolution_names(pb)) or _min(x[1] for x in found),
                len({x[2] for x in found}), early if early < NO_DATE_EARLY else None,
                late if late > NO_DATE_LATE else None, _list((_source(x[4]) for x in found), " ")]))
        return found_rows

    def sort_key(self, row):
        return (-row[4], _asc(row[0]), _asc(row[2]))


class ByFirstColumn(Aggregate):
    """An aggregate grouped again by the value of its contributions' first column (after g)."""

    def key_of(self, rows, side):
        return {r[1] for r in rows}

    def rows_of_keys(self, db, keys, side):
        return _rows_with(db, self, self.columns[0], keys)


class Roles(ByFirstColumn):
    name = "roles"
    digest = "30227c3e3e5294e3"
    contributions = _PREFIXES + """SELECT DISTINCT ?g ?person ?role ?owner ?claim ?start_date ?end_date ?person_name ?stated
       ?owner_label ?code ?early ?late ?source WHERE {
  GRAPH ?g {
    ?tenure a dip:Tenure ; org:member ?person ; org:organization ?owner .
    ?person schema:name ?person_name .
    OPTIONAL { ?tenure org:role ?office }
    OPTIONAL { ?tenure dip:roleLabel ?stated }
    OPTIONAL { ?tenure schema:startDate ?start_date }
    OPTIONAL { ?tenure schema:endDate ?end_date }
    OPTIONAL { ?tenure dip:attestedOn ?attested }
    OPTIONAL { ?tenure prov:wasDerivedFrom ?article . ?article dip:articleId ?article_id }
    OPTIONAL { ?tenure prov:wasDerivedFrom ?wikidata FILTER(STRSTARTS(STR(?wikidata), "http://www.wikidata.org/entity/")) }
    OPTIONAL { ?owner skos:prefLabel ?owner_pref FILTER(LANG(?owner_pref) = "en" || LANG(?owner_pref) = "") }
    OPTIONAL { ?owner dip:country ?owner_country . GRAPH dipg:reference { ?owner_country dip:iso3166Alpha3 ?owner_home } }
  }
  BIND(COALESCE(STRAFTER(STR(?office), "/role/"), LCASE(STR(?stated))) AS ?role)
  OPTIONAL { GRAPH dipg:reference { ?owner dip:iso3166Alpha3 ?owner_code } }
  OPTIONAL { GRAPH dipg:reference { ?owner skos:prefLabel ?owner_ref FILTER(LANG(?owner_ref) = "en") } }
  OPTIONAL { GRAPH dipg:reference { ?owner dip:country ?ref_country . ?ref_country dip:iso3166Alpha3 ?ref_home } }
  BIND(COALESCE(?owner_code, ?owner_home, ?ref_home) AS ?code)
  BIND(COALESCE(STR(?owner_ref), STR(?owner_pref), STRAFTER(STR(?owner), "/id/")) AS ?owner_label)
  BIND(COALESCE(?article_id, STR(?wikidata), "office-holders") AS ?source)
  BIND(IF(BOUND(?article_id), "", STR(?tenure)) AS ?claim)
  BIND(COALESCE(?attested, "9999-12-31"^^xsd:date) AS ?early)
  BIND(COALESCE(?attested, "0001-01-01"^^xsd:date) AS ?late)
}"""
    columns = ("person", "role", "owner", "claim", "start_date", "end_date", "person_name", "stated", "owner_label",
               "code", "early", "late", "source")
    indexes = (("person",), ("code",))
    out = ("person", "name", "role", "role_label", "organisation", "country", "start_date", "end_date",
           "first_attested", "last_attested", "sources")
    hidden = ("sort_start", "owner", "claim")
    order = "name, role, organisation, sort_start, person, owner, claim, start_date, end_date"
    filters = frozenset({"country", "person"})


    def selected(self, db, bound, side):
        rows = None
        if "person" in bound:
            wanted = lcase(str(bound["person"]))
            people = {node for node, lc in db.execute("SELECT node, name_lc FROM x_names WHERE name_key = ?",
                                                      (fold(wanted),)) if lc == wanted}
            rows = self.rows_of_keys(db, people, side)
        if "country" in bound:
            code = str(bound["country"])
            rows = [r for r in rows if r[10] == code] if rows is not None else \
                list(db.execute("SELECT * FROM c_roles WHERE code = ?", (code,)))
        return rows if rows is not None else super().selected(db, bound, side)

    def groups(self, rows, side, bound):
        groups: dict[tuple, list] = defaultdict(list)
        for r in rows:
            groups[r[1:7]].append(r)
        found_rows = []
        for (person, role, owner, claim, start, end), found in groups.items():
            early = min(r[11] for r in found)
            late = max(r[12] for r in found)
            first = early if early < NO_DATE_EARLY else None
            found_rows.append((person, [
                person, _min(r[7] for r in found), role, _min(r[8] for r in found), _min(r[9] for r in found),
                _min(r[10] for r in found), start, end, first, late if late > NO_DATE_LATE else None,
                _list((r[13] for r in found), " "), start if start is not None else first, owner, claim]))
        return found_rows

    def sort_key(self, row):
        return (_asc(row[1]), _asc(row[2]), _asc(row[4]), _asc(row[11]), _asc(row[0]), _asc(row[12]), _asc(row[13]),
                _asc(row[6]), _asc(row[7]))


class Agreements(ByFirstColumn):
    name = "agreements"
    digest = "1140ea1bb13ea284"
    contributions = _PREFIXES + """SELECT DISTINCT ?g ?agreement ?title ?kind_label ?who ?day ?event ?source_id WHERE {
  GRAPH ?g {
    ?agreement a ?class .
    FILTER(?class IN (dip:Agreement, dip:MemorandumOfUnderstanding, dip:Treaty))
    OPTIONAL { ?agreement schema:name ?title }
    OPTIONAL { ?agreement dip:agreementKind ?kind_concept .
               OPTIONAL { GRAPH dipg:reference { ?kind_concept skos:prefLabel ?kind_pref FILTER(LANG(?kind_pref) = "en") } } }
    OPTIONAL { ?source a dip:NewsArticle ; dip:articleId ?source_id }
    OPTIONAL { ?event dip:agreement ?agreement . OPTIONAL { ?event schema:startDate ?day } }
    OPTIONAL { ?agreement dip:party ?party .
               OPTIONAL { ?party schema:name ?party_name }
               OPTIONAL { ?party skos:prefLabel ?party_pref FILTER(LANG(?party_pref) = "en" || LANG(?party_pref) = "") }
               OPTIONAL { GRAPH dipg:reference { ?party dip:iso3166Alpha3 ?party_code } }
               OPTIONAL { GRAPH dipg:reference { ?party skos:prefLabel ?party_ref FILTER(LANG(?party_ref) = "en") } }
               OPTIONAL { ?party dip:country ?party_country .
                          GRAPH dipg:reference { ?party_country dip:iso3166Alpha3 ?party_home } } }
  }
  BIND(COALESCE(STR(?kind_pref), STRAFTER(STR(?class), "#")) AS ?kind_label)
  BIND(CONCAT(STR(COALESCE(?party_name, ?party_pref, ?party_ref, STR(?party))),
              IF(BOUND(?party_code) || BOUND(?party_home), CONCAT(" (", COALESCE(?party_code, ?party_home), ")"), "")) AS ?who)
}"""
    columns = ("agreement", "title", "kind_label", "who", "day", "event", "source_id")
    indexes = (("agreement",),)
    out = ("agreement", "name", "kind", "parties", "date", "signing", "article_id")
    order = "date, agreement"


    def groups(self, rows, side, bound):
        groups: dict[str, list] = defaultdict(list)
        for r in rows:
            groups[r[1]].append(r)
        return [(agreement, [agreement, _min(r[2] for r in found), _min(r[3] for r in found),
                             _list((r[4] for r in found), "; "), _min(r[5] for r in found),
                             _min(r[6] for r in found), _min(r[7] for r in found)])
                for agreement, found in groups.items()]

    def sort_key(self, row):
        return (_asc(row[4]), _asc(row[0]))


AGGREGATES: dict[str, Aggregate] = {a.name: a for a in (CountryNetwork(), WhoMetWhom(), Roles(), Agreements())}


# -- the build's side

def fingerprint(aggregate: Aggregate, query) -> str:
    """What a kept table was made from: the query's text and the code here that follows it."""
    from kg.summary import VERSION
    text = f"{VERSION}\n{aggregate.digest}\n{text_digest(query)}\n{aggregate.contributions}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _solutions(store, text: str, width: int) -> Iterator[list]:
    for solution in store.query(text, use_default_graph_as_union=True):
        yield [None if (term := solution[i]) is None else term.value for i in range(width)]


def _create(db, aggregate: Aggregate) -> None:
    table = aggregate.table
    db.execute(f'DROP TABLE IF EXISTS "c_{table}"')
    db.execute(f'DROP TABLE IF EXISTS "a_{table}"')
    cols = ", ".join(f'"{c}" TEXT' for c in ("g",) + aggregate.columns + aggregate.keys)
    db.execute(f'CREATE TABLE "c_{table}" ({cols})')
    db.execute(f'CREATE INDEX "c_{table}_g" ON "c_{table}" (g)')
    for i, columns in enumerate(aggregate.indexes):
        db.execute(f'CREATE INDEX "c_{table}_{i}" ON "c_{table}" ({", ".join(columns)})')
    cols = ", ".join(f'"{c}" {"INTEGER" if c in aggregate.integers else "TEXT"}'
                     for c in ("k",) + aggregate.out + aggregate.hidden)
    db.execute(f'CREATE TABLE "a_{table}" ({cols})')
    db.execute(f'CREATE INDEX "a_{table}_k" ON "a_{table}" (k)')
    db.execute(f'CREATE INDEX "a_{table}_order" ON "a_{table}" ({aggregate.order})')


def _create_side(db) -> None:
    for table, columns in (("x_report", "event TEXT, ri TEXT"), ("x_class", "ri TEXT, class TEXT"),
                           ("x_same", "node TEXT, canonical TEXT"),
                           ("x_names", "g TEXT, node TEXT, name TEXT, name_lc TEXT, name_key TEXT")):
        db.execute(f"DROP TABLE IF EXISTS {table}")
        db.execute(f"CREATE TABLE {table} ({columns})")
    for index in ("x_report (event)", "x_report (ri)", "x_class (ri)", "x_same (node)", "x_same (canonical)",
                  "x_names (name_key)", "x_names (g)", "x_names (node)"):
        db.execute(f"CREATE INDEX IF NOT EXISTS \"{index.split(' ')[0]}_{index.split('(')[1][:-1]}\" ON {index}")


def _insert_contributions(db, aggregate: Aggregate, rows: Iterable[list]) -> None:
    marks = ",".join("?" * (1 + len(aggregate.columns) + len(aggregate.keys)))
    db.executemany(f'INSERT INTO "c_{aggregate.table}" VALUES ({marks})', (aggregate.derive(r) for r in rows))


def _write_groups(db, aggregate: Aggregate, groups: list[tuple[str, list]]) -> None:
    marks = ",".join("?" * (1 + len(aggregate.out) + len(aggregate.hidden)))
    db.executemany(f'INSERT INTO "a_{aggregate.table}" VALUES ({marks})', ((k, *row) for k, row in groups))


def _names_rows(store, graphs: set[str] | None) -> Iterator[tuple]:
    for g, node, lc in _solutions(store, _NAMES, 3):
        if graphs is None or g in graphs:
            yield g, node, None, lc, fold(lc)


def _resolution_state(kg_store) -> tuple[set, set]:
    same = {(q.subject.value, q.object.value) for q in kg_store.store.quads_for_pattern(None, _SAME_AS, None, None)
            if isinstance(q.subject, ox.NamedNode) and isinstance(q.object, ox.NamedNode)}
    names = {(node, name, lc) for node, name, lc in _solutions(kg_store.store, _RESOLUTION_NAMES, 3)}
    return same, names


def _read_reports(kg_store, events: set[str]) -> set[tuple[str, str]]:
    found = set()
    for event in events:
        for q in kg_store.store.quads_for_pattern(None, _REPORT, ox.NamedNode(event), None):
            found.add((event, q.subject.value))
    return found


def _read_classes(kg_store, ris: set[str]) -> set[tuple[str, str]]:
    found = set()
    for ri in ris:
        for q in kg_store.store.quads_for_pattern(ox.NamedNode(ri), _MERGED_CLASS, None, None):
            found.add((ri, q.object.value))
    return found


def make_all(db, kg_store, aggregates: list[Aggregate]) -> None:
    """Make every table again from the whole store (at 100,000 articles: 5-55 s a query)."""
    _create_side(db)
    db.executemany("INSERT INTO x_report VALUES (?, ?)", (
        (q.object.value, q.subject.value) for q in kg_store.store.quads_for_pattern(None, _REPORT, None, None)))
    db.executemany("INSERT INTO x_class VALUES (?, ?)", (
        (q.subject.value, q.object.value) for q in kg_store.store.quads_for_pattern(None, _MERGED_CLASS, None, None)))
    same, names = _resolution_state(kg_store)
    db.executemany("INSERT INTO x_same VALUES (?, ?)", sorted(same))
    db.executemany("INSERT INTO x_names VALUES (?, ?, ?, ?, ?)",
                   [(_RESOLUTION, node, name, lc, fold(lc)) for node, name, lc in names])
    db.executemany("INSERT INTO x_names VALUES (?, ?, ?, ?, ?)",
                   (r for r in _names_rows(kg_store.store, None) if r[0] != _RESOLUTION))
    side = Side(db)
    side.load_all()
    for aggregate in aggregates:
        _create(db, aggregate)
        _insert_contributions(db, aggregate, _solutions(kg_store.store, aggregate.contributions,
                                                        1 + len(aggregate.columns)))
        # grouped a few thousand keys at a time: all of who-met-whom's rows at once took 1.2 GB at 100,000 articles
        keys = aggregate.key_of(db.execute(f'SELECT * FROM "c_{aggregate.table}"'), side)
        for chunk in _chunks(keys, 5000):
            wanted = set(chunk)
            groups = aggregate.groups(aggregate.rows_of_keys(db, wanted, side), side, aggregate.default)
            _write_groups(db, aggregate, [(k, row) for k, row in groups if k in wanted])


def update(db, kg_store, article_ids: set[str], interactions: set[str], aggregates: list[Aggregate],
           mem: ox.Store | None) -> int:
    """Bring the tables up to date with the articles written or removed and the resolved interactions
    written or removed; returns the keys grouped again. MEM: an in-memory store of the articles'
    graphs and the reference graph (kg/summary.py's slice), which is all the contributions read."""
    graphs = sorted(str(article_graph(a)) for a in article_ids)
    old = {a.name: _rows_in(db, a, graphs) for a in aggregates}
    # what the resolution graph says now, for the reports of the articles and of the interactions that changed
    events = {r[1] for a in aggregates if a.events for r in old[a.name]}
    wanted = set(graphs)
    new = {a.name: ([r for r in _solutions(mem, a.contributions, 1 + len(a.columns)) if r[0] in wanted]
                    if mem is not None else []) for a in aggregates}
    events |= {r[1] for a in aggregates if a.events for r in new[a.name]}
    for chunk in _chunks(interactions):
        events |= {e for (e,) in db.execute(f'SELECT event FROM x_report WHERE ri IN ({",".join("?" * len(chunk))})',
                                            chunk)}
    for ri in interactions:
        events |= {q.object.value for q in kg_store.store.quads_for_pattern(ox.NamedNode(ri), _REPORT, None, None)}
    reports_now = _read_reports(kg_store, events)
    before = Side(db)
    before.load_events(events)
    reports_before = {(e, ri) for e in events for ri in before.reports.get(e, [])}
    ris = set(interactions) | {ri for _, ri in reports_now | reports_before}
    classes_before = set()
    for chunk in _chunks(ris):
        classes_before |= set(db.execute(f'SELECT ri, class FROM x_class WHERE ri IN ({",".join("?" * len(chunk))})',
                                         chunk))
    classes_now = _read_classes(kg_store, ris)
    changed_ris = {ri for ri, _ in classes_now ^ classes_before}
    moved = {e for e, _ in reports_now ^ reports_before} | {e for e, ri in reports_now | reports_before
                                                             if ri in changed_ris}
    same_now, names_now = _resolution_state(kg_store)
    same_before = set(db.execute("SELECT node, canonical FROM x_same"))
    names_before = set(db.execute("SELECT node, name, name_lc FROM x_names WHERE g = ?", (_RESOLUTION,)))
    renamed_nodes = {n for n, _ in same_now ^ same_before}
    renamed = {n for n, _, _ in names_now ^ names_before} | {c for _, c in same_now ^ same_before}

    def touched(aggregate: Aggregate, side: Side, rows: list) -> set[str]:
        keys = aggregate.key_of(rows, side)
        if aggregate.events:
            keys |= aggregate.key_of(_rows_with(db, aggregate, "event", moved), side)
        if aggregate.name == "who-met-whom":
            keys |= aggregate.key_of(_rows_with(db, aggregate, "a_", renamed_nodes | renamed)
                                     + _rows_with(db, aggregate, "b_", renamed_nodes | renamed), side)
        return keys

    keys = {a.name: touched(a, before, old[a.name]) for a in aggregates}
    # the side tables and the contributions as they are now
    _replace(db, "x_report", "event", events, [(e, ri) for e, ri in sorted(reports_now)])
    _replace(db, "x_class", "ri", ris, sorted(classes_now))
    db.execute("DELETE FROM x_same")
    db.executemany("INSERT INTO x_same VALUES (?, ?)", sorted(same_now))
    db.execute("DELETE FROM x_names WHERE g = ?", (_RESOLUTION,))
    db.executemany("INSERT INTO x_names VALUES (?, ?, ?, ?, ?)",
                   [(_RESOLUTION, node, name, lc, fold(lc)) for node, name, lc in sorted(names_now)])
    _replace(db, "x_names", "g", set(graphs), list(_names_rows(mem, set(graphs))) if mem is not None else [])
    after = Side(db)
    grouped = 0
    for aggregate in aggregates:
        table = aggregate.table
        for chunk in _chunks(graphs):
            db.execute(f'DELETE FROM "c_{table}" WHERE g IN ({",".join("?" * len(chunk))})', chunk)
        _insert_contributions(db, aggregate, new[aggregate.name])
        found = keys[aggregate.name] | touched(aggregate, after, new[aggregate.name])
        if aggregate.name == "who-met-whom" and renamed:
            for person in renamed:
                found |= {k for (k,) in db.execute("SELECT k FROM a_who_met_whom WHERE person_a = ? OR person_b = ?",
                                                   (person, person))}
        for chunk in _chunks(found):
            db.execute(f'DELETE FROM "a_{table}" WHERE k IN ({",".join("?" * len(chunk))})', chunk)
        rows = aggregate.rows_of_keys(db, found, after)
        _write_groups(db, aggregate, [(k, row) for k, row in aggregate.groups(rows, after, aggregate.default)
                                      if k in found])
        grouped += len(found)
    return grouped


def _rows_in(db, aggregate: Aggregate, graphs: list[str]) -> list[tuple]:
    rows = []
    for chunk in _chunks(graphs):
        rows += db.execute(f'SELECT * FROM "c_{aggregate.table}" WHERE g IN ({",".join("?" * len(chunk))})', chunk)
    return rows


def _rows_with(db, aggregate: Aggregate, column: str, values: set[str]) -> list[tuple]:
    rows = []
    for chunk in _chunks(values):
        rows += db.execute(f'SELECT * FROM "c_{aggregate.table}" WHERE "{column}" IN ({",".join("?" * len(chunk))})',
                           chunk)
    return rows


def _replace(db, table: str, column: str, keys: set[str], rows: list[tuple]) -> None:
    for chunk in _chunks(keys):
        db.execute(f'DELETE FROM {table} WHERE {column} IN ({",".join("?" * len(chunk))})', chunk)
    if rows:
        db.executemany(f'INSERT INTO {table} VALUES ({",".join("?" * len(rows[0]))})', rows)


# -- the readers' side

def _plain_row(aggregate: Aggregate, row) -> list[str | None]:
    return [None if v is None else str(v) for v in row[:len(aggregate.out)]]


class Answer:
    """The rows of one aggregate query with its bound parameters, from the kept table or grouped now."""

    def __init__(self, db, aggregate: Aggregate, bound: dict):
        self.db, self.aggregate = db, aggregate
        plain = {k: str(v) for k, v in bound.items()}
        self.kept = plain == aggregate.default
        self.rows: list | None = None
        if not self.kept:
            side = Side(db)
            groups = [row for _, row in aggregate.groups(aggregate.selected(db, bound, side), side, bound)]
            groups.sort(key=aggregate.sort_key)
            self.rows = groups

    def count(self) -> int:
        if self.rows is not None:
            return len(self.rows)
        return self.db.execute(f'SELECT COUNT(*) FROM "a_{self.aggregate.table}"').fetchone()[0]

    def page(self, offset: int, limit: int | None) -> Iterator[list[str | None]]:
        if self.rows is not None:
            end = None if limit is None else offset + limit
            return (_plain_row(self.aggregate, r) for r in self.rows[offset:end])
        columns = ", ".join(f'"{c}"' for c in self.aggregate.out)
        sql = f'SELECT {columns} FROM "a_{self.aggregate.table}" ORDER BY {self.aggregate.order}'
        if limit is not None or offset:
            sql += f" LIMIT {-1 if limit is None else int(limit)} OFFSET {int(offset)}"
        return (_plain_row(self.aggregate, r) for r in self.db.execute(sql))
