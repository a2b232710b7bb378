"""What the interaction, person and article pages read from the graph: small queries about one node.

Each query names its node as an IRI term written by kg.queries.sparql_term (checked, never pasted
from the request as text).
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import URIRef

from kg.articles import jsonl_lines, parse_jsonl_line, read_file
from kg.changes import INDEX_FILE, _line_digest  # (imports the mapper: 0.6 s, once, as the server starts)
from kg.queries import QueryError, sparql_term
from kg.web.facts import PREFIXES, short

PREFIXES_MORE = PREFIXES + """PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
"""


def iri_term(iri: str) -> str:
    try:
        return sparql_term(URIRef(iri))
    except QueryError as exc:
        raise LookupError(str(exc)) from None


def _v(row, name):
    term = row[name]
    return None if term is None else term.value


@dataclass
class Participant:
    iri: str
    name: str
    kind: str  # Person, Country, Organisation...
    roles: list[str] = field(default_factory=list)  # the role each held then, as the article states it
    represents: list[str] = field(default_factory=list)  # country codes (or names) they represent
    visitor: bool = False
    host: bool = False


@dataclass
class Evidence:
    start: int | None
    end: int | None
    sentence: str


@dataclass
class Report:
    """One article's report of an interaction: the event in that article's graph."""
    iri: str
    type: str
    status: str
    date: str | None
    end: str | None
    place: str | None
    place_country: str | None
    article_id: str
    headline: str | None
    url: str | None
    published: str | None
    publisher: str | None
    participants: list[Participant]
    topics: list[tuple[str, str]]
    evidence: list[Evidence]
    interaction: str | None
    text: str | None = None  # the article's text, when the graph or the input file has it
    text_note: str = ""  # why the text is not shown, when it is not


_EVENT = PREFIXES_MORE + """SELECT ?class ?st ?date ?end ?place ?place_code ?article_id ?headline ?url ?published
       ?publisher ?text ?ri WHERE {
  GRAPH ?g { EVENT a ?class ; dip:status ?st ; prov:wasDerivedFrom ?article . ?article dip:articleId ?article_id .
    OPTIONAL { EVENT schema:startDate ?date } OPTIONAL { EVENT schema:endDate ?end }
    OPTIONAL { EVENT schema:location ?loc . ?loc schema:name ?place
               OPTIONAL { ?loc dip:country ?lc . GRAPH dipg:reference { ?lc dip:iso3166Alpha3 ?place_code } } }
    OPTIONAL { ?article schema:headline ?headline } OPTIONAL { ?article schema:url ?url }
    OPTIONAL { ?article schema:datePublished ?published } OPTIONAL { ?article schema:text ?text }
    OPTIONAL { ?article schema:publisher ?pub . ?pub schema:name ?publisher } }
  OPTIONAL { ?ri dip:report EVENT }
}"""
# Written to start from the event's participants and look each fact up per participant (a plain
# join of these patterns took 0.9 s at 10,000 articles; this takes 1 ms): unbound values are
# replaced by dip:none, a name no data uses, so that the OPTIONALs after them stay lookups.
_PARTICIPANTS = PREFIXES_MORE + """SELECT ?p ?name ?label ?ref_label ?own_code ?role ?rep_code ?rep_home ?rep_name
       ?visitor ?host WHERE {
  { SELECT ?p ?g WHERE { GRAPH ?g { EVENT dip:participant ?p } } }
  OPTIONAL { GRAPH ?g { ?p schema:name ?name } } OPTIONAL { GRAPH ?g { ?p skos:prefLabel ?label } }
  OPTIONAL { GRAPH ?g { EVENT dip:participation ?pp . ?pp dip:agent ?p } }
  BIND(COALESCE(?pp, dip:none) AS ?pp_)
  OPTIONAL { GRAPH ?g { ?pp_ dip:actingAs ?t . ?t dip:roleLabel ?role } }
  OPTIONAL { GRAPH ?g { ?pp_ dip:represents ?rep } }
  BIND(COALESCE(?rep, dip:none) AS ?rep_)
  OPTIONAL { GRAPH ?g { ?rep_ skos:prefLabel ?rep_name } }
  OPTIONAL { GRAPH ?g { ?rep_ dip:country ?rc } }
  BIND(COALESCE(?rc, dip:none) AS ?rc_)
  OPTIONAL { GRAPH dipg:reference { ?rc_ dip:iso3166Alpha3 ?rep_home } }
  OPTIONAL { GRAPH dipg:reference { ?rep_ dip:iso3166Alpha3 ?rep_code } }
  OPTIONAL { GRAPH ?g { EVENT dip:visitor ?p BIND(true AS ?visitor) } }
  OPTIONAL { GRAPH ?g { EVENT dip:host ?p BIND(true AS ?host) } }
  OPTIONAL { GRAPH dipg:reference { ?p skos:prefLabel ?ref_label FILTER(LANG(?ref_label) = "en") } }
  OPTIONAL { GRAPH dipg:reference { ?p dip:iso3166Alpha3 ?own_code } }
}"""
_TOPICS = PREFIXES_MORE + """SELECT DISTINCT ?topic ?label WHERE {
  GRAPH ?g { EVENT dip:topic ?topic }
  OPTIONAL { GRAPH dipg:reference { ?topic skos:prefLabel ?label FILTER(LANG(?label) = "en" || LANG(?label) = "") } }
} ORDER BY ?topic"""
_EVIDENCE = PREFIXES_MORE + """SELECT DISTINCT ?start ?end ?sentence WHERE {
  EVENT dip:evidence ?e . ?e oa:hasTarget ?target .
  OPTIONAL { ?target oa:hasSelector ?position . ?position oa:start ?start ; oa:end ?end }
  OPTIONAL { ?target oa:hasSelector ?quote . ?quote oa:exact ?sentence }
} ORDER BY ?start"""


def report(store, iri: str, texts: "ArticleTexts | None" = None) -> Report | None:
    """An event of one article's graph, with everything its page shows; None when there is no such event."""
    term = iri_term(iri)
    rows = list(store.query(_EVENT.replace("EVENT", term)))
    if not rows:
        return None
    row = rows[0]
    kinds = [r["class"].value.rsplit("#", 1)[-1] for r in rows]
    kind = next((k for k in kinds if k not in ("Visit", "Meeting")), kinds[0])
    people: dict[str, Participant] = {}
    for p in store.query(_PARTICIPANTS.replace("EVENT", term)):
        node = p["p"].value
        name = _v(p, "name") or _v(p, "ref_label") or _v(p, "label") or short(node)
        entry = people.setdefault(node, Participant(node, name, "Person" if node.startswith(_ID + "person/") else
                                                    "Country" if _v(p, "own_code") else "Organisation"))
        if _v(p, "role") and p["role"].value not in entry.roles:
            entry.roles.append(p["role"].value)
        represents = _v(p, "rep_code") or _v(p, "rep_home") or _v(p, "rep_name")
        if represents and represents not in entry.represents:
            entry.represents.append(represents)
        entry.visitor |= p["visitor"] is not None
        entry.host |= p["host"] is not None
    topics = [(t["topic"].value.rsplit("/", 1)[-1], _v(t, "label") or t["topic"].value.rsplit("/", 1)[-1])
              for t in store.query(_TOPICS.replace("EVENT", term))]
    evidence = [Evidence(int(e["start"].value) if e["start"] is not None else None,
                         int(e["end"].value) if e["end"] is not None else None, _v(e, "sentence") or "")
                for e in store.query(_EVIDENCE.replace("EVENT", term))]
    found = Report(iri, kind, row["st"].value.rsplit("#", 1)[-1], _v(row, "date"), _v(row, "end"), _v(row, "place"),
                   _v(row, "place_code"), row["article_id"].value, _v(row, "headline"), _v(row, "url"),
                   _v(row, "published"), _v(row, "publisher"), sorted(people.values(), key=lambda p: p.name),
                   topics, evidence, _v(row, "ri"))
    if _v(row, "text") is not None:
        found.text = row["text"].value
    elif texts is not None:
        found.text, found.text_note = texts.text(found.article_id)
    else:
        found.text_note = "the article's text is not in the graph"
    if found.text is not None:
        wrong = [e for e in evidence if e.start is None or found.text[e.start:e.end] != e.sentence]
        if wrong:
            found.text_note = (f"the article text read now differs from the one the graph was built from at "
                               f"{len(wrong)} evidence sentence(s): showing the quoted sentences only")
            found.text = None
    return found


