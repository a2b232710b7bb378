#!/usr/bin/env python3
"""Resolution across articles, measured: pairwise F1 on generated clusters of reports, and its time.

    python benchmarks/bench_resolution.py --count 10000 [--jobs 2] [--json FILE] [--work DIR]
    python benchmarks/bench_resolution.py --count 100000 --no-score --work DIR

Generates COUNT articles with `generate.py --clusters` (benchmarks/reports.py: each interaction
told by up to five outlets, with wording, name, date and mode noise and hard negatives; gold
YAML with cluster keys), builds them into a fresh store, scores `kg query interactions --format
csv` with ../shared/eval/clusters.py (--no-score skips it: it compares every pair of gold events,
too slow at 100,000), then times: the resolution of the first build (everything new), resolving
the whole store again from scratch, and a rebuild after 1% of the articles changed (the build's
total and its resolution stage). With --work, a corpus or store already there is used again.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from kg.build import build  # noqa: E402
from kg.queries import get_query, stream_local, write_result  # noqa: E402
from kg.resolve import resolve  # noqa: E402
from kg.store import KGStore  # noqa: E402

SCORER = ROOT.parent / "shared" / "eval" / "clusters.py"


def machine() -> str:
    """Cores, memory and Python: what the times depend on."""
    memory = ""
    try:
        kib = int(next(line for line in open("/proc/meminfo") if line.startswith("MemTotal")).split()[1])
        memory = f", {kib / 2**20:.0f} GiB"
    except (OSError, StopIteration, ValueError):
        pass
    return f"{os.cpu_count()} cores{memory}, Python {platform.python_version()}"


def commit() -> str | None:
    found = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    return found.stdout.strip() or None


def score(store: KGStore, corpus: Path, work: Path, verbose: bool = False) -> dict:
    """clusters.py on the store's interactions CSV and the corpus's gold."""
    csv_path = work / "interactions.csv"
    with open(csv_path, "w", encoding="utf-8", newline="") as fh:
        write_result(stream_local(store, get_query("interactions"), {}), "csv", fh)
    command = [sys.executable, str(SCORER), str(csv_path), str(corpus / "gold"), "--json"]
    scored = subprocess.run(command + (["--verbose"] if verbose else []), check=True, capture_output=True, text=True)
    if verbose:
        (work / "pairs.txt").write_text(scored.stdout, encoding="utf-8")
    text = scored.stdout[scored.stdout.index("{\n"):]
    return json.loads(text[:text.rindex("}") + 1])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--work", help="folder for the corpus and the store (default: a temporary one)")
    ap.add_argument("--json", help="write the results here too")
    ap.add_argument("--no-score", action="store_true",
                    help="time only (the scorer compares every pair of gold events: too slow at 100,000)")
    ap.add_argument("--verbose", action="store_true", help="the scorer lists every wrong pair (in WORK/pairs.txt)")
    args = ap.parse_args(argv)
    if not SCORER.is_file():
        ap.error(f"the scorer is not at {SCORER}")
    work = Path(args.work or tempfile.mkdtemp(prefix="bench-resolution-"))
    corpus = work / "corpus"
    out: dict = {"articles": args.count, "machine": machine(), "commit": commit()}
    if not (corpus / "corpus.jsonl").exists():
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--clusters", "--count",
                        str(args.count), "--seed", str(args.seed), "--out", str(corpus)], check=True)
    store = KGStore(work / "store")
    started = time.perf_counter()
    summary = build([str(corpus / "corpus.jsonl")], store, jobs=args.jobs)
    out["build_seconds"] = round(time.perf_counter() - started, 2)
    first = summary.resolution or resolve(store)  # none when an existing store was complete already
    out["reports"], out["interactions"] = first.reports, first.interactions
    out["resolution_first_build_seconds"] = round(first.seconds, 2)
    out["resolution_first_build_from_scratch"] = first.rebuilt
    print(json.dumps(out), flush=True)
    if not args.no_score:
        out["score"] = score(store, corpus, work, args.verbose)
        print(json.dumps(out["score"]), flush=True)
    again = resolve(store, everything=True)
    out["resolution_from_scratch_seconds"] = round(again.seconds, 2)
    # 1% of the articles rewritten: a sentence added to each
    lines = (corpus / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    rng = random.Random(args.seed)
    for i in rng.sample(range(len(lines)), max(1, len(lines) // 100)):
        record = json.loads(lines[i])
        record["text"] += "The talks were described as constructive.\n"
        lines[i] = json.dumps(record, ensure_ascii=False)
    (corpus / "corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    started = time.perf_counter()
    summary = build([str(corpus / "corpus.jsonl")], store, jobs=args.jobs)
    out["rebuild_1pct_seconds"] = round(time.perf_counter() - started, 2)
    out["rebuild_1pct_mapped"] = summary.mapped
    out["resolution_1pct_seconds"] = round(summary.resolution.seconds, 2)
    out["resolution_1pct_compared"] = summary.resolution.region
    print(json.dumps(out, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
