"""The query summary (kg/summary.py): the rows it serves are the saved queries' own rows, in
their order, page by page; it is kept up to date article by article and never served stale."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from kg.build import build
from kg.queries import _plain, bind, get_query, page_local, sorted_list, stream_local, with_values_block
from kg.store import KGStore
from kg import summary as query_summary
from kg.aggregates import AGGREGATES
from kg.summary import SPECS, Summary

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
SEEDS = ROOT / "seeds"
RESOLUTION = ROOT / "tests" / "resolution"  # reports of one interaction, people named several ways (owl:sameAs)


def direct(store: KGStore, name: str, values: dict) -> list[list]:
    """The rows as the store gives them (what kg query printed before the summary)."""
    query = get_query(name)
    bound = bind(query, values)
    solutions = store.query(with_values_block(query.text_for(bound), bound))
    columns = [v.value for v in solutions.variables]
    return [query.tidy(columns, [_plain(s[c]) for c in columns]) for s in solutions]


def cases(store: KGStore) -> list[tuple[str, dict]]:
    """Every served query with no parameters, then with each parameter it filters on, with values
    taken from the data (the busiest country, a month with events, an article)."""
    rows = direct(store, "interactions", {})
    columns = get_query("interactions").columns
    article = rows[len(rows) // 2][columns.index("article_id")]
    months = sorted({r[columns.index("date")][:7] for r in rows if r[columns.index("date")]})
    month = months[len(months) // 2]
    found = [("interactions", {"country": c}) for c in ("IND", "KEN", "VNM", "USA", "XXX")]
    found += [("interactions", {"article": article}), ("interactions", {"from": month + "-01", "to": month + "-28"}),
              ("interactions", {"from": months[0] + "-01"}), ("interactions", {"to": month + "-28"}),
              ("interactions", {"country": "KEN", "from": months[0] + "-01", "to": months[-1] + "-28"}),
              ("people", {"article": article}), ("resolved-interactions", {"min_reports": "2"}),
              ("resolved-interactions", {"min_reports": "1"})]
    # the tables that sum over many articles, with the filters they answer (a person in other cases)
    met = direct(store, "who-met-whom", {"status": "any"})
    names = sorted({row[1] for row in met} | {row[3] for row in met})
    busiest = max(names, key=lambda n: (sum(n in (row[1], row[3]) for row in met), n))
    accented = next((n for n in names if not n.isascii()), names[0])
    found += [("country-network", {"country": c}) for c in ("IND", "KEN", "USA", "XXX")]
    found += [("visits", {"country": c}) for c in ("IND", "KEN", "USA", "VNM", "NZL", "XXX")]
    found += [("country-network", {"status": "planned"}), ("country-network", {"country": "KEN", "status": "occurred"}),
              ("who-met-whom", {"status": "any"}), ("who-met-whom", {"status": "planned"}),
              ("who-met-whom", {"person": busiest.lower()}), ("who-met-whom", {"person": busiest.upper()}),
              ("who-met-whom", {"person": accented.lower(), "status": "any"}), ("who-met-whom", {"person": "no such one"}),
              ("roles", {"country": "KEN"}), ("roles", {"country": "USA"}), ("roles", {"person": busiest.lower()}),
              ("roles", {"person": accented.upper()}), ("roles", {"person": busiest.lower(), "country": "KEN"})]
    return [(name, {}) for name in SPECS] + [(name, {}) for name in AGGREGATES] + found


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("summary-corpus")
    shutil.copytree(CORPUS, corpus / "corpus")
    shutil.copytree(SEEDS, corpus / "seeds")
    shutil.copytree(RESOLUTION, corpus / "resolution")
    store = KGStore(tmp_path_factory.mktemp("summary-store") / "store")
    result = build([str(corpus)], store, jobs=1)
    assert not result.errors and result.query_summary is not None
    return corpus, store


def check_same(store: KGStore) -> int:
    summary = Summary.open(store.location)
    assert summary is not None, "the summary should be current after a build"
    summary.close()
    checked = 0
    for name, values in cases(store):
        query = get_query(name)
        expected = direct(store, name, values)
        served = Summary.open(store.location)
        assert served.serves(query, bind(query, values)), (name, values)
        served.close()
        assert list(stream_local(store, query, values).rows) == expected, (name, values)
        for offset, limit in ((0, 100), (0, 3), (2, 5), (len(expected), 10), (1, None)):
            page = page_local(store, query, values, offset, limit)
            end = None if limit is None else offset + limit
            assert (page.total, page.rows) == (len(expected), expected[offset:end]), (name, values, offset, limit)
        checked += len(expected)
    return checked


def test_summary_rows_are_the_querys_rows_in_its_order(built):
    _, store = built
    assert check_same(store) > 100


def test_a_query_with_a_parameter_it_cannot_filter_on_asks_the_store(built):
    _, store = built
    served = Summary.open(store.location)
    try:
        assert not served.serves(get_query("roles"), bind(get_query("roles"), {"role": "prime-minister"}))
        assert not served.serves(get_query("agreements"), bind(get_query("agreements"), {"country": "KEN"}))
    finally:
        served.close()


def test_a_stale_summary_is_not_served(built, tmp_path):
    _, store = built
    copy = tmp_path / "store"
    shutil.copytree(store.location, copy)
    assert Summary.open(copy) is not None
    # another build's index of inputs: the store may hold other rows now
    inputs = copy / "kg-inputs.json"
    os.utime(inputs, ns=(inputs.stat().st_atime_ns, inputs.stat().st_mtime_ns + 1_000_000))
    assert Summary.open(copy) is None
    # and a build under way
    copy2 = tmp_path / "store2"
    shutil.copytree(store.location, copy2)
    query_summary.begin_build(copy2)
    assert Summary.open(copy2) is None
    reader = KGStore(copy2, read_only=True)
    assert page_local(reader, get_query("people"), {}, 0, 5).rows == direct(reader, "people", {})[:5]


def test_another_text_of_the_query_is_not_served(built, monkeypatch):
    _, store = built
    query = get_query("interactions")
    query.text = query.text.replace("ORDER BY ?article_id ?event ?participant", "ORDER BY ?event ?participant")
    served = Summary.open(store.location)
    try:
        assert not served.serves(query, {})
    finally:
        served.close()


def test_kept_up_to_date_article_by_article(built):
    corpus, store = built
    texts = sorted((corpus / "corpus").glob("*.txt"))
    changed, deleted = texts[0], texts[1]
    changed.write_text(changed.read_text(encoding="utf-8").replace("met", "held talks with", 1)
                       + "\nThe two ministers also spoke by phone on Friday.\n", encoding="utf-8")
    deleted.unlink()
    deleted.with_suffix(".meta.json").unlink(missing_ok=True)
    added = corpus / "corpus" / "zz_added.txt"
    added.write_text("NAIROBI, May 6 -- Kenya's Foreign Minister Musalia Mudavadi met India's External Affairs "
                     "Minister S. Jaishankar in Nairobi on Monday to discuss trade.\n", encoding="utf-8")
    result = build([str(corpus)], store, jobs=1, prune=True)
    assert not result.errors and result.removed == 1 and result.mapped == 2
    assert result.query_summary.rebuilt == [], "one build's changes are applied, not the whole store read again"
    assert result.query_summary.units >= 3
    check_same(store)
    # nothing changed: nothing written, still current
    again = build([str(corpus)], store, jobs=1)
    assert again.query_summary.units == 0 and Summary.open(store.location) is not None
    check_same(store)


def test_a_build_gives_the_summary_the_graphs_it_wrote(built, monkeypatch):
    """The rows of the articles a build wrote are read from the graphs it wrote, as it wrote them,
    not read back from the store (1.2 ms an article at 100,000 articles)."""
    corpus, store = built
    path = sorted((corpus / "corpus").glob("*.txt"))[3]
    path.write_text(path.read_text(encoding="utf-8") + "\nThe talks were described as cordial.\n", encoding="utf-8")
    read_back = []
    real = query_summary._article_quads
    monkeypatch.setattr(query_summary, "_article_quads", lambda s, units: read_back.extend(units) or real(s, units))
    result = build([str(corpus)], store, jobs=1)
    assert not result.errors and result.mapped == 1 and result.query_summary.rebuilt == []
    assert path.stem not in read_back
    check_same(store)


def test_a_build_cut_short_makes_the_tables_again(built):
    _, store = built
    query_summary.begin_build(store.location)
    query_summary.begin_build(store.location)  # the first never ended: its changes are unknown
    update = query_summary.update(store, [])
    assert sorted(update.rebuilt) == sorted([*SPECS, *AGGREGATES])
    check_same(store)


def test_after_a_build_that_did_not_keep_the_tables_they_are_made_again(built):
    """A kg without the summary (an older version) builds into the store: the next build cannot know
    what changed, and reads the whole store again."""
    _, store = built
    inputs = store.location / "kg-inputs.json"
    os.utime(inputs, ns=(inputs.stat().st_atime_ns, inputs.stat().st_mtime_ns + 1_000_000))
    query_summary.begin_build(store.location)
    update = query_summary.update(store, [])
    assert sorted(update.rebuilt) == sorted([*SPECS, *AGGREGATES])
    check_same(store)


def test_lists_are_sorted_whichever_way_the_rows_are_read(built, tmp_path):
    """A GROUP_CONCAT's items come in the order the store's plan read them: `#+ lists:` sorts them,
    on the store's path too, so that the summary can give the same text."""
    _, store = built
    copy = tmp_path / "store"
    shutil.copytree(store.location, copy)
    (copy / query_summary.SUMMARY_FILE).unlink()
    reader = KGStore(copy, read_only=True)
    seen = 0
    for name, column, separator in (("country-network", "sources", " "), ("who-met-whom", "sources", " "),
                                    ("roles", "sources", " "), ("agreements", "parties", "; "),
                                    ("visits", "meeting_participants", "; "),
                                    ("resolved-interactions", "merged_by", "; ")):
        query = get_query(name)
        assert query.lists[column] == separator
        result = stream_local(reader, query, {})
        at = result.columns.index(column)
        for row in result.rows:
            assert row[at] == sorted_list(row[at], separator)
            seen += bool(row[at]) and separator in row[at]
    assert seen, "some row lists several items"


