"""The mapper: one article in, one RDF graph out, through small named stages.

    read article -> structure (body, dateline, sentences) -> actors (people, roles,
    organisations, countries) -> events (interactions) -> RDF (with evidence)
"""
from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from kg import gazetteer as gazetteer_module
from kg.actors import Actors, find_actors, normalise
from kg.articles import Article
from kg.dates import reference_date
from kg.events import Event
from kg.frames import find_frames
from kg.nlp import Parsed, parse, parse_many
from kg.rdfmap import ArticleTriples, write_article_graph
from kg.structure import Structure, analyse


# What the mapping of an article depends on besides the article: this code and the reference data.
# The lexicon is data the mapper reads, every file of it (a list here once forgot names.yaml).
_MAPPER_SOURCES = ("actors.py", "articles.py", "dates.py", "events.py", "frames.py", "gazetteer.py", "mapper.py",
                   "namespaces.py", "nlp.py", "patterns.py", "rdfmap.py", "structure.py")


def mapper_sources() -> list[Path]:
    here = Path(__file__).resolve().parent
    return [here / name for name in _MAPPER_SOURCES] + sorted((here / "lexicon").glob("*.*"))


@functools.lru_cache(maxsize=1)
def mapper_fingerprint() -> str:
    """Changes when the mapper's code or the reference data change, so a rebuild re-maps."""
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for path in mapper_sources():
        digest.update(str(path.relative_to(here)).encode() + path.read_bytes())
    for name in gazetteer_module.REFERENCE_FILES:
        path = gazetteer_module.ONTOLOGY_DIR / name
        if path.exists():
            digest.update(name.encode() + path.read_bytes())
    return digest.hexdigest()


def build_hash(article: Article) -> str:
    """The key of incremental builds: the article (text and metadata) and the mapper that read it."""
    return hashlib.sha256(f"{article.content_hash}:{mapper_fingerprint()}".encode()).hexdigest()


@dataclass
class MappedArticle:
    article: Article
    structure: Structure
    actors: Actors
    events: list[Event]
    triples: ArticleTriples

    @property
    def graph(self) -> Graph:
        """The article's named graph as an rdflib Graph (built on first use)."""
        return self.triples.graph

    @property
    def people(self) -> int:
        return sum(1 for p in self.actors.people if p.mentions)


def read_structure(article: Article, g: gazetteer_module.Gazetteer) -> Structure:
    return analyse(article.text, g.cities, article.title, g.capitals_named_after)


def parse_articles(articles: list[Article], g: gazetteer_module.Gazetteer) -> list[tuple[Structure, Parsed]]:
    """The structure and parse of several articles at once (one parser batch), for map_article."""
    structures = [read_structure(a, g) for a in articles]
    parses = parse_many([(normalise(s.unwrapped(a.text)), s.sentences) for a, s in zip(articles, structures)])
    return list(zip(structures, parses))


def map_article(article: Article, gazetteer: gazetteer_module.Gazetteer | None = None,
                prepared: tuple[Structure, Parsed] | None = None) -> MappedArticle:
    """Map one article. PREPARED, from parse_articles, saves the structure and parse stages."""
    g = gazetteer or gazetteer_module.load()
    if prepared is None:
        structure = read_structure(article, g)
        parsed = parse(normalise(structure.unwrapped(article.text)), structure.sentences)
    else:
        structure, parsed = prepared
    ref = reference_date(structure.dateline_date, article.published)
    text = structure.unwrapped(article.text)  # evidence still quotes article.text as it is
    actors = find_actors(g, text, structure.sentences, ref.date, parsed)
    events = find_frames(g, text, structure.sentences, actors, ref, structure.dateline_place,
                         structure.trailing_place, parsed)
    triples = write_article_graph(article, structure, actors, events, ref.date, g, build_hash(article))
    return MappedArticle(article, structure, actors, events, triples)
