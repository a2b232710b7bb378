"""The native validator (kg/shacl_native.py) gives exactly pyshacl's findings.

Compared as full Finding tuples (severity, shape, focus, path, value, message), repeats
included, on: every seed, every article of tests/corpus and tests/heldout, every shapes fixture
(tests/shapes, alone and with the reference context) and a generated corpus with one injected
error of each kind per article. Every constraint component that shapes.ttl uses must fail
somewhere in these inputs, so that each one is compared at least once.
"""
from __future__ import annotations


import pytest
from rdflib import Graph
from rdflib.namespace import SH

from kg.gazetteer import load_reference_graph
from kg.shacl_native import (COMPONENTS, ShapesValidator, TripleIndex, UnsupportedShapeError, validate_index,
                             validate_triples)
from kg.validate import ReferenceContext, findings, shapes_graph
from tests.helpers import ROOT
from tests.validation_helpers import INJECTIONS, generate, inject_each, mapped_triples, ordered

SHAPE_FIXTURES = [ROOT / "tests" / "shapes" / "valid.ttl"] + sorted((ROOT / "tests" / "shapes" / "invalid").glob("*.ttl"))
FIRED: set = set()


@pytest.fixture(scope="module")
def context() -> ReferenceContext:
    return ReferenceContext(load_reference_graph())


@pytest.fixture(scope="module")
def recording() -> ShapesValidator:
    """The shapes compiled with a record of the constraint components that fail."""
    return ShapesValidator(shapes_graph(), fired=FIRED)


def _native(triples, context, validator) -> list:
    data = TripleIndex(triples)
    if context is not None:
        data.add(context.facts_for(data.nodes()))
    return validate_index(data, validator)


def _pyshacl(triples, context) -> list:
    graph = Graph()
    graph.addN((s, p, o, graph) for s, p, o in triples)
    return findings(context.for_graph(graph) if context is not None else graph)


def _compare(graphs: dict[str, list], context, validator) -> int:
    """Assert native == pyshacl for each graph; the number of violations compared."""
    n = 0
    for name, triples in graphs.items():
        native, reference = ordered(_native(triples, context, validator)), ordered(_pyshacl(triples, context))
        assert native == reference, (
            f"{name}: native and pyshacl differ\n  only native: {set(native) - set(reference)}\n"
            f"  only pyshacl: {set(reference) - set(native)}")
        n += sum(1 for f in native if f.severity == "Violation")
    return n


@pytest.mark.parametrize("folder", ["seeds", "tests/corpus", "tests/heldout"])
def test_same_findings_on_mapped_articles(folder, context, recording):
    graphs = mapped_triples(ROOT / folder)
    assert graphs
    _compare(graphs, context, recording)


@pytest.mark.parametrize("with_context", [False, True], ids=["alone", "with-reference-context"])
def test_same_findings_on_the_shape_fixtures(with_context, context, recording):
    graphs = {path.name: list(Graph().parse(path, format="turtle")) for path in SHAPE_FIXTURES}
    assert _compare(graphs, context if with_context else None, recording) >= len(SHAPE_FIXTURES) - 1


def test_same_findings_on_a_generated_corpus_with_injected_errors(tmp_path, context, recording):
    graphs = mapped_triples(generate(tmp_path / "corpus", 60, seed=7))
    applied = inject_each(graphs)
    assert set(applied) == set(INJECTIONS), f"injections that found no article to apply to: " \
                                            f"{set(INJECTIONS) - set(applied)}"
    assert _compare(graphs, context, recording) >= len(applied)


def test_every_constraint_component_of_the_shapes_fails_somewhere():
    """Runs after the comparisons above (pytest keeps the order of a module's tests)."""
    g = shapes_graph()
    used = {p for p in set(g.predicates()) if p in COMPONENTS}
    assert SH.lessThanOrEquals in used and SH.qualifiedValueShape in used and SH["not"] in used
    missing = used - FIRED
    assert not missing, "constraint components never failing in the compared inputs: " + ", ".join(
        sorted(f"sh:{p[len(SH):]}" for p in missing))


def test_the_build_path_is_the_same(context):
    """validate_triples (what kg build calls) = the compiled shapes on the same data."""
    graphs = mapped_triples(ROOT / "seeds")
    for triples in graphs.values():
        assert ordered(validate_triples(triples, context, unique=True)) == ordered(_pyshacl(triples, context))


@pytest.mark.parametrize("component, shape", [
    ("sh:sparql [ sh:select \"SELECT $this WHERE {}\" ]", "dsh:Broken"),
    ("sh:closed true", "dsh:Broken"),
    ("sh:equals dip:other", "dsh:Broken"),
])
def test_an_unsupported_component_is_a_load_error_naming_shape_and_component(component, shape):
    text = (ROOT / "ontology" / "shapes.ttl").read_text(encoding="utf-8") + f"""
dsh:Broken a sh:NodeShape ; sh:targetClass dip:Meeting ; sh:message "broken" ; {component} .
"""
    with pytest.raises(UnsupportedShapeError) as error:
        ShapesValidator(Graph().parse(data=text, format="turtle"))
    assert "https://w3id.org/dipkg/shapes#Broken" in str(error.value)
    assert component.split()[0] in str(error.value)


def test_a_reported_shape_without_a_message_is_a_load_error():
    text = (ROOT / "ontology" / "shapes.ttl").read_text(encoding="utf-8") + """
dsh:Quiet a sh:NodeShape ; sh:targetClass dip:Meeting ; sh:property [ sh:path dip:topic ; sh:maxCount 9 ] .
"""
    with pytest.raises(UnsupportedShapeError, match="sh:message"):
        ShapesValidator(Graph().parse(data=text, format="turtle"))
