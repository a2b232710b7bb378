"""`kg build`: read articles, map them, validate them and replace their graphs in the store.

Incremental: an article whose content hash (text and metadata) is already in the store
costs only the hash check. A bad input is reported with its file and problem and the
others still go through; an article's graph is written only once it was mapped whole.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from kg import gazetteer as gazetteer_module
from kg.articles import Article, InputError, read_paths
from kg.mapper import map_article
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


def build(paths: Iterable[str | Path], store: KGStore, validate: bool = True, prune: bool = False,
          on_progress: Callable[[], None] | None = None) -> BuildSummary:
    summary = BuildSummary()
    store.ensure_reference()
    stored = store.article_hashes()
    g = gazetteer_module.load()
    context = ReferenceContext(gazetteer_module.load_reference_graph()) if validate else None
    seen: set[str] = set()
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
        if stored.get(item.id) == item.content_hash:
            summary.unchanged += 1
            continue
        _map_and_store(item, store, g, context, summary)
    if prune:
        for article_id in set(stored) - seen:
            store.remove_article(article_id)
            summary.removed += 1
    store.flush()
    return summary


def _map_and_store(article: Article, store: KGStore, g, context, summary: BuildSummary) -> None:
    try:
        mapped = map_article(article, g)
    except Exception as exc:  # a mapper bug on one article must not stop the others
        summary.errors.append(f"{article.source}: the mapper failed ({type(exc).__name__}: {exc})")
        return
    if context is not None:
        found = validate_article(mapped.graph, context)
        summary.warnings += count(found, "Warning")
        violations = count(found, "Violation")
        summary.violations += violations
        summary.violation_details += [f"{article.source}: {f.message} ({f.focus})" for f in found
                                      if f.severity == "Violation"]
    store.replace_graph_data(article.id, mapped.triples.ntriples())
    summary.mapped += 1
    summary.events += len(mapped.events)
    summary.people += mapped.people
