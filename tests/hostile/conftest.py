"""Fixtures of the hostile-input tests (helpers: hostile_helpers.py)."""
from __future__ import annotations

import pytest

from hostile_helpers import GOOD_ARTICLES, stored_quads, write_good_articles


@pytest.fixture(scope="session")
def good_quads(tmp_path_factory) -> list[str]:
    """What a store holds after a build of the good articles alone."""
    from kg.build import build
    from kg.store import KGStore
    folder = tmp_path_factory.mktemp("good-only")
    write_good_articles(folder / "in")
    store = KGStore(folder / "store")
    summary = build([folder / "in"], store)
    assert summary.mapped == len(GOOD_ARTICLES) and not summary.errors, summary.lines()
    del store
    return stored_quads(folder / "store")
