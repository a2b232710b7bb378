"""End-to-end build benchmark at one or more corpus sizes, against the targets of the scale issue.

    python benchmarks/bench_build.py --sizes 1000 10000 100000 [--jobs 2] [--format jsonl]
        [--work benchmarks/out/scale] [--markdown] [--json results.json]

For each size it generates a corpus with benchmarks/generate.py (seed 1), then runs the
`kg` command as a user would, each run a separate process whose wall time is measured:

1. `kg build CORPUS --store STORE --jobs N` into a new store: build throughput (articles
   mapped and validated per second, end to end: reading, mapping, validating, writing,
   cross-article checks), and the CPU the workers spent mapping and validating;
2. the same build again, nothing changed;
3. `generate.py --in CORPUS --modify-fraction 0.01`, then the build again: the time of an
   incremental rebuild after changing 1% of the articles (it checks that exactly those were
   mapped again);
4. benchmarks/bench_queries.py on the store: the median latency of every saved query, with
   its defaults and with each of its filters.

The CPU of the full build is split per article into the workers' (mapping, validating, N-Quads)
and the building process's (reading, bulk loads; RocksDB's compaction threads apart), from
/proc as last sampled before each process ended.

Peak memory is the largest sum of the resident memory of the `kg` process and its workers,
sampled every 50 ms from /proc (Linux) during each build, and of the query process. Store size
is the store folder on disk after the builds. The machine (cores, memory) and the load
average are printed with the results.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KG = [sys.executable, "-m", "kg"]
TARGETS = {"build_articles_per_s": 500, "one_percent_rebuild_s": 10, "query_median_ms": 200, "peak_mib": 2048}


def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                found += [int(c) for c in handle.read().split()]
    except OSError:
        pass
    return found


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _cpu_s(stat_path: str) -> tuple[str, float]:
    """(thread or process name, user + system CPU seconds) from a /proc .../stat file."""
    with open(stat_path) as handle:
        text = handle.read()
    fields = text[text.rindex(")") + 2:].split()
    return text[text.index("(") + 1:text.rindex(")")], (int(fields[11]) + int(fields[12])) / _TICKS


def _cpu_sample(pid: int, main: bool, seen: dict) -> None:
    """Record the CPU seconds of PID so far: of the measured process (RocksDB's threads apart)
    or of one of its descendants."""
    try:
        seen[("main" if main else "workers", pid)] = _cpu_s(f"/proc/{pid}/stat")[1]  # ended threads included
        if main:
            for task in os.listdir(f"/proc/{pid}/task"):
                name, seconds = _cpu_s(f"/proc/{pid}/task/{task}/stat")
                if name.startswith("rocksdb"):
                    seen[("rocksdb", int(task))] = seconds
    except OSError:
        pass


@dataclass
class Run:
    seconds: float  # wall time
    peak_mib: float  # the largest sum of the resident memory of the process and its descendants
    out: str  # its standard output
    cpu: dict[str, float]  # CPU seconds as last sampled: {"main": the process, "rocksdb": RocksDB's
    #                         threads in it, "workers": its descendants}


def run_measured(cmd: list[str]) -> Run:
    """Run CMD, sampling its memory and CPU from /proc."""
    start = time.perf_counter()
    process = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    peak = 0
    seen: dict = {}
    done = threading.Event()

    def sample():
        nonlocal peak
        while not done.is_set():
            pids, total = [process.pid], 0
            while pids:
                pid = pids.pop()
                total += _rss_kib(pid)
                _cpu_sample(pid, pid == process.pid, seen)
                pids += _children(pid)
            peak = max(peak, total)
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = process.communicate()
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    if process.returncode not in (0,):
        raise SystemExit(f"{' '.join(cmd)} failed ({process.returncode}):\n{err[-3000:]}")
    cpu = {kind: round(sum(v for (k, _), v in seen.items() if k == kind), 2) for kind in ("main", "rocksdb", "workers")}
    return Run(seconds, peak / 1024, out, cpu)


def _number(pattern: str, text: str) -> float:
    match = re.search(pattern, text)
    if not match:
        raise SystemExit(f"no {pattern!r} in the build's output:\n{text}")
    return float(match.group(1))


def folder_mib(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2 ** 20


def bench_size(count: int, work: Path, jobs: int, fmt: str, repeat: int, budget: float) -> dict:
    corpus, store = work / f"corpus-{count}", work / f"store-{count}"
    shutil.rmtree(corpus, ignore_errors=True)
    shutil.rmtree(store, ignore_errors=True)
    generate = [sys.executable, str(ROOT / "benchmarks" / "generate.py")]
    shard = ["--jsonl-shard", "5000"] if fmt == "jsonl" else []
    subprocess.run(generate + ["--count", str(count), "--out", str(corpus), "--seed", "1", "--format", fmt] + shard,
                   check=True, capture_output=True)
    build = KG + ["build", str(corpus), "--store", str(store), "--jobs", str(jobs), "--no-progress"]
    result: dict = {"articles": count, "format": fmt, "jobs": jobs}

    full = run_measured(build)
    out, cpu = full.out, full.cpu
    mapped = _number(r"mapped (\d+)", out)
    if mapped != count:
        raise SystemExit(f"the full build mapped {mapped:.0f} of {count} articles:\n{out}")
    mapping_cpu = _number(r"cpu: mapping ([\d.]+) s", out)
    validation_cpu = _number(r"validation ([\d.]+) s", out)
    result.update(full_build_s=round(full.seconds, 1), build_articles_per_s=round(count / full.seconds, 1),
                  mapping_articles_per_cpu_s=round(count / mapping_cpu, 1),
                  validation_articles_per_cpu_s=round(count / validation_cpu, 1) if validation_cpu else None,
                  violations=int(_number(r"violations: (\d+)", out)), peak_mib=round(full.peak_mib),
                  # where the CPU of the full build went, per article: the workers (mapping, validating,
                  # N-Quads), the building process (reading, bulk loads), RocksDB's compaction in it
                  cpu_ms_per_article={"workers": round(cpu["workers"] / count * 1000, 2),
                                      "main": round(cpu["main"] / count * 1000, 2),
                                      "of_main_rocksdb": round(cpu["rocksdb"] / count * 1000, 2)})

    again = run_measured(build)
    result["no_change_rebuild_s"] = round(again.seconds, 2)
    result["peak_mib"] = max(result["peak_mib"], round(again.peak_mib))
    if _number(r"mapped (\d+)", again.out) != 0:
        raise SystemExit(f"nothing changed, yet articles were mapped again:\n{again.out}")

    changed = json.loads(subprocess.run(generate + ["--in", str(corpus), "--modify-fraction", "0.01", "--seed", "2"],
                                        check=True, capture_output=True, text=True).stdout)["modified"]
    incremental = run_measured(build)
    result.update(one_percent_rebuild_s=round(incremental.seconds, 2), one_percent_modified=changed,
                  one_percent_remapped=int(_number(r"mapped (\d+)", incremental.out)))
    result["peak_mib"] = max(result["peak_mib"], round(incremental.peak_mib))
    result["store_mib"] = round(folder_mib(store))

    asked = run_measured([sys.executable, str(ROOT / "benchmarks" / "bench_queries.py"), "--store", str(store),
                          "--repeat", str(repeat), "--budget", str(budget), "--json"])
    queries = json.loads(asked.out)
    result["query_peak_mib"] = round(asked.peak_mib)
    result["queries"] = [{k: r[k] for k in ("query", "params", "rows", "median_ms", "p95_ms")} for r in queries["results"]]
    filtered = [r["median_ms"] for r in queries["results"] if r["params"]]
    whole = [r["median_ms"] for r in queries["results"] if not r["params"]]
    result["filtered_queries_under_200ms"] = f"{sum(ms < 200 for ms in filtered)} of {len(filtered)}"
    result["slowest_filtered_query_median_ms"] = max(filtered)
    result["whole_table_query_median_ms"] = [min(whole), max(whole)]
    return result


def machine() -> str:
    with open("/proc/meminfo") as handle:
        mem_kib = int(handle.readline().split()[1])
    return f"{os.cpu_count()} cores, {mem_kib / 2 ** 20:.0f} GiB, Python {sys.version.split()[0]}"


def markdown(results: list[dict]) -> str:
    head = ("| articles | build articles/s (target 500) | mapping articles/CPU-s | validation articles/CPU-s | "
            "peak memory MiB, build / queries (target < 2048) | store MiB | no-change rebuild s | 1% rebuild s (target < 10 at 100k) | "
            "queries with parameters under 200 ms (slowest median ms) | whole-table queries median ms | "
            "CPU ms an article: workers + building process (of which compaction) |")
    lines = [head, "|" + " ---: |" * (head.count("|") - 1)]
    for r in results:
        lines.append(f"| {r['articles']:,} | {r['build_articles_per_s']} | {r['mapping_articles_per_cpu_s']} | "
                     f"{r['validation_articles_per_cpu_s']} | {r['peak_mib']} / {r['query_peak_mib']} | "
                     f"{r['store_mib']} | {r['no_change_rebuild_s']} | {r['one_percent_rebuild_s']} | "
                     f"{r['filtered_queries_under_200ms']} ({r['slowest_filtered_query_median_ms']}) | "
                     f"{r['whole_table_query_median_ms'][0]:,}–{r['whole_table_query_median_ms'][1]:,} | "
                     + (f"{cpu['workers']} + {cpu['main']} ({cpu['of_main_rocksdb']}) |"
                        if (cpu := r.get("cpu_ms_per_article")) else " |"))
    # The parameter values are picked from each store's data, so runs are matched by query and
    # parameter names (the second run with the same names, e.g. a median country, is "#2").
    keyed: list[dict] = []
    for r in results:
        found, count = {}, {}
        for q in r["queries"]:
            names = ", ".join(q["params"]) or "(defaults)"
            count[(q["query"], names)] = count.get((q["query"], names), 0) + 1
            suffix = f" #{count[(q['query'], names)]}" if count[(q["query"], names)] > 1 else ""
            found[(q["query"], names + suffix)] = q
        keyed.append(found)
    lines += ["", "| query | parameters | " + " | ".join(f"{r['articles']:,}: median ms (rows)" for r in results) + " |",
              "| --- | --- |" + " ---: |" * len(results)]
    for name, names in sorted({key for found in keyed for key in found}):
        cells = [f"{f[(name, names)]['median_ms']:,} ({f[(name, names)]['rows']:,})" if (name, names) in f else ""
                 for f in keyed]
        lines.append(f"| {name} | {names} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000])
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--format", choices=["txt", "jsonl"], default="jsonl",
                    help="corpus layout (default jsonl, 5,000 articles a file: .txt makes two files an article)")
    ap.add_argument("--work", type=Path, default=ROOT / "benchmarks" / "out" / "scale")
    ap.add_argument("--repeat", type=int, default=7, help="runs per query; the median is reported")
    ap.add_argument("--budget", type=float, default=30,
                    help="seconds per query case after which it is not repeated (whole tables at 100k)")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--markdown", action="store_true", help="also print the results as Markdown tables")
    ap.add_argument("--tables-from", type=Path, metavar="JSON", help="print the tables of an earlier --json run")
    args = ap.parse_args()
    if args.tables_from:
        print(markdown(json.loads(args.tables_from.read_text())["results"]))
        return 0
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"machine: {machine()}; load average before: {os.getloadavg()[0]:.2f}", flush=True)
    results = []
    for count in args.sizes:
        result = bench_size(count, args.work, args.jobs, args.format, args.repeat, args.budget)
        result["load_after"] = round(os.getloadavg()[0], 2)
        results.append(result)
        for key, value in result.items():
            if key != "queries":
                print(f"{key:>32}: {value}")
        for q in result["queries"]:
            print(f"{'query ' + q['query']:>32}: {q['median_ms']} ms median, {q['rows']} rows, "
                  f"{json.dumps(q['params'], ensure_ascii=False)}")
        print(flush=True)
    if args.markdown:
        print(markdown(results))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"machine": machine(), "results": results}, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
