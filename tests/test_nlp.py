"""The linguistic front end (kg/nlp.py) and the trigger lexicon it reads (kg/lexicon)."""
from __future__ import annotations

import hashlib
from pathlib import Path
import re

import pytest

from kg import nlp
from kg.lexicon import LEXICON, Lexicon
from kg.structure import analyse

# -- the model ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(nlp.MODEL_SHA256))
def test_model_weight_file_has_the_pinned_sha256(name):
    """A re-uploaded or altered copy of the registry package is caught byte for byte."""
    path = nlp.model_path() / name
    assert path.is_file(), f"{name} is missing from the installed model at {nlp.model_path()}"
    assert hashlib.sha256(path.read_bytes()).hexdigest() == nlp.MODEL_SHA256[name]


def test_every_weight_file_of_the_model_is_pinned():
    """A component's weights added to the package would otherwise go unchecked."""
    root = nlp.model_path()
    weights = {p.relative_to(root).as_posix() for p in root.rglob("model") if p.is_file()}
    assert weights, f"no weight files found under {root}"
    assert weights <= set(nlp.MODEL_SHA256), sorted(weights - set(nlp.MODEL_SHA256))


def test_installed_model_is_the_pinned_version():
    meta = nlp.pipeline().meta
    assert meta["version"] == nlp.MODEL_VERSION == "3.8.0"
    assert meta["lang"] == "en"


def test_pipeline_loads_once(monkeypatch):
    import spacy

    loads = []
    real_load = spacy.load

    def counting_load(*args, **kwargs):
        loads.append(args)
        return real_load(*args, **kwargs)

    monkeypatch.setattr(spacy, "load", counting_load)
    nlp.pipeline.cache_clear()
    first = nlp.pipeline()
    second = nlp.pipeline()
    text = "Kenyan President Daniel Kiprono met Ugandan President Moses Okello in Kampala."
    nlp.parse(text, analyse(text).sentences)
    nlp.parse(text, analyse(text).sentences)
    assert first is second is nlp.pipeline()
    assert len(loads) == 1
    assert "senter" not in first.pipe_names  # the structure stage splits sentences, not the model


# -- which sentences are parsed --------------------------------------------------------------------

ARTICLE = (
    "Kenyan Foreign Minister Amina Wekesa met Ghanaian Foreign Minister Kofi Mensah-Bonsu in Nairobi on "
    "Tuesday. The humanitarian situation in the Sahel remains dire, aid agencies warn. Trade between the two "
    "countries rose by ten percent last year. The two ministers later sat down with business leaders."
)


def test_only_sentences_with_a_trigger_are_parsed():
    sentences = analyse(ARTICLE).sentences
    assert len(sentences) == 4, [s.text for s in sentences]
    parsed = nlp.parse(ARTICLE, sentences)
    assert sorted(parsed.docs) == [0, 3]
    assert parsed.get(1) is None   # "situation" holds "sit" but is not a form of it
    assert parsed.get(2) is None   # no trigger at all
    for i in (0, 3):
        assert parsed.get(i).text == ARTICLE[sentences[i].start:sentences[i].end]
        assert parsed.get(i).has_annotation("DEP")


def test_no_trigger_no_parser(monkeypatch):
    def no_model():
        raise AssertionError("the model was asked for although no sentence holds a trigger")

    monkeypatch.setattr(nlp, "pipeline", no_model)
    text = "The humanitarian situation in the Sahel remains dire. Trade rose by ten percent last year."
    assert nlp.parse(text, analyse(text).sentences).docs == {}


@pytest.mark.parametrize("sentence, expected", [
    ("The humanitarian situation in the Sahel remains dire.", False),
    ("Situations like this demand calm heads.", False),
    ("Residents were evacuated from the site.", False),
    ("The two ministers sat down with business leaders.", True),
    ("The leaders were sitting together at the head table.", True),
    ("Officials described the talks as frank.", True),
    ("The Foreign Minister met his Peruvian counterpart.", True),
    ("The Foreign Minister's meeting ran late.", True),
    ("The Foreign Minister wrote to his counterpart.", True),
    ("The Prime Minister spoke to reporters.", True),
    ("Kenya signed the accord.", True),
    ("The metro line was closed for repairs.", False),         # "met" only as a whole word
])
def test_may_hold_interaction(sentence, expected):
    assert nlp.may_hold_interaction(sentence) is expected


def test_overlong_sentences_are_not_parsed():
    run_on = "The minister met " + ", ".join(f"delegate number {i}" for i in range(200)) + "."
    assert len(run_on) > nlp.MAX_PARSED_CHARS
    assert not nlp.may_hold_interaction(run_on)
    assert nlp.may_hold_interaction(run_on[:200] + ".")


# -- the lexicon -----------------------------------------------------------------------------------

EVENT_TYPES = {"Meeting", "CourtesyCall", "PhoneCall", "VideoConference", "Visit", "Correspondence",
               "AgreementSigning"}


