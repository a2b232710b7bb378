"""Stage 2: tell the article's body from what surrounds it, find the dateline, split sentences.

News pages carry site navigation, strips of other headlines, bylines, photo captions,
"Related News" lists, tags and contact blocks. None of that is the article, and no fact
may come from it (event coders that read it report meetings that never happened in the
story). Everything here keeps character offsets into the original text.

Lines are first joined into paragraphs where a hard wrap or a scraper broke one mid-sentence;
each paragraph is then told apart by its shape: how it ends, how many of its words are
capitalised, whether it has the small words prose cannot do without, what stands around it.
"""
from __future__ import annotations

import re
from collections.abc import Container, Mapping
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
# "Read more: <headline>" with the headline on the same line is one link set into the article,
# which goes on after it; the marker alone heads a list of other stories, and ends the article.
INLINE_LINK_RE = re.compile(
    r"^\s*(read( more| also)?|also read|see also|related( news| stories| articles?| coverage| content)?|"
    r"more on this|more from)\s*[:|>»\-–—]+\s*\S", re.IGNORECASE)
CONTACT_RE = re.compile(
    r"^\s*(tel|telephone|phone|fax|e-?mail|address|website|web|mobile|hotline|p\.?o\.? box)\b\s*[.:]?|"
    r"^[\d\s()+\-/,.:]{6,}$|@\w+\.\w+|https?://", re.IGNORECASE)
CAPTION_RE = re.compile(
    r"\b(photo|source|credit|image|picture|file photo)\s*:|\bphoto\s*(by|courtesy)\b|\(photo\b|"
    r"\b(AFP|Reuters|AP|Getty Images|EPA|Xinhua|VNA)\s*/|\bvia Getty\b|^\s*\(?(photo|file)\)?\s*$",
    re.IGNORECASE)
# Where someone stands in a photo: "(left)", "(second right)", "(L)". Prose has no use for it.
POSITION_IN_PHOTO_RE = re.compile(
    r"\((?:(?:far|second|third|fourth|2nd|3rd|4th|front|back|top|bottom|row|from|standing|seated)[\s,-]+)*"
    r"(?:left|right|centre|center)(?:[\s-]+(?:to[\s-]+)?(?:left|right))?\)",
    re.IGNORECASE)
# The same in one letter, where case matters: "(c)" and "(r)" number the items of a list.
POSITION_LETTER_IN_PHOTO_RE = re.compile(r"\((?:[LR]|L-R|[2-4](?:nd|rd|th)? ?[LR])\)")
# A photographer's credit after the caption's last sentence, or alone: "... on Tuesday. Jane
# Doe/Daily Courier", "Photo/courtesy." (and not "... at the ASEAN Headquarters/ASEAN Secretariat.").
CREDIT_AT_END_RE = re.compile(
    r"(?:^|[.!?)”\"]\s*)[A-Z][\w'’&-]*(?: [A-Z][\w'’.&-]*){0,3}"  # the photographer or agency,
    r" ?/ ?[A-Za-z][\w'’.&-]*(?: [A-Z][\w'’.&-]*){0,3}\.?$")     # a slash, the outlet or "courtesy"
# An agency or photographer in capitals in brackets after words that do not end a sentence:
# "... with officials of the ministry (GNA)", "... Samuel Sánchez (EL PAÍS)".
_BRACKETED_AT_END_RE = re.compile(r"(?<![.!?:;,\s])\s+\(([^()]{2,30})\)$")
BREADCRUMB_RE = re.compile(r"^\s*(home|news)\s*[/>»|]", re.IGNORECASE)
# Author and time lines: "By Jane Doe", "Jane Doe 18:11, 2024/07/13", "Jane Doe / Daily News Share:".
BYLINE_RE = re.compile(r"^\s*by\s+[A-Z]|\b\d{1,2}:\d{2}\b|\bshare:?\s*$| / ", re.IGNORECASE)
SENTENCE_END_RE = re.compile(r"[.!?][\"'”’)\]]*(?=\s|$)")
DATELINE_RE = re.compile(
    r"^(?P<place>(?:[A-Z][A-Za-z'’.-]+)(?:[ -][A-Z][A-Za-z'’.-]+){0,3}|[A-Z][A-Z .'-]{2,30})"
    r"(?:\s*\([^)]{1,40}\))?(?:\s*\[[^\]]{1,40}\])?"  # "Panaji (Goa) [India], May 5 (ANI):"
    r"(?P<date>,?\s*" + DATE_IN_DATELINE_RE + r")?"
    r"(?:\s*\((?P<agency>[^)]{1,40})\))?"
    r"\s*(?::|--|—|–|-|\.(?=\s+[A-Z]))\s+")
