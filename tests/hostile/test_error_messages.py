"""Every user-facing error is `Error: ...`, says what is wrong and what to do, and exits 1 or 2:
no RocksDB message, no traceback."""
from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from kg.cli import cli
from tests.helpers import ROOT


def kg(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_validate_without_arguments_says_what_to_give():
    result = kg("validate")
    assert result.exit_code == 2
    assert "Error: nothing to validate" in result.output
    assert "(not both)" not in result.output


def test_validate_with_files_and_a_store_says_which_to_drop(tmp_path):
    data = tmp_path / "x.ttl"
    data.write_text("", encoding="utf-8")
    result = kg("validate", data, "--store", tmp_path)
    assert result.exit_code == 2 and "Error:" in result.output and "not both" in result.output


@pytest.mark.parametrize("command", [["validate", "--store"], ["query", "interactions", "--store"],
                                     ["export", "--store"], ["push", "--endpoint", "http://127.0.0.1:9/store",
                                                             "--store"]])
def test_an_empty_folder_is_no_store(tmp_path, command):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = kg(*command, empty)
    assert result.exit_code in (1, 2), result.output
    assert f"Error: {empty} is not a kg store" in result.output
    assert "IO error" not in result.output and "CURRENT" not in result.output


def _one_seed(folder):
    folder.mkdir()
    for name in ("000_4182529e3da3c08d.txt", "000_4182529e3da3c08d.meta.json"):
        shutil.copy(ROOT / "seeds" / name, folder / name)
    return folder


def test_a_store_in_use_is_named_as_such(tmp_path):
    from kg.store import KGStore
    articles = _one_seed(tmp_path / "news")
    location = tmp_path / "store"
    holder = KGStore(location)  # as a build running in another process would
    try:
        done = subprocess.run([sys.executable, "-m", "kg", "build", str(articles), "--store", str(location)],
                              capture_output=True, text=True, timeout=300, cwd=ROOT)
    finally:
        del holder
    assert done.returncode == 1, done.stdout + done.stderr
    assert f"Error: the store {location} is in use by another kg process" in done.stderr
    assert "While lock file" not in done.stderr and "Traceback" not in done.stderr


def test_a_store_can_be_read_while_a_build_has_it_open(tmp_path):
    """Right after a build, RocksDB's compactions delete files a read-only view is opening:
    pyoxigraph called that corruption, and `kg query` died with a RuntimeError."""
    from kg.build import build
    from kg.store import KGStore
    writer = KGStore(tmp_path / "store")
    build([ROOT / "seeds"], writer)
    for _ in range(3):
        result = kg("query", "people", "--store", tmp_path / "store")
        assert result.exit_code == 0, result.output


def test_a_folder_or_a_device_is_not_a_file_to_validate(tmp_path):
    for path in (tmp_path, "/dev/null"):
        result = kg("validate", path)
        assert result.exit_code == 2 and f"Error: not a file: {path}" in result.output
