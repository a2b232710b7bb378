"""The saved queries (queries/*.rq) on the seeds, locally and through an Oxigraph server.

* every query documents itself (summary, description, columns, typed params) and its columns
  are the ones it returns;
* each query gives the rows the seeds clearly state (facts, not every column: the mapper
  still improves);
* parameters: a missing, unknown or ill-typed one is an error naming it; hostile values can
  neither change a query's meaning nor write to the store, locally or remotely;
* every query gives the same rows through `--endpoint` as on the embedded store.
"""
from __future__ import annotations

import csv
import dataclasses
import io
import json
import re

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.queries import (QueryError, format_result, get_query, run_local, run_remote, saved_queries, sparql_term,
                        stream_local, with_values_block, write_result, bind)
from tests.conftest import SEEDS

ID = "https://w3id.org/dipkg/id/"
A000, A001, A002, A003, A004 = ("000_4182529e3da3c08d", "001_a95321e87b62e11b", "002_2e7a8d01ad9f95c8",
                                "003_16495e9e8bc14986", "004_db0b3b963ab297f9")
REQUIRED_QUERIES = {"interactions", "people", "bilateral-timeline", "country-network", "who-met-whom", "roles",
                    "topics-between", "agreements", "visits", "evidence"}
# One run of every query with parameters that give rows on the seeds.
RUNS = [
    ("resolved-interactions", {}), ("resolved-interactions", {"min_reports": "1"}),
    ("interactions", {}), ("interactions", {"country": "VNM"}), ("interactions", {"article": A000}),
    ("interactions", {"country": "KHM", "from": "2024-06-01", "to": "2024-07-31"}),
    ("people", {}), ("people", {"article": A001}),
    ("bilateral-timeline", {"a": "KHM", "b": "USA"}),
    ("bilateral-timeline", {"a": "VNM", "b": "KHM", "from": "2024-01-01", "to": "2024-12-31"}),
    ("country-network", {}), ("country-network", {"country": "USA", "status": "occurred"}),
    ("who-met-whom", {}), ("who-met-whom", {"status": "any", "person": "Hun Sen"}),
    ("roles", {"country": "KHM"}), ("roles", {"date": "2024-06-04"}),
    ("roles", {"role": "prime-minister", "date": "2016-01-25"}), ("roles", {"person": "lloyd austin"}),
    ("topics-between", {"a": "KHM", "b": "USA"}), ("topics-between", {"a": "KHM", "b": "VNM"}),
    ("agreements", {}), ("agreements", {"country": "VNM"}),
    ("visits", {}), ("visits", {"country": "USA"}),
    ("evidence", {"event": f"{ID}event/{A000}/1"}), ("evidence", {"event": f"event/{A004}/1"}),
]
# Cells that list several values (GROUP_CONCAT): their order is not part of the answer.
LIST_CELLS = {"participants": "; ", "parties": "; ", "visitor": "; ", "visitor_country": "; ",
              "meeting_participants": "; ", "sources": " "}


def rows(result) -> list[dict]:
    return [dict(zip(result.columns, row)) for row in result.rows]


def run(store, name, **params) -> list[dict]:
    return rows(run_local(store, get_query(name), params))


def normal(result) -> list[tuple]:
    out = []
    for row in result.rows:
        cells = []
        for column, value in zip(result.columns, row):
            if column in LIST_CELLS and value:
                value = LIST_CELLS[column].join(sorted(value.split(LIST_CELLS[column])))
            cells.append(value)
        out.append(tuple(cells))
    return out


def local_quads(store) -> int:
    return len(list(store.quads()))


# --------------------------------------------------------------------------------------------
# the files
# --------------------------------------------------------------------------------------------

def test_the_required_queries_exist():
    assert REQUIRED_QUERIES <= set(saved_queries())


@pytest.mark.parametrize("name", sorted(saved_queries()))
def test_every_query_documents_itself(name):
    saved = get_query(name)
    assert saved.summary and saved.description and saved.columns
    text = saved.text
    for param in saved.params.values():
        assert f"?_{param.name}" in text, f"{name}: parameter {param.name} is not used"
        assert param.description
    used = {word[2:] for word in text.replace("(", " ").replace(")", " ").split() if word.startswith("?_")}
    assert used <= set(saved.params), f"{name}: undeclared parameters {used - set(saved.params)}"


