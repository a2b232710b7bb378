#!/usr/bin/env python3
"""Assemble the real-news development set from what annotators wrote.

Annotators leave, per article, realnews/cache/<id>.txt and .meta.json, a gold file in
realnews/gold/incoming/ and a manifest line in realnews/manifest-parts/<annotator>.jsonl. This
script merges the parts into realnews/manifest.jsonl (adding the published date from the sidecar
and the split) and moves each gold file to realnews/gold/<split>/.

The split is fixed by the id alone (or by the `group` that reports of one interaction share) (a third of the ids, by their sha256, are the frozen
validation split), so it does not depend on the order articles were annotated in, on what the
mapper does with them, or on who annotated them; an article keeps its split when more are added.
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
REALNEWS = ROOT / "realnews"


def split_of(key: str) -> str:
    return "validation" if int(hashlib.sha256(key.encode()).hexdigest()[:8], 16) % 3 == 0 else "dev"


def main() -> int:
    manifest_path = REALNEWS / "manifest.jsonl"
    entries = {}
    if manifest_path.exists():
        for line in manifest_path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                entry = json.loads(line)
                entries[entry["id"]] = entry
    problems = []
    for part in sorted((REALNEWS / "manifest-parts").glob("*.jsonl")):
        for number, line in enumerate(part.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            entry = json.loads(line)
            article_id = entry["id"]
            text = REALNEWS / "cache" / f"{article_id}.txt"
            meta = REALNEWS / "cache" / f"{article_id}.meta.json"
            incoming = REALNEWS / "gold" / "incoming" / f"{article_id}.yaml"
            # Reports of one interaction share a `group` and so a split: a validation report of a
            # meeting whose dev report rules were fitted to would not be unseen.
            split = entries.get(article_id, {}).get("split") or split_of(entry.get("group") or article_id)
            placed = REALNEWS / "gold" / split / f"{article_id}.yaml"
            if not text.exists() or not (incoming.exists() or placed.exists()):
                problems.append(f"{part.name}:{number}: {article_id} has no text or no gold")
                continue
            if hashlib.sha256(text.read_bytes()).hexdigest() != entry["sha256"]:
                problems.append(f"{part.name}:{number}: {article_id}: the text's sha256 differs")
                continue
            published = json.loads(meta.read_text(encoding="utf-8")).get("published") if meta.exists() else None
            gold_source = incoming if incoming.exists() else placed
            yaml.safe_load(gold_source.read_text(encoding="utf-8"))  # a broken file stops here, named
            entries[article_id] = {
                "id": article_id, "url": entry["url"], "query": entry["query"], "sha256": entry["sha256"],
                "publisher": entry.get("publisher"), "published": published, "region": entry.get("region"),
                "category": entry.get("category"), "split": split,
                **({"group": entry["group"]} if entry.get("group") else {})}
            placed.parent.mkdir(parents=True, exist_ok=True)
            if incoming.exists():
                incoming.replace(placed)
    manifest_path.write_text("".join(json.dumps(entries[k], ensure_ascii=False) + "\n" for k in sorted(entries)),
                             encoding="utf-8")
    for problem in problems:
        print(problem, file=sys.stderr)
    counts = {s: sum(e["split"] == s for e in entries.values()) for s in ("dev", "validation")}
    print(f"{len(entries)} articles: {counts}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
