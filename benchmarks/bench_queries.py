"""Latency of every saved query on a built store: median and p95 of N runs, with row counts.

    python benchmarks/bench_queries.py --store /tmp/q10kstore [--repeat 7] [--json] [--filtered]
    python benchmarks/bench_queries.py --store S --only interactions --param interactions:country=USA

The store is opened read-only as `kg query` opens it, and each run goes through the same
code path (`kg.queries.stream_local`: bind the parameters, pick the plan, run the query, make every
row as text), so a run's time is what a user of `kg query` waits for, less process start-up and
output formatting. Parameters come from the data (`pick_params`, not timed): the country pair
with the most events, the country in the most events (and the median one), the person in the
most events, an article with events, the median event date (and its year and month). Each query
runs with its defaults and with each of its filters; `--param QUERY:KEY=VALUE` replaces the
picked runs of QUERY by one run with these parameters. A run stops repeating once its runs took
more than --budget seconds in all (fewer runs are reported).
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.queries import get_query, saved_queries, stream_local  # noqa: E402
from kg.store import KGStore  # noqa: E402

PREFIXES = """PREFIX dip: <https://w3id.org/dipkg/ontology#>
PREFIX dipg: <https://w3id.org/dipkg/graph/>
PREFIX schema: <https://schema.org/>
"""
# The events of each country (represented by a participant or hosting), as (event, code) rows.
_EVENT_COUNTRIES = PREFIXES + """SELECT DISTINCT ?event ?code WHERE {
  GRAPH ?g { ?event dip:participation/dip:represents|dip:participation/dip:represents/dip:country|dip:host ?c }
  GRAPH dipg:reference { ?c dip:iso3166Alpha3 ?code } }"""
_EVENT_PEOPLE = PREFIXES + """SELECT ?event ?name ?date ?id WHERE {
  GRAPH ?g { ?event dip:participant ?p ; dip:status dip:occurred ; <http://www.w3.org/ns/prov#wasDerivedFrom> ?a .
             ?p a dip:Person ; schema:name ?name . ?a dip:articleId ?id
             OPTIONAL { ?event schema:startDate ?date } } }"""


def pick_params(store: KGStore) -> dict[str, str]:
    """Values that exist in the store and give typical (large, not empty) answers."""
    countries: dict[str, set[str]] = {}
    for row in store.query(_EVENT_COUNTRIES):
        countries.setdefault(row["event"].value, set()).add(row["code"].value)
    single: dict[str, int] = {}
    pairs: dict[tuple[str, str], int] = {}
    for codes in countries.values():
        ordered = sorted(codes)
        for i, a in enumerate(ordered):
            single[a] = single.get(a, 0) + 1
            for b in ordered[i + 1:]:
                pairs[(a, b)] = pairs.get((a, b), 0) + 1
    people: dict[str, int] = {}
    dates, articles, events = [], {}, {}
    for row in store.query(_EVENT_PEOPLE):
        people[row["name"].value] = people.get(row["name"].value, 0) + 1
        articles[row["id"].value] = articles.get(row["id"].value, 0) + 1
        events[row["id"].value] = min(row["event"].value, events.get(row["id"].value, row["event"].value))
        if row["date"] is not None:
            dates.append(row["date"].value)
    if not pairs or not people:
        raise SystemExit("the store holds no interaction between two countries: build a corpus first")
    (a, b), _ = max(pairs.items(), key=lambda item: (item[1], item[0]))
    dates.sort()
    article = sorted(articles, key=lambda k: (-articles[k], k))[len(articles) // 2]  # a typical one
    by_events = sorted(single, key=lambda k: (single[k], k))
    return {"a": a, "b": b, "country": by_events[-1], "typical_country": by_events[len(by_events) // 2],
            "person": max(people, key=lambda k: (people[k], k)), "article": article, "event": events[article],
            "date": dates[len(dates) // 2], "from": dates[len(dates) // 2][:4] + "-01-01",
            "to": dates[len(dates) // 2][:4] + "-12-31", "month": dates[len(dates) // 2][:7]}


def cases(p: dict[str, str]) -> list[tuple[str, dict]]:
    """(query, parameters): each query with its defaults and with each of its filters."""
    return [
        ("interactions", {}), ("interactions", {"article": p["article"]}), ("interactions", {"country": p["country"]}),
        ("interactions", {"country": p["typical_country"]}),
        ("interactions", {"country": p["country"], "from": p["from"], "to": p["to"]}),
        ("interactions", {"from": p["month"] + "-01", "to": p["month"] + "-28"}),
        ("people", {}), ("people", {"article": p["article"]}),
        ("bilateral-timeline", {"a": p["a"], "b": p["b"]}),
        ("bilateral-timeline", {"a": p["a"], "b": p["b"], "from": p["from"], "to": p["to"]}),
        ("country-network", {}), ("country-network", {"country": p["country"]}),
        ("who-met-whom", {}), ("who-met-whom", {"person": p["person"]}),
        ("roles", {}), ("roles", {"country": p["country"]}), ("roles", {"date": p["date"]}),
        ("roles", {"person": p["person"]}), ("roles", {"role": "foreign-minister", "country": p["country"]}),
        ("topics-between", {"a": p["a"], "b": p["b"]}),
        ("agreements", {}), ("agreements", {"country": p["country"]}),
        ("visits", {}), ("visits", {"country": p["country"]}),
        ("evidence", {"event": p["event"]}),
    ]


def time_query(store: KGStore, name: str, params: dict, repeat: int, budget: float, plans: bool = True) -> dict:
    query = get_query(name) if plans else dataclasses.replace(get_query(name), plans=[])
    times, rows = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        rows = sum(1 for _ in stream_local(store, query, params).rows)  # each row made, as kg query does
        times.append((time.perf_counter() - start) * 1000)
        if sum(times) > budget * 1000:
            break
    ordered = sorted(times)
    return {"query": name, "params": params, "rows": rows, "runs": len(times),
            "median_ms": round(statistics.median(times), 1), "p95_ms": round(ordered[round(0.95 * (len(ordered) - 1))], 1),
            "first_ms": round(times[0], 1), "min_ms": round(ordered[0], 1)}


def parse_overrides(items: list[str]) -> dict[str, dict]:
    found: dict[str, dict] = {}
    for item in items:
        name, _, pair = item.partition(":")
        key, equals, value = pair.partition("=")
        if not equals:
            raise SystemExit(f"--param wants QUERY:KEY=VALUE, not {item!r}")
        found.setdefault(name, {})[key] = value
    return found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", type=Path, required=True)
    ap.add_argument("--repeat", type=int, default=7, help="runs per query and parameters (default 7)")
    ap.add_argument("--budget", type=float, default=120, help="seconds of runs per case before it stops early")
    ap.add_argument("--only", action="append", default=[], metavar="QUERY", help="only this query (repeatable)")
    ap.add_argument("--param", action="append", default=[], metavar="QUERY:KEY=VALUE",
                    help="run QUERY with these parameters instead of the picked ones (repeatable)")
    ap.add_argument("--filtered", action="store_true", help="only the runs with parameters (not the whole tables)")
    ap.add_argument("--no-plans", action="store_true", help="run the saved queries themselves, not their filtered plans")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    args = ap.parse_args()

    store = KGStore(args.store, read_only=True)
    started = time.perf_counter()
    picked = pick_params(store)
    overrides = parse_overrides(args.param)
    todo = [(n, p) for n, p in cases(picked) if n not in overrides] + list(overrides.items())
    todo = [(n, p) for n, p in todo if (not args.only or n in args.only) and (p or not args.filtered)]
    unknown = {n for n, _ in todo} - set(saved_queries())
    if unknown:
        raise SystemExit(f"no saved query named {sorted(unknown)[0]!r}")
    picking_s = time.perf_counter() - started
    results = []
    for name, params in sorted(todo, key=lambda case: case[0]):
        results.append(time_query(store, name, params, args.repeat, args.budget, plans=not args.no_plans))
        if not args.json:
            r = results[-1]
            print(f"{name:20} {json.dumps(params, ensure_ascii=False)[:58]:58} {r['rows']:>8} rows "
                  f"median {r['median_ms']:>9.1f} ms  p95 {r['p95_ms']:>9.1f}  ({r['runs']} runs)", flush=True)
    if args.json:
        print(json.dumps({"store": str(args.store), "picked": picked, "picking_s": round(picking_s, 1),
                          "repeat": args.repeat, "results": results}, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