@pytest.mark.parametrize("name,params", RUNS, ids=[f"{n}-{i}" for i, (n, _) in enumerate(RUNS)])
def test_every_query_returns_its_documented_columns_and_rows(seed_store, name, params):
    result = run_local(seed_store, get_query(name), params)
    assert result.columns == get_query(name).columns
    assert result.rows, f"{name} {params} gave no row on the seeds"


def test_the_queries_command_lists_every_query_and_its_parameters():
    result = CliRunner().invoke(cli, ["queries"])
    assert result.exit_code == 0
    for name, saved in saved_queries().items():
        assert f"{name}: {saved.summary}" in result.output
        for param in saved.params:
            assert f"--param {param}=" in result.output


# --------------------------------------------------------------------------------------------
# expected rows on the seeds
# --------------------------------------------------------------------------------------------

def test_interactions_with_a_country_include_the_visits_it_hosts(seed_store):
    found = run(seed_store, "interactions", country="KHM")
    assert {r["event"] for r in found} >= {f"{ID}event/{A000}/1", f"{ID}event/{A000}/2", f"{ID}event/{A003}/2"}
    meeting = {(r["participant_name"], r["participant_country"]) for r in found if r["event"] == f"{ID}event/{A000}/1"}
    assert meeting == {("Hun Sen", "KHM"), ("Lloyd James Austin III", "USA")}  # as the article writes it


def test_interactions_in_a_span_include_the_visits_that_overlap_it(seed_store):
    span = {"from": "2024-07-13", "to": "2024-07-13"}
    found = run(seed_store, "interactions", country="KHM", **span)
    assert f"{ID}event/{A003}/2" in {r["event"] for r in found}  # the 12-13 July state visit
    assert all(r["date"] <= span["to"] and (r["end_date"] or r["date"]) >= span["from"] for r in found)
    everything = run(seed_store, "interactions", country="KHM")
    assert {r["event"] for r in found} < {r["event"] for r in everything}
    undated = {r["event"] for r in run(seed_store, "interactions") if not r["date"]}
    assert not undated & {r["event"] for r in run(seed_store, "interactions", **{"from": "1900-01-01"})}


def test_people_states_the_roles_of_the_article(seed_store):
    found = {(r["name"], r["country"], r["role"]) for r in run(seed_store, "people", article=A000)}
    assert ("Hun Sen", "KHM", "Senate President") in found
    assert ("Lloyd James Austin III", "USA", "Secretary of Defense") in found


def test_bilateral_timeline_khm_usa(seed_store):
    found = run(seed_store, "bilateral-timeline", a="KHM", b="USA")
    meeting = [r for r in found if r["date"] == "2024-06-04" and r["type"] == "Meeting"]
    assert len(meeting) == 1
    assert "Hun Sen (KHM)" in meeting[0]["participants"] and "Lloyd James Austin III (USA)" in meeting[0]["participants"]
    assert meeting[0]["article_id"] == A000 and meeting[0]["place"] == "Phnom Penh"
    call = [r for r in found if r["event"] == f"{ID}event/{A001}/1"]
    assert call and call[0]["type"] == "CourtesyCall" and call[0]["date"] == "2024-04-10"
    assert {f"{ID}event/{A004}/1", f"{ID}event/{A000}/2"} <= {r["event"] for r in found}  # the two visits
    assert not [r for r in found if r["article_id"] in (A002, A003)]  # Cambodia-Vietnam only
    keys = [r["date"] or r["article_date"] for r in found]
    assert keys == sorted(keys)  # date order
    assert found == run(seed_store, "bilateral-timeline", a="usa", b="khm")  # symmetric, codes any case


def test_bilateral_timeline_from_to(seed_store):
    found = run(seed_store, "bilateral-timeline", a="KHM", b="USA", **{"from": "2024-05-01", "to": "2024-06-30"})
    assert [(r["date"], r["type"]) for r in found] == [("2024-06-04", "Meeting")]
    visits = run(seed_store, "bilateral-timeline", a="KHM", b="VNM", **{"from": "2024-07-13", "to": "2024-07-13"})
    assert f"{ID}event/{A003}/2" in {r["event"] for r in visits}  # the 12-13 July state visit overlaps


