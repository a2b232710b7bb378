"""`kg push`: the store's graphs into a SPARQL 1.1 store with the Graph Store Protocol.

Against a real Oxigraph server: the pushed dataset equals the local one, pushing twice changes
nothing, a push cut short by a stopping server is finished by a second run, --prune drops the
graphs the store no longer has (after showing them and asking), a URL that is not the store's
Graph Store Protocol endpoint is refused before anything is pushed, and a graph the store does
not hold after the push is reported, not counted as pushed. Against a small fake store
(http.server in a thread): one keep-alive connection, bounded retries with backoff on 5xx, no
retry on 4xx, a graph the store kept only in part.
"""
from __future__ import annotations

import threading
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg import cli as cli_module
from kg import push as push_module
from kg.cli import cli
from kg.namespaces import DIP, REFERENCE_GRAPH, article_graph
from kg.push import MAX_FAILURES_IN_A_ROW, PROBE_PREFIX, Endpoints, PushError, endpoints, graph_body, push
from kg.store import KGStore
from tests.conftest import OxigraphServer, free_port

A001, A004 = "001_a95321e87b62e11b", "004_db0b3b963ab297f9"


def no_sleep(seconds: float) -> None:
    pass


def by_graph(quads) -> dict[str, list[str]]:
    graphs: dict[str, list[str]] = {}
    for q in quads:
        graphs.setdefault(str(q.graph_name), []).append(f"{q.subject} {q.predicate} {q.object}")
    return graphs


def same_dataset(server: OxigraphServer, store: KGStore) -> None:
    """Same graphs, same number of quads in each, same quads but for blank node labels."""
    remote = by_graph(ox.parse("\n".join(server.quads()).encode("utf-8"), format=ox.RdfFormat.N_QUADS))
    local = by_graph(store.quads())
    assert set(remote) == set(local)
    for graph, lines in local.items():
        assert len(remote[graph]) == len(lines), graph
        assert {line for line in remote[graph] if "_:" not in line} == {line for line in lines if "_:" not in line}


# --------------------------------------------------------------------------------------------
# a real Oxigraph server
# --------------------------------------------------------------------------------------------

def test_push_copies_every_graph(seed_store, oxigraph):
    summary = push(seed_store, endpoints(oxigraph.store_url))
    assert (summary.pushed, summary.skipped, summary.failed) == (7, 0, 0), summary.errors
    same_dataset(oxigraph, seed_store)


def test_pushing_twice_leaves_the_same_store(seed_store, oxigraph):
    targets = endpoints(oxigraph.store_url)
    push(seed_store, targets)
    before = oxigraph.quad_count()
    again = push(seed_store, targets)
    assert (again.pushed, again.skipped, again.failed) == (0, 7, 0)
    forced = push(seed_store, targets, force=True)
    assert (forced.pushed, forced.skipped, forced.failed) == (7, 0, 0)
    assert oxigraph.quad_count() == before
    same_dataset(oxigraph, seed_store)


def test_a_second_run_finishes_what_a_stopped_endpoint_left(seed_store, tmp_path):
    location = tmp_path / "oxigraph"
    server = OxigraphServer(location).start()
    pushed = []

    def stop_after_two():
        pushed.append(1)
        if len(pushed) == 2:
            server.stop()

    try:
        first = push(seed_store, endpoints(server.store_url), retries=1, sleep=no_sleep, on_progress=stop_after_two)
        # the two graphs it took cannot be confirmed by a server that has stopped: not counted as pushed
        assert (first.pushed, first.failed, first.not_attempted, len(first.unconfirmed)) == (0, 1, 4, 2)
        assert server.store_url in first.errors[0] and str(article_graph("002_2e7a8d01ad9f95c8")) in first.errors[0]
        server.start()  # the same data folder, a new port
        second = push(seed_store, endpoints(server.store_url))
        assert (second.pushed, second.skipped, second.failed) == (5, 2, 0), second.errors
        same_dataset(server, seed_store)
    finally:
        server.stop()


def test_the_hash_check_also_works_with_the_graph_store_protocol_alone(seed_store, oxigraph):
    push(seed_store, endpoints(oxigraph.store_url), reference=False)
    summary = push(seed_store, Endpoints(oxigraph.store_url, None, None))
    assert (summary.pushed, summary.skipped) == (1, 6)  # only the reference graph was missing
    same_dataset(oxigraph, seed_store)


def _smaller_store(seed_store, tmp_path, leave_out=A004) -> KGStore:
    smaller = KGStore(tmp_path / "smaller")
    smaller.store.bulk_extend(q for q in seed_store.quads() if q.graph_name.value != str(article_graph(leave_out)))
    smaller.store.flush()
    return smaller