_ID = "https://w3id.org/dipkg/id/"


def highlighted(text: str, evidence: list[Evidence]) -> list[tuple[str, bool]]:
    """The text cut into (piece, is evidence) at the evidence offsets; overlapping sentences merged."""
    spans = sorted((e.start, e.end) for e in evidence if e.start is not None and e.end is not None)
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    pieces, at = [], 0
    for start, end in merged:
        pieces += [(text[at:start], False), (text[start:end], True)]
        at = end
    pieces.append((text[at:], False))
    return [p for p in pieces if p[0]]


@dataclass
class Resolved:
    iri: str
    type: str
    status: str
    date: str | None
    end: str | None
    place: str | None
    reports: list[str]
    merged_by: list[str]


_RESOLVED = PREFIXES_MORE + """SELECT ?class ?st ?date ?end ?place ?report WHERE {
  GRAPH dipg:resolution { RI a dip:ResolvedInteraction ; dip:mergedClass ?class ; dip:mergedStatus ?st ;
                                dip:report ?report .
    OPTIONAL { RI schema:startDate ?date } OPTIONAL { RI schema:endDate ?end } OPTIONAL { RI schema:location ?loc } }
  # (an unbound ?loc would match every name: dip:none, a name no data uses, stands in for it)
  BIND(COALESCE(?loc, dip:none) AS ?loc_)
  OPTIONAL { GRAPH ?lg { ?loc_ schema:name ?place } }
} ORDER BY ?report"""
_MERGED_BY = PREFIXES_MORE + """SELECT DISTINCT ?p ?v ?rule WHERE {
  GRAPH dipg:resolution { RI dip:mergedValue ?mv . ?mv dip:onProperty ?p ; rdf:value ?v ; dip:mergeRule ?rule
                          FILTER(?rule NOT IN (dip:agreed, dip:union)) } }"""


