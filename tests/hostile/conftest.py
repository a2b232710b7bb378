"""Fixtures of the hostile-input tests (helpers: hostile_helpers.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from hostile_helpers import GOOD_ARTICLES, stored_quads, write_good_articles


@pytest.fixture(scope="session")
def good_store(tmp_path_factory) -> Path:
    """A store built from the good articles alone (read it, do not change it)."""
    from kg.build import build
    from kg.store import KGStore
    folder = tmp_path_factory.mktemp("good-only")
    write_good_articles(folder / "in")
    store = KGStore(folder / "store")
    summary = build([folder / "in"], store)
    assert summary.mapped == len(GOOD_ARTICLES) and not summary.errors, summary.lines()
    del store
    return folder / "store"


@pytest.fixture(scope="session")
def good_quads(good_store) -> list[str]:
    """What a store holds after a build of the good articles alone."""
    return stored_quads(good_store)
