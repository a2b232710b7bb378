"""A summary of the store's interactions, read from the graph once for the pictures and the pages.

The network, the timelines and the country and person pages count and filter interactions by
country, person, date, type and topic. Asking the graph for each picture would join every
event again (country-network takes 3 s at 10,000 articles, 24 s at 100,000); instead four
plain scans of the store (events, their countries, their people, their topics) are read once
into this index when the server starts, and again when a build changes the store. The graph
stays the source of truth: every page links to the interaction, whose page reads the graph.
"""
from __future__ import annotations

import dataclasses
import threading
import time
from collections import Counter, OrderedDict, defaultdict
from dataclasses import dataclass, field

from kg.namespaces import ID

DIP = "https://w3id.org/dipkg/ontology#"
PREFIXES = """PREFIX dip: <https://w3id.org/dipkg/ontology#>
PREFIX dipg: <https://w3id.org/dipkg/graph/>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
"""
CLASSES = ("Meeting", "CourtesyCall", "Visit", "StateVisit", "OfficialVisit", "WorkingVisit", "PhoneCall",
           "VideoConference", "Correspondence", "AgreementSigning")
_IN_CLASSES = ", ".join(f"dip:{c}" for c in CLASSES)

_EVENTS = PREFIXES + f"""SELECT ?event ?class ?st ?date ?end ?article_id ?published ?ri WHERE {{
  GRAPH ?g {{ ?event a ?class ; dip:status ?st ; prov:wasDerivedFrom ?article . ?article dip:articleId ?article_id .
             FILTER(?class IN ({_IN_CLASSES}))
             OPTIONAL {{ ?event schema:startDate ?date }} OPTIONAL {{ ?event schema:endDate ?end }}
             OPTIONAL {{ ?article schema:datePublished ?published }} }}
  OPTIONAL {{ ?ri dip:report ?event }}
}}"""
# a country takes part as in the saved queries: a participant represents it (or one of its
# organisations), or it hosts the visit
_COUNTRIES = PREFIXES + """SELECT DISTINCT ?event ?code WHERE {
  GRAPH ?g { ?event dip:participation/dip:represents|dip:participation/dip:represents/dip:country|dip:host ?c }
  GRAPH dipg:reference { ?c dip:iso3166Alpha3 ?code } }"""
_PEOPLE = PREFIXES + """SELECT DISTINCT ?event ?person ?name ?same WHERE {
  GRAPH ?g { ?event dip:participant ?person . ?person a dip:Person ; schema:name ?name }
  OPTIONAL { ?person owl:sameAs ?same } }"""
_TOPICS = PREFIXES + """SELECT DISTINCT ?event ?topic WHERE { GRAPH ?g { ?event dip:topic ?topic } }"""
_LABELS = PREFIXES + """SELECT ?node ?code ?label WHERE { GRAPH dipg:reference {
  { ?node dip:iso3166Alpha3 ?code ; skos:prefLabel ?label FILTER(LANG(?label) = "en") }
  UNION { ?node a skos:Concept ; skos:prefLabel ?label FILTER(LANG(?label) = "en" || LANG(?label) = "")
          FILTER(STRSTARTS(STR(?node), "https://w3id.org/dipkg/id/topic/")) } } }"""


@dataclass
class Event:
    iri: str
    type: str
    status: str
    date: str | None
    end: str | None
    article_id: str
    published: str | None
    interaction: str | None  # the resolved interaction it reports (kg/resolve.py), when resolved
    countries: set[str] = field(default_factory=set)
    people: set[str] = field(default_factory=set)  # canonical person IRIs (owl:sameAs followed)
    topics: set[str] = field(default_factory=set)  # topic slugs

    @property
    def key(self) -> str:
        """What counts once: the resolved interaction, else the report itself."""
        return self.interaction or self.iri

    @property
    def day(self) -> str | None:
        """The day it is placed on: its start date, else its article's publication day."""
        return self.date or (self.published if self.published and len(self.published) == 10 else None)

    def overlaps(self, start: str | None, end: str | None) -> bool:
        """Within [start, end] (a visit overlapping it counts); an undated event is in no span."""
        if start is None and end is None:
            return True
        if self.date is None:
            return False
        return (start is None or (self.end or self.date) >= start) and (end is None or self.date <= end)


