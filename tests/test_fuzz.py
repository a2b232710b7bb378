"""Property-based fuzzing (hypothesis) of the readers and the mapper.

What must hold for every generated input:

- readers (kg.articles.read_paths over a folder of generated .txt, .meta.json and .jsonl files):
  every item is an Article or an InputError, never another exception, and never the readers'
  catch-all InputError "... a bug in kg" (an unexpected exception turned into an error). Every
  Article has text, a usable id, and text and metadata that UTF-8 can hold (no lone surrogate).
- mapper (kg.mapper.map_article over texts of random unicode mixed with diplomatic fragments):
  a result, no exception; its triples as N-Quads parse in pyoxigraph; every evidence quote
  (oa:exact of the #quote selector) equals the article text between the oa:start and oa:end of
  the same evidence's #position selector.

Example counts come from a settings profile, chosen by the HYPOTHESIS_PROFILE variable:

- ``ci`` (the default): a few hundred examples a test, well under a minute on 2 cores.
- ``long``: 35,000 examples for each of the three reader tests (105,000 reader inputs) and
  FUZZ_MAPPER_EXAMPLES (default 35,000, about 30 ms each: ~20-40 minutes) for each mapper test.
  Run it outside CI::

      HYPOTHESIS_PROFILE=long .venv/bin/pytest tests/test_fuzz.py -q -p no:cacheprovider \\
          --hypothesis-show-statistics

  or only the readers (fast)::

      HYPOTHESIS_PROFILE=long .venv/bin/pytest tests/test_fuzz.py -q -k reader --hypothesis-show-statistics

  FUZZ_READER_EXAMPLES and FUZZ_MAPPER_EXAMPLES override the counts of either profile. A failure
  is printed by hypothesis as its shrunk (smallest) example; it is saved in .hypothesis/ and
  tried first on the next run.
"""
from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import event as _event
from hypothesis.control import currently_in_test_context
from hypothesis import strategies as st

from kg.articles import ARTICLE_ID_RE, Article, InputError, read_paths
from kg.mapper import map_article
from kg.namespaces import article_graph

PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
_HEALTH = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much,
           HealthCheck.large_base_example]
settings.register_profile("ci", deadline=None, max_examples=300, suppress_health_check=_HEALTH,
                          print_blob=True)
settings.register_profile("long", deadline=None, max_examples=35_000, suppress_health_check=_HEALTH,
                          print_blob=True)
_BASE = settings.get_profile(PROFILE if PROFILE in ("ci", "long") else "ci")
READER_EXAMPLES = int(os.environ.get("FUZZ_READER_EXAMPLES", _BASE.max_examples))
MAPPER_EXAMPLES = int(os.environ.get("FUZZ_MAPPER_EXAMPLES", 35_000 if PROFILE == "long" else 150))
reader_settings = settings(_BASE, max_examples=READER_EXAMPLES)
mapper_settings = settings(_BASE, max_examples=MAPPER_EXAMPLES)

BUG_MARK = "a bug in kg"


def event(name: str) -> None:
    if currently_in_test_context():  # (the regression tests call the checks outside @given)
        _event(name)

# ---------------------------------------------------------------- strategies: values and bytes

# Any unicode, lone surrogates and control characters included.
any_text = st.text(st.characters(), max_size=200)
# Unicode that UTF-8 can hold (what a decoded file can contain).
utf8_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=200)
control_text = st.text(st.sampled_from([chr(c) for c in range(0x20)] + ["\x7f", "\x85", "\u2028", "\u2029",
                                        "\ufeff", "\u200b", "\u202e", "\ud800", "\udfff", "\U0010ffff"]),
                       max_size=30)
long_text = st.builds(lambda ch, n: ch * n, st.sampled_from(["a", "é", "\U0001f600", " ", "\n", "x-"]),
                      st.integers(0, 20_000))

json_scalar = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                        any_text, control_text)
json_value = st.recursive(json_scalar,
                          lambda inner: st.one_of(st.lists(inner, max_size=5),
                                                  st.dictionaries(any_text, inner, max_size=5)),
                          max_leaves=20)

valid_ids = st.from_regex(ARTICLE_ID_RE, fullmatch=True).filter(lambda s: len(s) <= 200)
dates = st.one_of(st.from_regex(r"\A\d{4}(-\d{2}(-\d{2})?)?\Z"),
                  st.dates().map(lambda d: d.isoformat()),
                  st.sampled_from(["2024-02-29", "2023-02-29", "0000", "0000-01-01", "9999-12-31", "2024-13-01",
                                   "2024-00-10", "2024-1-1", "24-05-15", "2024/05/15", "", " 2024"]))
