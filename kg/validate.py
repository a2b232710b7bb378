"""Stage 6: check graphs against the SHACL shapes in `ontology/shapes.ttl`.

An article is validated on its own graph plus the few reference facts it points to (the
types and codes of the countries and organisations it names), so the cost of validation is
linear in the number of articles and can run in parallel, instead of one whole-graph run
whose cost grows faster than the graph.

Two engines give the same findings: kg/shacl_native.py (the shapes compiled into plain Python,
well under a millisecond an article; the default) and pyshacl (`findings`, the reference,
~40 times slower). What only the whole store can show (one node described in two article
graphs) is checked by kg/store_checks.py.
"""
from __future__ import annotations

import functools
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH

from kg.controls import as_unicode_escapes, for_terminal
from kg.namespaces import DIP, ONTOLOGY_DIR, PREFIXES

SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
SEVERITIES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
# Reference facts an article's graph may rely on when validated alone.
CONTEXT_PREDICATES = (RDF.type, DIP.iso3166Alpha2, DIP.iso3166Alpha3, DIP.country)


@dataclass(frozen=True)
class Finding:
    severity: str
    shape: str
    focus: str
    path: str | None
    value: str | None
    message: str


@functools.lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    g = Graph()
    g.parse(SHAPES_FILE, format="turtle")
    return g


class ReferenceContext:
    """Index of the reference facts (types, ISO codes) by subject, for per-article validation."""

    def __init__(self, reference: Graph):
        self.facts: dict[URIRef, list[tuple]] = {}
        for predicate in CONTEXT_PREDICATES:
            for s, o in reference.subject_objects(predicate):
                self.facts.setdefault(s, []).append((s, predicate, o))

    def facts_for(self, nodes) -> list[tuple]:
        """The reference facts about these nodes, as triples (for validating without a Graph)."""
        facts = self.facts
        return [triple for node in nodes if node in facts for triple in facts[node]]

    def for_graph(self, graph: Graph) -> Graph:
        data = Graph()
        data += graph
        seen = set()
        for node in set(graph.objects()) | set(graph.subjects()):
            if isinstance(node, URIRef) and node not in seen and node in self.facts:
                seen.add(node)
                for triple in self.facts[node]:
                    data.add(triple)
        return data


def findings(data: Graph, shapes: Graph | None = None) -> list[Finding]:
    """pyshacl's results (nested sh:detail results included), the reference implementation."""
    from pyshacl import validate as shacl_validate  # imported here: the native validator does without
    _, report, _ = shacl_validate(data, shacl_graph=shapes or shapes_graph(), inference="none",
                                  advanced=False, allow_warnings=True, inplace=True)
    out = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        severity = SEVERITIES.get(report.value(result, SH.resultSeverity), "Violation")
        source = report.value(result, SH.sourceShape)
        out.append(Finding(
            severity=severity,
            shape=report_shape(source) if source is not None else "None",
            focus=str(report.value(result, SH.focusNode)),
            path=_str(report.value(result, SH.resultPath)),
            value=_str(report.value(result, SH.value)),
            message=str(report.value(result, SH.resultMessage) or ""),
        ))
    return sort_findings(out)


def report_shape(source) -> str:
    """The shape a result is reported under: property shapes under the node shape that holds them."""
    parent = next(iter(shapes_graph().subjects(SH.property, source)), None)
    return str(parent or source)


def sort_findings(found: list[Finding]) -> list[Finding]:
    return sorted(found, key=lambda f: (f.severity != "Violation", f.shape, f.focus, f.message))


def _str(node) -> str | None:
    return None if node is None else str(node)


def validate_article(graph: Graph, context: ReferenceContext) -> list[Finding]:
    return findings(context.for_graph(graph))


def count(found: list[Finding], severity: str) -> int:
    return sum(1 for f in found if f.severity == severity)