# Presidencies and ministries may give the day first: "Thursday, February 14, Vilnius – ..."
DAY_FIRST_DATELINE_RE = re.compile(
    r"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?P<date>" + DATE_IN_DATELINE_RE + r"),?\s+"
    r"(?P<place>[A-Z][A-Za-z'’.-]+(?:[ -][A-Z][A-Za-z'’.-]+){0,3})"
    r"(?:\s*\((?P<agency>[^)]{1,40})\))?"
    r"\s*(?::|--|—|–|-)\s+")

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

    def unwrapped(self, text: str) -> str:
        """The text with the line breaks inside body paragraphs read as spaces: to the patterns and
        the parser a hard wrap is no boundary ("Prime Minister Helen\nCarter" is one name). The
        same length, so every offset still holds."""
        pieces, done = [], 0
        for paragraph in self.body:
            if "\n" in paragraph.text or "\r" in paragraph.text:
                pieces += [text[done:paragraph.start], paragraph.text.replace("\r", " ").replace("\n", " ")]
                done = paragraph.end
        return "".join(pieces) + text[done:] if pieces else text


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
_WORD_WITH_LETTER_FIRST_RE = re.compile(r"[^\W\d_][\w'’-]*")
# Small words running prose cannot do without and headlines leave out ("Kenya, Ghana sign visa
# deal"); in lower case, as a headline's first word or a shouting strip of capitals is no sign.
_PROSE_GLUE_RE = re.compile(r"\b(the|a|an|his|her|their|its|he|she|they|was|were|is|are|has|had|have|been|"
                            r"said|which|who)\b")
_COMMA_CLAUSE_RE = re.compile(r", [a-z]")
_BULLET_RE = re.compile(r"^[•·▪►‣◦*\-–—]\s")
# Words no sentence or headline ends on: a line that stops on one was cut mid-clause.
_MID_CLAUSE_WORDS = frozenset(
    "a an the of to in on at for from with by and or but nor as than that which who whose his her their its "
    "our your my this these those is are was were be been will would shall should can could may might has have "
    "had into onto upon about between among during while since until via per including such".split())
_MID_CLAUSE_END_CHARS = (",", "-", "–", "—", "(", "/", "&")
# "By Jane Doe"; a line opening on a lower-case "by" goes on with a sentence ("... was received\nby the King").
_BY_AUTHOR_RE = re.compile(r"^\s*(By|BY)\s+[A-Z]")
_PARENTHESES_RE = re.compile(r"\([^()]*\)")
_TOKEN_RE = re.compile(r"\w+")

MAX_WRAP_WIDTH = 100       # hard-wrapped text breaks its lines at 60 to 80 columns; longer lines are paragraphs
TITLE_CASE_SHARE = 0.6     # share of capitalised words above which a line reads as a name or a headline
LIST_RUN = 3               # headline-like lines in a row that make a list of links
REPEAT_WINDOW = 8          # paragraphs either side where a caption or a summary repeats what it is about


def _flat(text: str) -> str:
    """A paragraph's text on one line, for its features (its span keeps the original text)."""
    return " ".join(text.split())


def _ends_sentence(line: str) -> bool:
    return _PROSE_END_RE.search(line) is not None


def _capitalised_share(line: str) -> float:
    words = _WORD_WITH_LETTER_FIRST_RE.findall(line)
    return sum(1 for w in words if w[0].isupper()) / len(words) if words else 0.0


def _reads_as_prose(line: str) -> bool:
    """A line without a full stop that is still running prose (cut short, or a scrape that lost
    its punctuation), not a headline or a link: it has the small words headlines drop. Capitals
    tell nothing here: "The Prime Minister was accompanied by Advisor ... Mr. Sartaj Aziz" is prose."""
    if _BULLET_RE.match(line):
        return False
    return _PROSE_GLUE_RE.search(line) is not None or _COMMA_CLAUSE_RE.search(line) is not None