def test_country_network(seed_store):
    found = {(r["country_a"], r["country_b"], r["type"]): int(r["interactions"])
             for r in run(seed_store, "country-network")}
    assert found[("KHM", "USA", "CourtesyCall")] == 1
    assert found[("KHM", "USA", "Meeting")] >= 1
    assert found[("KHM", "VNM", "StateVisit")] == 1
    assert found[("KHM", "VNM", "VideoConference")] == 1
    assert all(a < b for a, b, _ in found)
    only_vnm = run(seed_store, "country-network", country="VNM")
    assert only_vnm and all("VNM" in (r["country_a"], r["country_b"]) for r in only_vnm)


def test_who_met_whom(seed_store):
    found = {(r["name_a"], r["name_b"]): (int(r["interactions"]), r["first_date"], r["last_date"])
             for r in run(seed_store, "who-met-whom")}
    assert found[("Hun Sen", "Lloyd James Austin III")] == (1, "2024-06-04", "2024-06-04")
    assert found[("Hun Manet", "To Lam")] == (1, "2024-07-13", "2024-07-13")
    assert found[("Sok Chenda Sophea", "Yohannes Abraham")] == (1, "2024-04-10", "2024-04-10")
    assert ("Hun Sen", "John Kerry") not in found  # only planned
    planned = {(r["name_a"], r["name_b"]) for r in run(seed_store, "who-met-whom", status="any", person="hun sen")}
    assert ("Hun Sen", "John Kerry") in planned and ("Hun Sen", "Lloyd James Austin III") in planned
    assert all("Hun Sen" in pair for pair in planned)


def test_roles_from_the_dictionary_and_the_articles(seed_store):
    austin = run(seed_store, "roles", person="Lloyd Austin")
    dictionary = [r for r in austin if r["start_date"]]
    assert [(r["role"], r["country"], r["start_date"], r["end_date"]) for r in dictionary] == [
        ("secretary-of-defense", "USA", "2021-01-22", "2025-01-20")]
    stated = [r for r in austin if r["first_attested"]]
    assert stated and stated[0]["first_attested"] == "2024-06-04" and A000 in stated[0]["sources"].split()
    manet = [r for r in run(seed_store, "roles", person="Hun Manet", role="Prime Minister") if r["first_attested"]]
    assert {A000, A003} <= set(manet[0]["sources"].split())


def test_roles_on_a_date(seed_store):
    then = {(r["name"], r["role"]) for r in run(seed_store, "roles", date="2024-06-04", country="KHM")}
    assert ("Hun Sen", "senate-president") in then  # the article of that day, and the dictionary
    assert ("Hun Manet", "prime-minister") in then
    assert ("Hun Sen", "prime-minister") not in then  # until 2023-08-22
    pm_2016 = {r["name"] for r in run(seed_store, "roles", date="2016-01-25", role="prime-minister", country="KHM")}
    assert pm_2016 == {"Hun Sen"}


def test_topics_between(seed_store):
    found = {r["topic"]: int(r["interactions"]) for r in run(seed_store, "topics-between", a="KHM", b="USA")}
    assert found[f"{ID}topic/defense"] >= 1 and found[f"{ID}topic/economy"] >= 1
    counts = [int(r["interactions"]) for r in run(seed_store, "topics-between", a="KHM", b="USA")]
    assert counts == sorted(counts, reverse=True)


def test_agreements(seed_store):
    found = run(seed_store, "agreements")
    press = [r for r in found if "information and communication" in (r["name"] or "")]
    assert len(press) == 1
    assert press[0]["date"] == "2024-07-13" and press[0]["article_id"] == A003
    assert "Vietnam News Agency (VNM)" in press[0]["parties"] and "Agence Kampuchea Presse (KHM)" in press[0]["parties"]
    everything = run_local(seed_store, get_query("agreements"), {})
    assert normal(run_local(seed_store, get_query("agreements"), {"country": "VNM"})) == normal(everything)
    assert run(seed_store, "agreements", country="USA") == []


def test_visits_and_their_meetings(seed_store):
    found = run(seed_store, "visits")
    kerry = [r for r in found if r["visit"] == f"{ID}event/{A004}/1"]
    assert {(r["visitor"], r["visitor_country"], r["host"], r["start_date"]) for r in kerry} == {
        ("John Kerry", "USA", "KHM", "2016-01-25")}
    meetings = {r["meeting"]: r["meeting_participants"] for r in kerry}
    assert "Hun Sen" in meetings[f"{ID}event/{A004}/2"] and "Hor Namhong" in meetings[f"{ID}event/{A004}/3"]
    to_lam = [r for r in found if r["visit"] == f"{ID}event/{A003}/2"]
    assert (to_lam[0]["type"], to_lam[0]["visitor"], to_lam[0]["host"], to_lam[0]["start_date"],
            to_lam[0]["end_date"]) == ("StateVisit", "To Lam", "KHM", "2024-07-12", "2024-07-13")
    assert {r["visit"] for r in run(seed_store, "visits", country="VNM")} == {f"{ID}event/{A003}/2"}


