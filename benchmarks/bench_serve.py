"""Latency of what a person waits for: the first page of every saved query, filtered queries, a
full CSV, and every page of `kg serve`, on a built store.

    python benchmarks/bench_serve.py --store benchmarks/out/store10k [--repeat 5] [--json FILE]

- first page: `kg.queries.page_local` with the table's page (100 rows), the code `kg query` runs
  for a table; and the saved query's web page cold (the server's kept results emptied before each
  run) and warm (the same page again, e.g. sorted or paged on);
- filtered: a country, a month, a person spelled in lower case (as a user may type it);
- full CSV: every row of `interactions` through `kg.queries.iter_result`, as `kg query --format csv`
  writes them, and as the web download streams them: rows a second;
- where each query's rows came from: the query summary beside the store (kg/summary.py), when it
  is current and answers the query, or the store;
- pages: each view of `kg serve`, timed around the request in this process (Starlette's TestClient:
  no network, the server's time plus a millisecond or so of client).
Parameters come from the data (bench_queries.pick_params). Prints the machine's cores, memory and
load average with the results.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_queries import pick_params  # noqa: E402
from kg.queries import bind, get_query, iter_result, page_local, saved_queries, stream_local, summary_for  # noqa: E402
from kg.store import KGStore  # noqa: E402

TARGET_QUERY_MS, TARGET_PAGE_MS, TARGET_ROWS_S = 200, 300, 50_000


def timed(fn, repeat: int, budget: float = 60, before=None) -> dict:
    times = []
    for _ in range(repeat):
        if before:
            before()
        start = time.perf_counter()
        out = fn()
        times.append((time.perf_counter() - start) * 1000)
        if sum(times) > budget * 1000:
            break
    return {"median_ms": round(statistics.median(times), 1), "max_ms": round(max(times), 1), "runs": len(times),
            "out": out}


def machine() -> dict:
    memory = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 2**20:.0f} GiB"
    except OSError:
        pass
    return {"cores": os.cpu_count(), "memory": memory, "python": sys.version.split()[0],
            "load_average": [round(x, 2) for x in os.getloadavg()]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", type=Path, required=True)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--json", type=Path, help="write the results here as JSON")
    args = ap.parse_args()
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient
    from kg.web.app import make_app

    results: dict = {"machine_before": machine(), "store": str(args.store)}
    store = KGStore(args.store, read_only=True)
    totals = store.totals()
    results["totals"] = totals
    p = pick_params(store)
    results["picked"] = p
    print(f"store {args.store}: {totals['articles']:,} articles, {totals['events']:,} events; "
          f"{machine()['cores']} cores, {machine()['memory']}, load {machine()['load_average']}", flush=True)

    started = time.perf_counter()
    app = make_app(args.store)
    bench = app.state.bench
    results["server_start_s"] = round(time.perf_counter() - started, 2)
    results["summary_index_s"] = round(bench.facts.seconds, 2)
    print(f"server start (store opened, summary read from the graph): {results['server_start_s']} s, "
          f"of which the summary {results['summary_index_s']} s", flush=True)
    client = TestClient(app)

    def row(kind, what, r, target, unit="ms", source=None):
        value = r["median_ms"]
        ok = "yes" if value < target else "NO"
        print(f"{kind:12} {what:62} median {value:>9.1f} {unit}  max {r['max_ms']:>9.1f}  "
              f"(target < {target}: {ok}){' from the ' + source if source else ''}", flush=True)
        results.setdefault("rows", []).append({"kind": kind, "what": what, "median_ms": value,
                                               "max_ms": r["max_ms"], "runs": r["runs"], "target_ms": target,
                                               "met": value < target, "source": source})

    def source(name, values):
        """Where the rows come from: the query summary (kg/summary.py) or the store."""
        query = get_query(name)
        found = summary_for(store, query, bind(query, values))
        if found is None:
            return "store"
        found.close()
        return "summary"

    # first pages, as kg query's table and as the web page (cold and warm)
    def defaults(name):
        query = get_query(name)
        if "a" in query.params:
            return {"a": p["a"], "b": p["b"]}
        if "event" in query.params:
            return {"event": p["event"]}
        return {}
    for name in sorted(saved_queries()):
        values = defaults(name)
        r = timed(lambda: page_local(store, get_query(name), values, 0, 100).total, args.repeat)
        row("first page", f"kg query {name} {values or ''} ({r['out']:,} rows)", r, TARGET_QUERY_MS,
            source=source(name, values))
    for name in sorted(saved_queries()):
        values = defaults(name)
        r = timed(lambda: client.get(f"/queries/{name}", params=values).status_code, args.repeat,
                  before=bench.cache.clear)
        row("page cold", f"/queries/{name}", r, TARGET_PAGE_MS, source=source(name, values))
        client.get(f"/queries/{name}", params=values)
        r = timed(lambda: client.get(f"/queries/{name}", params=dict(values, offset=100)).status_code, args.repeat)
        row("page warm", f"/queries/{name}?offset=100", r, TARGET_PAGE_MS)

    # filtered queries: a country, a month, a person in another spelling
    month = p["month"]
    person = p["person"].lower()
    filtered = [("interactions", {"country": p["country"]}), ("interactions", {"country": p["typical_country"]}),
                ("interactions", {"from": month + "-01", "to": month + "-28"}),
                ("country-network", {"country": p["country"]}), ("visits", {"country": p["country"]}),
                ("roles", {"country": p["country"]}), ("agreements", {"country": p["country"]}),
                ("who-met-whom", {"person": person}), ("roles", {"person": person})]
    for name, values in filtered:
        r = timed(lambda: page_local(store, get_query(name), values, 0, 100).total, args.repeat)
        row("filtered", f"{name} {json.dumps(values, ensure_ascii=False)} ({r['out']:,} rows)", r, TARGET_QUERY_MS,
            source=source(name, values))

    # a full CSV
    def csv_rows():
        n = 0
        for chunk in iter_result(stream_local(store, get_query("interactions"), {}), "csv"):
            n += chunk.count("\n")
        return n - 1
    r = timed(csv_rows, 3)
    rate = r["out"] / (r["median_ms"] / 1000)
    print(f"{'full csv':12} kg query interactions --format csv: {r['out']:,} rows in {r['median_ms']:,.0f} ms: "
          f"{rate:,.0f} rows/s (target >= {TARGET_ROWS_S:,}: {'yes' if rate >= TARGET_ROWS_S else 'NO'})", flush=True)
    results["csv"] = {"rows": r["out"], "median_ms": r["median_ms"], "rows_per_s": round(rate)}
    r = timed(lambda: client.get("/queries/interactions/download.csv").text.count("\n") - 1, 3)
    rate = r["out"] / (r["median_ms"] / 1000)
    print(f"{'full csv':12} /queries/interactions/download.csv: {r['out']:,} rows: {rate:,.0f} rows/s", flush=True)
    results["csv_web"] = {"rows": r["out"], "median_ms": r["median_ms"], "rows_per_s": round(rate)}

    # the views
    facts = bench.facts
    event = next(iter(sorted(facts.by_country.get(p["a"], []), key=lambda e: e.iri)), None)
    busiest_person = max(facts.by_person, key=lambda k: len(facts.by_person[k]))
    slug = busiest_person.rsplit("/person/", 1)[-1]
    views = ["/", "/network", "/network?level=person", f"/network?from={p['from']}&to={p['to']}",
             f"/api/network/edge?a={p['a']}&b={p['b']}", f"/timeline?a={p['a']}&b={p['b']}",
             f"/timeline?person={slug}", f"/country/{p['country']}", f"/person/{slug}",
             f"/interaction/{event.iri.split('/id/', 1)[1]}" if event else "/",
             f"/interaction/{event.interaction.split('/id/', 1)[1]}" if event and event.interaction else "/",
             "/sparql/ui?query=SELECT+%3Fs+WHERE+%7B+%3Fs+%3Fp+%3Fo+%7D+LIMIT+100",
             f"/api/queries/interactions?country={p['country']}"]
    for url in views:
        r = timed(lambda: client.get(url).status_code, args.repeat)
        assert r["out"] == 200, (url, r["out"])
        row("web page", url, r, TARGET_PAGE_MS)
    results["machine_after"] = machine()
    print(f"load average after: {results['machine_after']['load_average']}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
