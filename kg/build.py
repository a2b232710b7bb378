"""`kg build`: read articles, map them, validate them and replace their graphs in the store.

Incremental: an article whose content hash (text and metadata) is already in the store
costs only the hash check. A bad input is reported with its file and problem and the
others still go through; an article's graph is written only once it was mapped whole.
Pruning removes only the articles whose input is gone, never one whose input could not be
read, and not at all when a path given is missing.
"""
from __future__ import annotations

import collections
import itertools
import multiprocessing
import os
import queue
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from kg import gazetteer as gazetteer_module
from kg.articles import Article, InputError
from kg.changes import InputIndex
from kg import mapper as mapper_module
from kg.mapper import map_article, parse_articles
from kg.namespaces import article_graph
from kg.rdfmap import ArticleTriples
from kg.resolve import ResolutionSummary, index_usable, resolve
from kg.store import KGStore
from kg import summary as query_summary
from kg.validate import Finding, ReferenceContext, count, validate_article

VALIDATORS = ("native", "pyshacl")  # kg/shacl_native.py (default) or pyshacl, the reference


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
    skipped: list[str] = field(default_factory=list)  # files in the folders that hold no article, and why
    violation_details: list[str] = field(default_factory=list)
    # --prune: the ids it removed; those it kept because their input could not be read; or,
    # when it refused to prune, why and the ids it would have removed
    removed_ids: list[str] = field(default_factory=list)
    kept_ids: list[str] = field(default_factory=list)
    prune_refused: str | None = None
    would_remove: list[str] = field(default_factory=list)
    # The cross-article checks (kg/store_checks.py), run when validating and the store changed;
    # what they find beyond the per-article results is counted in warnings/violations too.
    store_checks_seconds: float | None = None
    store_checks_graphs: int | None = None  # scoped to this many changed graphs; None: the whole store
    store_warnings: int = 0
    store_violations: int = 0
    per_article_violations: set[Finding] = field(default_factory=set, repr=False)
    # CPU seconds spent mapping and validating, summed over the processes that did it
    mapping_seconds: float = 0.0
    validation_seconds: float = 0.0
    # The resolution stage (kg/resolve.py): reports of one interaction across articles made one
    resolution: "ResolutionSummary | None" = None
    # The saved queries' row tables (kg/summary.py), brought up to date at the end
    query_summary: "query_summary.SummaryUpdate | None" = None

    def lines(self) -> list[str]:
        lines = [
            f"articles read: {self.articles_read} (mapped {self.mapped}, unchanged {self.unchanged}, "
            f"removed {self.removed})",
            f"events: {self.events}",
            f"people: {self.people}",
            f"warnings: {self.warnings}",
            f"violations: {self.violations}",
            f"errors: {len(self.errors)}",
        ]
        if self.removed_ids:
            lines.append(f"removed {_articles(self.removed_ids)}")
        if self.kept_ids:
            lines.append(f"kept, as their input could not be read: {_articles(self.kept_ids)}")
        if self.store_checks_seconds is not None:
            scope = "" if self.store_checks_graphs is None else f", {self.store_checks_graphs} changed graphs"
            lines.append(f"cross-article checks: {self.store_violations} violations, {self.store_warnings} warnings "
                         f"({self.store_checks_seconds:.2f} s{scope})")
        if self.resolution is not None:
            lines.append(self.resolution.line())
        if self.query_summary is not None:
            lines.append(self.query_summary.line())
        if self.mapped:
            lines.append(f"cpu: mapping {self.mapping_seconds:.1f} s, validation {self.validation_seconds:.1f} s "
                         f"(summed over processes)")
        return lines

    def prune_refusal(self) -> str | None:
        """Why nothing was pruned and what would have been, as one line; None when pruning ran or was not asked."""
        if self.prune_refused is None:
            return None
        would = f"; it would have removed {_articles(self.would_remove)}" if self.would_remove else ""
        return f"not pruning: {self.prune_refused}{would}"


SHOWN_IDS = 10  # ids listed in a message; a count says how many more


def _articles(ids: list[str]) -> str:
    """'3 articles: a, b, c', the first SHOWN_IDS ids only."""
    more = f" and {len(ids) - SHOWN_IDS} more" if len(ids) > SHOWN_IDS else ""
    return f"{len(ids)} article{'' if len(ids) == 1 else 's'}: {', '.join(ids[:SHOWN_IDS])}{more}"


