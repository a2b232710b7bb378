"""Export the store, or some articles' named graphs, in standard RDF formats."""
from __future__ import annotations

import pyoxigraph as ox
from rdflib import Dataset, Graph

from kg.namespaces import PREFIXES, REFERENCE_GRAPH, article_graph
from kg.store import KGStore

FORMATS = {"turtle": "turtle", "trig": "trig", "nquads": "nquads", "jsonld": "json-ld"}


class ExportError(Exception):
    pass


def selected_graphs(store: KGStore, article_ids: list[str], include_reference: bool) -> list[str]:
    if article_ids:
        graphs = []
        for article_id in article_ids:
            iri = str(article_graph(article_id))
            if not store.store.contains_named_graph(ox.NamedNode(iri)):
                raise ExportError(f"no article {article_id!r} in the store at {store.location}")
            graphs.append(iri)
    else:
        graphs = store.article_graphs() + store.derived_graphs()
    if include_reference:
        graphs.append(str(REFERENCE_GRAPH))
    return graphs


def export(store: KGStore, fmt: str, article_ids: list[str], include_reference: bool = False) -> bytes:
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    graphs = selected_graphs(store, article_ids, include_reference)
    nquads = "".join(f"{q.subject} {q.predicate} {q.object} <{g}> .\n"
                     for g in graphs for q in store.quads([g]))
    if fmt == "nquads":
        return nquads.encode("utf-8")
    if fmt == "turtle":
        merged = Graph()
        ds = Dataset()
        ds.parse(data=nquads, format="nquads")
        for s, p, o, _ in ds.quads((None, None, None, None)):
            merged.add((s, p, o))
        _bind(merged)
        return merged.serialize(format="turtle", encoding="utf-8")
    ds = Dataset()
    ds.parse(data=nquads, format="nquads")
    _bind(ds)
    return ds.serialize(format=FORMATS[fmt], encoding="utf-8")


def _bind(graph):
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns)
