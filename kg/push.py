"""`kg push`: copy the store's named graphs into a SPARQL 1.1 store with the Graph Store Protocol.

Each article graph (and the reference graph) goes in one HTTP PUT of N-Triples to
`{store}?graph={graph IRI}`, which replaces that graph and no other. All PUTs share one
keep-alive connection (../shared/MEASURED.md: connection reuse matters most). Before pushing,
one SPARQL query on the query endpoint asks which graphs already hold the same
dip:contentHash; those are skipped (unless `force`), so a second run finishes what an
interrupted one left and pushing twice leaves the same store. Each graph's hash triple is sent
last, so a graph cut short never looks complete. Connection errors and 5xx answers are retried
a bounded number of times with exponential backoff; a 4xx answer fails that graph at once.

Nothing is pushed before the endpoint is shown to keep named graphs apart: a probe graph with
a unique IRI is put, read back and deleted (`check_endpoint`); a URL that is not the store's
Graph Store Protocol endpoint is refused with the URL probably meant. A graph counts as pushed
only once the store confirms it: after the PUTs, the triples of each pushed graph are counted
on the store (one SPARQL query per COUNT_BATCH graphs) and compared with the local store's
counts. `prune` shows the graphs it would drop to `confirm_prune` before anything is pushed
or dropped.
"""
from __future__ import annotations

import http.client
import json
import time
import uuid
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
PROBE_PREFIX = "urn:dipkg:probe:"  # the endpoint check's graph: urn:dipkg:probe:<uuid>
# Graphs whose triples one query counts: a full push of 100,000 articles is 10 queries of about
# 600 KB each (a single 6 MB query is more than some servers take).
COUNT_BATCH = 10_000
SHOWN = 10  # graphs named in a message; a count says how many more
# A URL's last segment that names a SPARQL service, and the Graph Store Protocol one beside it
# (Oxigraph: /query, /update, /store; Fuseki: /DATASET/sparql, /DATASET/update, /DATASET/data).
_GRAPH_STORE_BESIDE = {"query": "store", "update": "store", "sparql": "data"}


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
    pushed: int = 0  # taken by the store and confirmed by its count of their triples
    skipped: int = 0
    failed: int = 0
    pruned: int = 0
    not_attempted: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    unconfirmed: list[str] = field(default_factory=list)  # taken, but the store does not hold them as sent

    def lines(self) -> list[str]:
        lines = [f"graphs pushed: {self.pushed}", f"skipped (already there): {self.skipped}",
                 f"failed: {self.failed}"]
        if self.unconfirmed:
            lines.append(f"not confirmed: {len(self.unconfirmed)}")
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


def _default_graph_path(base_path: str) -> str:
    return base_path + ("&" if "?" in base_path else "?") + "default"


def article_id_of(graph: str) -> str:
    """An article graph's article id (other graphs: the IRI itself)."""
    prefix = str(article_graph(""))
    return graph[len(prefix):] if graph.startswith(prefix) else graph


def _probe_iri() -> str:
    return f"{PROBE_PREFIX}{uuid.uuid4()}"


# --------------------------------------------------------------------------------------------
# the endpoint check
# --------------------------------------------------------------------------------------------

