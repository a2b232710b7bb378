"""The user's five seed articles: expected facts, shapes, evidence offsets, stable IRIs."""
from __future__ import annotations

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.articles import read_paths
from kg.mapper import map_article
from kg.namespaces import DIP, OA
from tests.helpers import ROOT, SHARED, build_store, score

SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory):
    store, summary = build_store([SEEDS], tmp_path_factory.mktemp("seeds") / "store")
    return store, summary


def test_seeds_build_without_errors_or_violations(seeds_store):
    _, summary = seeds_store
    assert summary.errors == []
    assert summary.mapped == 5
    assert summary.violations == 0, summary.violation_details


def test_seeds_score_event_f1_one_and_people_at_least_095(seeds_store, tmp_path):
    store, _ = seeds_store
    result = score(SHARED / "eval" / "gold", store, tmp_path)
    assert result["events"]["f1"] == 1.0, result
    assert result["people"]["f1"] >= 0.95, result


def _articles(folder):
    return [a for a in read_paths([folder]) if not isinstance(a, Exception)]


@pytest.mark.parametrize("folder", [SEEDS, ROOT / "tests" / "corpus"], ids=["seeds", "corpus"])
def test_every_evidence_quote_is_the_text_at_its_offsets(folder):
    checked = 0
    for article in _articles(folder):
        graph = map_article(article).graph
        for evidence in graph.subjects(predicate=OA.hasTarget):
            target = graph.value(evidence, OA.hasTarget)
            starts, quotes = [], []
            for selector in graph.objects(target, OA.hasSelector):
                if graph.value(selector, OA.start) is not None:
                    starts.append((int(graph.value(selector, OA.start)), int(graph.value(selector, OA.end))))
                if graph.value(selector, OA.exact) is not None:
                    quotes.append(str(graph.value(selector, OA.exact)))
            assert len(starts) == 1 and len(quotes) == 1
            (start, end), quote = starts[0], quotes[0]
            assert article.text[start:end] == quote
            checked += 1
        # every event and every role statement has evidence
        for fact in set(graph.subjects(DIP.status, None)) | set(graph.subjects(DIP.roleLabel, None)):
            assert graph.value(fact, DIP.evidence) is not None, fact
    assert checked >= 10


def test_building_an_article_again_gives_the_same_graph():
    for article in _articles(SEEDS):
        first, second = map_article(article).graph, map_article(article).graph
        assert isomorphic(first, second)
        assert set(first.subjects()) == set(second.subjects())


def test_the_same_person_has_the_same_iri_in_every_article():
    from kg.namespaces import SCHEMA
    iris = {}
    for article in _articles(SEEDS):
        graph = map_article(article).graph
        for person in graph.subjects(SCHEMA.name, None):
            if (person, None, DIP.Person) in graph:
                iris.setdefault(str(graph.value(person, SCHEMA.name)), set()).add(person)
    assert len(iris["Hun Sen"]) == 1, iris["Hun Sen"]
