"""Shared by the tests of the native validator and of the cross-article checks: mapped corpora as
lists of triples, findings in a comparable order, and errors to inject into article triples."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path
from typing import Callable

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, XSD

from kg.articles import read_paths
from kg.mapper import map_article
from kg.namespaces import DIP, ID, OA, ORG, PROV, SCHEMA
from kg.validate import Finding
from tests.helpers import ROOT

Triples = list[tuple]


def finding_key(f: Finding) -> tuple:
    return tuple("" if x is None else x for x in (f.severity, f.shape, f.focus, f.path, f.value, f.message))


def ordered(found) -> list[Finding]:
    """Findings with their repeats, in one order (kg.validate sorts on part of the fields only)."""
    return sorted(found, key=finding_key)


def mapped_triples(folder: Path) -> dict[str, Triples]:
    """Each article under FOLDER mapped: {article id: its triples}."""
    return {a.id: list(map_article(a).triples.triples) for a in read_paths([folder]) if not isinstance(a, Exception)}


def generate(out: Path, count: int, seed: int) -> Path:
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--count", str(count), "--out",
                    str(out), "--seed", str(seed)], check=True, capture_output=True)
    return out


# --------------------------------------------------------------------------------------------
# finding things in an article's triples
# --------------------------------------------------------------------------------------------

def typed(triples: Triples, cls) -> list:
    return sorted({s for s, p, o in triples if p == RDF.type and o == cls}, key=str)


def values(triples: Triples, s, p) -> list:
    return [o for s2, p2, o in triples if s2 == s and p2 == p]


def events(triples: Triples) -> list:
    return sorted({s for s, p, o in triples if p == DIP.status}, key=str)


def replace(triples: Triples, s, p, new) -> bool:
    """Set the value(s) of (s, p) to NEW (or drop them when NEW is None)."""
    if not values(triples, s, p):
        return False
    triples[:] = [t for t in triples if not (t[0] == s and t[1] == p)]
    if new is not None:
        triples.append((s, p, new))
    return True


# --------------------------------------------------------------------------------------------
# errors to inject, one rule each (applied to the first article where they fit)
# --------------------------------------------------------------------------------------------

def _first(items: list):
    return items[0] if items else None


def _of_class(cls) -> Callable[[Triples], list]:
    return lambda t: typed(t, cls)


def _events_with(p) -> Callable[[Triples], list]:
    return lambda t: [e for e in events(t) if values(t, e, p)]


def _setting(find: Callable[[Triples], list], p, new) -> Callable[[Triples], bool]:
    """An injection: on the first node FIND gives, set P to NEW (a term, None to drop it, or a
    function of the triples and the node)."""
    def inject(t: Triples) -> bool:
        node = _first(find(t))
        return node is not None and replace(t, node, p, new(t, node) if callable(new) else new)
    return inject


def _adding(find: Callable[[Triples], list], new: Callable[[Triples, object], list]) -> Callable[[Triples], bool]:
    """An injection: add NEW(triples, node) for the first node FIND gives."""
    def inject(t: Triples) -> bool:
        node = _first(find(t))
        if node is None:
            return False
        t.extend(new(t, node))
        return True
    return inject


def _other_status(t, event):
    return DIP.planned if values(t, event, DIP.status)[0] == DIP.occurred else DIP.occurred


def _days_before_start(days: int):
    return lambda t, event: Literal(values(t, event, SCHEMA.startDate)[0].toPython() - dt.timedelta(days=days))


def _one_participant(t):
    meeting = _first([e for e in events(t) if len(values(t, e, DIP.participant)) >= 2])
    if meeting is None:
        return False
    keep = values(t, meeting, DIP.participant)[0]
    t[:] = [x for x in t if not (x[0] == meeting and x[1] == DIP.participant and x[2] != keep)]
    return True


def _quote_selector_untyped(t):
    quote = _first(typed(t, OA.TextQuoteSelector))
    if quote is None:
        return False
    t.remove((quote, RDF.type, OA.TextQuoteSelector))
    return True


def _source_is_not_an_article(t):
    target, event = _first(typed(t, OA.SpecificResource)), _first(events(t))
    return target is not None and event is not None and replace(t, target, OA.hasSource, event)


def _malformed_country(t, event):
    country = ID["country/ZZZ"]
    return [(country, RDF.type, DIP.Country), (country, DIP.iso3166Alpha3, Literal("zz")),
            (country, DIP.iso3166Alpha2, Literal("ZZ")), (country, DIP.iso3166Alpha2, Literal("ZY")),
            (event, DIP.participant, country)]


_POSITION, _QUOTE = _of_class(OA.TextPositionSelector), _of_class(OA.TextQuoteSelector)
_TENURE, _ARTICLE = _of_class(DIP.Tenure), _of_class(DIP.NewsArticle)

INJECTIONS: dict[str, Callable[[Triples], bool]] = {
    "visit-without-host": _setting(_events_with(DIP.host), DIP.host, None),
    "event-without-evidence": _setting(events, DIP.evidence, None),
    "date-is-text": _setting(_events_with(SCHEMA.startDate), SCHEMA.startDate, Literal("last Tuesday")),
    "date-is-datetime": _setting(_events_with(SCHEMA.startDate), SCHEMA.startDate,
                                 Literal("2024-06-04T10:00:00", datatype=XSD.dateTime)),
    "end-before-start": _adding(_events_with(SCHEMA.startDate),
                                lambda t, e: [(e, SCHEMA.endDate, _days_before_start(3)(t, e))]),
    "two-statuses": _adding(events, lambda t, e: [(e, DIP.status, _other_status(t, e))]),
    "unknown-status": _setting(events, DIP.status, DIP.cancelled),
    "one-participant": _one_participant,
    "participant-is-a-place": _adding(lambda t: events(t) if typed(t, DIP.Place) else [],
                                      lambda t, e: [(e, DIP.participant, typed(t, DIP.Place)[0])]),
    "negative-start": _setting(_POSITION, OA.start, Literal(-5)),
    "end-offset-is-text": _setting(_POSITION, OA.end, Literal("12")),
    "offsets-reversed": _setting(_POSITION, OA.start, lambda t, n: Literal(int(values(t, n, OA.end)[0]) + 10)),
    "empty-quote": _setting(_QUOTE, OA.exact, Literal("")),
    "quote-selector-untyped": _quote_selector_untyped,
    "source-is-not-an-article": _source_is_not_an_article,
    "person-name-is-an-iri": _setting(lambda t: [p for p in typed(t, DIP.Person) if values(t, p, SCHEMA.name)],
                                      SCHEMA.name, lambda t, p: URIRef(f"{p}/name")),
    "tenure-member-is-text": _setting(_TENURE, ORG.member, Literal("Hun Sen")),
    "tenure-organisation-is-text": _setting(_TENURE, ORG.organization, Literal("Cambodia")),
    "tenure-without-evidence": _setting(lambda t: [x for x in typed(t, DIP.Tenure) if values(t, x, PROV.wasDerivedFrom)],
                                        DIP.evidence, None),
    "tenure-ends-before-it-starts": _adding(_TENURE, lambda t, x: [
        (x, SCHEMA.startDate, Literal("2024-01-10", datatype=XSD.date)),
        (x, SCHEMA.endDate, Literal("2024-01-01", datatype=XSD.date))]),
    "article-has-two-ids": _adding(_ARTICLE, lambda t, a: [(a, DIP.articleId, Literal("another-id"))]),
    "article-id-is-empty": _setting(_ARTICLE, DIP.articleId, Literal("")),
    "malformed-country": _adding(events, _malformed_country),
}


def inject_each(graphs: dict[str, Triples]) -> dict[str, str]:
    """Apply every injection once, each to its own article (the next one where it fits):
    {injection: article id}."""
    ids = list(graphs)
    applied, n = {}, 0
    for name, inject in INJECTIONS.items():
        for k in range(len(ids)):
            article_id = ids[(n + k) % len(ids)]
            if article_id not in applied.values() and inject(graphs[article_id]):
                applied[name] = article_id
                n += k + 1
                break
    return applied
