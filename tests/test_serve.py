"""kg serve in-process (Starlette's TestClient): every page answers, pages and errors as kg query does,
the SPARQL protocol answers queries and refuses updates. The browser tests (test_browser.py) look at
what a person sees."""
from __future__ import annotations

import csv
import io
import re

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.queries import get_query, run_local, saved_queries

from starlette.testclient import TestClient

from kg.web.app import make_app


@pytest.fixture(scope="module")
def client(workbench_store):
    return TestClient(make_app(workbench_store.location))


def test_home_lists_every_saved_query(client):
    page = client.get("/")
    assert page.status_code == 200
    for name in saved_queries():
        assert f'href="/queries/{name}"' in page.text


@pytest.mark.parametrize("name", sorted(saved_queries()))
def test_every_saved_query_has_a_page_and_an_api(client, workbench_store, name):
    query = get_query(name)
    values = {"a": "KHM", "b": "USA"} if "a" in query.params else {}
    if "event" in query.params:
        values = {"event": "event/000_4182529e3da3c08d/1"}
    page = client.get(f"/queries/{name}", params=values)
    assert page.status_code == 200, page.text
    api = client.get(f"/api/queries/{name}", params=values).json()
    expected = run_local(workbench_store, query, values).rows
    assert api["total"] == len(expected) and api["columns"] == query.columns
    assert [list(r.values()) for r in api["rows"]] == expected[:100]


def test_the_api_pages_and_sorts(client, workbench_store):
    every = run_local(workbench_store, get_query("interactions"), {}).rows
    assert len(every) > 30
    page = client.get("/api/queries/interactions", params={"offset": 10, "limit": 7}).json()
    assert [list(r.values()) for r in page["rows"]] == every[10:17]
    assert page["next_offset"] == 17 and page["total"] == len(every)
    ordered = client.get("/api/queries/interactions", params={"sort": "date", "desc": "1", "limit": 1000}).json()
    dates = [r["date"] for r in ordered["rows"] if r["date"]]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize("params, message, status", [
    ({"a": "KHMX", "b": "USA"}, "parameter 'a' must be an ISO 3166-1 alpha-3 code such as KHM, not 'KHMX'", 400),
    ({"a": "KHM"}, "query 'bilateral-timeline' needs parameter 'b' (country): pass --param b=...", 400),
    ({"a": "KHM", "b": "USA", "nope": "1"}, "query 'bilateral-timeline' has no parameter 'nope'", 400),
    ({"a": "KHM", "b": "USA", "limit": "0"}, "limit must be between 1 and 10,000, not 0", 400),
    ({"a": "KHM", "b": "USA", "offset": "x"}, "offset must be a whole number, not 'x'", 400),
    ({"a": "KHM", "b": "USA", "sort": "nothing"}, "no column 'nothing' to sort by", 400),
])
def test_bad_parameters_are_the_errors_of_kg_query(client, params, message, status):
    answer = client.get("/api/queries/bilateral-timeline", params=params)
    assert answer.status_code == status
    assert message in answer.json()["error"]
    page = client.get("/queries/bilateral-timeline", params=params)  # the form shows the error (a page: 200)
    assert page.status_code == 200 and f'id="error">Error: {message}'.replace("'", "&#39;") in page.text


def test_the_api_refuses_an_empty_value_as_kg_query_does(client, workbench_store):
    answer = client.get("/api/queries/interactions", params={"from": ""})
    cli_answer = CliRunner().invoke(cli, ["query", "interactions", "-p", "from=", "--store",
                                          str(workbench_store.location)])
    assert answer.status_code == 400 and cli_answer.exit_code == 1
    assert "Error: " + answer.json()["error"] in cli_answer.output


def test_the_form_leaves_empty_fields_out(client):
    assert client.get("/queries/interactions", params={"country": "", "from": "", "to": "", "article": ""}).status_code == 200


