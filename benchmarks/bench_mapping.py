#!/usr/bin/env python3
"""Benchmark the mapper (and optionally SHACL validation) in-process, on one core.

    python benchmarks/bench_mapping.py --corpus /tmp/bench1k [--limit N] [--validate [--validator pyshacl]]
    python benchmarks/bench_mapping.py --corpus /tmp/bench1k --profile 2> profile.txt

Reads the corpus with kg.articles.read_paths and maps each article with
kg.mapper.map_article, timing every call. Setup (loading the gazetteer, and for --validate
the reference context and the shapes) is timed apart, and so is reading. Reports articles,
seconds, articles/s, mean/p50/p95/p99/max ms an article, peak RSS (ru_maxrss) after the
timed loop, and tracemalloc's peak in a second, traced pass over the first
--tracemalloc-limit articles (tracing slows Python down several times, so it never runs
inside the timed loop). --validate times the validation of each mapped article and reports
validation throughput on its own: --validator native (default) runs kg.shacl_native.validate_triples
on the article's triples, --validator pyshacl kg.validate.validate_article on its rdflib graph (the
graph's construction included, as in kg build). --profile runs cProfile around the
map_article calls only and prints the top functions by cumulative time to stderr (the
timings of a profiled run are inflated; compare them only with other profiled runs).
"""
from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import os
import platform
import pstats
import resource
import sys
import time
import tracemalloc
from array import array
from pathlib import Path


def pin_to_one_core(cpu: int | None) -> int | None:
    """With --cpu N, run on core N only (the loop is single-threaded either way)."""
    if cpu is None or not hasattr(os, "sched_setaffinity"):
        return None
    os.sched_setaffinity(0, {cpu})
    return cpu


def rss_mib() -> float | None:
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def peak_rss_mib() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB on Linux


def percentile(sorted_values, q: float) -> float:
    if not sorted_values:
        return float("nan")
    k = (len(sorted_values) - 1) * q
    lo = int(k)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (k - lo)


def summary(ms: array, seconds: float) -> dict:
    values = sorted(ms)
    n = len(values)
    return {
        "articles": n,
        "seconds": round(seconds, 3),
        "articles_per_s": round(n / seconds, 2) if seconds else None,
        "mean_ms": round(sum(values) / n, 3) if n else None,
        "p50_ms": round(percentile(values, 0.50), 3),
        "p95_ms": round(percentile(values, 0.95), 3),
        "p99_ms": round(percentile(values, 0.99), 3),
        "max_ms": round(values[-1], 3) if n else None,
    }


def print_profile(profiler: cProfile.Profile, title: str, sort: str, top: int) -> None:
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats(sort).print_stats(top)
    print(f"\n=== {title}: top {top} by {sort} ===", file=sys.stderr)
    print(out.getvalue(), file=sys.stderr)


def articles(corpus: list[str], limit: int | None, errors: list[str], read_time: list[float]):
    """The corpus's articles, with the time spent reading them added up in read_time[0]."""
    from kg.articles import InputError, read_paths
    it = read_paths(corpus)
    n = 0
    while limit is None or n < limit:
        t0 = time.perf_counter()
        try:
            item = next(it)
        except StopIteration:
            read_time[0] += time.perf_counter() - t0
            return
        read_time[0] += time.perf_counter() - t0
        if isinstance(item, InputError):
            errors.append(str(item))
            continue
        n += 1
        yield item


def validate_mapped(mapped, context, validator: str):
    if validator == "native":
        from kg.shacl_native import validate_triples
        return validate_triples(mapped.triples.triples, context, unique=True)
    from kg.validate import validate_article
    return validate_article(mapped.graph, context)  # builds the rdflib graph first, as kg build does