def test_evidence_gives_the_sentence_at_its_offsets(seed_store):
    from kg.articles import read_text_article
    text = read_text_article(SEEDS / f"{A000}.txt").text
    found = run(seed_store, "evidence", event=f"event/{A000}/1")
    assert found and all(r["article_id"] == A000 for r in found)
    for r in found:
        assert text[int(r["start"]):int(r["end"])] == r["sentence"]
    assert any("meeting with US Secretary of Defense Lloyd James Austin III" in r["sentence"] for r in found)
    assert found == run(seed_store, "evidence", event=f"{ID}event/{A000}/1")  # short and full IRI


# --------------------------------------------------------------------------------------------
# parameters: clear errors
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("args,needle", [
    (["bilateral-timeline", "-p", "a=KHM"], "'b'"),
    (["topics-between", "-p", "b=KHM"], "'a'"),
    (["evidence"], "'event'"),
    (["bilateral-timeline", "-p", "a=KH", "-p", "b=USA"], "'a'"),
    (["bilateral-timeline", "-p", "a=KHM", "-p", "b=USA", "-p", "from=4 June 2024"], "'from'"),
    (["roles", "-p", "date=2024-13-45"], "'date'"),
    (["evidence", "-p", "event=http://x/a b"], "'event'"),
    (["evidence", "-p", "event=http://x/a>"], "'event'"),
    (["interactions", "-p", "countries=KHM"], "'countries'"),
    (["interactions", "-p", "article=a\x00b"], "'article'"),
    (["interactions", "-p", "noequals"], "KEY=VALUE"),
])
def test_a_bad_parameter_is_a_clear_error(seed_store, args, needle):
    result = CliRunner().invoke(cli, ["query", *args, "--store", str(seed_store.location)])
    assert result.exit_code != 0
    assert "Error" in result.output and needle in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json"])
def test_query_command_formats(seed_store, fmt):
    result = CliRunner().invoke(cli, ["query", "bilateral-timeline", "-p", "a=KHM", "-p", "b=USA", "--format", fmt,
                                      "--store", str(seed_store.location)])
    assert result.exit_code == 0, result.output
    assert "2024-06-04" in result.output
    if fmt == "json":
        assert any(r["date"] == "2024-06-04" for r in json.loads(result.output))


# --------------------------------------------------------------------------------------------
# hostile parameter values
# --------------------------------------------------------------------------------------------

HOSTILE = [
    '"', "'", '\\', '\\"', '"""', "'''", "}", "{", ") }", '") } } ; DROP ALL ; SELECT * {',
    "} ; DROP ALL ; SELECT * {", '" } } ; DROP ALL ; SELECT * { "', "x\n} ; DROP ALL #",
    'x\n\\"', "x\n#", "# comment", "\\u0022) } } ; DROP ALL #", '"^^<http://x> . } DROP ALL {',
    "x\r\nINSERT DATA { <a:b> <a:b> <a:b> }", "?_article", "$_article", "\\\\\"", "KHM\" || true || \"",
]
STRING_PARAMS = [("interactions", "article"), ("people", "article"), ("who-met-whom", "person"),
                 ("roles", "role"), ("roles", "person")]
TYPED_PARAMS = [("interactions", "country"), ("interactions", "from"), ("bilateral-timeline", "from"), ("roles", "date"),
                ("evidence", "event"), ("agreements", "country"), ("country-network", "status"),
                ("who-met-whom", "status")]
HOSTILE_IRIS = ["http://x/a b", "http://x/a>", "http://x/<a>", "http://x/a} ; DROP ALL ; SELECT * {",
                "http://x/a\n#", 'http://x/"a"', "http://x/a\\u003E", "<http://x/a>", "event/x> } ; DROP ALL #"]
HARMLESS = "zzz-no-such-value"


def _with(name, param, value):
    params = {"a": "KHM", "b": "USA"} if name in ("bilateral-timeline", "topics-between") else {}
    params[param] = value
    return params