def test_downloads_are_every_row(client, workbench_store):
    every = run_local(workbench_store, get_query("interactions"), {"country": "KHM"}).rows
    text = client.get("/queries/interactions/download.csv", params={"country": "KHM"}).text
    read = list(csv.reader(io.StringIO(text)))
    assert read[0] == get_query("interactions").columns and read[1:] == [[v or "" for v in r] for r in every]
    as_json = client.get("/queries/interactions/download.json", params={"country": "KHM"}).json()
    assert len(as_json) == len(every)
    trig = client.get("/queries/interactions/download.trig", params={"country": "KHM"})
    assert trig.status_code == 200 and "dip:status dip:occurred" in trig.text
    import pyoxigraph as ox
    quads = list(ox.parse(trig.content, format=ox.RdfFormat.TRIG))
    subjects = {q.subject.value for q in quads}
    assert {r[0] for r in every} <= subjects  # every event of the rows is described


def test_interaction_page_shows_roles_topics_and_the_evidence_at_its_offsets(client, workbench_store):
    page = client.get("/interaction/event/000_4182529e3da3c08d/1")
    assert page.status_code == 200
    assert "Senate President" in page.text and "Secretary of Defense" in page.text
    evidence = run_local(workbench_store, get_query("evidence"), {"event": "event/000_4182529e3da3c08d/1"}).rows
    marks = re.findall(r'<mark class="evidence">(.*?)</mark>', page.text, re.S)
    from html import unescape
    assert [unescape(m) for m in marks] == [row[6] for row in evidence]
    assert "Resolved interaction" in page.text


def test_person_country_network_timeline(client):
    person = client.get("/person/hun-sen")
    assert person.status_code == 200 and "Prime Minister" in person.text and "Senate President" in person.text
    assert client.get("/person", params={"name": "HUN SEN"}, follow_redirects=False).headers["location"] == \
        "/person/hun-sen"
    country = client.get("/country/KHM")
    assert country.status_code == 200 and 'href="/country/USA"' in country.text
    network = client.get("/api/network").json()
    assert {"KHM", "USA", "VNM"} <= {n["id"] for n in network["nodes"]}
    edge = client.get("/api/network/edge", params={"a": "KHM", "b": "USA"}).json()
    assert edge["interactions"] >= 1 and all("KHM" in r["countries"] and "USA" in r["countries"]
                                              for r in edge["reports"])
    days = [r["day"] for r in client.get("/api/timeline", params={"a": "KHM", "b": "USA"}).json()]
    assert days == sorted(days)


@pytest.mark.parametrize("url, status, message", [
    ("/network?from=2024-13-01", 400, "from must be a date as YYYY-MM-DD"),
    ("/network?type=Party", 400, "type must be one of Meeting"),
    ("/network?level=planet", 400, "level must be country or person"),
    ("/timeline?a=KHM&b=ZZZ", 400, "b must be an ISO 3166-1 alpha-3 country code"),
    ("/country/ZZZ", 404, "no country with the ISO 3166-1 alpha-3 code"),
    ("/interaction/event/none/1", 404, "the store holds no event event/none/1"),
    ("/interaction/somewhere", 404, "no interaction"),
    ("/queries/nothing", 404, "no saved query named"),
    ("/person/nobody-at-all", 404, "the store knows no person"),
    ("/api/network/edge?a=KHM", 400, "give both ends of the edge"),
])
def test_bad_input_is_a_clear_error(client, url, status, message):
    answer = client.get(url)
    assert answer.status_code == status
    assert message in (answer.json()["error"] if url.startswith("/api/") else answer.text.replace("&#39;", "'"))


def test_sparql_protocol_answers_queries(client):
    text = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?e a <https://w3id.org/dipkg/ontology#Meeting> } }"
    get = client.get("/sparql", params={"query": text}, headers={"Accept": "application/sparql-results+json"})
    assert get.status_code == 200 and get.headers["content-type"].startswith("application/sparql-results+json")
    n = int(get.json()["results"]["bindings"][0]["n"]["value"])
    assert n > 0
    post = client.post("/sparql", content=text, headers={"Content-Type": "application/sparql-query",
                                                          "Accept": "text/csv"})
    assert post.status_code == 200 and post.text.splitlines()[1] == str(n)
    form = client.post("/sparql", data={"query": text})
    assert form.status_code == 200 and form.json()["results"]["bindings"][0]["n"]["value"] == str(n)
    ask = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
    assert ask.json()["boolean"] is True
    construct = client.get("/sparql", params={"query": "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 3"},
                           headers={"Accept": "application/n-triples"})
    assert construct.status_code == 200 and len(construct.text.strip().splitlines()) == 3


