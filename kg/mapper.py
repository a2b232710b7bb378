"""The mapper: one article in, one RDF graph out, through small named stages.

    read article -> structure (body, dateline, sentences) -> actors (people, roles,
    organisations, countries) -> events (interactions) -> RDF (with evidence)
"""
from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph

from kg import gazetteer as gazetteer_module
from kg.actors import Actors, find_actors
from kg.articles import Article
from kg.dates import reference_date
from kg.events import Event, find_events
from kg.rdfmap import ArticleTriples, write_article_graph
from kg.structure import Structure, analyse


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


def map_article(article: Article, gazetteer: gazetteer_module.Gazetteer | None = None) -> MappedArticle:
    g = gazetteer or gazetteer_module.load()
    structure = analyse(article.text, set(g.cities), article.title)
    ref = reference_date(structure.dateline_date, article.published)
    actors = find_actors(g, article.text, structure.sentences, ref.date)
    events = find_events(g, article.text, structure.sentences, actors, ref, structure.dateline_place,
                         structure.trailing_place)
    triples = write_article_graph(article, structure, actors, events, ref.date)
    return MappedArticle(article, structure, actors, events, triples)
