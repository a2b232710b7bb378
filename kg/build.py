"""`kg build`: read articles, map them, validate them and replace their graphs in the store.

Incremental: an article whose content hash (text and metadata) is already in the store
costs only the hash check. A bad input is reported with its file and problem and the
others still go through; an article's graph is written only once it was mapped whole.
"""
from __future__ import annotations

import multiprocessing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from kg import gazetteer as gazetteer_module
from kg.articles import Article, InputError, read_paths
from kg.mapper import build_hash, map_article
from kg.store import KGStore
from kg.validate import ReferenceContext, count, validate_article


@dataclass
class BuildSummary:
    articles_read: int = 0
    mapped: int = 0
    unchanged: int = 0
    removed: int = 0
    events: int = 0
    people: int = 0
    warnings: int = 0
    violations: int = 0
    errors: list[str] = field(default_factory=list)
    violation_details: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        return [
            f"articles read: {self.articles_read} (mapped {self.mapped}, unchanged {self.unchanged}, "
            f"removed {self.removed})",
            f"events: {self.events}",
            f"people: {self.people}",
            f"warnings: {self.warnings}",
            f"violations: {self.violations}",
            f"errors: {len(self.errors)}",
        ]


@dataclass
class MapOutcome:
    """What a worker sends back for one article: its N-Triples and what was found and checked."""
    article_id: str
    source: str
    ntriples: bytes | None = None
    events: int = 0
    people: int = 0
    warnings: int = 0
    violations: list[str] = field(default_factory=list)
    error: str | None = None


_WORKER: dict = {}


def _init_worker(validate: bool) -> None:
    _WORKER["gazetteer"] = gazetteer_module.load()
    _WORKER["context"] = ReferenceContext(gazetteer_module.load_reference_graph()) if validate else None


def map_one(article: Article) -> MapOutcome:
    """Map and validate one article (in this process or a worker's)."""
    if "gazetteer" not in _WORKER:
        _init_worker(validate=True)
    outcome = MapOutcome(article.id, article.source)
    try:
        mapped = map_article(article, _WORKER["gazetteer"])
    except Exception as exc:  # a mapper bug on one article must not stop the others
        outcome.error = f"{article.source}: the mapper failed ({type(exc).__name__}: {exc})"
        return outcome
    context = _WORKER["context"]
    if context is not None:
        found = validate_article(mapped.graph, context)
        outcome.warnings = count(found, "Warning")
        outcome.violations = [f"{article.source}: {f.message} ({f.focus})" for f in found if f.severity == "Violation"]
    outcome.ntriples = mapped.triples.ntriples()
    outcome.events, outcome.people = len(mapped.events), mapped.people
    return outcome


def _changed(paths, stored: dict[str, str], summary: BuildSummary, seen: set[str],
             on_progress: Callable[[], None] | None) -> Iterator[Article]:
    """The articles that are new or changed; unchanged ones cost only the hash check."""
    for item in read_paths(paths):
        if on_progress:
            on_progress()
        if isinstance(item, InputError):
            summary.errors.append(str(item))
            continue
        summary.articles_read += 1
        if item.id in seen:
            summary.errors.append(f"{item.source}: duplicate article id {item.id!r}; the first one was kept")
            continue
        seen.add(item.id)
        if stored.get(item.id) == build_hash(item):
            summary.unchanged += 1
            continue
        yield item


def build(paths: Iterable[str | Path], store: KGStore, validate: bool = True, prune: bool = False,
          on_progress: Callable[[], None] | None = None, jobs: int = 1) -> BuildSummary:
    """Map, validate and store the new or changed articles under PATHS.

    With jobs > 1, mapping and validation run in that many worker processes, fed as the
    articles are read (memory stays flat); this process alone writes to the store.
    """
    summary = BuildSummary()
    store.ensure_reference()
    stored = store.article_hashes()
    seen: set[str] = set()
    todo = _changed(paths, stored, summary, seen, on_progress)
    if jobs > 1:
        ctx = multiprocessing.get_context("spawn")  # a clean interpreter: no store handles inherited
        with ctx.Pool(jobs, initializer=_init_worker, initargs=(validate,)) as pool:
            for outcome in pool.imap(map_one, todo, chunksize=8):
                _record(outcome, store, summary)
    else:
        _init_worker(validate)
        for article in todo:
            _record(map_one(article), store, summary)
    if prune:
        for article_id in set(stored) - seen:
            store.remove_article(article_id)
            summary.removed += 1
    store.flush()
    return summary


def _record(outcome: MapOutcome, store: KGStore, summary: BuildSummary) -> None:
    if outcome.error:
        summary.errors.append(outcome.error)
        return
    summary.warnings += outcome.warnings
    summary.violations += len(outcome.violations)
    summary.violation_details += outcome.violations
    store.replace_graph_data(outcome.article_id, outcome.ntriples)
    summary.mapped += 1
    summary.events += outcome.events
    summary.people += outcome.people
