"""End-to-end build benchmark: full build, no-change rebuild, 1% changed rebuild, queries.

    python benchmarks/bench_build.py --count 1000 [--jobs 2] [--work benchmarks/out/b1k]

Generates a corpus with benchmarks/generate.py (unless --corpus is given), builds it into
a fresh store with `kg.build.build`, builds again with nothing changed, modifies 1% of the
articles and builds again, then times every saved query (median of --repeat runs, with
their default parameters or the sample ones below). Prints a table; --json writes it.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.build import build  # noqa: E402
from kg.queries import get_query, run_local, saved_queries  # noqa: E402
from kg.store import KGStore  # noqa: E402

# Parameters for the queries that need them: common values in generated corpora.
SAMPLE_PARAMS = {
    "bilateral-timeline": {"a": "USA", "b": "CHN"},
    "topics-between": {"a": "USA", "b": "CHN"},
}


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def timed_build(corpus: Path, store: KGStore, jobs: int, prune: bool = False):
    start = time.perf_counter()
    summary = build([corpus], store, validate=True, prune=prune, jobs=jobs)
    return time.perf_counter() - start, summary


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--corpus", type=Path, help="use this corpus instead of generating one (it is modified!)")
    ap.add_argument("--work", type=Path, help="working folder (default benchmarks/out/build-COUNT)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--repeat", type=int, default=7, help="runs per query; the median is reported")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()

    work = args.work or ROOT / "benchmarks" / "out" / f"build-{args.count}"
    shutil.rmtree(work / "store", ignore_errors=True)
    work.mkdir(parents=True, exist_ok=True)
    corpus = args.corpus or work / "corpus"
    if args.corpus is None:
        shutil.rmtree(corpus, ignore_errors=True)
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--count", str(args.count),
                        "--out", str(corpus), "--seed", "1"], check=True, capture_output=True)
    store = KGStore(work / "store")
    results: dict = {"articles": args.count, "jobs": args.jobs, "cores": os.cpu_count()}

    seconds, summary = timed_build(corpus, store, args.jobs)
    results["full_build_s"] = round(seconds, 2)
    results["build_articles_per_s"] = round(summary.mapped / seconds, 1)
    results["events"], results["violations"] = summary.events, summary.violations
    seconds, summary = timed_build(corpus, store, args.jobs)
    results["no_change_rebuild_s"] = round(seconds, 2)
    assert summary.mapped == 0, "nothing changed, yet articles were mapped again"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--in", str(corpus),
                    "--modify-fraction", "0.01", "--seed", "2"], check=True, capture_output=True)
    seconds, summary = timed_build(corpus, store, args.jobs)
    results["one_percent_rebuild_s"] = round(seconds, 2)
    results["one_percent_remapped"] = summary.mapped
    store.flush()
    results["store_mib"] = round(folder_size(work / "store") / 2 ** 20, 1)

    latencies = {}
    for name in saved_queries():
        query = get_query(name)
        params = SAMPLE_PARAMS.get(name, {})
        if name == "evidence":
            first = run_local(store, get_query("interactions"), {})
            params = {"event": first.rows[0][0]} if first.rows else {}
        if any(p.required and p.name not in params for p in query.params.values()):
            continue
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            run_local(store, query, params)
            times.append((time.perf_counter() - start) * 1000)
        latencies[name] = round(statistics.median(times), 1)
    results["query_median_ms"] = latencies
    results["peak_rss_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)

    for key, value in results.items():
        if key != "query_median_ms":
            print(f"{key:>24}: {value}")
    for name, ms in latencies.items():
        print(f"{'query ' + name:>24}: {ms} ms (median of {args.repeat})")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
