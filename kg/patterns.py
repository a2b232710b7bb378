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
