"""The cross-article checks (ontology/checks/*.rq, kg/store_checks.py).

* a clean store (the seeds) gives nothing;
* two article graphs that disagree about a node they share are reported;
* per-article validation plus the checks give what pyshacl gives on the whole store (reference
  data and every article graph merged), on a generated corpus with cross-article conflicts:
  stale copies of articles under another graph name that disagree with the current one, and two
  articles giving a country different codes;
* every constraint of shapes.ttl that counts or compares values has a check;
* scoped to some changed graphs, the checks give exactly the findings of the full run on the
  nodes those graphs describe, and an incremental `kg build` reports a conflict between the
  graph it wrote and a stored one.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import random
import re
import shutil

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDF, SH

import kg.build
import kg.store_checks
from kg.gazetteer import load_reference_graph
from kg.namespaces import DIP, DSH, ID, OA, ORG, SCHEMA, article_graph
from kg.rdfmap import ArticleTriples
from kg.shacl_native import compiled_shapes, validate_triples
from kg.store import KGStore
from kg.store_checks import load_checks, run_checks, validate_store
from kg.validate import ReferenceContext, count, findings, shapes_graph
from tests.conftest import SEEDS
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


# --------------------------------------------------------------------------------------------
# the checks scoped to the graphs a build changed
# --------------------------------------------------------------------------------------------

# What each check reads on the node it is scoped by (kg/store_checks.py): a finding is in the
# scope of some changed graphs when one of them gives its focus - or its value, the selector of
# evidence-offsets-ordered - one of these properties.
SCOPE = {"max-count": {DIP.articleId, DIP.status, SCHEMA.startDate, SCHEMA.endDate, ORG.member, ORG.organization,
                       DIP.iso3166Alpha3, DIP.iso3166Alpha2},
         "dates-ordered": {SCHEMA.startDate, SCHEMA.endDate},
         "evidence-offset-max-count": {OA.hasTarget},
         "evidence-offsets-ordered": {OA.start, OA.end}}


@pytest.fixture(scope="module")
def conflicts(tmp_path_factory):
    """A store with conflicts, and the names of the graphs in one: stale copies of three articles
    under another graph name, two articles giving a country different codes, an article at odds
    with itself (two statuses, which max-count reports; two starts of a selector, which the
    evidence checks leave to the per-article validation) and a graph that only gives a selector
    another, earlier end."""
    tmp = tmp_path_factory.mktemp("conflicts")
    graphs = mapped_triples(generate(tmp / "corpus", 16, seed=11))
    names = sorted(graphs)
    with_tenures = [name for name in names if typed(graphs[name], DIP.Tenure) and events(graphs[name])]
    assert len(with_tenures) >= 4
    involved = set(with_tenures[:4])
    for name in with_tenures[:3]:
        graphs[f"{name}-old"] = _stale_copy(graphs[name])
        involved.add(f"{name}-old")
    a, b = [name for name in names if events(graphs[name])][:2]
    graphs[a] += _country("ZZA", "ZA", events(graphs[a])[0])
    graphs[b] += _country("ZZB", "ZB", events(graphs[b])[0])
    t = graphs[with_tenures[3]]
    event, selector = events(t)[0], typed(t, OA.TextPositionSelector)[0]
    t += [(event, DIP.status, DIP.planned if values(t, event, DIP.status)[0] == DIP.occurred else DIP.occurred),
          (selector, OA.start, Literal(int(values(t, selector, OA.start)[0]) + 1))]
    other = next(name for name in names
                 if name not in involved | {a, b} and typed(graphs[name], OA.TextPositionSelector))
    graphs["partial"] = [(typed(graphs[other], OA.TextPositionSelector)[0], OA.end, Literal(1))]
    involved |= {a, b, other, "partial"}
    return _store(tmp, graphs), sorted(graphs), involved


def test_scoped_to_some_graphs_the_checks_find_what_the_full_run_finds_on_the_nodes_they_describe(conflicts):
    store, names, _ = conflicts
    pick = random.Random(7)
    subsets = [[name] for name in names] + [pick.sample(names, k) for k in (2, 5, 9) for _ in range(4)] + [names]
    for check in load_checks():
        full = set(run_checks(store, [check]).findings)
        assert full, check.name
        read = {str(p) for p in SCOPE[check.name]}
        for subset in subsets:
            changed = [str(article_graph(name)) for name in subset]
            described = {q.subject.value for q in store.quads(changed) if q.predicate.value in read}
            expected = {f for f in full if f.focus in described or f.value in described}
            assert set(run_checks(store, [check], changed_graphs=changed).findings) == expected, (check.name, subset)


def test_scoped_to_the_conflicting_graphs_the_checks_find_all_and_elsewhere_nothing(conflicts):
    store, names, involved = conflicts
    full = run_checks(store).findings
    assert {f.shape for f in full} >= {str(DSH.NewsArticleShape), str(DSH.InteractionStatusShape),
                                       str(DSH.EvidenceShape), str(DSH.CountryShape), str(DSH.OffsetOrderShape),
                                       str(DSH.InteractionDatesShape)}
    scoped = run_checks(store, changed_graphs=[str(article_graph(name)) for name in sorted(involved)])
    assert scoped.findings == full
    assert set(scoped.seconds) == {c.name for c in load_checks()}
    untouched = [str(article_graph(name)) for name in names if name not in involved]
    assert len(untouched) >= 5
    assert run_checks(store, changed_graphs=untouched).findings == []
    assert run_checks(store, changed_graphs=[]).findings == []


PRESS_RELEASE = """MINISTRY OF FOREIGN AFFAIRS