def check_endpoint(conn: Connection, query_conn: Connection | None) -> None:
    """Refuse an endpoint that does not keep ?graph=IRI as that named graph, before anything is pushed.

    A probe graph with a unique IRI is put, read back, and looked for in the default graph;
    when a query endpoint is known, it must see the probe graph too. The probe is deleted
    only when the PUT was taken: a DELETE to a URL that ignores ?graph= then removes only
    the probe the PUT left. Why: Oxigraph names a graph after a URL ending in /store/ and
    ignores ?graph=, so every article replaced the one before and the push said "pushed 6".
    """
    probe = _probe_iri()
    triple = f'<{probe}> <{PROBE_PREFIX}says> "{probe}" .\n'.encode("utf-8")
    status, data = conn.request("PUT", _graph_path(conn.path, probe), triple, {"Content-Type": NTRIPLES},
                                what=" (checking the endpoint with a probe graph)")
    if status not in (200, 201, 204):
        raise _not_a_graph_store(conn, f"it refused a Graph Store Protocol PUT (HTTP {status}: {_snippet(data)})")
    try:
        status, in_probe = _get_subjects(conn, _graph_path(conn.path, probe))
        if probe not in in_probe:
            raise _not_a_graph_store(conn, f"it did not give back the graph it was sent (HTTP {status})")
        _, in_default = _get_subjects(conn, _default_graph_path(conn.path))
        # A default graph that is the union of the named graphs holds the probe too: only an
        # endpoint that also gives it for a graph never written ignores ?graph=.
        if probe in in_default and probe in _get_subjects(conn, _graph_path(conn.path, _probe_iri()))[1]:
            raise _not_a_graph_store(conn, "it ignores ?graph= and keeps every graph in one (each graph pushed "
                                           "would replace the one before)")
        if query_conn is not None and remote_counts(query_conn, [probe]).get(probe) != 1:
            raise PushError(f"the query endpoint {query_conn.url} does not see the graph put to {conn.url}: "
                            "are they the same store? (pass its query endpoint with --query-endpoint)")
    finally:
        try:
            conn.request("DELETE", _graph_path(conn.path, probe), what=" (deleting the probe graph)")
        except PushError:
            pass  # the error that stopped the check, if any, says more


def _get_subjects(conn: Connection, path: str) -> tuple[int, set[str]]:
    """(status, the subjects of the triples a GET gives); no subjects when it gives no readable RDF."""
    status, data = conn.request("GET", path, None, {"Accept": NTRIPLES}, what=" (checking the endpoint)")
    if status != 200:
        return status, set()
    media = conn.content_type.split(";")[0].strip() or NTRIPLES
    try:
        fmt = ox.RdfFormat.from_media_type(media)
        return status, {triple.subject.value for triple in ox.parse(data, format=fmt)} if fmt else set()
    except (SyntaxError, ValueError):
        return status, set()


def _not_a_graph_store(conn: Connection, problem: str) -> PushError:
    return PushError(f"{conn.url} is not a Graph Store Protocol endpoint that keeps named graphs: {problem}; "
                     f"{_endpoint_hint(conn)}")


def _endpoint_hint(conn: Connection) -> str:
    """What the URL looks like, and the URL probably meant."""
    parts = urlsplit(conn.url)
    base = f"{parts.scheme}://{parts.netloc}"
    segments = [segment for segment in parts.path.split("/") if segment]
    if not segments:
        return f"it is the server's root: did you mean {base}/store?"
    if parts.path.endswith("/"):
        return f"it ends with /{segments[-1]}/: did you mean {base}{parts.path.rstrip('/')}?"
    beside = base + "/" + "/".join(segments[:-1] + [_GRAPH_STORE_BESIDE.get(segments[-1], "store")])
    if _answers_queries(conn, parts.path):
        return f"it answers SPARQL queries, not the Graph Store Protocol: did you mean {beside}?"
    if segments[-1] == "update":
        return f"it is a SPARQL update endpoint, not the Graph Store Protocol: did you mean {beside}?"
    return ("the Graph Store Protocol endpoint is http://HOST:PORT/store on Oxigraph, "
            "http://HOST:PORT/DATASET/data on Fuseki")


def _answers_queries(conn: Connection, path: str) -> bool:
    try:
        status, data = conn.request("GET", f"{path}?query={quote('ASK {}')}",
                                    None, {"Accept": "application/sparql-results+json"})
        return status == 200 and "boolean" in json.loads(data)
    except (PushError, ValueError, TypeError):
        return False


# --------------------------------------------------------------------------------------------
# what the store holds
# --------------------------------------------------------------------------------------------

def _count_query(graphs: list[str]) -> str:
    values = " ".join(f"<{graph}>" for graph in graphs)
    return f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?g"


