"""Tests of the SHACL data shapes (ontology/shapes.ttl).

* tests/shapes/valid.ttl must conform with no result at all;
* each tests/shapes/invalid/*.ttl starts with `# expect: <shape local name>` and
  `# message: <substring of its sh:message>`; it must fail on exactly that shape (or on property
  shapes of that node shape) and on no other Violation shape;
* every Violation shape must be exercised by at least one invalid file;
* incompleteness (no date, no place, no topic) gives a Warning/Info only.
"""
from __future__ import annotations

import functools
from pathlib import Path

import pytest
from pyshacl import validate as shacl_validate
from rdflib import BNode, Graph, Namespace, URIRef
from rdflib.namespace import RDF, RDFS

ROOT = Path(__file__).resolve().parent.parent
SHAPES_FILE = ROOT / "ontology" / "shapes.ttl"
SHAPES_DIR = Path(__file__).resolve().parent / "shapes"
VALID_FILE = SHAPES_DIR / "valid.ttl"
INVALID_DIR = SHAPES_DIR / "invalid"
INVALID_FILES = sorted(INVALID_DIR.glob("*.ttl"))

SH = Namespace("http://www.w3.org/ns/shacl#")
DSH = Namespace("https://w3id.org/dipkg/shapes#")
DIP = Namespace("https://w3id.org/dipkg/ontology#")
SCHEMA = Namespace("https://schema.org/")

TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
# Predicates of a node shape that are not node-level constraints.
NON_CONSTRAINTS = set(TARGETS) | {
    SH.property, SH.severity, SH.message, SH.name, SH.description, SH.deactivated, SH.order,
    SH.group,
}
MEETING = URIRef("https://w3id.org/dipkg/id/event/000_4182529e3da3c08d/1")


# --------------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def shapes_graph() -> Graph:
    return Graph().parse(SHAPES_FILE, format="turtle")


def load(path: Path) -> Graph:
    return Graph().parse(path, format="turtle")


def run_validation(data: Graph) -> tuple[bool, Graph, str]:
    """The project's way of calling pyshacl (core shapes, no inference, warnings allowed)."""
    conforms, results_graph, text = shacl_validate(
        data, shacl_graph=shapes_graph(), inference="none", allow_warnings=True, advanced=True,
    )
    return conforms, results_graph, text


def top_results(results_graph: Graph) -> list[dict]:
    """The report's own results (sh:result), not nested sh:detail results."""
    out = []
    for report in results_graph.subjects(RDF.type, SH.ValidationReport):
        for r in results_graph.objects(report, SH.result):
            out.append({
                "shape": results_graph.value(r, SH.sourceShape),
                "severity": results_graph.value(r, SH.resultSeverity),
                "focus": results_graph.value(r, SH.focusNode),
                "messages": [str(m) for m in results_graph.objects(r, SH.resultMessage)],
            })
    return out


def parent_of(shape) -> URIRef | None:
    return shapes_graph().value(predicate=SH.property, object=shape)


def severity(shape) -> URIRef:
    return shapes_graph().value(shape, SH.severity) or SH.Violation


def targeted_node_shapes() -> set:
    g = shapes_graph()
    return {s for t in TARGETS for s in g.subjects(t, None)}


def violation_rule_shapes() -> set[URIRef]:
    """Shapes that can raise a Violation on their own: property shapes of targeted node shapes,
    and targeted node shapes that carry node-level constraints (e.g. sh:or)."""
    g = shapes_graph()
    rules = set()
    for node in targeted_node_shapes():
        for prop in g.objects(node, SH.property):
            if severity(prop) == SH.Violation:
                rules.add(prop)
        if severity(node) == SH.Violation and any(
            p in SH and p not in NON_CONSTRAINTS for p in g.predicates(node, None)
        ):
            rules.add(node)
    return rules


def read_header(path: Path) -> tuple[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) >= 2 and lines[0].startswith("# expect:") and lines[1].startswith("# message:"), (
        f"{path.name} must begin with '# expect: <shape>' and '# message: <text>' lines"
    )
    expect = lines[0].split(":", 1)[1].strip()
    message = lines[1].split(":", 1)[1].strip()
    assert expect and message, f"{path.name}: empty expect/message header"
    return expect, message


def describe(results: list[dict]) -> str:
    return "\n".join(
        f"  {r['severity'].split('#')[-1] if r['severity'] else '?'} {r['shape']} on {r['focus']}: {r['messages']}"
        for r in results
    ) or "  (no results)"


# --------------------------------------------------------------------------------------------
# the shapes file itself
# --------------------------------------------------------------------------------------------

def test_shapes_parse():
    g = shapes_graph()
    assert len(g) > 0
    assert targeted_node_shapes(), "no targeted node shapes in shapes.ttl"