@pytest.mark.parametrize("request_kwargs", [
    {"method": "GET", "url": "/sparql", "params": {"update": "DROP ALL"}},
    {"method": "POST", "url": "/sparql", "content": "DROP ALL",
     "headers": {"Content-Type": "application/sparql-update"}},
    {"method": "POST", "url": "/sparql", "data": {"update": "CLEAR ALL"}},
    {"method": "GET", "url": "/sparql", "params": {"query": "DELETE WHERE { ?s ?p ?o }"}},
])
def test_sparql_refuses_updates(client, workbench_store, request_kwargs):
    before = len(run_local(workbench_store, get_query("interactions"), {}).rows)
    answer = client.request(**request_kwargs)
    assert answer.status_code == 403 and "updates are refused" in answer.text
    assert len(run_local(workbench_store, get_query("interactions"), {}).rows) == before


def test_sparql_bad_query_and_accept(client):
    bad = client.get("/sparql", params={"query": "SELEC nothing"})
    assert bad.status_code == 400 and "not valid SPARQL" in bad.text
    assert client.get("/sparql", params={"query": "ASK {}"}, headers={"Accept": "image/png"}).status_code == 406
    page = client.get("/sparql/ui", params={"query": "SELECT ?s WHERE { ?s ?p ?o } LIMIT 5"})
    assert page.status_code == 200 and page.text.count("<tr>") == 6


def test_the_pages_load_nothing_from_other_hosts(client):
    for url in ["/", "/network", "/timeline?a=KHM&b=USA", "/queries/interactions", "/sparql/ui",
                "/interaction/event/000_4182529e3da3c08d/1", "/country/KHM", "/person/hun-sen"]:
        text = client.get(url).text
        for src in re.findall(r'(?:src|href)="([^"]+)"', text):
            if src.startswith(("http://", "https://", "//")):
                # only links a person follows (an article's own URL), never a script, style or font
                assert not re.search(rf'<(script|link)[^>]+(src|href)="{re.escape(src)}"', text), (url, src)


def test_serve_refuses_a_folder_that_is_no_store(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--store", str(tmp_path)])
    assert result.exit_code == 1 and "is not a kg store" in result.output


def test_a_resolved_interaction_without_a_place_names_none(client):
    """(an unbound place once matched every name in the store)"""
    page = client.get("/interaction/interaction/004_db0b3b963ab297f9/1")
    assert page.status_code == 200
    heading = re.search(r"<h1>(.*?)</h1>", page.text, re.S).group(1)
    assert " in " not in re.sub(r"<[^>]+>", "", heading)


def test_the_whole_networks_are_made_when_the_facts_are_read(workbench_store, monkeypatch):
    """The whole network of countries and of people (the page a person opens first, 1.3 s at 100,000
    articles when made per request) is made once with the facts, and a kept network is the one the
    events give."""
    from kg.web import facts as facts_module
    facts = facts_module.Facts(workbench_store)
    made = {level: facts.network(level, facts_module.Filters()) for level in ("country", "person")}
    calls = []
    monkeypatch.setattr(facts_module.Facts, "_network", lambda self, *args: calls.append(args))
    for level in ("country", "person"):
        assert facts.network(level, facts_module.Filters()) == made[level]
    assert calls == [], "the whole networks are kept"
    assert facts.network("country", facts_module.Filters(type="PhoneCall")) is None and len(calls) == 1
    monkeypatch.undo()
    fresh = facts_module.Facts(workbench_store)
    year = facts_module.Filters(start="2024-01-01", end="2024-12-31")
    assert fresh.network("country", year) == fresh._network("country", year, 60)
    assert {"KHM", "USA", "VNM"} <= {n["id"] for n in made["country"]["nodes"]}
