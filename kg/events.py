"""Stage 4: find the interactions (meetings, visits, calls, letters, signings) in the sentences.

Each trigger word opens a candidate event; the actors around it become its parties
(the subject before the first trigger, each trigger's objects after it). Candidates that
only refer back ("the meeting", "these talks") add their sentence as evidence to the event
they refer to, so several sentences about one interaction make one event.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from kg.actors import Actors, Mention, OrgEntity, PersonEntity
from kg.dates import DateMention, RefDate, find_dates
from kg.gazetteer import Gazetteer
from kg.patterns import WordStartHint
from kg.structure import Span

MEETING_FAMILY = {"Meeting", "CourtesyCall", "PhoneCall", "VideoConference"}
IN_PERSON = {"Meeting", "CourtesyCall", "AgreementSigning"}
VISIT_KINDS = {"state": "StateVisit", "official": "OfficialVisit", "working": "WorkingVisit"}
# How specific a type is: a later, more specific mention retypes the event ("the courtesy call").
SPECIFICITY = {"Meeting": 0, "CourtesyCall": 1, "VideoConference": 2, "PhoneCall": 2}

_DET = r"(?:the|this|that|these|those|such|said)"
TRIGGERS: list[tuple[str, re.Pattern]] = [
    ("VideoConference", re.compile(
        r"\bvideo[\s-]?conferenc\w*|\b(?:video\s+)?teleconferenc\w*|\bvideo[\s-]?call\w*|\bvideo[\s-]?link\b|\bvirtual(?:ly)?\s+(?:meeting|summit|talks|conference|call)\b|"
        r"\bonline\s+(?:meeting|talks|conference|call)\b|\bvia\s+video\b|\bby\s+video\b|\bvirtually\b", re.I)),
    ("PhoneCall", re.compile(
        r"\b(?:tele)?phone[\s-](?:call|conversation|talk|discussion)s?\b|\btelephon(?:e|ed|ic)\b(?!\s+number)|"
        r"\bphoned\b|\bby\s+phone\b|\b(?:a|the)\s+call\s+(?=with\b)|\b(?:spoke|speaks|speak|talked)\s+(?:by\s+phone\s+)?(?:with|to)\b(?=\s+(?:(?-i:[A-Z])|the\s+(?-i:[A-Z])|his\s+|her\s+))|\bover\s+the\s+phone\b|\bon\s+the\s+phone\b|\bcall(?:ed)?\s+(?=\w+\s+(?:counterpart))", re.I)),
    ("Correspondence", re.compile(
        r"\b(?:congratulatory|condolence|felicitation|greetings?|sympathy|thank[\s-]you|personal|written)\s+"
        r"(?:letter|message|cable|note|telegram)s?\b|\b(?:letter|message|cable|telegram)s?\s+of\s+(?:congratulation|condolence|sympathy|felicitation|"
        r"greeting|thanks)s?\b|\b(?:sent|send|sends|delivered|delivers|handed\s+over|addressed|wrote)\s+(?:a\s+|an\s+|the\s+|his\s+|her\s+)?"
        r"(?:\w+\s+)?(?:letter|message|cable|telegram)s?\b|\bwrote\s+to\b|\b(?:a|the)\s+(?:\w+\s+)?message\s+from\b|\bletters?\s+(?:from|to)\b|\b" + _DET + r"\s+letters?\b", re.I)),
    ("CourtesyCall", re.compile(r"\bcourtesy\s+(?:call|visit)s?\b|\b(?:farewell|introductory)\s+call\b|"
                                r"\bcall(?:ed|s)?\s+on\b(?=\s+(?:(?:the\s+)?(?-i:[A-Z])|his\s+|her\s+))", re.I)),
    ("Visit", re.compile(
        r"\b(?:(?:state|official|working|formal|friendship|maiden|historic|bilateral|first|two-day|three-day|"
        r"four-day|five-day|one-day|\w+-day)\s+)?visit\b(?!or)|\bvisit(?:ed|ing|s)\s+(?=(?-i:[A-Z]))|\bvisited\b|"
        r"\btrip\s+to\b|\btour\s+of\b|\btravel(?:led|ed|s|ling)?\s+(?:by\s+\w+\s+|on\s+to\s+)(?=to\b)|\blead(?:s|ing)?\s+(?:a|the|an)\s+(?:[\w-]+\s+){0,3}delegation\s+(?=to\b)|\barriv(?:ed|es|e|ing)\s+in\b|\btravel(?:led|ed|s|ling)?\s+to\b", re.I)),
    ("Meeting", re.compile(
        r"\bmet\b|\bmeet(?:s|ing)?\b(?!\s+(?:[\w-]+\s+){0,4}?(?:targets?|goals?|demands?|needs|requirements?|deadlines?|"
        r"expectations?|criteria|standards?|obligations?|challenges?|conditions|costs?|commitments?)\b)|\btalks\b|\bheld\s+(?:a\s+)?(?:\w+\s+){0,2}discussions?\b|"
        r"\bdiscussions?\b|\bdiscussed\s+with\b|\bconsultations?\s+(?=with\b)|\bconferred\s+with\b|\bconversations?\s+(?=with\b)|\bspent\s+(?:[\w-]+\s+){1,4}?(?=with\b)|\b(?:were|was)\s+held\b(?=[^.;]{0,80}\bbetween\b)|\bsat\s+down\s+(?:[\w-]+\s+){0,3}?with\b|\b(?:appointment|bilateral|engagement|meeting)\s+(?:[\w-]+\s+){0,4}?was\s+(?=with\b)|"
        r"\bexchanged?\s+(?:\w+\s+)?views\s+with\b|\bexchange\s+of\s+views\b|\bexchange\s+of\s+perspectives\b|"
        r"\brendezvous\b|\baudience\b|\bb(?:a|i)de?\s+farewell\s+to\b|\bbilateral\s+meeting\b|\btête-à-tête\b|\bmeetings\s+(?=with\b)|"
        r"\b(?:was|were|been|being)\s+(?:\w+ly\s+|later\s+|also\s+|then\s+)?(?:received|hosted|welcomed|met)\s+(?:in\s+audience\s+)?(?=by\b)|"
        r"\bpresent(?:ed|s|ing)?\s+(?:a\s+copy\s+of\s+)?(?:his|her|their)?\s*(?:letters?\s+of\s+credence|credentials)\b|"
        r"\bhand(?:ed|s)\s+(?:over\s+)?(?:a\s+copy\s+of\s+)?(?:his|her)\s+(?:letters?\s+of\s+credence|credentials)\b|"
        r"\b(?:the\s+two|the\s+pair|both\s+men|both\s+women|the\s+two\s+men)\s+(?=met\b)|"
        r"\bco-?chair(?:ed|s|ing)?\s+by\b|\b(?:received|receives|receiving|hosted|hosts|host|welcomed|welcomes)\b(?=\s+(?:(?:the\s+)?visiting\s+)?(?:(?-i:[A-Z])|the\s+(?-i:[A-Z])|his\s+|her\s+|(?:a|the)\s+(?:[\w-]+\s+){0,3}delegation))", re.I)),
]
# Every trigger starts a word: one look-behind ahead of the alternatives spares trying each of
# them inside words (the same matches, several times faster).
TRIGGERS = [(kind, re.compile(r"(?<!\w)(?=\w)(?:" + pattern.pattern + ")", pattern.flags))
            for kind, pattern in TRIGGERS]
# Each kind's pattern matches only where the sentence, lower-cased, holds one of its stems:
# most sentences skip most patterns.
TRIGGER_STEMS = {
    "VideoConference": ("video", "teleconferenc", "virtual", "online"),
    "PhoneCall": ("phon", "call", "spoke", "speak", "talked"),
    "Correspondence": ("letter", "message", "cable", "note", "telegram", "wrote"),
    "CourtesyCall": ("courtesy", "call"),
    "Visit": ("visit", "trip", "tour", "travel", "lead", "arriv"),
    "Meeting": ("met", "meet", "talks", "discuss", "consultation", "conferred", "conversation", "spent", "held",
                "sat", "appointment", "bilateral", "engagement", "exchange", "rendezvous", "audience", "farewell",
                "tête", "receiv", "host", "welcom", "credential", "credence", "chair"),
}
# A cheap first look: every trigger above contains one of these word stems.
TRIGGER_HINT = WordStartHint([
    "video", "conferenc", "teleconferenc", "tele", "virtual", "online", "phone", "call", "spoke", "speak", "talk",
    "letter", "message", "cable", "telegram", "wrote", "courtesy", "visit", "trip", "tour", "arriv", "travel",
    "deleg", r"met\b", "meet", "discuss", "consult", "confer", r"sat\s", "exchange", "rendezvous", "audience",
    "receiv", "host", "welcom", "chair", "present", "hand", "spent", "held", "appointment", "bilateral",
    "engagement", "sign", "ink", "conclud", "initial", "farewell", "introductory", "lead"], not_after=r"\w")
SIGNING_RE = re.compile(
    r"\b(?P<verb>signed|sign|signs|signing|inked|ink|concluded|initialled)\b(?:\s+of)?\s+"
    r"(?P<obj>(?:(?:a|an|the|two|three|four|five|six|seven|eight|nine|ten|several|\d+|a\s+number\s+of|a\s+series\s+of)\s+)"
    r"(?:[\w'-]+\s+){0,8}?(?P<kind>agreements?|memorand(?:um|a)|mous?|treat(?:y|ies)|accords?|protocols?|conventions?|"
    r"deals?|declarations?|contracts?|letters?\s+of\s+intent|joint\s+statements?|pacts?|charters?|"
    r"frameworks?|plans?|action\s+plans?|roadmaps?|road\s+maps?|programmes?|programs?|documents?|instruments?)\b[^,.;]*)", re.I)
SIGNING_VERB_STEMS = ("sign", "ink", "concluded", "initialled")  # every verb of SIGNING_RE holds one
# "The documents were signed by X and Y": the signers follow the verb.
PASSIVE_SIGNING_RE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:jointly\s+)?(?:signed|inked)\s+by\b", re.I)
PLANNED_RE = re.compile(
    r"\b(?:will|shall|'ll|is\s+to|are\s+to|is\s+due\s+to|are\s+due\s+to|(?:is|are|was|were)\s+(?:scheduled|set|expected|"
    r"slated|poised|going|planning|due)\s+to|to\s+be\s+held|plans?\s+to|planned|intends?\s+to|upcoming|"
    r"forthcoming|would\s+(?:meet|visit|travel|hold|sign|pay)|next\s+(?:week|month|year)|later\s+this\s+(?:week|month|year)|"
    r"is\s+expected|are\s+expected|invited\s+\w+\s+to\s+visit|invitation\s+to\s+visit|agreed\s+to|"
    r"decided\s+to|looking\s+forward\s+to)\b", re.I)
# Future time after the trigger: "agreed to meet ... next month".
FUTURE_TIME_RE = re.compile(r"\b(?:next\s+(?:week|month|year)|later\s+this\s+(?:week|month|year)|tomorrow|"
                            r"in\s+the\s+coming\s+(?:days|weeks|months))\b", re.I)
GROUP_RE = re.compile(r"\b(?:the\s+two|both|the\s+three|all\s+three|the)\s+(?:leaders|sides|ministers|foreign\s+ministers|"
                      r"presidents|prime\s+ministers|delegations|officials|counterparts|heads\s+of\s+state)\b", re.I)
# A trigger that is a verb ("he met", "she received") acts; only nouns can refer back ("the meeting").
VERB_TRIGGER_RE = re.compile(r"(?:met|meets|received|receives|hosted|hosts|welcomed|welcomes|spoke|speaks|phoned|"
                             r"telephoned|visited|signed|signs|inked|wrote|called|calls|paid|pays|held|holds|sat|"
                             r"conferred|exchanged|travel\w*|arriv\w+|bade|bid|co-?chair\w*|presented|handed|spent)\b",
                             re.I)
ANAPHORA_RE = re.compile(rf"\b{_DET}\s+(?:\w+[\s-]+){{0,2}}$", re.I)
MULTILATERAL_RE = re.compile(r"\b(?:trilateral|multilateral|quadrilateral|three-way|four-way|joint\s+meeting|"
                             r"together|jointly|a\s+meeting\s+of)\b", re.I)
# Phrases that put an event on the same day (and in the same place) as the one just told.
OCCASION_RE = re.compile(r"\b(?:on\s+(?:this|that|the)\s+occasion|on\s+the\s+same\s+day|the\s+same\s+day|"
                         r"during\s+the\s+(?:visit|meeting|talks)|on\s+the\s+sidelines\s+of\s+the\s+(?:meeting|visit|talks)|"
                         r"(?:following|after|at\s+the\s+end\s+of|before|ahead\s+of)\s+the\s+(?:talks|meeting|session|audience|call)|"
                         r"then|later\s+(?:that|the\s+same)\s+day|afterwards|earlier\s+in\s+the\s+day)\b", re.I)
VENUE_RE = re.compile(r"\bat\s+(?:the\s+)?(?P<venue>(?:[A-Z][\w'’.-]*\s+){0,5}(?:Palace|House|Hall|Building|Headquarters|"
                      r"headquarters|Office|Ministry|Centre|Center|Hotel|Residence|Embassy|Secretariat|Parliament|"
                      r"Chancellery|Kremlin|Complex|Villa|Hall)(?:\s+(?:of|in)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4})?)")
TOPIC_WINDOW = 4  # sentences after an event's last mention that still speak about it
_UNSEEN = object()


@dataclass
class Event:
    kind: str
    sentences: list[int]
    parties: list[object]                     # PersonEntity, OrgEntity or alpha-3 country
    status: str = "occurred"
    start: dt.date | None = None
    end: dt.date | None = None
    city: str | None = None
    city_country: str | None = None
    venue: str | None = None
    visitors: list[object] = field(default_factory=list)
    host: str | None = None                   # alpha-3 of the host country (visits)
    agreement_name: str | None = None
    agreement_kind: str | None = None
    part_of_visit: "Event | None" = None
    topics: set = field(default_factory=set)
    trigger_sentence: int = 0

    @property
    def family(self) -> str:
        if self.kind in MEETING_FAMILY:
            return "Meeting"
        if self.kind.endswith("Visit"):
            return "Visit"
        return self.kind


@dataclass
class Trigger:
    kind: str
    start: int
    end: int
    definite: bool
    prepositional: bool = False


class _Spans:
    """Spans of a text that do not overlap one another, sorted: does a span overlap one of them?
    (Asked for each match of each trigger pattern: looked through, they cost a long sentence's
    triggers squared.)"""

    def __init__(self):
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add(self, start: int, end: int) -> None:
        at = bisect.bisect_left(self.starts, start)
        self.starts.insert(at, start)
        self.ends.insert(at, end)

    def overlaps(self, start: int, end: int) -> bool:
        # the span that begins last before END is the only one that may reach past START (those
        # before it end before it begins)
        at = bisect.bisect_left(self.starts, end) - 1
        return at >= 0 and self.ends[at] > start


def party_key(party) -> str:
    if isinstance(party, PersonEntity):
        return "p:" + party.key
    if isinstance(party, OrgEntity):
        return "o:" + str(party.org.iri)
    return "c:" + str(party)


def _days_fit(a: Event, b: Event) -> bool:
    """The days two accounts give do not conflict: one gives none, or their spans meet."""
    if not a.start or not b.start:
        return True
    return a.start <= (b.end or b.start) and b.start <= (a.end or a.start)


def party_country(party) -> str | None:
    if isinstance(party, PersonEntity):
        return party.country
    if isinstance(party, OrgEntity):
        return party.org.country
    return party


# Patterns the finder tries on every trigger or mention, compiled once (re.search(pattern, ...)
# looks its pattern up in re's cache on every call, which costs more than the search of a phrase).
_PLURAL_VISITS_RE = re.compile(r"visits\s*$", re.I)
# ("extended the invitation to the premier when he paid a courtesy call on her": a clause of its own
# after the invitation is no invited visit)
_INVITED_OR_RECALLED_BEFORE_RE = re.compile(
    r"\binvit(?:ed|es|ing|ation)\b(?:(?!\b(?:when|while|after|as|during)\b)[^.;])*$|"
    r"\brecall(?:ed|s|ing)\s+(?:his|her|their|the)\s+(?:\w+\s+)?$", re.I)
_OUTCOME_OF_BEFORE_RE = re.compile(
    r"\b(?:made|reached|agreed|signed|adopted|announced|taken)\s+(?:during|at)\s+(?:the|his|her)\s+$", re.I)
_EARLIER_BEFORE_RE = re.compile(r"\b(?:last|previously|first|earlier|once)\s+(?:\w+\s+)?$", re.I)
_IN_A_PAST_YEAR_RE = re.compile(r"\bin\s+(?:(?:January|February|March|April|May|June|July|August|September|October|"
                                r"November|December)\s+)?(?:19|20)\d\d\b")
_YEAR_BEFORE_RE = re.compile(r"\b(?:19|20)\d\d\s+(?:[\w-]+\s+)?$")
_YEAR_BEFORE_GROUP_RE = re.compile(r"((?:19|20)\d\d)\s+(?:[\w-]+\s+)?$")
_YEARS_RE = re.compile(r"\b(?:in|since|of|back in)\s+(?:(?:January|February|March|April|May|June|July|"
                       r"August|September|October|November|December)\s+)?((?:19|20)\d\d)\b")
_PREPOSITIONAL_BEFORE_RE = re.compile(
    r"\b(?:of|after|during|following|before|at|since|in|on|from|amid|ahead\s+of)\s+"
    r"(?:the|this|that|these|those|their|his|her|its)\s+(?:[\w-]+\s+){0,2}$", re.I)
_HYPHEN_CAPITAL_RE = re.compile(r"-[A-Z]")
_POSSESSIVE_AFTER_RE = re.compile(r"'s\b")
_PLACE_PREPOSITION_BEFORE_RE = re.compile(r"\b(?:to|at|in|from|of|inside|outside)\s+(?:the\s+)?$")
_SOURCE_VERB_AFTER_RE = re.compile(
    r"\)?\s+(?:\([A-Z]{2,9}\)\s+)?(?:said|says|announced|stated|reported|noted|added|confirmed)\b")
_MODIFIED_NOUN_AFTER_RE = re.compile(
    r"\s+(?:relations|ties|cooperation|partnership|centrality|unity|members?|member\s+states|"
    r"countries|region|summit|chairmanship|chair|framework|mechanisms?|community|charter|"
    r"secretariat|way|officials?|leaders?|government|citizens|people|territory|market|meeting|meetings|"
    r"summit|session|conference|ministerial|forum|headquarters|council|talks|framework|"
    r"economy|side|delegation|embassy|investors|businesses|enterprises|students|community)\b")
_RECURRING_RE = re.compile(r"\b(?:again|next\s+(?:meeting|session|round)|regular(?:ly)?|periodic(?:ally)?)\b", re.I)
_CAPITAL_RE = re.compile(r"[A-Z]")
_CAPITALISED_WORD_BEFORE_RE = re.compile(r"[A-Z][\w'-]*\s+$")
_SEPARATE_RE = re.compile(r"\bseparate(?:ly)?\b", re.I)
_IN_OR_AT_END_RE = re.compile(r"\b(?:in|at)\s+$")
_SIGNED_RE = re.compile(r"\bsign(?:s|ed|ing)?\b", re.I)
_LEADS_TO_PLACE_RE = re.compile(r"\b(?:in|at)(?:\s+(?:the|capital|city|port|town|of|[A-Z][\w-]*(?:['’]s)?)){0,3}\s+$")
_PRONOUN_RE = re.compile(r"\b(?:he|she)\b|\b(?:his|her)\b", re.I)
_ONE_DAY_RE = re.compile(r"\bone-day\b|\bday\s+trip\b", re.I)
_PLACE_PREPOSITION_RE = re.compile(r"\b(?:to|in|at)\s+")
_SEPARATE_OR_BILATERAL_RE = re.compile(r"\b(?:separate(?:ly)?|bilateral|one-on-one|tête-à-tête|sidelines|margins)\b",
                                       re.I)


class EventFinder:
    def __init__(self, g: Gazetteer, text: str, sentences: list[Span], actors: Actors, ref: RefDate,
                 dateline_place: str | None, trailing_place: str | None):
        self.g = g
        self.text = actors.text
        self.sentences = sentences
        self.actors = actors
        self.ref = ref
        self.dateline_place = dateline_place or trailing_place
        self.events: list[Event] = []
        # The events as they are asked for again and again, sentence after sentence (looked
        # through at each question, the list would cost the article's length squared):
        self._position: dict[int, int] = {}            # id(event) -> its place in self.events
        self._keys: dict[int, set[str]] = {}           # id(event) -> the keys of its parties (and visitors)
        self._with_party: dict[tuple, list[Event]] = {}  # _slot(event, party key) -> the events, in order
        self._latest: dict[tuple, Event] = {}          # (family,) and (family, status) -> the latest event
        self._in_person: list[Event] = []              # events of an IN_PERSON kind, in order
        # What a sentence holds does not change from one of its triggers to the next: found once.
        self._in_sentence: dict[tuple, object] = {}

    def run(self) -> list[Event]:
        for index, sentence in enumerate(self.sentences):
            for candidate in self._candidates(index, sentence):
                self._add(candidate)
        self._signers_named_next()
        self._infer_visit_hosts()
        self._link_visits()
        self._infer_countries()
        self._infer_visit_hosts()  # (again: a counterpart's country may only now be known)
        self._one_visit_each()
        self._countries_by_their_people()
        self._default_places()
        self._assign_topics()
        for e in self.events:
            if e.start and e.end and e.end <= e.start:
                # two accounts merged whose days do not make a span ("will be in Sydney till Wednesday"
                # read as last Wednesday): the first day stands, the last is not known
                e.end = None
        return [e for e in self.events if self._complete(e)]

    # -- triggers and candidates
    def _triggers(self, sentence: Span) -> list[Trigger]:
        found: list[Trigger] = []
        if not TRIGGER_HINT.search(self.text, sentence.start, sentence.end):
            return found  # no trigger word at all: most sentences of an article
        taken = _Spans()
        sentence_text = self.text[sentence.start:sentence.end]
        lowered = sentence_text.lower()
        for kind, pattern in TRIGGERS:
            if not any(map(lowered.__contains__, TRIGGER_STEMS[kind])):  # (any stem in lowered)
                continue
            for m in pattern.finditer(self.text, sentence.start, sentence.end):
                if taken.overlaps(m.start(), m.end()):
                    continue
                if kind == "CourtesyCall" and m.group(0).lower().startswith("call"):
                    after = self.g.country_re.match(self.text, m.end() + 1) or re.match(
                        r"\s+(?:all|the\s+international|the\s+government|the\s+world|both|parties)\b",
                        self.text[m.end():m.end() + 30], re.I)
                    if after:
                        continue  # "called on Russia to withdraw": an appeal, not a call on someone
                if kind == "Visit" and _PLURAL_VISITS_RE.match(m.group(0).split()[-1]) is None and \
                        self.text[m.end():m.end() + 1] == "s":
                    continue  # "high-level visits": plural, visits in general
                definite = not VERB_TRIGGER_RE.match(m.group(0)) and \
                    bool(ANAPHORA_RE.search(self.text[max(sentence.start, m.start() - 40):m.start()]))
                found.append(Trigger(kind, m.start(), m.end(), definite))
                taken.add(m.start(), m.end())
        # "video teleconference meeting", "phone call meeting": the modality names the kind.
        found.sort(key=lambda t: t.start)
        merged: list[Trigger] = []
        for t in found:
            if merged and t.kind == "Meeting" and merged[-1].kind in MEETING_FAMILY and \
                    re.fullmatch(r"[\s-]*", self.text[merged[-1].end:t.start]):
                merged[-1].end = t.end
                continue
            merged.append(t)
        found = merged
        taken = _Spans()
        for t in found:
            taken.add(t.start, t.end)
        # Both signing patterns ignore case, which on ASCII text is lower-casing: their verbs are
        # looked for first.
        ascii_text = sentence_text.isascii()
        may_sign = not ascii_text or any(map(lowered.__contains__, SIGNING_VERB_STEMS))
        for m in SIGNING_RE.finditer(self.text, sentence.start, sentence.end) if may_sign else ():
            if not taken.overlaps(m.start(), m.end("verb")):
                found.append(Trigger("AgreementSigning", m.start(), m.end("verb"), False))
                taken.add(m.start(), m.end("verb"))
        may_be_signed = not ascii_text or "signed" in lowered or "inked" in lowered
        for m in PASSIVE_SIGNING_RE.finditer(self.text, sentence.start, sentence.end) if may_be_signed else ():
            if not taken.overlaps(m.start(), m.end()):
                found.append(Trigger("AgreementSigning", m.start(), m.end(), False))
                taken.add(m.start(), m.end())
        return sorted(found, key=lambda t: t.start)

    def _background(self, sentence: Span, t: Trigger) -> bool:
        """'When Modi visited Dhaka in 2021', 'last met in 2023', 'invited him to visit': not this story's events."""
        head = self.text[max(sentence.start, t.start - 60):t.start]
        if _INVITED_OR_RECALLED_BEFORE_RE.search(head):
            return True
        if _OUTCOME_OF_BEFORE_RE.search(head):
            return True
        if _EARLIER_BEFORE_RE.search(head) and t.kind != "Visit":
            tail = self.text[t.end:min(sentence.end, t.end + 60)]
            if _IN_A_PAST_YEAR_RE.search(tail):
                return True
        if _YEAR_BEFORE_RE.search(head) and \
                int(_YEAR_BEFORE_GROUP_RE.search(head).group(1)) < (self.ref.year or 0):
            return True  # "his 1992 state visit"
        window = self.text[max(sentence.start, t.start - 80):min(sentence.end, t.end + 80)]
        years = [int(y) for y in _YEARS_RE.findall(window)]
        if years and self.ref.year and all(y < self.ref.year for y in years) and \
                not any(d for d in find_dates(window) if d.day and d.year is None or d.kind == "relative"):
            return True
        return False

    def _candidates(self, index: int, sentence: Span) -> list[Event]:
        triggers = [t for t in self._triggers(sentence) if not self._background(sentence, t)]
        if not triggers:
            return []
        mentions = [m for m in self.actors.in_sentence(index)
                    if not m.inside_role and not self._commentator(m) and not self._modifier(m)]
        dates = find_dates(self.text[sentence.start:sentence.end])
        dates = [DateMention(d.start + sentence.start, d.end + sentence.start, d.kind, d.year, d.month, d.day,
                             d.end_month, d.end_day, d.relative) for d in dates]
        date_owner = self._assign_dates(dates, triggers)
        # "At the end of the talks, A and B signed ...": a trigger inside a prepositional phrase
        # refers back; it takes no objects and does not end the subject.
        for t in triggers:
            t.prepositional = not VERB_TRIGGER_RE.match(self.text, t.start) and bool(_PREPOSITIONAL_BEFORE_RE.search(
                self.text[max(sentence.start, t.start - 40):t.start]))
        leading = [t for t in triggers if not t.prepositional] or triggers
        first = leading[0].start
        subject = [m for m in mentions if m.end <= first]
        out: list[Event] = []
        non_visit = [t.start for t in triggers if t.kind != "Visit" and not t.prepositional]  # (in order)
        mention_starts = [m.start for m in mentions]  # (in order)
        for t in triggers:
            if t.kind == "Visit":
                event = self._visit(index, sentence, t, mentions)
            else:
                later = bisect.bisect_right(non_visit, t.start)
                nxt = non_visit[later] if later < len(non_visit) else sentence.end
                objects = [] if t.prepositional else \
                    mentions[bisect.bisect_left(mention_starts, t.end):bisect.bisect_left(mention_starts, nxt)]
                if t.kind == "AgreementSigning":
                    event = self._signing(index, sentence, t, subject, objects)
                    if event is None:
                        continue
                    out.append(event)
                    self._finish(event, sentence, t, date_owner, dates)
                    continue
                if t.kind == "Correspondence":
                    sender = re.match(r"\s*from\s", self.text[t.end - 5:t.end + 6]) or \
                        re.search(r"\bfrom\s*$", self.text[t.start:t.end])
                    if sender and objects and objects[0].kind == "person" and \
                            re.fullmatch(r"[\s\w]*from\s+(?:(?!\bto\b)[^.;]){0,60}", self.text[t.start:objects[0].start]):
                        # "X delivered to Y a message from Z": Z wrote to Y; X only carried it.
                        carried = [m for m in mentions if m.end <= t.start and m.start >= sentence.start]
                        recipients = [m for m in carried if m.kind == "person" and
                                      re.search(r"\bto\s+(?:the\s+)?[^,.;]{0,40}$", self.text[sentence.start:m.start])]
                        subject, objects = recipients, objects[:1]
                out.extend(self._meetings(index, sentence, t, subject, objects, date_owner, dates))
                continue
            if event is not None:
                self._finish(event, sentence, t, date_owner, dates)
                out.append(event)
        return out

    def _modifier(self, mention: Mention) -> bool:
        """'ASEAN-U.S. relations', 'the CPP's victory', 'ASEAN centrality': a name used as a modifier."""
        if mention.kind == "person":
            return False
        after = self.text[mention.end:mention.end + 40]
        before = self.text[max(0, mention.start - 1):mention.start]
        if before == "-" or _HYPHEN_CAPITAL_RE.match(after) or _POSSESSIVE_AFTER_RE.match(after):
            return True
        if mention.kind == "org" and _PLACE_PREPOSITION_BEFORE_RE.search(self.text[max(0, mention.start - 12):mention.start]):
            return True  # "moved to the Ministry", "the sidelines of the OIC meeting": a place
        if _SOURCE_VERB_AFTER_RE.match(after):
            return True  # "the Department of Foreign Affairs (DFA) said": the source, not a party
        return bool(_MODIFIED_NOUN_AFTER_RE.match(after))

    def _commentator(self, mention: Mention) -> bool:
        return isinstance(mention.ref, PersonEntity) and mention.ref.is_commentator

    @staticmethod
    def _parties(mentions: list[Mention], countries_too: bool = False) -> list[object]:
        parties, seen = [], set()
        agents = [m for m in mentions if m.kind in ("person", "org")]
        use = agents if agents or not countries_too else [m for m in mentions if m.kind == "country"]
        for m in use:
            party = m.ref
            key = party_key(party)
            if key not in seen:
                seen.add(key)
                parties.append(party)
        return parties

    def _meetings(self, index, sentence, t: Trigger, subject, objects, date_owner, dates) -> list[Event]:
        subj = self._parties(subject)
        if not any(isinstance(p, PersonEntity) for p in subj):
            pronoun = self._pronoun_subject(index, sentence, t.start)
            if pronoun is not None:
                subj = [pronoun] + subj
        objs = [p for p in self._parties(objects) if party_key(p) not in {party_key(s) for s in subj}]
        # Forums and blocs (G20, ASEAN) named beside a person are the setting, not a party.
        subj = [p for p in subj if not (isinstance(p, OrgEntity) and p.org.kind == "IntergovernmentalOrganisation")]
        objs = [p for p in objs if not (isinstance(p, OrgEntity) and p.org.kind == "IntergovernmentalOrganisation")]
        if sum(isinstance(p, PersonEntity) for p in subj + objs) >= 2:
            # People acted; organisations named beside them are where or what, not who.
            subj = [p for p in subj if isinstance(p, PersonEntity)]
            objs = [p for p in objs if isinstance(p, PersonEntity)]
        vague = self._holds(_RECURRING_RE, sentence)
        named_event = vague or _CAPITAL_RE.match(self.text[t.start]) and _CAPITALISED_WORD_BEFORE_RE.search(
            self.text[max(sentence.start, t.start - 30):t.start])
        if len(subj) + len(objs) < 2 and self._holds(GROUP_RE, sentence) and not named_event:
            previous = self._latest.get(("Meeting",))
            if previous is not None:
                subj = list(previous.parties)
        events = []
        if len(subj) == 1 and len(objs) >= 2 and not self._holds(MULTILATERAL_RE, sentence):
            groups = [subj + [o] for o in objs]  # "X will meet A, B and C": one meeting with each
        elif len(subj) >= 2 and len(objs) == 1 and self._holds(_SEPARATE_RE, sentence):
            groups = [[s, objs[0]] for s in subj]  # "A and B sent separate messages to C"
        else:
            groups = [subj + objs]
        separate = self._holds(_SEPARATE_OR_BILATERAL_RE, sentence)
        for parties in groups:
            event = Event(t.kind, [index], parties, trigger_sentence=index)
            event._separate = separate  # type: ignore[attr-defined]
            self._finish(event, sentence, t, date_owner, dates)
            events.append(event)
        return events

    def _visit(self, index: int, sentence: Span, t: Trigger, mentions: list[Mention]) -> Event | None:
        phrase = self.text[t.start:t.end].lower()
        kind = next((VISIT_KINDS[w] for w in VISIT_KINDS if phrase.startswith(w)), "Visit")
        host, city = self._host(sentence, t)
        agents = [m for m in mentions if m.kind in ("person", "org")]
        if phrase.startswith("visiting"):
            # "talks with visiting President X": X is the visitor; the host is where the story is told.
            after = [m for m in agents if m.start >= t.end]
            line_country = self.g.cities.get(self.dateline_place) if self.dateline_place else None
            if not after or not line_country or party_country(after[0].ref) == line_country:
                return None
            event = Event(kind, [index], [after[0].ref], visitors=[after[0].ref], host=line_country,
                          trigger_sentence=index)
            return event
        # The visitor: the nearest actor before the trigger who is not from the host country,
        # else the one right after a possessive ("during his visit, X ...").
        before = [m for m in agents if m.end <= t.start and (host is None or party_country(m.ref) != host)]
        visitor = before[-1].ref if before else None
        if visitor is None:
            after = [m for m in agents if m.start >= t.end and (host is None or party_country(m.ref) != host)]
            if after and re.search(r"\b(?:his|her|their)\s+(?:[\w-]+\s+){0,3}$",
                                   self.text[max(sentence.start, t.start - 30):t.start + 1]):
                visitor = after[0].ref
        if visitor is None:
            visitor = self._pronoun_subject(index, sentence, t.start)
        if visitor is None or host is None:
            event = Event(kind, [index], [], trigger_sentence=index)
            return event if t.definite else None
        if city is None:
            # "was in Santiago on Tuesday for a one-day working visit": the host's city named nearby
            for m in self.g.city_re.finditer(self.text, sentence.start, sentence.end):
                if self.g.cities[m.group(0)] == host and re.search(r"\b(?:in|to)\s+$", self.text[m.start() - 4:m.start()]):
                    city = m.group(0)
                    break
        event = Event(kind, [index], [visitor], visitors=[visitor], host=host, city=city,
                      city_country=host if city else None, trigger_sentence=index)
        return event

    def _host(self, sentence: Span, t: Trigger) -> tuple[str | None, str | None]:
        """(host alpha-3, city): 'visit to X' / 'in CITY' right after the trigger, else the
        nearest 'to|in PLACE' in the sentence."""
        lead = re.compile(r"\s*(?:(?:to|in|of)\s+)?")
        m = lead.match(self.text, t.end)
        found = self._place_at(m.end()) if m else (None, None)
        if found[0]:
            return found
        best, distance = (None, None), 10 ** 9
        for pos, code, city in self._places_after_prepositions(sentence):
            gap = abs(pos - t.end) if pos >= t.end else t.start - pos
            if code and gap < distance:
                best, distance = (code, city), gap
        return best

    def _place_at(self, pos: int) -> tuple[str | None, str | None]:
        """The country (by name, not adjective) or known city that starts at this offset."""
        m = self.g.country_re.match(self.text, pos)
        if m and m.group(0) in self.g.country_names:
            return self.g.country_names[m.group(0)], None
        m = self.g.city_re.match(self.text, pos)
        if m:
            return self.g.cities[m.group(0)], m.group(0)
        return None, None

    def _place_code(self, place: str) -> tuple[str | None, str | None]:
        words = place.split()
        for size in range(len(words), 0, -1):
            candidate = " ".join(words[:size]).rstrip(".,")
            code = self.g.country_named(candidate)  # a name, not an adjective: "Djiboutian" is no place
            if code:
                return code, None
            if candidate in self.g.cities:
                return self.g.cities[candidate], candidate
        return None, None

    def _pronoun_subject(self, index: int, sentence: Span, before: int) -> PersonEntity | None:
        """'She then moved to ...': the person the previous sentences were about."""
        if not self._holds_before(_PRONOUN_RE, sentence, before):
            return None
        for previous in range(index - 1, max(-1, index - 4), -1):
            people = [m.ref for m in self.actors.in_sentence(previous)
                      if m.kind == "person" and not m.inside_role and not self._commentator(m)]
            if people:
                return people[0]
        return None

    def _signing(self, index, sentence, t: Trigger, subject, objects) -> Event | None:
        # (within the sentence, as the trigger was found: the name runs to the next comma or full
        # stop, and a text without any would make it run to the article's end for each signing)
        m = SIGNING_RE.match(self.text, t.start, sentence.end)
        passive = m is None
        if passive and not PASSIVE_SIGNING_RE.match(self.text, t.start):
            return None
        witnessed = re.search(r"\bwitness(?:ed|es|ing)?\b[^.;]*$", self.text[sentence.start:t.start], re.I)
        if witnessed:
            # "the two presidents witnessed the signing": the signers are named elsewhere, if at all
            subject = []
        parties = self._parties(objects if passive else subject + objects)
        people = [p for p in parties if isinstance(p, PersonEntity)]
        if len(people) >= 2:
            parties = people  # the signers; the bodies they sign for are in their roles
        if len(parties) < 2 and self._holds(GROUP_RE, sentence) and not witnessed:
            previous = self._latest.get(("Meeting", "occurred"))
            if previous is not None:
                parties = [p for p in previous.parties]
        if len(parties) < 2:
            parties = self._parties(objects if passive else subject + objects, countries_too=True)
        name, kind = None, "Agreement"
        if m is not None:
            obj = m.group("obj").strip()
            name = re.split(r"\s+(?:to|in\s+order\s+to|which|that|so\s+as|aimed|aiming|with\s+a\s+view)\b", obj)[0]
            name = re.sub(r"^(?:a|an|the)\s+", "", name).strip(" ,")[:200]
            kind_word = m.group("kind").lower()
            kind = "MemorandumOfUnderstanding" if kind_word.startswith(("memorand", "mou")) else \
                "Treaty" if kind_word.startswith("treat") else "Agreement"
        event = Event("AgreementSigning", [index], parties, agreement_name=name, agreement_kind=kind,
                      trigger_sentence=index)
        event._occasion = self._holds_before(OCCASION_RE, sentence, t.start)  # type: ignore[attr-defined]
        return event

    def _assign_dates(self, dates: list[DateMention], triggers: list[Trigger]) -> dict[int, DateMention]:
        """Each date belongs to the nearest trigger; a range prefers a visit."""
        owner: dict[int, DateMention] = {}
        for d in dates:
            pool = triggers
            visits = [t for t in triggers if t.kind == "Visit"]
            if d.kind == "range" and visits:
                pool = visits
            elif visits and any(t.kind != "Visit" and t.end <= d.start for t in triggers) and \
                    not any(0 <= d.start - t.end <= 15 for t in visits):
                pool = [t for t in triggers if t.kind != "Visit"]  # one day in a sentence about a visit: the meeting's
            best = min(pool, key=lambda t: min(abs(d.start - t.end), abs(t.start - d.end)))
            key = id(best)
            better = key not in owner or (owner[key].kind == "relative" and d.kind != "relative") or \
                (best.kind == "Visit" and d.kind == "range" and owner[key].kind != "range")
            if better:
                owner[key] = d
        return owner

    def _finish(self, event: Event, sentence: Span, t: Trigger, date_owner, dates, planned: bool | None = None,
                future: bool = False):
        """Date, status, place and venue of a candidate. PLANNED and FUTURE, when given, come from
        the grammar of the trigger's clause (kg/frames.py) instead of the words around it."""
        d = date_owner.get(id(t))
        head = self.text[sentence.start:t.start]
        if planned is None:
            planned = bool(PLANNED_RE.search(self.text[max(sentence.start, t.start - 120):t.start])) or \
                bool(PLANNED_RE.match(self.text, t.start)) or \
                bool(FUTURE_TIME_RE.search(self.text[t.end:min(sentence.end, t.end + 120)]))
        if d is not None:
            start, end = d.resolve(self.ref, future=planned or future)
            event.start, event.end = start, end
            if start and self.ref.date:
                if start > self.ref.date:
                    planned = True
                elif start < self.ref.date and d.kind != "relative":
                    planned = False
        if event.family == "Visit" and event.start and not event.end and re.search(
                r"\b(?:concluded|concludes|concluding|wrapped\s+up|wraps\s+up|wrapping\s+up|ended|ends|completed|"
                r"completes|winding\s+up|wound\s+up|rounded\s+off)\b[^.;]{0,40}$", head, re.I):
            # "wrapped up a three-day visit on Tuesday": the date is the last day.
            event.end, event.start = event.start, None
            length = re.search(r"\b(two|three|four|five|six|seven|\d)[\s-]day\b", self.text[t.start - 30:t.end].lower())
            if length:
                days = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}.get(length.group(1)) \
                    or int(length.group(1))
                event.start = event.end - dt.timedelta(days=days - 1)
        if event.family == "Visit" and not event.end:
            # "today, the second day of a three-day visit": the visit began the day before.
            near = self.text[max(sentence.start, t.start - 60):t.end].lower()
            if event.start is None and re.search(r"\bday\s+of\b", near):
                single = [x for x in dates if x.kind != "range"]
                if single:
                    event.start = single[0].resolve(self.ref)[0]
            ordinal = re.search(r"\b(first|second|third|fourth|fifth|sixth)\s+day\s+of\b", near)
            length = re.search(r"\b(one|two|three|four|five|six|seven|\d)[\s-]day\b", near)
            numbers = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "one": 1, "two": 2,
                       "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
            if ordinal and event.start:
                event.start -= dt.timedelta(days=numbers[ordinal.group(1)] - 1)
            if length and event.start:
                days = numbers.get(length.group(1)) or int(length.group(1))
                event.end = event.start + dt.timedelta(days=days - 1) if days > 1 else None
        event.status = "planned" if planned else "occurred"
        city = self._city_near(sentence, t) if event.family != "Visit" else None
        if city and not event.city:
            event.city, event.city_country = city, self.g.cities[city]
        venue = self._venue_from(t.start, sentence) if event.family != "Visit" else None
        if venue:
            event.venue = venue.group("venue").strip()
        event._occasion = getattr(event, "_occasion", False) or \
            self._holds_before(OCCASION_RE, sentence, t.start)  # type: ignore[attr-defined]

    def _city_near(self, sentence: Span, t: Trigger) -> str | None:
        best, distance = None, 10 ** 9
        for start, end, city in self._cities_in_at(sentence):
            gap = abs(start - t.end) if start >= t.end else abs(t.start - end)
            if gap < distance:
                best, distance = city, gap
        return best

    # -- what a sentence holds, found once for all its triggers
    def _holds(self, pattern: re.Pattern, sentence: Span) -> bool:
        key = (pattern, sentence.start)
        found = self._in_sentence.get(key)
        if found is None:
            found = self._in_sentence[key] = pattern.search(self.text[sentence.start:sentence.end]) is not None
        return found

    def _holds_before(self, pattern: re.Pattern, sentence: Span, pos: int) -> bool:
        """pattern.search(self.text[sentence.start:pos]) is not None, for POS where a trigger starts
        (no word character before it), and for a pattern of words between word boundaries of which
        at most one matches at a position and none within another (OCCASION_RE, _PRONOUN_RE).

        Then the match that starts first in the sentence is also the one that ends first, and no
        match can end at POS: the text before POS holds one if and only if that first one ends
        there or before. Found once per sentence, not searched for again before each trigger.
        """
        key = ("before", pattern, sentence.start)
        end = self._in_sentence.get(key, _UNSEEN)
        if end is _UNSEEN:
            first = pattern.search(self.text[sentence.start:sentence.end])
            end = self._in_sentence[key] = sentence.start + first.end() if first else None
        return end is not None and end <= pos

    def _cities_in_at(self, sentence: Span) -> list[tuple[int, int, str]]:
        """The known cities the sentence names after "in" or "at": (start, end, name)."""
        key = ("cities", sentence.start)
        found = self._in_sentence.get(key)
        if found is None:
            found = self._in_sentence[key] = [
                (m.start(), m.end(), m.group(0)) for m in self.g.city_re.finditer(self.text, sentence.start, sentence.end)
                if _IN_OR_AT_END_RE.search(self.text[max(sentence.start, m.start() - 5):m.start()])]
        return found

    def _places_after_prepositions(self, sentence: Span) -> list[tuple[int, str | None, str | None]]:
        """Where the sentence says "to", "in" or "at" PLACE: (offset of PLACE, host alpha-3, city)."""
        key = ("places", sentence.start)
        found = self._in_sentence.get(key)
        if found is None:
            found = []
            for m in _PLACE_PREPOSITION_RE.finditer(self.text[sentence.start:sentence.end]):
                pos = sentence.start + m.end()
                found.append((pos, *self._place_at(pos)))
            self._in_sentence[key] = found
        return found

    def _venue_from(self, pos: int, sentence: Span) -> re.Match | None:
        """VENUE_RE.search(self.text, pos, sentence.end), for positions that come in order: a venue
        found from an earlier position is the one from a later position too, if it starts there or after."""
        key = ("venue", sentence.start)
        last = self._in_sentence.get(key)
        if last is not None:
            last_pos, found = last
            if last_pos <= pos and (found is None or found.start() >= pos):
                return found
        found = VENUE_RE.search(self.text, pos, sentence.end)
        self._in_sentence[key] = (pos, found)
        return found

    # -- merging candidates into events
    def _last_in_person(self) -> Event | None:
        """The latest event of a kind that is met in person (IN_PERSON)."""
        # An event leaves IN_PERSON when a later mention retypes it (a meeting that was a phone
        # call) and never comes back: such events are dropped from the end of the list for good.
        while self._in_person and self._in_person[-1].kind not in IN_PERSON:
            self._in_person.pop()
        return self._in_person[-1] if self._in_person else None

    def _append(self, c: Event):
        self._position[id(c)] = len(self.events)
        self.events.append(c)
        self._keys[id(c)] = set()
        self._index_parties(c, c.parties + c.visitors)
        # (an event's family, status and host never change; its kind changes only within its family)
        self._latest[(c.family,)] = self._latest[(c.family, c.status)] = c
        if c.kind in IN_PERSON:
            self._in_person.append(c)

    @staticmethod
    def _slot(e: Event, key: str) -> tuple:
        """Where _same looks for the events E may be: visits by host, others by family and status."""
        return ("Visit", e.host, key) if e.family == "Visit" else (e.family, e.status, key)

    def _index_parties(self, e: Event, parties: list) -> None:
        keys = self._keys[id(e)]
        for key in {party_key(p) for p in parties} - keys:
            keys.add(key)
            # (in the order of the events: an event that gains a party is older than the last ones)
            bisect.insort(self._with_party.setdefault(self._slot(e, key), []), e,
                          key=lambda other: self._position[id(other)])

    def _may_be_same(self, c: Event) -> list[Event]:
        """The events that can be the same as C (see _same), in order, and few others.

        A visit is the same as another to the same host with a visitor or a party in common; any
        other event, as one of its family and status that has all of its parties.
        """
        if c.family == "Visit":
            found = {id(e): e for key in {party_key(p) for p in c.parties + c.visitors}
                     for e in self._with_party.get(("Visit", c.host, key), ())}
            return sorted(found.values(), key=lambda e: self._position[id(e)])
        keys = {party_key(p) for p in c.parties}
        rarest = min((self._with_party.get((c.family, c.status, key), ()) for key in keys), key=len, default=())
        return [e for e in rarest if keys <= self._keys[id(e)]]

    def _add(self, c: Event):
        enough = len(c.parties) >= 2 or (c.family == "Visit" and c.visitors and
                                         (c.host or getattr(c, "_host_unknown", False)))
        if getattr(c, "_occasion", False):
            previous = self._last_in_person() or self._latest.get(("Visit",))
            if previous is not None:
                c.start = c.start or (previous.start if previous.family != "Visit" else None)
                c.city = c.city or previous.city
                c.city_country = c.city_country or previous.city_country
        if not enough and c.family == "AgreementSigning" and not c.parties:
            enough = self._signed_at_the_talks(c)
        if not enough:
            target = self._referent(c)
            if target is not None:
                self._merge(target, c, add_parties=False)
            return
        for e in self._may_be_same(c):
            if self._same(e, c):
                self._merge(e, c, add_parties=True)
                return
        self._append(c)

    def _countries_by_their_people(self):
        """'Australia and Papua New Guinea have signed an agreement that Prime Minister Albanese and
        counterpart Marape said ...': an event told of countries only is theirs through the one
        person of each country its sentence names."""
        for e in self.events:
            if e.family == "Visit" or not e.parties or not all(isinstance(p, str) for p in e.parties):
                continue
            named: dict[str, list[PersonEntity]] = {}
            unplaced: list[PersonEntity] = []  # ("his counterpart Moses Okello": of the other country)
            for m in self.actors.in_sentence(e.trigger_sentence):
                person = m.ref
                if m.kind != "person" or m.inside_role or not isinstance(person, PersonEntity) or \
                        person.is_commentator or person in unplaced or person in named.get(person.country, []):
                    continue
                if person.country is None:
                    unplaced.append(person)
                elif person.country in e.parties:
                    named.setdefault(person.country, []).append(person)
                else:
                    break  # someone of a third country: not the parties' voices
            else:
                missing = [code for code in e.parties if code not in named]
                if len(missing) == len(unplaced) == 1:
                    unplaced[0].inferred_country = missing[0]
                    named[missing[0]] = unplaced
                # (a country no one of it speaks for stays the country: "the leaders of the two countries
                # will chair the council during Ugandan President Okello's visit": Okello and Kenya)
                # (signers are the sentence's people only if it names one for each country: a visiting
                # president named beside "the two countries signed" is not thereby a signer)
                if (named.keys() == set(e.parties) or named and e.family != "AgreementSigning") and \
                        all(len(people) == 1 for people in named.values()):
                    e.parties = [named[code][0] if code in named else code for code in e.parties]

    def _signers_named_next(self):
        """'The two presidents witnessed the signing of an MoU. The documents were signed by X and Y':
        a signing that took the talks' parties is the one whose signers the next sentences name."""
        signings = [e for e in self.events if e.family == "AgreementSigning"]
        for b in signings:
            if not getattr(b, "_signers_borrowed", False):
                continue
            named = next((e for e in signings if e is not b and not getattr(e, "_signers_borrowed", False)
                          and e.status == b.status and 0 <= e.sentences[0] - b.sentences[-1] <= 2), None)
            if named is not None:
                named.sentences = sorted(set(named.sentences) | set(b.sentences))
                named.start = named.start or b.start
                self.events.remove(b)

    def _signed_at_the_talks(self, c: Event) -> bool:
        """'After the talks, eight agreements were signed', 'the two sides signed eight agreements':
        a signing that names no signer was signed by the parties of the talks just told (a meeting
        or a visit ending at most a sentence before), on their day, unless it is a signing already
        told. True when the signing now has its parties."""
        here = c.sentences[0]
        if not _SIGNED_RE.search(self.text, self.sentences[here].start, self.sentences[here].end):
            return False  # "hopes to conclude a trade agreement": no signing told, only hoped for
        latest = self._latest.get(("AgreementSigning",))
        if latest is not None and here - latest.sentences[-1] <= 2:
            return False  # the signing just told, told again
        occasion = self._last_in_person()
        visit = self._latest.get(("Visit",))
        if visit is not None and (occasion is None or visit.sentences[-1] > occasion.sentences[-1]):
            occasion = visit
        if occasion is None or here - occasion.sentences[-1] > 1 or occasion.status != c.status:
            return False
        if occasion.family == "Visit":
            if not occasion.host:
                return False
            c.parties = list(occasion.visitors) + [occasion.host]
        else:
            c.parties = list(occasion.parties)
        c.start, c.end = c.start or occasion.start, c.end if c.start else None
        c.city, c.city_country = c.city or occasion.city, c.city_country or occasion.city_country
        c._signers_borrowed = True  # type: ignore[attr-defined]
        return len({party_key(p) for p in c.parties}) >= 2

    def _referent(self, c: Event) -> Event | None:
        """The earlier event a party-less mention speaks of: same family, and recent for retyping."""
        if c.family == "Meeting":
            recent = self._latest.get(("Meeting",))
            if recent is None:
                return None
            if c.kind != recent.kind and c.kind in ("VideoConference", "PhoneCall"):
                # "The discussion occurred via video conference": retype only a recent meeting.
                return recent if c.sentences[0] - recent.sentences[-1] <= 2 and recent.kind == "Meeting" else None
            return recent
        return self._latest.get((c.family,))

    def _same(self, e: Event, c: Event) -> bool:
        if e.family == "Visit" == c.family and e.host == c.host and \
                {party_key(p) for p in e.visitors} & {party_key(p) for p in c.visitors}:
            # "is scheduled to travel to Dubai today": the next leg of the visit under way.
            return not (e.start and c.start and e.end and not (e.start <= c.start <= e.end))
        if e.family != c.family or e.status != c.status:
            return False
        if e.kind in ("PhoneCall", "VideoConference") and c.kind in ("PhoneCall", "VideoConference") and e.kind != c.kind:
            return False
        if e.start and c.start and not (e.start <= c.start <= (e.end or e.start)):
            return False
        a = {party_key(p) for p in e.parties}
        b = {party_key(p) for p in c.parties}
        if e.family == "Visit":
            return e.host == c.host and bool(a & b)
        # "a separate bilateral meeting" between two of a larger meeting's parties is its own event
        return a == b or (len(b) >= 2 and b <= a and not getattr(c, "_separate", False))

    def _merge(self, e: Event, c: Event, add_parties: bool):
        for s in c.sentences:
            # (sentences come in order: one after the event's last is new, and needs no search)
            if s > e.sentences[-1] or s not in e.sentences:
                e.sentences.append(s)
        if SPECIFICITY.get(c.kind, -1) > SPECIFICITY.get(e.kind, -1) and e.family == c.family:
            e.kind = c.kind
        if e.family == "Visit" and c.kind != "Visit" and e.kind == "Visit":
            e.kind = c.kind
        if add_parties:
            keys = {party_key(p) for p in e.parties}
            added = [p for p in c.parties if party_key(p) not in keys]
            e.parties.extend(added)
            self._index_parties(e, added)
        e.start = e.start or c.start
        e.end = e.end or c.end
        if not e.city and c.city:
            e.city, e.city_country = c.city, c.city_country
        e.venue = e.venue or c.venue
        e.agreement_name = e.agreement_name or c.agreement_name

    # -- whole-article passes
    def _one_visit_each(self):
        """'Xi arrived at the Union Buildings on Tuesday' and, sentences later, 'the state visit': one
        visit, when the visitors, the host and the status are the same and the days do not conflict."""
        kept: list[Event] = []
        for v in [e for e in self.events if e.family == "Visit" and e.host and e.visitors]:
            visitors = {party_key(p) for p in v.visitors}
            same = next((k for k in kept if k.host == v.host and k.status == v.status and
                         {party_key(p) for p in k.visitors} == visitors and _days_fit(k, v)), None)
            if same is None:
                kept.append(v)
                continue
            self._merge(same, v, add_parties=True)
            same.sentences.sort()
            self.events.remove(v)
            for e in self.events:
                if e.part_of_visit is v:
                    e.part_of_visit = same

    def _infer_visit_hosts(self):
        """A visit whose host the text names in words no list holds ("a state visit to SA") is hosted
        by the one foreign country whose people the visitor meets in person within three sentences."""
        for e in self.events:
            if e.family != "Visit" or e.host or not e.visitors:
                continue
            theirs = {party_country(v) for v in e.visitors}
            hosts = set()
            for m in self.events:
                if m.kind in IN_PERSON and any(v in m.parties for v in e.visitors) and \
                        any(abs(i - j) <= 3 for i in m.sentences for j in e.sentences):
                    # (the people met, or their country where the text only describes them: "a courtesy
                    # call on the Kenyan premier")
                    hosts |= {party_country(p) for p in m.parties if isinstance(p, (PersonEntity, str))} - theirs - {None}
            if len(hosts) == 1:
                e.host = hosts.pop()
                if e.city and self.g.cities.get(e.city) != e.host:
                    e.city = None

    def _link_visits(self):
        visits = [e for e in self.events if e.family == "Visit" and e.visitors]
        by_visitor: dict[str, list[int]] = {}  # party key -> the visits (numbers in VISITS) with that visitor
        for n, v in enumerate(visits):
            for key in {party_key(p) for p in v.visitors}:
                by_visitor.setdefault(key, []).append(n)
        one_day: dict[int, bool] = {}
        for e in self.events:
            if e.family == "Visit" or e.kind in ("PhoneCall", "VideoConference", "Correspondence"):
                continue
            # the first visit that a party of the event made, at the time of the event
            made = sorted({n for key in {party_key(p) for p in e.parties} for n in by_visitor.get(key, ())})
            for v in map(visits.__getitem__, made):
                if e.start and v.start and not (v.start <= e.start <= (v.end or v.start)):
                    continue
                e.part_of_visit = v
                if e.start is None and v.start and v.end in (None, v.start):
                    if id(v) not in one_day:
                        one_day[id(v)] = _ONE_DAY_RE.search(" ".join(self.sentences[i].text for i in v.sentences)) is not None
                    if one_day[id(v)]:
                        e.start = v.start  # everything on a one-day visit happened that day
                break

    def _infer_countries(self):
        """People whose role names no country: the host if they meet a visitor there, else the
        country the article speaks of most that their counterparts do not come from."""
        counts = dict(self.actors.country_counts)
        for m in self.g.city_re.finditer(self.text):
            # "received seven envoys in Accra": a city the story names speaks for its country too
            code = self.g.cities[m.group(0)]
            counts[code] = counts.get(code, 0) + 2
        for e in self.events:
            for p in e.parties:
                if not isinstance(p, PersonEntity) or p.country or \
                        any(r.organisation and r.organisation.kind == "IntergovernmentalOrganisation" for r in p.roles) or \
                        p.known and any(t.country is None and t.holds_on(self.ref.date) for t in p.known.tenures) or \
                        p.known and p.known.tenures and not any(t.country for t in p.known.tenures):
                    continue  # (the dictionary knows them in an office of no country: the EU's, the UN's)  # a known country, or an office in an intergovernmental body (ASEAN's Secretary-General)
                visit = e.part_of_visit if e.part_of_visit else None
                if e.family == "Visit":
                    visit = e
                if visit and visit.host and p not in visit.visitors:
                    p.inferred_country = visit.host
                    continue
                others = {party_country(q) for q in e.parties if q is not p} - {None}
                if visit and p in visit.visitors and visit.host:
                    others.add(visit.host)
                line_country = self.g.cities.get(self.dateline_place) if self.dateline_place else None
                if line_country and line_country not in others and not visit:
                    # Reported from Doha, Dili or Rabat: the unnamed side is most likely the local one.
                    p.inferred_country = line_country
                    continue
                ranked = sorted((c for c in counts if c not in others), key=lambda c: -counts[c])
                if ranked:
                    p.inferred_country = ranked[0]

    def _default_places(self):
        """Where an in-person event with no city of its own happened. Reports name the city away from
        the verb: later in the sentence ("... and the defence minister in the capital Ankara", "a
        ceremony to be held at the guesthouse in Pretoria"), in the dateline, or once for the story
        ("The talks in Nairobi ...", a headline's "... in Accra"). A call or a letter has no place."""
        line_country = self.g.cities.get(self.dateline_place) if self.dateline_place else None
        story_cities = None
        for e in self.events:
            if e.family == "Visit":
                if not e.city and e.host:
                    # "visit to Turkey" ... "talks in Ankara": the host's one city the story names
                    sentence = self.sentences[e.trigger_sentence]
                    here = [c for c in self._cities_led_to(sentence.start, sentence.end) if self.g.cities[c] == e.host]
                    if story_cities is None:
                        story_cities = set(self._cities_led_to(0, len(self.text)))
                    theirs = {c for c in story_cities if self.g.cities[c] == e.host}
                    if here or len(theirs) == 1:
                        e.city = here[0] if here else theirs.pop()
                        e.city_country = e.host
                continue
            if e.kind not in IN_PERSON:
                e.city = e.city_country = None
                continue
            if e.city:
                continue
            if e.part_of_visit and e.part_of_visit.city:
                e.city, e.city_country = e.part_of_visit.city, e.part_of_visit.city_country
                continue
            countries = {party_country(p) for p in e.parties}
            if e.part_of_visit and e.part_of_visit.host:
                countries.add(e.part_of_visit.host)
            in_sentence = self._cities_led_to(self.sentences[e.trigger_sentence].start,
                                              self.sentences[e.trigger_sentence].end)
            if in_sentence:
                e.city = in_sentence[0]
                e.city_country = self.g.cities[e.city]
                continue
            if line_country and line_country in countries and e.status == "occurred" and \
                    (e.part_of_visit is None or e.part_of_visit.host == line_country):
                e.city, e.city_country = self.dateline_place, line_country
                continue
            if story_cities is None:
                story_cities = set(self._cities_led_to(0, len(self.text)))
            ours = {c for c in story_cities if self.g.cities[c] in countries}
            if len(ours) == 1:  # two cities of the parties' countries: no telling which
                e.city = ours.pop()
                e.city_country = self.g.cities[e.city]

    def _cities_led_to(self, start: int, end: int) -> list[str]:
        """The known cities named between start and end after "in" or "at", with up to three words
        between ("in the capital Ankara", "in Italy's Bari"), in the order named."""
        def led_to(m) -> bool:
            return _LEADS_TO_PLACE_RE.search(self.text[max(start, m.start() - 40):m.start()]) is not None

        found = [(m.start(), m.group(0)) for m in self.g.city_re.finditer(self.text, start, end) if led_to(m)]
        # "received in Malacañang", "at the Élysée": a seat of government is in its capital
        for m in self.g.seat_re.finditer(self.text, start, end):
            capital = self.g.capitals.get(self.g.seats[m.group(0)])
            if capital in self.g.cities and led_to(m):
                found.append((m.start(), capital))
        return [city for _, city in sorted(found)]

    def _assign_topics(self):
        """Each event's topics: those named from its first sentence to TOPIC_WINDOW sentences after
        its last, or to the next event's first sentence if that comes before."""
        starts = sorted({e.sentences[0] for e in self.events})
        windows = []  # per event: its sentences [first, end)
        for e in self.events:
            first, last = e.sentences[0], e.sentences[-1]  # (an event's sentences are in order)
            later = bisect.bisect_right(starts, first)
            stop = min([starts[later] if later < len(starts) else len(self.sentences), last + TOPIC_WINDOW + 1])
            windows.append((first, min(max(stop, last + 1), len(self.sentences))))
        # The sentences each topic is named in, among those of some window: each sentence is read
        # once, and each event asks each topic whether it is named in its window (an event may span
        # the article: reading its window again for each event would cost the article's length squared).
        named_in: dict = {}
        read_to = 0
        for first, end in sorted(windows):
            for i in range(max(first, read_to), end):
                span = self.sentences[i]
                for m in self.g.topic_re.finditer(self.text, span.start, span.end):
                    named_in.setdefault(self.g.topics[m.group(0).lower()], []).append(i)
            read_to = max(read_to, end)
        for e, (first, end) in zip(self.events, windows):
            for topic, sentences in named_in.items():
                at = bisect.bisect_left(sentences, first)
                if at < len(sentences) and sentences[at] < end:
                    e.topics.add(topic)

    @staticmethod
    def _complete(e: Event) -> bool:
        if e.family == "Visit":
            return bool(e.visitors and e.host)
        return len(e.parties) >= 2


def find_events(g: Gazetteer, text: str, sentences: list[Span], actors: Actors, ref: RefDate,
                dateline_place: str | None, trailing_place: str | None = None) -> list[Event]:
    return EventFinder(g, text, sentences, actors, ref, dateline_place, trailing_place).run()