def local_counts(store: KGStore, graphs: list[str]) -> dict[str, int]:
    """The number of triples of each graph in the local store (the query the remote store is asked)."""
    counts: dict[str, int] = {}
    for start in range(0, len(graphs), COUNT_BATCH):
        for row in store.store.query(_count_query(graphs[start:start + COUNT_BATCH])):
            counts[row["g"].value] = int(row["n"].value)
    return counts


def remote_counts(conn: Connection, graphs: list[str]) -> dict[str, int]:
    """The number of triples of each graph on the remote store, asked of its query endpoint."""
    counts: dict[str, int] = {}
    for start in range(0, len(graphs), COUNT_BATCH):
        status, data = conn.request("POST", conn.path, _count_query(graphs[start:start + COUNT_BATCH]).encode("utf-8"),
                                    {"Content-Type": "application/sparql-query",
                                     "Accept": "application/sparql-results+json"},
                                    what=" (counting the triples of the graphs pushed)")
        if status != 200:
            raise PushError(f"the query endpoint {conn.url} refused to count the triples: HTTP {status}: "
                            f"{_snippet(data)}")
        try:
            for b in json.loads(data)["results"]["bindings"]:
                counts[b["g"]["value"]] = int(b["n"]["value"])
        except (ValueError, KeyError, TypeError) as exc:
            raise PushError(f"the query endpoint {conn.url} gave an unreadable answer ({exc})") from None
    return counts


def _graphs_by_get(conn: Connection, graphs: list[str]):
    """(graph, its triples) for each graph the store holds, by Graph Store Protocol GETs; a graph it
    does not hold (404) is left out."""
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
            yield graph, list(ox.parse(data, format=fmt))
        except (SyntaxError, ValueError) as exc:
            raise PushError(f"{conn.url} gave an unreadable graph <{graph}> ({exc})") from None


def remote_counts_by_get(conn: Connection, graphs: list[str]) -> dict[str, int]:
    """The same as remote_counts with only the Graph Store Protocol: GET each graph (slower)."""
    return {graph: len(triples) for graph, triples in _graphs_by_get(conn, graphs)}


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
    for graph, triples in _graphs_by_get(conn, graphs):
        for triple in triples:
            if triple.predicate.value == str(DIP.contentHash):
                found.setdefault(graph, set()).add((triple.subject.value, triple.object.value))
    return found


def push(store: KGStore, targets: Endpoints, force: bool = False, reference: bool = True, prune: bool = False,
         retries: int = 3, backoff: float = 0.5, timeout: float = 60,
         on_progress: Callable[[], None] | None = None, on_total: Callable[[int], None] | None = None,
         sleep: Callable[[float], None] = time.sleep,
         confirm_prune: Callable[[list[str]], bool] | None = None) -> PushSummary:
    """Put the store's graphs into the remote store and say what happened.

    Raises PushError when nothing was pushed: the endpoint is not a Graph Store Protocol
    endpoint that keeps named graphs, the query endpoint cannot say what the store holds, or
    confirm_prune(the graphs --prune would drop) said no. A graph that fails, or that the
    store does not confirm holding as sent, is counted and reported in the summary's errors.
    confirm_prune is asked before anything is pushed, only when there is something to drop;
    None: drop without asking.
    """
    started = time.monotonic()
    summary = PushSummary()
    graphs = store.article_graphs() + store.derived_graphs() + ([str(REFERENCE_GRAPH)] if reference else [])
    conn = Connection(targets.store, timeout, retries, backoff, sleep)
    query_conn = Connection(targets.query, timeout, retries, backoff, sleep) if targets.query else None
    try:
        check_endpoint(conn, query_conn)
        remote = _remote_state(conn, query_conn, graphs, force, prune)
        stale = stale_graphs(store, remote) if prune else []
        if stale and not targets.update:
            raise PushError(f"--prune would drop {len(stale)} graphs but there is no update endpoint "
                            "(pass --update-endpoint); nothing was pushed")
        if stale and confirm_prune is not None and not confirm_prune(stale):
            raise PushError(f"dropping {len(stale)} graphs was not confirmed: nothing was pushed or dropped")
        todo = graphs
        if not force:
            mine = local_hashes(store)
            todo = [g for g in graphs if not (mine.get(g) and mine[g] <= remote.get(g, set()))]
            summary.skipped = len(graphs) - len(todo)
        if on_total:
            on_total(len(todo))
        taken = _put_graphs(store, conn, targets, todo, summary, on_progress)
        _confirm(store, query_conn or conn, query_conn is not None, taken, summary)
    finally:
        conn.close()
        if query_conn is not None:
            query_conn.close()
    if stale:
        if summary.failed or summary.unconfirmed:
            summary.errors.append(f"not pruning the {len(stale)} graphs the store no longer has: the push did not "
                                  "go through whole")
        else:
            summary.pruned = _prune(targets, stale, retries, backoff, timeout, sleep, summary)
    summary.seconds = time.monotonic() - started
    return summary


