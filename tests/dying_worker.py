"""A map function for worker processes that dies on one article, as a worker killed for memory would."""
import os

from kg.build import _map_chunk


def die_on_kerry(articles):
    if any("Kerry" in article.text for article in articles):
        os._exit(9)
    return _map_chunk(articles)
