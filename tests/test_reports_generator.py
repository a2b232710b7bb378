"""benchmarks/reports.py (generate.py --clusters): the noise its README and docstring promise is there,
with truth that says so, so that the generated resolution benchmark measures what it claims."""
from __future__ import annotations

import datetime as dt
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from reports import interactions  # noqa: E402

COUNT = 600


def corpus():
    return list(interactions(1, COUNT))


def test_each_report_has_its_gold_and_the_reports_of_one_interaction_share_a_key():
    articles = corpus()
    assert len(articles) == COUNT and len({a[0] for a in articles}) == COUNT
    clusters = defaultdict(list)
    for article_id, meta, text, gold in articles:
        assert gold["id"] == article_id == meta["id"] and gold["events"]
        for event in gold["events"]:
            clusters[event["cluster"]].append((meta, event, text))
    sizes = [len({m["id"] for m, _, _ in reports}) for reports in clusters.values()]
    assert max(sizes) == 5 and sum(s >= 2 for s in sizes) > len(sizes) / 2
    # one key's reports come from different outlets
    for reports in clusters.values():
        assert len({m["publisher"] for m, _, _ in reports}) == len({m["id"] for m, _, _ in reports})


def test_the_noise_real_reports_show_is_there():
    articles = corpus()
    clusters = defaultdict(list)
    for _, meta, text, gold in articles:
        for event in gold["events"]:
            clusters[event["cluster"]].append((meta, event, text))
    seen = set()
    for reports in clusters.values():
        types = {e["type"] for _, e, _ in reports}
        statuses = {e["status"] for _, e, _ in reports}
        dates = {e["date"] for _, e, _ in reports}
        names = {p["name"] for _, e, _ in reports for p in e["participants"] if p["name"]}
        if {"PhoneCall", "VideoConference"} <= types:
            seen.add("phone and virtual meeting")
        if statuses == {"planned", "occurred"}:
            seen.add("announced, then held")
            # an announcement is published before the day it gives
            assert all(m["published"] < e["date"] for m, e, _ in reports if e["status"] == "planned" and e["date"])
        if None in dates and len(dates) > 1:
            seen.add("undated and dated")
        if any(e["end_date"] for _, e, _ in reports):
            seen.add("multi-day visit")
        if any(n != n.encode("ascii", "ignore").decode() for n in names) and any(
                n.isascii() for n in names):
            seen.add("accents dropped")
        if any("yesterday" in t for _, _, t in reports):
            seen.add("yesterday")
        if any("counterpart. " in t for _, _, t in reports):
            seen.add("counterpart named in the next sentence")
        if any("'s phone call" in t for _, _, t in reports):
            seen.add("possessive")
        if any(", " in t.split("\n")[2] and "'s foreign minister," in t for _, _, t in reports):
            seen.add("title after the name")
    assert seen == {"phone and virtual meeting", "announced, then held", "undated and dated", "multi-day visit",
                    "accents dropped", "yesterday", "counterpart named in the next sentence", "possessive",
                    "title after the name"}


def test_hard_negatives_the_same_people_on_another_occasion_and_the_same_day_with_another():
    by_people = defaultdict(set)
    by_day = defaultdict(set)
    for _, meta, _, gold in corpus():
        for event in gold["events"]:
            if event["date"]:
                countries = tuple(sorted(p["country"] for p in event["participants"]))
                by_people[countries].add((event["date"], event["cluster"]))
                for p in event["participants"]:
                    by_day[(p["country"], event["date"])].add((countries, event["cluster"]))
    # the same two countries' people in two interactions a few days apart
    close = [c for c, found in by_people.items()
             if any(k1 != k2 and 0 < abs((dt.date.fromisoformat(d1) - dt.date.fromisoformat(d2)).days) <= 12
                    for d1, k1 in found for d2, k2 in found)]
    assert close
    # one country's person the same day in two interactions with two others
    assert any(len({k for _, k in found}) > 1 for found in by_day.values())
