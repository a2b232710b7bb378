"""`kg push`: copy the store's named graphs into a SPARQL 1.1 store with the Graph Store Protocol.

Each article graph (and the reference graph) goes in one HTTP PUT of N-Triples to
`{store}?graph={graph IRI}`, which replaces that graph and no other. All PUTs share one
keep-alive connection (../shared/MEASURED.md: connection reuse matters most). Before pushing,
one SPARQL query on the query endpoint asks which graphs already hold the same
dip:contentHash; those are skipped (unless `force`), so a second run finishes what an
interrupted one left and pushing twice leaves the same store. Each graph's hash triple is sent
last, so a graph cut short never looks complete. Connection errors and 5xx answers are retried
a bounded number of times with exponential backoff; a 4xx answer fails that graph at once.
"""
from __future__ import annotations

import http.client
import json
import time
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import quote, urlsplit

import pyoxigraph as ox

from kg.namespaces import DIP, REFERENCE_GRAPH, article_graph
from kg.queries import _BAD_IRI  # graph names read from the endpoint go into an update: no odd IRI
from kg.store import KGStore

NTRIPLES = "application/n-triples"
RETRYABLE = (OSError, http.client.HTTPException)  # refused, reset, timed out, closed early
MAX_FAILURES_IN_A_ROW = 5
_HASH = f" <{DIP.contentHash}> "
_HASH_QUERY = f"SELECT ?g ?s ?hash WHERE {{ GRAPH ?g {{ ?s <{DIP.contentHash}> ?hash }} }}"


class PushError(Exception):
    """The push cannot go on: an endpoint is unreachable or refuses the data."""


@dataclass
class Endpoints:
    store: str            # Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store
    query: str | None     # SPARQL query endpoint (the resume check; pruning lists remote graphs)
    update: str | None    # SPARQL update endpoint (only --prune uses it)


def endpoints(store_url: str, query_url: str | None = None, update_url: str | None = None) -> Endpoints:
    """The three endpoints; a GSP URL ending in /store gives /query and /update beside it (Oxigraph, RDF4J-like)."""
    parts = urlsplit(store_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise PushError(f"the endpoint {store_url!r} is not an http(s) URL such as http://127.0.0.1:7878/store")
    base = store_url.split("?", 1)[0]
    if base.endswith("/store"):
        query_url = query_url or base[: -len("store")] + "query"
        update_url = update_url or base[: -len("store")] + "update"
    return Endpoints(store_url, query_url, update_url)


@dataclass
class PushSummary:
    pushed: int = 0
    skipped: int = 0
    failed: int = 0
    pruned: int = 0
    not_attempted: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        lines = [f"graphs pushed: {self.pushed}", f"skipped (already there): {self.skipped}",
                 f"failed: {self.failed}"]
        if self.not_attempted:
            lines.append(f"not attempted: {self.not_attempted}")
        if self.pruned:
            lines.append(f"pruned: {self.pruned}")
        lines.append(f"seconds: {self.seconds:.2f}")
        return lines


class Connection:
    """One keep-alive HTTP connection to a host, with bounded retries and exponential backoff."""

    def __init__(self, url: str, timeout: float = 60, retries: int = 3, backoff: float = 0.5,
                 sleep: Callable[[float], None] = time.sleep):
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise PushError(f"the endpoint {url!r} is not an http(s) URL")
        self.url = url
        self.path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        cls = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
        self.conn = cls(parts.hostname, parts.port, timeout=timeout)
        self.retries, self.backoff, self.sleep = retries, backoff, sleep
        self.content_type = ""

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None,
                what: str = "") -> tuple[int, bytes]:
        """(status, body); retries connection errors and 5xx. Raises PushError when they persist."""
        attempt = 0
        while True:
            try:
                self.conn.request(method, path, body=body, headers=headers or {})
                response = self.conn.getresponse()
                data = response.read()
                self.content_type = response.getheader("Content-Type", "") or ""
                if response.status < 500 or attempt >= self.retries:
                    return response.status, data
                problem = f"HTTP {response.status} {response.reason}: {_snippet(data)}"
            except RETRYABLE as exc:
                self.conn.close()
                problem = f"{type(exc).__name__}: {exc}"
                if attempt >= self.retries:
                    raise PushError(f"cannot reach {self.url}{what} after {attempt + 1} attempts ({problem})") from None
            self.sleep(self.backoff * 2 ** attempt)
            attempt += 1

    def close(self) -> None:
        self.conn.close()