@pytest.mark.parametrize("name,param", STRING_PARAMS)
def test_hostile_strings_match_nothing_locally(seed_store, name, param):
    before = local_quads(seed_store)
    harmless = run_local(seed_store, get_query(name), _with(name, param, HARMLESS)).rows
    for value in HOSTILE:
        assert run_local(seed_store, get_query(name), _with(name, param, value)).rows == harmless, repr(value)
    assert local_quads(seed_store) == before


@pytest.mark.parametrize("name,param", TYPED_PARAMS)
def test_hostile_typed_values_are_refused(seed_store, name, param):
    for value in HOSTILE + HOSTILE_IRIS:
        with pytest.raises(QueryError, match=repr(param)):
            run_local(seed_store, get_query(name), _with(name, param, value))


def test_hostile_iris_are_refused_and_odd_legal_iris_match_nothing(seed_store):
    for value in HOSTILE_IRIS:
        with pytest.raises(QueryError, match="'event'"):
            bind(get_query("evidence"), {"event": value})
    for value in ["urn:x:DROP-ALL", "http://x/a#b?c=d&e=%7D", "event/000/1#x"]:
        assert run(seed_store, "evidence", event=value) == []


def test_two_hostile_strings_together_cannot_close_the_block(seed_store):
    """rdflib's n3() writes 'x\\n\\\\"' so that it leaves a stray quote: with a second string
    after it, the second value would become query text. The runner writes its own terms."""
    for first, second in [('x\n\\"', ') } } #'), ('x\n\\"', ' ) } ?s ?p ?o } #'), ('\\', '"'), ('"""', '"""')]:
        found = run_local(seed_store, get_query("roles"), {"person": first, "role": second}).rows
        assert found == []


@pytest.mark.parametrize("value", ['x\n\\"', '"""', "a'b\"c", "\\u0022", "tab\there", "é ü 中文 🙂", "\r\n", ""])
def test_string_terms_round_trip(value):
    from rdflib import Literal
    block = with_values_block("SELECT ?_v WHERE { }", {"v": Literal(value)})
    assert sparql_term(Literal(value)) in block
    import pyoxigraph as ox
    (solution,) = list(ox.Store().query(block))
    assert solution["_v"].value == value


# --------------------------------------------------------------------------------------------
# the same queries through an Oxigraph server
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name,params", RUNS, ids=[f"{n}-{i}" for i, (n, _) in enumerate(RUNS)])
def test_remote_rows_equal_local_rows(seed_store, seeded_server, name, params):
    local = run_local(seed_store, get_query(name), params)
    remote = run_remote(seeded_server.query_url, get_query(name), params)
    assert remote.columns == local.columns
    if "ORDER BY" in get_query(name).text:
        assert normal(remote) == normal(local)
    else:
        assert sorted(normal(remote)) == sorted(normal(local))


def test_every_query_runs_remotely(seeded_server):
    assert {name for name, _ in RUNS} == set(saved_queries())


def test_the_cli_asks_the_endpoint(seeded_server):
    result = CliRunner().invoke(cli, ["query", "bilateral-timeline", "-p", "a=KHM", "-p", "b=USA", "--format", "csv",
                                      "--endpoint", seeded_server.query_url])
    assert result.exit_code == 0, result.output
    assert "2024-06-04" in result.output and "Hun Sen (KHM)" in result.output


def test_hostile_values_cannot_change_or_write_the_remote_store(seeded_server):
    before = seeded_server.quad_count()
    for name, param in STRING_PARAMS:
        query = get_query(name)
        harmless = normal(run_remote(seeded_server.query_url, query, _with(name, param, HARMLESS)))
        for value in HOSTILE:
            assert normal(run_remote(seeded_server.query_url, query, _with(name, param, value))) == harmless, \
                (name, param, value)
    for first, second in [('x\n\\"', ') } } #'), ('x\n\\"', ' ) } ?s ?p ?o } #')]:
        assert run_remote(seeded_server.query_url, get_query("roles"),
                          {"person": first, "role": second}).rows == []
    assert seeded_server.quad_count() == before


def test_an_unreachable_query_endpoint_is_a_clear_error():
    from tests.conftest import free_port
    url = f"http://127.0.0.1:{free_port()}/query"
    result = CliRunner().invoke(cli, ["query", "interactions", "--endpoint", url])
    assert result.exit_code != 0 and url in result.output and "Traceback" not in result.output


