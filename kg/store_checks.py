"""Cross-article checks: the constraints of `ontology/shapes.ttl` that only the whole store decides.

`kg build` validates each article's graph alone (plus the reference facts it points to), which
is linear and parallel. Each article graph is self-contained: it types every node it mentions
(or the reference data does) and describes in full the nodes minted for it (the article, its
events, tenures and evidence, whose IRIs carry the article id). Under that rule, validating the
graphs one by one finds what validating the whole store finds, except where one node is
described in two or more graphs (a shared country; an article stored twice under two graph
names; data merged from elsewhere) and a constraint counts or compares its values: sh:maxCount
and sh:lessThanOrEquals, directly or through sh:node. Those are checked here, as SPARQL SELECT
queries in `ontology/checks/*.rq`, run on the pyoxigraph store at the end of `kg build` and by
`kg validate --store`. (The other constraints either only read one graph's values - datatype,
pattern, sh:in, ... - or can only gain from more data - sh:minCount, sh:class, sh:hasValue,
sh:qualifiedMinCount; the sh:or / sh:not of dsh:ArticleTenureEvidenceShape reads the type of the
article, which each article graph states.) Each query names in its header the shape(s) it stands
for; its results are reported as the `kg.validate.Finding`s pyshacl gives for the whole store
(severity, message and path from the shape), so per-article and store results merge.

Header lines of a check (comments before the query):

    # shape: dsh:A dsh:B ...     the shape(s) whose results its rows are (property or node shapes)
    # detail: dsh:N              for an sh:node check: the node shape whose (single) property shape
                                 gives the nested result on ?value (with ?detailValue)
    # each: ?p dip:a dip:b ...   run the full check once for each of these values of ?p (bound
                                 by substitution; ?p must be in the SELECT; the list may go on
                                 over several such lines): the rows of one run, a fraction of
                                 the memory (see below)

Rows bind ?focus, and optionally ?shape (one of the header's shapes; needed with several),
?value and ?detailValue. A row is kept when the shape targets ?focus: its rdf:type in any graph
is one of the sh:targetClass of the node shape (the property shape's parent).

The queries use GRAPH patterns throughout, so they mean the same whether or not the store's
default graph is the union of its named graphs (KGStore.query: yes; pyoxigraph's default and an
`oxigraph serve` without --union-default-graph: no, the default graph is empty).

Memory: a check that counts values per node holds one group per node it reads (about 350 bytes
each in Oxigraph's hash aggregate). max-count reads eight properties; at 100,000 articles one run
over all of them held 1.2 million groups and peaked at 550 MB, more than the rest of the build.
Run once per property (`# each:`), the largest part (org:organization, 313,000 tenures) peaks at
220 MB, and the whole takes less time (1.7 s against 2.4 s): with the predicate bound, each run
reads one index range instead of filtering eight.

Scoped to what a build changed (`run_checks(store, changed_graphs=[...])`, at the end of an
incremental `kg build`): each check has a second form, `ontology/checks/changed/<name>.rq`, which
gives exactly the rows of the full check on the nodes that the changed graphs give a value of a
property the check reads on them (max-count: one of its eight properties, on ?focus; dates-ordered:
schema:startDate or schema:endDate; evidence-offset-max-count: oa:hasTarget; evidence-offsets-
ordered: oa:start or oa:end, on the selector ?value). Every new conflict is among them: the
unchanged graphs were checked when they were written, a removed graph only takes values away, and
a graph that gives a value somewhere on a checked path describes, under the rule above, the node
the path starts from. Such a query reads the changed graphs as its default graph (run_checks sets
it) and the whole store through GRAPH patterns. It finds its nodes in the changed graphs first,
then looks each one up in every graph (LATERAL, which Oxigraph implements from SEP-0006: the right
side runs once for each row of the left, with its variables bound): a few index lookups per node,
instead of a scan of every value of the checked properties. On a store of 100,000 articles: about
0.1 s for 100 changed graphs, 1 s for 1,000; the full checks, 5 to 7 s. Past a few percent of the
store, the full checks cost less (kg/build.py, SCOPED_CHECKS_SHARE).
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, SH, XSD

from kg.namespaces import ONTOLOGY_DIR, PREFIXES
from kg.shacl_native import Shape, compiled_shapes
from kg.validate import Finding, sort_findings

CHECKS_DIR = ONTOLOGY_DIR / "checks"
SCOPED_DIR = "changed"  # below a checks folder: each check scoped to the changed graphs, same file name
_HEADER = re.compile(r"^#\s*(shape|detail|each):\s*(.+)$")
_RDF_TYPE = ox.NamedNode(str(RDF.type))
_XSD_STRING = str(XSD.string)


class CheckError(ValueError):
    """A check file that does not fit shapes.ttl (unknown shape, missing header)."""


@dataclass(frozen=True)
class StoreCheck:
    name: str
    query: str
    shapes: tuple[Shape, ...]
    detail: Shape | None = None
    changed_query: str = ""  # the check scoped to the changed graphs (their union as default graph)
    each: tuple[str, tuple[str, ...]] | None = None  # (variable, IRIs): the full check is run once per IRI


@dataclass
class CheckReport:
    findings: list[Finding] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)


def _iri(name: str) -> URIRef:
    if name.startswith("<") and name.endswith(">"):
        return URIRef(name[1:-1])
    prefix, _, local = name.partition(":")
    if prefix not in PREFIXES:
        raise CheckError(f"unknown prefix in {name!r}")
    return URIRef(str(PREFIXES[prefix]) + local)


def load_check(path: Path) -> StoreCheck:
    text = path.read_text(encoding="utf-8")
    validator = compiled_shapes()
    names: list[str] = []
    each_words: list[str] = []  # a long list may go on over several "# each:" lines
    detail = None
    for line in text.splitlines():
        match = _HEADER.match(line.strip())
        if match and match.group(1) == "shape":
            names += match.group(2).split()
        elif match and match.group(1) == "each":
            each_words += match.group(2).split()
        elif match:
            detail = match.group(2).strip()
    if not names:
        raise CheckError(f"{path.name}: no '# shape:' header naming the shape(s) it stands for")
    shapes = []
    for name in names:
        shape = validator.shapes.get(_iri(name))
        if shape is None:
            raise CheckError(f"{path.name}: {name} is not a shape of shapes.ttl")
        shapes.append(shape)
    nested = None
    if detail is not None:
        node = validator.shapes.get(_iri(detail))
        properties = list(validator.graph.objects(_iri(detail), SH.property)) if node is not None else []
        if len(properties) != 1:
            raise CheckError(f"{path.name}: detail {detail} must be a shape of shapes.ttl with one sh:property")
        nested = validator.shapes[properties[0]]
    scoped = path.parent / SCOPED_DIR / path.name
    if not scoped.is_file():
        raise CheckError(f"{path.name}: no {SCOPED_DIR}/{path.name}, the check scoped to the graphs a build changed")
    each = _each(path, text, each_words) if each_words else None
    return StoreCheck(path.stem, text, tuple(shapes), nested, scoped.read_text(encoding="utf-8"), each)


def _each(path: Path, text: str, words: list[str]) -> tuple[str, tuple[str, ...]]:
    """The `# each: ?var iri ...` header: a variable of the SELECT and the values to run it with."""
    if len(words) < 2 or not words[0].startswith("?"):
        raise CheckError(f"{path.name}: '# each:' wants a variable and its values: # each: ?p dip:a dip:b")
    variable = words[0][1:]
    select = re.search(r"^\s*SELECT\b(.*?)\bWHERE\b", text, re.MULTILINE | re.DOTALL | re.IGNORECASE)
    if select is None or not re.search(rf"\?{re.escape(variable)}\b", select.group(1)):
        # Oxigraph substitutes only a variable its SELECT returns
        raise CheckError(f"{path.name}: '# each: ?{variable}' needs ?{variable} in the SELECT clause")
    try:
        return variable, tuple(str(_iri(word)) for word in words[1:])
    except CheckError as exc:
        raise CheckError(f"{path.name}: {exc}") from None


def load_checks(directory: Path = CHECKS_DIR) -> list[StoreCheck]:
    return [load_check(path) for path in sorted(directory.glob("*.rq"))]


def target_classes(shape: Shape) -> set[str]:
    """The classes whose instances the shape is checked on: its own targets, or its parents'."""
    validator = compiled_shapes()
    owners = [shape] if any(shape.targets) else [validator.shapes[p] for p in
                                                 validator.graph.subjects(SH.property, shape.node)]
    return {cls for owner in owners for cls in owner.targets[1]}


