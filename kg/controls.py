"""Control characters from the input, shown rather than obeyed when kg prints them.

An article (or a remote endpoint) can hold any character. Printed raw, an ESC starts a
terminal escape sequence (colours, cursor moves, a new window title, text hidden or rewritten),
C1 controls do the same on some terminals, and the bidirectional controls reorder what a line
shows. The rule (README, "Reliability"):

- for a terminal (tables, error messages, csv/tsv on a terminal): every C0 and C1 control, DEL,
  the bidirectional controls and lone surrogates are written as escapes: \\x1b, \\u202e, \\n;
- in a file (csv/tsv not on a terminal): the same but tab, newline and carriage return, which
  CSV quotes, and the bidirectional controls, which right-to-left text may need;
- in JSON and Turtle: \\u escapes, which read back as the same characters.
"""
from __future__ import annotations

import re

_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
# lone surrogates cannot be encoded (printing one raises) and mean nothing
_SURROGATES = "\ud800-\udfff"
_FOR_TERMINAL = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}{_SURROGATES}]")
_FOR_FILE = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_SURROGATES}]")
# what JSON and Turtle writers may leave raw (json.dumps escapes C0 itself); only their strings
# and IRIs can hold these, where \u escapes are valid. Tab, newline and return are also layout.
_UNESCAPED_BY_SERIALISERS = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_BIDI}{_SURROGATES}]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match) -> str:
    char = match.group()
    return _NAMED.get(char) or (f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")


def for_terminal(text: str) -> str:
    return _FOR_TERMINAL.sub(_escape, text)


def for_file(text: str) -> str:
    return _FOR_FILE.sub(_escape, text)


def as_unicode_escapes(serialised: str) -> str:
    """JSON or Turtle text with the controls its writer left raw as \\uXXXX escapes (the same values)."""
    return _UNESCAPED_BY_SERIALISERS.sub(lambda m: f"\\u{ord(m.group()):04x}", serialised)
