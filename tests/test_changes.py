"""Incremental builds read only what changed (kg/changes.py), and never hide an error or lose an article."""
from __future__ import annotations

import json
import os
import shutil

import pytest

from kg import articles, changes
from kg.build import build
from kg.changes import INDEX_FILE
from kg.store import KGStore
from tests.helpers import ROOT

NEW_TEXT = ("NAIROBI, May 4, 2025 -- Kenyan Foreign Minister Musalia Mudavadi met Tanzanian Foreign Minister "
            "Mahmoud Thabit Kombo in Nairobi on Friday to discuss cross-border trade.\n")


@pytest.fixture
def reads(monkeypatch):
    """Counts the articles read from .txt files and the .jsonl lines parsed."""
    counted = {"txt": 0, "jsonl": 0}
    read_text, parse_line = articles.read_text_article, articles.parse_jsonl_line

    def read_text_counted(path):
        counted["txt"] += 1
        return read_text(path)

    def parse_line_counted(path, number, raw):
        counted["jsonl"] += 1
        return parse_line(path, number, raw)

    monkeypatch.setattr(changes, "read_text_article", read_text_counted)
    monkeypatch.setattr(changes, "parse_jsonl_line", parse_line_counted)
    return counted


def _seeds(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "seeds", corpus)
    return corpus


def _rewrite(path, text):
    path.write_text(text, encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # a coarse clock must see it too


def test_unchanged_files_are_not_read_again(tmp_path, reads):
    corpus, store = _seeds(tmp_path), KGStore(tmp_path / "store")
    first = build([corpus], store, jobs=1)
    assert (first.mapped, reads["txt"]) == (5, 5)
    second = build([corpus], store, jobs=1)
    assert (second.articles_read, second.unchanged, second.mapped, reads["txt"]) == (5, 5, 0, 5)
    # Only the changed file is read and mapped; a changed sidecar counts as a change of its article.
    _rewrite(sorted(corpus.glob("*.txt"))[0], NEW_TEXT)
    third = build([corpus], store, jobs=1)
    assert (third.mapped, third.unchanged, reads["txt"]) == (1, 4, 6)
    sidecar = sorted(corpus.glob("*.meta.json"))[1]
    meta = json.loads(sidecar.read_text(encoding="utf-8"))
    _rewrite(sidecar, json.dumps({**meta, "author": "A. Newname"}))
    fourth = build([corpus], store, jobs=1)
    assert (fourth.mapped, fourth.unchanged, reads["txt"]) == (1, 4, 7)
    # --recheck reads everything (and finds nothing to map).
    fifth = build([corpus], store, jobs=1, recheck=True)
    assert (fifth.mapped, fifth.unchanged, reads["txt"]) == (0, 5, 12)


def test_only_changed_jsonl_lines_are_parsed(tmp_path, reads):
    records = [{"id": f"a{i}", "published": "2025-05-04", "text": NEW_TEXT.replace("Friday", day)}
               for i, day in enumerate(["Monday", "Tuesday", "Wednesday"])]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    store = KGStore(tmp_path / "store")
    assert build([feed], store, jobs=1).mapped == 3
    records[1]["text"] = records[1]["text"].replace("trade", "energy")
    _rewrite(feed, "".join(json.dumps(r) + "\n" for r in records))
    again = build([feed], store, jobs=1)
    assert (again.mapped, again.unchanged, reads["jsonl"]) == (1, 2, 4)


def test_errors_are_reported_on_every_build(tmp_path):
    corpus = _seeds(tmp_path)
    (corpus / "broken.txt").write_bytes(b"\xff\xfe\x00 not text")
    first = sorted(corpus.glob("*.txt"))[0]
    shutil.copy(first, corpus / "zz-copy.txt")
    shutil.copy(first.with_name(first.stem + ".meta.json"), corpus / "zz-copy.meta.json")  # the same id twice
    store = KGStore(tmp_path / "store")
    for _ in range(2):
        summary = build([corpus], store, jobs=1)
        assert any("broken.txt: not UTF-8" in e for e in summary.errors)
        assert any("zz-copy.txt: duplicate article id" in e for e in summary.errors)


def test_an_article_the_mapper_failed_on_is_mapped_again(tmp_path, monkeypatch):
    from kg import build as build_module
    corpus, store = _seeds(tmp_path), KGStore(tmp_path / "store")
    victim = sorted(corpus.glob("*.txt"))[2]
    real = build_module.map_article

    def failing(article, gazetteer=None, prepared=None):
        if article.source.endswith(victim.name):
            raise RuntimeError("boom")
        return real(article, gazetteer, prepared)

    monkeypatch.setattr(build_module, "map_article", failing)
    first = build([corpus], store, jobs=1)
    assert first.mapped == 4 and len(first.errors) == 1
    monkeypatch.setattr(build_module, "map_article", real)
    second = build([corpus], store, jobs=1)
    assert (second.mapped, second.unchanged, second.errors) == (1, 4, [])


def test_prune_and_a_damaged_index(tmp_path):
    corpus, store = _seeds(tmp_path), KGStore(tmp_path / "store")
    build([corpus], store, jobs=1)
    gone = sorted(corpus.glob("*.txt"))[0]
    gone.unlink()
    gone.with_name(gone.stem + ".meta.json").unlink()
    pruned = build([corpus], store, jobs=1, prune=True)
    assert (pruned.removed, pruned.unchanged, len(store.article_ids())) == (1, 4, 4)
    (tmp_path / "store" / INDEX_FILE).write_text("{not json", encoding="utf-8")
    again = build([corpus], store, jobs=1)
    assert (again.mapped, again.unchanged, again.errors) == (0, 4, [])
    assert json.loads((tmp_path / "store" / INDEX_FILE).read_text(encoding="utf-8"))["version"] == 1


def test_a_build_cut_short_before_the_hashes_are_written_is_redone(tmp_path, monkeypatch):
    from kg.export import export
    corpus, store = _seeds(tmp_path), KGStore(tmp_path / "store")
    clean = KGStore(tmp_path / "clean")
    build([corpus], clean, jobs=1)

    class CrashOnLoad:
        """The store, except that the transactional load (of the hashes, after the bulk load) is cut short."""
        def __init__(self, inner):
            self.inner = inner

        def __getattr__(self, name):
            return getattr(self.inner, name)

        def load(self, *args, **kwargs):
            raise KeyboardInterrupt

    store.ensure_reference()
    monkeypatch.setattr(store, "store", CrashOnLoad(store.store))
    with pytest.raises(KeyboardInterrupt):
        build([corpus], store, jobs=1)
    monkeypatch.undo()
    assert store.article_ids() and all(store.stored_hash(i) is None for i in store.article_ids())
    again = build([corpus], store, jobs=1)
    assert (again.mapped, again.unchanged) == (5, 0)
    lines = lambda s: sorted(export(s, "nquads", []).decode().splitlines())
    assert lines(store) == lines(clean)
