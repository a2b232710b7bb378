"""`kg build --prune` removes only the articles whose input is gone, never one whose input could not be read.

An input error (a missing path, a broken sidecar, a bad .jsonl line, a folder that cannot be
listed) means: keep whatever the store holds from that input. The store's index of inputs
(kg/changes.py) says which stored articles came from which file; when it cannot say, or when
a path given on the command line is missing, nothing is pruned, and the reason is given.
"""
from __future__ import annotations

import json
import os
import shutil

import pytest
from click.testing import CliRunner

from kg.build import build
from kg.changes import INDEX_FILE
from kg.cli import cli
from kg.store import KGStore
from tests.helpers import ROOT

SEED_IDS = sorted(p.stem for p in (ROOT / "seeds").glob("*.txt"))
TEXT = ("NAIROBI, May 4, 2025 -- Kenyan Foreign Minister Musalia Mudavadi met Tanzanian Foreign Minister "
        "Mahmoud Thabit Kombo in Nairobi on {day} to discuss cross-border trade.\n")


@pytest.fixture
def built(tmp_path):
    """The seeds copied into a folder and built into a fresh store."""
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "seeds", corpus)
    store = KGStore(tmp_path / "store")
    assert build([corpus], store, jobs=1).mapped == 5
    return corpus, store


def _remove_article_files(corpus, article_id):
    (corpus / f"{article_id}.txt").unlink()
    (corpus / f"{article_id}.meta.json").unlink()


