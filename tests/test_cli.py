"""The command line: help for every command, version, and a README that matches --help."""
from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner

from kg import __version__
from kg.cli import cli
from tests.helpers import ROOT

COMMANDS = sorted(cli.commands)


def test_version():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_group_help(flag):
    result = CliRunner().invoke(cli, [flag])
    assert result.exit_code == 0
    for name in COMMANDS:
        assert name in result.output


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_a_summary_and_an_example(name):
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0
    assert cli.commands[name].help and "Example:" in result.output


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_in_the_readme(name):
    assert f"### `kg {name}`" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_cli_reference_matches_help():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "readme_cli.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_python_dash_m_kg_works():
    result = subprocess.run([sys.executable, "-m", "kg", "--version"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0 and __version__ in result.stdout


def test_a_library_error_is_a_message_not_a_traceback(tmp_path):
    result = CliRunner().invoke(cli, ["query", "no-such-query", "--store", str(tmp_path / "s")])
    assert result.exit_code != 0
    assert "Error:" in result.output and "Traceback" not in result.output