def resolved(store, iri: str) -> Resolved | None:
    term = iri_term(iri)
    rows = list(store.query(_RESOLVED.replace("RI", term)))
    if not rows:
        return None
    row = rows[0]
    merged_by = sorted(f"{r['p'].value.rsplit('#', 1)[-1].rsplit('/', 1)[-1]} = {short(r['v'].value)} "
                       f"({r['rule'].value.rsplit('#', 1)[-1]})" for r in store.query(_MERGED_BY.replace("RI", term)))
    return Resolved(iri, row["class"].value.rsplit("#", 1)[-1], row["st"].value.rsplit("#", 1)[-1], _v(row, "date"),
                    _v(row, "end"), _v(row, "place"), sorted({r["report"].value for r in rows}), merged_by)


# (started from the person's tenures, as _PARTICIPANTS starts from the participants)
_ROLES = PREFIXES_MORE + """SELECT ?tenure ?stated ?office_label ?owner ?owner_pref ?owner_ref ?owner_code ?owner_home
       ?start ?end ?attested ?article_id WHERE {
  { SELECT ?tenure ?owner ?g WHERE { VALUES ?person { PEOPLE }
      GRAPH ?g { ?tenure org:member ?person ; org:organization ?owner ; a dip:Tenure } } }
  OPTIONAL { GRAPH ?g { ?tenure dip:roleLabel ?stated } } OPTIONAL { GRAPH ?g { ?tenure org:role ?office } }
  OPTIONAL { GRAPH ?g { ?tenure schema:startDate ?start } } OPTIONAL { GRAPH ?g { ?tenure schema:endDate ?end } }
  OPTIONAL { GRAPH ?g { ?tenure dip:attestedOn ?attested } }
  OPTIONAL { GRAPH ?g { ?tenure prov:wasDerivedFrom ?article . ?article dip:articleId ?article_id } }
  OPTIONAL { GRAPH ?g { ?owner skos:prefLabel ?owner_pref } }
  OPTIONAL { GRAPH ?g { ?owner dip:country ?oc } }
  BIND(COALESCE(?oc, dip:none) AS ?oc_)
  OPTIONAL { GRAPH dipg:reference { ?oc_ dip:iso3166Alpha3 ?owner_home } }
  BIND(COALESCE(?office, dip:none) AS ?office_)
  OPTIONAL { GRAPH dipg:reference { ?office_ skos:prefLabel ?office_label FILTER(LANG(?office_label) = "en") } }
  OPTIONAL { GRAPH dipg:reference { ?owner dip:iso3166Alpha3 ?owner_code } }
  OPTIONAL { GRAPH dipg:reference { ?owner skos:prefLabel ?owner_ref FILTER(LANG(?owner_ref) = "en") } }
}"""


