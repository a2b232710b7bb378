"""Stage 2: tell the article's body from what surrounds it, find the dateline, split sentences.

News pages carry site navigation, strips of other headlines, bylines, photo captions,
"Related News" lists, tags and contact blocks. None of that is the article, and no fact
may come from it (event coders that read it report meetings that never happened in the
story). Everything here keeps character offsets into the original text.
"""
from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass, field

from kg.dates import DATE_IN_DATELINE_RE, parse_dateline_date

# A line that starts one of these ends the article: what follows is a list of other stories.
END_MARKER_RE = re.compile(
    r"^\s*(related (news|articles?|stories|posts|content|coverage)|other news|more news|more stories|"
    r"read more|read also|also read|see also|previous article|next article|previous post|next post|"
    r"you may also like|recommended|most read|most popular|latest news|trending|tags?\s*:|keywords?\s*:|"
    r"share this( article)?|follow us|subscribe|copyright|©|all rights reserved|associated links|useful links|"
    r"more from|more on this|see more|further reading|you might also like|popular stories)\b",
    re.IGNORECASE)
CONTACT_RE = re.compile(
    r"^\s*(tel|telephone|phone|fax|e-?mail|address|website|web|mobile|hotline|p\.?o\.? box)\b\s*[.:]?|"
    r"^[\d\s()+\-/,.:]{6,}$|@\w+\.\w+|https?://", re.IGNORECASE)
CAPTION_RE = re.compile(
    r"\b(photo|source|credit|image|picture|file photo)\s*:|\bphoto\s*(by|courtesy)\b|\(photo\b|"
    r"\b(AFP|Reuters|AP|Getty Images|EPA|Xinhua|VNA)\s*/|\bvia Getty\b|^\s*\(?(photo|file)\)?\s*$",
    re.IGNORECASE)
BREADCRUMB_RE = re.compile(r"^\s*(home|news)\s*[/>»|]", re.IGNORECASE)
# Author and time lines: "By Jane Doe", "Jane Doe 18:11, 2024/07/13", "Jane Doe / Daily News Share:".
BYLINE_RE = re.compile(r"^\s*by\s+[A-Z]|\b\d{1,2}:\d{2}\b|\bshare:?\s*$| / ", re.IGNORECASE)
SENTENCE_END_RE = re.compile(r"[.!?][\"'”’)\]]*(?=\s|$)")
DATELINE_RE = re.compile(
    r"^(?P<place>(?:[A-Z][A-Za-z'’.-]+)(?:[ -][A-Z][A-Za-z'’.-]+){0,3}|[A-Z][A-Z .'-]{2,30})"
    r"(?:\s*\([^)]{1,40}\))?"
    r"(?P<date>,?\s*" + DATE_IN_DATELINE_RE + r")?"
    r"(?:\s*\((?P<agency>[^)]{1,40})\))?"
    r"\s*(?::|--|—|–|-|\.(?=\s+[A-Z]))\s+")

_PROSE_END_RE = re.compile(r"[.!?:;][\"'”’)\]]*$")
_NEXT_SENTENCE_START_RE = re.compile(r"\s+[\"'“‘(\[]?[A-Z0-9]")
_INITIALS_RE = re.compile(r"(\w\.)+\w")
# The stages after this one look at each sentence as a whole, several times over for each word
# that may start a name or an interaction: their work grows with a sentence's length times what
# it holds. A "sentence" longer than this (a list or a table pasted as one line, text without
# full stops) is read in pieces of at most this many characters, cut at a space. Sentences of
# news prose are far shorter: 654 characters at most in seeds/, tests/corpus and tests/heldout.
MAX_SENTENCE_CHARS = 2_000

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "sen", "rep", "gov",
    "st", "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "h.e", "hon", "rev", "amb", "u.s", "u.k", "u.n",
    "e.u", "a.m", "p.m", "i.e", "e.g", "dept", "est", "approx", "fig", "gov't", "govt", "adm", "cmdr", "rt",
    "ft", "mt", "hr", "messrs", "mme", "mlle", "sgt", "brig", "cdr", "ret", "pres", "sec", "min", "dep",
}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass
class Structure:
    title: Span | None
    dateline_place: str | None
    dateline_date: str | None  # ISO date, or partial (YYYY-MM / --MM-DD) when the year is missing
    dateline_end: int | None   # offset where the body text after the dateline starts
    body: list[Span] = field(default_factory=list)       # paragraphs that are the article
    sentences: list[Span] = field(default_factory=list)
    trailing_place: str | None = None  # a lone place line after the body (press releases)


def _lines(text: str) -> list[Span]:
    out, pos = [], 0
    for raw in text.splitlines(keepends=True):
        content = raw.rstrip("\r\n")
        lead = len(content) - len(content.lstrip())
        stripped = content.strip()
        if stripped:
            out.append(Span(pos + lead, pos + lead + len(stripped), stripped))
        pos += len(raw)
    return out


_SENTENCE_PUNCTUATION_RE = re.compile(r"[.!?:;,]\s")


def _is_navigation(line: str) -> bool:
    if line.count(" | ") >= 2 or BREADCRUMB_RE.match(line):
        return True
    # A long run of capitalised words with no sentence punctuation: a strip of headlines.
    return len(line) > 120 and not _SENTENCE_PUNCTUATION_RE.search(line + " ")


def _is_contact(line: str) -> bool:
    """CONTACT_RE.search(line) is not None, sooner: past the line's start (its "^" alternatives) it
    can only match at an "@" or a "://"."""
    return CONTACT_RE.match(line) is not None or \
        ("@" in line or "://" in line) and CONTACT_RE.search(line) is not None


