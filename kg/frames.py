"""Stage 4: interaction frames from grammar.

A trigger (a verb of the lexicon, a light verb with an event noun, or an event noun) opens a
frame; its arguments come from the dependency parse, not from position: the subject (through
conjunctions, control and passives), the object, and the with / to / on / by / from / between
phrases, each expanded through conjunctions and appositions and read without the relative
clauses, reporting clauses and "at the invitation of" phrases inside it. Dates and status come
from the trigger's own clause ("said on Friday" dates the saying, not the meeting; "will meet",
"is expected to visit" are planned). A frame that lacks a side stays open for the next
sentences ("Among those who presented their credentials were ..."), and frames that tell one
interaction merge (kg/events.py's EventFinder does the merging, visits and topics).

Pronouns and descriptions ("she", "the minister", "his Peruvian counterpart") resolve here:
to the person last in that role or last acting, or, when nobody is named, to the country the
description names, which then takes part as a country.
"""
from __future__ import annotations

import copy
import datetime as dt
import re
from dataclasses import dataclass, field

from kg.actors import Actors, Mention, OrgEntity, PersonEntity, misread_subject as _misread_subject, word_of as _word
from kg.dates import DateMention, RefDate, find_dates
from kg.events import (IN_PERSON, VISIT_KINDS, Event, EventFinder, Trigger, party_country, party_key)
from kg.gazetteer import Gazetteer
from kg.lexicon import (GENERIC_DESCRIPTIONS, LEXICON, OFFICE_HEADS, OFFICE_WORDS, PARTY_HEADS, ROLE_NOUNS,
                        TITLE_ABBREVIATIONS, Sense)