def test_prune_drops_the_graphs_the_store_no_longer_has(seed_store, oxigraph, tmp_path):
    push(seed_store, endpoints(oxigraph.store_url))
    smaller = _smaller_store(seed_store, tmp_path)
    summary = push(smaller, endpoints(oxigraph.store_url), prune=True)
    assert (summary.pushed, summary.skipped, summary.pruned, summary.failed) == (0, 6, 1, 0), summary.errors
    same_dataset(oxigraph, smaller)


def test_the_push_command(seed_store, oxigraph):
    args = ["push", "--endpoint", oxigraph.store_url, "--store", str(seed_store.location)]
    result = CliRunner().invoke(cli, args + ["--no-progress"])
    assert result.exit_code == 0, result.output
    assert "graphs pushed: 7" in result.output and "skipped (already there): 0" in result.output
    assert "seconds:" in result.output
    result = CliRunner().invoke(cli, args + ["--progress"])
    assert result.exit_code == 0, result.output
    assert "graphs pushed: 0" in result.output and "skipped (already there): 7" in result.output


def test_an_unreachable_endpoint_is_a_clear_error(seed_store):
    url = f"http://127.0.0.1:{free_port()}/store"
    for extra in ([], ["--force"]):  # the endpoint check comes first, forced or not
        result = CliRunner().invoke(cli, ["push", "--endpoint", url, "--retries", "0", "--store",
                                          str(seed_store.location)] + extra)
        assert result.exit_code == 1 and "Traceback" not in result.output
        assert f"Error: cannot reach {url}" in result.output and "graphs pushed" not in result.output


def test_endpoints_are_derived_or_given():
    derived = endpoints("http://127.0.0.1:7878/store")
    assert (derived.query, derived.update) == ("http://127.0.0.1:7878/query", "http://127.0.0.1:7878/update")
    given = endpoints("http://h/ds/data", "http://h/ds/sparql", "http://h/ds/update")
    assert (given.query, given.update) == ("http://h/ds/sparql", "http://h/ds/update")
    assert endpoints("http://h/ds/data").query is None
    with pytest.raises(PushError, match="not an http"):
        endpoints("ftp://h/store")


def test_each_graph_sends_its_hash_last(seed_store):
    for graph in seed_store.article_graphs() + [str(REFERENCE_GRAPH)]:
        lines = graph_body(seed_store, graph).decode("utf-8").splitlines()
        assert f"<{DIP.contentHash}>" in lines[-1]
        assert len(lines) == len(list(seed_store.graph_ntriples(graph)))


def _delete_graph(server: OxigraphServer, graph: str) -> None:
    url = f"{server.store_url}?graph={urllib.request.quote(graph, safe='')}"
    urllib.request.urlopen(urllib.request.Request(url, method="DELETE"), timeout=10).close()


@pytest.mark.parametrize("path, diagnosis", [
    ("/store/", "ends with /store/"),
    ("", "is the server's root"),
    ("/query", "answers SPARQL queries, not the Graph Store Protocol"),
    ("/update", "is a SPARQL update endpoint"),
])
def test_a_url_that_is_not_the_graph_store_is_refused_before_pushing(seed_store, oxigraph, path, diagnosis):
    result = CliRunner().invoke(cli, ["push", "--endpoint", oxigraph.base + path, "--no-progress",
                                      "--store", str(seed_store.location)])
    assert result.exit_code == 1 and "Traceback" not in result.output, result.output
    assert "Error:" in result.output and diagnosis in result.output
    assert f"did you mean {oxigraph.store_url}?" in result.output
    assert "graphs pushed" not in result.output
    assert oxigraph.quads() == []  # nothing pushed, and the probe cleaned up


def test_a_query_endpoint_of_another_store_is_refused_before_pushing(seed_store, oxigraph, tmp_path):
    other = OxigraphServer(tmp_path / "other").start()
    try:
        result = CliRunner().invoke(cli, ["push", "--endpoint", oxigraph.store_url, "--query-endpoint",
                                          other.query_url, "--store", str(seed_store.location)])
    finally:
        other.stop()
    assert result.exit_code == 1 and "Error:" in result.output, result.output
    assert other.query_url in result.output and "does not see the graph" in result.output
    assert oxigraph.quads() == []


