"""Every namespace and fixed IRI of the project, declared once (see ontology/MODEL.md)."""
from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, TIME, ORG

class CachedNamespace(Namespace):
    """A Namespace that makes each of its terms once.

    rdflib builds a new URIRef, with its validity check, on every attribute access, and the
    mapper asks for the same few dozen terms over a hundred times per article.
    """

    def __getattr__(self, name: str) -> URIRef:
        term = super().__getattr__(name)
        self.__dict__[name] = term
        return term


class CachedTerms:
    """The terms of one of rdflib's closed namespaces (SKOS, XSD, PROV, ...), each made once: rdflib
    makes and checks a new term on every attribute access, as for a Namespace."""

    def __init__(self, namespace):
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:  # (only for terms not asked for before)
        term = getattr(self._namespace, name)
        setattr(self, name, term)
        return term


DIP = CachedNamespace("https://w3id.org/dipkg/ontology#")
DSH = Namespace("https://w3id.org/dipkg/shapes#")
ID = Namespace("https://w3id.org/dipkg/id/")
GRAPH = Namespace("https://w3id.org/dipkg/graph/")
OA = CachedNamespace("http://www.w3.org/ns/oa#")
SCHEMA = CachedNamespace("https://schema.org/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
WD = Namespace("http://www.wikidata.org/entity/")

REFERENCE_GRAPH = GRAPH["reference"]
MAPPER_AGENT = ID["agent/kg-mapper"]

PREFIXES = {
    "dip": DIP, "dsh": DSH, "dipid": ID, "oa": OA, "schema": SCHEMA, "sem": SEM, "wd": WD,
    "prov": PROV, "org": ORG, "time": TIME, "skos": SKOS, "dcterms": DCTERMS, "owl": OWL,
    "rdf": RDF, "rdfs": RDFS, "xsd": XSD,
}

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"

__all__ = [
    "DIP", "DSH", "ID", "GRAPH", "OA", "SCHEMA", "SEM", "WD", "PROV", "ORG", "TIME", "SKOS",
    "DCTERMS", "OWL", "RDF", "RDFS", "XSD", "REFERENCE_GRAPH", "MAPPER_AGENT", "PREFIXES",
    "ONTOLOGY_DIR", "slug", "article_graph", "country_iri", "org_iri", "person_iri",
]


@functools.lru_cache(maxsize=65536)
def slug(text: str) -> str:
    """Lower-case ASCII words joined by '-': the stable key of person, organisation and place IRIs."""
    plain = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return "-".join(re.findall(r"[a-z0-9]+", plain)) or "unnamed"


def article_graph(article_id: str) -> URIRef:
    return GRAPH[f"article/{article_id}"]


@functools.lru_cache(maxsize=65536)  # the same few IRIs, asked for again and again
def country_iri(alpha3: str) -> URIRef:
    return ID[f"country/{alpha3}"]


@functools.lru_cache(maxsize=65536)  # the same few IRIs, asked for again and again
def org_iri(name: str) -> URIRef:
    return ID[f"org/{slug(name)}"]


@functools.lru_cache(maxsize=65536)  # the same few IRIs, asked for again and again
def person_iri(name: str) -> URIRef:
    return ID[f"person/{slug(name)}"]