def test_lexicon_loads():
    fresh = Lexicon.load()
    assert fresh.verbs and fresh.nouns and fresh.light_verbs and fresh.stems
    assert {"meet", "visit", "sign"} <= set(fresh.verbs)
    assert {"meeting", "talk", "visit", "call"} <= set(fresh.nouns)
    assert {"hold", "pay"} <= fresh.light_verbs
    assert fresh.verbs == LEXICON.verbs and fresh.nouns == LEXICON.nouns


SENSES = [("verb", lemma) for lemma in sorted(LEXICON.verbs)] + [("noun", lemma) for lemma in sorted(LEXICON.nouns)]


@pytest.mark.parametrize("part, lemma", SENSES)
def test_every_sense_has_a_known_type_and_a_cameo_code(part, lemma):
    sense = (LEXICON.verbs if part == "verb" else LEXICON.nouns)[lemma]
    assert sense.lemma == lemma
    assert sense.type in EVENT_TYPES
    assert isinstance(sense.cameo, str) and re.fullmatch(r"\d{3}", sense.cameo), sense.cameo
    assert sense.plover in {"CONSULT", "AGREE"}
    assert sense.mode in {"in-person", "phone", "video", "written"}


# Inflections written out by hand (not derived from kg.lexicon.verb_forms), British spellings included:
# the cheap first look must let every one of them through to the parser.
INFLECTIONS = {
    "meet": ["meets", "met", "meeting"],
    "confer": ["confers", "conferred", "conferring"],
    "receive": ["receives", "received", "receiving"],
    "host": ["hosts", "hosted", "hosting"],
    "welcome": ["welcomes", "welcomed", "welcoming"],
    "greet": ["greets", "greeted", "greeting"],
    "discuss": ["discusses", "discussed", "discussing"],
    "sit": ["sits", "sat", "sitting"],
    "interact": ["interacts", "interacted", "interacting"],
    "engage": ["engages", "engaged", "engaging"],
    "visit": ["visits", "visited", "visiting"],
    "travel": ["travels", "traveled", "travelled", "traveling", "travelling"],
    "arrive": ["arrives", "arrived", "arriving"],
    "tour": ["tours", "toured", "touring"],
    "land": ["lands", "landed", "landing"],
    "fly": ["flies", "flew", "flown", "flying"],
    "phone": ["phones", "phoned", "phoning"],
    "telephone": ["telephones", "telephoned", "telephoning"],
    "call": ["calls", "called", "calling"],
    "speak": ["speaks", "spoke", "spoken", "speaking"],
    "talk": ["talks", "talked", "talking"],
    "congratulate": ["congratulates", "congratulated", "congratulating"],
    "write": ["writes", "wrote", "written", "writing"],
    "sign": ["signs", "signed", "signing"],
    "ink": ["inks", "inked", "inking"],
    "conclude": ["concludes", "concluded", "concluding"],
    "present": ["presents", "presented", "presenting"],
    "hand": ["hands", "handed", "handing"],
    "accredit": ["accredits", "accredited", "accrediting"],
    "co-chair": ["co-chairs", "co-chaired", "co-chairing"],
    "chair": ["chairs", "chaired", "chairing"],
    "accept": ["accepts", "accepted", "accepting"],
    "witness": ["witnesses", "witnessed", "witnessing"],
    "dial": ["dials", "dialed", "dialled", "dialing", "dialling"],
    "jet": ["jets", "jetted", "jetting"],
    "leave": ["leaves", "left", "leaving"],
    "depart": ["departs", "departed", "departing"],
}

MISSING_FORMS: dict[str, str] = {}  # (verb -> why its forms are missing; none now)


@pytest.mark.parametrize("lemma", [
    pytest.param(lemma, marks=pytest.mark.xfail(strict=True, reason=MISSING_FORMS[lemma]))
    if lemma in MISSING_FORMS else lemma
    for lemma in sorted(LEXICON.verbs)])
def test_every_verb_has_its_inflected_forms_among_the_stems(lemma):
    assert lemma in INFLECTIONS, f"add the inflections of the new trigger verb {lemma!r} to INFLECTIONS"
    stems = set(LEXICON.stems)
    missing = [form for form in [lemma, *INFLECTIONS[lemma]] if form not in stems]
    assert not missing, missing
    for form in INFLECTIONS[lemma]:
        assert nlp.may_hold_interaction(f"The minister {form} yesterday.")


def test_a_bare_yaml_boolean_in_the_lexicon_is_refused(tmp_path):
    from kg.lexicon import Lexicon
    source = (Path(__file__).resolve().parent.parent / "kg" / "lexicon" / "triggers.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "triggers.yaml"
    broken.write_text(source.replace('prep: ["on"]', "prep: [on]"), encoding="utf-8")
    assert 'prep: [on]' in broken.read_text(encoding="utf-8")
    with pytest.raises(ValueError, match="call: prep"):
        Lexicon.load(broken)