def _touch(path, text):
    path.write_text(text, encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # a coarse clock must see it too


def test_a_missing_path_prunes_nothing(built, tmp_path):
    corpus, store = built
    summary = build([tmp_path / "seedz"], store, jobs=1, prune=True)
    assert store.article_ids() == set(SEED_IDS)
    assert summary.removed == 0 and summary.removed_ids == []
    assert any("seedz: no such file or folder" in e for e in summary.errors)
    assert "seedz" in summary.prune_refused and "missing" in summary.prune_refused
    assert summary.would_remove == SEED_IDS  # what it would have removed, said instead of done


def test_a_missing_path_beside_a_good_one_prunes_nothing(built, tmp_path):
    corpus, store = built
    _remove_article_files(corpus, SEED_IDS[0])
    summary = build([corpus, tmp_path / "more-news"], store, jobs=1, prune=True)
    assert store.article_ids() == set(SEED_IDS)
    assert summary.prune_refused and summary.would_remove == [SEED_IDS[0]]
    again = build([corpus], store, jobs=1, prune=True)  # the index kept its records: the next prune works
    assert again.removed_ids == [SEED_IDS[0]] and again.prune_refused is None
    assert store.article_ids() == set(SEED_IDS[1:])


def test_a_broken_sidecar_keeps_its_article(built):
    corpus, store = built
    victim = SEED_IDS[2]
    _touch(corpus / f"{victim}.meta.json", '{"id": "broken')
    _remove_article_files(corpus, SEED_IDS[0])
    for _ in range(2):  # and still on the next build: the index remembers what the file held
        summary = build([corpus], store, jobs=1, prune=True)
        assert any(f"{victim}.meta.json: broken sidecar" in e for e in summary.errors)
        assert victim in store.article_ids()
        assert summary.kept_ids == [victim]
        assert summary.prune_refused is None
    assert store.article_ids() == set(SEED_IDS[1:])
    _touch(corpus / f"{victim}.meta.json", json.dumps({"id": victim, "published": "2023-08"}))
    fixed = build([corpus], store, jobs=1, prune=True)
    assert (fixed.errors, fixed.kept_ids, fixed.removed_ids) == ([], [], [])
    assert store.article_ids() == set(SEED_IDS[1:])


def test_a_bad_jsonl_line_keeps_every_article_of_its_file(tmp_path):
    feed = tmp_path / "feed.jsonl"
    lines = [json.dumps({"id": f"a{i}", "published": "2025-05-04", "text": TEXT.format(day=day)})
             for i, day in enumerate(["Monday", "Tuesday", "Wednesday"])]
    _touch(feed, "\n".join(lines) + "\n")
    store = KGStore(tmp_path / "store")
    assert build([feed], store, jobs=1).mapped == 3
    # a1's line is broken and a2's is gone: which line held what cannot be told, so both stay
    _touch(feed, lines[0] + "\n" + lines[1][:-5] + "\n")
    summary = build([feed], store, jobs=1, prune=True)
    assert any("feed.jsonl:2: not valid JSON" in e for e in summary.errors)
    assert store.article_ids() == {"a0", "a1", "a2"} and summary.kept_ids == ["a1", "a2"]
    _touch(feed, lines[0] + "\n" + lines[1] + "\n")
    fixed = build([feed], store, jobs=1, prune=True)
    assert (fixed.errors, fixed.removed_ids) == ([], ["a2"])
    assert store.article_ids() == {"a0", "a1"}


def test_read_again_from_scratch_a_broken_file_still_keeps_its_article(built):
    corpus, store = built
    _touch(corpus / f"{SEED_IDS[1]}.txt", "")  # an empty article is an input error
    summary = build([corpus], store, jobs=1, prune=True, recheck=True)
    assert summary.kept_ids == [SEED_IDS[1]] and store.article_ids() == set(SEED_IDS)


def test_without_an_index_a_broken_file_stops_the_prune(built):
    corpus, store = built
    (store.location / INDEX_FILE).unlink()
    _touch(corpus / f"{SEED_IDS[3]}.meta.json", "[]")
    _remove_article_files(corpus, SEED_IDS[0])
    summary = build([corpus], store, jobs=1, prune=True)
    assert store.article_ids() == set(SEED_IDS)
    assert f"{SEED_IDS[3]}.txt" in summary.prune_refused and "index" in summary.prune_refused
    assert summary.would_remove == [SEED_IDS[0], SEED_IDS[3]]


def test_a_folder_that_cannot_be_listed_keeps_its_articles(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "seeds", corpus / "older")
    shutil.copytree(ROOT / "seeds", corpus / "newer", ignore=lambda d, names: [n for n in names if "000_" in n])
    for path in (corpus / "newer").iterdir():  # other ids: new_001_..., new_002_...
        meta = path.with_name(path.name.split(".")[0] + ".meta.json")
        if path.suffix == ".txt":
            data = json.loads(meta.read_text(encoding="utf-8"))
            meta.write_text(json.dumps({**data, "id": "new_" + data["id"]}), encoding="utf-8")
    store = KGStore(tmp_path / "store")
    assert build([corpus], store, jobs=1).mapped == 9
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("newer"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    summary = build([corpus], store, jobs=1, prune=True)
    monkeypatch.undo()
    assert any("newer: cannot read folder" in e for e in summary.errors)
    assert len(store.article_ids()) == 9 and len(summary.kept_ids) == 4 and summary.removed_ids == []


def test_the_command_says_what_it_removed_and_why_it_refused(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "seeds", corpus)
    store_args = ["--store", str(tmp_path / "store"), "--no-validate", "--jobs", "1"]
    assert CliRunner().invoke(cli, ["build", str(corpus)] + store_args).exit_code == 0
    _remove_article_files(corpus, SEED_IDS[4])
    refused = CliRunner().invoke(cli, ["build", str(tmp_path / "seedz"), "--prune"] + store_args)
    assert refused.exit_code == 1 and "Traceback" not in refused.output
    assert "Error:" in refused.output and "seedz: no such file or folder" in refused.output
    assert "not pruning" in refused.output and "would have removed 5 articles" in refused.output
    pruned = CliRunner().invoke(cli, ["build", str(corpus), "--prune"] + store_args)
    assert pruned.exit_code == 0, pruned.output
    assert f"removed 1 article: {SEED_IDS[4]}" in pruned.output
    assert KGStore(tmp_path / "store", read_only=True).article_ids() == set(SEED_IDS[:4])
