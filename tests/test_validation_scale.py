"""Per-article validation finds what whole-graph validation finds.

`kg build` validates each article's graph with only the reference facts it points to, so
that the cost is linear and parallel. This checks that nothing is lost that way: on the
seeds and on a generated corpus, with errors injected into some articles, both ways
report the same violations.
"""
from __future__ import annotations

import subprocess
import sys

from rdflib import Graph, Literal
from rdflib.namespace import RDF

from kg.articles import read_paths
from kg.gazetteer import load_reference_graph
from kg.mapper import map_article
from kg.namespaces import DIP, SCHEMA
from kg.validate import ReferenceContext, findings, validate_article
from tests.helpers import ROOT


def _graphs(folder):
    return [map_article(a).graph for a in read_paths([folder]) if not isinstance(a, Exception)]


def _inject(graphs):
    """Break one rule in each of the first few graphs that has something to break."""
    broken = 0
    for graph in graphs:
        events = sorted(set(graph.subjects(DIP.status, None)))
        visits = [e for e in events if (e, DIP.host, None) in graph]
        if visits and broken % 3 == 0:
            graph.remove((visits[0], DIP.host, None))
        elif events and broken % 3 == 1:
            graph.remove((events[0], DIP.evidence, None))
        elif events:
            graph.set((events[0], SCHEMA.startDate, Literal("last Tuesday")))
        else:
            continue
        broken += 1
        if broken == 6:
            break
    return broken


def _violations(found, subjects):
    return {(f.shape, f.focus, f.message) for f in found if f.severity == "Violation" and f.focus in subjects}


def _compare(graphs):
    reference = load_reference_graph()
    context = ReferenceContext(reference)
    per_article = set()
    subjects = {str(s) for g in graphs for s in g.subjects()}
    for graph in graphs:
        per_article |= _violations(validate_article(graph, context), subjects)
    whole = Graph()
    whole += reference
    for graph in graphs:
        whole += graph
    return per_article, _violations(findings(whole), subjects)


def test_same_violations_on_the_seeds_with_injected_errors():
    graphs = _graphs(ROOT / "seeds")
    assert _inject(graphs) >= 3
    per_article, whole = _compare(graphs)
    assert per_article and per_article == whole


def test_same_violations_on_a_generated_corpus_with_injected_errors(tmp_path):
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--count", "40", "--out",
                    str(tmp_path / "corpus"), "--seed", "7"], check=True, capture_output=True)
    graphs = _graphs(tmp_path / "corpus")
    assert len(graphs) == 40
    assert _inject(graphs) == 6
    per_article, whole = _compare(graphs)
    assert len(per_article) >= 6 and per_article == whole
