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


# Parsing takes about 50 times a file's size in memory (rdflib's objects and indexes): 50 MB of
# Turtle costs some 2.5 GB. Larger files are refused unless the user raises the limit.
DEFAULT_MAX_BYTES = 50_000_000


class InputFileError(Exception):
    """A file that kg validate refuses or cannot read; the message starts with the file's name."""


def validate_files(paths: list[Path], validator: str = "native", max_bytes: int | None = DEFAULT_MAX_BYTES,
                   allow_remote_context: bool = False) -> list[Finding]:
    """Validate RDF files (any format rdflib reads; datasets are merged) against the shapes.

    validator: "native" (kg/shacl_native.py) or "pyshacl" (the reference implementation).
    A file never makes this read anything but itself: JSON-LD contexts that name a URL or a
    file, and XML DTDs and entity declarations, are refused (InputFileError), unless
    allow_remote_context lets JSON-LD contexts be fetched. Files larger than max_bytes
    together are refused before any is parsed.
    """
    from kg.gazetteer import load_reference_graph
    check_sizes(paths, max_bytes)
    data = Graph()
    for path in paths:
        read_rdf_file(path, data, allow_remote_context)
    context = ReferenceContext(load_reference_graph())
    return validate_graph(data, context, validator)


def check_sizes(paths: list[Path], max_bytes: int | None) -> None:
    if max_bytes is None:
        return
    sizes = {path: path.stat().st_size for path in paths}
    for path, size in sizes.items():
        if size > max_bytes:
            raise InputFileError(f"{path}: it is {format_size(size)}, more than the {format_size(max_bytes)} "
                                 f"kg validate reads (parsing takes about 50 times a file's size in memory): "
                                 f"pass a larger --max-size, or validate a smaller export")
    if sum(sizes.values()) > max_bytes:
        raise InputFileError(f"{', '.join(map(str, paths))}: together they are {format_size(sum(sizes.values()))}, "
                             f"more than the {format_size(max_bytes)} kg validate reads at once (parsing takes "
                             f"about 50 times their size in memory): validate them one at a time, or pass a "
                             f"larger --max-size")


def format_size(size: int) -> str:
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}".replace(".0 ", " ")
    return f"{size} bytes"


def read_rdf_file(path: Path, data: Graph, allow_remote_context: bool = False) -> None:
    """Add the triples of one file to DATA (a dataset's quads lose their graph)."""
    fmt = _format_for(path)
    try:
        if fmt == "json-ld" and not allow_remote_context:
            _refuse_context_references(path)
        if fmt == "xml":
            _refuse_dtd(path)
        if fmt in ("trig", "nquads"):
            from rdflib import Dataset
            ds = Dataset()
            ds.parse(path, format=fmt)
            for s, p, o, _ in ds.quads((None, None, None, None)):
                data.add((s, p, o))
        else:
            data.parse(path, format=fmt)
    except InputFileError:
        raise
    except OSError as exc:
        raise InputFileError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    except Exception as exc:  # rdflib raises many parser error types
        raise InputFileError(f"{path}: not valid {FORMAT_NAMES.get(fmt, fmt)}: {exc}") from None


FORMAT_NAMES = {"turtle": "Turtle", "trig": "TriG", "nquads": "N-Quads", "nt": "N-Triples", "json-ld": "JSON-LD",
                "xml": "RDF/XML", "n3": "Notation3"}


def _refuse_context_references(path: Path) -> None:
    """A JSON-LD context may be a URL or a relative reference, which rdflib fetches (a URL on
    the network, or a local file): a file to validate must not make kg fetch or read anything."""
    try:
        document = json.loads(path.read_bytes())
    except RecursionError:
        raise InputFileError(f"{path}: its JSON is nested too deeply to read") from None
    except ValueError as exc:
        raise InputFileError(f"{path}: not valid JSON: {exc}") from None
    reference = _context_reference(document)
    if reference is not None:
        raise InputFileError(f"{path}: its @context refers to {reference!r}, which kg validate does not fetch "
                             f"(a file could make it read any URL or local file): put the context in the file, "
                             f"or pass --allow-remote-context to fetch it")


def _context_reference(document) -> str | None:
    """The first context that DOCUMENT names rather than holds: the value of an @context (or an
    item of one) that is a string, anywhere, or of an @import. None when every context is inline."""
    pending = [document]  # a walk without recursion: the nesting of a hostile file is unbounded
    while pending:
        node = pending.pop()
        if isinstance(node, list):
            pending.extend(node)
        elif isinstance(node, dict):
            for key, value in node.items():
                if key == "@import":
                    return str(value)
                if key == "@context":
                    for item in value if isinstance(value, list) else [value]:
                        if isinstance(item, str):
                            return item
                pending.append(value)
    return None


class _PrologEnd(Exception):
    pass


def _refuse_dtd(path: Path) -> None:
    """XML entities make a file of a few hundred bytes expand to gigabytes (minutes of CPU), and
    external ones or an external DTD read other files or URLs. RDF/XML needs none of them: a
    document type declaration with an entity or an external DTD is refused. Only the prolog is
    read (the DTD comes before the first element)."""
    from xml.parsers import expat

    def refuse(problem: str):
        raise InputFileError(f"{path}: {problem}; kg validate does not read DTDs (a small file could expand "
                             f"to gigabytes, or read other files): write the values out, or convert the file "
                             f"to Turtle")

    def on_doctype(name, system_id, public_id, has_internal_subset):
        if system_id or public_id:
            refuse(f"its DOCTYPE names an external DTD ({system_id or public_id})")

    def on_entity(name, is_parameter_entity, *rest):
        refuse(f"it declares an XML entity ({'%' if is_parameter_entity else '&'}{name};)")

    def on_first_element(name, attributes):
        raise _PrologEnd

    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = on_doctype
    parser.EntityDeclHandler = on_entity
    parser.StartElementHandler = on_first_element
    try:
        with path.open("rb") as stream:
            while chunk := stream.read(1 << 16):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except _PrologEnd:
        return
    except expat.ExpatError:
        return  # malformed XML: rdflib's parser says what is wrong with it


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
