"""Vocabularies the mapper reads as data (reviewed like code): trigger lemmas, light verbs,
event nouns, their event types and CAMEO/PLOVER codes. See triggers.yaml."""
from __future__ import annotations

from dataclasses import MISSING, dataclass, fields
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent


def _only_words(data, where: str) -> None:
    """YAML reads a bare on, no, yes or off as a boolean: `prep: [on]` once silently became
    `prep: [True]` and "called on the minister" stopped being read. Every word must be a string."""
    if isinstance(data, dict):
        for key, value in data.items():
            _only_words(value, f"{where}: {key}")
    elif isinstance(data, list):
        for value in data:
            if isinstance(value, bool):
                raise ValueError(f"{where}: {value!r} is not a word (quote it: YAML reads on/off/yes/no as booleans)")
            _only_words(value, where)


def _read_checked(path: Path) -> dict:
    """A vocabulary file, read once and checked for words YAML took for booleans."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    _only_words(data, path.name)
    return data


@dataclass(frozen=True)
class Sense:
    lemma: str
    type: str
    cameo: str
    plover: str
    mode: str
    needs: tuple = ()
    prep: tuple = ()
    object_nouns: frozenset = frozenset()
    light_only: bool = False
    plural_only: bool = False
    hosts_a_visit: bool = False


@dataclass(frozen=True)
class Lexicon:
    verbs: dict
    nouns: dict
    light_verbs: frozenset
    modes: dict
    non_diplomatic_visit_objects: frozenset
    reporting_verbs: frozenset
    planning_heads: frozenset
    planning_aux: frozenset
    in_person_call_words: frozenset
    invitation_heads: frozenset
    together_words: frozenset
    non_diplomatic_delegations: frozenset
    stems: tuple
    presence: Sense | None = None
    gatherings: frozenset = frozenset()
    attendance_verbs: frozenset = frozenset()
    partitives: frozenset = frozenset()
    attendee_heads: frozenset = frozenset()
    leader_offices: frozenset = frozenset()
    body_meeting_verbs: frozenset = frozenset()
    topic_heads: frozenset = frozenset()
    arrival_verbs: frozenset = frozenset()
    pair_nouns: frozenset = frozenset()
    relational_titles: frozenset = frozenset()
    heads_of_state: frozenset = frozenset()
    heads_of_government: frozenset = frozenset()
    local_offices: frozenset = frozenset()
    same_day_openers: frozenset = frozenset()
    sports_words: frozenset = frozenset()

    @classmethod
    def load(cls, path: Path = HERE / "triggers.yaml") -> "Lexicon":
        data = _read_checked(path)

        def senses(table):
            return {lemma: Sense(lemma, entry["type"], entry["cameo"], entry["plover"], entry["mode"],
                                 tuple(entry.get("needs", ())), tuple(entry.get("prep", ())),
                                 frozenset(entry.get("object_nouns", ())), bool(entry.get("light_only")),
                                 bool(entry.get("plural_only")), bool(entry.get("hosts_a_visit")))
                    for lemma, entry in table.items()}

        verbs, nouns = senses(data["verbs"]), senses(data["nouns"])
        # Whole words only: "sit" must not let every "situation" through to the parser.
        stems = {form for lemma in verbs for form in verb_forms(lemma)}
        # (a plural-only noun in the singular is an event only in "a bilateral with": rare enough that its
        # sentences are found by the "with" beside it)
        stems |= {form for lemma, sense in nouns.items() for form in noun_forms(lemma)
                  if not (sense.plural_only and form == lemma)}
        stems |= {f"{lemma} with" for lemma, sense in nouns.items() if sense.plural_only}
        stems |= {form for forms in data.get("irregular", {}).values() for form in forms}
        stems |= {w for words in data["modes"].values() for w in words}
        stems |= {form for lemma in data.get("attendance_verbs", ()) for form in verb_forms(lemma)}
        stems |= {form for lemma in data.get("body_meeting_verbs", ()) for form in verb_forms(lemma)}
        # every word list is a field of its own name: required where the field has no default
        word_lists = {f.name: frozenset(data[f.name] if f.default is MISSING else data.get(f.name, ()))
                      for f in fields(cls) if f.type == "frozenset"}
        return cls(verbs=verbs, nouns=nouns, modes={mode: frozenset(words) for mode, words in data["modes"].items()},
                   stems=tuple(sorted(stems)),
                   presence=senses({"be": data["presence"]})["be"] if "presence" in data else None, **word_lists)


def verb_forms(lemma: str) -> set[str]:
    """The regular inflections of a verb: meet, meets, meeting; visit, visited; arrive, arrived, arriving;
    sign, signed; (irregular forms are listed in triggers.yaml)."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms = {lemma, lemma + "s", lemma + "es", stem + "ed", stem + "ing", lemma + "d"}
    if len(lemma) >= 3 and lemma[-1] not in "aeiouwyx" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        # sitting, conferred, travelled (British) beside traveled: a form that is never written costs nothing
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


def noun_forms(lemma: str) -> set[str]:
    return {lemma, lemma + "s", lemma + "es"}


LEXICON = Lexicon.load()


_NAMES = _read_checked(HERE / "names.yaml")
# longest first: the pattern built from them tries "Council of Ministers" before "Council"
NOT_PERSON_WORDS = tuple(sorted(set(_NAMES["not_person_words"]), key=lambda w: (-len(w), w)))
REGION_NAMES = tuple(_NAMES.get("regions", ()))

_OFFICES_DATA = _read_checked(HERE / "offices.yaml")
_OFFICES = {key: frozenset(words) for key, words in _OFFICES_DATA.items() if isinstance(words, list)}
OFFICE_WORDS = _OFFICES["office_words"]              # words of a title (kg/lexicon/offices.yaml)
OFFICE_HEADS = _OFFICES["office_heads"]              # words a title ends on
ROLE_NOUNS = _OFFICES["role_nouns"]                  # descriptions that refer to a person
PARTY_HEADS = ROLE_NOUNS | _OFFICES["party_heads"]   # phrases through which a country acts
GENERIC_DESCRIPTIONS = _OFFICES["generic_descriptions"]
UNSPECIFIC_OFFICES = _OFFICES["unspecific_offices"]  # offices a description cannot tell one holder of
TITLE_ABBREVIATIONS = dict(_OFFICES_DATA["title_abbreviations"])  # "PM" -> "Prime Minister"