def _snippet(data: bytes) -> str:
    return data.decode("utf-8", "replace").strip().replace("\n", " ")[:200]


def _graph_path(base_path: str, graph: str) -> str:
    return base_path + ("&" if "?" in base_path else "?") + "graph=" + quote(graph, safe="")


def graph_body(store: KGStore, graph: str) -> bytes:
    """The graph as N-Triples, its dip:contentHash triples last (a graph cut short has no hash)."""
    lines = list(store.graph_ntriples(graph))
    hashes = [line for line in lines if _HASH in line]
    return "".join([line for line in lines if _HASH not in line] + hashes).encode("utf-8")


def local_hashes(store: KGStore) -> dict[str, set[tuple[str, str]]]:
    found: dict[str, set[tuple[str, str]]] = {}
    for row in store.store.query(_HASH_QUERY):
        found.setdefault(row["g"].value, set()).add((row["s"].value, row["hash"].value))
    return found


def remote_hashes(conn: Connection) -> dict[str, set[tuple[str, str]]]:
    """Which graph holds which (subject, dip:contentHash) on the remote store: one SPARQL query."""
    status, data = conn.request("POST", conn.path, _HASH_QUERY.encode("utf-8"),
                                {"Content-Type": "application/sparql-query",
                                 "Accept": "application/sparql-results+json"}, what=" (asking which graphs it holds)")
    if status != 200:
        raise PushError(f"the query endpoint {conn.url} refused the hash query: HTTP {status}: {_snippet(data)}")
    try:
        bindings = json.loads(data)["results"]["bindings"]
        found: dict[str, set[tuple[str, str]]] = {}
        for b in bindings:
            found.setdefault(b["g"]["value"], set()).add((b["s"]["value"], b["hash"]["value"]))
    except (ValueError, KeyError, TypeError) as exc:
        raise PushError(f"the query endpoint {conn.url} gave an unreadable answer ({exc})") from None
    return found


def remote_hashes_by_get(conn: Connection, graphs: list[str]) -> dict[str, set[tuple[str, str]]]:
    """The same as remote_hashes with only the Graph Store Protocol: GET each graph (slower)."""
    found: dict[str, set[tuple[str, str]]] = {}
    for graph in graphs:
        status, data = conn.request("GET", _graph_path(conn.path, graph), None, {"Accept": NTRIPLES},
                                    what=f" (getting the graph <{graph}>)")
        if status == 404:
            continue
        if status != 200:
            raise PushError(f"{conn.url} refused to give the graph <{graph}>: HTTP {status}: {_snippet(data)}")
        media = conn.content_type.split(";")[0].strip() or NTRIPLES
        try:
            fmt = ox.RdfFormat.from_media_type(media) or ox.RdfFormat.N_TRIPLES
            for triple in ox.parse(data, format=fmt):
                if triple.predicate.value == str(DIP.contentHash):
                    found.setdefault(graph, set()).add((triple.subject.value, triple.object.value))
        except (SyntaxError, ValueError) as exc:
            raise PushError(f"{conn.url} gave an unreadable graph <{graph}> ({exc})") from None
    return found


