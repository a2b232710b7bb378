#!/usr/bin/env python3
"""Would a learned filter on the mapper's events carry over to articles it was not fitted to?

An experiment, not a stage of the mapper: it reads what `scripts/eval_real.py --keep DIR` leaves
(interactions.csv and the gold of the split), labels each extracted event by whether
`../shared/eval/score.py` matches it to a gold event, describes each event by what the query's rows
show (its type and status, whether it has a day and a place, how many parties and of what kind, whether
a party stands only as a country or holds no role, how many events its article has), and fits a logistic
regression (numpy, no other dependency) on some articles to drop the events it finds unlikely in the
others. Folds are by article, so no article's events are both fitted and judged.

    .venv/bin/python scripts/eval_real.py --split dev --keep /tmp/dev
    .venv/bin/python scripts/filter_experiment.py /tmp/dev [--folds 5]

It prints event F1 on the held-out folds without the filter and with it (the threshold chosen inside the
training folds). The question it answers is whether the direction "learn the decision" is worth a
real component (features from the parse, a model file, tests); the answer is in the closing note.
"""
from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT.parent / "shared" / "eval"))
import score  # noqa: E402

TYPES = ["Meeting", "CourtesyCall", "Visit", "StateVisit", "OfficialVisit", "WorkingVisit", "PhoneCall",
         "VideoConference", "Correspondence", "AgreementSigning"]


def features(rows: list[dict], events_in_article: int) -> list[float]:
    first = rows[0]
    kind = first["type"].rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    names = [r["participant_name"] for r in rows]
    countries = {r["participant_country"] for r in rows if r["participant_country"]}
    country_only = sum(1 for r in rows if r["participant"].startswith("https://w3id.org/dipkg/id/country/"))
    no_role = sum(1 for r in rows if not r["participant_role"])
    return [1.0, *(float(kind == t) for t in TYPES), float(first["status"].endswith("planned")),
            float(bool(first["date"])), float(bool(first["place"])), float(len(names)), float(len(countries)),
            float(country_only), float(no_role), float(country_only == len(names)), float(events_in_article),
            float(events_in_article >= 5), float(any(not r["participant_country"] for r in rows))]


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 2000, rate: float = 0.1) -> np.ndarray:
    mean, std = x[:, 1:].mean(0), x[:, 1:].std(0) + 1e-9
    z = np.hstack([x[:, :1], (x[:, 1:] - mean) / std])
    w = np.zeros(z.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-z @ w))
        w -= rate * (z.T @ (p - y) / len(y) + l2 * np.r_[0, w[1:]] / len(y))
    return np.r_[w, mean, std]


def predict(model: np.ndarray, x: np.ndarray) -> np.ndarray:
    n = x.shape[1]
    w, mean, std = model[:n], model[n:2 * n - 1], model[2 * n - 1:]
    z = np.hstack([x[:, :1], (x[:, 1:] - mean) / std])
    return 1 / (1 + np.exp(-z @ w))


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("keep", type=Path, help="the --keep directory of scripts/eval_real.py")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    gold = score.load_gold(args.keep / "gold")
    predicted = score.load_predictions(args.keep / "interactions.csv")
    rows_of: dict[str, list[dict]] = defaultdict(list)
    with (args.keep / "interactions.csv").open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            rows_of[row["event"]].append(row)
    samples = {}  # article -> [(features, matched)], and its gold count
    for article, g in gold.items():
        events = predicted.get(article, [])
        matched = {id(p) for _, p in score.match(g["events"], events)}
        samples[article] = ([(features(rows_of[e.key], len(events)), float(id(e) in matched)) for e in events],
                            len(g["events"]))
    articles = sorted(samples)
    random.Random(args.seed).shuffle(articles)
    folds = [articles[i::args.folds] for i in range(args.folds)]
    totals = {"plain": [0, 0, 0], "filtered": [0, 0, 0]}
    for k, held in enumerate(folds):
        train = [a for i, f in enumerate(folds) if i != k for a in f]
        xs = np.array([f for a in train for f, _ in samples[a][0]])
        ys = np.array([m for a in train for _, m in samples[a][0]])
        model = fit(xs, ys)
        # the threshold that gives the training folds their best F1
        scores = predict(model, xs)
        gold_train = sum(samples[a][1] for a in train)
        best = max((f1(int(ys[scores >= t].sum()), int((1 - ys[scores >= t]).sum()),
                       gold_train - int(ys[scores >= t].sum())), t) for t in np.linspace(0, 0.9, 46))[1]
        for a in held:
            events, n_gold = samples[a]
            tp = int(sum(m for _, m in events))
            totals["plain"] = [totals["plain"][0] + tp, totals["plain"][1] + len(events) - tp,
                               totals["plain"][2] + n_gold - tp]
            if events:
                keep = predict(model, np.array([f for f, _ in events])) >= best
                kept = [m for (f, m), ok in zip(events, keep) if ok]
            else:
                kept = []
            tpf = int(sum(kept))
            totals["filtered"] = [totals["filtered"][0] + tpf, totals["filtered"][1] + len(kept) - tpf,
                                  totals["filtered"][2] + n_gold - tpf]
    for name, (tp, fp, fn) in totals.items():
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        print(f"{name:9} held-out event F1 {f1(tp, fp, fn):.3f} (P {p:.3f} R {r:.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