def _may_be_caption(line: str) -> bool:
    """Every caption form has one of these; most lines of prose have none, and skip the slow search."""
    if ":" in line or "/" in line:
        return True
    lowered = line.lower()
    return "photo" in lowered or "file" in lowered or "getty" in lowered


def _is_header(line: str) -> bool:
    """'MINISTRY OF FOREIGN AFFAIRS', 'PRESS RELEASE': short all-capital lines."""
    return len(line) < 90 and line.isupper() and not line.endswith(".")


def _looks_like_sentence(line: str) -> bool:
    words = len(line.split())
    ends_like_prose = _PROSE_END_RE.search(line) is not None
    return words >= 6 and (ends_like_prose or words > 30 and SENTENCE_END_RE.search(line) is not None)


def analyse(text: str, known_places: Container[str] = (), title_hint: str | None = None) -> Structure:
    """Split the text into title, dateline and body paragraphs (offsets kept)."""
    lines = _lines(text)
    body: list[Span] = []
    title: Span | None = None
    trailing_place = None
    started = False
    for index, line in enumerate(lines):
        s = line.text
        if started and END_MARKER_RE.match(s):
            break
        if not started and END_MARKER_RE.match(s) and not _looks_like_sentence(s):
            continue
        if _is_navigation(s) or _is_contact(s) and not _looks_like_sentence(s):
            continue
        if _may_be_caption(s) and CAPTION_RE.search(s) and len(s.split()) < 40:
            continue
        if _is_header(s):
            continue
        if s.strip("*_ ") in known_places:
            if started:
                trailing_place = s.strip("*_ ")
            continue
        if not _looks_like_sentence(s):
            if BYLINE_RE.search(s) and len(s.split()) <= 10:
                continue
            if not started:
                if len(s) < 250 and len(s.split()) >= 3:
                    title = line  # the last headline-like line before the body is the title
                continue
            if len(s.split()) < 8:
                continue  # short fragments: captions, labels, widgets
        if title is not None and title_hint and s == title_hint.strip():
            continue
        started = True
        body.append(line)
    place = date = dateline_end = None
    if body:
        m = DATELINE_RE.match(body[0].text)
        if m and (m.group("date") or m.group("agency") or m.group("place").strip(" ,") in known_places
                  or m.group("place").isupper()):
            candidate = m.group("place").strip(" ,")
            canonical = _canonical_place(candidate, known_places)
            if (canonical or m.group("date")) and (m.group(0).rstrip()[-1] != "." or canonical):
                place = canonical or candidate.title()
                date = parse_dateline_date(m.group("date")) if m.group("date") else None
                dateline_end = body[0].start + m.end()
    sentences = [s for para in body for s in split_sentences(text, para, skip_to=dateline_end)]
    return Structure(title=title, dateline_place=place, dateline_date=date, dateline_end=dateline_end,
                     body=body, sentences=sentences, trailing_place=trailing_place)


def _canonical_place(candidate: str, known: Container[str]) -> str | None:
    if candidate in known:
        return candidate
    titled = candidate.title()
    return titled if titled in known else None


def split_sentences(text: str, para: Span, skip_to: int | None = None) -> list[Span]:
    """Sentences of one paragraph, as spans of the original text."""
    start = para.start
    if skip_to is not None and para.start <= skip_to <= para.end:
        start = skip_to
    out = []
    seg_start = start
    for m in SENTENCE_END_RE.finditer(text, start, para.end):
        end = m.end()
        if _is_abbreviation(text, seg_start, m.start()):
            continue
        if end < para.end and not _NEXT_SENTENCE_START_RE.match(text[end:end + 4]):
            continue  # the next word starts in lower case: not a sentence boundary
        out += _pieces(text, seg_start, end)
        seg_start = end
    if seg_start < para.end and text[seg_start:para.end].strip():
        out += _pieces(text, seg_start, para.end)
    return [s for s in out if s.text]


def _pieces(text: str, start: int, end: int) -> list[Span]:
    """The sentence at START..END (trimmed), in pieces of at most MAX_SENTENCE_CHARS."""
    sentence = _trim(text, start, end)
    if sentence.end - sentence.start <= MAX_SENTENCE_CHARS:
        return [sentence]
    pieces, start = [], sentence.start
    while sentence.end - start > MAX_SENTENCE_CHARS:
        # at the last space of the piece's second half; in a word that long, anywhere
        cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        pieces.append(_trim(text, start, cut))
        start = cut
    pieces.append(_trim(text, start, sentence.end))
    return pieces


def _is_word_char_before_dot(char: str) -> bool:
    """[\\w.'’]: what the word before a full stop is made of (letters, digits, dots, apostrophes)."""
    return char.isalnum() or char in "_.'’"


def _is_abbreviation(text: str, seg_start: int, dot: int) -> bool:
    if text[dot] != ".":
        return False
    # The word before the full stop, read backwards from it: only as far as the word goes (not the
    # whole sentence so far, which a text with no sentence end makes as long as the article).
    start = dot
    while start > seg_start and _is_word_char_before_dot(text[start - 1]):
        start -= 1
    if start == dot:
        return False
    token = text[start:dot].lower().rstrip(".")
    if token in ABBREVIATIONS:
        return True
    # Initials: "J." in "John F. Kennedy", "U.S." style acronyms.
    return len(token) == 1 and token.isalpha() or bool(_INITIALS_RE.fullmatch(token))


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end, text[start:end])
