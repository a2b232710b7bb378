#!/usr/bin/env python
"""Benchmark set-up only (python benchmarks/restamp_store.py STORE OLD_CORPUS NEW_CORPUS): a copy of a store built by an earlier mapper, restamped as if the current
mapper had built it (build hashes in the store and in its index of inputs), and its index pointed at a
copy of the corpus, so that a 1% rebuild maps only the changed articles."""
import json, sys
from pathlib import Path
import pyoxigraph as ox
from kg import articles as A
from kg.mapper import build_hash, mapper_fingerprint
from kg.namespaces import DIP, article_graph
store_dir, old_corpus, new_corpus = Path(sys.argv[1]), sys.argv[2].rstrip("/"), sys.argv[3].rstrip("/")
hashes = {}
for path in sorted(Path(new_corpus).glob("*.jsonl")):
    for item in A.read_jsonl(path):
        hashes[item.id] = build_hash(item)
index = json.loads((store_dir / "kg-inputs.json").read_text())
files = {}
for key, entry in index["files"].items():
    entry["articles"] = [[i, hashes.get(i, h), d] for i, h, d in entry["articles"]]
    files[key.replace(old_corpus + "/", new_corpus + "/")] = entry
index["files"], index["fingerprint"] = files, mapper_fingerprint()
store = ox.Store(str(store_dir))
pred = ox.NamedNode(str(DIP.contentHash))
n = 0
for article_id, new in hashes.items():
    g = ox.NamedNode(str(article_graph(article_id)))
    old = list(store.quads_for_pattern(None, pred, None, g))
    for q in old:
        store.remove(q)
        store.add(ox.Quad(q.subject, pred, ox.Literal(new), g))
        n += 1
store.flush()
(store_dir / "kg-inputs.json").write_text(json.dumps(index, separators=(",", ":")))
print("restamped", n, "articles")
