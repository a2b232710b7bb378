#!/usr/bin/env python3
"""Time the mapper on one article of growing size: each stage must be linear in its length.

    python benchmarks/bench_article_size.py                 # every shape, 50,000 to 400,000 characters
    python benchmarks/bench_article_size.py --sizes 125000 250000 500000 1000000 --shapes prose dotted
    python benchmarks/bench_article_size.py --shapes dotted --profile 2> profile.txt

Each shape is an article written to a given number of characters:

- prose: paragraphs of the diplomatic sentences of tests/corpus (the realistic case);
- one-paragraph: the same sentences on one line;
- one-line: their words on one line, with no punctuation at all (read as a strip of headlines);
- one-sentence: the same, with a full stop at the end: one sentence as long as the article;
- commas: the sentences joined by commas, one full stop at the end;
- capitalised: one sentence of words that all begin with a capital (names everywhere);
- short-lines: many short lines, sentences and fragments (a list pasted as text);
- no-spaces: a sentence around one word as long as the article;
- dotted: full stops each followed by a lower-case word ("talks. met visit. and"): no sentence ends.

For each size it prints the seconds map_article took (the best of --repeat runs) and the
microseconds a character: when the mapper is linear, that column stays flat as the size doubles.
The last column is the time's growth against the previous size: 2.0 when the size doubles is
linear, 4.0 quadratic. A shape whose time passes --give-up-after is not run at larger sizes.
"""
from __future__ import annotations

import argparse
import cProfile
import functools
import gc
import io
import pstats
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_SIZES = (50_000, 100_000, 200_000, 400_000)


@functools.lru_cache(maxsize=1)
def corpus_sentences() -> list[str]:
    """The sentences of the test corpus's article bodies: lines that read as prose."""
    sentences = []
    for path in sorted((ROOT / "tests" / "corpus").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if len(line.split()) >= 8 and line.endswith("."):
                sentences += [s for s in re.split(r"(?<=\.)\s+(?=[A-Z])", line) if len(s.split()) >= 6]
    return sentences


def _repeat_to(size: int, pieces: list[str], separator: str) -> str:
    """PIECES joined by SEPARATOR, again and again, to exactly SIZE characters."""
    out, length, i = [], -len(separator), 0
    while length < size:
        out.append(pieces[i % len(pieces)])
        length += len(separator) + len(out[-1])
        i += 1
    return separator.join(out)[:size]


def _words(capitalise: bool = False) -> list[str]:
    words = re.sub(r"[^\w\s-]", "", " ".join(corpus_sentences())).split()
    return [w[:1].upper() + w[1:] for w in words] if capitalise else words


def make_article(shape: str, size: int) -> str:
    """An article of SIZE characters in the given shape, with a title and a dateline."""
    head = "Ministers meet to discuss cooperation\n\nPHNOM PENH, March 3 (AKP) -- "
    size = max(size - len(head), 1)
    if shape == "prose":
        sentences = corpus_sentences()
        paragraphs = [" ".join(sentences[i:i + 4]) for i in range(0, len(sentences), 4)]
        return head + _repeat_to(size, paragraphs, "\n\n")
    if shape == "one-paragraph":
        return head + _repeat_to(size, corpus_sentences(), " ")
    if shape == "one-line":
        return head + _repeat_to(size, _words(), " ")
    if shape == "one-sentence":
        return head + _repeat_to(size - 1, _words(), " ") + "."
    if shape == "commas":
        return head + _repeat_to(size - 1, [s.rstrip(".") for s in corpus_sentences()], ", ") + "."
    if shape == "capitalised":
        return head + _repeat_to(size - 1, _words(capitalise=True), " ") + "."
    if shape == "short-lines":
        return head + _repeat_to(size, ["Prime Minister Hun Sen met President Joe Biden in Phnom Penh.",
                                        "The two leaders discussed trade.", "Cambodia", "Trade and investment",
                                        "Photo: AKP"], "\n")
    if shape == "no-spaces":
        before, after = "Prime Minister Hun Sen met President Joe Biden in ", " on Monday."
        return head + before + ("Cambodia" * (size // 8 + 1))[:max(size - len(before) - len(after), 1)] + after
    if shape == "dotted":
        before, after = "The minister met ", " in Phnom Penh."
        return head + before + _repeat_to(size - len(before) - len(after),
                                          ["talks.", "met", "Dr.", "visit.", "a.", "U.S.", "and"], " ") + after
    raise ValueError(f"unknown shape {shape!r}")


SHAPES = ("prose", "one-paragraph", "one-line", "one-sentence", "commas", "capitalised", "short-lines",
          "no-spaces", "dotted")


def time_mapping(text: str, gazetteer, profiler: cProfile.Profile | None = None) -> float:
    from kg.articles import Article
    from kg.mapper import map_article
    article = Article(id="size-bench", text=text, source="bench", published="2024-03-03")
    gc.collect()  # (the garbage of the run before is not this run's)
    started = time.perf_counter()
    if profiler is not None:
        profiler.enable()
    map_article(article, gazetteer)
    if profiler is not None:
        profiler.disable()
    return time.perf_counter() - started


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES), metavar="CHARS")
    parser.add_argument("--shapes", nargs="+", choices=SHAPES, default=list(SHAPES))
    parser.add_argument("--repeat", type=int, default=3, metavar="N", help="runs of each size; the best counts (3)")
    parser.add_argument("--give-up-after", type=float, default=60, metavar="SECONDS",
                        help="skip the larger sizes of a shape once one took longer than this (default 60)")
    parser.add_argument("--profile", action="store_true", help="cProfile the mapping; top functions to stderr")
    parser.add_argument("--profile-top", type=int, default=25)
    args = parser.parse_args(argv)

    from kg import gazetteer as gazetteer_module
    gazetteer = gazetteer_module.load()
    time_mapping(make_article("prose", 5_000), gazetteer)  # warm the caches: not part of any size
    profiler = cProfile.Profile() if args.profile else None
    print(f"{'shape':<14} {'characters':>11} {'seconds':>9} {'µs/char':>8} {'growth':>7}")
    for shape in args.shapes:
        previous = None
        for size in args.sizes:
            if previous and previous[1] > args.give_up_after:
                print(f"{shape:<14} {size:>11,}   (skipped: {previous[0]:,} characters took {previous[1]:.0f} s)")
                continue
            text = make_article(shape, size)
            seconds = min(time_mapping(text, gazetteer, profiler) for _ in range(max(1, args.repeat)))
            growth = f"{seconds / previous[1]:.2f}" if previous and previous[1] > 0 else ""
            print(f"{shape:<14} {size:>11,} {seconds:>9.3f} {seconds / size * 1e6:>8.2f} {growth:>7}", flush=True)
            previous = (size, seconds)
    if profiler is not None:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(args.profile_top)
        print(out.getvalue(), file=sys.stderr)


if __name__ == "__main__":
    main()