PRESS RELEASE

Foreign Minister receives the Ambassador of Japan

On 3 March 2025, His Excellency Mario Santos, Minister of Foreign Affairs of the Philippines, received His \
Excellency Kenji Tanaka, Ambassador of Japan to the Philippines, at the Department of Foreign Affairs in Manila.

The two sides reviewed cooperation in trade, maritime security and disaster response, and agreed to hold \
the next round of bilateral consultations in Tokyo later this year.
"""


def test_an_incremental_build_reports_a_conflict_of_the_graph_it_wrote_with_a_stored_one(tmp_path, monkeypatch):
    inputs = shutil.copytree(SEEDS, tmp_path / "inputs")
    store = KGStore(tmp_path / "store")
    first = kg.build.build([inputs], store)
    assert first.mapped == 5 and first.store_checks_graphs is None  # into an empty store: the whole store
    assert first.store_violations == 0, first.violation_details
    # data merged from elsewhere: an older mapping of a press release, under another graph name
    release = tmp_path / "release"
    release.mkdir()
    (release / "900_press_release.txt").write_text(PRESS_RELEASE, encoding="utf-8")
    (release / "900_press_release.meta.json").write_text(
        '{"id": "900_press_release", "url": null, "published": "2025-03-03", '
        '"publisher": "Department of Foreign Affairs of the Philippines", "language": "en"}', encoding="utf-8")
    stale = _stale_copy(mapped_triples(release)["900_press_release"])
    store.replace_articles([("merged-copy", *ArticleTriples(stale).nquads(article_graph("merged-copy")))])
    # the press release itself arrives: the build writes its graph, which conflicts with the copy
    for path in release.iterdir():
        shutil.copy(path, inputs)
    scopes, run = [], kg.store_checks.run_checks

    def spy(*args, **kwargs):
        scopes.append(kwargs.get("changed_graphs"))
        return run(*args, **kwargs)
    monkeypatch.setattr(kg.store_checks, "run_checks", spy)
    monkeypatch.setattr(kg.build, "SCOPED_CHECKS_SHARE", 0.5)  # five seeds are too few for it to pay
    second = kg.build.build([inputs], store)
    assert (second.mapped, second.unchanged) == (1, 5)
    assert scopes == [[str(article_graph("900_press_release"))]] and second.store_checks_graphs == 1
    expected = run(store).findings
    assert second.store_violations == count(expected, "Violation") >= 4, second.violation_details
    assert {str(DSH.NewsArticleShape), str(DSH.InteractionStatusShape), str(DSH.OffsetOrderShape)} <= \
        {f.shape for f in expected}
    assert all("/900_press_release" in line for line in second.violation_details if line.startswith("store: "))
    assert "1 changed graphs" in "\n".join(second.lines())


def test_a_check_run_once_per_value_of_its_each_header_gives_the_rows_of_one_run(tmp_path):
    """max-count runs once per property (less memory); with ?p unbound, one run gives the same rows."""
    graphs = mapped_triples(ROOT / "seeds")
    first = sorted(graphs)[0]
    graphs["stale"] = _stale_copy(graphs[first])
    store = _store(tmp_path, graphs)
    check = next(c for c in load_checks() if c.name == "max-count")
    assert check.each is not None and len(check.each[1]) == 8
    split = run_checks(store, [check]).findings
    whole = run_checks(store, [dataclasses.replace(check, each=None)]).findings
    assert split == whole
    assert {f.path for f in split} >= {str(DIP.status), str(DIP.articleId), str(ORG.member)}, split
    # each run reads its property only (that is what saves the memory)
    status = ox.NamedNode(str(DIP.status))
    rows = list(store.store.query(check.query, substitutions={ox.Variable("p"): status}))
    assert rows and {row["p"] for row in rows} == {status}


@pytest.mark.parametrize("header, error", [
    ("# each: dip:status", "wants a variable and its values"),
    ("# each: ?q dip:status", "needs ?q in the SELECT clause"),
    ("# each: ?p nope:status", "unknown prefix"),
])
def test_a_bad_each_header_is_an_error_naming_the_check(tmp_path, header, error):
    folder = tmp_path / "checks"
    (folder / "changed").mkdir(parents=True)
    text = (ROOT / "ontology/checks/max-count.rq").read_text(encoding="utf-8")
    text = "\n".join(line for line in text.splitlines() if not line.startswith("# each:"))
    (folder / "max-count.rq").write_text(header + "\n" + text, encoding="utf-8")
    (folder / "changed" / "max-count.rq").write_text("SELECT * WHERE {}", encoding="utf-8")
    with pytest.raises(kg.store_checks.CheckError, match=re.escape(error)) as failure:
        load_checks(folder)
    assert "max-count.rq" in str(failure.value)
