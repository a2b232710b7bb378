"""One rule for every query parameter: an empty value is an error naming the parameter, and a
value outside an enumerated parameter's values is an error listing them (not 0 rows)."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from kg.cli import cli


def kg(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture(scope="module")
def store_dir(seed_store):
    return seed_store.location


@pytest.mark.parametrize("name,params", [
    ("who-met-whom", ["person="]), ("bilateral-timeline", ["a=KHM", "b=USA", "from="]),
    ("roles", ["date="]), ("interactions", ["country="]), ("who-met-whom", ["status="]),
    ("bilateral-timeline", ["a=", "b=USA"]), ("evidence", ["event="]),
])
def test_an_empty_parameter_is_an_error_naming_it(store_dir, name, params):
    args = [a for p in params for a in ("-p", p)]
    result = kg("query", name, *args, "--store", store_dir)
    empty = next(p for p in params if p.endswith("=")).rstrip("=")
    assert result.exit_code in (1, 2), result.output
    assert result.output.startswith("Error:") and repr(empty) in result.output and "empty" in result.output


@pytest.mark.parametrize("name,allowed", [("who-met-whom", ["occurred", "planned", "any"]),
                                          ("country-network", ["occurred", "planned"])])
def test_an_invalid_enumerated_value_is_an_error_listing_the_allowed_ones(store_dir, name, allowed):
    result = kg("query", name, "-p", "status=bogus", "--store", store_dir)
    assert result.exit_code in (1, 2), result.output
    assert result.output.startswith("Error:") and "'status'" in result.output and "bogus" in result.output
    assert all(value in result.output for value in allowed)
    for value in allowed:
        assert kg("query", name, "-p", f"status={value}", "--store", store_dir).exit_code == 0


def test_kg_queries_lists_the_allowed_values():
    listing = kg("queries").output
    assert "--param status=<occurred|planned|any, default occurred>" in listing
    assert "--param status=<occurred|planned>" in listing
