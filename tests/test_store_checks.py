"""The cross-article checks (ontology/checks/*.rq, kg/store_checks.py).

* a clean store (the seeds) gives nothing;
* two article graphs that disagree about a node they share are reported;
* per-article validation plus the checks give what pyshacl gives on the whole store (reference
  data and every article graph merged), on a generated corpus with cross-article conflicts:
  stale copies of articles under another graph name that disagree with the current one, and two
  articles giving a country different codes;
* every constraint of shapes.ttl that counts or compares values has a check.
"""
from __future__ import annotations

import datetime as dt

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDF, SH

from kg.gazetteer import load_reference_graph
from kg.namespaces import DIP, DSH, ID, OA, ORG, SCHEMA, article_graph
from kg.rdfmap import ArticleTriples
from kg.shacl_native import compiled_shapes, validate_triples
from kg.store import KGStore
from kg.store_checks import load_checks, run_checks, validate_store
from kg.validate import ReferenceContext, findings, shapes_graph
from tests.helpers import ROOT
from tests.validation_helpers import events, generate, mapped_triples, replace, typed, values


def _store(tmp_path, graphs: dict[str, list]) -> KGStore:
    store = KGStore(tmp_path / "store")
    store.ensure_reference()
    store.replace_articles([(name, *ArticleTriples(t).nquads(article_graph(name))) for name, t in graphs.items()])
    return store


def _country(code3: str, code2: str, event) -> list:
    country = ID["country/ZZZ"]  # not in the reference data: only the article graphs give its codes
    return [(country, RDF.type, DIP.Country), (country, DIP.iso3166Alpha3, Literal(code3)),
            (country, DIP.iso3166Alpha2, Literal(code2)), (event, DIP.participant, country)]


def _stale_copy(triples: list) -> list:
    """The article as an older mapping left under another graph name: its event's status and
    dates, an evidence span, a tenure's member and the article id disagree with the current one.
    The copy is consistent in itself: only the two graphs together break the shapes."""
    t = list(triples)
    event = events(t)[0]
    replace(t, event, DIP.status, DIP.planned if values(t, event, DIP.status)[0] == DIP.occurred else DIP.occurred)
    dated = [e for e in events(t) if values(t, e, SCHEMA.startDate)]
    if dated:
        start = values(t, dated[0], SCHEMA.startDate)[0].toPython()
        replace(t, dated[0], SCHEMA.startDate, Literal(start - dt.timedelta(days=2)))
        replace(t, dated[0], SCHEMA.endDate, None)
        t.append((dated[0], SCHEMA.endDate, Literal(start - dt.timedelta(days=1))))  # before the current start
    position = typed(t, OA.TextPositionSelector)[0]
    end = int(values(t, position, OA.end)[0])
    replace(t, position, OA.start, Literal(end + 10))  # after the current end
    replace(t, position, OA.end, Literal(end + 20))
    article = typed(t, DIP.NewsArticle)[0]
    replace(t, article, DIP.articleId, Literal(f"{values(t, article, DIP.articleId)[0]}-old"))
    tenures = typed(t, DIP.Tenure)
    if tenures:
        other = ID["person/someone-else"]
        replace(t, tenures[0], ORG.member, other)
        t += [(other, RDF.type, DIP.Person), (other, SCHEMA.name, Literal("Someone Else"))]
    return t


def test_a_clean_store_gives_nothing(seed_store):
    report = run_checks(seed_store)
    assert report.findings == [], report.findings
    assert set(report.seconds) == {c.name for c in load_checks()}


