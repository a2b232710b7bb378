"""Shared test helpers: build a folder of articles into a fresh store and score it."""
from __future__ import annotations

import importlib.util
import io
import json
import sys
from contextlib import redirect_stdout
from pathlib import Path

from kg.build import build
from kg.queries import format_result, get_query, run_local
from kg.store import KGStore

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"


def build_store(paths, location: Path) -> tuple[KGStore, object]:
    store = KGStore(location)
    summary = build([str(p) for p in paths], store)
    return store, summary


def query_csv(store: KGStore, name: str, path: Path, **params) -> Path:
    result = run_local(store, get_query(name), params)
    path.write_text(format_result(result, "csv"), encoding="utf-8")
    return path


def score(gold_dir: Path, store: KGStore, tmp: Path) -> dict:
    """Run the user's scorer (../shared/eval/score.py) on the two scored queries."""
    assert SCORER.exists(), f"the scorer is missing: {SCORER}"
    spec = importlib.util.spec_from_file_location("score", SCORER)
    module = importlib.util.module_from_spec(spec)
    sys.modules["score"] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    interactions = query_csv(store, "interactions", tmp / "interactions.csv")
    people = query_csv(store, "people", tmp / "people.csv")
    out = io.StringIO()
    with redirect_stdout(out):
        module.main([str(gold_dir), str(interactions), "--people", str(people), "--json"])
    text = out.getvalue()
    return json.loads(text[:text.rindex("}") + 1])