def test_the_aggregates_follow_resolution_changes(built):
    """Removing the report that bridged two others splits their interaction (and may part the names
    that were one person): the counts of who-met-whom and country-network follow."""
    corpus, store = built
    for path in (corpus / "resolution").glob("bridge-b.*"):
        path.unlink()
    result = build([str(corpus)], store, jobs=1, prune=True)
    assert not result.errors and result.removed == 1 and result.query_summary.rebuilt == []
    assert result.resolution.changed_interactions
    check_same(store)


def test_the_aggregates_follow_names_that_stop_being_one_person(built):
    """Without the two reports that name João Carvalho in full, the third report's 'Carvalho' is no
    longer owl:sameAs him: that article did not change, its pair of people did."""
    corpus, store = built
    before = Summary.open(store.location)
    same = set(before.db.execute("SELECT node, canonical FROM x_same"))
    before.close()
    for path in [*(corpus / "resolution").glob("call-a.*"), *(corpus / "resolution").glob("call-b.*")]:
        path.unlink()
    result = build([str(corpus)], store, jobs=1, prune=True)
    assert not result.errors and result.removed == 2 and result.query_summary.rebuilt == []
    after = Summary.open(store.location)
    assert set(after.db.execute("SELECT node, canonical FROM x_same")) != same
    after.close()
    check_same(store)