def test_two_articles_that_disagree_about_a_shared_node_are_reported(tmp_path):
    graphs = mapped_triples(ROOT / "seeds")
    first, second = sorted(graphs)[:2]
    event = events(graphs[first])[0]
    # two articles give a country (not in the reference data) different codes
    graphs[first] += _country("ZZA", "ZA", event)
    graphs[second] += _country("ZZB", "ZA", events(graphs[second])[0])
    # and an older copy of the first article, left under another graph name, has another status
    graphs["old-copy"] = copy = list(graphs[first])
    replace(copy, event, DIP.status, DIP.planned if values(copy, event, DIP.status)[0] == DIP.occurred
            else DIP.occurred)
    context = ReferenceContext(load_reference_graph())
    for name in (first, second, "old-copy"):  # each graph alone is fine
        assert not [f for f in validate_triples(graphs[name], context) if f.severity == "Violation"], name
    found = run_checks(_store(tmp_path, graphs)).findings
    got = {(f.shape, f.focus, f.path) for f in found}
    assert got == {(str(DSH.CountryShape), str(ID["country/ZZZ"]), str(DIP.iso3166Alpha3)),
                   (str(DSH.InteractionStatusShape), str(event), str(DIP.status))}, found
    assert all(f.severity == "Violation" and f.message for f in found)


def test_per_article_validation_and_the_checks_find_what_pyshacl_finds_in_the_whole_store(tmp_path):
    graphs = mapped_triples(generate(tmp_path / "corpus", 16, seed=11))
    with_tenures = [name for name, t in graphs.items() if typed(t, DIP.Tenure) and events(t)]
    assert len(with_tenures) >= 3
    for name in with_tenures[:3]:
        graphs[f"{name}-old"] = _stale_copy(graphs[name])
    a, b = [name for name in graphs if events(graphs[name])][:2]
    graphs[a] += _country("ZZA", "ZA", events(graphs[a])[0])
    graphs[b] += _country("ZZB", "ZB", events(graphs[b])[0])
    store = _store(tmp_path, graphs)

    combined = set(validate_store(store))
    context = ReferenceContext(load_reference_graph())
    per_article = {f for t in graphs.values() for f in validate_triples(t, context)}
    cross = set(run_checks(store).findings)
    assert combined == per_article | cross

    whole = Graph()
    whole += load_reference_graph()
    for t in graphs.values():
        whole.addN((s, p, o, whole) for s, p, o in t)
    subjects = {str(s) for t in graphs.values() for s, _, _ in t}
    expected = {f for f in findings(whole) if f.focus in subjects}
    assert {f for f in combined if f.focus in subjects} == expected
    missed_per_article = {f for f in expected if f.severity == "Violation"} - per_article
    # the conflicts are there, and only the checks see them
    assert {f.shape for f in missed_per_article} >= {str(DSH.NewsArticleShape), str(DSH.InteractionStatusShape),
                                                     str(DSH.EvidenceShape), str(DSH.TenureShape),
                                                     str(DSH.CountryShape), str(DSH.OffsetOrderShape),
                                                     str(DSH.InteractionDatesShape)}
    assert missed_per_article <= cross


def test_every_constraint_that_counts_or_compares_values_has_a_check():
    """sh:maxCount and sh:lessThan(OrEquals) on a shape that reports (directly or through
    sh:node) can fail in the store while holding in each graph: each needs a check."""
    g, validator = shapes_graph(), compiled_shapes()
    counting = {SH.maxCount, SH.lessThan, SH.lessThanOrEquals}

    def counts(shape) -> bool:
        return any((shape, p, None) in g for p in counting) or any(
            counts(p) for p in g.objects(shape, SH.property)) or any(counts(n) for n in g.objects(shape, SH.node))

    needed = {prop for node in validator.targeted for prop in g.objects(node.node, SH.property) if counts(prop)}
    covered = {s.node for check in load_checks() for s in check.shapes}
    missing = needed - covered
    assert not missing, "constraints without a cross-article check: " + ", ".join(sorted(map(str, missing)))


@pytest.mark.parametrize("union", [True, False], ids=["union-default-graph", "empty-default-graph"])
def test_the_checks_do_not_depend_on_the_default_graph(tmp_path, union):
    graphs = mapped_triples(ROOT / "seeds")
    first = sorted(graphs)[0]
    graphs["stale"] = _stale_copy(graphs[first])
    store = _store(tmp_path, graphs)
    for check in load_checks():
        rows = lambda u: sorted(str(list(r)) for r in store.store.query(check.query, use_default_graph_as_union=u))
        assert rows(union) == rows(False), check.name
