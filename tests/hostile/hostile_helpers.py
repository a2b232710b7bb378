"""Hostile inputs: the corpus of each test is built in tmp_path at test time (no hostile file is
ever committed), and `kg` runs in a child process with a time limit and a memory limit, so that
a reader that hangs or reads without end fails its test instead of stopping the suite."""
from __future__ import annotations

import json
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"
# Two articles that must go through whatever sits beside them.
GOOD_ARTICLES = ("01_kenya_india_phone_call", "02_vietnam_nz_official_visit")
KG_SECONDS = 60          # a `kg` run that takes longer has hung: the test fails
MEMORY_LIMIT = 2 << 30   # bytes of address space for a `kg` run (a reader without end hits it)


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str
    seconds: float

    @property
    def errors(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.startswith("Error: ")]


def _limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_kg(*args: str, timeout: float = KG_SECONDS, cwd: Path | None = None) -> Run:
    started = time.monotonic()
    try:
        done = subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, timeout=timeout,
                              cwd=cwd or ROOT, preexec_fn=_limit_memory)
    except subprocess.TimeoutExpired:
        pytest.fail(f"kg {' '.join(args)} did not finish in {timeout} s")
    decode = lambda data: data.decode("utf-8", errors="backslashreplace")
    return Run(done.returncode, decode(done.stdout), decode(done.stderr), time.monotonic() - started)


def write_good_articles(folder: Path) -> list[str]:
    """Copy the good articles (text and sidecar) into FOLDER; their ids."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in GOOD_ARTICLES:
        for suffix in (".txt", ".meta.json"):
            shutil.copy(CORPUS / (name + suffix), folder / (name + suffix))
    return [json.loads((CORPUS / f"{name}.meta.json").read_text(encoding="utf-8"))["id"] for name in GOOD_ARTICLES]


def stored_quads(location: Path) -> list[str]:
    """Every quad of every article graph in the store, sorted (the reference graph is not the articles')."""
    from kg.export import export
    from kg.store import KGStore
    store = KGStore(location, read_only=True)
    try:
        return sorted(export(store, "nquads", []).decode("utf-8").splitlines())
    finally:
        del store


def stored_ids(location: Path) -> set[str]:
    from kg.store import KGStore
    store = KGStore(location, read_only=True)
    try:
        return set(store.article_ids())
    finally:
        del store