def run_checks(store, checks: list[StoreCheck] | None = None,
               changed_graphs: Iterable[str] | None = None) -> CheckReport:
    """Run the checks on a KGStore; the findings are sorted like kg.validate.findings.

    changed_graphs: the IRIs of the named graphs a build wrote; only the findings on the nodes
    they describe are looked for (see the module's docstring). None: the whole store.
    """
    report = CheckReport()
    changed = None if changed_graphs is None else [ox.NamedNode(g) for g in dict.fromkeys(changed_graphs)]
    types: dict[str, set[str]] = {}

    def types_of(node: ox.NamedNode | ox.BlankNode) -> set[str]:
        got = types.get(node.value)
        if got is None:
            got = types[node.value] = {q.object.value for q in store.store.quads_for_pattern(node, _RDF_TYPE, None)}
        return got

    for check in checks if checks is not None else load_checks():
        started = time.perf_counter()
        by_name = {str(s.node): s for s in check.shapes}
        targets = {str(s.node): target_classes(s) for s in check.shapes}
        if changed is None and check.each is not None:  # GRAPH patterns throughout: any default graph
            variable, iris = check.each
            rows = (row for iri in iris for row in store.store.query(
                check.query, use_default_graph_as_union=False,
                substitutions={ox.Variable(variable): ox.NamedNode(iri)}))
        elif changed is None:
            rows = store.store.query(check.query, use_default_graph_as_union=False)
        else:  # the scoped form reads the changed graphs as its default graph
            rows = store.store.query(check.changed_query, default_graph=changed) if changed else []
        for row in rows:
            shape_term = row["shape"]
            names = [shape_term.value] if shape_term is not None else list(by_name)
            focus = row["focus"]
            for name in names:
                shape = by_name.get(name)
                if shape is None:
                    raise CheckError(f"{check.name}: row names {name}, which its header does not list")
                if not targets[name] & types_of(focus):
                    continue
                value = row["value"]
                report.findings.append(_finding(shape, focus, value))
                if check.detail is not None and value is not None:
                    report.findings.append(_finding(check.detail, value, row["detailValue"]))
        report.seconds[check.name] = time.perf_counter() - started
    report.findings = sort_findings(list(dict.fromkeys(report.findings)))
    return report


