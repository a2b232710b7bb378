"""Control characters from the input are shown, never obeyed: an ESC in a title must not reach
a terminal raw (it starts escape sequences: colours, cursor moves, a rewritten window title),
nor C1 controls (the same on some terminals), nor bidirectional overrides (they reorder what a
line shows). The rule, as the README states it:

- table: every control character, and the bidirectional controls, written as escapes (\\x1b);
- csv/tsv: C0 and C1 controls but tab, newline and carriage return (which CSV quotes) written as
  escapes; on a terminal, the same as the table;
- json: the controls JSON does not escape itself (DEL, C1, bidirectional, lone surrogates)
  written as \\u escapes, so that the JSON still reads back as the same values.
"""
from __future__ import annotations

import csv
import io
import json
import re
import shutil

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.queries import Result, write_result
from tests.helpers import ROOT

ESC_TITLE = "Ties \x1b[2J\x1b]0;owned\x07\x1b[31m red \x9b31m \u202eevil\u202c \x00\x7f end"
HOSTILE_VALUES = ["a\x1b[31mb", "c\x9bd\x85e", "f\u202eg\u2066h\u200f", "i\tj\nk\rl", "m\x00n\x7fo", "p\ud800q",
                  "plain é 中文 \\x1b"]
# what may never reach a terminal raw
TERMINAL_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# what may never reach a file raw (tab, newline and return are quoted by CSV)
FILE_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def _result() -> Result:
    return Result(["value", "n"], [[value, str(i)] for i, value in enumerate(HOSTILE_VALUES)])


def _written(fmt: str, terminal: bool = False) -> str:
    out = io.StringIO()
    write_result(_result(), fmt, out, terminal=terminal)
    return out.getvalue()


def test_the_table_shows_every_control_character_as_an_escape():
    text = _written("table")
    lines = text.splitlines()
    assert len(lines) == len(HOSTILE_VALUES) + 3  # header, rule, rows, count: no row broken in two
    assert not any(TERMINAL_UNSAFE.search(line) for line in lines)
    assert "a\\x1b[31mb" in text and "c\\x9bd\\x85e" in text and "f\\u202eg\\u2066h\\u200f" in text
    assert "i\\tj\\nk\\rl" in text and "m\\x00n\\x7fo" in text and "p\\ud800q" in text
    assert "plain é 中文 \\x1b" in text


@pytest.mark.parametrize("fmt,delimiter", [("csv", ","), ("tsv", "\t")])
def test_csv_in_a_file_keeps_the_text_and_escapes_only_controls(fmt, delimiter):
    text = _written(fmt)
    assert not FILE_UNSAFE.search(text)
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    values = [row[0] for row in rows[1:]]
    assert values == ["a\\x1b[31mb", "c\\x9bd\\x85e", "f\u202eg\u2066h\u200f", "i\tj\nk\rl", "m\\x00n\\x7fo",
                      "p\\ud800q", "plain é 中文 \\x1b"]


@pytest.mark.parametrize("fmt,delimiter", [("csv", ","), ("tsv", "\t")])
def test_csv_on_a_terminal_is_escaped_like_the_table(fmt, delimiter):
    text = _written(fmt, terminal=True)
    assert len(text.splitlines()) == len(HOSTILE_VALUES) + 1  # one line a row: nothing to quote
    fields = [field for row in csv.reader(io.StringIO(text), delimiter=delimiter) for field in row]
    assert not any(TERMINAL_UNSAFE.search(field) for field in fields)
    for value in ("a\\x1b[31mb", "f\\u202eg\\u2066h\\u200f", "i\\tj\\nk\\rl"):
        assert value in fields


@pytest.mark.parametrize("terminal", [False, True])
def test_json_reads_back_as_the_same_values(terminal):
    text = _written("json", terminal=terminal)
    assert not TERMINAL_UNSAFE.search(text.replace("\n", ""))
    assert [row["value"] for row in json.loads(text)] == HOSTILE_VALUES


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory):
    """The seed about Austin's visit to Cambodia, its title full of control characters."""
    folder = tmp_path_factory.mktemp("hostile-title")
    articles = folder / "news"
    articles.mkdir()
    seed = "000_4182529e3da3c08d"
    shutil.copy(ROOT / "seeds" / f"{seed}.txt", articles / f"{seed}.txt")
    meta = json.loads((ROOT / "seeds" / f"{seed}.meta.json").read_text(encoding="utf-8"))
    meta["title"] = ESC_TITLE
    (articles / f"{seed}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    store = folder / "store"
    built = CliRunner().invoke(cli, ["build", str(articles), "--store", str(store), "--no-progress"])
    assert built.exit_code == 0, built.output
    return store


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json"])
def test_kg_query_never_writes_a_raw_escape(hostile_store, fmt):
    result = CliRunner().invoke(cli, ["query", "bilateral-timeline", "-p", "a=KHM", "-p", "b=USA", "--format", fmt,
                                      "--store", str(hostile_store)])
    assert result.exit_code == 0, result.output
    assert "Ties" in result.stdout  # the title is there, escaped
    assert not FILE_UNSAFE.search(result.stdout)
    if fmt == "table":
        assert not TERMINAL_UNSAFE.search(result.stdout.replace("\n", ""))
    if fmt == "json":
        assert {row["headline"] for row in json.loads(result.stdout)} == {ESC_TITLE}


def test_error_messages_show_control_characters_as_escapes(tmp_path):
    missing = tmp_path / "x\x1b[31m\u202e.txt"
    result = CliRunner().invoke(cli, ["build", str(missing), "--store", str(tmp_path / "store")])
    assert result.exit_code == 1
    assert "Error:" in result.stderr and "\\x1b[31m\\u202e.txt" in result.stderr
    assert not TERMINAL_UNSAFE.search(result.stderr.replace("\n", ""))
