"""The grouped alternation matches what the plain one matches."""
import re

import pytest

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


def test_alternatives_split_at_the_top_level_only():
    from kg.patterns import alternatives
    assert alternatives(r"a(?:b|c)|[|]|d\||[]|]|e") == ["a(?:b|c)", "[|]", r"d\|", "[]|]", "e"]


def test_first_letter_groups_keep_the_matches_and_their_order():
    from kg.patterns import first_letter_groups
    alternation = r"Mr\.?|Mrs\.?|Dr|(?:the\s+)?Hon|Minister|M\.|Ms|[Cc]ounterpart|Chair|Co-|d?x"
    assert first_letter_groups(alternation) == \
        r"M(?:r\.?|rs\.?)|Dr|(?:the\s+)?Hon|M(?:inister|\.|s)|[Cc]ounterpart|C(?:hair|o-)|d?x"
    texts = ["Mrs. Li met Mr Tan, Dr Sok and the Hon Ms Wong", "M. Dupont, Minister, counterpart Co-Chair", "dx x"]
    for suffix in ("", r"\b", r"\s"):
        plain = re.compile(f"(?:{alternation}){suffix}")
        grouped = re.compile(f"(?:{first_letter_groups(alternation)}){suffix}")
        for text in texts:
            assert [m.span() for m in plain.finditer(text)] == [m.span() for m in grouped.finditer(text)]


def test_word_start_alternation_matches_as_the_look_behind_before_it():
    from kg.patterns import word_start_alternation
    alternation = r"Mr\.?|Mrs\.?|Dr|Hon(?:ourable)?|the\s+Hon"
    plain = re.compile(rf"(?<![\w-])(?:{alternation})")
    moved = re.compile(word_start_alternation(alternation, r"[\w-]"))
    for text in ["Mrs. Li and Mr Tan", "xMr Tan", "-Dr No", "Dr", "the Honourable", "Athe Hon", "\nMr"]:
        for pos in range(len(text)):
            assert [m.span() for m in plain.finditer(text, pos)] == [m.span() for m in moved.finditer(text, pos)]
    with pytest.raises(ValueError):
        word_start_alternation(r"(?:the\s+)?Hon", r"\w")


def test_initials():
    from kg.patterns import initials
    assert initials(r"Prime\s+Minister|President", r"[Cc]ounterpart") == "CPc"
    with pytest.raises(ValueError):
        initials("s?he")


def _assert_hint_answers_as_the_pattern_that_ignores_case(words: list[str], not_after: str, texts: list[str]):
    """At every start and end position of every text."""
    from kg.patterns import WordStartHint
    hint = WordStartHint(words, not_after=not_after)
    caseless = re.compile(rf"(?<!{not_after})(?:" + by_first_letter(words) + ")", re.IGNORECASE)
    for text in texts:
        for pos in range(len(text) + 1):
            for endpos in range(pos, len(text) + 1):
                assert hint.search(text, pos, endpos) == (caseless.search(text, pos, endpos) is not None), \
                    (text, pos, endpos)


def test_word_start_hint_answers_as_the_pattern_that_ignores_case():
    from kg.patterns import WordStartHint
    _assert_hint_answers_as_the_pattern_that_ignores_case(
        ["minister", "secretary", r"met\b", "king"], r"[\w-]",
        ["The MINISTER met", "vice-minister", "xminister", "SECRETARY", "ſecretary", "\u212aing", "METAL",
         "met", "King", "kİng", "a Minister", "ministe", "é minister", "é-minister"])
    with pytest.raises(ValueError):
        WordStartHint(["Minister"], not_after=r"\w")


def test_word_start_hint_after_any_one_character_escape():
    from kg.patterns import WordStartHint
    _assert_hint_answers_as_the_pattern_that_ignores_case(
        ["call", r"sat\s", "meet"], r"\w",
        ["They sat down", "recall", "re-call", "CALL", "_meet", "sat", "sat ", "ſat x", "x meet-up"])
    with pytest.raises(ValueError):
        WordStartHint(["call"], not_after=r"[^a]")
