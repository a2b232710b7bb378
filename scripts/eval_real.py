#!/usr/bin/env python3
"""Score the mapper on the real-news development set (realnews/), as `make eval-real` does.

The texts are real outlets' words and are never committed: they live in realnews/cache/
(git-ignored). What is committed is realnews/manifest.jsonl (id, url, the search query that
finds the page, the sha256 of the text, publisher, published date, region, category, split) and
the gold facts in realnews/gold/<split>/. This script

  1. checks the cache against the manifest (every text present, every sha256 equal) and, when it
     is not complete, says which texts are missing and how to restore them (realnews/README.md);
  2. writes each article's .meta.json sidecar from the manifest (the sidecars hold no outlet's
     words, so they are made, not cached);
  3. builds the split's articles into a temporary store and runs ../shared/eval/score.py on
     `kg query interactions` and `kg query people`, as the private sets are scored.

    python scripts/eval_real.py                   # the development split
    python scripts/eval_real.py --split validation
    python scripts/eval_real.py --split dev -v    # list every miss and spurious event
"""
from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REALNEWS = ROOT / "realnews"
CACHE = REALNEWS / "cache"
MANIFEST = REALNEWS / "manifest.jsonl"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
SPLITS = ("dev", "validation")


def load_manifest() -> list[dict]:
    return [json.loads(line) for line in MANIFEST.read_text(encoding="utf-8").splitlines() if line.strip()]


def check_cache(entries: list[dict]) -> list[str]:
    """Problems with the cache: missing texts, or texts whose sha256 differs from the manifest's."""
    problems = []
    for entry in entries:
        path = CACHE / f"{entry['id']}.txt"
        if not path.is_file():
            problems.append(f"{path.relative_to(ROOT)}: missing")
        elif hashlib.sha256(path.read_bytes()).hexdigest() != entry["sha256"]:
            problems.append(f"{path.relative_to(ROOT)}: sha256 differs from the manifest")
    return problems


def write_sidecars(entries: list[dict]) -> None:
    for entry in entries:
        meta = {"id": entry["id"], "url": entry["url"], "published": entry.get("published"),
                "publisher": entry.get("publisher"), "language": "en"}
        path = CACHE / f"{entry['id']}.meta.json"
        text = json.dumps(meta, ensure_ascii=False, indent=1) + "\n"
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")


def kg(*args: str) -> str:
    exe = Path(sys.executable).with_name("kg")
    done = subprocess.run([str(exe), *args], capture_output=True, text=True)
    if done.returncode not in (0, 1):  # 1: some article had a problem, reported on stderr
        raise SystemExit(f"kg {args[0]} failed ({done.returncode}):\n{done.stderr}")
    if done.stderr.strip():
        print(done.stderr.strip(), file=sys.stderr)
    return done.stdout


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=(*SPLITS, "all"), default="dev")
    ap.add_argument("--verbose", "-v", action="store_true", help="list every missed and spurious event")
    ap.add_argument("--json", action="store_true", help="print the scorer's summary as JSON")
    ap.add_argument("--ids", metavar="PREFIX", nargs="+",
                    help="only the articles whose id starts with one of these (a batch: rn-e rn-f)")
    ap.add_argument("--keep", metavar="DIR", help="build into DIR and keep it (and the CSVs) for inspection")
    args = ap.parse_args(argv)

    if not MANIFEST.exists():
        print(f"Error: {MANIFEST.relative_to(ROOT)} is missing", file=sys.stderr)
        return 2
    entries = load_manifest()
    splits = SPLITS if args.split == "all" else (args.split,)
    chosen = [e for e in entries if e["split"] in splits and
              (not args.ids or any(e["id"].startswith(prefix) for prefix in args.ids))]
    problems = check_cache(chosen)
    if problems:
        print(f"The real-news cache is not complete ({len(problems)} of {len(chosen)} texts):", file=sys.stderr)
        for line in problems[:10]:
            print("  " + line, file=sys.stderr)
        print("The texts are real outlets' words and are not in the repository. To restore them, follow "
              "realnews/README.md ('Restoring the texts'); then run this again.", file=sys.stderr)
        return 2
    write_sidecars(chosen)

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(args.keep) if args.keep else Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        inputs = work / "inputs"
        inputs.mkdir(exist_ok=True)
        for entry in chosen:  # the split's articles only: links, so nothing is copied
            for suffix in (".txt", ".meta.json"):
                link = inputs / f"{entry['id']}{suffix}"
                if not link.exists():
                    link.symlink_to(CACHE / f"{entry['id']}{suffix}")
        store = work / "store"
        kg("build", str(inputs), "--store", str(store), "--prune", "--jobs", "1")
        interactions = work / "interactions.csv"
        people = work / "people.csv"
        interactions.write_text(kg("query", "interactions", "--store", str(store), "--format", "csv"), encoding="utf-8")
        people.write_text(kg("query", "people", "--store", str(store), "--format", "csv"), encoding="utf-8")
        gold = work / "gold"
        gold.mkdir(exist_ok=True)
        for split in splits:
            for path in (REALNEWS / "gold" / split).glob("*.yaml"):
                if args.ids and not any(path.stem.startswith(prefix) for prefix in args.ids):
                    continue
                target = gold / path.name
                if not target.exists():
                    target.symlink_to(path)
        command = [sys.executable, str(SCORER), str(gold), str(interactions), "--people", str(people)]
        command += ["--verbose"] if args.verbose else []
        command += ["--json"] if args.json else []
        print(f"split: {', '.join(splits)} ({len(chosen)} articles)", flush=True)
        return subprocess.run(command).returncode


if __name__ == "__main__":
    sys.exit(main())
