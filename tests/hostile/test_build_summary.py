"""A build that changed nothing says so, and what the store holds: a bare `events: 0` after a
second `make run` read as an empty store."""
from __future__ import annotations

import re
import shutil

from click.testing import CliRunner

from kg.cli import cli
from tests.helpers import ROOT


def kg(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_a_second_build_says_what_the_store_holds(tmp_path):
    articles = tmp_path / "news"
    shutil.copytree(ROOT / "seeds", articles)
    store = tmp_path / "store"
    first = kg("build", articles, "--store", store, "--no-progress")
    assert first.exit_code == 0, first.output
    events = int(re.search(r"^events: (\d+)", first.output, re.M).group(1))
    second = kg("build", articles, "--store", store, "--no-progress")
    assert second.exit_code == 0, second.output
    assert re.search(rf"^events: 0\b.*\bstore holds {events}\b", second.output, re.M), second.output
    assert re.search(r"^people: 0\b.*\bstore holds [1-9]", second.output, re.M), second.output
    assert re.search(r"^articles read: 5\b.*\bstore holds 5\b", second.output, re.M), second.output
