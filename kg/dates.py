"""Dates in news text: explicit, partial ("on August 5") and relative ("yesterday", "on Monday").

A relative date resolves against a reference date (the dateline's, else the published
date). A year that neither the text nor the reference gives stays unknown: we never guess.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_DASH = r"\s*(?:-|–|—|to|until|till|and)\s*"

DATE_IN_DATELINE_RE = (rf"(?:{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?|{_DAY}\s+{_MONTH}(?:,?\s+{_YEAR})?|"
                       rf"{_YEAR}-\d{{2}}-\d{{2}})")

# Order matters: ranges before single dates, full dates before partial ones.
_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("d-d-m-y", re.compile(rf"\b(?P<d1>{_DAY}){_DASH}(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?\b")),
    ("m-d-d-y", re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<d1>{_DAY}){_DASH}(?P<d2>{_DAY})(?!\s*{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?\b")),
    ("d-m-d-m-y", re.compile(rf"\b(?P<d1>{_DAY})\s+(?P<m1>{_MONTH}){_DASH}(?P<d2>{_DAY})\s+(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?\b")),
    ("m-d-m-d-y", re.compile(rf"\b(?P<m1>{_MONTH})\s+(?P<d1>{_DAY}){_DASH}(?P<m>{_MONTH})\s+(?P<d2>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?\b")),
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d{2})[-/](?P<mn>0?[1-9]|1[0-2])[-/](?P<d1>0?[1-9]|[12]\d|3[01])\b")),
    # "06.10.2022", as Central Asian and European outlets write the day: day first, with dots
    ("numeric", re.compile(r"(?<![\d.])(?P<d1>0?[1-9]|[12]\d|3[01])\.(?P<mn>0?[1-9]|1[0-2])\.(?P<y>(?:19|20)\d{2})(?![\d])")),
    ("d-m-y", re.compile(rf"\b(?P<d1>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?\b")),
    ("m-d-y", re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<d1>{_DAY})\b(?!\s*%)(?:,?\s+(?P<y>{_YEAR}))?")),
]
_RELATIVE = re.compile(
    r"\b(?P<rel>today|tonight|this (?:morning|afternoon|evening)|yesterday|tomorrow|last (?:night|evening)|"
    r"(?:(?P<dir>last|next|this|on|on the)\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?)\b", re.IGNORECASE)
# Cheap first looks, as most sentences hold no date: every pattern of _PATTERNS holds a day or a
# year, so a digit from 1 to 9; every phrase of _RELATIVE holds one of _RELATIVE_WORDS.
_NONZERO_DIGIT_RE = re.compile("[1-9]")
_RELATIVE_WORDS = ("day", "tonight", "this", "tomorrow", "last night", "last evening")


def _may_hold_relative_date(text: str) -> bool:
    if not text.isascii():
        return True  # (ignoring case is more than lower-casing beyond ASCII: "ſ" matches "s")
    lowered = text.lower()
    return any(word in lowered for word in _RELATIVE_WORDS)


@dataclass(frozen=True)
class RefDate:
    """What is known of the reference date: year, month and day may each be missing."""
    year: int | None = None
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: str | None) -> "RefDate":
        if not value:
            return cls()
        m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
        if m:
            return cls(*(int(g) if g else None for g in m.groups()))
        m = re.fullmatch(r"--(\d{2})-(\d{2})", value)
        if m:
            return cls(None, int(m.group(1)), int(m.group(2)))
        return cls()

    @property
    def date(self) -> dt.date | None:
        if self.year and self.month and self.day:
            return dt.date(self.year, self.month, self.day)
        return None


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    kind: str                # "explicit", "range" or "relative"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    relative: str | None = None

    def resolve(self, ref: RefDate, future: bool = False) -> tuple[dt.date | None, dt.date | None]:
        """(start, end) as dates, or None where the text and the reference leave it unknown."""
        if self.kind == "relative":
            return _resolve_relative(self.relative or "", ref, future), None
        year = self.year
        guessed = False
        if year is None:
            if ref.year is None:
                return None, None
            year, guessed = ref.year, True
        start = _safe_date(year, self.month, self.day)
        end = _safe_date(year, self.end_month, self.end_day) if self.end_day else None
        if start and guessed and ref.date:
            # "on December 28" in a January article is last year's; "in January" planned in December is next year's.
            # (at the ends of the calendar, years 1 and 9999, the week and the year are not added)
            week = dt.timedelta(days=7)
            if not future and ref.date < dt.date.max - week and start > ref.date + week:
                start, end = _shift_year(start, -1), _shift_year(end, -1)
            elif future and ref.date > dt.date.min + week and start < ref.date - week:
                start, end = _shift_year(start, 1), _shift_year(end, 1)
        if start and end and end < start:
            end = _shift_year(end, 1)
        return start, end


def _shift_year(value: dt.date | None, years: int) -> dt.date | None:
    if value is None:
        return None
    if not dt.MINYEAR <= value.year + years <= dt.MAXYEAR:
        return value  # (a date of year 1 or 9999 stays where it is: there is no year before or after)
    try:
        return value.replace(year=value.year + years)
    except ValueError:
        return value.replace(year=value.year + years, day=28)


def _safe_date(year: int, month: int | None, day: int | None) -> dt.date | None:
    if not (month and day):
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _num(day: str) -> int:
    return int(re.match(r"\d+", day).group())


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def find_dates(text: str) -> list[DateMention]:
    """Every date expression in a sentence, left to right, without overlaps."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for kind, pattern in _PATTERNS if _NONZERO_DIGIT_RE.search(text) else ():
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()):
                continue
            g = m.groupdict()
            year = int(g["y"]) if g.get("y") else None
            if kind in ("iso", "numeric"):
                mention = DateMention(m.start(), m.end(), "explicit", year, int(g["mn"]), _num(g["d1"]))
            elif "d2" in g and g.get("d2"):
                month = _month(g["m"])
                first_month = _month(g["m1"]) if g.get("m1") else month
                mention = DateMention(m.start(), m.end(), "range", year, first_month, _num(g["d1"]),
                                      month, _num(g["d2"]))
            else:
                mention = DateMention(m.start(), m.end(), "explicit", year, _month(g["m"]), _num(g["d1"]))
            taken.append((m.start(), m.end()))
            found.append(mention)
    for m in _RELATIVE.finditer(text) if _may_hold_relative_date(text) else ():
        if text[m.end():m.end() + 2] in ("'s", "’s"):
            continue  # "Monday's election" names another day's event
        if free(m.start(), m.end()):
            taken.append((m.start(), m.end()))
            found.append(DateMention(m.start(), m.end(), "relative", relative=m.group(0).lower()))
    return sorted(found, key=lambda d: d.start)