def _is_navigation(line: str) -> bool:
    if BREADCRUMB_RE.match(line):
        return True
    if " | " in line:
        parts = line.split(" | ")
        # Menus and strips of headlines; "08:38 | Lima, Nov. 15." is a date line with a place.
        if len(parts) > 2 or all(not _SENTENCE_PUNCTUATION_RE.search(part + " ") for part in parts):
            return True
    # A long run of words with no sentence punctuation, capitalised or without the small words of
    # prose: a strip of headlines, or a list of names.
    return len(line) > 120 and not _SENTENCE_PUNCTUATION_RE.search(line + " ") and not _ends_sentence(line) \
        and (_capitalised_share(line) >= TITLE_CASE_SHARE or not _reads_as_prose(line))


def _is_contact(line: str) -> bool:
    """CONTACT_RE.search(line) is not None, sooner: past the line's start (its "^" alternatives) it
    can only match at an "@" or a "://"."""
    return CONTACT_RE.match(line) is not None or \
        ("@" in line or "://" in line) and CONTACT_RE.search(line) is not None


def _may_be_caption(line: str) -> bool:
    """Every caption form has one of these; most lines of prose have none, and skip the slow search."""
    if ":" in line or "/" in line or "(" in line:
        return True
    lowered = line.lower()
    return "photo" in lowered or "file" in lowered or "getty" in lowered


def _is_caption(line: str) -> bool:
    """A photo's caption or credit: it names a photo, a photographer or where people stand."""
    if len(line.split()) >= 40 or not _may_be_caption(line):
        return False
    if CAPTION_RE.search(line) or CREDIT_AT_END_RE.search(line):
        return True
    if "(" not in line:
        return False
    if POSITION_IN_PHOTO_RE.search(line) or POSITION_LETTER_IN_PHOTO_RE.search(line):
        return True
    bracketed = _BRACKETED_AT_END_RE.search(line)
    return bracketed is not None and bracketed.group(1).isupper()


def _is_header(line: str) -> bool:
    """'MINISTRY OF FOREIGN AFFAIRS', 'PRESS RELEASE': short all-capital lines."""
    return len(line) < 90 and line.isupper() and not line.endswith(".")


def _looks_like_sentence(line: str) -> bool:
    words = len(line.split())
    ends_like_prose = _PROSE_END_RE.search(line) is not None
    return words >= 6 and (ends_like_prose or words > 30 and SENTENCE_END_RE.search(line) is not None)


# ---------------------------------------------------------------- lines into paragraphs

def _stands_alone(line: str) -> bool:
    """Lines that are never part of a wrapped paragraph: bylines, contacts, menus, list ends.

    A contact line has its number or address ("Tel: ...", "Email info@..."), not just the word
    ("phone conversation last Friday with ..."). Captions are not among these: the credit of a
    hard-wrapped caption can fall on a line of its own ("(Photo archive)"), and "(ASEAN)" can
    end a wrapped line of prose."""
    if _BY_AUTHOR_RE.match(line) or _is_navigation(line) or END_MARKER_RE.match(line):
        return True
    return _is_contact(line) and (":" in line or "@" in line or any(c.isdigit() for c in line))


def _ends_caption(line: str) -> bool:
    """A line that closes a caption with its credit ("... (File photo: AFP)"): what follows is not its rest."""
    return _may_be_caption(line) and CAPTION_RE.search(line) is not None


def _ends_mid_clause(line: str) -> bool:
    if line.endswith(_MID_CLAUSE_END_CHARS):
        return True
    last_word = line.rsplit(None, 1)[-1]
    return last_word in _MID_CLAUSE_WORDS  # lower case only: "... talks with The" is no clause


def _breaks_mid_sentence(previous: str, following: str, blank_between: bool) -> bool:
    """The break between two lines falls inside a sentence: the first stops without punctuation
    and the second goes on in lower case, or (with no blank line between) the first stops on a
    word no clause ends on. A lone lower-case word ("block") is a widget's label, not the rest."""
    if _ends_sentence(previous) or _BULLET_RE.match(following) or len(previous.split()) < 3:
        return False
    if following[0].islower() and (len(following.split()) >= 2 or _ends_sentence(following)):
        return True
    return not blank_between and _ends_mid_clause(previous)


