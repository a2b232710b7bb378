"""Reading articles: sidecars, JSON Lines, and a clear error for every bad input."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from kg.articles import MAX_ARTICLE_CHARS, Article, InputError, read_paths
from kg.cli import cli

GOOD = ("PHNOM PENH, March 3, 2025 -- Cambodian Foreign Minister Sok Chenda Sophea met Thai Foreign "
        "Minister Maris Sangiampongsa in Phnom Penh on Monday to discuss border trade.\n")


def _read(*paths):
    return list(read_paths(paths))


def test_text_article_with_sidecar(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"id": "art-1", "published": "2025-03-03",
                                                      "publisher": "Wire"}), encoding="utf-8")
    [article] = _read(tmp_path)
    assert isinstance(article, Article)
    assert (article.id, article.published, article.publisher) == ("art-1", "2025-03-03", "Wire")


def test_without_sidecar_the_id_is_the_stem(tmp_path):
    (tmp_path / "story_7.txt").write_text(GOOD, encoding="utf-8")
    [article] = _read(tmp_path)
    assert article.id == "story_7" and article.published is None


def test_jsonl_reads_each_line_and_reports_bad_lines(tmp_path):
    path = tmp_path / "bulk.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "one", "text": GOOD, "published": "2025-03"}),
        "{not json",
        json.dumps({"id": "three"}),
        json.dumps({"id": "four", "text": GOOD}),
    ]), encoding="utf-8")
    items = _read(path)
    assert [i.id for i in items if isinstance(i, Article)] == ["one", "four"]
    errors = [str(i) for i in items if isinstance(i, InputError)]
    assert any(f"{path}:2" in e and "not valid JSON" in e for e in errors)
    assert any(f"{path}:3" in e and "'text'" in e for e in errors)


def test_bad_inputs_each_get_an_error_naming_the_file(tmp_path):
    (tmp_path / "latin1.txt").write_bytes("Le ministre a reçu l'ambassadeur.".encode("latin-1"))
    (tmp_path / "empty.txt").write_text("  \n\n", encoding="utf-8")
    (tmp_path / "huge.txt").write_text("x" * (MAX_ARTICLE_CHARS + 1), encoding="utf-8")
    (tmp_path / "broken.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "broken.meta.json").write_text("{\"id\": ", encoding="utf-8")
    (tmp_path / "baddate.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "baddate.meta.json").write_text(json.dumps({"published": "03/03/2025"}), encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")  # listed, but cannot be read
    (tmp_path / "fine.txt").write_text(GOOD, encoding="utf-8")
    items = _read(tmp_path)
    errors = {e.source.rsplit("/", 1)[-1]: e.problem for e in items if isinstance(e, InputError)}
    assert "not UTF-8" in errors["latin1.txt"]
    assert "empty" in errors["empty.txt"]
    assert "too long" in errors["huge.txt"]
    assert "broken sidecar" in errors["broken.meta.json"]
    assert "YYYY" in errors["baddate.txt"]
    assert "cannot read" in errors["gone.txt"]
    assert [a.id for a in items if isinstance(a, Article)] == ["fine"]


def test_missing_path_is_an_error(tmp_path):
    [item] = _read(tmp_path / "nope")
    assert isinstance(item, InputError) and "no such file" in item.problem


def test_build_reports_bad_files_and_still_stores_the_good_ones(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "in" / "bad.txt").write_bytes(b"\xff\xfe\x00bad")
    store = tmp_path / "store"
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "in"), "--store", str(store)])
    assert result.exit_code == 1
    assert "bad.txt: not UTF-8" in result.output
    assert "mapped 1" in result.output
    listed = CliRunner().invoke(cli, ["query", "interactions", "--store", str(store), "--format", "csv"])
    assert listed.exit_code == 0 and "good" in listed.output


def test_rebuilding_unchanged_articles_costs_only_a_hash_check(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(GOOD, encoding="utf-8")
    store = str(tmp_path / "store")
    first = CliRunner().invoke(cli, ["build", str(tmp_path / "in"), "--store", store])
    second = CliRunner().invoke(cli, ["build", str(tmp_path / "in"), "--store", store])
    assert "mapped 1, unchanged 0" in first.output
    assert "mapped 0, unchanged 1" in second.output


def test_parallel_build_stores_the_same_graph_as_a_serial_one(tmp_path):
    from kg.export import export
    from kg.store import KGStore
    from kg.build import build
    serial, parallel = KGStore(tmp_path / "serial"), KGStore(tmp_path / "parallel")
    from tests.helpers import ROOT
    one = build([ROOT / "seeds"], serial, jobs=1)
    two = build([ROOT / "seeds"], parallel, jobs=2)
    assert (one.mapped, one.events, one.violations) == (two.mapped, two.events, two.violations) == (5, one.events, 0)
    lines = lambda store: sorted(export(store, "nquads", []).decode().splitlines())
    assert lines(serial) == lines(parallel)


def test_a_new_mapper_re_maps_unchanged_articles(tmp_path, monkeypatch):
    from kg import mapper
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(GOOD, encoding="utf-8")
    store = str(tmp_path / "store")
    CliRunner().invoke(cli, ["build", str(tmp_path / "in"), "--store", store])
    monkeypatch.setattr(mapper, "mapper_fingerprint", lambda: "a newer mapper")
    again = CliRunner().invoke(cli, ["build", str(tmp_path / "in"), "--store", store])
    assert "mapped 1, unchanged 0" in again.output


def test_small_write_batches_and_read_ahead_give_the_same_graph_and_replace_only_changed(tmp_path, monkeypatch):
    import shutil
    from kg import build as build_module
    from kg.build import build
    from kg.export import export
    from kg.store import KGStore
    from tests.helpers import ROOT
    lines = lambda store: sorted(export(store, "nquads", []).decode().splitlines())
    reference = KGStore(tmp_path / "reference")
    build([ROOT / "seeds"], reference, jobs=1)
    monkeypatch.setattr(build_module, "WRITE_BATCH", 2)
    monkeypatch.setattr(build_module, "IN_FLIGHT", 3)
    batched = KGStore(tmp_path / "batched")
    summary = build([ROOT / "seeds"], batched, jobs=2)
    assert summary.mapped == 5 and lines(batched) == lines(reference)
    # Change one article: only its graph is replaced, the others stay as they were.
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "seeds", corpus)
    changed = sorted(corpus.glob("*.txt"))[0]
    changed.write_text(GOOD, encoding="utf-8")
    again = build([corpus], batched, jobs=1)
    assert (again.mapped, again.unchanged) == (1, 4)
    graph_of = lambda line: line.rsplit(" ", 2)[-2]
    before, after = lines(reference), lines(batched)
    # the changed article's graph, and the resolution graph built from the article graphs (kg/resolve.py)
    resolution = "<https://w3id.org/dipkg/graph/resolution>"
    differing = {graph_of(x) for x in set(before) ^ set(after)} - {resolution}
    assert len(differing) == 1
    changed_graph = differing.pop()
    kept = lambda line: graph_of(line) not in (changed_graph, resolution)  # noqa: E731
    assert [x for x in before if kept(x)] == [x for x in after if kept(x)]
    assert any("Sok Chenda" in x for x in after if graph_of(x) == changed_graph)


def test_a_worker_that_dies_stops_the_build_with_an_error_naming_its_articles(tmp_path):
    import pytest
    from kg.articles import read_paths
    from kg.build import BuildError, BuildSummary, _map_in_workers, _StoreWriter
    from kg.changes import InputIndex
    from kg.store import KGStore
    from tests.dying_worker import die_on_kerry
    from tests.helpers import ROOT
    store = KGStore(tmp_path / "store")
    store.ensure_reference()
    writer = _StoreWriter(store, InputIndex(store.location, "test"))
    articles = [a for a in read_paths([ROOT / "seeds"])]
    with pytest.raises(BuildError, match=r"a worker process died while mapping .*seeds"):
        _map_in_workers(iter(articles), 2, True, "native", BuildSummary(), writer, map_chunk=die_on_kerry)


def test_by_default_a_build_uses_every_core_only_for_a_large_input(tmp_path, monkeypatch):
    """Worker processes cost about a second to start: a handful of articles is mapped in-process,
    a large input on every core the process may use (`--jobs` chooses)."""
    from kg import build as build_module
    from kg.build import build
    from kg.store import KGStore
    from tests.helpers import ROOT
    pools = []
    real = build_module._map_in_workers
    monkeypatch.setattr(build_module, "_map_in_workers",
                        lambda todo, jobs, *args, **kw: pools.append(jobs) or real(todo, jobs, *args, **kw))
    monkeypatch.setattr(build_module, "available_cores", lambda: 2)
    small = build([ROOT / "seeds"], KGStore(tmp_path / "small"))
    assert small.mapped == 5 and pools == []
    monkeypatch.setattr(build_module, "PARALLEL_FROM", 3)  # a "large" input: more than 3 articles to map
    large = build([ROOT / "seeds"], KGStore(tmp_path / "large"))
    assert large.mapped == 5 and pools == [2]
    assert build([ROOT / "seeds"], KGStore(tmp_path / "one"), jobs=1).mapped == 5 and pools == [2]
    monkeypatch.setattr(build_module, "available_cores", lambda: 1)
    assert build([ROOT / "seeds"], KGStore(tmp_path / "single")).mapped == 5 and pools == [2]


def test_the_jobs_option_takes_auto_or_a_number():
    result = CliRunner().invoke(cli, ["build", "--help"])
    assert "auto" in result.output
    bad = CliRunner().invoke(cli, ["build", "seeds", "--jobs", "zero"])
    assert bad.exit_code == 2 and "zero" in bad.output


def test_every_file_the_mapper_reads_is_in_its_fingerprint():
    """A change to any lexicon file (trigger words, words that are no one's name) re-maps on the next
    build: the fingerprint covers the whole lexicon directory, not a list that can forget a file."""
    from kg import mapper
    lexicon = Path(mapper.__file__).resolve().parent / "lexicon"
    covered = set(mapper.mapper_sources())
    assert {p for p in lexicon.iterdir() if p.is_file()} <= covered