def _resolve_relative(phrase: str, ref: RefDate, future: bool) -> dt.date | None:
    base = ref.date
    if base is None:
        return None
    if phrase in ("today", "tonight") or phrase.startswith("this "):
        return base
    if phrase in ("yesterday", "last night", "last evening"):
        return base - dt.timedelta(days=1)
    if phrase == "tomorrow":
        return base + dt.timedelta(days=1)
    words = phrase.split()
    weekday_word = next((w for w in words if w in WEEKDAYS), None)
    if weekday_word is None:
        return None
    target = WEEKDAYS[weekday_word]
    direction = words[0]
    if direction == "next" or (future and direction != "last"):
        delta = (target - base.weekday()) % 7 or (7 if direction == "next" else 0)
        return base + dt.timedelta(days=delta)
    delta = (base.weekday() - target) % 7
    if direction == "last" and delta == 0:
        delta = 7
    return base - dt.timedelta(days=delta)


def parse_dateline_date(fragment: str) -> str | None:
    """ISO date of a dateline's date, '--MM-DD' when it has no year."""
    mentions = find_dates(fragment)
    if not mentions:
        return None
    m = mentions[0]
    if m.month and m.day:
        if m.year:
            d = _safe_date(m.year, m.month, m.day)
            return d.isoformat() if d else None
        return f"--{m.month:02d}-{m.day:02d}"
    return None


def reference_date(dateline_date: str | None, published: str | None) -> RefDate:
    """The date relative expressions count from: the dateline, completed by the published date."""
    line = RefDate.parse(dateline_date)
    pub = RefDate.parse(published)
    if line.month and line.day:
        year = line.year or pub.year
        if year is None:
            return RefDate(None, line.month, line.day)
        if line.year is None and pub.date:
            candidate = _safe_date(year, line.month, line.day)
            if candidate and candidate > pub.date + dt.timedelta(days=7):
                year -= 1
        return RefDate(year, line.month, line.day)
    return pub
