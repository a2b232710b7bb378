"""The embedded store: a persistent pyoxigraph store, one named graph per article.

pyoxigraph answers the saved queries in milliseconds where rdflib's SPARQL over a
Dataset takes seconds to minutes (see ../shared/MEASURED.md and benchmarks/), and it keeps
the data on disk. rdflib stays the API for building and serialising each article's graph.
"""
from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path
from typing import Iterable, Iterator

import pyoxigraph as ox

from kg.gazetteer import REFERENCE_FILES
from kg.namespaces import DIP, GRAPH, ONTOLOGY_DIR, REFERENCE_GRAPH, article_graph

DEFAULT_STORE = ".kg/store"
ONTOLOGY_FILES = ("diplomacy.ttl",) + REFERENCE_FILES
# RocksDB writes this file when it creates a store: a folder without it holds no store.
STORE_MARKER = "CURRENT"
READ_ONLY_ATTEMPTS = 5  # see KGStore._open_read_only


class StoreError(Exception):
    pass


def _is_lock_error(exc: OSError) -> bool:
    """RocksDB's answer when another process (or this one) holds the store's LOCK file."""
    message = str(exc)
    return "LOCK" in message and ("lock file" in message.lower() or "lock hold" in message.lower())


def default_location() -> Path:
    return Path(os.environ.get("KG_STORE", DEFAULT_STORE))


