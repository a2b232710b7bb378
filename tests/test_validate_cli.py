"""`kg validate`: readable reports and the documented exit codes (0 conforms, 1 violations, 2 error)."""
from __future__ import annotations

import json

from click.testing import CliRunner

from kg.cli import cli
from tests.helpers import ROOT

SHAPES = ROOT / "tests" / "shapes"


def _run(*args):
    return CliRunner().invoke(cli, ["validate", *map(str, args)])


def test_valid_graph_conforms_with_exit_0():
    result = _run(SHAPES / "valid.ttl")
    assert result.exit_code == 0, result.output
    assert "Conforms: 0 violations" in result.output


def test_violations_exit_1_grouped_by_shape_and_focus():
    result = _run(SHAPES / "invalid" / "visit-missing-host.ttl")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert any(line.startswith("dsh:") for line in lines)          # the shape
    assert any(line.startswith("  dipid:") for line in lines)      # its focus node
    assert any(line.startswith("    Violation") for line in lines)  # the result
    assert "Does not conform: 1 violation" in result.output


def test_json_and_turtle_reports():
    data = json.loads(_run(SHAPES / "invalid" / "visit-missing-host.ttl", "--format", "json").output)
    assert data["conforms"] is False and data["violations"] == 1
    turtle = _run(SHAPES / "invalid" / "visit-missing-host.ttl", "--format", "turtle").output
    assert "sh:ValidationReport" in turtle


def test_malformed_rdf_and_missing_file_exit_2(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .", encoding="utf-8")
    result = _run(bad)
    assert result.exit_code == 2 and "bad.ttl" in result.output
    assert _run(tmp_path / "missing.ttl").exit_code == 2