@dataclass
class Role:
    role: str
    organisation: str
    country: str | None
    start: str | None  # the dictionary's term, or the first day an article stated it
    end: str | None
    source: str  # "office-holders dictionary", or the articles that state it
    stated: bool  # stated by articles (start/end are then the first and last attestation)
    articles: list[str] = field(default_factory=list)


def roles(store, people: list[str]) -> list[Role]:
    """The roles of a person (all the IRIs that are that person) over time: the dictionary's
    terms one by one, and the roles articles state gathered per (role, organisation)."""
    if not people:
        return []
    found: dict[tuple, Role] = {}
    attested: dict[tuple, list[str]] = defaultdict(list)
    query = _ROLES.replace("PEOPLE", " ".join(iri_term(p) for p in people))
    for r in store.query(query):
        label = _v(r, "stated") or _v(r, "office_label") or "(role not named)"
        owner = _v(r, "owner_ref") or _v(r, "owner_pref") or short(r["owner"].value)
        code = _v(r, "owner_code") or _v(r, "owner_home")
        article = _v(r, "article_id")
        if article is None:
            key = ("dictionary", r["tenure"].value)
            found[key] = Role(label, owner, code, _v(r, "start"), _v(r, "end"), "office-holders dictionary", False)
        else:
            key = ("stated", label.lower(), owner)
            role = found.setdefault(key, Role(label, owner, code, None, None, "", True))
            if article not in role.articles:
                role.articles.append(article)
            if _v(r, "attested"):
                attested[key].append(r["attested"].value)
    for key, days in attested.items():
        found[key].start, found[key].end = min(days), max(days)
    for role in found.values():
        if role.stated:
            role.articles.sort()
            role.source = ", ".join(role.articles[:5]) + (f" and {len(role.articles) - 5} more"
                                                         if len(role.articles) > 5 else "")
    return sorted(found.values(), key=lambda r: (r.start or "9999", r.role, r.organisation))


class ArticleTexts:
    """The text of an article read from a .txt or .jsonl file: the graph keeps the text only of
    extracted articles (pages, WARC records), and the store's index of inputs (kg-inputs.json)
    says which file (and which line, by its digest) held each article."""

    def __init__(self, store_location: Path):
        self.location = Path(store_location)
        self._where: dict[str, tuple[str, str]] | None = None

    def _index(self) -> dict[str, tuple[str, str]]:
        if self._where is None:
            where = {}
            try:
                data = json.loads((self.location / INDEX_FILE).read_text(encoding="utf-8"))
                for path, entry in (data.get("files") or {}).items():
                    for article_id, _hash, digest in entry.get("articles", []):
                        where[article_id] = (path, digest)
            except (OSError, ValueError, AttributeError, TypeError):
                pass
            self._where = where
        return self._where

    def text(self, article_id: str) -> tuple[str | None, str]:
        """(the text, "") or (None, why not)."""
        place = self._index().get(article_id)
        if place is None:
            return None, "the store's index of inputs does not say which file held this article"
        path, digest = Path(place[0]), place[1]
        if not path.is_file():
            return None, f"its file {path} is no longer there"
        if digest:
            for number, raw in jsonl_lines(path):
                if isinstance(raw, bytes) and _line_digest(raw) == digest:
                    article = parse_jsonl_line(path, number, raw)
                    if article is not None and getattr(article, "id", None) == article_id:
                        return article.text, ""
            return None, f"its line in {path} changed since the build"
        for article in read_file(path):
            if getattr(article, "id", None) == article_id:
                return article.text, ""
        return None, f"{path} holds it no longer"