@dataclass
class MapOutcome:
    """What a worker sends back for one article: its N-Quads and what was found and checked."""
    article_id: str
    source: str
    nquads: bytes | None = None  # all but the hash quad, written last
    hash_quad: bytes = b""
    mapping_seconds: float = 0.0
    validation_seconds: float = 0.0
    events: int = 0
    people: int = 0
    warnings: int = 0
    violations: list[Finding] = field(default_factory=list)
    error: str | None = None


_WORKER: dict = {}
PARENT_CHECK_SECONDS = 1.0  # how often a worker looks whether its build is still there


def _start_worker(parent: int, validate: bool, validator: str) -> None:
    """A worker process's initializer: it dies with its build, then loads what mapping needs."""
    _exit_with_parent(parent)
    _init_worker(validate, validator)


def _exit_with_parent(parent: int) -> None:
    """End this process when PARENT (the build) dies.

    A build killed with SIGKILL cannot stop its workers, and they would wait for work forever
    (each holds the write end of the queue it reads from, so it never sees the queue close).
    Linux sends a signal on the parent's death if asked (prctl PR_SET_PDEATHSIG); a thread that
    looks at the parent's pid every PARENT_CHECK_SECONDS covers other systems. Both then check
    that the parent is still there: it may have died before they were set up.
    """
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            libc = ctypes.CDLL(None, use_errno=True)
            PR_SET_PDEATHSIG = 1
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # (the thread below still watches)

    def watch():
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)
    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _init_worker(validate: bool, validator: str = "native") -> None:
    from kg.nlp import pipeline
    pipeline()  # the parser's model, loaded once a process (about a second)
    reference = gazetteer_module.load_reference_graph()  # parsed once for both (0.3 s a process)
    _WORKER["gazetteer"] = gazetteer_module.from_graph(reference)
    _WORKER["validate"] = _validator(ReferenceContext(reference), validator) if validate else None


def _validator(context: ReferenceContext, validator: str) -> Callable[[ArticleTriples], list[Finding]]:
    """The validation of one article's triples, chosen once per process."""
    if validator == "native":
        from kg.shacl_native import compiled_shapes, validate_triples
        compiled_shapes()  # compile the shapes now: a shape it cannot compile stops the build here
        return lambda triples: validate_triples(triples.triples, context, unique=True)  # each triple once
    return lambda triples: validate_article(triples.graph, context)


def map_one(article: Article, prepared=None) -> MapOutcome:
    """Map and validate one article (in this process or a worker's)."""
    if "gazetteer" not in _WORKER:
        _init_worker(validate=True)
    outcome = MapOutcome(article.id, article.source)
    started = time.process_time()
    try:
        mapped = map_article(article, _WORKER["gazetteer"], prepared)
    except Exception as exc:  # a mapper bug on one article must not stop the others
        outcome.error = f"{article.source}: the mapper failed ({type(exc).__name__}: {exc})"
        return outcome
    mapped_at = time.process_time()
    outcome.mapping_seconds = mapped_at - started
    validate = _WORKER["validate"]
    if validate is not None:
        found = validate(mapped.triples)
        outcome.warnings = count(found, "Warning")
        outcome.violations = [f for f in found if f.severity == "Violation"]
        outcome.validation_seconds = time.process_time() - mapped_at
    outcome.nquads, outcome.hash_quad = mapped.triples.nquads(article_graph(article.id))
    outcome.events, outcome.people = len(mapped.events), mapped.people
    return outcome


def _acceptor(summary: BuildSummary, seen: set[str], on_progress: Callable[[], None] | None):
    """Counts what was read, reports input errors, and turns away a second article with the same id."""
    def accept(item: Article | InputError | None, article_id: str | None, source: str) -> bool:
        if on_progress:
            on_progress()
        if isinstance(item, InputError):
            summary.errors.append(str(item))
            return False
        summary.articles_read += 1
        if article_id in seen:
            summary.errors.append(f"{source}: duplicate article id {article_id!r}; the first one was kept")
            return False
        seen.add(article_id)
        return True
    return accept


