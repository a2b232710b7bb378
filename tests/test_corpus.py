"""Generalisation: articles written for these tests in the style of real diplomatic news, each
folder by a different writer, with expected facts in its gold/ folder.

tests/corpus was the development set while the mapper's rules were written; tests/heldout was
written later, independently, to check that the rules carry over. FLOORS hold the event F1
measured when a floor was last set; the goal for both is 0.95.

The floors were lowered once, on purpose, when the reading stage moved from word patterns to the
dependency parse (kg/frames.py): corpus 0.971 -> 0.913, heldout 0.906 -> 0.908, while real
articles the patterns were never fitted to went from 0.27 to 0.70 (realnews/, dev split; 0.37 to
0.47 on its frozen validation split). The patterns had been written for these articles; the
floors guard what the parse reads now.
"""
from __future__ import annotations

import pytest

from tests.helpers import ROOT, build_store, score

FLOORS = {"corpus": 0.91, "heldout": 0.90}


@pytest.mark.parametrize("name", FLOORS)
def test_corpus_is_large_and_varied(name):
    folder = ROOT / "tests" / name
    articles = sorted(folder.glob("*.txt"))
    gold = sorted((folder / "gold").glob("*.yaml"))
    assert len(articles) >= 25 and len(gold) == len(articles)
    quiet = [g for g in gold if "events: []" in g.read_text(encoding="utf-8")]
    assert len(quiet) >= 5, "at least five articles with no interaction"


@pytest.mark.parametrize("name", FLOORS)
def test_corpus_event_f1(name, tmp_path):
    folder = ROOT / "tests" / name
    store, summary = build_store([folder], tmp_path / "store")
    assert summary.errors == []
    assert summary.violations == 0, summary.violation_details
    result = score(folder / "gold", store, tmp_path)
    assert result["events"]["f1"] >= FLOORS[name], result