# --------------------------------------------------------------------------------------------
# the runner
# --------------------------------------------------------------------------------------------

TRICKY = '''#+ summary: A query whose comments would fool a naive runner (WHERE { in a comment).
#+ description: Its header says copy, add, insert, delete and drop, which SPARQLWrapper took for an update.
#+ params:
#+   id: {type: string, required: true, description: an article id}
#+ columns: [n, label]
# WHERE { a comment, not the query's group
PREFIX dip: <https://w3id.org/dipkg/ontology#>
SELECT ?n ?label
WHERE {
  BIND("WHERE { in a string" AS ?label)
  { SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?article dip:articleId ?_id } } }
}
'''


@pytest.fixture
def tricky(tmp_path):
    from kg.queries import load_query
    path = tmp_path / "tricky.rq"
    path.write_text(TRICKY, encoding="utf-8")
    return load_query(path)


def test_a_sub_select_gets_the_parameters_too(seed_store, tricky):
    assert run_local(seed_store, tricky, {"id": A000}).rows == [["1", "WHERE { in a string"]]
    assert run_local(seed_store, tricky, {"id": HARMLESS}).rows == [["0", "WHERE { in a string"]]
    text = with_values_block(tricky.text, bind(tricky, {"id": A000}))
    assert text.count("VALUES (?_id)") == 2 and "# WHERE { a comment, not" in text


def test_the_remote_runner_sends_a_select_whatever_the_comments_say(seeded_server, tricky):
    assert run_remote(seeded_server.query_url, tricky, {"id": A000}).rows == [["1", "WHERE { in a string"]]


def test_an_empty_value_is_an_error_naming_the_parameter(seed_store):
    """One rule for every parameter, optional or required, whatever its type: leave it out for no filter."""
    for values in ({"a": "KHM", "b": "USA", "from": ""}, {"a": "", "b": "USA"}, {"a": "KHM", "b": " "}):
        empty = next(name for name, value in values.items() if not value.strip())
        with pytest.raises(QueryError, match=f"'{empty}' is empty"):
            run(seed_store, "bilateral-timeline", **values)
    with pytest.raises(QueryError, match="'person' is empty"):
        run(seed_store, "who-met-whom", person="")


# --------------------------------------------------------------------------------------------
# filtered plans (queries/filtered/): the rows of the query they stand in for
# --------------------------------------------------------------------------------------------

# Runs that select a plan, on the seeds and the test corpora: each branch of each plan, filters
# combined, values in any case, and values that match nothing.
PLAN_RUNS = [
    ("interactions", {"article": A000}), ("interactions", {"article": "20_havana_bolivia"}),
    ("interactions", {"country": "USA"}), ("interactions", {"country": "ind"}), ("interactions", {"country": "ZZZ"}),
    ("interactions", {"article": "04_malaysia_jordan_oic_sidelines", "country": "MYS"}),
    ("interactions", {"article": A000, "country": "VNM"}), ("interactions", {"article": HARMLESS}),
    ("interactions", {"from": "2024-07-13"}), ("interactions", {"to": "2016-12-31"}),
    ("interactions", {"from": "2024-07-13", "to": "2024-07-13"}), ("interactions", {"country": "KHM", "from": "2024-06-01"}),
    ("interactions", {"article": A003, "to": "2024-07-12"}), ("interactions", {"country": "USA", "from": "2030-01-01"}),
    ("people", {"article": A001}), ("people", {"article": "20_havana_bolivia"}), ("people", {"article": HARMLESS}),
    ("country-network", {"country": "USA"}), ("country-network", {"country": "KHM", "status": "planned"}),
    ("country-network", {"country": "IND", "status": "occurred"}), ("country-network", {"country": "ZZZ"}),
    ("who-met-whom", {"person": "Hun Sen"}), ("who-met-whom", {"person": "HUN SEN", "status": "any"}),
    ("who-met-whom", {"person": "nguyen phu trong", "status": "planned"}), ("who-met-whom", {"person": HARMLESS}),
    ("roles", {"country": "KHM"}), ("roles", {"country": "usa"}), ("roles", {"date": "2024-06-04"}),
    ("roles", {"date": "2016-01-25"}), ("roles", {"person": "lloyd austin"}), ("roles", {"person": "Hun Manet"}),
    ("roles", {"role": "prime-minister"}), ("roles", {"role": "Foreign Minister"}),
    ("roles", {"role": "foreign-minister", "country": "IND"}), ("roles", {"role": "prime-minister", "date": "2016-01-25"}),
    ("roles", {"person": "hun sen", "country": "KHM", "date": "2024-06-04"}), ("roles", {"role": HARMLESS}),
    ("visits", {"country": "KHM"}), ("visits", {"country": "VNM"}), ("visits", {"country": "USA"}),
    ("visits", {"country": "IND"}),
    ("agreements", {"country": "VNM"}), ("agreements", {"country": "KHM"}), ("agreements", {"country": "AZE"}),
]


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory):
    """The seeds, tests/corpus and tests/heldout in one store: more countries, people and roles."""
    from kg.build import build
    from kg.store import KGStore
    from tests.helpers import ROOT
    store = KGStore(tmp_path_factory.mktemp("corpus-store") / "store")
    build([str(SEEDS), str(ROOT / "tests" / "corpus"), str(ROOT / "tests" / "heldout")], store, validate=False)
    return store