def build(paths: Iterable[str | Path], store: KGStore, validate: bool = True, prune: bool = False,
          on_progress: Callable[[], None] | None = None, jobs: int | None = None, validator: str = "native",
          recheck: bool = False) -> BuildSummary:
    """Map, validate and store the new or changed articles under PATHS.

    With jobs > 1, mapping and validation run in that many worker processes, fed as the
    articles are read (memory stays flat); this process alone writes to the store. jobs=None
    (the default): every core this process may use, when more than PARALLEL_FROM articles are
    to be mapped; fewer are mapped here (starting the workers would cost more).
    validator: "native" (kg/shacl_native.py) or "pyshacl" (the reference, ~40x slower). When
    validating and the store changed, the cross-article checks (kg/store_checks.py) run at the end.
    Files unchanged since the last build (size and time, see kg/changes.py) are not read
    again, unless recheck is set.
    """
    if validator not in VALIDATORS:
        raise ValueError(f"unknown validator {validator!r}: use one of {', '.join(VALIDATORS)}")
    summary = BuildSummary()
    query_summary.begin_build(store.location)  # before the store changes: readers ask the store meanwhile
    reference_loaded = store.ensure_reference()
    if reference_loaded:
        recheck = True  # new reference data: the index of inputs no longer says what is current
    index = InputIndex(store.location, mapper_module.mapper_fingerprint(), trust=not recheck)
    # With an index, the store is asked only about articles the index does not know.
    stored = None if index.usable else store.article_hashes()
    stored_hash = store.stored_hash if stored is None else stored.get
    seen: set[str] = set()
    todo = index.scan(paths, stored_hash, _acceptor(summary, seen, on_progress),
                      on_skip=lambda path, reason: summary.skipped.append(f"{path}: {reason}"))
    writer = _StoreWriter(store, index)
    if jobs is None:
        jobs, todo = _auto_jobs(todo)
    if jobs > 1:
        _map_in_workers(todo, jobs, validate, validator, summary, writer)
    else:
        _init_worker(validate, validator)
        for article in todo:
            _record(map_one(article), summary, writer)
    writer.close()
    summary.unchanged = index.unchanged
    pruned = prune and _prune(store, set(stored) if stored is not None else store.article_ids(), seen, index,
                              summary)
    if summary.mapped or summary.removed or not index_usable(store.location):
        # after the graphs are written and pruned: the reports of the changed articles are
        # resolved against what the store holds (the whole store when the index is missing)
        summary.resolution = resolve(store, writer.written + summary.removed_ids,
                                     check=_resolution_check(validator) if validate else None)
        _count_resolution_findings(summary)
    store.flush()
    index.save(keep_others=not pruned)  # after a prune, the files not seen are gone, and so are their articles
    # after the index of inputs is saved: the tables are stamped with it
    resolution = summary.resolution
    summary.query_summary = query_summary.update(
        store, writer.written + summary.removed_ids, resolution.changed_interactions if resolution else (),
        everything=reference_loaded or bool(resolution and resolution.rebuilt), graphs=writer.graphs)
    if validate and (summary.mapped or summary.removed):
        # new reference data can conflict with any graph: then the whole store is checked
        _check_store(store, summary, None if reference_loaded else writer.written)
    return summary


def _resolution_check(validator: str) -> Callable[[list[tuple]], list[Finding]]:
    """The resolution graph's triples (pyoxigraph terms) against the shapes, as article graphs are
    validated: they need no reference facts (the merged values they point to are in them)."""
    from rdflib import Graph
    from kg.store_checks import _term
    from kg.validate import validate_graph
    context = ReferenceContext(Graph())
    terms: dict = {}
    return lambda triples: validate_graph([tuple(_term(t, terms) for t in triple) for triple in triples], context,
                                          validator)


def _count_resolution_findings(summary: BuildSummary) -> None:
    found = summary.resolution.findings
    summary.warnings += count(found, "Warning")
    summary.violations += count(found, "Violation")
    summary.violation_details += [f"resolution graph: {f.message} ({f.focus}{', ' + f.path if f.path else ''})"
                                  for f in found if f.severity == "Violation"]