def test_the_probe_graph_is_unique_and_removed(seed_store, oxigraph, monkeypatch):
    seen = []
    real = push_module._probe_iri
    monkeypatch.setattr(push_module, "_probe_iri", lambda: seen.append(real()) or seen[-1])
    push(seed_store, endpoints(oxigraph.store_url), reference=False)
    push(seed_store, endpoints(oxigraph.store_url), reference=False)
    assert len(seen) == 2 and seen[0] != seen[1] and all(iri.startswith(PROBE_PREFIX) for iri in seen)
    assert not [line for line in oxigraph.quads() if PROBE_PREFIX in line]


def test_a_graph_the_store_lost_is_not_counted_as_pushed(seed_store, oxigraph):
    lost = str(article_graph(A001))
    calls = []

    def lose_one_at_the_end():
        calls.append(1)
        if len(calls) == 6:
            _delete_graph(oxigraph, lost)

    summary = push(seed_store, endpoints(oxigraph.store_url), on_progress=lose_one_at_the_end)
    assert (summary.pushed, summary.failed, summary.unconfirmed) == (6, 0, [lost])
    assert any(lost in e and "0 triples" in e for e in summary.errors), summary.errors


def test_the_push_command_fails_when_the_store_does_not_confirm(seed_store, oxigraph, monkeypatch):
    short = str(article_graph(A004))
    real = push_module.graph_body

    def one_triple_short(store, graph):
        body = real(store, graph)
        return body.split(b"\n", 1)[1] if graph == short else body  # as if lost on the way

    monkeypatch.setattr(push_module, "graph_body", one_triple_short)
    result = CliRunner().invoke(cli, ["push", "--endpoint", oxigraph.store_url, "--no-progress",
                                      "--store", str(seed_store.location)])
    assert result.exit_code == 1, result.output
    assert "graphs pushed: 6" in result.output and "not confirmed: 1" in result.output
    assert "Error:" in result.output and short in result.output


def test_prune_asks_first_and_refuses_without_a_terminal(seed_store, oxigraph, tmp_path, monkeypatch):
    push(seed_store, endpoints(oxigraph.store_url))
    smaller = _smaller_store(seed_store, tmp_path)
    args = ["push", "--endpoint", oxigraph.store_url, "--prune", "--no-progress", "--store", str(smaller.location)]
    del smaller  # the command opens it
    stale = str(article_graph(A004))
    still_there = lambda: any(stale in line for line in oxigraph.quads())

    no_terminal = CliRunner().invoke(cli, args)  # CliRunner's stdin is not a terminal
    assert no_terminal.exit_code == 2 and "Error:" in no_terminal.output and "--yes" in no_terminal.output
    assert still_there()

    monkeypatch.setattr(cli_module, "_stdin_is_terminal", lambda: True)
    declined = CliRunner().invoke(cli, args, input="n\n")
    assert declined.exit_code == 1 and "Error:" in declined.output, declined.output
    assert "1 graph" in declined.output and A004 in declined.output
    assert still_there()

    accepted = CliRunner().invoke(cli, args, input="y\n")
    assert accepted.exit_code == 0, accepted.output
    assert A004 in accepted.output and "pruned: 1" in accepted.output
    assert not still_there()

    push(seed_store, endpoints(oxigraph.store_url))  # the stale graph again, dropped without a question
    monkeypatch.setattr(cli_module, "_stdin_is_terminal", lambda: False)
    without_asking = CliRunner().invoke(cli, args + ["--yes"])
    assert without_asking.exit_code == 0, without_asking.output
    assert A004 in without_asking.output and "pruned: 1" in without_asking.output
    assert "[y/N]" not in without_asking.output and not still_there()


def test_prune_not_confirmed_pushes_and_drops_nothing(seed_store, oxigraph, tmp_path):
    push(seed_store, endpoints(oxigraph.store_url), reference=False)
    smaller = _smaller_store(seed_store, tmp_path)
    asked = []
    with pytest.raises(PushError, match="not confirmed"):
        push(smaller, endpoints(oxigraph.store_url), prune=True, confirm_prune=lambda graphs: asked.append(graphs))
    assert asked == [[str(article_graph(A004))]]
    assert any(str(article_graph(A004)) in line for line in oxigraph.quads())
    assert not any(str(REFERENCE_GRAPH) in line for line in oxigraph.quads())  # nothing pushed either


# --------------------------------------------------------------------------------------------
# a fake store: keep-alive, retries, backoff
# --------------------------------------------------------------------------------------------