META_FIELDS = ("id", "url", "title", "published", "publisher", "author", "language", "text")
field_value = st.one_of(
    any_text, utf8_text, control_text, long_text, json_value, valid_ids, dates,
    st.sampled_from(["https://example.org/a?b=c#d", "http://x/<>\"{}|^`\\", "urn:x", "en", "en-GB", "", " "]),
)
meta_dict = st.one_of(
    st.dictionaries(st.sampled_from(META_FIELDS) | any_text, field_value, max_size=10),
    st.fixed_dictionaries({}, optional={k: field_value for k in META_FIELDS}),
    st.fixed_dictionaries({"id": valid_ids, "text": utf8_text.filter(str.strip)},
                          optional={"published": dates, "title": utf8_text, "url": utf8_text,
                                    "publisher": utf8_text, "author": utf8_text, "language": utf8_text}),
)


def _dump(value, ensure_ascii: bool, indent) -> bytes:
    text = json.dumps(value, ensure_ascii=ensure_ascii, indent=indent, allow_nan=True)
    return text.encode("utf-8", "surrogatepass")  # a lone surrogate: bytes that are not UTF-8


json_bytes = st.builds(_dump, st.one_of(meta_dict, json_value), st.booleans(), st.sampled_from([None, 0, 2, "\t"]))


@st.composite
def mutated(draw, base):
    """BASE bytes cut, spliced with random bytes, or with a byte changed."""
    data = draw(base)
    kind = draw(st.sampled_from(["none", "cut", "insert", "flip", "bom", "deep", "bignum"]))
    if kind == "cut" and data:
        data = data[:draw(st.integers(0, len(data)))]
    elif kind == "insert":
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(max_size=20)) + data[at:]
    elif kind == "flip" and data:
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1:]
    elif kind == "bom":
        data = b"\xef\xbb\xbf" + data
    elif kind == "deep":
        n = draw(st.integers(1, 200_000))
        data = b"[" * n + b"]" * n if draw(st.booleans()) else b'{"a":' * n + b"1" + b"}" * n
    elif kind == "bignum":
        data = b'{"id": "x", "text": "y", "n": ' + b"9" * draw(st.integers(1, 20_000)) + b"}"
    return data


encodings = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "latin-1", "cp1252", "utf-32"])
text_bytes = st.one_of(
    st.builds(lambda t: t.encode("utf-8"), utf8_text.filter(str.strip)),
    st.builds(lambda t: t.encode("utf-8"), utf8_text.filter(str.strip)),
    st.binary(max_size=300),
    st.builds(lambda t: t.encode("utf-8", "surrogatepass"), any_text),
    st.builds(lambda t, enc: t.encode(enc, "replace"), utf8_text, encodings),
    st.builds(lambda t: t.encode("utf-8"), long_text),
    st.builds(lambda t: t.encode("utf-8", "surrogatepass"), control_text),
)
sidecar_bytes = st.one_of(json_bytes, mutated(json_bytes), st.binary(max_size=200), text_bytes)

file_stems = st.one_of(
    valid_ids.filter(lambda s: len(s.encode()) <= 200),
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="/\x00"), min_size=1, max_size=40)
    .filter(lambda s: s not in (".", "..") and len(s.encode()) <= 200),
)


def jsonl_line(draw) -> bytes:
    kind = draw(st.sampled_from(["json", "mutated", "raw", "blank", "text"]))
    if kind == "json":
        return draw(json_bytes).replace(b"\n", b" ")
    if kind == "mutated":
        return draw(mutated(json_bytes))
    if kind == "raw":
        return draw(st.binary(max_size=100))
    if kind == "blank":
        return draw(st.sampled_from([b"", b" ", b"\t", b"\r", b"\xef\xbb\xbf", b"\x0b\x0c"]))
    return draw(text_bytes)


@st.composite
def jsonl_bytes(draw) -> bytes:
    lines = [jsonl_line(draw) for _ in range(draw(st.integers(0, 6)))]
    sep = draw(st.sampled_from([b"\n", b"\r\n", b"\r"]))
    tail = draw(st.sampled_from([b"", b"\n", b"\r\n"]))
    return draw(st.sampled_from([b"", b"\xef\xbb\xbf"])) + sep.join(lines) + tail


# ---------------------------------------------------------------- the reader property

def check_read(folder: Path) -> list:
    items = list(read_paths([folder]))  # any exception here fails the test
    for item in items:
        assert isinstance(item, (Article, InputError)), type(item)
        if isinstance(item, InputError):
            assert BUG_MARK not in item.problem, item
            event("error: " + re.sub(r"[\d'(].*", "", item.problem)[:40])
            continue
        event("article")
        assert item.text.strip() and ARTICLE_ID_RE.match(item.id), item
        for value in (item.id, item.text, item.url, item.title, item.published, item.publisher,
                      item.author, item.language):
            assert value is None or isinstance(value, str)
            if value is not None:
                value.encode("utf-8")  # no lone surrogate: it would break every writer downstream
        item.content_hash  # noqa: B018  (it must be computable)
    return items