def _prune(store: KGStore, stored_ids: set[str], seen: set[str], index: InputIndex, summary: BuildSummary) -> bool:
    """Remove the stored articles that no input holds any more. False when it refused to.

    An article not seen may be one whose input could not be read (a broken sidecar, a bad
    line, a folder that cannot be listed): those are kept, as the index of inputs records
    which file held them. Nothing is removed when a path given is missing (a typo would remove
    everything), or when an input that could not be read is one the index has no record of.
    """
    gone = stored_ids - seen
    held, unknown = index.held_by_unreadable_inputs()
    if index.missing_paths:
        summary.prune_refused = f"a path given is missing ({', '.join(index.missing_paths)})"
    elif unknown:
        more = f" and {len(unknown) - 3} more" if len(unknown) > 3 else ""
        summary.prune_refused = (f"{', '.join(unknown[:3])}{more} could not be read, and the store's index of inputs "
                                 "has no record of which stored articles came from it")
    if summary.prune_refused is not None:
        summary.would_remove = sorted(gone)
        return False
    summary.kept_ids = sorted(gone & held)
    for article_id in sorted(gone - held):
        store.remove_article(article_id)
        summary.removed_ids.append(article_id)
    summary.removed = len(summary.removed_ids)
    return True


def available_cores() -> int:
    """The cores this process may run on (a container or `taskset` may allow fewer than exist)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _auto_jobs(todo: Iterator[Article]) -> tuple[int, Iterator[Article]]:
    """Every core for a large input, one for a small one: the articles to map are counted up to
    PARALLEL_FROM + 1 (read ahead, then handed on in order)."""
    ahead = list(itertools.islice(todo, PARALLEL_FROM + 1))
    jobs = available_cores() if len(ahead) > PARALLEL_FROM else 1
    return jobs, itertools.chain(ahead, todo)


def _check_store(store: KGStore, summary: BuildSummary, written: list[str] | None) -> None:
    """Run the cross-article checks; count what the per-article validation did not already report.

    written: the ids of the articles whose graphs this build wrote. A new conflict needs one of
    them (the other graphs were checked when they were written; a removed one takes values away),
    so the checks look only at what they describe - unless they are more than SCOPED_CHECKS_SHARE
    of the articles the build saw (a build into an empty store: all), where checking the whole
    store costs less. None: check the whole store.
    """
    from kg.store_checks import run_checks
    changed = None
    if written is not None and len(written) <= SCOPED_CHECKS_SHARE * (len(written) + summary.unchanged):
        changed = [str(article_graph(article_id)) for article_id in written]
        summary.store_checks_graphs = len(changed)
    report = run_checks(store, changed_graphs=changed)
    seen = summary.per_article_violations
    new = [f for f in report.findings if f not in seen]
    summary.store_checks_seconds = sum(report.seconds.values())
    summary.store_violations = count(new, "Violation")
    summary.store_warnings = count(new, "Warning")
    summary.violations += summary.store_violations
    summary.warnings += summary.store_warnings
    summary.violation_details += [f"store: {f.message} ({f.focus})" for f in new if f.severity == "Violation"]


# Articles written to the store at once: a bulk load costs less per article the more it holds
# (0.66 ms CPU an article at 1,024, 1 ms at 256); an interrupted build loses at most this many,
# mapped again next time. Larger batches cut RocksDB's compaction further but the build's time
# only a little, and the loader's memory grows with them (30,000 articles on 2 cores: 68.6 s and
# 501 MiB peak at 1,024; 64.2 s and 1,722 MiB at 8,192; 63.6 s and 2,458 MiB at 16,384).
WRITE_BATCH = 1024
KEPT_GRAPHS = 5000  # a build's written graphs handed to the query summary (about 20 kB an article)
# The checks scoped to the graphs a build wrote cost about 1 ms per graph at 100,000 articles (a few
# index lookups per node they describe); the whole store, about 6 s (a scan of each checked
# property): past about 5% of the articles, checking the whole store is cheaper.
SCOPED_CHECKS_SHARE = 0.05
IN_FLIGHT = 2048  # articles handed to the workers ahead of their results
# Starting a worker costs about two seconds of CPU (imports, the parser's model, reference data,
# compiled shapes); one core maps about 35-45 real articles a second: below about 100 articles,
# workers do not pay.
PARALLEL_FROM = 100
CHUNK = 16  # articles a worker takes at a time


def _map_in_workers(todo: Iterator[Article], jobs: int, validate: bool, validator: str, summary: BuildSummary,
                    writer: "_StoreWriter", map_chunk: Callable[[list[Article]], list[MapOutcome]] | None = None) -> None:
    """Map in worker processes, IN_FLIGHT articles at most handed out ahead (memory stays flat).

    Chunks of articles are submitted as they are read and their results taken in order. A
    worker that dies (killed, out of memory) stops the build with an error naming the
    articles it held, instead of waiting for them forever.
    """
    ctx = multiprocessing.get_context("spawn")  # a clean interpreter: no store handles inherited
    size = max(1, min(CHUNK, IN_FLIGHT // 4))
    window: collections.deque = collections.deque()
    with ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_start_worker,
                             initargs=(os.getpid(), validate, validator)) as pool:
        def take_oldest():
            chunk, future = window.popleft()
            try:
                outcomes = future.result()
            except BrokenProcessPool:
                sources = ", ".join(a.source for a in chunk[:3]) + (", ..." if len(chunk) > 3 else "")
                raise BuildError(f"a worker process died while mapping {sources}; the articles stored so far "
                                 "are kept: run the build again (with fewer --jobs if memory ran out)") from None
            for outcome in outcomes:
                _record(outcome, summary, writer)

        for chunk in _chunks(todo, size):
            window.append((chunk, pool.submit(map_chunk or _map_chunk, chunk)))
            if len(window) * size >= IN_FLIGHT:
                take_oldest()
        while window:
            take_oldest()


def _chunks(items: Iterator[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _map_chunk(articles: list[Article]) -> list[MapOutcome]:
    """Map a chunk: its sentences are parsed in one batch; an article whose structure or parse
    fails is mapped alone, so its error is its own."""
    if "gazetteer" not in _WORKER:
        _init_worker(validate=True)
    started = time.process_time()
    try:
        prepared = parse_articles(articles, _WORKER["gazetteer"])
    except Exception:  # one article broke the batch: each is prepared on its own
        return [map_one(article) for article in articles]
    share = (time.process_time() - started) / max(1, len(articles))
    outcomes = [map_one(article, ready) for article, ready in zip(articles, prepared)]
    for outcome in outcomes:
        outcome.mapping_seconds += share  # the batch's parse, shared out
    return outcomes


class BuildError(RuntimeError):
    """The build could not go on (a worker process died)."""


def _record(outcome: MapOutcome, summary: BuildSummary, writer: "_StoreWriter") -> None:
    if outcome.error:
        summary.errors.append(outcome.error)
        return
    summary.warnings += outcome.warnings
    summary.violations += len(outcome.violations)
    summary.violation_details += [f"{outcome.source}: {f.message} ({f.focus})" for f in outcome.violations]
    summary.per_article_violations.update(outcome.violations)
    summary.mapped += 1
    summary.mapping_seconds += outcome.mapping_seconds
    summary.validation_seconds += outcome.validation_seconds
    summary.events += outcome.events
    summary.people += outcome.people
    writer.add(outcome)


class _StoreWriter:
    """Writes mapped articles to the store in batches, in a thread of its own.

    The bulk load releases the GIL: while a batch is written, this process goes on reading
    articles and taking results from the workers. A failed write is raised in the building
    thread (at the next batch, or at close).
    """

    def __init__(self, store: KGStore, index: InputIndex):
        self.store, self.index = store, index
        self.pending: list[MapOutcome] = []
        self.written: list[str] = []  # the ids of the articles whose graphs are in the store
        # their graphs as written (N-Quads), for the query summary, in a build of up to KEPT_GRAPHS articles
        self.graphs: dict[str, bytes] | None = {}
        self.batches: queue.Queue = queue.Queue(maxsize=2)  # at most two batches wait in memory
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="store-writer", daemon=True)
        self.thread.start()

    def add(self, outcome: MapOutcome) -> None:
        self.pending.append(outcome)
        if len(self.pending) >= WRITE_BATCH:
            self._hand_over()

    def close(self) -> None:
        """Write what is left and wait for it."""
        self._hand_over()
        self.batches.put(None)
        self.thread.join()
        if self.error is not None:
            raise self.error

    def _hand_over(self) -> None:
        if self.error is not None:
            raise self.error
        if self.pending:
            self.batches.put(self.pending)
            self.pending = []

    def _run(self) -> None:
        while (batch := self.batches.get()) is not None:
            if self.error is not None:
                continue  # drain: the building thread raises the error
            try:
                self.store.replace_articles([(o.article_id, o.nquads, o.hash_quad) for o in batch])
                for outcome in batch:
                    self.index.confirm(outcome.article_id)
                    self.written.append(outcome.article_id)
                    if self.graphs is not None:
                        self.graphs[outcome.article_id] = outcome.nquads
                if self.graphs is not None and len(self.graphs) > KEPT_GRAPHS:
                    self.graphs = None
            except BaseException as exc:  # noqa: BLE001 - handed to the building thread
                self.error = exc