def short(iri: str | None) -> str:
    """An IRI of the data as the table shows it (event/X/1); other IRIs unchanged."""
    if iri is None:
        return ""
    return iri[len(str(ID)):] if iri.startswith(str(ID)) else iri


@dataclass
class Filters:
    start: str | None = None
    end: str | None = None
    type: str | None = None
    topic: str | None = None
    status: str | None = None

    def keep(self, event: Event) -> bool:
        return (event.overlaps(self.start, self.end) and (self.type is None or event.type == self.type)
                and (self.topic is None or self.topic in event.topics)
                and (self.status is None or event.status == self.status))


class Facts:
    """The index; see the module's docstring."""

    def __init__(self, store):
        started = time.perf_counter()
        self.events: dict[str, Event] = {}
        for row in store.query(_EVENTS):
            iri = row["event"].value
            kind = row["class"].value.rsplit("#", 1)[-1]
            known = self.events.get(iri)
            if known is not None:  # two classes: keep the more specific (a subclass of Visit or Meeting)
                if kind not in ("Visit", "Meeting"):
                    known.type = kind
                continue
            self.events[iri] = Event(iri, kind, row["st"].value.rsplit("#", 1)[-1], _value(row["date"]),
                                     _value(row["end"]), row["article_id"].value, _value(row["published"]),
                                     _value(row["ri"]))
        for row in store.query(_COUNTRIES):
            event = self.events.get(row["event"].value)
            if event is not None:
                event.countries.add(row["code"].value)
        self.person_names: dict[str, Counter] = defaultdict(Counter)  # canonical IRI -> spellings used
        self.aliases: dict[str, set[str]] = defaultdict(set)  # canonical IRI -> every IRI that is it
        for row in store.query(_PEOPLE):
            event = self.events.get(row["event"].value)
            person = row["person"].value
            canonical = _value(row["same"]) or person
            self.aliases[canonical].add(person)
            self.person_names[canonical][row["name"].value] += 1
            if event is not None:
                event.people.add(canonical)
        for row in store.query(_TOPICS):
            event = self.events.get(row["event"].value)
            if event is not None:
                event.topics.add(row["topic"].value.rsplit("/", 1)[-1])
        self.country_names: dict[str, str] = {}
        self.topic_names: dict[str, str] = {}
        for row in store.query(_LABELS):
            if row["code"] is not None:
                self.country_names.setdefault(row["code"].value, row["label"].value)
            else:
                self.topic_names.setdefault(row["node"].value.rsplit("/", 1)[-1], row["label"].value)
        self.by_country: dict[str, list[Event]] = defaultdict(list)
        self.by_person: dict[str, list[Event]] = defaultdict(list)
        self.by_interaction: dict[str, list[Event]] = defaultdict(list)
        for event in self.events.values():
            for code in event.countries:
                self.by_country[code].append(event)
            for person in event.people:
                self.by_person[person].append(event)
            if event.interaction:
                self.by_interaction[event.interaction].append(event)
        # the networks asked for, kept until the facts are read again: the whole ones made now (the
        # whole network of people took 1.3 s at 100,000 articles to make per request)
        self.networks: OrderedDict = OrderedDict()
        self.networks_lock = threading.Lock()  # pages are served from several threads
        for level in ("country", "person"):
            self.network(level, Filters())
        self.seconds = time.perf_counter() - started

    # -- names
    def person_name(self, iri: str) -> str:
        names = self.person_names.get(iri)
        return names.most_common(1)[0][0] if names else short(iri)

    def country_name(self, code: str) -> str:
        return self.country_names.get(code, code)

    def canonical(self, person_iri: str) -> str:
        for canonical, aliases in self.aliases.items():
            if person_iri in aliases:
                return canonical
        return person_iri

    def types(self) -> list[str]:
        return sorted({e.type for e in self.events.values()})

    def topics(self) -> list[tuple[str, str]]:
        used = sorted({t for e in self.events.values() for t in e.topics})
        return [(t, self.topic_names.get(t, t)) for t in used]

    # -- the pictures
    def network(self, level: str, filters: Filters, limit: int = 60) -> dict:
        """Nodes (countries or persons) and weighted edges (interactions both took part in, each
        resolved interaction once). The `limit` nodes with the most interactions are kept, and
        the edges between them; `hidden` says how many were left out. The last few asked for, and
        the whole networks, are kept (callers do not change them)."""
        key = (level, dataclasses.astuple(filters), limit)
        found = self.networks.get(key)
        if found is None:
            found = self._network(level, filters, limit)
            with self.networks_lock:
                self.networks[key] = found
                while len(self.networks) > KEPT_NETWORKS + 2:
                    self.networks.pop(next(k for k in self.networks if k[1] != WHOLE))
        return found

    def _network(self, level: str, filters: Filters, limit: int) -> dict:
        edges: dict[tuple[str, str], set[str]] = defaultdict(set)
        weight: Counter = Counter()
        seen_per_node: dict[str, set[str]] = defaultdict(set)
        for event in self.events.values():
            if not filters.keep(event):
                continue
            members = sorted(event.countries if level == "country" else event.people)
            for i, a in enumerate(members):
                seen_per_node[a].add(event.key)
                for b in members[i + 1:]:
                    edges[(a, b)].add(event.key)
        for node, keys in seen_per_node.items():
            weight[node] = len(keys)
        kept = {node for node, _ in weight.most_common(limit)}
        name = self.country_name if level == "country" else self.person_name
        nodes = [{"id": n, "label": name(n), "interactions": weight[n]}
                 for n in sorted(kept, key=lambda n: (-weight[n], n))]
        links = [{"a": a, "b": b, "interactions": len(keys)} for (a, b), keys in sorted(edges.items())
                 if a in kept and b in kept]
        return {"level": level, "nodes": nodes, "edges": links, "hidden": max(0, len(weight) - len(kept))}

    def edge_events(self, level: str, a: str, b: str, filters: Filters) -> list[Event]:
        pool = self.by_country.get(a, []) if level == "country" else self.by_person.get(a, [])
        return sorted((e for e in pool if filters.keep(e) and b in (e.countries if level == "country" else e.people)),
                      key=_chronological)

    def relationship(self, a: str, b: str) -> list[Event]:
        """Every report of an interaction both countries took part in, in date order."""
        return sorted((e for e in self.by_country.get(a, []) if b in e.countries), key=_chronological)

    def person_events(self, person: str) -> list[Event]:
        return sorted(self.by_person.get(person, []), key=_chronological)

    def country_summary(self, code: str) -> dict:
        """Partners with counts of interactions, and counts by year and type (each interaction once)."""
        partners: dict[str, set[str]] = defaultdict(set)
        by_year_type: dict[tuple[str, str], set[str]] = defaultdict(set)
        for event in self.by_country.get(code, []):
            for other in event.countries - {code}:
                partners[other].add(event.key)
            year = event.day[:4] if event.day else "undated"
            by_year_type[(year, event.type)].add(event.key)
        years = sorted({y for y, _ in by_year_type})
        types = sorted({t for _, t in by_year_type})
        return {"partners": sorted(((p, len(k)) for p, k in partners.items()), key=lambda pk: (-pk[1], pk[0])),
                "years": years, "types": types,
                "counts": {(y, t): len(k) for (y, t), k in by_year_type.items()},
                "interactions": len({e.key for e in self.by_country.get(code, [])})}

    def find_person(self, text: str) -> list[str]:
        """Canonical IRIs of the people a name (any spelling used, any case) or an IRI names."""
        wanted = text.strip().lower()
        found = [iri for iri, names in self.person_names.items() if any(n.lower() == wanted for n in names)]
        if not found:
            iri = text.strip() if text.strip().startswith("http") else str(ID) + "person/" + text.strip()
            if iri in self.person_names:
                found = [iri]
            else:
                found = [c for c, aliases in self.aliases.items() if iri in aliases]
        return sorted(set(found))


WHOLE = dataclasses.astuple(Filters())
KEPT_NETWORKS = 16  # besides the two whole networks


def _value(term) -> str | None:
    return None if term is None else term.value


def _chronological(event: Event):
    return (event.day or "9999-99-99", event.iri)