def _write(folder: Path, name: str, data: bytes) -> None:
    (folder / name).write_bytes(data)


@reader_settings
@given(stem=file_stems, suffix=st.sampled_from([".txt", ".TXT", ".Txt"]), text=text_bytes,
       sidecar=st.none() | sidecar_bytes)
def test_reader_txt_with_sidecar(stem, suffix, text, sidecar):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _write(folder, stem + suffix, text)
        if sidecar is not None:
            _write(folder, stem + ".meta.json", sidecar)
        check_read(folder)


@reader_settings
@given(files=st.lists(st.tuples(file_stems, st.sampled_from([".txt", ".jsonl", ".meta.json"]),
                                st.one_of(text_bytes, sidecar_bytes, jsonl_bytes())), min_size=1, max_size=4))
def test_reader_mixed_folder(files):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for stem, suffix, data in files:
            _write(folder, stem + suffix, data)
        check_read(folder)


@reader_settings
@given(stem=file_stems, data=jsonl_bytes())
def test_reader_jsonl(stem, data):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _write(folder, stem + ".jsonl", data)
        check_read(folder)


# ---------------------------------------------------------------- strategies: article texts

TITLES = ["President", "Foreign Minister", "Prime Minister", "King", "Queen", "Sheikh", "Dr.", "H.E.", "Mr.", "Ms.",
          "Ambassador", "Secretary of State", "Minister of Foreign Affairs", "Vice President", "Chancellor",
          "Crown Prince", "UN Secretary-General", "Defence Minister", "Emir", "Premier", "State Councillor"]
NAMES = ["Amina Wekesa", "Kofi Mensah-Bonsu", "Xi Jinping", "Emmanuel Macron", "Narendra Modi", "Yoweri Museveni",
         "Antony Blinken", "Sergey Lavrov", "Wang Yi", "Olaf Scholz", "António Guterres", "Mohammed bin Salman",
         "Lula da Silva", "Cyril Ramaphosa", "Nguyễn Phú Trọng", "Jean-Yves Le Drian", "O'Neill", "Ali", "Smith"]
TRIGGERS = ["met", "met with", "visited", "held talks with", "had a phone call with", "spoke by phone with",
            "signed", "signed an agreement with", "will visit", "hosted", "received", "paid a state visit to",
            "held a telephone conversation with", "signed a memorandum of understanding on", "discussed",
            "will meet", "arrived in", "welcomed", "concluded", "summit", "bilateral talks", "joint statement"]
DATES = ["on Monday", "on Tuesday", "May 15", "15 May 2024", "2024-05-15", "last week", "yesterday", "today",
         "on March 3, 2023", "next month", "in 2019", "on 31 February", "Jan. 1", "on the 5th", "1999", "May"]
COUNTRIES = ["Kenya", "Ghana", "China", "France", "Uganda", "Côte d'Ivoire", "United States", "the United Kingdom",
             "Kenyan", "Chinese", "French", "Russia", "Russian", "India", "Indian", "Germany", "Brazil",
             "South Africa", "Viet Nam", "Saudi Arabia", "the European Union", "ASEAN", "the African Union",
             "Georgia", "Guinea", "Congo", "Niger", "Nigeria", "Dominica", "Turkey", "Türkiye"]
CITIES = ["Nairobi", "Accra", "Beijing", "Paris", "Kampala", "Washington", "Moscow", "New Delhi", "Berlin",
          "Brasília", "Pretoria", "Hanoi", "Riyadh", "Geneva", "New York", "Addis Ababa"]
DATELINES = ["NAIROBI, May 15 (KNA) - ", "BEIJING (Reuters) — ", "PARIS, 2 March 2024 — ", "ACCRA, Ghana -- ",
             "WASHINGTON — ", "Hanoi, 15/5/2024 — ", "GENEVA, Jan 1 (AP) —"]
PUNCT = [".", ",", ";", ":", "(", ")", "\"", "'", "'s", "—", "–", "-", "!", "?", "“", "”", "«", "»", "…", "/",
         "\n", "\n\n", "\r\n", "  ", "\t", "\u2028", "\x0c", "\x0b", "\x85", "\u00a0", "\u200b", "\ufeff", "#", "*"]
TOPICS = ["trade", "security", "climate", "visa facilitation", "energy", "the joint commission", "cooperation",
          "an air services agreement", "defence cooperation", "investment"]