class FakeStore:
    """A Graph Store Protocol endpoint in memory: PUT, GET and DELETE of ?graph=IRI (and GET ?default).

    `answer(graph, n)` gives the status of the n-th PUT of a graph (the endpoint check's probe
    graph is always taken); `keep(graph, body)` what the store keeps of a body it took.
    """

    def __init__(self, answer, keep=lambda graph, body: body):
        self.requests: list[tuple[str, str, int]] = []  # (method, graph, client port)
        self.graphs: dict[str, bytes] = {}
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def graph(self) -> str | None:
                return parse_qs(urlsplit(self.path).query, keep_blank_values=True).get("graph", [None])[0]

            def reply(self, status: int, body: bytes = b"") -> None:
                self.send_response(status)
                self.send_header("Content-Type", "application/n-triples" if status == 200 else "text/plain")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_PUT(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                graph = self.graph()
                fake.requests.append(("PUT", graph, self.client_address[1]))
                if graph.startswith(PROBE_PREFIX):
                    status = 201
                else:
                    status = answer(graph, sum(1 for r in fake.requests if r[:2] == ("PUT", graph)))
                if status < 300:
                    fake.graphs[graph] = keep(graph, body)
                self.reply(status, b"" if status < 400 else b"no thanks")

            def do_GET(self):
                graph = self.graph()
                fake.requests.append(("GET", graph, self.client_address[1]))
                if graph is None:
                    self.reply(200)  # the default graph: empty
                elif graph in fake.graphs:
                    self.reply(200, fake.graphs[graph])
                else:
                    self.reply(404, b"no such graph")

            def do_DELETE(self):
                graph = self.graph()
                fake.requests.append(("DELETE", graph, self.client_address[1]))
                self.reply(204 if fake.graphs.pop(graph, None) is not None else 404)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/store"

    def puts(self) -> list[tuple[str, str, int]]:
        """The PUTs of the pushed graphs (not of the probe)."""
        return [r for r in self.requests if r[0] == "PUT" and not r[1].startswith(PROBE_PREFIX)]

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def fake_store():
    stores = []

    def make(answer, **kwargs):
        stores.append(FakeStore(answer, **kwargs))
        return stores[-1]

    yield make
    for store in stores:
        store.close()


def test_one_keep_alive_connection_for_all_graphs(seed_store, fake_store):
    fake = fake_store(lambda graph, n: 201)
    summary = push(seed_store, Endpoints(fake.url, None, None), force=True)
    assert summary.pushed == 7  # 5 articles, the resolution graph, the reference graph
    assert len({port for _, _, port in fake.requests}) == 1  # the probe and the checks too


def test_5xx_is_retried_with_backoff(seed_store, fake_store):
    fake = fake_store(lambda graph, n: 503 if n <= 2 else 204)
    slept = []
    summary = push(seed_store, Endpoints(fake.url, None, None), force=True, retries=3, backoff=0.5,
                   sleep=slept.append)
    assert (summary.pushed, summary.failed) == (7, 0)
    assert len(fake.puts()) == 21  # 7 graphs, each 3 times
    assert slept == [0.5, 1.0] * 7


def test_retries_are_bounded_and_a_failing_endpoint_stops_the_push(seed_store, fake_store):
    fake = fake_store(lambda graph, n: 500)
    summary = push(seed_store, Endpoints(fake.url, None, None), force=True, retries=2, sleep=no_sleep)
    assert summary.pushed == 0 and summary.failed == MAX_FAILURES_IN_A_ROW
    assert summary.not_attempted == 7 - MAX_FAILURES_IN_A_ROW
    assert len(fake.puts()) == 3 * MAX_FAILURES_IN_A_ROW
    assert fake.url in summary.errors[0] and str(article_graph("000_4182529e3da3c08d")) in summary.errors[0]
    assert "HTTP 500" in summary.errors[0]


def test_4xx_fails_that_graph_at_once(seed_store, fake_store):
    bad = str(article_graph(A001))
    fake = fake_store(lambda graph, n: 400 if graph == bad else 204)
    summary = push(seed_store, Endpoints(fake.url, None, None), force=True, sleep=no_sleep)
    assert (summary.pushed, summary.failed) == (6, 1)
    assert len([r for r in fake.puts() if r[1] == bad]) == 1
    assert bad in summary.errors[0] and "HTTP 400" in summary.errors[0] and "no thanks" in summary.errors[0]


def test_without_a_query_endpoint_the_graphs_are_checked_by_getting_them(seed_store, fake_store):
    short = str(article_graph(A001))
    fake = fake_store(lambda graph, n: 201, keep=lambda graph, body: body.split(b"\n", 1)[1] if graph == short else body)
    summary = push(seed_store, Endpoints(fake.url, None, None), force=True)
    assert (summary.pushed, summary.unconfirmed) == (6, [short])
    n = len(list(seed_store.graph_ntriples(short)))
    assert any(short in e and f"{n - 1} triples" in e and f"{n} in the local store" in e for e in summary.errors)