def traced_pass(args, gazetteer, context) -> dict:
    """Map (and validate) the first articles again under tracemalloc: peak and what stays."""
    from kg.mapper import map_article
    limit = None if args.tracemalloc_limit < 0 else args.tracemalloc_limit
    if args.limit is not None:
        limit = args.limit if limit is None else min(limit, args.limit)
    gc.collect()
    tracemalloc.start()
    base, _ = tracemalloc.get_traced_memory()
    n = 0
    t0 = time.perf_counter()
    for article in articles(args.corpus, limit, [], [0.0]):
        mapped = map_article(article, gazetteer)
        if context is not None:
            validate_mapped(mapped, context, args.validator)
        n += 1
    seconds = time.perf_counter() - t0
    del mapped
    gc.collect()
    current, peak = tracemalloc.get_traced_memory()
    top = tracemalloc.take_snapshot().statistics("filename")[:5] if args.tracemalloc_top else []
    tracemalloc.stop()
    return {
        "articles": n,
        "seconds": round(seconds, 2),
        "peak_mib": round((peak - base) / 2**20, 2),
        "retained_mib": round((current - base) / 2**20, 2),
        "top_retained": [f"{s.traceback[0].filename}: {s.size / 2**20:.2f} MiB" for s in top],
    }


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", nargs="+", required=True, metavar="PATH",
                    help="folder(s) or files of articles (.txt with .meta.json sidecars, or .jsonl)")
    ap.add_argument("--limit", type=int, help="map at most N articles")
    ap.add_argument("--validate", action="store_true", help="also validate each mapped graph (timed apart)")
    ap.add_argument("--validator", choices=("native", "pyshacl"), default="native",
                    help="with --validate: the compiled shapes (default) or pyshacl")
    ap.add_argument("--profile", action="store_true", help="cProfile the map_article calls; stats to stderr")
    ap.add_argument("--profile-sort", default="cumulative", help="pstats sort key (default cumulative)")
    ap.add_argument("--profile-top", type=int, default=25, help="functions to print (default 25)")
    ap.add_argument("--profile-out", help="also save the mapping profile to this file (pstats format)")
    ap.add_argument("--tracemalloc-limit", type=int, default=300, metavar="N",
                    help="articles in the traced pass (default 300; -1 = all, 0 = skip)")
    ap.add_argument("--tracemalloc-top", action="store_true", help="list the files holding retained memory")
    ap.add_argument("--cpu", type=int, help="pin the process to this core (default: not pinned)")
    ap.add_argument("--slowest", type=int, default=5, help="list the N slowest articles (default 5)")
    ap.add_argument("--json", metavar="FILE", help="write the results as JSON to FILE ('-' for stdout)")
    args = ap.parse_args(argv)

    core = pin_to_one_core(args.cpu)
    from kg import gazetteer as gazetteer_module
    from kg.mapper import map_article

    results: dict = {"corpus": args.corpus, "python": platform.python_version(), "core": core,
                     "cpus": os.cpu_count(), "validate": args.validate,
                     "validator": args.validator if args.validate else None, "profiled": args.profile}
    t0 = time.perf_counter()
    gazetteer = gazetteer_module.load()
    setup = {"gazetteer_s": round(time.perf_counter() - t0, 3)}
    context = None
    if args.validate:
        from kg.validate import ReferenceContext, shapes_graph
        t0 = time.perf_counter()
        context = ReferenceContext(gazetteer_module.load_reference_graph())
        shapes_graph()
        if args.validator == "native":
            from kg.shacl_native import compiled_shapes
            compiled_shapes()
        setup["validation_context_s"] = round(time.perf_counter() - t0, 3)
    setup["rss_after_setup_mib"] = round(rss_mib() or 0, 1)
    results["setup"] = setup
    try:
        results["loadavg_before"] = os.getloadavg()[0]
    except OSError:
        pass

    map_ms, val_ms = array("d"), array("d")
    errors: list[str] = []
    read_time = [0.0]
    profiler = cProfile.Profile() if args.profile else None
    vprofiler = cProfile.Profile() if args.profile and args.validate else None
    triples = events = people = violations = warnings = failures = 0
    slowest: list[tuple[float, str, int]] = []
    by_genre: dict[str, list[float]] = {}
    perf = time.perf_counter
    loop_start = perf()
    for article in articles(args.corpus, args.limit, errors, read_time):
        t = perf()
        if profiler:
            profiler.enable()
        try:
            mapped = map_article(article, gazetteer)
        except Exception as exc:  # a mapper bug on one article is a finding, not the end of the run
            if profiler:
                profiler.disable()
            failures += 1
            errors.append(f"{article.source}: the mapper failed ({type(exc).__name__}: {exc})")
            continue
        if profiler:
            profiler.disable()
        elapsed = (perf() - t) * 1000
        map_ms.append(elapsed)
        triples += len(mapped.triples)
        events += len(mapped.events)
        people += mapped.people
        genre = (article.extra.get("synthetic") or {}).get("genre") if isinstance(article.extra, dict) else None
        if genre:
            by_genre.setdefault(genre, []).append(elapsed)
        if args.slowest:
            slowest.append((elapsed, article.id, len(article.text.split())))
            if len(slowest) > 4 * args.slowest:
                slowest = sorted(slowest, reverse=True)[: args.slowest]
        if context is not None:
            t = perf()
            if vprofiler:
                vprofiler.enable()
            found = validate_mapped(mapped, context, args.validator)
            if vprofiler:
                vprofiler.disable()
            val_ms.append((perf() - t) * 1000)
            violations += sum(1 for f in found if f.severity == "Violation")
            warnings += sum(1 for f in found if f.severity == "Warning")
    loop_s = perf() - loop_start
    results["peak_rss_mib"] = round(peak_rss_mib(), 1)
    try:
        results["loadavg_after"] = os.getloadavg()[0]
    except OSError:
        pass
    results["rss_after_loop_mib"] = round(rss_mib() or 0, 1)

    map_s = sum(map_ms) / 1000
    results["mapping"] = summary(map_ms, map_s)
    results["mapping"].update(triples=triples, events=events, people=people, failures=failures,
                              triples_per_article=round(triples / len(map_ms), 1) if map_ms else None)
    # end to end = reading + mapping (+ validating), without this script's own bookkeeping
    work_s = read_time[0] + map_s + sum(val_ms) / 1000
    results["reading_s"] = round(read_time[0], 3)
    results["loop_s"] = round(loop_s, 3)
    results["end_to_end_s"] = round(work_s, 3)
    results["end_to_end_articles_per_s"] = round(len(map_ms) / work_s, 2) if work_s else None
    if context is not None:
        results["validation"] = summary(val_ms, sum(val_ms) / 1000)
        results["validation"].update(violations=violations, warnings=warnings)
    if by_genre:
        results["mapping_by_genre"] = {g: {"articles": len(v), "mean_ms": round(sum(v) / len(v), 2),
                                           "p95_ms": round(percentile(sorted(v), 0.95), 2)}
                                       for g, v in sorted(by_genre.items())}
    if slowest:
        results["slowest"] = [{"id": i, "ms": round(ms, 1), "words": w}
                              for ms, i, w in sorted(slowest, reverse=True)[: args.slowest]]
    results["input_errors"] = len(errors)
    if args.tracemalloc_limit and map_ms:
        results["tracemalloc"] = traced_pass(args, gazetteer, context)

    report(results, errors)
    if profiler:
        print_profile(profiler, "map_article", args.profile_sort, args.profile_top)
        if args.profile_out:
            profiler.dump_stats(args.profile_out)
    if vprofiler:
        print_profile(vprofiler, f"validation ({args.validator})", args.profile_sort, args.profile_top)
    if args.json:
        text = json.dumps(results, indent=2) + "\n"
        if args.json == "-":
            sys.stdout.write(text)
        else:
            Path(args.json).write_text(text, encoding="utf-8")
    return results


