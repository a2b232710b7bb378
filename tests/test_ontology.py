"""Checks of the ontology files themselves: syntax, header, SHACL vocabulary checks, coverage of MODEL.md."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY_DIR = ROOT / "ontology"
VOCAB_FILES = ("diplomacy.ttl", "topics.ttl", "event-types.ttl")
SHAPES_FILE = ONTOLOGY_DIR / "ontology-shapes.ttl"
MODEL_MD = ONTOLOGY_DIR / "MODEL.md"

DIP = Namespace("https://w3id.org/dipkg/ontology#")
ONTOLOGY_IRI = URIRef("https://w3id.org/dipkg/ontology#")
TOPIC = Namespace("https://w3id.org/dipkg/id/topic/")
EVENT_TYPE = Namespace("https://w3id.org/dipkg/id/event-type/")

TOPIC_SLUGS = (
    "trade investment economy defense security education border tourism health digital human-rights "
    "democracy regional connectivity agriculture crime culture energy environment demining "
    "disaster-relief media finance party climate migration maritime science-technology humanitarian "
    "labour transport sport peace"
).split()
EVENT_TYPE_SLUGS = (
    "meeting courtesy-call visit state-visit official-visit working-visit phone-call video-conference "
    "correspondence agreement-signing planned-meeting"
).split()
CAMEO_CODES = ("040", "041", "042", "043", "044", "057", "051", "036")
# Mentioned in MODEL.md but explicitly marked "(not used)"; deliberately not declared.
NOT_DECLARED = {"direction"}


def _parse(name: str) -> Graph:
    return Graph().parse(ONTOLOGY_DIR / name, format="turtle")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return _parse("diplomacy.ttl")


@pytest.fixture(scope="module")
def vocab() -> Graph:
    g = Graph()
    for name in VOCAB_FILES:
        g += _parse(name)
    return g


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES_FILE, format="turtle")


def _validate(data: Graph, shapes: Graph) -> tuple[bool, str]:
    conforms, _, text = validate(data, shacl_graph=shapes, inference="none")
    return conforms, text


def _dip_terms(g: Graph, rdf_type: URIRef) -> set[str]:
    return {str(s)[len(str(DIP)):] for s in g.subjects(RDF.type, rdf_type)
            if isinstance(s, URIRef) and str(s).startswith(str(DIP)) and s != ONTOLOGY_IRI}


# --- syntax --------------------------------------------------------------------------------

@pytest.mark.parametrize("name", VOCAB_FILES + ("ontology-shapes.ttl",))
def test_file_parses(name):
    g = _parse(name)
    assert len(g) > 0


# --- header --------------------------------------------------------------------------------

def test_single_ontology_header(ontology):
    assert list(ontology.subjects(RDF.type, OWL.Ontology)) == [ONTOLOGY_IRI]


def test_ontology_header_properties(ontology):
    o = ONTOLOGY_IRI
    title = ontology.value(o, DCTERMS.title)
    assert isinstance(title, Literal) and title.language == "en"
    description = str(ontology.value(o, DCTERMS.description))
    for vocabulary in ("PROV-O", "Web Annotation", "Organization Ontology", "OWL-Time", "SKOS",
                       "schema.org", "Simple Event Model", "Dublin Core"):
        assert vocabulary in description, f"description does not mention {vocabulary}"
    assert ontology.value(o, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert str(ontology.value(o, OWL.versionInfo)) == "0.1.0"
    assert ontology.value(o, OWL.versionIRI) == URIRef("https://w3id.org/dipkg/ontology/0.1.0")
    assert ontology.value(o, DCTERMS.created) is not None


# --- SHACL vocabulary checks ---------------------------------------------------------------

def test_vocabulary_conforms_to_ontology_shapes(vocab, shapes):
    conforms, report = _validate(vocab, shapes)
    print(report)
    assert conforms, report


BROKEN = """
@prefix dip:  <https://w3id.org/dipkg/ontology#> .
@prefix owl:  <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .

dip:UnlabelledThing a owl:Class ;
    skos:definition "A class without a label."@en ;
    rdfs:isDefinedBy <https://w3id.org/dipkg/ontology#> .

dip:HasWrongCase a owl:ObjectProperty ;
    rdfs:label "has wrong case"@en ;
    skos:definition "A property named in UpperCamelCase."@en ;
    rdfs:isDefinedBy <https://w3id.org/dipkg/ontology#> .
