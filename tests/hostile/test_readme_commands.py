"""The README's commands as a newcomer pastes them: two set-up commands, then `kg` on the PATH;
a quiet install; and a clean `git status` after running the README's examples."""
from __future__ import annotations

import re
import subprocess
import tomllib

from tests.helpers import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## )", README, re.M | re.S)
    assert match, f"README has no section {title!r}"
    return match.group(1)


def _code_blocks(text: str) -> list[str]:
    return re.findall(r"^```[a-z]*\n(.*?)^```", text, re.M | re.S)


# -- the README's commands work as pasted after `make run`

def test_setup_is_two_commands():
    (block,) = _code_blocks(_section("Set up"))
    assert block.split("\n")[:-1] == ["make run", "make test"]


def test_everyday_commands_say_how_to_put_kg_on_the_path():
    block = _code_blocks(_section("Everyday use"))[0]
    commands = [line.split("#")[0].strip() for line in block.splitlines()]
    first_kg = next(i for i, c in enumerate(commands) if c.startswith("kg "))
    assert ". .venv/bin/activate" in commands[:first_kg]
    examples = README[README.index("Three example questions"):README.index("<!-- examples:begin -->")]
    assert ". .venv/bin/activate" in examples


# -- a quiet install

def test_the_license_is_an_spdx_string_with_a_setuptools_that_reads_it():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["license"] == "Apache-2.0"
    (setuptools,) = [r for r in project["build-system"]["requires"] if r.startswith("setuptools")]
    minimum = re.fullmatch(r"setuptools>=(\d+)(\.\d+)*", setuptools.replace(" ", ""))
    assert minimum and int(minimum.group(1)) >= 77  # the first setuptools that reads SPDX license strings


# -- the files the README's examples write are not left untracked

def _readme_commands() -> list[str]:
    """The kg and oxigraph commands of the README: in its code blocks and its inline code."""
    texts = [line for block in _code_blocks(README) for line in block.splitlines()]
    texts += re.findall(r"`([^`\n]+(?:\n[^`\n]+)*)`", README)
    commands = [part.strip() for text in texts for part in " ".join(text.split()).split("&&")]
    return [command for command in commands if command.startswith(("kg ", "oxigraph "))]


def _files_the_readme_writes() -> set[str]:
    found = set()
    for command in _readme_commands():
        found.update(re.findall(r"(?:\s-o|--output|>)\s*([^\s&|;]+)", command))
        found.update(folder + "/" for folder in re.findall(r"--location\s+([^\s&|;]+)", command))
    return {path for path in found if not path.startswith("/")}


def test_the_readme_examples_write_only_ignored_files():
    written = _files_the_readme_writes()
    assert {"db/", "graph.trig"} <= written
    for path in sorted(written):
        ignored = subprocess.run(["git", "check-ignore", "-q", "--no-index", path], cwd=ROOT)
        assert ignored.returncode == 0, f"{path} (written by a README example) is not in .gitignore"