def report(r: dict, errors: list[str]) -> None:
    m = r["mapping"]
    out = sys.stdout
    print(f"corpus:               {' '.join(r['corpus'])}", file=out)
    print(f"python {r['python']}, {'pinned to core ' + str(r['core']) if r['core'] is not None else 'single-threaded'}, "
          f"{r['cpus']} cores on the machine; load average {r.get('loadavg_before', float('nan')):.2f} "
          f"before, {r.get('loadavg_after', float('nan')):.2f} after the loop"
          + ("  [PROFILED: timings inflated]" if r["profiled"] else ""), file=out)
    s = r["setup"]
    print(f"setup:                gazetteer {s['gazetteer_s']:.2f} s"
          + (f", validation context + shapes {s['validation_context_s']:.2f} s" if "validation_context_s" in s else "")
          + f"; RSS after setup {s['rss_after_setup_mib']:.0f} MiB", file=out)
    print(f"articles:             {m['articles']:,}  (input errors {r['input_errors']}, mapper failures {m['failures']})",
          file=out)
    if not m["articles"]:
        return
    print(f"mapping total:        {m['seconds']:.2f} s   ->  {m['articles_per_s']:.1f} articles/s", file=out)
    print(f"mapping ms/article:   mean {m['mean_ms']:.1f}  p50 {m['p50_ms']:.1f}  p95 {m['p95_ms']:.1f}  "
          f"p99 {m['p99_ms']:.1f}  max {m['max_ms']:.1f}", file=out)
    print(f"mapped:               {m['triples']:,} triples ({m['triples_per_article']}/article), "
          f"{m['events']:,} events, {m['people']:,} people", file=out)
    if "validation" in r:
        v = r["validation"]
        print(f"validation total:     {v['seconds']:.2f} s   ->  {v['articles_per_s']:.1f} articles/s "
              f"({r['validator']})", file=out)
        print(f"validation ms/art:    mean {v['mean_ms']:.2f}  p50 {v['p50_ms']:.2f}  p95 {v['p95_ms']:.2f}  "
              f"p99 {v['p99_ms']:.2f}  max {v['max_ms']:.2f}", file=out)
        print(f"validation findings:  {v['violations']:,} violations, {v['warnings']:,} warnings", file=out)
    print(f"reading:              {r['reading_s']:.2f} s; read + map{' + validate' if 'validation' in r else ''} "
          f"{r['end_to_end_s']:.2f} s -> {r['end_to_end_articles_per_s']:.1f} articles/s end to end "
          f"(loop wall time {r['loop_s']:.2f} s)", file=out)
    print(f"peak RSS:             {r['peak_rss_mib']:.0f} MiB (ru_maxrss after the loop; RSS now "
          f"{r['rss_after_loop_mib']:.0f} MiB)", file=out)
    if "tracemalloc" in r:
        t = r["tracemalloc"]
        print(f"tracemalloc:          peak {t['peak_mib']:.1f} MiB, retained {t['retained_mib']:.1f} MiB over "
              f"{t['articles']:,} articles (traced pass, {t['seconds']:.0f} s)", file=out)
        for line in t["top_retained"]:
            print(f"                        {line}", file=out)
    if "mapping_by_genre" in r:
        parts = [f"{g} {v['mean_ms']:.0f}/{v['p95_ms']:.0f}" for g, v in r["mapping_by_genre"].items()]
        print(f"by genre (mean/p95 ms): {', '.join(parts)}", file=out)
    if "slowest" in r:
        print("slowest:              " + ", ".join(f"{s['id']} {s['ms']:.0f} ms ({s['words']} words)"
                                                  for s in r["slowest"]), file=out)
    for e in errors[:5]:
        print(f"error: {e}", file=sys.stderr)
    if len(errors) > 5:
        print(f"... and {len(errors) - 5} more errors", file=sys.stderr)


if __name__ == "__main__":
    main()