def test_every_plan_uses_the_parameters_of_its_query():
    planned = {name: saved for name, saved in saved_queries().items() if saved.plans}
    assert {name for name, _ in PLAN_RUNS} == set(planned)
    for name, saved in planned.items():
        for plan in saved.plans:
            assert set(plan.when) <= set(saved.params), name
            assert set(re.findall(r"\?_(\w+)", plan.text)) <= set(saved.params), name


@pytest.mark.parametrize("name,params", PLAN_RUNS, ids=[f"{n}-{i}" for i, (n, _) in enumerate(PLAN_RUNS)])
def test_a_filtered_plan_gives_the_rows_of_its_query(corpus_store, name, params):
    query = get_query(name)
    assert query.text_for(bind(query, params)) != query.text, "the run does not select the plan"
    expected = run_local(corpus_store, dataclasses.replace(query, plans=[]), params)
    found = run_local(corpus_store, query, params)
    assert found.columns == expected.columns
    assert normal(found) == normal(expected)  # in the same order: every query here has an ORDER BY


def test_only_the_office_holder_dictionary_states_spans(corpus_store):
    """The roles plan looks for tenures spanning a date in the reference graph only: an article's
    tenure has dip:attestedOn, not schema:startDate (else roles?date would miss it)."""
    spans = corpus_store.query("""SELECT ?tenure WHERE {
        GRAPH ?g { ?tenure a <https://w3id.org/dipkg/ontology#Tenure> ; <https://schema.org/startDate> ?start }
        FILTER(?g != <https://w3id.org/dipkg/graph/reference>) } LIMIT 1""")
    assert list(spans) == []


def test_a_plan_must_name_parameters_of_its_query(tmp_path):
    from kg.queries import load_query
    (tmp_path / "filtered").mkdir()
    (tmp_path / "q.rq").write_text(TRICKY, encoding="utf-8")
    (tmp_path / "filtered" / "q.rq").write_text("#+ when: [article]\nSELECT ?n WHERE { }", encoding="utf-8")
    with pytest.raises(QueryError, match="when"):
        load_query(tmp_path / "q.rq")
    (tmp_path / "filtered" / "q.rq").write_text("#+ when: [id]\nSELECT ?n ?label WHERE { BIND(1 AS ?n) BIND(?_id AS ?label) }",
                                                encoding="utf-8")
    query = load_query(tmp_path / "q.rq")
    assert query.text_for({}) == query.text and query.text_for({"id": A000}) == query.plans[0].text


# --------------------------------------------------------------------------------------------
# scale: shared nodes are restated in every article graph
# --------------------------------------------------------------------------------------------

COPIES = 60


@pytest.fixture(scope="module")
def replicated_store(seed_store, tmp_path_factory):
    """The seeds' article graphs copied COPIES times under new article ids, sharing their people,
    countries and places as real articles do: the union default graph then holds COPIES copies
    of each shared triple, which made a join on names or labels grow with their square."""
    import pyoxigraph as ox
    from kg.store import KGStore
    store = KGStore(tmp_path_factory.mktemp("replicated") / "store")

    def renamed(term, old, new):
        if isinstance(term, ox.NamedNode) and old in term.value:
            return ox.NamedNode(term.value.replace(old, new))
        if isinstance(term, ox.Literal) and term.value == old:
            return ox.Literal(new)
        return term

    quads = []
    for quad in seed_store.quads():
        graph = quad.graph_name.value
        if not graph.startswith("https://w3id.org/dipkg/graph/article/"):
            quads.append(quad)
            continue
        old = graph.rsplit("/", 1)[1]
        for i in range(COPIES):
            new = f"{old}x{i}"
            quads.append(ox.Quad(renamed(quad.subject, old, new), quad.predicate, renamed(quad.object, old, new),
                                 ox.NamedNode(graph.replace(old, new))))
    store.store.bulk_extend(quads)
    return store