def _finding(shape: Shape, focus, value) -> Finding:
    return Finding(shape.severity_name, shape.report_name, focus.value, shape.path_name,
                   None if value is None else value.value, shape.message)


def validate_store(store, validator: str = "native", per_article: bool = True) -> list[Finding]:
    """A stored graph's findings, as pyshacl would give them for the whole store: each article
    graph validated alone (with the reference facts it points to), the resolution graph, and the
    cross-article checks."""
    from kg.gazetteer import load_reference_graph
    from kg.validate import ReferenceContext, validate_graph
    found: dict[Finding, None] = {}
    if per_article:
        context = ReferenceContext(load_reference_graph())
        terms: dict = {}
        for graph in store.article_graphs():
            data = [(_term(q.subject, terms), _term(q.predicate, terms), _term(q.object, terms))
                    for q in store.store.quads_for_pattern(None, None, None, ox.NamedNode(graph))]
            found.update(dict.fromkeys(validate_graph(data, context, validator)))
        # the resolution graph (kg/resolve.py), validated whole: it needs no reference facts
        from kg.resolve import RESOLUTION_GRAPH
        data = [(_term(q.subject, terms), _term(q.predicate, terms), _term(q.object, terms))
                for q in store.store.quads_for_pattern(None, None, None, ox.NamedNode(str(RESOLUTION_GRAPH)))]
        if data:
            found.update(dict.fromkeys(validate_graph(data, context, validator)))
    found.update(dict.fromkeys(run_checks(store).findings))
    return sort_findings(list(found))


def _term(node, cache: dict):
    """A pyoxigraph term as the rdflib term (IRIs and blank nodes cached: they repeat)."""
    if isinstance(node, ox.Literal):
        dt = node.datatype.value
        if node.language:
            return Literal(node.value, lang=node.language)
        return Literal(node.value, datatype=None if dt == _XSD_STRING else URIRef(dt))
    got = cache.get(node)
    if got is None:
        got = cache[node] = URIRef(node.value) if isinstance(node, ox.NamedNode) else BNode(node.value)
    return got
