"""One bad input file must never stop the others.

Each case writes the good articles and one kind of hostile file into a fresh folder, runs
`kg build` on it in a child process (bounded in time and memory) and checks: the exit code,
an error that names the file and says what is wrong with it, the good articles stored, and
nothing else in the store (the same quads as a build of the good articles alone).
"""
from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from hostile_helpers import run_kg, stored_ids, stored_quads, write_good_articles

ARTICLE = ("PHNOM PENH, March 3, 2025 -- Cambodian Foreign Minister Sok Chenda Sophea met Thai Foreign "
           "Minister Maris Sangiampongsa in Phnom Penh on Monday to discuss border trade.\n")
DEEP = 100_000  # levels of JSON nesting: far past Python's recursion limit


def _lone_surrogate_in_sidecar(folder: Path):
    (folder / "surrogate.txt").write_text(ARTICLE, encoding="utf-8")
    # "\ud800" is valid JSON text, but no Unicode character: it cannot be written as UTF-8
    (folder / "surrogate.meta.json").write_text('{"id": "surrogate", "title": "Talks \\ud800 in Phnom Penh"}',
                                               encoding="utf-8")
    return [("surrogate.meta.json", "lone surrogate at offset 6")]


def _lone_surrogate_in_jsonl_text(folder: Path):
    (folder / "lines.jsonl").write_text('{"id": "jsonl-bad", "text": "Minister \\udc80 met"}\n', encoding="utf-8")
    return [("lines.jsonl:1", "lone surrogate at offset 9")]


def _deep_json_in_jsonl(folder: Path):
    (folder / "deep.jsonl").write_text("[" * DEEP + "]" * DEEP + "\n", encoding="utf-8")
    return [("deep.jsonl:1", "nested too deeply")]


def _deep_json_in_sidecar(folder: Path):
    (folder / "deep.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "deep.meta.json").write_text('{"id": "deep", "x": ' + "[" * DEEP + "]" * DEEP + "}", encoding="utf-8")
    return [("deep.meta.json", "nested too deeply")]


def _symlink_loop(folder: Path):
    (folder / "a.txt").symlink_to("b.txt")
    (folder / "b.txt").symlink_to("a.txt")
    return [("a.txt", "symbolic link loop"), ("b.txt", "symbolic link loop")]


def _fifo_text(folder: Path):
    os.mkfifo(folder / "pipe.txt")  # no writer ever opens it: reading it would wait forever
    return [("pipe.txt", "not a regular file (a named pipe)")]