def _wrap_width(lines: list[Span], certain_breaks: list[bool]) -> int | None:
    """The column a hard-wrapped text breaks its lines at, or None when its lines are paragraphs.

    A wrapped text breaks many lines mid-sentence, all near one width, and has hardly any line
    longer than that; a scraped page's lines are whole paragraphs of any length."""
    widths = [len(lines[i].text) for i, certain in enumerate(certain_breaks) if certain]
    if len(widths) < 2 or max(widths) > MAX_WRAP_WIDTH:
        return None
    width = max(widths)
    long_lines = [len(line.text) for line in lines if len(line.text.split()) >= 6]
    within = sum(1 for n in long_lines if n <= width + 10)
    return width if within >= 0.8 * len(long_lines) else None


def _paragraphs(text: str, lines: list[Span]) -> list[Span]:
    """Lines joined into paragraphs where a hard wrap or a scraper broke one; each paragraph is the
    span of the original text from its first line's start to its last line's end."""
    if not lines:
        return []
    pairs = list(zip(lines, lines[1:]))
    blank_between = [text.count("\n", a.end, b.start) > 1 for a, b in pairs]
    # A line that looks like a contact on its own ("telephone, welcomed him ...") is still the
    # rest of a sentence when the line before stops on a word no clause ends on.
    joinable = [not _stands_alone(a.text) and not _ends_caption(a.text) and
                (not _stands_alone(b.text) or b.text[0].islower() and _ends_mid_clause(a.text))
                for a, b in pairs]
    certain = [ok and _breaks_mid_sentence(a.text, b.text, blank)
               for ok, (a, b), blank in zip(joinable, pairs, blank_between)]
    width = _wrap_width(lines, certain)
    out, first = [], lines[0]
    for (previous, following), ok, mid_sentence, blank in zip(pairs, joinable, certain, blank_between):
        wrapped = mid_sentence or ok and width is not None and not blank \
            and len(previous.text) + 1 + len(following.text.split(None, 1)[0]) > width
        if not wrapped:
            out.append(Span(first.start, previous.end, text[first.start:previous.end]))
            first = following
    out.append(Span(first.start, lines[-1].end, text[first.start:lines[-1].end]))
    return out


# ---------------------------------------------------------------- what surrounds the article

def _is_list_item(line: str) -> bool:
    """A line shaped like one link of a list: a headline, with no full stop and no prose in it."""
    if _ends_sentence(line) or len(line.split()) > 25:
        return False
    return bool(_BULLET_RE.match(line)) or not _reads_as_prose(line)


def _link_lists(paragraphs: list[str]) -> set[int]:
    """Paragraphs in runs of headlines: "related", "most read" and "latest" lists, set between
    paragraphs or above the article. A title-cased line with a full stop among them
    ("Memorandum of Understanding between ... S.A.C.") is one of the links too."""
    items = [_is_list_item(p) for p in paragraphs]
    titled = [_ends_sentence(p) and len(p.split()) <= 25 and _capitalised_share(p) >= TITLE_CASE_SHARE
              for p in paragraphs]
    runs: list[list[int]] = []
    for index, is_item in enumerate(items):
        if not is_item:
            continue
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        elif runs and runs[-1][-1] == index - 2 and titled[index - 1] and len(runs[-1]) >= 2 and \
                index + 1 < len(items) and items[index + 1]:
            runs[-1] += [index - 1, index]  # a titled line with at least two links on either side
        else:
            runs.append([index])
    out = set()
    for run in runs:
        links = [i for i in run if items[i]]
        bulleted = [i for i in links if _BULLET_RE.match(paragraphs[i])]
        if len(links) >= LIST_RUN or len(bulleted) >= 2:
            out.update(run)
    return out


def _tokens(text: str) -> list[str]:
    return _TOKEN_RE.findall(text.lower())


def _is_subsequence(short: list[str], long: list[str]) -> bool:
    remaining = iter(long)
    return all(token in remaining for token in short)