def test_shapes_use_core_only():
    g = shapes_graph()
    assert not list(g.subject_objects(SH.sparql)), "use SHACL Core constraints, not sh:sparql"


def test_named_shapes_have_label_and_message():
    g = shapes_graph()
    named = {s for s in g.subjects(RDF.type, SH.NodeShape)} | {s for s in g.subjects(RDF.type, SH.PropertyShape)}
    named |= targeted_node_shapes()
    for node in targeted_node_shapes():
        named |= set(g.objects(node, SH.property))
    problems = []
    for s in named:
        if isinstance(s, BNode):
            problems.append(f"anonymous top-level shape {g.cbd(s).serialize(format='turtle')}")
            continue
        if not str(s).startswith(str(DSH)):
            problems.append(f"{s} not in the dsh: namespace")
        if g.value(s, RDFS.label) is None:
            problems.append(f"{s} has no rdfs:label")
        if g.value(s, SH.message) is None:
            problems.append(f"{s} has no sh:message")
    assert not problems, "\n".join(problems)


# --------------------------------------------------------------------------------------------
# valid graph
# --------------------------------------------------------------------------------------------

def test_valid_graph_conforms():
    conforms, results_graph, text = run_validation(load(VALID_FILE))
    results = top_results(results_graph)
    violations = [r for r in results if r["severity"] == SH.Violation]
    assert conforms and not violations, f"valid.ttl does not conform:\n{text}"
    # valid.ttl is complete too: no Warning and no Info either.
    assert not results, f"valid.ttl should give no result at all:\n{text}"


# --------------------------------------------------------------------------------------------
# invalid graphs
# --------------------------------------------------------------------------------------------

def test_invalid_folder_not_empty():
    assert INVALID_FILES, f"no invalid example graphs in {INVALID_DIR}: the check would test nothing"


@pytest.mark.parametrize("path", INVALID_FILES, ids=[p.stem for p in INVALID_FILES])
def test_invalid_graph_fails_on_expected_shape_only(path: Path):
    expect_name, expect_message = read_header(path)
    expected = DSH[expect_name]
    assert (expected, None, None) in shapes_graph(), f"{path.name}: {expected} is not in shapes.ttl"

    conforms, results_graph, text = run_validation(load(path))
    assert not conforms, f"{path.name} unexpectedly conforms"
    violations = [r for r in top_results(results_graph) if r["severity"] == SH.Violation]

    def from_expected(r: dict) -> bool:
        return r["shape"] == expected or parent_of(r["shape"]) == expected

    hits = [r for r in violations if from_expected(r)]
    others = [r for r in violations if not from_expected(r)]
    assert hits, f"{path.name}: no Violation from {expect_name}; got:\n{describe(violations)}"
    assert any(expect_message in m for r in hits for m in r["messages"]), (
        f"{path.name}: no message containing {expect_message!r}; got:\n{describe(hits)}"
    )
    assert not others, f"{path.name}: Violations from other shapes too:\n{describe(others)}"


def test_every_violation_shape_is_exercised():
    expected = {DSH[read_header(p)[0]] for p in INVALID_FILES}
    missing = violation_rule_shapes() - expected
    assert not missing, "Violation shapes without an invalid example: " + ", ".join(
        sorted(str(s).replace(str(DSH), "dsh:") for s in missing)
    )


def test_expected_shapes_are_violation_shapes():
    for p in INVALID_FILES:
        name = read_header(p)[0]
        assert severity(DSH[name]) == SH.Violation, f"{p.name}: dsh:{name} is not a Violation shape"


# --------------------------------------------------------------------------------------------
# incompleteness gives warnings, not violations
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "prop, shape, level",
    [
        (SCHEMA.startDate, DSH.InteractionHasStartDate, SH.Warning),
        (SCHEMA.location, DSH.InteractionHasLocation, SH.Warning),
        (DIP.topic, DSH.InteractionHasTopic, SH.Info),
    ],
    ids=["no-date", "no-location", "no-topic"],
)
def test_incomplete_interaction_gives_warning(prop, shape, level):
    data = load(VALID_FILE)
    assert (MEETING, prop, None) in data
    data.remove((MEETING, prop, None))
    conforms, results_graph, text = run_validation(data)
    results = top_results(results_graph)
    assert conforms, f"only warnings expected, but does not conform (allow_warnings=True):\n{text}"
    assert not [r for r in results if r["severity"] == SH.Violation], text
    assert [r for r in results if r["shape"] == shape and r["severity"] == level and r["focus"] == MEETING], (
        f"expected a {level} from {shape} on the meeting; got:\n{describe(results)}"
    )