def push(store: KGStore, targets: Endpoints, force: bool = False, reference: bool = True, prune: bool = False,
         retries: int = 3, backoff: float = 0.5, timeout: float = 60,
         on_progress: Callable[[], None] | None = None, on_total: Callable[[int], None] | None = None,
         sleep: Callable[[float], None] = time.sleep) -> PushSummary:
    """Put the store's graphs into the remote store and say what happened.

    Raises PushError only when nothing was pushed (the query endpoint cannot say what the store
    holds); a graph that fails is counted and reported in the summary's errors.
    """
    started = time.monotonic()
    summary = PushSummary()
    graphs = store.article_graphs() + ([str(REFERENCE_GRAPH)] if reference else [])
    conn = Connection(targets.store, timeout, retries, backoff, sleep)
    try:
        remote = _remote_state(conn, targets, graphs, force, prune, retries, backoff, timeout, sleep)
        todo = graphs
        if not force:
            mine = local_hashes(store)
            todo = [g for g in graphs if not (mine.get(g) and mine[g] <= remote.get(g, set()))]
            summary.skipped = len(graphs) - len(todo)
        if on_total:
            on_total(len(todo))
        _put_graphs(store, conn, targets, todo, summary, on_progress)
    finally:
        conn.close()
    if prune and not summary.failed:
        summary.pruned = _prune(store, targets, remote, retries, backoff, timeout, sleep, summary)
    summary.seconds = time.monotonic() - started
    return summary


def _remote_state(conn, targets, graphs, force, prune, retries, backoff, timeout, sleep) -> dict:
    """Which graphs the remote store holds with which hashes (not asked when forced and not pruning)."""
    if force and not prune:
        return {}
    if targets.query:
        query_conn = Connection(targets.query, timeout, retries, backoff, sleep)
        try:
            return remote_hashes(query_conn)
        finally:
            query_conn.close()
    if prune:
        raise PushError("--prune needs a query endpoint to list the remote graphs: pass --query-endpoint")
    return remote_hashes_by_get(conn, graphs)


def _put_graphs(store, conn, targets, todo, summary, on_progress) -> None:
    in_a_row = 0
    for index, graph in enumerate(todo):
        try:
            status, data = conn.request("PUT", _graph_path(conn.path, graph), graph_body(store, graph),
                                        {"Content-Type": NTRIPLES}, what=f" (putting the graph <{graph}>)")
        except PushError as exc:  # the endpoint is gone: stop rather than retry every graph
            summary.failed += 1
            summary.not_attempted = len(todo) - index - 1
            summary.errors.append(str(exc))
            return
        if status in (200, 201, 204):
            summary.pushed += 1
            in_a_row = 0
        else:
            summary.failed += 1
            in_a_row += 1
            summary.errors.append(f"{targets.store} refused the graph <{graph}>: HTTP {status}: {_snippet(data)}")
            if in_a_row >= MAX_FAILURES_IN_A_ROW:
                summary.not_attempted = len(todo) - index - 1
                summary.errors.append(f"stopped after {in_a_row} failures in a row")
                return
        if on_progress:
            on_progress()


def _prune(store: KGStore, targets: Endpoints, remote: dict, retries, backoff, timeout, sleep,
           summary: PushSummary) -> int:
    """Drop the remote article graphs that the local store no longer has (one SPARQL update)."""
    prefix = str(article_graph(""))
    local = set(store.article_graphs())
    stale = sorted(g for g in remote if g.startswith(prefix) and g not in local and not _BAD_IRI.search(g))
    if not stale:
        return 0
    if not targets.update:
        summary.failed += 1
        summary.errors.append(f"cannot prune {len(stale)} graphs: no update endpoint (pass --update-endpoint)")
        return 0
    conn = Connection(targets.update, timeout, retries, backoff, sleep)
    try:
        update = " ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in stale)
        status, data = conn.request("POST", conn.path, update.encode("utf-8"),
                                    {"Content-Type": "application/sparql-update"}, what=" (pruning graphs)")
    except PushError as exc:
        summary.failed += 1
        summary.errors.append(str(exc))
        return 0
    finally:
        conn.close()
    if status not in (200, 204):
        summary.failed += 1
        summary.errors.append(f"the update endpoint {targets.update} refused to drop stale graphs: "
                              f"HTTP {status}: {_snippet(data)}")
        return 0
    return len(stale)
