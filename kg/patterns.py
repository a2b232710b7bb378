"""Helpers for building the mapper's regular expressions."""
from __future__ import annotations

import re


def by_first_letter(alternatives: list[str]) -> str:
    """An alternation of regex fragments, grouped under their first letter: "m(?:et\\b|eet)|v(?:isit)".

    Python's regex engine tries every alternative at every position; grouped, it tries only
    those that begin with the letter found there. The grouping keeps the language but not the
    order of the alternatives, so use it where any match will do (a cheap first look at a
    sentence): with re.IGNORECASE, "M..." and "m..." fall in different groups and which of
    them matches first may change.
    """
    groups: dict[str, list[str]] = {}
    others: list[str] = []
    for alternative in alternatives:
        first = alternative[:1]
        if first.isalpha():
            groups.setdefault(first, []).append(alternative[1:])
        else:
            others.append(alternative)
    parts = [f"{letter}(?:{'|'.join(rests)})" if len(rests) > 1 else letter + rests[0]
             for letter, rests in sorted(groups.items())]
    return "|".join(parts + others)


def alternatives(alternation: str) -> list[str]:
    """The top-level alternatives of a regex alternation: "a(?:b|c)|[|]|d" -> ["a(?:b|c)", "[|]", "d"]."""
    parts, start, depth, in_class, i = [], 0, 0, False, 0
    while i < len(alternation):
        c = alternation[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if alternation[i + 1:i + 2] == "^":
                i += 1
            if alternation[i + 1:i + 2] == "]":  # a "]" first in a class is a literal
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(alternation[start:i])
            start = i + 1
        i += 1
    parts.append(alternation[start:])
    return parts


def first_letter_groups(alternation: str) -> str:
    """The same alternation with its alternatives grouped under their first letter, in order:
    "Prime\\s+Minister|Queen|President|[Cc]ounterpart" -> "P(?:rime\\s+Minister|resident)|Queen|[Cc]ounterpart".

    At each position Python's regex engine runs down the alternatives one by one; grouped, it
    skips a whole letter at once. Unlike by_first_letter this keeps which text matches, not only
    the language: two alternatives that begin with different letters never both apply at one
    position, those that begin with the same letter keep their order, and an alternative that
    does not begin with a plain letter (a group, a class, an escape, an optional letter) stays
    where it is, after every alternative that came before it. Case-sensitive patterns only:
    under re.IGNORECASE "P" and "p" would fall into different groups.
    """
    out: list[str] = []
    run: dict[str, list[str]] = {}  # first letter -> the rests, since the last alternative kept in place

    def flush():
        for letter, rests in run.items():
            out.append(letter + (rests[0] if len(rests) == 1 else f"(?:{'|'.join(rests)})"))
        run.clear()

    for alternative in alternatives(alternation):
        first, second = alternative[:1], alternative[1:2]
        if first.isalpha() and second not in ("?", "*", "+", "{"):
            run.setdefault(first, []).append(alternative[1:])
        else:
            flush()
            out.append(alternative)
    flush()
    return "|".join(out)


def word_start_alternation(alternation: str, not_after: str) -> str:
    """rf"(?<!{not_after})(?:{alternation})" for a one-character NOT_AFTER, written to begin with letters:
    "Mr|Dr" -> "M(?<!{not_after}.)r|D(?<!{not_after}.)r".

    The same matches: the look-behind, moved after the first letter, looks at the same character
    before it. But a pattern that begins with letters is scanned fast (Python's regex engine skips
    to the characters that can begin a match), and one that begins with a look-behind is tried at
    every position. Every alternative must begin with a letter; case-sensitive patterns only.
    """
    grouped = alternatives(first_letter_groups(alternation))
    if not all(alternative[:1].isalpha() and alternative[1:2] not in ("?", "*", "+", "{")
               for alternative in grouped):
        raise ValueError(f"an alternative does not begin with a letter: {alternation}")
    return "|".join(f"{alternative[0]}(?<!{not_after}.){alternative[1:]}" for alternative in grouped)


def initials(*alternations: str) -> str:
    """The letters that the alternatives of word alternations begin with, as the body of a class:
    "Prime\\s+Minister|President|[Cc]ounterpart" -> "CPc"."""
    found: set[str] = set()
    for alternation in alternations:
        for alternative in alternatives(alternation):
            first = alternative[:alternative.find("]") + 1] if alternative.startswith("[") else alternative[:1]
            letters = first[1:-1] if first.startswith("[") else first  # "[Cc]ounterpart": C or c
            if not letters.isalpha() or alternative[len(first):len(first) + 1] in ("?", "*", "+", "{"):
                raise ValueError(f"{alternative!r} does not begin with a letter or a class of letters")
            found.update(letters)
    return "".join(sorted(found))


class WordStartHint:
    """A cheap first look: does TEXT[POS:ENDPOS] hold one of some lower-case words (or beginnings
    of words), ignoring case, where the character before is not NOT_AFTER (a one-character pattern)?

    The same answer as re.compile(rf"(?<!{not_after})(?:{by_first_letter(words)})", re.IGNORECASE)
    .search(text, pos, endpos), faster on ASCII text: there, ignoring case is lower-casing, and a
    case-sensitive pattern lets Python's regex engine skip the alternatives that begin with another
    letter (under re.IGNORECASE it tries each). Beyond ASCII ("ſ" is an "s" when case is ignored)
    the pattern that ignores case answers.

    On ASCII, the character before a word is matched rather than looked behind at (a pattern that
    begins with a class is scanned fast: Python's regex engine skips to the characters of the
    class; one that begins with a look-behind is tried at every position), and the search begins
    one character early to take it. At the very start of the text, with no character before,
    the words alone are matched.
    """

    def __init__(self, words: list[str], not_after: str):
        alternation = by_first_letter(words)
        if alternation != alternation.lower() or not_after != not_after.lower():
            raise ValueError("lower case only, escapes included (no \\S, \\W, \\B)")
        if not_after.startswith("[^") or not (not_after.startswith("[") and not_after.endswith("]") or
                                             re.fullmatch(r"\\[a-z]", not_after)):
            raise ValueError(f"not_after must be a class or an escape such as \\w: {not_after!r}")
        allowed_before = f"[^{not_after[1:-1]}]" if not_after.startswith("[") else f"[^{not_after}]"
        self.caseless = re.compile(rf"(?<!{not_after})(?:{alternation})", re.IGNORECASE)
        self.lowered_after_gap = re.compile(rf"{allowed_before}(?:{alternation})")
        self.lowered_at_start = re.compile(rf"(?:{alternation})")

    def search(self, text: str, pos: int, endpos: int) -> bool:
        before = pos - 1 if pos > 0 else pos  # the character the look-behind looks at
        window = text[before:endpos]
        if not window.isascii():
            return self.caseless.search(text, pos, endpos) is not None
        lowered = window.lower()
        if pos == 0 and self.lowered_at_start.match(lowered):
            return True
        return self.lowered_after_gap.search(lowered) is not None
