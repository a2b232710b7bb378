"""The grouped alternation matches what the plain one matches."""
import re

from kg.patterns import by_first_letter

WORDS = ["minister", "ministry", "met\\b", "meet", "president", "envoy", "(?:vice )?chair", "Mayor", "m"]
TEXTS = ["The Minister met the envoy", "a meeting", "metal prices", "Vice chair", "the mayor", "Mayor Li", "xyz",
         "presidential", "m", "EMBASSY"]


def test_same_matches_as_the_plain_alternation():
    for flags in (0, re.IGNORECASE):
        plain = re.compile(r"(?<!\w)(?:" + "|".join(WORDS) + ")", flags)
        grouped = re.compile(r"(?<!\w)(?:" + by_first_letter(WORDS) + ")", flags)
        for text in TEXTS:
            assert [m.start() for m in plain.finditer(text)] == [m.start() for m in grouped.finditer(text)], text


def test_groups_by_first_letter():
    assert by_first_letter(["meet", "met", "visit"]) == "m(?:eet|et)|visit"