def _fifo_jsonl_and_sidecar(folder: Path):
    os.mkfifo(folder / "pipe.jsonl")
    (folder / "piped.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(folder / "piped.meta.json")
    return [("pipe.jsonl", "not a regular file (a named pipe)"),
            ("piped.meta.json", "not a regular file (a named pipe)")]


def _endless_device(folder: Path):
    (folder / "zero.txt").symlink_to("/dev/zero")  # reads without end, and stat says 0 bytes
    (folder / "zero.jsonl").symlink_to("/dev/zero")
    (folder / "zeroed.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "zeroed.meta.json").symlink_to("/dev/zero")
    return [("zero.txt", "not a regular file (a character device)"),
            ("zero.jsonl", "not a regular file (a character device)"),
            ("zeroed.meta.json", "not a regular file (a character device)")]


def _jsonl_line_without_end(folder: Path):
    # A regular file, one line longer than any article can be: read in bounded pieces, not whole.
    from kg.articles import MAX_FILE_BYTES
    with (folder / "long.jsonl").open("wb") as out:
        out.write(b'{"id": "long", "text": "' + b"a" * (MAX_FILE_BYTES + 10) + b'"}\n')
    return [("long.jsonl:1", "too long")]


def _file_name_not_utf8(folder: Path):
    # A name the file system holds as bytes that are not UTF-8: Python sees lone surrogates in it.
    name = os.fsdecode(b"caf\xe9.txt")
    (folder / name).write_text(ARTICLE, encoding="utf-8")
    return [("caf", "is not usable")]


def _huge_number_in_sidecar(folder: Path):
    (folder / "number.txt").write_text(ARTICLE, encoding="utf-8")
    # valid JSON, but more digits than Python turns into an int (a ValueError, not a JSONDecodeError)
    (folder / "number.meta.json").write_text('{"id": "number", "views": ' + "9" * 5000 + "}", encoding="utf-8")
    return [("number.meta.json", "not usable JSON")]


CASES = {
    "lone surrogate in a sidecar": _lone_surrogate_in_sidecar,
    "lone surrogate in a JSON Lines text": _lone_surrogate_in_jsonl_text,
    "JSON nested 100,000 deep in JSON Lines": _deep_json_in_jsonl,
    "JSON nested 100,000 deep in a sidecar": _deep_json_in_sidecar,
    "symlink loop": _symlink_loop,
    "FIFO named .txt": _fifo_text,
    "FIFO .jsonl and sidecar": _fifo_jsonl_and_sidecar,
    "links to /dev/zero": _endless_device,
    "JSON Lines line without end": _jsonl_line_without_end,
    "file name not UTF-8": _file_name_not_utf8,
    "a number of 5,000 digits": _huge_number_in_sidecar,
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_hostile_file_gets_an_error_and_the_others_go_through(case, tmp_path, good_quads):
    folder = tmp_path / "in"
    write_good_articles(folder)
    expected = CASES[case](folder)
    run = run_kg("build", str(folder), "--store", str(tmp_path / "store"), "--no-progress")
    assert "Traceback" not in run.stderr, run.stderr
    assert run.returncode == 1, run.stdout + run.stderr
    for file_name, problem in expected:
        assert any(file_name in line and problem in line for line in run.errors), (file_name, problem, run.stderr)
    assert len(run.errors) == len(expected), run.stderr
    assert "mapped 2," in run.stdout, run.stdout
    assert stored_quads(tmp_path / "store") == good_quads  # the good articles, and nothing else
    assert run.seconds < 30


def test_the_good_lines_of_a_hostile_jsonl_file_go_through(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    good = lambda article_id: json.dumps({"id": article_id, "text": ARTICLE}).encode() + b"\n"
    _lone_surrogate_in_jsonl_text(folder)
    (folder / "lines.jsonl").write_bytes(good("jsonl-good") + (folder / "lines.jsonl").read_bytes())
    _jsonl_line_without_end(folder)
    with (folder / "long.jsonl").open("ab") as out:
        out.write(good("after-long"))
    run = run_kg("build", str(folder), "--store", str(tmp_path / "store"), "--no-progress")
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
    assert len(run.errors) == 2, run.stderr
    assert "mapped 2," in run.stdout, run.stdout
    assert stored_ids(tmp_path / "store") == {"jsonl-good", "after-long"}


def test_a_folder_says_what_it_skipped_and_why(tmp_path):
    folder = tmp_path / "in"
    good = write_good_articles(folder)
    (folder / "SHOUTED.TXT").write_text(ARTICLE, encoding="utf-8")  # text, whatever the case of its suffix
    (folder / "Mixed.Txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    (folder / "README").write_text("what this folder holds", encoding="utf-8")
    (folder / "lonely.meta.json").write_text("{}", encoding="utf-8")
    (folder / "up").symlink_to(tmp_path, target_is_directory=True)  # a link back up: never followed
    run = run_kg("build", str(folder), "--store", str(tmp_path / "store"), "--no-progress")
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    skipped = [line for line in run.stderr.splitlines() if line.startswith("skipped: ")]
    expected = [("notes.pdf", "unsupported file type .pdf"), ("README", "unsupported file type (none)"),
                ("lonely.meta.json", "a sidecar without its article"), ("up", "a link to a folder: not followed")]
    for name, reason in expected:
        assert any(f"{folder / name}: {reason}" in line for line in skipped), (name, run.stderr)
    assert len(skipped) == len(expected) and not run.errors, run.stderr
    assert stored_ids(tmp_path / "store") == set(good) | {"SHOUTED", "Mixed"}
    assert run.seconds < 30


def test_a_folder_that_cannot_be_read_is_an_error_and_the_rest_goes_through(tmp_path, monkeypatch):
    from kg.cli import cli
    folder = tmp_path / "in"
    good = write_good_articles(folder)
    locked = folder / "locked"
    locked.mkdir()
    (locked / "hidden.txt").write_text(ARTICLE, encoding="utf-8")
    locked.chmod(0)
    if os.access(locked, os.R_OK):  # (root reads any folder: it is refused here as it would be to others)
        scandir = os.scandir

        def refusing_scandir(path="."):
            if Path(path) == locked:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
            return scandir(path)
        monkeypatch.setattr(os, "scandir", refusing_scandir)
    try:
        result = CliRunner().invoke(cli, ["build", str(folder), "--store", str(tmp_path / "store"), "--no-progress"])
    finally:
        locked.chmod(0o755)
    assert result.exit_code == 1, result.output
    assert f"Error: {locked}: cannot read folder (Permission denied)" in result.output
    assert stored_ids(tmp_path / "store") == set(good)


def test_a_line_longer_than_the_limit_is_an_error_and_the_next_lines_are_read(tmp_path):
    from kg.articles import InputError, jsonl_lines
    path = tmp_path / "lines.jsonl"
    path.write_bytes(b'{"first": 1}\n' + b"x" * 5000 + b"\n" + b'{"third": 3}\n')
    found = list(jsonl_lines(path, limit=100))  # (read in pieces of 100 bytes and more)
    assert [number for number, _ in found] == [1, 2, 3]
    assert isinstance(found[1][1], InputError) and "line is too long" in found[1][1].problem
    assert found[2][1] == b'{"third": 3}\n'


def test_a_reader_that_fails_unexpectedly_on_one_article_stops_only_that_one(tmp_path, monkeypatch):
    from kg import articles
    from kg.cli import cli
    folder = tmp_path / "in"
    good = write_good_articles(folder)
    (folder / "odd.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "odd.jsonl").write_text(json.dumps({"id": "odd-line", "text": ARTICLE}) + "\n", encoding="utf-8")
    make_article = articles._make_article

    def failing(meta, text, source, default_id):
        if "odd" in source:
            raise RuntimeError("a bug in a reader")
        return make_article(meta, text, source, default_id)
    monkeypatch.setattr(articles, "_make_article", failing)
    result = CliRunner().invoke(cli, ["build", str(folder), "--store", str(tmp_path / "store"), "--no-progress"])
    assert result.exit_code == 1, result.output
    assert f"{folder / 'odd.txt'}: cannot be read (unexpected RuntimeError: a bug in a reader" in result.output
    assert f"{folder / 'odd.jsonl'}:1: cannot be read (unexpected RuntimeError" in result.output
    assert stored_ids(tmp_path / "store") == set(good)
