"""Stage 5: write what the mapper found as triples of the diplomacy ontology.

Every event and every role statement points to its article and to an evidence
annotation whose selectors give the sentence and its character offsets. IRIs of people,
organisations, countries and places are global; IRIs of events, tenures and evidence are
numbered within the article in reading order, so building the same article again gives
the same graph.
"""
from __future__ import annotations

import datetime as dt

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import ORG as _ORG, PROV as _PROV, RDF, SKOS as _SKOS, XSD as _XSD

from kg.actors import Actors, OrgEntity, PersonEntity, RoleClaim
from kg.articles import Article
from kg.events import Event, party_country
from kg.gazetteer import Gazetteer
from kg.namespaces import DIP, ID, MAPPER_AGENT, OA, PREFIXES, SCHEMA, CachedTerms, country_iri, slug
from kg.structure import Span, Structure

A = RDF.type  # (rdflib makes a new term on every RDF.type)
SKOS, XSD, ORG, PROV = CachedTerms(_SKOS), CachedTerms(_XSD), CachedTerms(_ORG), CachedTerms(_PROV)  # (the same)
EVENT_TYPE_SLUG = {
    "Meeting": "meeting", "CourtesyCall": "courtesy-call", "Visit": "visit", "StateVisit": "state-visit",
    "OfficialVisit": "official-visit", "WorkingVisit": "working-visit", "PhoneCall": "phone-call",
    "VideoConference": "video-conference", "Correspondence": "correspondence",
    "AgreementSigning": "agreement-signing",
}


# The characters rdflib's URIRef.n3() refuses (rdflib.term._invalid_uri_chars).
_NOT_IN_IRI = '<>" {}|\\^`'
_CONTENT_HASH = str(DIP.contentHash)


# Literals made once per value, with their N-Quads text: names, role labels, dates and offsets
# recur article after article, and rdflib's Literal() and n3() cost microseconds each. They are
# kept for the life of the process (up to a bound), so an id() names one of them.
_LITERALS: dict[tuple, Literal] = {}
_LITERAL_N3: dict[int, str] = {}  # id(literal) -> literal.n3(), for the literals in _LITERALS
_MAX_LITERALS = 30_000


def _literal(value: str | int, lang: str | None = None, datatype: URIRef | None = None) -> Literal:
    """Literal(value, lang=lang, datatype=datatype), shared."""
    key = (value, type(value), lang, datatype and str(datatype))  # (the type: True == 1)
    found = _LITERALS.get(key)
    if found is None:
        found = Literal(value, lang=lang, datatype=datatype)
        if len(_LITERALS) < _MAX_LITERALS:
            _LITERALS[key] = found
            _LITERAL_N3[id(found)] = _literal_n3(found)
    return found


def _n3(term) -> str:
    """term.n3(), for IRIs known to hold none of _NOT_IN_IRI's characters (which n3() checks)."""
    if type(term) is URIRef:
        return "<%s>" % term
    return _LITERAL_N3.get(id(term)) or _literal_n3(term)


def _literal_n3(term) -> str:
    """A term as N-Triples writes it. rdflib's n3() writes a literal that holds a line break in
    Turtle's long form (three quotes), which N-Quads does not allow: an evidence sentence that
    spans a wrapped line holds one."""
    if type(term) is not Literal or ("\n" not in term and "\r" not in term):
        return term.n3()
    text = str(term).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    if term.language:
        return '"%s"@%s' % (text, term.language)
    if term.datatype is not None and str(term.datatype) != str(_XSD.string):
        return '"%s"^^<%s>' % (text, term.datatype)
    return '"%s"' % text


def _published_literal(value: str) -> Literal:
    datatype = {4: XSD.gYear, 7: XSD.gYearMonth}.get(len(value), XSD.date)
    return _literal(value, datatype=datatype)


