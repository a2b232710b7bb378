"""An evidence sentence that spans a wrapped line holds a line break: its N-Quads must still parse
(rdflib's n3() writes such a literal in Turtle's long form, which N-Quads does not allow)."""
from __future__ import annotations

import textwrap

import pyoxigraph as ox

from kg.articles import Article
from kg.mapper import map_article
from kg.namespaces import article_graph

WRAPPED = textwrap.fill(
    "NAIROBI, May 15 (KNA) - Kenyan Foreign Minister Amina Wekesa met Ghanaian Foreign Minister Kofi "
    "Mensah-Bonsu in Nairobi today to review trade and visa facilitation between the two countries, the "
    "ministry said. The two ministers also discussed a new air services agreement and the joint "
    "commission that will meet in Accra later this year, according to a statement.", width=72) + "\n"


def test_a_sentence_over_a_line_break_writes_parseable_nquads():
    mapped = map_article(Article(id="wrapped", text=WRAPPED, source="test", published="2024-05-15"))
    assert mapped.events, "the wrapped sentence is read as one"
    body, marker = mapped.triples.nquads(article_graph("wrapped"))
    assert b'"""' not in body
    quads = list(ox.parse(body + marker, format=ox.RdfFormat.N_QUADS))
    texts = [q.object.value for q in quads if isinstance(q.object, ox.Literal) and "\n" in q.object.value]
    assert texts, "an evidence literal keeps the line break of the original text"