SCALE_RUNS = [("interactions", {}), ("people", {}), ("bilateral-timeline", {"a": "KHM", "b": "USA"}),
              ("country-network", {}), ("who-met-whom", {}), ("roles", {}), ("topics-between", {"a": "KHM", "b": "VNM"}),
              ("agreements", {}), ("visits", {}), ("evidence", {"event": f"event/{A000}/1"})]


@pytest.mark.parametrize("name,params", SCALE_RUNS, ids=[n for n, _ in SCALE_RUNS])
def test_queries_scale_with_the_number_of_articles(seed_store, replicated_store, name, params):
    import time
    if name == "evidence":
        params = {"event": f"event/{A000}x7/1"}
    started = time.perf_counter()
    big = run_local(replicated_store, get_query(name), params)
    elapsed = time.perf_counter() - started
    assert elapsed < 5, f"{name} took {elapsed:.1f} s on {5 * COPIES} articles"  # 0.03-0.25 s measured
    small = run_local(seed_store, get_query(name), {"event": f"event/{A000}/1"} if name == "evidence" else params)
    per_article = {"interactions", "people", "bilateral-timeline", "agreements", "visits"}
    expected = len(small.rows) * COPIES if name in per_article else len(small.rows)
    assert len(big.rows) == expected
    if "interactions" in big.columns and name != "interactions":  # counts grow with the copies
        column = big.columns.index("interactions")
        assert sorted(int(r[column]) for r in big.rows) == sorted(int(r[column]) * COPIES for r in small.rows)


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json"])
def test_kg_query_writes_rows_as_they_come_in_the_layout_of_the_whole_list(seed_store, fmt):
    """`kg query` streams (memory flat in the rows); the text is what formatting the list gives."""
    streamed = stream_local(seed_store, get_query("interactions"), {})
    assert not isinstance(streamed.rows, list)
    first = next(iter(streamed.rows))  # a row is made when it is read
    listed = run_local(seed_store, get_query("interactions"), {})
    assert first == listed.rows[0]
    if fmt == "json":
        expected = json.dumps([dict(zip(listed.columns, r)) for r in listed.rows], indent=2, ensure_ascii=False) + "\n"
    else:
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerows([listed.columns] + [["" if v is None else v for v in r] for r in listed.rows])
        expected = buffer.getvalue()
    out = io.StringIO()
    write_result(stream_local(seed_store, get_query("interactions"), {}), fmt, out)
    assert out.getvalue() == expected
    assert format_result(listed, fmt) == expected
    nothing = stream_local(seed_store, get_query("interactions"), {"article": "no-such-article"})
    empty = io.StringIO()
    write_result(nothing, fmt, empty)
    assert empty.getvalue() == ("[]\n" if fmt == "json" else expected.splitlines(keepends=True)[0])


def test_csv_in_a_file_escapes_each_value_as_before():
    """The file's escapes are applied to the written text at once: the same bytes as escaping each
    value before writing (none of the escaped characters is one CSV quotes or separates with)."""
    from kg.controls import for_file
    from kg.queries import Result, iter_result
    values = ["plain", 'a "quoted", value', "line\nbreak", "tab\there", "ret\rurn", "esc\x1b[31m", "c1\x85\x9b",
              "bell\x07", "del\x7f", "rtl\u202eevil", "lone\ud800", None, ""]
    rows = [values, list(reversed(values))]
    for fmt, delimiter in (("csv", ","), ("tsv", "\t")):
        expected = io.StringIO()
        writer = csv.writer(expected, delimiter=delimiter, lineterminator="\n")
        writer.writerow([f"c{i}" for i in range(len(values))])
        writer.writerows(["" if v is None else for_file(v) for v in row] for row in rows)
        got = "".join(iter_result(Result([f"c{i}" for i in range(len(values))], iter(rows)), fmt, batch=1))
        assert got == expected.getvalue()