class ArticleTriples:
    """An article's triples: as N-Triples for the store, or as an rdflib Graph on demand."""

    def __init__(self, triples: list[tuple]):
        self.triples = triples
        self._graph: Graph | None = None

    def __len__(self) -> int:
        return len(self.triples)

    @property
    def graph(self) -> Graph:
        if self._graph is None:
            graph = Graph()
            for prefix, ns in PREFIXES.items():
                graph.bind(prefix, ns)
            graph.addN((s, p, o, graph) for s, p, o in self.triples)
            self._graph = graph
        return self._graph

    def nquads(self, graph: URIRef) -> tuple[bytes, bytes]:
        """The triples as N-Quads in GRAPH, in two parts: all but the dip:contentHash, and that.

        A store writes the hash last: a graph cut short by a crash has none, and is mapped again.
        """
        g = graph.n3()
        body, marker = [], []
        # rdflib's n3() checks every IRI, one term at a time: checked here all at once, IRIs are
        # written without it (the same text). If one fails, n3() writes them all, to raise its error.
        iris = "".join([term for triple in self.triples for term in triple if type(term) is URIRef])
        # (a substring search per character: memchr, many times faster than a regex's class)
        checked = not any(map(iris.__contains__, _NOT_IN_IRI))
        n3 = _n3 if checked else (lambda term: term.n3())
        for s, p, o in self.triples:
            if checked and type(s) is URIRef and type(p) is URIRef:  # (the most frequent lines, written at once)
                if type(o) is URIRef:
                    line = "<%s> <%s> <%s> %s .\n" % (s, p, o, g)
                else:
                    line = "<%s> <%s> %s %s .\n" % (s, p, _LITERAL_N3.get(id(o)) or _literal_n3(o), g)
            else:
                line = f"{n3(s)} {n3(p)} {n3(o)} {g} .\n"
            # (p == DIP.contentHash, without rdflib's slow __eq__)
            (marker if type(p) is URIRef and str.__eq__(p, _CONTENT_HASH) else body).append(line)
        return "".join(body).encode("utf-8"), "".join(marker).encode("utf-8")