class KGStore:
    def __init__(self, location: str | Path | None = None, read_only: bool = False):
        self.location = Path(location) if location is not None else default_location()
        try:
            if read_only:
                if not self.location.exists():
                    raise StoreError(f"no store at {self.location}: run `kg build` first (or pass --store)")
                if not (self.location / STORE_MARKER).is_file():
                    raise StoreError(f"{self.location} is not a kg store (it holds no store files): give the "
                                     f"folder `kg build --store` wrote (default {DEFAULT_STORE}), or build one "
                                     f"there first with `kg build ARTICLES --store {self.location}`")
                self.store = self._open_read_only()
            else:
                self.location.mkdir(parents=True, exist_ok=True)
                self.store = ox.Store(str(self.location))
        except OSError as exc:
            if _is_lock_error(exc):
                raise StoreError(f"the store {self.location} is in use by another kg process (a build, most "
                                 f"likely): wait for it to finish, or build into another --store") from None
            raise StoreError(f"cannot open the store at {self.location}: {exc}") from None

    def _open_read_only(self) -> ox.Store:
        """A read-only view of the store. While a build writes it, RocksDB may delete a file the
        view was about to open (a compaction) and report that as corruption: opening again
        sees the files that are there now."""
        for attempt in range(READ_ONLY_ATTEMPTS):
            try:
                return ox.Store.read_only(str(self.location))
            except RuntimeError as exc:
                if attempt + 1 == READ_ONLY_ATTEMPTS:
                    raise StoreError(f"cannot open the store at {self.location}: {exc} (if a kg build is "
                                     f"writing it, try again when it is done)") from None
                time.sleep(0.05 * (attempt + 1))

    def totals(self) -> dict[str, int]:
        """How many articles (with their hash: stored whole), events and people the store holds
        (0.15 s at 20,000 articles, most of it the distinct people)."""
        # the reference graph lists every known office holder; the resolution graph restates people
        # and carries a hash of its own
        outside_reference = f"FILTER(?g != <{REFERENCE_GRAPH}> && ?g != <{GRAPH['resolution']}>)"
        counted = {"articles": ("?article", f"?article <{DIP.contentHash}> ?hash"),
                   "events": ("?event", f"?event <{DIP.status}> ?status"),
                   "people": ("?person", f"?person a <{DIP.Person}>")}
        totals = {}
        for name, (variable, pattern) in counted.items():
            query = (f"SELECT (COUNT(DISTINCT {variable}) AS ?n) "
                     f"WHERE {{ GRAPH ?g {{ {pattern} }} {outside_reference} }}")
            totals[name] = int(next(iter(self.query(query)))["n"].value)
        return totals

    # -- reference data
    def reference_hash(self) -> str:
        digest = hashlib.sha256()
        for name in ONTOLOGY_FILES:
            path = ONTOLOGY_DIR / name
            if path.exists():
                digest.update(name.encode() + path.read_bytes())
        return digest.hexdigest()

    def ensure_reference(self) -> bool:
        """Load the ontology and reference data into their graph when they changed. True if loaded."""
        wanted = self.reference_hash()
        marker = ox.NamedNode(str(REFERENCE_GRAPH))
        current = list(self.store.quads_for_pattern(marker, ox.NamedNode(str(DIP.contentHash)), None, marker))
        if current and current[0].object.value == wanted:
            return False
        self.store.remove_graph(marker) if self.store.contains_named_graph(marker) else None
        for name in ONTOLOGY_FILES:
            path = ONTOLOGY_DIR / name
            if path.exists():
                self.store.load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=marker)
        self.store.add(ox.Quad(marker, ox.NamedNode(str(DIP.contentHash)), ox.Literal(wanted), marker))
        return True

    # -- articles
    def article_hashes(self) -> dict[str, str]:
        query = f"""SELECT ?id ?hash ?g WHERE {{ GRAPH ?g {{ ?a <{DIP.articleId}> ?id ; <{DIP.contentHash}> ?hash }} }}"""
        return {row["id"].value: row["hash"].value for row in self.store.query(query)}

    def stored_hash(self, article_id: str) -> str | None:
        """The build hash stored with one article, or None when the store does not hold it."""
        name = ox.NamedNode(str(article_graph(article_id)))
        for quad in self.store.quads_for_pattern(None, ox.NamedNode(str(DIP.contentHash)), None, name):
            return quad.object.value
        return None

    def derived_graphs(self) -> list[str]:
        """The graphs built from the article graphs (the resolution graph, kg/resolve.py), when present."""
        resolution = str(GRAPH["resolution"])
        return [resolution] if self.store.contains_named_graph(ox.NamedNode(resolution)) else []

    def article_ids(self) -> set[str]:
        prefix = len(str(article_graph("")))
        return {graph[prefix:] for graph in self.article_graphs()}

    def replace_articles(self, graphs: list[tuple[str, bytes, bytes]]) -> None:
        """Swap these articles' named graphs for new ones, given as (article id, N-Quads, hash quad).

        The graphs are bulk-loaded together (a third of the CPU of a transactional load, and
        a smaller store), then their dip:contentHash quads are added in one transaction. An
        article counts as stored only once its hash is there (`stored_hash`), so a build cut
        short leaves graphs without a hash, which the next build maps and replaces again.
        """
        for article_id, _, _ in graphs:
            name = ox.NamedNode(str(article_graph(article_id)))
            if self.store.contains_named_graph(name):
                self.store.remove_graph(name)
        self.store.bulk_load(b"".join(body for _, body, _ in graphs), format=ox.RdfFormat.N_QUADS)
        self.store.load(b"".join(marker for _, _, marker in graphs), format=ox.RdfFormat.N_QUADS)

    def remove_article(self, article_id: str) -> None:
        name = ox.NamedNode(str(article_graph(article_id)))
        if self.store.contains_named_graph(name):
            self.store.remove_graph(name)

    def article_graphs(self) -> list[str]:
        prefix = str(article_graph(""))
        return sorted(g.value for g in self.store.named_graphs() if g.value.startswith(prefix))

    def graph_ntriples(self, graph_iri: str) -> Iterator[str]:
        node = ox.NamedNode(graph_iri)
        for quad in self.store.quads_for_pattern(None, None, None, node):
            yield f"{quad.subject} {quad.predicate} {quad.object} .\n"

    def quads(self, graphs: Iterable[str] | None = None) -> Iterator[ox.Quad]:
        if graphs is None:
            yield from self.store.quads_for_pattern(None, None, None, None)
            return
        for g in graphs:
            yield from self.store.quads_for_pattern(None, None, None, ox.NamedNode(g))

    def query(self, sparql: str, substitutions: dict | None = None):
        return self.store.query(sparql, use_default_graph_as_union=True, substitutions=substitutions or None)

    def flush(self):
        self.store.flush()