from kg.nlp import Parsed
from kg.structure import Span

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
# Dependents that leave the frame's phrase: who is described there is not a party.
CLAUSES = {"relcl", "acl", "advcl", "ccomp", "parataxis", "punct", "cc", "mark", "conj", "prep", "det", "case"}
PARTY_PREPS = {"with", "to", "on", "by", "from", "between", "among", "for"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
# "the PM", "the FM" as descriptions (kg/lexicon/offices.yaml's title abbreviations, lower-cased)
ROLE_ABBREVIATIONS = {short.lower(): title.lower() for short, title in TITLE_ABBREVIATIONS.items()}
PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
GROUP_PRONOUNS = {"they", "them", "their", "both", "those", "these"}
PLANNED_WORDS = {"upcoming", "forthcoming", "planned", "next", "proposed", "expected", "scheduled", "future",
                 "possible", "potential", "prospective"}
PAST_WORDS = {"previous", "last", "earlier", "former", "past", "first"}
CARRYING_VERBS = {"deliver", "hand", "convey", "pass", "carry", "bring", "present", "transmit"}
END_VERBS = {"end", "conclude", "wrap", "complete", "finish", "close"}
SHARED_DAY_PREPOSITIONS = {"for", "during", "at"}  # "was in Brisbane on Monday for a bilateral"
EARLIER_PREPOSITIONS = {"after", "following", "since"}  # "after the meeting": the meeting came first
SEPARATE_WORDS = {"separately", "separate", "individually"}


@dataclass
class Frame:
    sense: Sense
    token: object                 # the trigger token
    verb: object                  # the token that carries tense and subject (the light verb, or the trigger)
    agents: list = field(default_factory=list)
    patients: list = field(default_factory=list)
    host: str | None = None
    more_hosts: list = field(default_factory=list)   # the other countries of a tour
    city: str | None = None
    planned: bool = False
    separate: bool = False
    date: tuple | None = None     # (start, end) its events got: a list that completes it later takes it
    place: tuple | None = None    # (host, city) of a presence or an attendance, from the clause that told it
    carried: bool = False         # a letter carried by the subject, written by another ("delivered a message from")
    body_met: bool = False        # the body whose gathering the subject attended is the other side ("the G7 Summit")


def _misread_objects(verb) -> list:
    """A name the parser read as an object predicate ("called Ugandan President Moses Okello to discuss
    ..." as in "called him a liar"): with no direct object beside it, it is the object."""
    if any(c.dep_ == "dobj" for c in verb.children):
        return []
    return [c for c in verb.children if c.dep_ == "oprd" and c.pos_ == "PROPN"]


def _delegation_leader(tok):
    """The person 'a delegation (team, mission) led by' or 'headed by' names, if any."""
    if _word(tok) not in ("delegation", "team", "mission", "entourage"):
        return None
    for c in tok.children:
        if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in ("lead", "head"):
            for agent in (g for g in c.children if g.dep_ == "agent"):
                return next((g for g in agent.children if g.dep_ == "pobj"), None)
    return None


def _misread_visiting(tok):
    """'Visiting Ugandan Foreign Minister Juma Kato extended the invitation ...': the parser reads
    'visiting' as a clause that is the subject, with the visitor its object.
    The visitor, when so misread."""
    if tok.lower_ != "visiting" or tok.dep_ != "csubj":
        return None
    # (or beside it: "..., visiting Nepalese Foreign Minister Pandey extended": the verb's subject next)
    return next((c for c in tok.children if c.dep_ == "dobj" and c.ent_type_ == "PERSON"), None) or \
        next((c for c in tok.head.children if c.dep_ == "nsubj" and c.left_edge.i == tok.i + 1 and
              c.ent_type_ == "PERSON"), None)


# "(the) General Security of Information Agreement (GSOIA)": capitalised words, the short name in brackets
_DOCUMENT_SHORT_NAME_RE = re.compile(r"(?P<long>(?:[A-Z][\w'-]*\s+(?:(?:of|on|for|and|the|in)\s+)*){1,8}[A-Z][\w'-]*)"
                                     r"\s+\((?P<short>[A-Z][A-Za-z-]{1,9})\)")
_DOCUMENT_HEAD_RE = re.compile(r"\b(?:Agreement|Memorandum|Treaty|Accord|Protocol|Convention|Pact|Charter|Declaration|"
                               r"Arrangement)$")


def _written_act(tok):
    """'expressed condolences to X in a message', 'In his cable, (he) congratulated the Amir': the verb whose
    act towards someone a message noun after 'in' (through, via) says was done in writing, or None."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "through", "via"):
        return None
    governor = tok.head.head
    verb = governor if governor.pos_ == "VERB" else \
        governor.head if governor.dep_ == "dobj" and governor.head.pos_ == "VERB" else None
    if verb is None:
        return None
    around = [*verb.children, *(governor.children if governor != verb else ())]
    towards = any(c.dep_ == "dobj" and (c.ent_type_ == "PERSON" or _word(c) in ROLE_NOUNS) or
                  c.dep_ in ("prep", "dative") and c.lower_ == "to" for c in around)
    return verb if towards else None


def _holds_office(party) -> bool:
    """A person the text gives a public office ('President', 'Foreign Minister', 'Ambassador')."""
    return isinstance(party, PersonEntity) and any(
        word in OFFICE_HEADS for r in party.roles for word in r.label.lower().replace("-", " ").split())


def _topic_partner_preps(topic) -> list:
    """The with-phrases the parser hung on a verb's topic ('discussed trade with X'), not on the verb: with a
    person ('cooperation with Uganda' is the topic's own)."""
    return [c for c in topic.children if c.dep_ == "prep" and c.lower_ == "with" and
            any(g.dep_ == "pobj" and (g.pos_ == "PROPN" and g.ent_type_ not in ("GPE", "LOC", "NORP", "ORG") or
                                      _word(g) in ROLE_NOUNS) for g in c.children)]


def _subject_read_as_apposition(verb):
    """'On Wednesday, at Government House, the Governor-General, Sir Peter Hollis, received ...': with a
    place phrase in front, the parser may hang the subject on the place as its apposition and leave the
    verb without one. The person so apposed, ending right before the verb, is its subject."""
    if any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    fronted = [c for c in verb.children if c.dep_ == "prep" and c.i < verb.i]
    for prep in fronted:
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            apposed = [a for a in obj.children if a.dep_ == "appos" and a.right_edge.i >= verb.i - 2]
            people = [a for a in apposed if a.ent_type_ == "PERSON"]
            if people:
                return people[-1]
    if fronted:
        # (worse parses hang the name anywhere in the fronted phrase: "..., General the Honourable Sir Peter
        # Cosgrove AK MC (Retd) received ...": the name that ends, post-nominals aside, right before the verb)
        names = [t for t in verb.doc[max(0, verb.i - 7):verb.i] if t.ent_type_ == "PERSON" and t.pos_ == "PROPN"]
        between = verb.doc[names[0].i:verb.i] if names else []
        if names and not any(t.pos_ in ("VERB", "AUX") for t in between):
            first = names[0]
            return next((t for t in names if t.head == t or t.head.i < first.i or t.head.i >= verb.i), names[-1])
    return None


def _apposed_name(tok):
    """The name the parser misread as the subject right after TOK's phrase (see _misread_subject)."""
    after = tok.right_edge.i + 1
    if after + 1 >= len(tok.doc) or tok.doc[after].text != ",":
        return None
    return next((t for t in tok.sent if t.dep_ == "nsubj" and t.left_edge.i == after + 1 and
                 _misread_subject(t) is not None), None)


def _singular_with(tok) -> bool:
    """'had a bilateral with Japanese Prime Minister Kishida': a word the lexicon reads in the plural only
    ('bilaterals', not 'bilateral relations') names one event in the singular where an article opens it
    and a with- or between-phrase follows (the parser may still tag it an adjective)."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an", "the", "this", "that") for c in tok.children) and \
        any(c.dep_ == "prep" and c.lower_ in ("with", "between") for c in tok.children)


def _light_verb_lost(noun):
    """'received on Monday, 6 September, 2021, at al-Salam Palace, credentials of the new ambassadors': the
    parser hung the noun on the date as a conjunct. A light verb with no object of its own, whose clause
    reaches the noun through dates and places only, is the noun's verb."""
    if noun.dep_ not in ("conj", "appos"):
        return None
    w, steps = noun.head, 0
    while steps < 6 and w.pos_ not in ("VERB", "AUX"):
        if w.pos_ not in ("PROPN", "NUM", "ADP") and w.ent_type_ not in ("DATE", "GPE", "FAC", "ORG", "LOC"):
            return None
        w, steps = w.head, steps + 1
    if w.pos_ not in ("VERB", "AUX") or w.lemma_.lower() not in LEXICON.light_verbs or w.i > noun.i or \
            any(c.dep_ == "dobj" for c in w.children):
        return None
    return w


def _between_countries(party) -> bool:
    """A party of no country that stands for a body between countries: the body, or its officer."""
    if isinstance(party, OrgEntity):
        return True
    if isinstance(party, PersonEntity):
        return any(r.organisation for r in party.roles) or \
            party.known is not None and any(t.country is None for t in party.known.tenures)
    return False


class FrameFinder(EventFinder):
    """EventFinder whose candidates come from parsed sentences instead of word positions."""

    def __init__(self, g: Gazetteer, text: str, sentences: list[Span], actors: Actors, ref: RefDate,
                 dateline_place: str | None, trailing_place: str | None, parsed: Parsed):
        super().__init__(g, text, sentences, actors, ref, dateline_place, trailing_place)
        self.parsed = parsed
        self.open: tuple[int, Frame, list, list] | None = None   # the last frame that lacked a side
        self.last_actor: object | None = None                     # the last person who acted
        self.split_party: tuple[int, str] | None = None           # who met each of several, one by one
        self.open_list: tuple | None = None                       # a frame whose other side is a group
        self.last_dated: tuple | None = None                      # the last event told with its date
        # short names the article gives documents: "a General Security of Information Agreement (GSOIA)"
        self._named_documents = {m.group("short") for m in _DOCUMENT_SHORT_NAME_RE.finditer(self.text)
                                 if _DOCUMENT_HEAD_RE.search(m.group("long"))}
        self._vetoed: set[str] = set()      # families the parse read and refused in this sentence ("visited a car factory")
        self._sentence_base = 0             # the offset of the sentence being read (its Doc's offsets are relative)
        self._sentence_index = 0            # and its index

    # -- per sentence
    def _candidates(self, index: int, sentence: Span) -> list[Event]:
        """The frames of a parsed sentence. Where the parse gives no complete frame, the first
        mapper's patterns (EventFinder) still speak, except for a family the parse refused; measured
        against frames alone, they keep 0.05-0.06 of event F1 on the written corpora and cost none on
        the real development set (scripts/eval_real.py)."""
        listed = self._list_continuation(index, sentence)
        if listed:
            return listed
        new = self._frame_candidates(index, sentence)
        if any(self._complete(e) for e in new):
            # the patterns of the first mapper still add what the parse gave no frame of the same family for
            # ("spent three hours with Xi" beside "who is in China for a three-day visit")
            families = {e.family for e in new} | self._vetoed
            return new + [e for e in super()._candidates(index, sentence)
                          if e.family not in families and self._complete(e)]
        old = [e for e in super()._candidates(index, sentence) if e.family not in self._vetoed]
        if not old:
            return new
        # ("After the talks, eight agreements were signed": the patterns' partyless 'talks' and the
        # parse's partyless signing both speak; the signing takes its parties from the talks)
        return old + [e for e in new if e.family == "AgreementSigning" and e.family not in {o.family for o in old}]

    def _same(self, e: Event, c: Event) -> bool:
        if super()._same(e, c):
            return True
        if e.family != c.family or e.family == "Visit" or e.status != c.status:
            return False
        if e.start and c.start and e.start != c.start:
            return False
        # "the first meeting between Australia and Papua New Guinea" and "Albanese met Marape": a
        # country-level account fits inside a person-level one when every country matches
        ce = {party_country(p) for p in e.parties}
        cc = {party_country(p) for p in c.parties}
        # (a side told only as its country: "his counterparts from Australia, South Korea and Chile")
        some_country = any(isinstance(p, str) for p in c.parties) or any(isinstance(p, str) for p in e.parties)
        return some_country and None not in ce | cc and ce == cc and len(ce) >= 2

    # Recent events only: what a description or a referent points back to was told a few
    # sentences before, and looking further would make a long article's cost grow with its square.
    RECENT = 20

    def _last(self, predicate) -> Event | None:
        return next((e for e in reversed(self.events[-self.RECENT:]) if predicate(e)), None)

    def _may_be_same(self, c: Event) -> list[Event]:
        found = super()._may_be_same(c)
        if c.family != "Visit" and any(isinstance(p, str) for p in c.parties):
            # a country-level account: the recent person-level ones of the same countries (see _same)
            seen = {id(e) for e in found}
            found += [e for e in self.events[-self.RECENT:] if id(e) not in seen and e.family == c.family]
        elif c.family != "Visit":
            seen = {id(e) for e in found}
            found += [e for e in self.events[-self.RECENT:] if id(e) not in seen and e.family == c.family and
                      any(isinstance(p, str) for p in e.parties)]
        return sorted(found, key=lambda e: self._position[id(e)])

    def _merge(self, e: Event, c: Event, add_parties: bool):
        # a country stands for a person of it only until the person is named
        people_e = sum(not isinstance(p, str) for p in e.parties)
        people_c = sum(not isinstance(p, str) for p in c.parties)
        if people_c > people_e and {party_country(p) for p in e.parties} == {party_country(p) for p in c.parties}:
            e.parties = [p for p in c.parties]
            self._index_parties(e, e.parties)
            add_parties = False
        elif any(isinstance(p, str) for p in c.parties):
            add_parties = False
        super()._merge(e, c, add_parties)

    def _complete(self, e: Event) -> bool:
        """As EventFinder's, and between different countries: a minister meeting a colleague of their
        own government, or a president touring their own country, is no diplomatic interaction."""
        if not super()._complete(e):
            return False
        if e.family == "Visit":
            return any(party_country(v) != e.host for v in e.visitors)
        countries = [party_country(p) for p in e.parties]
        return None in countries or len(set(countries)) >= 2

    def run(self) -> list[Event]:
        events = [e for e in super().run() if all(self._side_known(p) for p in e.parties)]
        for e in events:
            self._local_by_the_place(e)
        return [e for e in events if self._complete(e) and not self._one_country_and_strangers(e)]

    @staticmethod
    def _one_country_and_strangers(e: Event) -> bool:
        """'Assam Chief Minister Himanta Biswa Sarma spoke to President Kovind': one country's people and
        local officials of no country even the whole article could tell (it names no other) make no
        interaction between countries that the text shows. A president of no country stated, or someone of
        no office read, still may ('the head of state Nurlan Abenov spoke with the President of Uzbekistan')."""
        if e.family == "Visit":
            return False
        countries = [party_country(p) for p in e.parties]
        if None not in countries or len(set(countries) - {None}) > 1 or any(_between_countries(p) for p in e.parties):
            return False
        strangers = [p for p in e.parties if party_country(p) is None]
        return all(isinstance(p, PersonEntity) and p.roles and all(r.office in LEXICON.local_offices for r in p.roles)
                   for p in strangers)

    @staticmethod
    def _local_by_the_place(e: Event):
        """'Minister Vidal met President Ana Lucia Rojas in Lima': the one party of no known country, met in
        a country none of the others is of, is of that country: they received the visitor at home. Met in
        the country of the others ('Sarawak Premier Abang Johari' in Kuching, by a Malaysian minister), they
        are of it too, and the meeting is that country's own business."""
        if e.family == "Visit" or not e.city_country:
            return
        unknown = [p for p in e.parties if party_country(p) is None]
        if len(unknown) == 1 and isinstance(unknown[0], PersonEntity) and not _between_countries(unknown[0]) \
                and len(e.parties) >= 2:
            unknown[0].inferred_country = e.city_country

    @staticmethod
    def _side_known(party) -> bool:
        """Whose side an organisation is on is known: of a country, or between countries. "The
        National Mines Agency" or "the Annual General Meeting of the Forum" with no country are
        no side of an interaction between countries that the text shows."""
        if isinstance(party, str):
            return True
        if isinstance(party, OrgEntity):
            return party.org.country is not None or party.org.kind == "IntergovernmentalOrganisation"
        return True  # (a person of no known country: their country may be told in words no list holds)

    def _referent(self, c: Event) -> Event | None:
        """'The call came a week after ...': the call told before, not the meeting told last."""
        if c.kind in ("PhoneCall", "VideoConference"):
            same = self._last(lambda e: e.kind == c.kind)
            if same is not None:
                return same
        return super()._referent(c)

    def _frame_candidates(self, index: int, sentence: Span) -> list[Event]:
        self._vetoed = set()
        doc = self.parsed.get(index)
        if doc is None:
            # no trigger here, but who the sentence is about is who "he" or "she" means next
            lead = [m for m in self.actors.in_sentence(index) if m.kind == "person" and not m.inside_role and
                    m.start - sentence.start < (sentence.end - sentence.start) / 3]
            if lead:
                self.last_actor = lead[0].ref
            return []
        base = sentence.start
        self._sentence_base = base
        self._sentence_index = index
        self._mentions = [m for m in self.actors.in_sentence(index) if not self._commentator(m)]
        frames = [f for f in (self._frame(tok) for tok in doc) if f is not None]
        if not frames:
            self._note_actor(doc, base)
            return []
        dates = [DateMention(d.start + base, d.end + base, d.kind, d.year, d.month, d.day, d.end_month, d.end_day,
                             d.relative) for d in find_dates(self.text[sentence.start:sentence.end])]
        owner, ending, present_dates = self._date_owner(doc, base, frames, dates)
        out: list[Event] = []
        for frame in frames:
            agents = self._parties_of(frame.agents, index, base)
            if not agents and frame.verb.tag_ == "VB" and any(c.lower_ == "to" for c in frame.verb.children):
                # ("It is a great honour to welcome my friend ...", said in a transcript's turn: the speaker)
                speaker = self.actors.speaker_at(index)
                agents = [speaker] if speaker is not None else agents
            # (a country one of the agents acts for is no other side: "credentials of the new Ambassadors
            # to Iraq", received by Iraq's president)
            patients = [p for p in self._parties_of(frame.patients, index, base)
                        if party_key(p) not in {party_key(a) for a in agents} and
                        not (isinstance(p, str) and p in {party_country(a) for a in agents})]
            if not agents and frame.agents and all(t.pos_ == "NOUN" and t.tag_ == "NNS" and _word(t) not in PARTY_HEADS
                                                   for t in frame.agents):
                # "two companies have signed an agreement": the parse knows who acted, and it is no
                # government; the first mapper's patterns must not make the countries named around it sign
                self._vetoed.add(self._family(frame))
            if frame.carried and agents and not patients:
                patients = self._met_by_the_carrier(frame, index, base, agents)
            agents, patients = self._complete_from_open(index, frame, agents, patients)
            agents, patients = self._fill_vague_side(index, sentence, frame, agents, patients)
            trigger = Trigger(self._kind(frame), base + frame.token.idx, base + frame.token.idx + len(frame.token),
                              definite=False)
            if self._background(sentence, trigger):
                continue  # "his 2022 visit to Rabat", "when they last met in 2023": not this story's
            if self._about_a_match(frame) and not any(_holds_office(p) for p in agents + patients):
                self._vetoed.add(self._family(frame))  # (nor may the first mapper's patterns make one of it)
                continue  # "coach X met coach Y before the match", "Kenya will meet Uganda in a qualifier"
            # "Macron arrives in Washington on Wednesday": a weekday in the present tense is ahead
            present = frame.verb.tag_ in ("VBZ", "VBP") and not any(
                c.dep_ == "aux" and c.lemma_ == "have" for c in frame.verb.children)
            for event in self._events(index, frame, agents, patients):
                self._finish(event, sentence, trigger, {id(trigger): owner[id(frame)]} if owner.get(id(frame)) else {},
                             dates, planned=frame.planned, future=present)
                if event.family == "Visit" and id(owner.get(id(frame))) in ending:
                    chosen = owner[id(frame)]
                    event.start, event.end = chosen.resolve(self.ref, future=id(chosen) in present_dates)[0], None
                    if event.start:
                        self._date_is_the_end(event, frame)
                self._date_from_context(index, event, arriving=_word(frame.token) in LEXICON.arrival_verbs)
                if event.start is not None:
                    frame.date = (event.start, event.end)
                out.append(event)
            if agents and any(isinstance(a, PersonEntity) for a in agents):
                self.last_actor = next(a for a in agents if isinstance(a, PersonEntity))
        return out

    # -- triggers
    def _frame(self, tok) -> Frame | None:
        lemma = _word(tok)  # ("Letters of Credence": a capitalised plural is still the noun 'letter')
        if tok.lemma_ == "be" and LEXICON.presence is not None or \
                tok.lemma_ == "expect" and any(c.dep_ == "auxpass" for c in tok.children) and \
                any(c.dep_ == "prep" and c.lower_ == "in" for c in tok.children):
            # ("is expected in Nairobi on Tuesday": a presence announced)
            frame = self._presence(tok)
            if frame is None:
                return None
        elif tok.lemma_ in LEXICON.attendance_verbs and tok.pos_ == "VERB" and LEXICON.presence is not None:
            frame = self._attendance(tok)
            if frame is None:
                return None
        elif tok.pos_ in ("NOUN", "PROPN") and lemma in LEXICON.gatherings and (met := self._body_met(tok)):
            return met
        elif (visitor := _misread_visiting(tok)) is not None and lemma in LEXICON.verbs:
            # "Visiting Ugandan Foreign Minister Juma Kato extended ...": the visitor, parsed as the object
            frame = Frame(LEXICON.verbs[lemma], tok, tok)
            frame.agents, frame.patients = [visitor], []
            frame.planned = self._planned(frame)
            return frame
        elif tok.pos_ in ("VERB", "AUX") and lemma in LEXICON.verbs:
            sense = LEXICON.verbs[lemma]
            if lemma in LEXICON.light_verbs and any(c.dep_ == "dobj" and _word(c) in LEXICON.nouns for c in tok.children):
                return None  # "received the credentials of ...", "hosted a dinner for": the noun's frame
            frame = Frame(sense, tok, tok)
            if not self._verb_fits(frame):
                return None
        elif (tok.pos_ in ("NOUN", "PROPN") or _singular_with(tok)) and lemma in LEXICON.nouns:
            sense = LEXICON.nouns[lemma]
            if any(g.lemma_.lower() in ("credence", "credential") for p in tok.children
                   if p.dep_ == "prep" and p.lower_ == "of" for g in p.children) or \
                    any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in ("credence", "credential")
                        for c in tok.children):
                sense = LEXICON.nouns["credential"]  # "letters of credence", "credential letters": not a letter
            if sense.plural_only and tok.tag_ not in ("NNS", "NNPS") and not _singular_with(tok):
                return None
            governor = tok.head.head if tok.dep_ == "pobj" else None
            if governor is not None and (governor.lemma_.lower() in LEXICON.attendee_heads or any(
                    c.dep_ == "acomp" and c.lemma_.lower() in LEXICON.attendee_heads for c in governor.children)):
                # "Present at the courtesy call were A; B", "A and B were present at the meeting": who sat
                # in on the interaction told before; neither the parse nor the patterns make a new one of them
                self._vetoed.add(self._family(Frame(sense, tok, tok)))
                return None
            holder = tok  # "received a copy of the credentials": the copy is the verb's object, for the credentials
            if tok.dep_ == "pobj" and tok.head.lower_ == "of" and _word(tok.head.head) in LEXICON.partitives:
                holder = tok.head.head
            verb = holder.head if holder.dep_ in ("dobj", "attr", "nsubjpass") and holder.head.pos_ in ("VERB", "AUX") \
                and holder.head.lemma_.lower() in LEXICON.light_verbs else _light_verb_lost(holder)
            if verb is None and sense.light_only and sense.type == "Correspondence":
                verb = _written_act(tok)
            if sense.light_only and verb is None:
                return None
            if lemma == "courtesy" and not any(c.lemma_.lower() in ("call", "visit") for c in (tok.head, *tok.children)):
                return None
            if verb is not None and verb.lemma_.lower() in LEXICON.verbs and LEXICON.verbs[verb.lemma_.lower()].type != "Meeting":
                return None  # "signed a joint statement": the verb's own frame
            frame = Frame(sense, tok, verb or tok)
            if not self._noun_fits(frame):
                return None
        else:
            return None
        if self._invited(frame) or self._topic(frame):
            return None
        self._arguments(frame)
        if frame.place is not None and frame.host is None:
            frame.host, frame.city = frame.place
        frame.planned = self._planned(frame)
        return frame

    def _presence(self, tok) -> Frame | None:
        """'Minister Araujo and his delegation are currently in Guyana': someone of a known country in
        a place of another (the lexicon's `presence`)."""
        if tok.dep_ not in ("ROOT", "conj", "ccomp", "advcl", "xcomp") and tok.pos_ != "AUX":
            return None
        # ("is due in Nairobi on Tuesday": the place hangs on the adjective)
        holders = [tok, *(c for c in tok.children if c.dep_ == "acomp" and c.lemma_.lower() in LEXICON.planning_heads)]
        places = [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "in"
                  for g in c.children if g.dep_ == "pobj"]
        subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.lower_ in RELATIVE_PRONOUNS and tok.dep_ == "relcl":
            subject = tok.head  # "Wang Li, who is in Nairobi for talks, ...": the one the clause is about
        return self._visiting(tok, subject, places)

    def _body_met(self, tok) -> Frame | None:
        """'attended the G7 Summit', 'addressed the United Nations General Assembly', 'took part in the
        ASEAN Summit': who attends a gathering of a body between countries meets that body."""
        verb = tok.head
        if tok.dep_ == "pobj" and verb.lower_ in ("in", "at"):
            verb = verb.head  # "participated in", "spoke at"
        elif tok.dep_ != "dobj":
            return None
        if verb.lemma_.lower() not in LEXICON.body_meeting_verbs:
            return None
        index, base = self._sentence_index, self._sentence_base
        words = [c for c in tok.subtree if c.i < tok.i]
        body = next((w for w in words if any(
            isinstance(p, OrgEntity) and p.org.kind == "IntergovernmentalOrganisation"
            for p in self._party(w, index, base))), None)
        if body is None:
            return None
        subject = self._subject(verb)
        frame = Frame(LEXICON.nouns["meeting"], tok, verb, agents=[subject] if subject is not None else [],
                      patients=[body], body_met=True)
        frame.planned = self._planned(frame)
        return frame

    def _attendance(self, tok) -> Frame | None:
        """'will attend the APEC Summit in Bangkok, Thailand': someone of a known country attending a
        gathering (the lexicon's `gatherings`) in a place of another is visiting it."""
        gathering = next((c for c in tok.children if c.dep_ == "dobj" and _word(c) in LEXICON.gatherings), None)
        if gathering is None:
            return None
        places = [g for head in (tok, gathering) for c in head.children if c.dep_ == "prep" and c.lower_ in ("in", "at")
                  for g in c.children if g.dep_ == "pobj"]
        return self._visiting(tok, self._subject(tok), places)

    def _visiting(self, tok, subject, places) -> Frame | None:
        """A visit frame (the lexicon's `presence`) when the subject names people, each of a known
        country other than the place's."""
        if not places or subject is None:
            return None
        code, city = self._place_of(places)
        if code is None:
            return None
        people = [p for p in self._party(subject, self._sentence_index, self._sentence_base)
                  if isinstance(p, PersonEntity)]
        if not people or any(p.country is None or p.country == code for p in people):
            return None
        return Frame(LEXICON.presence, tok, tok, place=(code, city))

    def _host_in_clause(self, frame: Frame) -> str | None:
        """'Jaishankar, who is in the UK for a four-day visit': the place of the clause the visit is in."""
        w, steps = frame.token, 0
        while steps < 4 and w.head != w:
            w = w.head
            steps += 1
            if w.pos_ in ("VERB", "AUX"):
                for c in w.children:
                    if c.dep_ == "prep" and c.lower_ in ("in", "to", "at"):
                        host, city = self._place_of([g for g in c.children if g.dep_ == "pobj"])
                        if host:
                            frame.city = frame.city or city
                            return host
                return None
        return None

    @staticmethod
    def _invited(frame: Frame) -> bool:
        """'invited Mudavadi to visit India', 'an invitation to visit': an invitation, no event yet."""
        w, steps = frame.verb, 0
        while steps < 3 and w.dep_ in ("xcomp", "acl", "pcomp", "pobj", "prep", "dobj") and w.head != w:
            w = w.head
            steps += 1
            if w.lemma_.lower() in LEXICON.invitation_heads:
                return True
        return False

    @staticmethod
    def _about_a_match(frame: Frame) -> bool:
        """Is the frame's clause about a sports match (the lexicon's sports_words in it)?"""
        clause = [frame.verb, *frame.verb.subtree] if frame.verb != frame.token else [*frame.token.subtree]
        return any(w.lemma_.lower() in LEXICON.sports_words for w in clause)

    @staticmethod
    def _topic(frame: Frame) -> bool:
        """'Talks are focused on the signing of cooperation agreements': what is talked about, not done."""
        tok = frame.token
        if tok.pos_ not in ("NOUN", "PROPN") or frame.verb != tok:
            return False
        head = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ in ("on", "about") else None
        return head is not None and head.lemma_.lower() in LEXICON.topic_heads

    def _verb_fits(self, frame: Frame) -> bool:
        tok, sense = frame.token, frame.sense
        objects = [c for c in tok.children if c.dep_ in ("dobj", "dative", "attr")] or _misread_objects(tok)
        preps = {c.lower_: c for c in tok.children if c.dep_ in ("prep", "agent")}
        # ("discussed trade with X": the parser hangs the with-phrase on the topic the verb discusses)
        preps.update({c.lower_: c for o in objects if not self._is_actor(o) for c in _topic_partner_preps(o)
                      if c.lower_ not in preps})
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
        for need in sense.needs:
            if need == "with_object" and not (objects or "with" in preps or passive or
                                              any(c.dep_ == "nsubj" and c.tag_ in ("NNS", "NNPS") or
                                                  any(g.dep_ == "conj" for g in c.children)
                                                  for c in tok.children if c.dep_ == "nsubj")):
                return False
            if need == "actor_object" and not (passive or any(self._is_actor(o) for o in objects) or
                                               (not objects and self._loose_object(tok) is not None)):
                return False
            if need == "prep" and not any(p in preps for p in sense.prep) and not self._reciprocal(tok):
                return False
            if need == "actor_object_or_prep" and not (passive or any(self._is_actor(o) for o in objects) or
                                                       any(p in preps for p in sense.prep)):
                return False
            if need == "object_nouns" and not any(
                    any(_word(c) in sense.object_nouns or c.text in self._named_documents and
                        sense.type == "AgreementSigning" for c in o.subtree)
                    for o in objects + [c for c in tok.children if c.dep_ == "nsubjpass"]):
                return False
            if need == "phone_context" and not (self._mode_near(tok, "phone") or self._title_mode("phone")):
                return False
            if need == "message_context" and not any(w.lemma_.lower() in ("message", "letter", "cable", "call", "phone")
                                                     for w in tok.sent):
                return False
            if need == "place_or_actor_object":
                if not objects and "to" not in preps:
                    return tok.dep_ == "amod" or tok.tag_ == "VBG" and tok.dep_ in ("acl", "amod")
                heads = objects or [c for c in preps["to"].children if c.dep_ == "pobj"]
                if any(h.lemma_.lower() in LEXICON.non_diplomatic_visit_objects for h in heads):
                    self._vetoed.add("Visit")
                    return False
        return True

    def _noun_fits(self, frame: Frame) -> bool:
        tok, sense = frame.token, frame.sense
        around = list(tok.children) + (list(frame.verb.children) if frame.verb != tok else [])
        for need in sense.needs:
            if need == "prep" and not any(c.dep_ == "prep" and c.lower_ in sense.prep for c in around):
                return False
            if need == "video_context" and not self._mode_near(tok, "video"):
                return False
        if sense.type == "Visit" and any(c.lower_ in LEXICON.non_diplomatic_delegations for c in tok.children
                                         if c.dep_ in ("amod", "compound")):
            self._vetoed.add("Visit")  # "a business delegation to Mumbai"
            return False
        if sense.lemma in ("delegation", "trip", "mission", "arrival"):
            # "led the delegation to the high-level week": to an event, not to a country; "a mission to
            # Mauritania", "upon her arrival in Nouakchott": to, or in, a place
            to = [c for p in (*tok.children, *frame.verb.children) if p.dep_ == "prep" and p.lower_ in sense.prep
                  for c in p.children if c.dep_ == "pobj"]
            if not any(self._place_of([c])[0] or c.ent_type_ in ("GPE", "LOC") for c in to):
                return False
        if sense.type == "Visit":
            to = [c for p in tok.children if p.dep_ == "prep" and p.lower_ == "to" for c in p.children]
            if any(h.lemma_.lower() in LEXICON.non_diplomatic_visit_objects for h in to):
                self._vetoed.add("Visit")
                return False
        if sense.lemma == "call" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "for":
            self._vetoed.add(self._family(frame))
            return False  # "reiterated calls for the international community to act": an appeal
        return True

    def _reciprocal(self, verb) -> bool:
        """'Wang Yi and Simon Coveney spoke on Thursday', 'the two leaders met': both sides are the subject."""
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None:
            return False
        return bool(subject.conjuncts) and self._is_actor(subject) or \
            subject.tag_ in ("NNS", "NNPS") and any(c.lower_ in ("two", "both") for c in subject.children) or \
            subject.tag_ in ("NNS", "NNPS") and _word(subject) in ROLE_NOUNS and any(
                g.conjuncts for p in subject.children if p.dep_ == "prep" and p.lower_ == "of"
                for g in p.children if g.dep_ == "pobj" and self._is_actor(g))  # "the foreign ministers of A and B"

    def _title_mode(self, mode: str) -> bool:
        """The headline says how they spoke ('... talk ... by phone'): the first lines of the article."""
        if not hasattr(self, "_title_words"):
            head = self.text[:self.sentences[0].start] if self.sentences else ""
            head += " " + (self.sentences[0].text if self.sentences else "")
            self._title_words = set(re.findall(r"[a-z]+", head.lower()))
        return bool(self._title_words & LEXICON.modes[mode])

    @staticmethod
    def _mode_near(tok, mode: str) -> bool:
        words = LEXICON.modes[mode]
        near = list(tok.children) + [tok.head] + list(tok.head.children)
        # "had an interaction with X via video conference", "spoke by telephone": the means' noun too
        near += [w for p in near if p.dep_ == "prep" and p.lower_ in ("via", "by", "over", "through")
                 for g in p.children if g.dep_ == "pobj" for w in (g, *g.children) if w.dep_ in ("pobj", "compound")]
        # ("interacted with X virtually on Monday": the adverb parsed under the date's preposition)
        near += [g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "advmod"]
        return any(w.lower_ in words or w.lemma_.lower() in words for w in near)

    def _family(self, frame: Frame) -> str:
        return Event(self._kind(frame), [], []).family

    def _kind(self, frame: Frame) -> str:
        kind = frame.sense.type
        if kind in ("Meeting", "Visit"):
            if self._mode_near(frame.token, "video") or self._mode_near(frame.verb, "video"):
                return "VideoConference"
            if self._mode_near(frame.token, "phone") or self._mode_near(frame.verb, "phone"):
                return "PhoneCall"
        if kind == "PhoneCall" and frame.token.lemma_.lower() == "call":
            words = {c.lower_ for c in frame.token.children} | {frame.verb.lemma_.lower()}
            # ("will be called on by the External Affairs Minister": the passive's particle)
            if frame.token.pos_ == "VERB" and any(c.dep_ in ("prep", "prt") and c.lower_ == "on" and
                                                  not any(g.ent_type_ in ("DATE", "TIME") for g in c.children)
                                                  for c in frame.token.children):
                words.add("courtesy")  # "called on the Foreign Minister": a visit in person
            if words & LEXICON.in_person_call_words:
                return "CourtesyCall"
            if self._mode_near(frame.token, "video"):
                return "VideoConference"
        if kind == "Visit":
            return next((VISIT_KINDS[c.lower_] for c in frame.token.children if c.lower_ in VISIT_KINDS), "Visit")
        return kind

    # -- arguments
    def _arguments(self, frame: Frame):
        tok, verb = frame.token, frame.verb
        agents, patients = [], []
        subject = self._subject(verb, visit=frame.sense.type == "Visit")
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        if passive and frame.sense is LEXICON.presence:
            agents += [c for c in verb.children if c.dep_ == "nsubjpass"]  # "X is expected in Nairobi": X comes
        elif passive:
            patients += [c for c in verb.children if c.dep_ == "nsubjpass" and c != tok]
            for agent in (c for c in verb.children if c.dep_ == "agent"):
                agents += [g for g in agent.children if g.dep_ == "pobj"]
        elif subject is not None and subject != tok:
            agents.append(subject)
        heads = [verb] if verb == tok else [verb, tok]
        for head in heads:
            for c in head.children:
                if c.dep_ == "dative" and c.pos_ == "ADP":
                    patients += [g for g in c.children if g.dep_ == "pobj"]  # "sent a message to the King"
                elif (c.dep_ in ("dobj", "dative") or c in _misread_objects(head)) and head == verb:
                    # (the light verb's own event noun too: "had numerous bilateral meetings, including a
                    # meeting with A, B and C" names the other side inside the noun's phrase, and "received
                    # phone calls" with no one named yet is with a group the next sentences list)
                    if "prep" in frame.sense.needs and verb == tok:
                        # "discussed the implementation of the Indonesia-UAE CEPA": a topic, not a party; but
                        # "discussed trade with X": the partner the parser hung on the topic
                        patients += [g for p in _topic_partner_preps(c) if p.lower_ in frame.sense.prep
                                     for g in p.children if g.dep_ == "pobj"]
                        continue
                    if _word(c) not in frame.sense.object_nouns:
                        patients.append(c)
                        if frame.sense.type == "Correspondence" and tok != verb:
                            # ("expressed condolences to X in a message": the one the written words go to)
                            patients += [g for p in c.children if p.dep_ == "prep" and p.lower_ == "to"
                                         for g in p.children if g.dep_ == "pobj"]
                    elif frame.sense.cameo == "032":
                        patients += [g for p in c.children if p.dep_ == "prep" and p.lower_ in ("of", "from")
                                     for g in p.children if g.dep_ == "pobj"]
                elif c.dep_ == "prep" and c.lower_ == "of" and head == tok and frame.sense.cameo == "032":
                    patients += [g for g in c.children if g.dep_ == "pobj"]  # "the credentials of the new ambassadors of ..."
                elif c.dep_ == "prep" and c.lower_ == "of" and head == tok and tok.pos_ == "NOUN" and \
                        frame.sense.type == "Meeting" and any(p.dep_ == "prep" and p.lower_ == "with"
                                                              for p in (*tok.children, *verb.children)):
                    # "to hold bilateral meetings of the head of state with Mishustin, Matviyenko and Volodin":
                    # whose meetings (not the "it" of "it is planned")
                    # (a person or an office, not a body: "a meeting of the Lublin Triangle together with ...")
                    owners = [g for g in c.children if g.dep_ == "pobj" and (g.ent_type_ == "PERSON" or _word(g) in ROLE_NOUNS)]
                    if owners:
                        agents = [a for a in agents if a.lower_ != "it"] + owners
                elif c.dep_ == "prep" and c.lower_ == "of" and head == tok and tok.pos_ == "NOUN" and \
                        frame.sense.type == "Visit" and tok.lemma_.lower() in ("visit", "trip", "tour", "journey"):
                    # "the scheduled state visit of President Tokayev to China": who visits
                    agents += [g for g in c.children if g.dep_ == "pobj" and self._is_actor(g)]
                elif c.dep_ in ("prep", "agent") and c.lower_ in PARTY_PREPS:
                    # "with President Sheinbaum and with de la Fuente": the second phrase is the first's conjunct
                    objects = [g for p in (c, *(x for x in c.conjuncts if x.lower_ == c.lower_))
                               for g in p.children if g.dep_ == "pobj"]
                    if c.lower_ == "between":
                        patients += objects
                    elif c.lower_ == "by" and head == tok:
                        # ("was signed by X, Minister of ..., and Y, Minister of ...": the parser may make Y a
                        # conjunct of the verb; a name is no verb, so it is the by-phrase's)
                        agents += objects + [x for x in tok.children if x.dep_ == "conj" and x.pos_ == "PROPN" and
                                             x.ent_type_ == "PERSON" and x.i > c.i]
                    elif frame.sense.type == "Visit" and (c.lower_ == "to" or c.lower_ == "for" and "for" in frame.sense.prep):
                        # ("left for Nairobi", "departed for Kenya": where the visit goes)
                        frame.host, frame.city = self._place_of(objects)
                        patients += [o for o in objects if self._place_of([o])[0] is None]
                        # "a visit to Ethiopia, Burkina Faso, Gambia and Senegal": a tour, a visit to each
                        for o in objects:
                            for stop in o.conjuncts:
                                code = self._place_of([stop])[0]
                                if code and code != frame.host and code not in frame.more_hosts:
                                    frame.more_hosts.append(code)
                    elif c.lower_ == "to" and frame.sense.type == "Meeting" and head == verb and \
                            any(d.dep_ == "dobj" for d in verb.children) and objects and \
                            all(o.ent_type_ in ("GPE", "LOC") and self._place_of([o])[0] for o in objects):
                        # "welcomed three new heads of mission to Canada": where they came, the host's own
                        # country, no other side
                        continue
                    elif c.lower_ in ("for",) and frame.sense.type != "Meeting":
                        continue
                    elif c.lower_ == "on" and tok.lemma_.lower() not in ("call",) and not (
                            head.lemma_.lower() == "call" or head.lemma_.lower() == "pay"):
                        continue  # "talks on trade": a topic
                    else:
                        patients += objects + [n for o in objects if (n := _apposed_name(o)) is not None]
                elif c.dep_ == "prep" and c.lower_ == "in" and frame.sense.type == "Meeting":
                    # "hosted a state banquet in honour of President X": the guest
                    patients += [g2 for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() in ("honour", "honor")
                                 for p2 in g.children if p2.dep_ == "prep" and p2.lower_ == "of"
                                 for g2 in p2.children if g2.dep_ == "pobj"]
                elif c.dep_ == "prep" and c.lower_ in ("in", "at", "into") and frame.sense.type == "Visit" and head == tok:
                    host, city = self._place_of([g for g in c.children if g.dep_ == "pobj"])
                    frame.host, frame.city = frame.host or host, frame.city or city
                elif c.dep_ == "advmod" and c.lower_ == "here" and frame.sense.type == "Visit":
                    host, city = self._described_place(c)  # "arrived here on Friday"
                    frame.host, frame.city = frame.host or host, frame.city or city
        if verb == tok and tok.pos_ == "VERB" and not patients and "actor_object" in frame.sense.needs:
            loose = self._loose_object(tok)
            if loose is not None:
                patients.append(loose)
        if tok != verb or tok.pos_ in ("NOUN", "PROPN"):
            # "Modi's visit", "the Xi-Biden meeting", "the Saudi-Iranian talks"
            for c in tok.children:
                if c.dep_ == "poss":
                    agents.append(c)
                elif c.dep_ == "acl" and c.lemma_.lower() in ("involve", "include", "bring", "gather"):
                    # "a trilateral meeting involving Stoltenberg, Erdogan and Kristersson"
                    patients += [g for g in c.children if g.dep_ == "dobj"]
                elif c.dep_ in ("compound", "amod", "nmod") and (c.ent_type_ in ("PERSON", "NORP", "GPE", "ORG") or
                                                              self._is_actor(c)):
                    patients.append(c)
        if frame.sense.type == "Visit":
            objects = [c for c in verb.children if c.dep_ == "dobj"] if verb == tok else []
            for o in objects:
                host, city = self._place_of([o])
                if host:
                    frame.host, frame.city = host, city
                    patients = [p for p in patients if p != o]
                    # "visiting Papua New Guinea, Vanuatu and Fiji": a tour, a visit to each
                    for stop in o.conjuncts:
                        code = self._place_of([stop])[0]
                        if code and code != frame.host and code not in frame.more_hosts:
                            frame.more_hosts.append(code)
                            patients = [p for p in patients if p != stop]
            if tok.dep_ in ("amod", "acl") and tok.head.pos_ in ("NOUN", "PROPN"):
                agents.append(tok.head)  # "the visiting Chinese Premier Li Qiang"
            if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and not any(c.dep_ == "auxpass" for c in tok.head.children):
                # "to welcome the visit to DPRK by the foreign minister of Russia": the parser hangs the visit's
                # by-phrase on the verb whose object the visit is
                visitors = [g for p in tok.head.children if p.dep_ == "prep" and p.lower_ == "by"
                            for g in p.children if g.dep_ == "pobj"]
                if visitors:
                    agents = [a for a in agents if a != self._subject(verb, visit=True)] + visitors
        if frame.sense.type == "Correspondence":
            senders = [g for p in tok.children if p.dep_ == "prep" and p.lower_ == "from" for g in p.children
                       if g.dep_ == "pobj"]
            if senders:
                if verb.lemma_.lower() in ("receive", "get", "accept"):
                    # "King Salman and the Crown Prince received letters from Raisi": the subject received
                    agents, patients = senders, agents + [p for p in patients if p not in senders]
                elif verb.lemma_.lower() in CARRYING_VERBS:
                    # "X delivered a letter from the Amir to the King": the Amir wrote; X only carried it
                    agents, patients = senders, [p for p in patients if p not in senders]
                    frame.carried = True
        if frame.sense.type == "Visit" and tok.pos_ == "NOUN" and tok.dep_ == "pobj" and \
                any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children):
            # "El-Sisi welcomed the Turkish president on his first visit": the one welcomed visits
            # (not "During his visit to Kenya, Wang Li met Kiprono": fronted, 'his' is the subject's)
            welcomed = [c for c in tok.head.head.children if c.dep_ == "dobj" and self._is_actor(c) and c.i < tok.i]
            if welcomed and tok.head.head.lemma_.lower() in LEXICON.verbs and \
                    LEXICON.verbs[tok.head.head.lemma_.lower()].type == "Meeting":
                agents = welcomed
        if (tok != verb or tok.pos_ in ("NOUN", "PROPN")) and subject in agents and any(
                a != subject and a.pos_ != "PRON" and tok in (a.head, a.head.head) for a in agents):
            # "the two countries signed three MOUs during a state visit by President X", "the leaders will
            # chair the council during President X's visit": the visit is X's
            agents.remove(subject)
        frame.separate = any(w.lower_ in SEPARATE_WORDS for w in tok.sent) or \
            (tok.tag_ in ("NNS", "NNPS") and tok.lemma_.lower() in ("meeting", "call", "bilateral", "conversation")) or \
            any(c.lower_ == "bilateral" for c in tok.children) and tok.tag_ == "NNS"
        frame.agents, frame.patients = agents, patients

    def _subject(self, verb, visit: bool = False):
        """The subject of the verb, through conjunctions, control and participles ('he is expected to
        pay a courtesy call': the subject of the passive that controls it)."""
        seen, start = 0, verb
        while verb is not None and seen < 6:
            seen += 1
            subjects = [c for c in verb.children
                        if (c.dep_ in ("nsubj", "csubj") or c.dep_ == "nsubjpass" and verb != start) and
                        not (c.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl")]
            if len(subjects) == 2 and subjects[0].left_edge == subjects[0] == subjects[0].right_edge and \
                    subjects[1].left_edge.i == subjects[0].i + 1 and subjects[1].ent_type_ == "PERSON":
                # "Lao Foreign Minister Thongsavanh Phomvihane welcomed": the parser made two subjects of one
                # name and the country's adjective before it; the name is the subject
                subjects = subjects[1:]
            for c in subjects:
                return _misread_visiting(c) or _misread_subject(c) or c
            fronted = _subject_read_as_apposition(verb)
            if fronted is not None:
                return fronted
            if verb.dep_ == "relcl":
                return verb.head          # "those who presented ...", "X, who met ..."
            if verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and verb.head.dep_ == "ROOT" and \
                    verb.head.pos_ == "PROPN":
                # "Sir Keith Holder, the envoy of Barbados, called on ...": parsed as if the name were
                # the sentence and the verb described it; the sentence has no other verb to be its own
                return verb.head
            if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep" and verb.head.head != verb.head:
                # ("X said after meeting Y", "before leaving for Z": a gerund after a preposition has the
                # subject of the clause the phrase belongs to)
                verb = verb.head.head
                continue
            # ("I am delighted to welcome X", "she was pleased to receive X": through the adjective to its clause)
            if verb.dep_ in ("conj", "xcomp", "advcl", "acl", "pcomp", "acomp") and verb.head != verb:
                if verb.dep_ == "xcomp":
                    objects = [c for c in verb.head.children if c.dep_ == "dobj"]
                    if objects and verb.head.lemma_.lower() in ("invite", "ask", "urge"):
                        return objects[0]  # "invited X to visit": X would visit
                verb = verb.head
                continue
            if verb.dep_ == "pobj" and verb.head.dep_ == "prep":
                if verb.head.lower_ in ("after", "before", "following", "since", "ahead", "prior") and not visit:
                    return None  # "Turkey agreed to submit it after a trilateral meeting": not the meeting's subject
                # ("returned home after official visits to London and Paris": who returned, visited)
                verb = verb.head.head
                continue
            if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ in ("appos", "npadvmod") and verb.head != verb:
                verb = verb.head  # "held talks today, the second day of a three-day visit"
                continue
            return None
        return None

    def _loose_object(self, verb):
        """The parser lost the object ("received in Malacañang eight new ambassadors-designate" is
        parsed as an adverbial clause): the first actor word after the verb in its own clause."""
        for w in verb.doc[verb.i + 1:]:
            if w.pos_ == "VERB" and w.dep_ not in ("amod", "acl", "advcl", "compound") or w.text in (";", ".") or \
                    w.dep_ in ("ccomp", "relcl"):
                return None
            if w.lemma_.lower() in ROLE_NOUNS and w.pos_ in ("NOUN", "PROPN") or w.ent_type_ == "PERSON":
                return w
        return None

    def _is_actor(self, tok) -> bool:
        if tok.ent_type_ in ("PERSON", "NORP", "GPE", "ORG"):
            return True
        # (a capitalised plural keeps its -s as its lemma: "the Ambassadors of Australia, ...")
        if tok.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS or _word(tok) in ROLE_NOUNS:
            return True
        if any(_word(w) in ROLE_NOUNS for w in tok.subtree if w.i <= tok.i):
            return True  # "eight new non-resident ambassadors-designate"
        # "Japan's selection" is no actor: only a name or title inside the phrase's own head makes one
        return any(c.lemma_.lower() in ROLE_NOUNS or c.ent_type_ in ("PERSON", "GPE", "ORG")
                   for c in tok.children if c.dep_ in ("compound", "appos"))

    def _described_place(self, tok) -> tuple[str | None, str | None]:
        """Places told, not named: 'here' is the dateline's city; 'the Kenyan capital', 'the capital of
        Kenya' the capital the reference data gives; 'the capital' alone the dateline country's."""
        line_country = self.g.cities.get(self.dateline_place) if self.dateline_place else None
        if tok.lower_ == "here" and self.dateline_place:
            return line_country, self.dateline_place
        if tok.lemma_.lower() != "capital":
            return None, None
        owner = None
        for c in tok.children:
            if c.dep_ in ("amod", "compound", "poss", "nmod"):
                owner = owner or self.g.country_of(c.text)
            if c.dep_ == "prep" and c.lower_ == "of":
                owner = owner or next((self.g.country_of(g.text) for g in c.children if g.dep_ == "pobj"), None)
        owner = owner or line_country or self._main_country()
        if owner and owner in self.g.capitals:
            return owner, self.g.capitals[owner]
        return owner, None

    def _main_country(self) -> str | None:
        counts = self.actors.country_counts
        return max(counts, key=counts.get) if counts else None

    def _place_of(self, toks) -> tuple[str | None, str | None]:
        # "the Bangabandhu Museum in the capital": a place inside the place
        toks = list(toks) + [g for t in toks for p in t.children if p.dep_ == "prep" and p.lower_ == "in"
                             for g in p.children if g.dep_ == "pobj"]
        for t in toks:
            described = self._described_place(t)
            if described[0]:
                return described
            # the names run over several words ("Papua New Guinea"): the phrase's whole text, not word by word
            spans = self._phrase_spans(t)
            start, end = spans[0][0], spans[-1][1]
            code, city = self._place_code(self.text[start:end].strip())
            if code:
                return code, city
            for m in self.g.country_re.finditer(self.text, start, end):
                if m.group(0) in self.g.country_names:
                    return self.g.country_names[m.group(0)], None
            for m in self.g.city_re.finditer(self.text, start, end):
                return self.g.cities[m.group(0)], m.group(0)
        return None, None

    def _phrase_spans(self, tok):
        base = self._sentence_base
        words = [tok]
        stack = [tok]
        while stack:
            t = stack.pop()
            for c in t.children:
                if c.dep_ in CLAUSES and not (c.dep_ == "prep" and c.lower_ == "of") and c.dep_ != "conj" and \
                        not (c.dep_ == "prep" and c.lower_ == "from" and t.lemma_.lower() in ROLE_NOUNS | {"mission"}) and \
                        not (c.dep_ == "relcl" and c.lemma_.lower() == "include") and \
                        not (c.dep_ == "prep" and c.lower_ == "to" and t.lemma_.lower() in ROLE_NOUNS and
                             any(g.ent_type_ == "PERSON" for g in c.subtree)):
                    continue  # (but "US Ambassador to Kenya Margaret Whitman" parsed with the name under "to")
                words.append(c)
                stack.append(c)
        words.sort(key=lambda w: w.i)
        return [(base + w.idx, base + w.idx + len(w)) for w in words]

    # -- from tokens to parties
    def _parties_of(self, toks, index: int, base: int) -> list[object]:
        parties: list[object] = []
        expanded = []
        for t in toks:
            expanded.append(t)
            expanded.extend(t.conjuncts)
            expanded.extend(c for c in t.children if c.dep_ == "appos")
            if t.lower_ in ("those", "these") or t.lemma_ == "be":
                continue
            if t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_ == "be":
                expanded.extend(c for c in t.head.children if c.dep_ == "attr")
            if t.dep_ == "attr" and t.head.lemma_ == "be" and t.pos_ == "NOUN":
                # "A, B, C and D were the envoys who met with Marcos": the envoys are the list
                for subject in (c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")):
                    expanded += [subject, *subject.conjuncts]
        for t in expanded:
            if t.lower_ in ("those", "these") and t.head.lower_ == "among" and t.head.head.lemma_ == "be":
                # "Among those who presented their credentials were A; B": the list is the subject
                listed = [c for c in t.head.head.children if c.dep_ in ("nsubj", "attr") and c != t]
                for party in self._parties_of(listed, index, base):
                    if party_key(party) not in {party_key(p) for p in parties}:
                        parties.append(party)
                continue
            if t.dep_ == "nsubj" and t.head.lemma_ == "be" and t.lower_ in ("those", "these"):
                attrs = [c for c in t.head.children if c.dep_ == "attr"]
                for a in attrs:
                    for party in self._parties_of([a], index, base):
                        if party_key(party) not in {party_key(p) for p in parties}:
                            parties.append(party)
                continue
            for party in self._party(t, index, base):
                if party_key(party) not in {party_key(p) for p in parties}:
                    parties.append(party)
        # people acted; countries and bodies named beside them are whose or where
        people = [p for p in parties if isinstance(p, PersonEntity)]
        if people:
            parties = [p for p in parties if isinstance(p, PersonEntity)]
        return parties

    def _party(self, tok, index: int, base: int) -> list[object]:
        leader = _delegation_leader(tok)
        if leader is not None:
            # "A Ugandan delegation led by Foreign Minister Juma Kato": the one who leads it
            found = [p for p in self._party(leader, index, base) if isinstance(p, PersonEntity)]
            whose = next((self.g.country_of(c.text) for c in tok.children
                          if c.dep_ in ("amod", "compound", "poss") and self.g.country_of(c.text)), None)
            for person in found:
                if person.country is None and whose:
                    person.inferred_country = whose  # ("a Ugandan delegation led by Foreign Minister Kato")
            if found:
                return found
        spans = self._phrase_spans(tok)
        lo, hi = spans[0][0], spans[-1][1]
        # the head word's own span decides between two overlapping names
        inside = [m for m in self._mentions if m.start < hi and lo < m.end and
                  any(s < m.end and m.start < e for s, e in spans)]
        last = max(inside, key=lambda m: m.end, default=None)
        if last is not None and last.kind == "country" and last.end == hi:
            # ("the presidents of Colombia, Gustavo Petro, and Brazil, Luiz Inacio Lula da Silva": the parser may
            # hang the last name elsewhere, but the name after the list's last country, a comma between, is its)
            inside += [m for m in self._mentions if m.kind == "person" and m.start > hi and
                       self.text[hi:m.start].strip() == ","]
        people = [m for m in inside if m.kind == "person" and not m.inside_role]
        if not people and tok.lower_ in LEXICON.relational_titles:
            # ("met his Omani counterpart Sayyid Badr Albusaidi": the parser may hang the name after the title
            # on the verb; the name that follows the title word is the one it titles)
            after = base + tok.idx + len(tok)
            people = [m for m in self._mentions if m.kind == "person" and not m.inside_role and
                      m.start - after in (1, 2) and self.text[after:m.start].strip() in ("", ",")]
        if people:
            found = []
            for m in people:
                if m.ref not in found:
                    found.append(m.ref)
            return found
        orgs = [m for m in inside if m.kind == "org" and not m.inside_role]
        if orgs and (tok.ent_type_ == "ORG" or any(m.start <= base + tok.idx < m.end for m in orgs)):
            return [orgs[0].ref]
        lower = tok.lower_
        if lower in ("i", "me", "my"):
            # '"I will meet him in Paris," the minister said'; in a transcript, the one whose turn it is
            speaker = self._speaker(tok, index, base) or self.actors.speaker_at(index)
            if speaker is not None:
                return [speaker]
        elected = lower in ("elect", "designate") and tok.i >= 2 and tok.nbor(-1).text == "-" and \
            tok.nbor(-2).lemma_.lower() in ROLE_NOUNS  # "the president-elect": a description of the office
        if lower in PERSON_PRONOUNS or tok.lemma_.lower() in ROLE_NOUNS or lower in ROLE_ABBREVIATIONS or elected:
            nationality = next((m.ref for m in inside if m.kind == "country"), None)
            person = self._resolve_description(tok, index, base, nationality)
            if lower in ("him", "her"):
                # an official described nearer than the person named ("On behalf of Prime Minister Koirala,
                # Pandey extended the invitation to the Bangladesh premier when he paid a call on her")
                described, at = self._described_before(tok, index, base)
                if described and (person is None or not any(
                        m.ref is person and at < m.start < base + tok.idx for m in self._mentions)):
                    return described
            if person is not None:
                return [person]
        if orgs and tok.tag_ not in ("NNS", "NNPS") and (tok.lower_ in OFFICE_WORDS or tok.lemma_.lower() in ROLE_NOUNS):
            # "met the UN Secretary-General", "the EU foreign policy chief": an officer unnamed stands for the
            # body (marked, so that the body is kept as a side, not taken for the setting)
            bodies = [m for m in orgs if m.ref.org.kind == "IntergovernmentalOrganisation"]
            if bodies:
                officer = copy.copy(bodies[0].ref)
                officer.officer = True
                return [officer]
        if lower in GROUP_PRONOUNS and tok.pos_ in ("PRON", "DET"):
            return []  # "their respective meetings", "they discussed": the events just told, told again
        if tok.tag_ == "NNS" and not inside and tok.dep_ == "nsubj" and _word(tok) in LEXICON.pair_nouns and \
                any(c.lower_ in ("two", "both") for c in tok.children):
            pair = self._pair_named_before(tok, base)
            if pair:
                return pair
        if (tok.lemma_.lower() in ("side", "leader", "minister", "delegation") and tok.tag_ == "NNS" and not inside):
            previous = self._last(lambda e: e.family in ("Meeting", "Visit"))
            if previous is None or index - previous.sentences[-1] > 3:
                return []
            if tok.lemma_.lower() == "leader" and not any(
                    isinstance(p, PersonEntity) and any(r.office in LEXICON.leader_offices for r in p.roles)
                    for p in previous.parties):
                # "The leaders of the two countries will chair ..." after their ministers met: the countries,
                # whose leaders the sentence may name
                return list(dict.fromkeys(c for c in map(party_country, previous.parties) if c))
            return list(previous.parties)
        if tok.lemma_.lower() == "delegation" and tok.tag_ == "NN" and not inside and \
                any(c.lower_ in ("the", "this", "his", "her") for c in tok.children if c.dep_ in ("det", "poss")):
            # "The delegation would also be visiting Vanuatu": the one whose leader the story follows,
            # the visitor of the visit or the foreign side of the meeting just told
            previous = self._last(lambda e: e.family in ("Meeting", "Visit"))
            if previous is not None and index - previous.sentences[-1] <= 3:
                if previous.family == "Visit":
                    return list(previous.visitors)
                lead = next((m.ref for m in self.actors.mentions if m.kind == "person" and not m.inside_role and
                             m.sentence == previous.sentences[0] and m.ref in previous.parties), None)
                return [lead] if lead is not None else []
            return []
        countries = []
        for m in inside:
            if m.kind == "country" and m.ref not in countries:
                countries.append(m.ref)
        if countries:
            if not (tok.ent_type_ in ("GPE", "NORP") or tok.pos_ == "PROPN" or _word(tok) in PARTY_HEADS or
                    any(m.start <= base + tok.idx < m.end for m in inside if m.kind == "country")):
                return []  # "Angolan businesspeople", "Kenyan students": people of a country, not the country acting
            if len(countries) == 1 and _word(tok) in ROLE_NOUNS and tok.tag_ == "NN":
                # "the visit to DPRK by the foreign minister of the Russian Federation" ... "Russian Foreign
                # Minister Sergei Lavrov": the one the next sentences name in that office
                person = self._named_later(tok, countries[0], index)
                if person is not None:
                    return [person]
            # "the ambassadors of Uganda, Vietnam and Senegal": each country; "the Japanese side": one
            return countries
        if orgs:
            return [orgs[0].ref]
        return []

    def _pair_named_before(self, tok, base: int) -> list[object]:
        """'Singapore and Indonesia pledged ..., as the two countries signed three MOUs': 'the two
        countries' ('both sides', 'the two leaders') are the two countries the sentence named before it,
        as persons where the noun is of people and each country has one, and only when it named two."""
        by_country: dict[str, list] = {}
        for m in self._mentions:
            if m.end > base + tok.idx or m.inside_role or m.kind not in ("person", "country"):
                continue
            country = party_country(m.ref)
            if country:
                by_country.setdefault(country, []).append(m)
        if len(by_country) != 2:
            return []
        people = [[m.ref for m in ms if m.kind == "person"] for ms in by_country.values()]
        if _word(tok) not in ("country", "nation", "government", "state") and \
                all(len({party_key(r) for r in p}) == 1 for p in people):
            return [p[0] for p in people]
        return list(by_country)

    def _met_by_the_carrier(self, frame: Frame, index: int, base: int, writers: list) -> list[object]:
        """'X met Y. X delivered a message from Z': to whom the carrier delivered it, when the text does
        not say: whom the carrier met just before."""
        subject = self._subject(frame.verb)
        carriers = {party_key(p) for p in (self._parties_of([subject], index, base) if subject is not None else [])}
        met = self._last(lambda e: e.family == "Meeting" and bool(carriers & {party_key(p) for p in e.parties}))
        if met is None or index - met.sentences[-1] > 1:
            return []
        keys = carriers | {party_key(w) for w in writers}
        return [p for p in met.parties if party_key(p) not in keys]

    def _described_before(self, tok, index: int, base: int) -> tuple[list[object], int]:
        """'extended the invitation to the Kenyan premier when he paid a courtesy call on her': an object
        pronoun no named person fits is the official its sentence described before it, by country and
        office (a party of that country; the person, where the text names them so), and where it stands."""
        mate = self._own_subject(tok, index, base)
        for w in reversed(tok.sent[:tok.i - tok.sent.start]):
            if w.pos_ == "NOUN" and w.lemma_.lower() in ROLE_NOUNS and \
                    any(c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE") for c in w.children):
                found = self._party(w, index, base)
                if found and not any(mate is not None and party_key(p) == party_key(mate) for p in found):
                    return [self._named_later(w, found[0], index) or found[0]] if len(found) == 1 else found, \
                        base + w.idx
        return [], -1

    def _office_described(self, tok) -> str | None:
        """The office a description names ('the prime minister', 'the foreign ministers of ...'): its words
        up to its head, without the article and the nationality, in the dictionary's office names."""
        said = [w.lower_ for w in tok.subtree if w.i < tok.i and w.dep_ != "det" and w.ent_type_ not in ("NORP", "GPE")]
        return self.g.offices.get(" ".join([*said, tok.lower_])) or self.g.offices.get(" ".join([*said, tok.lemma_.lower()]))

    def _named_later(self, description, country, index: int) -> PersonEntity | None:
        """'the Bangladesh premier' ... 'Prime Minister Sheikh Hasina accepted': the one person the next
        sentences name in that office, of that country or of none stated."""
        office = self._office_described(description)
        if office is None or not isinstance(country, str):
            return None
        named = {party_key(m.ref): m.ref for m in self.actors.mentions
                 if m.kind == "person" and not m.inside_role and index <= m.sentence <= index + 3 and
                 isinstance(m.ref, PersonEntity) and m.ref.country in (None, country) and
                 any(r.office == office for r in m.ref.roles)}
        # (one of that country before one of no country stated: "Foreign Minister Amina Wekesa and Peruvian
        # Foreign Minister Luis Salazar")
        theirs = [p for p in named.values() if p.country == country]
        if len(theirs) == 1:
            return theirs[0]
        if len(named) != 1:
            return None
        person = next(iter(named.values()))
        if person.country is None:
            person.inferred_country = country
        return person

    def _speaker(self, tok, index: int, base: int) -> PersonEntity | None:
        """The person a quote is attributed to, for an 'I' inside it: the subject of the reporting
        verb ('said', 'told') the quoted clause hangs from, resolved like any other mention."""
        w, steps = tok, 0
        while w.head != w and steps < 8:
            w, steps = w.head, steps + 1
            if w.lemma_.lower() in LEXICON.reporting_verbs:
                subject = next((c for c in w.children if c.dep_ == "nsubj"), None)
                if subject is None:
                    return None
                found = [p for p in self._party(subject, index, base) if isinstance(p, PersonEntity)]
                return found[0] if found else None
        # a reporting clause of its own after the quote: '... .", the minister said.' is the parse's ROOT
        for c in tok.doc:
            if c.lemma_.lower() in LEXICON.reporting_verbs and c.i > tok.i:
                subject = next((x for x in c.children if x.dep_ == "nsubj"), None)
                if subject is not None and subject.lower_ not in ("i", "we"):
                    found = [p for p in self._party(subject, index, base) if isinstance(p, PersonEntity)]
                    return found[0] if found else None
        return None

    def _own_subject(self, tok, index: int, base: int) -> PersonEntity | None:
        """For an object pronoun ('Alam received him'), the person its own clause's subject names:
        never the pronoun's referent."""
        if tok.dep_ in ("dobj", "dative"):
            verb = tok.head
        elif tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "agent"):
            verb = tok.head.head
        else:
            return None
        if verb.pos_ == "NOUN" and verb.dep_ == "dobj":
            verb = verb.head  # "he paid a courtesy call on her": the clause of the call
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            subject = verb.head  # "Kagame, who held talks with the president-elect"
        if subject is None or subject == tok:
            return None
        found = [p for p in self._party(subject, index, base) if isinstance(p, PersonEntity)]
        return found[0] if found else None

    def _bound_subject(self, tok, index: int, base: int) -> PersonEntity | None:
        """'Noting that it was his first visit, Lozhkin said', 'Xi said he would visit Lagos', 'Xi met
        Biden during his visit': a pronoun in a clause or phrase that hangs on a verb refers to that
        verb's subject, when the subject names a person (and is not itself a pronoun)."""
        if tok.dep_ in ("dobj", "dative", "pobj", "agent"):
            return None  # "Alam received him": an object is bound from outside its clause, not here
        own = tok.head if tok.dep_ in ("nsubj", "nsubjpass") else None
        w, steps = tok, 0
        while w.head != w and steps < 10:
            w, steps = w.head, steps + 1
            if w.pos_ not in ("VERB", "AUX") or w == own:
                continue
            subjects = [c for c in w.children if c.dep_ in ("nsubj", "nsubjpass")]
            subjects += [v for v in map(_misread_visiting, w.children) if v is not None and v not in subjects]
            if len(subjects) > 1:
                return None  # two subjects: the parse went wrong around here
            subject = subjects[0] if subjects else None
            if subject is None or subject.pos_ != "PROPN" or subject.lemma_.lower() in ROLE_NOUNS or tok in subject.subtree:
                continue  # (a named subject only: a description is resolved in its own right)
            if w.lemma_.lower() in LEXICON.reporting_verbs and self._quoted(tok, base):
                return None  # '"... he will hold talks with Albanese," Kwatra said': someone other than the speaker
            found = [p for p in self._party(subject, index, base) if isinstance(p, PersonEntity)]
            return found[0] if found else None
        return None

    def _quoted(self, tok, base: int) -> bool:
        """Is the word inside quotation marks (opened earlier in its paragraph)?"""
        at = base + tok.idx
        before = self.text[self.text.rfind("\n", 0, at) + 1:at]
        return before.count('"') % 2 == 1 or before.count("“") > before.count("”")

    def _resolve_description(self, tok, index: int, base: int, nationality: str | None = None) -> PersonEntity | None:
        """'he', 'the minister', 'the Thai foreign minister': the person last named in that role."""
        words = set()
        for w in tok.subtree:
            if w.i <= tok.i:
                words.update(ROLE_ABBREVIATIONS.get(w.lower_, w.lemma_.lower()).split())
        role_words = words & ROLE_NOUNS - {"counterpart"}
        before = base + tok.idx
        candidates = [m for m in self.actors.mentions if m.kind == "person" and m.start < before and
                      not m.inside_role and index - m.sentence <= 4]
        if tok.lower_ in PERSON_PRONOUNS:
            bound = self._bound_subject(tok, index, base)
            if bound is not None:
                return bound
            clause_mate = self._own_subject(tok, index, base)
            candidates = [m for m in candidates if clause_mate is None or party_key(m.ref) != party_key(clause_mate)]
            if self.last_actor is not None and any(m.ref is self.last_actor for m in candidates):
                return self.last_actor
            return candidates[-1].ref if candidates else None
        if "counterpart" in words:
            return None
        # ("Kagame held talks with the president-elect": an object described is never its own clause's subject)
        clause_mate = self._own_subject(tok, index, base)
        if clause_mate is not None:
            candidates = [m for m in candidates if party_key(m.ref) != party_key(clause_mate)]
        of_what = next((g.lower_ for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                        for g in p.children if g.dep_ == "pobj"), None)
        if tok.lemma_.lower() == "head" and of_what in ("state", "government"):
            # "the head of state": whoever was last named in such an office
            offices = LEXICON.heads_of_state if of_what == "state" else LEXICON.heads_of_government
            return next((m.ref for m in reversed(candidates) if (not nationality or m.ref.country == nationality)
                         and any(r.office in offices for r in m.ref.roles)), None)
        # "the prime minister" is who holds that office, before a deputy prime minister named later
        office = self._office_described(tok)
        if office is not None:
            holders = [m.ref for m in reversed(candidates)
                       if (not nationality or m.ref.country == nationality) and any(r.office == office for r in m.ref.roles)]
            # ("President X will visit Poland, where she will meet President Y. The President's visit ...": of
            # several holders the description means the one the story follows, who acted last)
            if any(h is self.last_actor for h in holders):
                return self.last_actor
            if holders:
                return holders[0]
        for m in reversed(candidates):
            if nationality and m.ref.country != nationality:
                continue
            labels = " ".join(r.label.lower() for r in m.ref.roles)
            if role_words and all(w.split()[-1] in labels for w in role_words if w not in ("foreign", "prime", "vice")):
                return m.ref
        if nationality and (words & GENERIC_DESCRIPTIONS or tok.lemma_.lower() in GENERIC_DESCRIPTIONS):
            same = [m.ref for m in candidates if m.ref.country == nationality]
            return same[-1] if same else None
        return None

    def _complete_from_open(self, index: int, frame: Frame, agents: list, patients: list):
        """A frame without one side takes it from the open frame of the sentences before."""
        if agents and patients:
            self.open = (index, frame, agents, patients)
            return agents, patients
        if self.open is not None:
            opened, previous, prev_agents, prev_patients = self.open
            if index - opened <= 2 and previous.sense.type == frame.sense.type:
                if not agents and len(patients) == 1 and not self._together(frame):
                    # "Among those who presented their credentials were ...": the receiver is the open frame's
                    receiver = prev_agents if prev_agents else prev_patients
                    keys = {party_key(p) for p in patients}
                    agents = [p for p in receiver if party_key(p) not in keys]
                elif len(agents) >= 2 and not patients:
                    # "... received eight ambassadors. Among those who presented their credentials were
                    # A; B": the presenters act, the open frame's receiver is the other side
                    # (not when the acting side already holds the receiver's country: "the leaders of the
                    # two countries will chair ..." are both sides)
                    keys = {party_key(p) for p in agents}
                    acting = {party_country(p) for p in agents}
                    other = [p for p in (prev_agents or prev_patients)
                             if party_key(p) not in keys and party_country(p) not in acting]
                    if other and any(isinstance(p, PersonEntity) for p in other):
                        patients = other
        if agents and not patients and frame.sense.type != "Visit" or patients and not agents:
            self.open = (index, frame, agents, patients)
        return agents, patients

    # -- lists: "received eight ambassadors. Among those ... were A; B", "presented credentials: A, B"
    @staticmethod
    def _vague(toks) -> bool:
        """A side named only as a group: 'four diplomats', 'seven new envoys', 'a number of heads of state'."""
        for t in toks:
            words = [w for w in t.subtree]
            # ("the newly appointed Ambassadors": a capitalised plural the tagger calls singular)
            plural = t.tag_ in ("NNS", "NNPS") or t.tag_ == "NNP" and t.lower_ != _word(t) and t.lower_.endswith("s")
            if plural or t.lower_ in ("number", "group", "those", "several") or \
                    any(w.dep_ == "nummod" or w.like_num for w in words if w.i <= t.i):
                if t.ent_type_ != "PERSON" and not any(w.ent_type_ == "PERSON" for w in words):
                    return True
        return False

    def _listed_people(self, index: int, start: int, end: int, exclude: set) -> list[object]:
        people = []
        for m in self.actors.in_sentence(index):
            if m.kind == "person" and not m.inside_role and start <= m.start < end and \
                    party_key(m.ref) not in exclude and m.ref not in people and not self._reporting(index, m):
                people.append(m.ref)
        return people

    def _reporting(self, index: int, m: Mention) -> bool:
        """Is the person the subject of a verb of saying ('Msigwa said the new envoys are A, B and C')?"""
        doc = self.parsed.get(index)
        if doc is None:
            return False
        at = m.end - 1 - self.sentences[index].start
        tok = next((t for t in doc if t.idx <= at < t.idx + len(t)), None)
        return tok is not None and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in LEXICON.reporting_verbs

    def _fill_vague_side(self, index: int, sentence: Span, frame: Frame, agents: list, patients: list):
        vague_agents = not agents and self._vague(frame.agents)
        vague_patients = not patients and self._vague(frame.patients)
        if not (vague_agents or vague_patients) or not (agents or patients):
            return agents, patients
        known = agents or patients
        colon = self.text.find(":", self._sentence_base + frame.token.idx, sentence.end)
        if colon >= 0:
            listed = self._listed_people(index, colon, sentence.end, {party_key(p) for p in known})
            if listed:
                return (listed, patients) if vague_agents else (agents, listed)
        # the list may follow in the next sentences
        self.open_list = (index, frame, known, "agents" if vague_agents else "patients")
        return agents, patients

    def _listed_countries(self, index: int, sentence: Span, own: str | None) -> list[str]:
        """A sentence that is a list of countries and little else ('The Republic of Chile The Kingdom
        of Spain ...' after 'will receive envoys from the following 18 countries:'): the countries."""
        mentions = [m for m in self.actors.in_sentence(index) if m.kind == "country" and not m.inside_role]
        found = []
        for m in mentions:
            if m.ref != own and m.ref not in found:
                found.append(m.ref)
        covered = sum(m.end - m.start for m in mentions)
        words = len(self.text[sentence.start:sentence.end].split())
        # most of its words are the countries' names (and "the Republic of", "the Kingdom of" ...)
        mostly_names = covered >= 0.3 * (sentence.end - sentence.start) and words < 12 * len(found)
        return found if len(found) >= 3 and mostly_names else []

    def _list_continuation(self, index: int, sentence: Span) -> list[Event]:
        """A sentence that only lists people right after a frame whose other side was a group."""
        if self.open_list is None:
            return []
        opened, frame, known, side = self.open_list
        if not 0 < index - opened <= 2:
            return []
        listed = self._listed_people(index, sentence.start, sentence.end, {party_key(p) for p in known})
        if len(listed) < 2:
            listed = self._listed_countries(index, sentence, party_country(known[0])) or listed
        countries = {party_country(p) for p in listed} - {party_country(known[0])}
        # ("The following new heads of mission presented their credentials:" then one name a line, each
        # with its title on the next: a line that is one name, no sentence, is an item of the list)
        text = self.text[sentence.start:sentence.end].strip()
        line = len(text.split()) <= 14 and text[-1:] not in ".!?"
        item = len(listed) == 1 and len(countries) == 1 and line
        if (len(listed) < 2 or len(countries) < 2) and not item:
            if line:
                self.open_list = (index, frame, known, side)  # (a title's line, or a name no list holds)
            return []
        self.open_list = (index, frame, known, side)  # "Also welcomed by the President were ..." may follow
        agents, patients = (listed, known) if side == "agents" else (known, listed)
        events = self._events(index, frame, agents, patients, one_to_one_hint=True)
        for event in events:
            event.status = "planned" if frame.planned else "occurred"
            if event.start is None and frame.date is not None:
                event.start, event.end = frame.date  # the date of the frame the list completes
            self._date_from_context(index, event)
        return events

    @staticmethod
    def _date_is_the_end(event: Event, frame: Frame):
        """The day the visit ends; its length ('three-day') gives the first day."""
        event.end, event.start = event.start, None
        for w in frame.token.subtree:
            m = re.match(r"(one|two|three|four|five|six|seven|\d)-day$", w.text.lower()) or \
                (re.match(r"(one|two|three|four|five|six|seven|\d)$", w.lower_)
                 if w.i + 2 < len(w.doc) and w.nbor(1).lower_ == "-" and w.nbor(2).lower_ == "day" else None)
            if m:
                word = m.group(1)
                days = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}.get(word) or int(word)
                event.start = event.end - dt.timedelta(days=days - 1)
                break

    def _date_from_context(self, index: int, event: Event, arriving: bool = False):
        """'Abiy Ahmed today held talks with African presidents on the sidelines ... He conferred with
        A, B and C': an undated account of the same family that shares a party with the dated one just
        told happened that day. A dated event becomes the context for the next sentences."""
        keys = {party_key(p) for p in event.parties}
        if event.start is None and self.last_dated is not None:
            opened, family, status, parties, start, end, arrival = self.last_dated
            # ("The meetings on Tuesday were part of ...": a dated account that names nobody dates those told next)
            # ("after which the two sides signed eight agreements": signed at the talks, on their day)
            # ("visited Oslo on Monday to have talks with", "arrived in Abu Dhabi on Monday. The President was
            # received by": the talks a visit is told with, and the reception an arrival leads to, are on its
            # day; not the meetings of a visit announced for a day, "During the visit, ...")
            akin = family == event.family or event.family == "AgreementSigning" and family == "Meeting" and \
                index - opened <= 1 and keys <= parties or \
                family == "Visit" and event.family == "Meeting" and (index == opened or index - opened == 1 and arrival)
            first = self.text[self.sentences[index].start:self.sentences[index].end].split(None, 1)
            opener = bool(first) and first[0].strip(",").lower() in LEXICON.same_day_openers
            if (0 <= index - opened <= 2 or opener and 0 <= index - opened <= 4) and akin and \
                    status == event.status and (keys & parties or not parties):
                event.start, event.end = start, end if family == event.family else None
        if event.start is not None:
            # ("arrived in Abu Dhabi on Monday on a two-day official visit": the visit is the arrival told twice)
            arriving = arriving or self.last_dated is not None and self.last_dated[0] == index and \
                self.last_dated[1] == event.family and self.last_dated[6]
            self.last_dated = (index, event.family, event.status, keys, event.start, event.end, arriving)

    def _hosted_visit(self, index: int, frame: Frame, agents: list, patients: list) -> Event | None:
        """'Biden will host Lula', 'Erdogan hosted Crown Prince Mohammed bin Zayed': the object's visit
        to the subject's country (see hosts_a_visit in the lexicon)."""
        if not frame.sense.hosts_a_visit or frame.token != frame.verb or not agents or not patients:
            return None
        if any(c.dep_ == "prep" and c.lower_ == "for" and any(_word(g) in LEXICON.nouns for g in c.children)
               for c in frame.token.children):
            return None  # "hosted Márquez for talks at State House": the talks, told of the visit already
        if not all(isinstance(p, PersonEntity) for p in agents + patients):
            return None
        home = {party_country(a) for a in agents}
        abroad = {party_country(p) for p in patients}
        if len(home) != 1 or None in home or None in abroad or home & abroad:
            return None
        host = home.pop()
        city = frame.city if frame.city and self.g.cities.get(frame.city) == host else None
        return Event("Visit", [index], list(patients) + list(agents), visitors=list(patients), host=host,
                     city=city, city_country=host if city else None, trigger_sentence=index)

    # -- events
    def _events(self, index: int, frame: Frame, agents: list, patients: list,
                one_to_one_hint: bool = False) -> list[Event]:
        kind = self._kind(frame)
        hosted = self._hosted_visit(index, frame, agents, patients)
        if hosted is not None:
            return [hosted]
        if frame.sense.type == "Visit":
            visitors = [a for a in agents if not (isinstance(a, OrgEntity) and a.org.kind == "IntergovernmentalOrganisation")]
            host = frame.host or self._host_in_clause(frame)
            line_country = self.g.cities.get(self.dateline_place) if self.dateline_place else None
            if host is None and line_country and (frame.token.dep_ in ("amod", "acl") or frame.token.pos_ == "NOUN" or
                                                  frame.token.lemma_.lower() == "arrive") \
                    and all(party_country(v) not in (None, line_country) for v in visitors):
                host = line_country  # "the visiting Chinese Premier", "during his visit": where the story is told
            hosts = [p for p in patients if p not in visitors]
            if host is None and hosts:
                host = party_country(hosts[0])
            if visitors and host is None and (frame.token.pos_ == "NOUN" or frame.token.lower_ == "visiting" or
                                               frame.token.lemma_.lower() in LEXICON.arrival_verbs) and \
                    all(party_country(v) is not None for v in visitors):
                # "Xi's fourth state visit to SA": a host the text names in words no list holds; the
                # counterpart the visitor meets nearby may still tell it (see _infer_visit_hosts)
                hostless = Event(kind, [index], list(visitors), visitors=list(visitors), host=None, city=frame.city,
                                 trigger_sentence=index)
                hostless._host_unknown = True  # type: ignore[attr-defined]
                return [hostless]
            if not visitors or host is None or all(party_country(v) == host for v in visitors):
                event = Event(kind, [index], [], trigger_sentence=index)
                return [event] if not visitors and frame.token.pos_ == "NOUN" else []
            # visitors of different countries each make a visit of their own ("Nyusi, Tshisekedi and
            # Museveni have arrived for the inauguration"); one country's delegation makes one
            by_country: dict[object, list] = {}
            for v in visitors:
                if party_country(v) != host:
                    by_country.setdefault(party_country(v), []).append(v)
            host_people = [h for h in hosts if isinstance(h, PersonEntity)]
            found = [Event(kind, [index], group + host_people, visitors=group, host=host, city=frame.city,
                           city_country=host if frame.city else None, trigger_sentence=index)
                     for group in by_country.values()]
            for other in frame.more_hosts:
                found += [Event(kind, [index], list(group), visitors=list(group), host=other, trigger_sentence=index)
                          for group in by_country.values()]
            return found
        if any(isinstance(p, PersonEntity) for p in agents + patients) and not frame.body_met:
            # people acted: a forum or bloc named beside them (the OIC, the Quad) is the setting, and a
            # country already represented by one of them is not a second party
            people_countries = {p.country for p in agents + patients if isinstance(p, PersonEntity)}
            agents, patients = ([p for p in side if isinstance(p, PersonEntity) or
                                 (isinstance(p, str) and p not in people_countries) or
                                 (isinstance(p, OrgEntity) and (p.org.kind != "IntergovernmentalOrganisation" or
                                                                getattr(p, "officer", False)))]
                                for side in (agents, patients))
        parties = agents + patients
        agreement_name, agreement_kind = self._agreement(frame) if kind == "AgreementSigning" else (None, None)
        if len(parties) < 2:
            event = Event(kind, [index], parties, trigger_sentence=index)
            event.agreement_name, event.agreement_kind = agreement_name, agreement_kind
            return [event]
        # calls, letters and credentials are one to one; a list after a group ("received eight envoys.
        # Among them ...") and bilaterals on a summit's sidelines are one meeting each
        one_to_one = kind in ("PhoneCall", "Correspondence", "CourtesyCall") or frame.sense.cameo == "032" or \
            frame.separate or one_to_one_hint or self._sidelines(frame) or \
            (len(agents) == 1 and not self._together(frame) and self._one_by_one(frame, patients) and
             not self._delegation_at_home(index, agents[0], patients)) or \
            (len(patients) == 1 and len(agents) >= 2 and not self._together(frame) and self._one_by_one(frame, agents))
        single = agents if len(agents) == 1 else patients if len(patients) == 1 else []
        if single and self.split_party is not None and party_key(single[0]) == self.split_party[1] and \
                index - self.split_party[0] <= 2:
            one_to_one = True  # "Also welcomed by the President were A, B and C": the ceremony goes on
        groups = [agents + patients]
        if one_to_one and len(agents) == 1 and len(patients) >= 2:
            groups = [agents + [p] for p in patients]
        elif one_to_one and len(patients) == 1 and len(agents) >= 2:
            groups = [[a] + patients for a in agents]
        if len(groups) > 1:
            self.split_party = (index, party_key(single[0]))
        events = []
        for group in groups:
            event = Event(kind, [index], group, trigger_sentence=index, agreement_name=agreement_name,
                          agreement_kind=agreement_kind)
            event._separate = frame.separate  # type: ignore[attr-defined]
            events.append(event)
        return events

    # -- time and status
    @staticmethod
    def _agreement(frame: Frame) -> tuple[str | None, str | None]:
        """What was signed ('an agreement on professional cooperation') and its kind, from the object."""
        verb = frame.verb
        objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        if frame.token.lemma_.lower() == "signing":
            objects += [g for p in frame.token.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children]
        for o in objects:
            words = [t for t in o.subtree if t.dep_ not in ("relcl", "acl", "punct") or t is o]
            while words and words[0].dep_ in ("det", "nummod", "quantmod", "predet"):
                words = words[1:]
            if not words:
                continue
            lemma = o.lemma_.lower()
            kind = "MemorandumOfUnderstanding" if lemma.startswith(("memorand", "mou")) else \
                "Treaty" if lemma.startswith("treat") else "Agreement"
            start, end = words[0].idx, words[-1].idx + len(words[-1])
            return o.doc.text[start:end][:200], kind
        return None, "Agreement"

    @staticmethod
    def _one_by_one(frame: Frame, patients: list) -> bool:
        """Does one agent meet several counterparts one by one? 'Kerry will meet Hun Sen, Hor Namhong
        and ...' (people named one by one) and 'held meetings with' (plural) do; 'his meeting with
        the Presidents of Guatemala, Honduras and El Salvador' (one meeting of unnamed leaders) does not."""
        tok = frame.token
        if tok.pos_ in ("NOUN", "PROPN") and tok.tag_ in ("NNS", "NNPS"):
            return True
        if any(_word(t) == "counterpart" for t in frame.patients):
            return True  # "his Russian and Uzbek counterparts": each a counterpart of his, one by one
        return sum(isinstance(p, PersonEntity) for p in patients) >= 2

    def _delegation_at_home(self, index: int, host, guests: list) -> bool:
        """'Fidan met Syrian Foreign Minister A, Defence Minister B and Intelligence Chief C in Ankara': a
        host who receives several officials of one other country at home meets their delegation, once (a
        visitor who calls on several of the host's officials meets each: 'Kerry will meet Hun Sen, Hor
        Namhong' in Cambodia)."""
        home = party_country(host)
        theirs = {party_country(p) for p in guests} - {None}  # (the others' country may be told later)
        if home is None or len(theirs) != 1 or home in theirs or \
                not all(isinstance(p, PersonEntity) for p in guests):
            return False
        sentence = self.sentences[index]
        cities = [self.g.cities[m.group(0)] for m in self.g.city_re.finditer(self.text, sentence.start, sentence.end)]
        if not cities and self.dateline_place:
            cities = [self.g.cities.get(self.dateline_place)]
        return bool(cities) and all(c == home for c in cities)

    @staticmethod
    def _together(frame: Frame) -> bool:
        """'talks between A, B and C', 'a trilateral meeting', 'met jointly': one meeting of all."""
        words = {w.lower_ for w in frame.token.sent}
        return bool(words & LEXICON.together_words) or any(
            c.dep_ == "prep" and c.lower_ in ("between", "among") for c in frame.token.children)

    @staticmethod
    def _sidelines(frame: Frame) -> bool:
        return any(w.lower_ in ("sidelines", "margins", "sideline", "margin") for w in frame.token.sent)

    def _date_owner(self, doc, base: int, frames: list[Frame], dates: list[DateMention]) -> tuple[dict, set, set]:
        """Each date belongs to the frame whose clause holds it; a date in a reporting clause to none.
        A frame prefers a date of its own clause to one it is only nearest to, and a visit a range.
        Returns {id(frame): its date}, and the ids of the dates that end a visit or are told in the
        present tense (valid while this sentence is read)."""
        by_token = {}
        for f in frames:
            # ("will go on a state visit to Poland on Monday", "began a mission to Uganda on Monday": the day
            # hangs on the verb the visit noun is the object of, when that verb is no frame of its own; not
            # "returned home on Tuesday after visits to ...": after, before and since set one event by another)
            governor = f.token.head.head if f.token.dep_ == "pobj" and f.token.head.lower_ in ("on", "for") else \
                f.token.head if f.token.dep_ == "dobj" else None
            if governor is not None and governor.pos_ in ("VERB", "AUX") and f.token.pos_ == "NOUN":
                by_token.setdefault(governor.i, f)
        for f in frames:
            by_token[f.token.i] = f
            by_token[f.verb.i] = f
        claims: dict[int, list[tuple[tuple, DateMention]]] = {}
        # (ids of this sentence's dates, alive while it is read: the last days of visits, the days told
        # in the present tense)
        ending: set[int] = set()
        present_dates: set[int] = set()
        for d in dates:
            tok = next((t for t in doc if base + t.idx <= d.start < base + t.idx + len(t) + 1), None)
            frame, steps, direct = None, 0, False
            ends = False
            while tok is not None and steps < 12:
                steps += 1
                ends = ends or tok.lemma_.lower() in END_VERBS or tok.lower_ in ("until", "till", "through")
                if tok.pos_ == "VERB" and tok.tag_ in ("VBZ", "VBP"):
                    present_dates.add(id(d))  # "a visit that runs until Thursday": ahead
                if tok.i in by_token:
                    frame, direct = by_token[tok.i], True
                    break
                if tok.pos_ == "VERB" and tok.lemma_.lower() in LEXICON.reporting_verbs:
                    break
                if tok.head == tok:
                    break
                tok = tok.head
            if frame is None and not (tok is not None and tok.lemma_.lower() in LEXICON.reporting_verbs):
                # a day outside every frame's clause goes to the nearest frame, but not to a visit: a visit
                # lasts days, and "this morning" in a sentence about it is when something in it happened
                near = [f for f in frames if f.sense.type != "Visit" or d.kind == "range"]
                frame = min(near, key=lambda f: abs(base + f.token.idx - d.start)) if near else None
            if frame is not None:
                # the day a visit ends is no day it begins: a start comes first
                rank = (direct, not ends, frame.sense.type == "Visit" and d.kind == "range", d.kind != "relative")
                claims.setdefault(id(frame), []).append((rank, d))
                if ends and direct:
                    ending.add(id(d))  # "a three-day visit that ends today"
        # "on Tuesday, the first day of a state visit": a date the frame hangs from is its own too
        for f in frames:
            w, steps = f.token, 0
            while steps < 4 and w.head != w:
                w, steps = w.head, steps + 1
                d = next((d for d in dates if d.start <= base + w.idx < d.end), None)
                if d is not None:
                    claims.setdefault(id(f), []).append(((True, True, True, True), d))  # before any in its own clauses
                    break
                if w.pos_ in ("VERB", "AUX"):
                    break
        # "was in Brisbane on Monday for a bilateral with Albanese": an event the clause of another is there
        # for, or told during, with no day of its own, was on that day (a visit's range is not its day)
        for f in frames:
            w = f.token
            if id(f) in claims or f.sense.type == "Visit" or w.dep_ != "pobj" or \
                    w.head.lower_ not in SHARED_DAY_PREPOSITIONS:
                continue
            governing = by_token.get(w.head.head.i)
            if governing is not None and governing is not f and id(governing) in claims:
                day = max(claims[id(governing)], key=lambda c: c[0])[1]
                if day.kind != "range":
                    claims[id(f)] = [((False, True, False, True), day)]
        # ("A letter from X was handed to Y on Monday": two frames of one verb, the letter's and the handing's,
        # share the day the verb has)
        for f in frames:
            if id(f) not in claims and f.sense.type != "Visit":
                mate = next((g for g in frames if g is not f and g.verb == f.verb and id(g) in claims), None)
                if mate is not None:
                    claims[id(f)] = list(claims[id(mate)])
        # ("was signed ... during the Meeting of NATO Ministers in Brussels on Tuesday": the other way round,
        # what is done during an event told with its day is done that day)
        for f in frames:
            if id(f) in claims:
                continue
            during = [g for p in f.verb.children if p.dep_ == "prep" and p.lower_ in SHARED_DAY_PREPOSITIONS
                      for g in p.children if g.dep_ == "pobj"]
            for g in during:
                inner = by_token.get(g.i)
                if inner is not None and inner is not f and id(inner) in claims:
                    day = max(claims[id(inner)], key=lambda c: c[0])[1]
                    if day.kind != "range":
                        claims[id(f)] = [((False, True, False, True), day)]
                        break
        return {key: max(found, key=lambda c: c[0])[1] for key, found in claims.items()}, ending, present_dates

    def _planned(self, frame: Frame) -> bool:
        """Planned when the trigger's clause, or a clause it depends on, looks ahead: 'will meet',
        'is expected to visit', 'agreed to meet', 'will join a dinner hosted by', 'is to visit',
        'the upcoming visit'. A reporting verb ends the climb: 'said he met' is not planned."""
        tok, w, steps = frame.token, frame.verb, 0
        if tok.pos_ == "NOUN" and any(c.lower_ in PLANNED_WORDS for c in tok.children if c.dep_ in ("amod", "compound")):
            return True
        while steps < 6:
            steps += 1
            if any(c.dep_ == "aux" and c.lower_ in LEXICON.planning_aux for c in w.children):
                return True
            if w.lemma_ == "be" and any(c.dep_ == "acomp" and c.lemma_.lower() in LEXICON.planning_heads
                                        for c in w.children) or \
                    frame.sense is LEXICON.presence and w.lemma_.lower() in LEXICON.planning_heads:
                return True  # "is due in Nairobi on Tuesday", "is expected in Nairobi"
            if w != frame.verb and w.lemma_.lower() in LEXICON.planning_heads:
                return not any(c.lower_ in PAST_WORDS for c in w.children)
            if w.lemma_.lower() in LEXICON.reporting_verbs and w != frame.verb:
                return False
            if any(c.dep_ == "aux" and c.lower_ == "to" for c in w.children) and w.head.lemma_ == "be" and \
                    w.dep_ in ("xcomp", "attr", "ccomp") and \
                    not any(c.dep_ == "nsubj" and c.lower_ == "it" for c in w.head.children):
                return True  # "is to visit", "were also to meet" (not "it is an honour to welcome")
            if w.dep_ in ("ccomp", "parataxis", "ROOT") or w.head == w:
                return False
            if w.dep_ == "pobj" and w.head.lower_ in EARLIER_PREPOSITIONS:
                return False  # "agreed to submit the protocol after a trilateral meeting": the meeting was before
            # (during, at, on: "will chair the council during X's visit": the visit is when the clause is)
            w = w.head
        return False

    def _note_actor(self, doc, base: int):
        for m in self._mentions:
            if m.kind == "person" and not m.inside_role:
                tok = next((t for t in doc if base + t.idx == m.start), None)
                if tok is not None and any(t.dep_ in SUBJECTS for t in (tok, *tok.ancestors)):
                    self.last_actor = m.ref


def find_frames(g: Gazetteer, text: str, sentences: list[Span], actors: Actors, ref: RefDate,
                dateline_place: str | None, trailing_place: str | None, parsed: Parsed) -> list[Event]:
    return FrameFinder(g, text, sentences, actors, ref, dateline_place, trailing_place, parsed).run()