class ArticleGraphWriter:
    def __init__(self, article: Article, structure: Structure, actors: Actors, events: list[Event],
                 reference_date: dt.date | None, gazetteer: Gazetteer, content_hash: str):
        self.a = article
        self.g_ref = gazetteer
        self.content_hash = content_hash
        self.st = structure
        self.actors = actors
        self.events = events
        self.on = reference_date
        self.triples: dict[tuple, None] = {}  # insertion-ordered set: rdflib's store is the slow part
        self.labelled_offices: set = set()
        self.article = ID[f"article/{article.id}"]
        self.run = ID[f"run/{article.id}"]
        self.tenure_of: dict[tuple[str, int], URIRef] = {}
        self.written_people: dict[int, URIRef] = {}  # id(PersonEntity) -> its IRI, once its triples are in
        self.attested_on = _literal(reference_date.isoformat(), datatype=XSD.date) if reference_date is not None else None

    def write(self) -> "ArticleTriples":
        self._article()
        self._people()
        for n, event in enumerate(self.events, start=1):
            event._iri = ID[f"event/{self.a.id}/{n}"]  # type: ignore[attr-defined]  # before any link to it
        for n, event in enumerate(self.events, start=1):
            self._event(n, event)
        return ArticleTriples(list(self.triples))

    def add(self, s, p, o):
        if o is not None:
            self.triples[(s, p, o)] = None

    # -- the article and the mapping run
    def _article(self):
        a, art = self.a, self.article
        self.add(art, A, DIP.NewsArticle)
        self.add(art, DIP.articleId, Literal(a.id))
        self.add(art, DIP.contentHash, Literal(self.content_hash))
        title = a.title or (self.st.title.text if self.st.title else None)
        self.add(art, SCHEMA.headline, Literal(title) if title else None)
        self.add(art, SCHEMA.url, Literal(a.url, datatype=XSD.anyURI) if a.url else None)
        self.add(art, SCHEMA.datePublished, _published_literal(a.published) if a.published else None)
        self.add(art, SCHEMA.author, Literal(a.author) if a.author else None)
        self.add(art, SCHEMA.inLanguage, _literal(a.language) if a.language else None)
        if a.keep_text:  # extracted from a page or a crawler's record: the text evidence offsets point into
            self.add(art, SCHEMA.text, Literal(a.text))
        if a.publisher:
            publisher = ID[f"org/{slug(a.publisher)}"]
            self.add(art, SCHEMA.publisher, publisher)
            self.add(publisher, A, DIP.Organisation)
            self.add(publisher, SCHEMA.name, _literal(a.publisher))
            self.add(publisher, SKOS.prefLabel, _literal(a.publisher, lang="en"))
        if self.st.dateline_place:
            self.add(art, DIP.datelinePlace, self._place(self.st.dateline_place))
        if self.st.dateline_date and len(self.st.dateline_date) == 10:
            self.add(art, DIP.datelineDate, _literal(self.st.dateline_date, datatype=XSD.date))
        self.add(self.run, A, DIP.MappingRun)
        self.add(self.run, PROV.used, art)
        self.add(self.run, PROV.wasAssociatedWith, MAPPER_AGENT)

    def _place(self, city: str) -> URIRef | None:
        code = self.g_ref.cities.get(city)
        if code is None:
            return None
        place = ID[f"place/{code}/{slug(city)}"]
        self.add(place, A, DIP.Place)
        self.add(place, SCHEMA.name, _literal(city))
        self.add(place, DIP.country, country_iri(code))
        return place

    def _evidence(self, sentence_index: int, fact: URIRef) -> URIRef:
        span: Span = self.st.sentences[sentence_index]
        node = ID[f"evidence/{self.a.id}/{span.start}-{span.end}"]
        if (node, A, DIP.Evidence) not in self.triples:
            target = URIRef(f"{node}#target")
            position = URIRef(f"{node}#position")
            quote = URIRef(f"{node}#quote")
            self.add(node, A, DIP.Evidence)
            self.add(node, OA.hasTarget, target)
            self.add(target, A, OA.SpecificResource)
            self.add(target, OA.hasSource, self.article)
            self.add(target, OA.hasSelector, position)
            self.add(target, OA.hasSelector, quote)
            self.add(position, A, OA.TextPositionSelector)
            self.add(position, OA.start, _literal(span.start))
            self.add(position, OA.end, _literal(span.end))
            self.add(quote, A, OA.TextQuoteSelector)
            self.add(quote, OA.exact, Literal(self.a.text[span.start:span.end]))
        self.add(node, OA.hasBody, fact)
        self.add(fact, DIP.evidence, node)
        self.add(fact, PROV.wasDerivedFrom, self.article)
        self.add(fact, PROV.wasGeneratedBy, self.run)
        return node

    # -- actors
    def _agent(self, party) -> URIRef:
        if isinstance(party, PersonEntity):
            return self._person(party)
        if isinstance(party, OrgEntity):
            return self._org(party.org)
        return self._country(party)

    def _country(self, code: str) -> URIRef:
        iri = country_iri(code)
        self.add(iri, A, DIP.Country)
        return iri

    def _org(self, org) -> URIRef:
        self.add(org.iri, A, DIP[org.kind])
        self.add(org.iri, SKOS.prefLabel, _literal(org.name, lang="en"))
        self.add(org.iri, DIP.acronym, _literal(org.acronym) if org.acronym else None)
        if org.country:
            self.add(org.iri, DIP.country, self._country(org.country))
        return org.iri

    def _person(self, person: PersonEntity) -> URIRef:
        iri = self.written_people.get(id(person))
        if iri is not None:
            return iri  # (its triples would be the same again)
        iri = person.iri
        self.add(iri, A, DIP.Person)
        self.add(iri, SCHEMA.name, _literal(person.name))
        for honorific in person.honorifics:
            self.add(iri, DIP.honorific, _literal(honorific))
        self.written_people[id(person)] = iri
        return iri

    def _people(self):
        n = 0
        for person in self.actors.people:
            if not person.mentions:
                continue
            iri = self._person(person)
            self.add(self.article, SCHEMA.mentions, iri)
            for role in person.roles:
                owner = self._role_owner(role, person)
                if owner is None:
                    continue
                n += 1
                tenure = ID[f"tenure/{self.a.id}/{n}"]
                self.tenure_of[(person.key, id(role))] = tenure
                office = ID[f"role/{role.office}"]
                self.add(tenure, A, DIP.Tenure)
                self.add(tenure, ORG.member, iri)
                self.add(tenure, ORG.organization, owner)
                self.add(tenure, ORG.role, office)
                self.add(office, A, DIP.Office)
                label = _literal(role.label, lang="en")
                if office not in self.labelled_offices:
                    # an alternative label: the reference data's prefLabel stays the only one
                    self.labelled_offices.add(office)
                    self.add(office, SKOS.altLabel, label)
                self.add(tenure, DIP.roleLabel, label)
                self.add(tenure, DIP.qualifier, _literal(role.qualifier) if role.qualifier else None)
                self.add(tenure, DIP.attestedOn, self.attested_on)
                sentence = role.sentence if role.sentence >= 0 else person.mentions[0][0]
                self._evidence(sentence, tenure)

    def _owner_node(self, iri: URIRef) -> URIRef:
        """A dictionary tenure's country or organisation, restated in the article graph."""
        org = self.g_ref.organisation_by_iri(iri)
        if org is not None:
            return self._org(org)
        code = str(iri).rsplit("/", 1)[-1]
        return self._country(code) if iri == country_iri(code) and code in self.g_ref.countries else iri

    def _role_owner(self, role: RoleClaim, person: PersonEntity) -> URIRef | None:
        if role.organisation is not None:
            self._org(role.organisation)  # restated in the article graph: queries read it there
        if person.known is not None:
            # The dictionary knows this office of this person then: use its owner (the Senate of
            # Cambodia rather than Cambodia), so the article's statement joins the dated tenure.
            for tenure in person.known.tenures:
                if tenure.role == role.office and tenure.holds_on(self.on) and \
                        (role.country is None or tenure.country == role.country):
                    return self._owner_node(tenure.organisation)
        if role.organisation is not None:
            return self._org(role.organisation)
        code = role.country or person.inferred_country or person.country
        return self._country(code) if code else None

    # -- events
    def _event(self, n: int, e: Event):
        iri = e._iri  # type: ignore[attr-defined]
        self.add(iri, A, DIP[e.kind])
        type_slug = "planned-meeting" if e.status == "planned" and e.family == "Meeting" else EVENT_TYPE_SLUG[e.kind]
        self.add(iri, DIP.eventType, ID[f"event-type/{type_slug}"])
        self.add(iri, DIP.status, DIP.planned if e.status == "planned" else DIP.occurred)
        self.add(iri, SCHEMA.startDate, _literal(e.start.isoformat(), datatype=XSD.date) if e.start else None)
        self.add(iri, SCHEMA.endDate, _literal(e.end.isoformat(), datatype=XSD.date) if e.end else None)
        if e.city:
            self.add(iri, SCHEMA.location, self._place(e.city))
        self.add(iri, DIP.venue, Literal(e.venue) if e.venue else None)
        for topic in sorted(e.topics):
            self.add(iri, DIP.topic, topic)
        for m, party in enumerate(e.parties, start=1):
            agent = self._agent(party)
            self.add(iri, DIP.participant, agent)
            participation = ID[f"participation/{self.a.id}/{n}/{m}"]
            self.add(iri, DIP.participation, participation)
            self.add(participation, A, DIP.Participation)
            self.add(participation, DIP.agent, agent)
            country = party_country(party)
            if isinstance(party, PersonEntity):
                role = party.role_in(e.trigger_sentence)
                tenure = self.tenure_of.get((party.key, id(role))) if role else None
                self.add(participation, DIP.actingAs, tenure)
                org = role.organisation if role else None
                # an organisation speaks for the person only when it is placed: a country's, or a bloc
                if org is not None and (org.country or org.kind == "IntergovernmentalOrganisation"):
                    self.add(participation, DIP.represents, self._org(org))
                else:
                    self.add(participation, DIP.represents, self._country(country) if country else None)
            elif isinstance(party, OrgEntity):
                self.add(participation, DIP.represents, self._org(party.org))
            else:
                self.add(participation, DIP.represents, self._country(party))
        if e.family == "Visit":
            for visitor in e.visitors:
                self.add(iri, DIP.visitor, self._agent(visitor))
            if e.host:
                # The host is the visit's dip:host (a sub-property of dip:participant); the
                # participant rows list who took part in person, as readers count a visit.
                self.add(iri, DIP.host, self._country(e.host))
        if e.part_of_visit is not None and getattr(e.part_of_visit, "_iri", None):
            self.add(iri, DIP.partOfVisit, e.part_of_visit._iri)
        if e.kind == "AgreementSigning" and e.agreement_name:
            agreement = ID[f"agreement/{self.a.id}/{n}"]
            self.add(iri, DIP.agreement, agreement)
            self.add(agreement, A, DIP[e.agreement_kind or "Agreement"])
            self.add(agreement, SCHEMA.name, Literal(e.agreement_name))
            for party in e.parties:
                self.add(agreement, DIP.party, self._agent(party))
        for sentence in sorted(e.sentences):
            self._evidence(sentence, iri)


def write_article_graph(article: Article, structure: Structure, actors: Actors, events: list[Event],
                        reference_date: dt.date | None, gazetteer: Gazetteer, content_hash: str) -> ArticleTriples:
    """content_hash: the article's build hash (kg.mapper.build_hash), the key of incremental builds."""
    return ArticleGraphWriter(article, structure, actors, events, reference_date, gazetteer, content_hash).write()