"""


def test_broken_snippet_does_not_conform(vocab, shapes):
    data = Graph() + vocab
    data.parse(data=BROKEN, format="turtle")
    conforms, report = _validate(data, shapes)
    assert not conforms
    assert "UnlabelledThing" in report and "rdfs:label" in report
    assert "HasWrongCase" in report and "lowerCamelCase" in report


def test_broken_snippet_alone_does_not_conform(shapes):
    conforms, report = _validate(Graph().parse(data=BROKEN, format="turtle"), shapes)
    assert not conforms, report


def test_undeclared_dip_term_is_reported(vocab, shapes):
    data = Graph() + vocab
    data.add((DIP.Meeting, RDFS.subClassOf, DIP.NoSuchClass))
    conforms, report = _validate(data, shapes)
    assert not conforms
    assert "NoSuchClass" in report


def test_event_type_without_cameo_code_is_reported(vocab, shapes):
    data = Graph() + vocab
    data.remove((EVENT_TYPE["phone-call"], DIP.cameoCode, None))
    conforms, report = _validate(data, shapes)
    assert not conforms
    assert "phone-call" in report and "cameoCode" in report


# --- coverage of MODEL.md ------------------------------------------------------------------

def _model_terms() -> tuple[set[str], set[str]]:
    """(UpperCamel class names, lowerCamel property/individual names) of the dip: namespace in MODEL.md."""
    text = MODEL_MD.read_text(encoding="utf-8")
    classes = set(re.findall(r"(?<![\w:])dip:([A-Z]\w*)", text))
    others = set(re.findall(r"(?<![\w:])dip:([a-z]\w*)", text))
    section = text.split("## Classes", 1)[1].split("\n## ", 1)[0]
    classes |= set(re.findall(r"`([A-Z][A-Za-z0-9]*)`", section))
    return classes, others - NOT_DECLARED


def test_model_md_classes_declared(ontology):
    classes, _ = _model_terms()
    assert len(classes) >= 30
    declared = _dip_terms(ontology, OWL.Class) | _dip_terms(ontology, SKOS.ConceptScheme)
    missing = sorted(classes - declared)
    assert not missing, f"MODEL.md classes/schemes not declared in diplomacy.ttl: {missing}"


def test_model_md_properties_declared(ontology):
    _, others = _model_terms()
    assert len(others) >= 30
    declared = (_dip_terms(ontology, OWL.ObjectProperty) | _dip_terms(ontology, OWL.DatatypeProperty)
                | _dip_terms(ontology, OWL.NamedIndividual))
    missing = sorted(others - declared)
    assert not missing, f"MODEL.md properties/individuals not declared in diplomacy.ttl: {missing}"


def test_required_extra_terms_declared(ontology):
    for name in ("keyword", "cameoCode", "ploverCategory", "ploverMode", "forClass"):
        assert (DIP[name], RDF.type, None) in ontology, name
    for name in ("occurred", "planned"):
        assert (DIP[name], RDF.type, DIP.EventStatus) in ontology, name
    for name in ("TopicScheme", "EventTypeScheme"):
        assert (DIP[name], RDF.type, SKOS.ConceptScheme) in ontology, name


def test_classes_and_properties_are_disjoint_kinds(ontology):
    classes = _dip_terms(ontology, OWL.Class)
    obj = _dip_terms(ontology, OWL.ObjectProperty)
    dat = _dip_terms(ontology, OWL.DatatypeProperty)
    assert not (obj & dat)
    assert not (classes & (obj | dat))


def test_term_count_is_modest(ontology):
    terms = {s for s in ontology.subjects() if isinstance(s, URIRef)
             and str(s).startswith(str(DIP)) and s != ONTOLOGY_IRI}
    # resolution (issue 12) added 21 terms: 3 classes, 8 merge rules, 10 properties
    assert 60 <= len(terms) <= 105, len(terms)


# --- topics --------------------------------------------------------------------------------

def test_topic_slugs_exist():
    topics = _parse("topics.ttl")
    for slug in TOPIC_SLUGS:
        concept = TOPIC[slug]
        assert (concept, RDF.type, SKOS.Concept) in topics, slug
        assert (concept, SKOS.inScheme, DIP.TopicScheme) in topics, slug
        assert (concept, SKOS.topConceptOf, DIP.TopicScheme) in topics, slug
        keywords = [str(k) for k in topics.objects(concept, DIP.keyword)]
        assert len(keywords) >= 3, slug
        assert all(k == k.lower() for k in keywords), slug


def test_topic_labels():
    topics = _parse("topics.ttl")
    assert str(topics.value(TOPIC["regional"], SKOS.prefLabel)) == "regional cooperation"
    assert str(topics.value(TOPIC["party"], SKOS.prefLabel)) == "party relations"


def test_topic_keywords_avoid_overbroad_words():
    topics = _parse("topics.ttl")
    keywords = {str(k) for k in topics.objects(None, DIP.keyword)}
    for bad in ("party", "state", "press", "the", "cooperation", "relations"):
        assert bad not in keywords, bad
    for needed in ("demining", "landmine", "mine clearance", "unexploded ordnance", "party-to-party",
                   "inter-party", "asean centrality", "bilateral trade", "free trade"):
        assert needed in keywords, needed


def test_topic_keywords_are_unique_across_topics():
    """The mapper maps each keyword to one topic, so a keyword shared by two topics loses one of them."""
    topics = _parse("topics.ttl")
    owners: dict[str, set] = {}
    for concept, keyword in topics.subject_objects(DIP.keyword):
        owners.setdefault(str(keyword).lower(), set()).add(concept)
    shared = {k: sorted(v) for k, v in owners.items() if len(v) > 1}
    assert not shared, shared


# --- event types ---------------------------------------------------------------------------

def test_event_type_slugs_exist():
    types = _parse("event-types.ttl")
    ontology = _parse("diplomacy.ttl")
    for slug in EVENT_TYPE_SLUGS:
        concept = EVENT_TYPE[slug]
        assert (concept, SKOS.inScheme, DIP.EventTypeScheme) in types, slug
        cls = types.value(concept, DIP.forClass)
        assert cls is not None and (cls, RDF.type, OWL.Class) in ontology, slug
        assert types.value(concept, DIP.ploverCategory) is not None, slug


def test_cameo_codes_present():
    types = _parse("event-types.ttl")
    codes = {str(c) for c in types.objects(None, DIP.cameoCode)}
    missing = [c for c in CAMEO_CODES if c not in codes]
    assert not missing, missing


def test_event_type_hierarchy():
    types = _parse("event-types.ttl")
    assert (EVENT_TYPE["courtesy-call"], SKOS.broader, EVENT_TYPE["meeting"]) in types
    for slug in ("state-visit", "official-visit", "working-visit"):
        assert (EVENT_TYPE[slug], SKOS.broader, EVENT_TYPE["visit"]) in types
    assert str(types.value(EVENT_TYPE["phone-call"], DIP.ploverMode)) == "phone"
    assert str(types.value(EVENT_TYPE["planned-meeting"], DIP.cameoCode)) == "036"