@st.composite
def sentence(draw) -> str:
    pick = lambda xs: draw(st.sampled_from(xs))  # noqa: E731
    person = lambda: f"{pick(COUNTRIES)} {pick(TITLES)} {pick(NAMES)}"  # noqa: E731
    return draw(st.sampled_from([
        f"{person()} {pick(TRIGGERS)} {person()} in {pick(CITIES)} {pick(DATES)}{pick(PUNCT)}",
        f"{pick(TITLES)} {pick(NAMES)} {pick(TRIGGERS)} {pick(COUNTRIES)} {pick(DATES)} to discuss {pick(TOPICS)}.",
        f"{pick(COUNTRIES)} and {pick(COUNTRIES)} {pick(TRIGGERS)} an agreement on {pick(TOPICS)} {pick(DATES)}.",
        f"{pick(NAMES)}, {pick(TITLES)} of {pick(COUNTRIES)}, {pick(TRIGGERS)} {pick(NAMES)}{pick(PUNCT)}",
        f"{pick(COUNTRIES)}, {pick(NAMES)}; {pick(COUNTRIES)}, {pick(NAMES)} and {pick(COUNTRIES)}, {pick(NAMES)} "
        f"presented their credentials to {pick(TITLES)} {pick(NAMES)}.",
        f"\"We {pick(TRIGGERS)} {pick(TOPICS)},\" {pick(NAMES)} said {pick(DATES)}.",
    ]))


fragment = st.one_of(
    sentence(), sentence(), sentence(),
    st.sampled_from(TITLES + NAMES + TRIGGERS + DATES + COUNTRIES + CITIES + DATELINES + PUNCT + TOPICS),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=30),
    st.text(st.characters(blacklist_categories=("Cs",), max_codepoint=0x2fff), max_size=30),
    st.builds(lambda ch, n: ch * n, st.sampled_from(["a", "A", "é", "-", ".", "\U0001f600", "ü", "x"]),
              st.integers(1, 3000)),
)


@st.composite
def article_texts(draw) -> str:
    head = draw(st.sampled_from(["", ""] + DATELINES + ["\n", "\ufeff", "TITLE IN CAPS\n\n", "# Heading\n"]))
    parts = draw(st.lists(fragment, min_size=1, max_size=12))
    glue = draw(st.sampled_from([" ", "", "\n", " \n", ". "]))
    text = head + glue.join(parts)
    return text if text.strip() else text + "x"


mapper_articles = st.builds(
    lambda id_, text, published, title: Article(id=id_, text=text, source="fuzz", published=published,
                                                title=title),
    valid_ids, article_texts(),
    st.none() | st.dates().map(lambda d: d.isoformat()) | st.sampled_from(["2024", "2024-05", "1900", "9999-12"]),
    st.none() | st.text(st.characters(blacklist_categories=("Cs",)), max_size=60),
)

OA = "http://www.w3.org/ns/oa#"


def check_mapped(article: Article) -> None:
    mapped = map_article(article)  # any exception here fails the test
    event(f"events: {min(len(mapped.events), 3)}")
    body, marker = mapped.triples.nquads(article_graph(article.id))
    quads = list(ox.parse(body + marker, format=ox.RdfFormat.N_QUADS))
    assert len(quads) == len(mapped.triples)
    starts, ends, exacts = {}, {}, {}
    for q in quads:
        p = q.predicate.value
        if p in (OA + "start", OA + "end", OA + "exact"):
            node, _, part = q.subject.value.rpartition("#")
            table = {OA + "start": starts, OA + "end": ends, OA + "exact": exacts}[p]
            assert node not in table, f"two values of {p} for {node}"
            table[node] = q.object.value
    assert set(exacts) == set(starts) == set(ends)
    for node, exact in exacts.items():
        start, end = int(starts[node]), int(ends[node])
        assert 0 <= start <= end <= len(article.text)
        assert article.text[start:end] == exact, (node, start, end)


@mapper_settings
@given(article=mapper_articles)
def test_mapper_on_generated_articles(article):
    check_mapped(article)


@mapper_settings
@given(text=st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=400).filter(str.strip))
def test_mapper_on_random_unicode(text):
    check_mapped(Article(id="fuzz", text=text, source="fuzz"))


# ---------------------------------------------------------------- regressions found by fuzzing

@pytest.mark.parametrize("published, text", [
    # a planned "Jan. 1" in an article of December 9999 was moved to year 10000: ValueError
    ("9999-12", "President Amina Wekesa met Kenya next month to discuss trade. "
                "Kenya and Kenya met an agreement on trade Jan. 1."),
    ("9999-12-31", "Kenya President Amina Wekesa will meet Ghana President Kofi Mensah-Bonsu on Jan. 1."),
    ("0001-01-01", "Kenya President Amina Wekesa met Ghana President Kofi Mensah-Bonsu on December 28."),
])
def test_dates_at_the_ends_of_the_calendar_map(published, text):
    check_mapped(Article(id="edge", text=text, source="fuzz", published=published))