def format_report(found: list[Finding], fmt: str = "text") -> str:
    """Readable report, grouped by shape and focus node (text), or the findings as JSON/Turtle."""
    if fmt == "json":
        return json.dumps({"conforms": count(found, "Violation") == 0,
                           "violations": count(found, "Violation"), "warnings": count(found, "Warning"),
                           "results": [asdict(f) for f in found]}, indent=2) + "\n"
    if fmt == "turtle":
        return _report_turtle(found)
    lines = []
    shape = focus = None
    for f in found:
        if f.shape != shape:
            shape, focus = f.shape, None
            lines.append(f"{_short(shape)}")
        if f.focus != focus:
            focus = f.focus
            lines.append(f"  {_short(focus)}")
        where = f" [{_short(f.path)}]" if f.path else ""
        lines.append(f"    {f.severity}{where}: {f.message}")
    violations, warnings = count(found, "Violation"), count(found, "Warning")
    lines.append(f"{'Conforms' if violations == 0 else 'Does not conform'}: "
                 f"{violations} violation{'s' * (violations != 1)}, {warnings} warning{'s' * (warnings != 1)}")
    return "\n".join(map(for_terminal, lines)) + "\n"  # the messages quote the data


def _short(iri: str | None) -> str:
    if not iri:
        return ""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(str(ns)):
            return f"{prefix}:{iri[len(str(ns)):]}"
    return f"<{iri}>"


def _report_turtle(found: list[Finding]) -> str:
    from rdflib import BNode, Literal
    g = Graph()
    g.bind("sh", SH)
    report = BNode()
    g.add((report, RDF.type, SH.ValidationReport))
    g.add((report, SH.conforms, Literal(count(found, "Violation") == 0)))
    for f in found:
        r = BNode()
        g.add((report, SH.result, r))
        g.add((r, RDF.type, SH.ValidationResult))
        g.add((r, SH.resultSeverity, SH[f.severity]))
        g.add((r, SH.sourceShape, URIRef(f.shape)))
        g.add((r, SH.focusNode, URIRef(f.focus)))
        g.add((r, SH.resultMessage, Literal(f.message)))
        if f.path:
            g.add((r, SH.resultPath, URIRef(f.path)))
    return as_unicode_escapes(g.serialize(format="turtle"))


def validate_files(paths: list[Path], validator: str = "native") -> list[Finding]:
    """Validate RDF files (any format rdflib reads; datasets are merged) against the shapes.

    validator: "native" (kg/shacl_native.py) or "pyshacl" (the reference implementation).
    """
    from kg.gazetteer import load_reference_graph
    data = Graph()
    for path in paths:
        fmt = _format_for(path)
        if fmt in ("trig", "nquads"):
            from rdflib import Dataset
            ds = Dataset()
            ds.parse(path, format=fmt)
            for s, p, o, _ in ds.quads((None, None, None, None)):
                data.add((s, p, o))
        else:
            data.parse(path, format=fmt)
    context = ReferenceContext(load_reference_graph())
    return validate_graph(data, context, validator)


def validate_graph(data, context: ReferenceContext, validator: str = "native") -> list[Finding]:
    """Findings for a graph (an rdflib Graph or a list of triples) plus the reference facts of the
    nodes it names, with the native validator or pyshacl."""
    if validator == "native":
        from kg.shacl_native import validate_triples
        return validate_triples(data, context, unique=isinstance(data, Graph))
    if validator != "pyshacl":
        raise ValueError(f"unknown validator {validator!r}: use native or pyshacl")
    if not isinstance(data, Graph):
        graph = Graph()
        graph.addN((s, p, o, graph) for s, p, o in data)
        data = graph
    return findings(context.for_graph(data))


def _format_for(path: Path) -> str:
    return {".ttl": "turtle", ".trig": "trig", ".nq": "nquads", ".nt": "nt", ".jsonld": "json-ld",
            ".json": "json-ld", ".rdf": "xml", ".xml": "xml", ".n3": "n3"}.get(path.suffix.lower(), "turtle")
