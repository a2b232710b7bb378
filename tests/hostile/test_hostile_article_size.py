"""An article at the size limit (1,000,000 characters) maps in bounded time, whatever its shape.

The mapper's work must grow with the article's length, not with its square (a million characters
of one sentence took about 110 s). Each shape is mapped in a child process with a time limit, so
that a mapper gone quadratic fails here in bounded time instead of holding up the suite.
benchmarks/bench_article_size.py prints the time per size, for every shape.
"""
from __future__ import annotations

import subprocess
import sys

import pytest

from hostile_helpers import ROOT

SECONDS = 30  # generous: about 1 to 6 s on the machine of benchmarks/README.md
# The realistic shape, and those that were quadratic: one sentence as long as the article, words
# that all begin with a capital, full stops that end no sentence ("talks. met visit.").
SHAPES = ["prose", "one-sentence", "capitalised", "dotted"]

MAP_ONE = """
import sys, time
sys.path.insert(0, {benchmarks!r})
from bench_article_size import make_article
from kg import gazetteer
from kg.articles import MAX_ARTICLE_CHARS, Article
from kg.mapper import map_article
found = gazetteer.load()
article = Article(id="big", text=make_article({shape!r}, MAX_ARTICLE_CHARS), source="big", published="2024-03-03")
assert len(article.text) == MAX_ARTICLE_CHARS
started = time.perf_counter()
mapped = map_article(article, found)
print(time.perf_counter() - started, len(mapped.structure.sentences))
"""


@pytest.mark.parametrize("shape", SHAPES)
def test_an_article_of_a_million_characters_maps_in_bounded_time(shape):
    script = MAP_ONE.format(benchmarks=str(ROOT / "benchmarks"), shape=shape)
    try:
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT,
                              timeout=2 * SECONDS)
    except subprocess.TimeoutExpired:
        pytest.fail(f"mapping a 1,000,000-character {shape} article took more than {2 * SECONDS} s")
    assert done.returncode == 0, done.stderr
    seconds, sentences = done.stdout.split()
    assert float(seconds) < SECONDS, f"{shape}: {float(seconds):.1f} s"
    assert int(sentences) > 0