def _repeats(text: str, paragraphs: list[Span], flat: list[str]) -> set[int]:
    """Paragraphs that repeat another's first sentence: a caption or a summary printed above or
    beside the sentence it comes from, and paragraphs printed twice. Of two copies alike, the one
    read is the one that is a sentence, else the first. A copy right beside a caption is that
    caption printed twice (once without its credit)."""
    captions = [_is_caption(s) for s in flat]
    candidates = [(_looks_like_sentence(s) or _reads_as_prose(s)) and not caption and not _is_navigation(s)
                  for s, caption in zip(flat, captions)]
    out, seen = set(), set()
    for index, line in enumerate(flat):
        if candidates[index]:
            if line in seen:
                out.add(index)
            seen.add(line)
    # Brackets hold what a caption adds to the sentence it repeats: "(L)", "(GNA)".
    own = [_tokens(_PARENTHESES_RE.sub(" ", line)) for line in flat]
    first_sentences: dict[int, list[str]] = {}

    def first_sentence(index: int) -> list[str]:
        if index not in first_sentences:
            found = split_sentences(text, paragraphs[index])
            first_sentences[index] = _tokens(found[0].text) if found else []
        return first_sentences[index]

    def repeats(index: int, other: int) -> bool:
        target = first_sentence(other)
        return len(own[index]) >= 6 and len(target) <= 1.5 * len(own[index]) + 8 and \
            _is_subsequence(own[index], target)

    for index in range(len(flat)):
        if not candidates[index] or index in out:
            continue
        for other in range(max(0, index - REPEAT_WINDOW), min(len(flat), index + REPEAT_WINDOW + 1)):
            if abs(other - index) == 1 and captions[other] and repeats(index, other):
                out.add(index)
                break
            if other == index or not candidates[other] or other in out or not repeats(index, other):
                continue
            if repeats(other, index):  # alike: read the sentence, else the first
                sentence, other_sentence = _ends_sentence(flat[index]), _ends_sentence(flat[other])
                if sentence != other_sentence and sentence or sentence == other_sentence and index < other:
                    continue
            out.add(index)
            break
    return out


def analyse(text: str, known_places: Container[str] = (), title_hint: str | None = None,
            place_aliases: Mapping[str, str] | None = None) -> Structure:
    """Split the text into title, dateline and body paragraphs (offsets kept). PLACE_ALIASES are
    datelines that name a known place otherwise ('KUWAIT' for Kuwait City)."""
    aliases = place_aliases or {}
    paragraphs = _paragraphs(text, _lines(text))
    flat = [_flat(p.text) for p in paragraphs]
    in_link_list = _link_lists(flat)
    repeated = _repeats(text, paragraphs, flat)
    body: list[Span] = []
    title: Span | None = None
    trailing_place = None
    started = False
    announced = False  # the body's last paragraph ended with a colon: what follows is its list
    for index, (paragraph, s) in enumerate(zip(paragraphs, flat)):
        if announced and started and not END_MARKER_RE.match(s) and not _is_contact(s) and len(s) < 2000:
            # "... from the following 18 countries:" then a line of names: the article's own list
            body.append(paragraph)
            # (a list of one item a line runs on while its lines are items: short, no sentence of prose)
            announced = s.rstrip().endswith(":") or len(s.split()) <= 12 and not _ends_sentence(s)
            continue
        if started and END_MARKER_RE.match(s):
            if INLINE_LINK_RE.match(s):
                continue
            break
        if not started and END_MARKER_RE.match(s) and not _looks_like_sentence(s):
            continue
        if _is_navigation(s) or _is_contact(s) and not _looks_like_sentence(s):
            continue
        if _is_caption(s):
            continue
        # A headline above the body that its first sentence repeats is still the title.
        if index in repeated and (started or _looks_like_sentence(s)):
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
                    title = paragraph  # the last headline-like line before the body is the title
                continue
            if len(s.split()) < 8 or not _reads_as_prose(s):
                continue  # short fragments and headlines: captions, labels, widgets, links
        if index in in_link_list:
            continue
        if title is not None and title_hint and s == title_hint.strip():
            continue
        started = True
        body.append(paragraph)
        announced = s.rstrip().endswith(":")
    place = date = dateline_end = None
    if body:
        m = DATELINE_RE.match(body[0].text) or DAY_FIRST_DATELINE_RE.match(body[0].text)
        if m and (m.group("date") or m.group("agency") or m.group("place").strip(" ,") in known_places
                  or m.group("place").isupper()):
            candidate = m.group("place").strip(" ,")
            canonical = _canonical_place(candidate, known_places) or aliases.get(candidate.title())
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