def stale_graphs(store: KGStore, remote: dict) -> list[str]:
    """The remote article graphs that the local store no longer has (what --prune drops)."""
    prefix = str(article_graph(""))
    local = set(store.article_graphs())
    return sorted(g for g in remote if g.startswith(prefix) and g not in local and not _BAD_IRI.search(g))


def _remote_state(conn, query_conn, graphs, force, prune) -> dict:
    """Which graphs the remote store holds with which hashes (not asked when forced and not pruning)."""
    if force and not prune:
        return {}
    if query_conn is not None:
        return remote_hashes(query_conn)
    if prune:
        raise PushError("--prune needs a query endpoint to list the remote graphs: pass --query-endpoint")
    return remote_hashes_by_get(conn, graphs)


def _confirm(store: KGStore, conn: Connection, is_query_endpoint: bool, taken: list[str],
             summary: PushSummary) -> None:
    """Count the pushed graphs' triples on the store; only those it holds as sent count as pushed."""
    if not taken:
        return
    try:
        remote = remote_counts(conn, taken) if is_query_endpoint else remote_counts_by_get(conn, taken)
    except PushError as exc:
        summary.unconfirmed = taken
        summary.errors.append(f"cannot confirm the {len(taken)} graphs the store took: {exc}")
        return
    local = local_counts(store, taken)
    summary.unconfirmed = [g for g in taken if remote.get(g, 0) != local.get(g, 0)]
    summary.pushed = len(taken) - len(summary.unconfirmed)
    for graph in summary.unconfirmed[:SHOWN]:
        summary.errors.append(f"the store does not hold the graph <{graph}> as pushed: it has "
                              f"{remote.get(graph, 0)} triples, {local.get(graph, 0)} in the local store")
    if len(summary.unconfirmed) > SHOWN:
        summary.errors.append(f"... and {len(summary.unconfirmed) - SHOWN} more graphs the store does not hold as pushed")


def _put_graphs(store, conn, targets, todo, summary, on_progress) -> list[str]:
    """PUT each graph; the graphs the store took (a 2xx answer), to be confirmed."""
    taken: list[str] = []
    in_a_row = 0
    for index, graph in enumerate(todo):
        try:
            status, data = conn.request("PUT", _graph_path(conn.path, graph), graph_body(store, graph),
                                        {"Content-Type": NTRIPLES}, what=f" (putting the graph <{graph}>)")
        except PushError as exc:  # the endpoint is gone: stop rather than retry every graph
            summary.failed += 1
            summary.not_attempted = len(todo) - index - 1
            summary.errors.append(str(exc))
            return taken
        if status in (200, 201, 204):
            taken.append(graph)
            in_a_row = 0
        else:
            summary.failed += 1
            in_a_row += 1
            summary.errors.append(f"{targets.store} refused the graph <{graph}>: HTTP {status}: {_snippet(data)}")
            if in_a_row >= MAX_FAILURES_IN_A_ROW:
                summary.not_attempted = len(todo) - index - 1
                summary.errors.append(f"stopped after {in_a_row} failures in a row")
                return taken
        if on_progress:
            on_progress()
    return taken


def _prune(targets: Endpoints, stale: list[str], retries, backoff, timeout, sleep, summary: PushSummary) -> int:
    """Drop the remote article graphs that the local store no longer has (one SPARQL update)."""
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
