"""Paging: the table shows a page and says how to get the rest; csv, tsv and json stream every row."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.queries import DEFAULT_PAGE, Page, QueryError, get_query, page_local, page_rows, run_local


def _kg(seed_store, *args):
    return CliRunner().invoke(cli, ["query", *args, "--store", str(seed_store.location)])


@pytest.fixture(scope="module")
def roles_rows(seed_store):
    """The roles query on the seeds holds more rows than a page (the dictionary's tenures)."""
    rows = run_local(seed_store, get_query("roles"), {}).rows
    assert len(rows) > 2 * DEFAULT_PAGE
    return rows


def _table_body(output: str) -> list[str]:
    lines = output.rstrip("\n").split("\n")
    return lines[2:-1]  # between the header (and its rule) and the footer


def test_table_shows_the_first_page_and_says_how_to_get_more(seed_store, roles_rows):
    result = _kg(seed_store, "roles")
    assert result.exit_code == 0, result.output
    assert len(_table_body(result.output)) == DEFAULT_PAGE
    total = len(roles_rows)
    assert result.output.rstrip().split("\n")[-1] == (
        f"(rows 1-100 of {total:,}: --offset 100 for the next page, --limit N for N rows a page, "
        f"--all for every row)")


def test_offset_and_limit_choose_the_page(seed_store, roles_rows):
    result = _kg(seed_store, "roles", "--offset", "100", "--limit", "7")
    assert result.exit_code == 0, result.output
    body = _table_body(result.output)
    assert len(body) == 7
    assert body[0].startswith(roles_rows[100][0].replace("https://w3id.org/dipkg/id/", ""))
    assert f"(rows 101-107 of {len(roles_rows):,}: --offset 107 for the next page" in result.output


def test_all_shows_every_row(seed_store, roles_rows):
    result = _kg(seed_store, "roles", "--all")
    assert result.exit_code == 0
    assert len(_table_body(result.output)) == len(roles_rows)
    assert result.output.rstrip().endswith(f"({len(roles_rows)} rows)")


def test_a_small_result_keeps_its_plain_count(seed_store):
    result = _kg(seed_store, "bilateral-timeline", "-p", "a=KHM", "-p", "b=USA")
    assert result.exit_code == 0
    assert result.output.rstrip().endswith("(7 rows)")


def test_an_offset_past_the_end_says_so(seed_store, roles_rows):
    result = _kg(seed_store, "roles", "--offset", "100000")
    assert result.exit_code == 0
    assert f"(no rows from offset 100000; the result has {len(roles_rows):,} rows)" in result.output


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json"])
def test_files_stream_every_row(seed_store, roles_rows, fmt):
    result = _kg(seed_store, "roles", "--format", fmt)
    assert result.exit_code == 0
    if fmt == "json":
        assert len(json.loads(result.output)) == len(roles_rows)
    else:
        read = list(csv.reader(io.StringIO(result.output), delimiter="," if fmt == "csv" else "\t"))
        assert len(read) == len(roles_rows) + 1


def test_interactions_csv_keeps_its_columns_and_rows(seed_store):
    """The scorer reads `kg query interactions --format csv`: same header, every row, no footer."""
    result = _kg(seed_store, "interactions", "--format", "csv")
    read = list(csv.reader(io.StringIO(result.output)))
    assert read[0] == ["event", "type", "status", "date", "end_date", "place", "place_country", "participant",
                       "participant_name", "participant_country", "participant_role", "article_id", "interaction"]
    assert len(read) - 1 == len(run_local(seed_store, get_query("interactions"), {}).rows)


def test_csv_pages_when_asked(seed_store, roles_rows):
    result = _kg(seed_store, "roles", "--format", "csv", "--offset", "5", "--limit", "3")
    read = list(csv.reader(io.StringIO(result.output)))
    assert len(read) == 4 and read[1][0] == roles_rows[5][0]


@pytest.mark.parametrize("args, message", [
    (["--all", "--limit", "5"], "--all shows every row: give it without --limit and --offset"),
    (["--all", "--offset", "5"], "--all shows every row"),
    (["--limit", "0"], "Invalid value for '--limit'"),
    (["--offset", "-1"], "Invalid value for '--offset'"),
    (["--limit", "many"], "Invalid value for '--limit'"),
])
def test_bad_paging_is_a_usage_error(seed_store, args, message):
    result = _kg(seed_store, "roles", *args)
    assert result.exit_code == 2
    assert message in result.output


def test_page_local_equals_a_slice_of_every_row(seed_store, roles_rows):
    page = page_local(seed_store, get_query("roles"), {}, offset=250, limit=40)
    assert page.rows == roles_rows[250:290] and page.total == len(roles_rows)
    assert page.next_offset == 290
    last = page_local(seed_store, get_query("roles"), {}, offset=len(roles_rows) - 3, limit=40)
    assert len(last.rows) == 3 and last.next_offset is None


def test_page_rows_pages_lists_and_iterators_alike():
    rows = [[str(i)] for i in range(10)]
    assert page_rows(["n"], rows, 8, 5) == Page(["n"], rows[8:], 10, 8, 5)
    assert page_rows(["n"], iter(rows), 8, 5) == Page(["n"], rows[8:], 10, 8, 5)
    with pytest.raises(QueryError, match="offset must be 0 or more"):
        page_rows(["n"], rows, -1, 5)


def test_remote_results_page_the_same(seed_store, seeded_server):
    local = _kg(seed_store, "interactions", "--limit", "4", "--offset", "2")
    remote = CliRunner().invoke(cli, ["query", "interactions", "--limit", "4", "--offset", "2",
                                      "--endpoint", seeded_server.query_url])
    assert remote.exit_code == 0, remote.output
    assert remote.output == local.output
