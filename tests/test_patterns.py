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


def test_every_trigger_match_holds_one_of_its_kinds_stems():
    """The per-kind first look (TRIGGER_STEMS) never hides a match of the kind's pattern."""
    from kg.articles import read_paths
    from kg.events import TRIGGER_STEMS, TRIGGERS
    from tests.helpers import ROOT
    phrases = ["held a video teleconference", "a virtual summit", "spoke by phone with Mr. Li", "telephoned",
               "a telephonic conversation", "sent a congratulatory message", "wrote to the King",
               "a letter from the Emir", "paid a courtesy call on the President", "called on the Speaker",
               "a two-day state visit", "arrived in Hanoi", "travelled to Rome", "led a delegation to Paris",
               "the two met", "held talks", "were held between", "sat down with", "exchanged views with",
               "bade farewell to", "received the visiting Minister", "presented his credentials",
               "handed over his letters of credence", "co-chaired by", "a tête-à-tête", "granted an audience"]
    texts = phrases + [a.text for a in read_paths([ROOT / "seeds", ROOT / "tests" / "corpus", ROOT / "tests" / "heldout"])]
    matched = set()
    for text in texts:
        lowered = text.lower()
        for kind, pattern in TRIGGERS:
            for m in pattern.finditer(text):
                matched.add(kind)
                assert any(stem in m.group(0).lower() or stem in lowered[m.start():m.end() + 40]
                           for stem in TRIGGER_STEMS[kind]), (kind, m.group(0))
    assert matched == set(TRIGGER_STEMS)