def test_the_aggregates_are_read_from_the_summary(built, monkeypatch):
    """The whole-table queries that sum over many articles, and their country and person filters,
    are answered from the tables: the store is not asked."""
    _, store = built
    reader = KGStore(store.location, read_only=True)

    def refuse(*args, **kwargs):
        raise AssertionError("the store was asked")
    monkeypatch.setattr(reader, "query", refuse)
    for name, values in (("who-met-whom", {}), ("country-network", {"country": "KEN"}), ("roles", {"person": "x"}),
                         ("agreements", {})):
        page_local(reader, get_query(name), values, 0, 10)


def test_a_changed_text_of_an_aggregate_query_is_not_kept(built, monkeypatch):
    """The tables of an aggregate are made by code written for its query's text: another text (the
    saved query edited) is answered by the store until that code is brought up to date."""
    from kg import aggregates
    _, store = built
    for name, aggregate in AGGREGATES.items():
        assert aggregate.digest == aggregates.text_digest(get_query(name)), f"{name}: update kg/aggregates.py"
    query = get_query("who-met-whom")
    query.text = query.text.replace("ORDER BY DESC(?interactions)", "ORDER BY ?interactions")
    served = Summary.open(store.location)
    try:
        assert not served.serves(query, bind(query, {}))
    finally:
        served.close()


def test_a_visit_the_country_filter_would_cut_short_asks_the_store(built, tmp_path):
    """visits' country filter keeps the rows of a visit whose host has the country's code: for a
    visit with two hosts and no visitor of the country that is some of its rows, and their
    GROUP_CONCATs change. The summary does not answer that country; the store does."""
    _, store = built
    copy = tmp_path / "store"
    shutil.copytree(store.location, copy)
    writable = KGStore(copy)
    rows = direct(writable, "visits", {})
    columns = get_query("visits").columns
    visit = next(r for r in rows if r[columns.index("host")] in ("IND", "KEN", "USA", "VNM"))
    host = visit[columns.index("host")]
    import pyoxigraph as ox
    from kg.namespaces import DIP, ID, article_graph
    article = visit[columns.index("article_id")]
    graph = ox.NamedNode(str(article_graph(article)))
    writable.store.add(ox.Quad(ox.NamedNode(visit[0]), ox.NamedNode(str(DIP.host)), ox.NamedNode(str(ID) + "country/UGA"),
                               graph))
    query_summary.begin_build(copy)
    query_summary.update(writable, [article])
    served = Summary.open(copy)
    query = get_query("visits")
    try:
        assert served.serves(query, bind(query, {"country": "UGA"})) is False
        assert served.serves(query, bind(query, {"country": "NZL" if host != "NZL" else "IND"}))
    finally:
        served.close()
    for code in (host, "UGA", "IND", "NZL"):
        got, want = page_local(writable, query, {"country": code}, 0, None).rows, direct(writable, "visits", {"country": code})
        for a, b in zip(got, want):
            assert a == b, (code, a, b)
        assert got == want
