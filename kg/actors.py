"""Stage 3: find the actors in an article's sentences and resolve later mentions to them.

People come with the role each held as the article states it ("Cambodia's Senate
President, Hun Sen"; "Yohannes Abraham, Ambassador of the United States to ASEAN"), with
honorifics kept apart from the name, and with the country or organisation the role belongs
to. Later mentions ("Secretary Austin", "Manet", "the Ambassador") resolve to the person.
Organisations come from the gazetteer and from acronyms the text defines.
"""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from dataclasses import dataclass, field

from kg.gazetteer import Gazetteer, KnownPerson, Organisation
from kg.lexicon import (LEXICON, NOT_PERSON_WORDS, OFFICE_HEADS, OFFICE_WORDS, TITLE_ABBREVIATIONS,
                        UNSPECIFIC_OFFICES)
from kg.namespaces import org_iri, person_iri, slug
from kg.patterns import WordStartHint, first_letter_groups, initials, word_start_alternation
from kg.structure import Span

# ---------------------------------------------------------------------------- vocabulary
_EXALTED = r"(?:Excellency|Majesty|Royal\s+Highness|Highness|Holiness)"
_HONOURABLE = r"Hon(?:ou?rable|\.|(?=\s))"
# Every alternative begins with a letter ("(?:His|Her)\s+..." written out as "His\s+...|Her\s+...", in
# the same order), so that HONORIFIC_NAME_RE can begin with letters (kg.patterns.word_start_alternation).
# military ranks, each beginning with a letter (see below)
_RANKS = r"Lt\.?\s?Gen\.?|Maj\.?\s?Gen\.?|Brig\.?\s?Gen\.?|Gen\.|Adm\.|Col\."
HONORIFIC_RE = first_letter_groups(
    rf"His\s+{_EXALTED}|Her\s+{_EXALTED}|Their\s+{_EXALTED}|"
    r"H\.?\s?E\.?(?=\s)|H\.R\.H\.?|Excellency|Samdech(?:\s+(?:Moha\s+Bovor\s+Thipadei|Akka\s+Moha\s+Sena\s+Padei\s+Techo|Techo|"
    r"Moha\s+Bovor|Vibol\s+Sena\s+Pheakdei|Pichey\s+Sena))?|Lok\s+Chumteav|Oknha|"
    r"Datuk\s+Patinggi|Datuk\s+Seri|Dato['’]?\s+Seri|Dato['’]?\s+Sri|Datuk|Dato['’]?|Patinggi|Tan\s+Sri|Tun|Pehin|"
    r"Dato\s+Paduka|"
    # "(?:the\s+)?(?:Right\s+|Rt\.?\s+|Most\s+)?Honourable"
    rf"the\s+Right\s+{_HONOURABLE}|the\s+Rt\.?\s+{_HONOURABLE}|the\s+Most\s+{_HONOURABLE}|the\s+{_HONOURABLE}|"
    rf"Right\s+{_HONOURABLE}|Rt\.?\s+{_HONOURABLE}|Most\s+{_HONOURABLE}|{_HONOURABLE}|"
    r"Mr\.?|Mrs\.?|Ms\.?|Miss|Mx\.?|Dr\.?|Prof\.?|Professor|"
    r"Sheikh|Sheikha|Sir|Dame|Lord|Lady|Madam|Madame|Mme\.?|M\.|Shri|Smt\.?|Sri(?=\s+[A-Z][a-z]+\s+[A-Z])|"
    rf"{_RANKS}|Amb\.|Rev\.|Pastor|Imam|Rabbi|Cardinal|Archbishop"
)
_HONORIFICS = re.compile(rf"(?:(?:{HONORIFIC_RE})\s+)+")
# a military rank or a courtesy title inside a run of capitalised words, with a name after it
_RANK_INSIDE_RE = re.compile(rf".*\s({_RANKS}|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|H\.E\.)\s+")
_HONORIFIC_PREFIX_RE = re.compile(rf"(?:{HONORIFIC_RE})\s+")
# After an appositive role: the next person's title and name ("..., Minister Sok, Mr. Tan").
_NEXT_NAME_RE = re.compile(rf"\s*(?:(?:{HONORIFIC_RE})\s+)*[A-Z][a-z]")

# Capitalised words that begin or continue the name of an office.
ROLE_CORE = (
    r"Prime\s+Minister|Premier|Vice[\s-]Premier|President|Vice[\s-]President|Chancellor|Vice[\s-]Chancellor|"
    r"King|Queen|Crown\s+Prince|Emir|Amir|Sultan|Monarch|Grand\s+Duke|Prince|Princess|"
    r"Secretary[\s-]General|General\s+Secretary|Secretary|Minister|Ministers|Ambassador|Envoy|Special\s+Envoy|"
    r"Special\s+Representative|High\s+Representative|High\s+Commissioner|Representative|Charg[ée]\s+d['’]\s?[Aa]ffaires|"
    r"Consul[\s-]General|Consul|Speaker|Chairman|Chairwoman|Chairperson|Chair|Vice[\s-]Chairman|Governor[\s-]General|Governor|Mayor|"
    r"Director[\s-]General|Director|Commissioner|Head|Chief|Leader|Senator|Spokesperson|Spokesman|Spokeswoman|"
    r"Adviser|Advisor|Commander(?:[\s-]in[\s-]Chief)?|Counsellor|Counselor|State\s+Counsellor|Attaché|Undersecretary|Under[\s-]Secretary|"
    r"Permanent\s+Secretary|State\s+Secretary|Secretary\s+of\s+State|Attorney[\s-]General|Chief\s+of\s+Staff|"
    r"Lieutenant\s+Governor|Taoiseach|Tánaiste|Emperor|Pope|Patriarch|Supreme\s+Leader|"
    r"Foreign\s+Secretary|Home\s+Secretary|Defence\s+Secretary|Defense\s+Secretary|"
    r"Member\s+of\s+Parliament|MP|Lawmaker|Legislator|Deputy|Delegate|[Cc]ounterpart|"
    # "PM Modi", "EAM Jaishankar": the lexicon's abbreviated titles, before a name
    + "|".join(rf"{short}(?=\s+[A-Z])" for short in sorted(TITLE_ABBREVIATIONS, key=len, reverse=True))
)
ROLE_MODIFIER = (r"Deputy|Vice|First|Second|Acting|Former|Outgoing|Incoming|Interim|Senior|Permanent|"
                 r"Assistant|Under|Junior|Principal|Executive|Caretaker|Designate|Newly[\s-]appointed|"
                 r"Newly[\s-]elected|Then|Co-")
# Capitalised subject-area words that sit inside office names: "Minister of Foreign Affairs".
FIELD_WORDS = (
    "Foreign|Affairs|International|Cooperation|Co-operation|Defense|Defence|Trade|Commerce|Industry|Industries|"
    "Finance|Economy|Economic|Economics|Planning|Health|Education|Youth|Sport|Sports|Interior|Home|Justice|"
    "Agriculture|Forestry|Fisheries|Energy|Mines|Mining|Environment|Tourism|Culture|Cultural|Information|"
    "Communications|Communication|Transport|Transportation|Public|Works|Labour|Labor|Vocational|Training|Social|"
    "Welfare|Women|Women's|Rural|Development|Science|Technology|Innovation|Digital|Investment|External|Overseas|"
    "Relations|State|Homeland|Security|National|Treasury|Water|Resources|Land|Management|Urban|Construction|"
    "Post|Posts|Telecommunications|Telecommunication|Religion|Religions|Cults|Veterans|Human|Rights|Immigration|"
    "Petroleum|Oil|Gas|Minerals|Infrastructure|Housing|Maritime|Natural|Climate|Change|Arts|Heritage|Civil|"
    "Service|Administration|Budget|Parliamentary|Government|Federal|Regional|Integration|Cabinet|Council|"
    "Assembly|General|Policy|Affair|Inspection|Commerce|Europe|European|African|Asian|Pacific|Gulf|Commonwealth|"
    "Expatriates|Emigrants|Diaspora|Family|Children|Disaster|Emergency|Mekong|ASEAN|Senate|Parliament|"
    "Congress|People's|Peoples|Party|Central|Committee|Politburo|Standing|Legislative|Presidential|Office|"
    "Crown|Royal|Armed|Forces|Army|Navy|Air|Force|Police|Intelligence|Statistics|Aviation|Shipping|Ports|"
    "Food|Drug|Medical|Pharmaceutical|Manpower|Employment|Enterprise|Enterprises|Small|Medium|Higher|Primary|"
    "Secondary|Research|Special|Territories|Territory|Northern|Southern|Eastern|Western|Islands|Municipal|"
    "Local|Provincial|Communities|Community|Indigenous|Tribal|Minority|Minorities|Peace|Reconciliation|Unity|"
    "Solidarity|Equality|Gender|Population|Consumer|Competition|Tax|Taxation|Customs|Revenue|Monetary|"
    "Banking|Bank|Central|Capital|Markets|Insurance|Electricity|Power|Renewable|Nuclear|Atomic|Space|Ocean|"
    "Oceans|Wildlife|Parks|Lands|Survey|Cooperatives|Co-operatives|Livestock|Irrigation|Cities|Rail|Railways|"
    "Roads|Highways|Logistics|Media|Broadcasting|Press|Protocol|Consular|Multilateral|Bilateral|Legal|"
    "Treaties|Prosecutor|Prosecution|Supreme|Court|Judiciary|Audit|Anti-Corruption|Corruption|Cooperation,"
)
# The alternations as the patterns below use them: grouped under their first letters, the same
# matches found several times faster (kg.patterns.first_letter_groups).
_FIELD = rf"(?:{first_letter_groups(FIELD_WORDS)})"
_CORE = first_letter_groups(ROLE_CORE)
_MODIFIER = first_letter_groups(ROLE_MODIFIER)
_ROLE_INITIALS = initials(ROLE_MODIFIER, FIELD_WORDS, ROLE_CORE)  # what lead_role_text() begins with
FIELD_WORD_RE = re.compile(_FIELD)
_ORG_HEAD = (r"Party|Front|Movement|Ministry|Agency|Council|Committee|Commission|Assembly|Parliament|Congress|"
             r"Academy|Institute|University|Foundation|Union|League|Alliance|Federation|Chamber|Authority|"
             r"Secretariat|Bank|Fund|Organi[sz]ation|Association|Forum|Centre|Center|Corporation")
ORG_PHRASE_RE = re.compile(
    rf"(?<![\w-])(?:[A-Z][\w'.-]*\s+(?:of\s+(?:the\s+)?|for\s+|and\s+|on\s+)?){{1,6}}(?:{_ORG_HEAD})\b"
    rf"(?:\s+(?:of|for|on)\s+(?:the\s+)?[A-Z][\w'.-]*(?:\s+(?:and\s+)?[A-Z][\w'.-]*){{0,3}})?")
# A cheap first look: every organisation phrase holds its head word. (A pattern that begins with
# letters is scanned fast; one that begins with a look-behind is tried at every position.)
ORG_HEAD_RE = re.compile(first_letter_groups(_ORG_HEAD))
_LOWER_ROLES = (
    r"counterpart|prime minister|premier|president|vice president|chancellor|king|queen|foreign minister|minister|"
    r"secretary of state|secretary-general|secretary general|general secretary|secretary|ambassador|envoy|"
    r"special envoy|speaker|chairman|chairwoman|chairperson|chair|governor|mayor|director-general|director general|"
    r"director|commissioner|head|chief|leader|senator|spokesperson|spokesman|spokeswoman|commander|"
    r"policy researcher|researcher|research fellow|senior fellow|fellow|analyst|political analyst|professor|"
    r"associate professor|lecturer|scholar|expert|economist|adviser|advisor|official|diplomat|consul general|"
    r"consul|deputy|member|founder|co-founder|executive director|managing director|chief executive|ceo|"
    r"correspondent|observer|commentator|historian|political scientist|lawmaker|legislator|representative|"
    r"high representative|permanent representative|counsellor|counselor|attaché|undersecretary|under-secretary|"
    r"permanent secretary|state secretary|attorney general|chief of staff|crown prince|emir|sultan|monarch"
)
# Roles that belong to academia, think tanks and the press: such people are commentators.
COMMENTATOR_ROLES = re.compile(
    r"researcher|fellow|analyst|professor|lecturer|scholar|expert|economist|correspondent|observer|"
    r"commentator|historian|political scientist|journalist|editor|reporter", re.IGNORECASE)

def _letters(upper: bool) -> str:
    """Latin letters (Latin-1, Extended-A/B, Vietnamese) of one case, as a regex class body."""
    ranges = [(0x41, 0x5A), (0x61, 0x7A), (0xC0, 0x24F), (0x1E00, 0x1EFF)]
    chars = [chr(c) for a, b in ranges for c in range(a, b + 1)
             if chr(c).isalpha() and (chr(c).isupper() if upper else chr(c).islower())]
    return "".join(chars).replace("-", "")


UPPER = _letters(True)
LOWER = _letters(False)
# A word of a name: "Sophea", "SOK" (all-caps surname), "K.P.", "S.", "Ch.Sukhbat", "Jae-hyuk".
_NAME_WORD = (rf"(?:(?:[{UPPER}][a-z]?\.)+(?:[{UPPER}][{LOWER}]+)?|(?:Mac|Mc|De|Le|La|Di|O')[{UPPER}][{LOWER}]+|"
              rf"[{UPPER}][{LOWER}'’\-]*[{LOWER}](?:-[{UPPER}]?['’]?[{UPPER}]?[{LOWER}]+)*|"
              rf"[{UPPER}]{{2,}}(?=\s+[{UPPER}][{LOWER}]))")
_PARTICLE = r"(?:bin|binti|bint|ibn|al|el|al-|el-|da|de|del|della|der|den|di|do|dos|du|la|le|van|von|y|ter|ten|zu|abu|ould|ag)"
NAME_RE = re.compile(
    rf"(?P<name>{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_NAME_WORD}){{0,4}}(?:\s+(?:Jr\.|Sr\.|VIII|VII|VI|IV|V|III|II|X))?)")
_FIELDS = rf"{_FIELD}(?:(?:\s*,\s*|\s+and\s+|\s+&\s+|\s+)(?:{_FIELD}|[A-Z]{{2,}}))*"


def lead_role_text(countries: str, organisations: str = "") -> str:
    """A title before a name, whose owner may be a country: 'Minister of Industry of Mongolia'."""
    # The owner ends at a country's name ("of Industry and Mineral Resources of Mongolia"), or is
    # made of subject words only ("of Defense"): either way the name that follows is not swallowed.
    upto_country = rf"(?:[A-Z][\w'-]*,?\s+(?:and\s+|of\s+(?:the\s+)?|for\s+)?){{0,6}}?(?:{countries})"
    owner = rf"(?:{upto_country}|{_FIELDS}|[A-Z]{{2,}})" if countries else rf"(?:{_FIELDS}|[A-Z]{{2,}})"
    if organisations:
        owner = rf"(?:{organisations}|{owner[3:-1]})"
    # ("Secretary General of the South Asian Association for Regional Cooperation (SAARC) Arjun Thapa")
    return (rf"(?:(?:{_MODIFIER})[\s-]+)*(?:{_FIELD}\s+){{0,4}}(?:{_CORE})(?:-(?:designate|elect)\b)?"
            rf"(?:\s+(?:of|for|to|on)\s+(?:the\s+)?{owner}(?:\s+\([A-Z][A-Za-z]{{1,9}}\))?)*")
# The owner of a role after the name: "of the United States to ASEAN", "at the Royal Academy of Cambodia".
_OBJ = (r"[A-Z][\w'.&-]*(?:\s+(?:and\s+|of\s+(?:the\s+)?|for\s+|&\s+|de\s+|on\s+)?[A-Z][\w'.&-]*)*"
        r"(?:\s+\([A-Z][A-Za-z]{1,9}\))?")
_ANY_CORE = rf"(?:{first_letter_groups(ROLE_CORE + '|' + _LOWER_ROLES)})"
_ROLE_WORD = first_letter_groups(rf"{ROLE_MODIFIER}|{ROLE_MODIFIER.lower()}|senior|chief|political|policy|research|"
                                 rf"foreign|defence|defense|trade|finance|{FIELD_WORDS}")
_ROLE_PHRASE = (rf"(?:(?:{_ROLE_WORD})[\s-]+){{0,4}}{_ANY_CORE}"
                rf"(?:\s+(?:of|for|to|at|in|on|from|with)\s+(?:the\s+)?(?:ruling\s+|opposition\s+|governing\s+)?{_OBJ})*")
APPOSITIVE_ROLE = rf"{_ROLE_PHRASE}(?:\s*(?:,|and|,\s*and)\s+{_ROLE_PHRASE})*"
# The look-behind comes after the first letter ((?<![\w'-].) rather than (?<![\w'-]) before it): the
# same words, but a pattern that begins with a character class is scanned fast (the engine skips
# to the characters of the class), one that begins with a look-behind is tried at every position.
CAPITALISED_WORD_RE = re.compile(rf"[{UPPER}](?<![\w'-].)[{LOWER}'-]{{1,}}(?![\w-])")
# Up to three capitalised words right before a position ("United States ").
_CAPITALISED_BEFORE_RE = re.compile(r"((?:[A-Z][\w'’-]*\s+){1,3})$")
# rf"(?<![\w])(?:{HONORIFIC_RE})\s+{NAME_RE.pattern}", begun with letters (see CAPITALISED_WORD_RE)
_HONORIFIC_AT_WORD_START = word_start_alternation(HONORIFIC_RE, r"[\w]")
HONORIFIC_NAME_RE = re.compile(rf"(?:{_HONORIFIC_AT_WORD_START})\s+{NAME_RE.pattern}")
def _leading_words(*alternations: str) -> list[str]:
    """The first word of every alternative: a role phrase always contains one of them."""
    words = set()
    for alternation in alternations:
        for alternative in alternation.split("|"):
            first = re.match(r"\(?:?\??:?([A-Za-z]+)", alternative.replace("[Cc]", "c"))
            if first and len(first.group(1)) > 2:  # ("co-founder" also holds "founder")
                words.add(first.group(1).lower())
    words.add("mp")
    return sorted(words, key=len, reverse=True)


# A cheap first look: no title word in a sentence, no role pattern to try.
ROLE_HINT = WordStartHint(_leading_words(ROLE_CORE, _LOWER_ROLES), not_after=r"[\w-]")
_ROLE_START_RE = re.compile(rf"(?:(?:{_MODIFIER})[\s-]+)*(?:{_FIELD}\s+){{0,4}}(?:{_CORE})\b\s*")

STOPWORDS = {
    "The", "A", "An", "And", "Or", "But", "In", "On", "At", "Of", "To", "For", "By", "With", "As", "From",
    "He", "She", "It", "They", "We", "I", "You", "His", "Her", "Their", "Our", "This", "That", "These",
    "Those", "There", "Here", "When", "While", "After", "Before", "During", "Both", "Two", "Three", "All",
    "Prime", "Minister", "President", "Secretary", "Ambassador", "Foreign", "State", "General", "Deputy",
    "Vice", "Mr", "Mrs", "Ms", "Dr", "His Excellency", "Excellency", "Senate", "Party", "Government",
    "National", "Assembly", "Ministry", "Affairs", "Kingdom", "Republic", "Royal", "Samdech", "Chairman",
    "Speaker", "Leader", "King", "Queen", "Office", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December", "Today", "Yesterday", "Tomorrow", "However", "Meanwhile",
    "Also", "According", "Under", "Over", "Since", "Thanking", "Regarding", "Recognizing", "Recognising",
    "Besides", "Additionally", "Moreover", "Furthermore", "Acknowledging", "Through", "Blessed", "Economic",
    "Press", "Release", "News", "Agency", "Photo", "Source", "Home", "Overview", "Other", "Related", "Tel",
    "Fax", "Email", "Address", "Council", "Committee", "Union", "Nations", "United", "People", "Defense",
    "Defence", "Covid", "Chair", "Chief", "Head", "Senator", "Governor", "Mayor", "Director", "Crown",
    "Prince", "Princess", "Emir", "Sultan", "Premier", "Chancellor", "Envoy", "Commissioner", "Hon",
}


_TITLES = (r"(?:Deputy\s+|Vice\s+|Foreign\s+|Prime\s+)?(?:Prime\s+Minister|Minister|Ambassador|President|"
           r"Secretary|Envoy|Chancellor|Premier|Speaker|Chairman|Governor|Senator|Foreign\s+Minister|"
           r"Secretary-General|King|Queen|Emir|Sultan|Head\s+of\s+State|Head\s+of\s+Government|leader)")
# A later mention by title: "the Minister"; after a nationality also in lower case: "the Portuguese minister"
# ("[tT](?<!\w.)he" is "\b(?:the|The)" that begins with a character class: see CAPITALISED_WORD_RE)
TITLE_MENTION_RE = re.compile(rf"[tT](?<!\w.)he\s+(?:(?:(?P<adj>[A-Z][\w'-]+)\s+((?i:{_TITLES})))|({_TITLES}))\b")
TITLE_SYNONYMS = {"head of state": ("president", "king", "queen", "emir", "sultan", "monarch"),
                  "head of government": ("prime minister", "premier", "chancellor"),
                  "leader": ("president", "prime minister", "premier", "chancellor", "king", "emir", "sultan")}
_UNSEEN = object()
_POSSESSIVE_END_RE = re.compile(r"['’]s?$")


# ---------------------------------------------------------------------------- data
@dataclass
class RoleClaim:
    label: str                     # as stated, without the country: "Senate President"
    office: str                    # slug of the office: "senate-president"
    country: str | None            # alpha-3 the role belongs to
    organisation: Organisation | None
    qualifier: str | None          # outgoing, incoming, former, acting
    sentence: int                  # index of the sentence that states it
    start: int                     # offsets of the person mention in the text
    end: int


@dataclass
class PersonEntity:
    key: str
    name: str
    honorifics: list[str] = field(default_factory=list)
    roles: list[RoleClaim] = field(default_factory=list)
    known: KnownPerson | None = None
    mentions: list[tuple[int, int, int]] = field(default_factory=list)  # (sentence, start, end)
    inferred_country: str | None = None

    @property
    def iri(self):
        return self.known.iri if self.known else person_iri(self.name)

    @property
    def country(self) -> str | None:
        for role in self.roles:
            if role.country and role.qualifier != "former":
                return role.country
        return self.inferred_country

    @property
    def is_commentator(self) -> bool:
        return bool(self.roles) and all(COMMENTATOR_ROLES.search(r.label) for r in self.roles)

    def role_in(self, sentence: int) -> RoleClaim | None:
        current = [r for r in self.roles if r.qualifier != "former"]
        same = [r for r in current if r.sentence == sentence]
        return (same or current or self.roles or [None])[0]


@dataclass
class OrgEntity:
    org: Organisation
    mentions: list[tuple[int, int, int]] = field(default_factory=list)


@dataclass
class Mention:
    """One occurrence of an actor in a sentence; `inside_role` marks organisations and
    countries that only qualify a person's role ("Ambassador of the United States")."""
    sentence: int
    start: int
    end: int
    kind: str            # "person", "org", "country", "group"
    ref: object          # PersonEntity, OrgEntity, alpha-3 str, or a group phrase
    inside_role: bool = False


@dataclass
class Actors:
    people: list[PersonEntity]
    orgs: dict[str, OrgEntity]
    mentions: list[Mention]          # all actor mentions, in text order
    country_counts: dict[str, int]
    text: str                        # the article text as normalised for matching (same offsets)
    # a transcript's speakers: (the sentence their label opens, the person), in text order
    turns: list[tuple[int, PersonEntity]] = field(default_factory=list)

    def speaker_at(self, index: int) -> PersonEntity | None:
        """Whose turn a transcript is at in sentence INDEX ('I' and 'my' there are theirs)."""
        return next((person for at, person in reversed(self.turns) if at <= index), None)

    def in_sentence(self, index: int) -> list[Mention]:
        # (asked sentence after sentence: the mentions are grouped by sentence once, not looked
        # through at each question, which would cost the article's length squared)
        grouped = self.__dict__.get("_by_sentence")
        if grouped is None or grouped[0] != len(self.mentions):
            by_sentence: dict[int, list[Mention]] = {}
            for mention in self.mentions:
                by_sentence.setdefault(mention.sentence, []).append(mention)
            grouped = self._by_sentence = (len(self.mentions), by_sentence)
        return list(grouped[1].get(index, ()))


# ---------------------------------------------------------------------------- helpers
_NORMALISED = (("*", " "), ("_", " "), ("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("\u00a0", " "),
               ("–", "-"), ("—", "-"))


def normalise(text: str) -> str:
    """Same length as the input, so offsets carry over: markup stripped, quotes straightened."""
    # str.replace runs at memory speed; str.translate looks up every character in a dict.
    # No replacement is itself replaced later, so the chain maps each character once.
    for old, new in _NORMALISED:
        text = text.replace(old, new)
    return text


# The mapper's small patterns, compiled once: re.sub(pattern, ...) looks its pattern up in re's
# cache on every call, which costs more than the match on a short name or role.
_WHITESPACE_RUN_RE = re.compile(r"\s+")
_QUALIFIER_RE = re.compile(r"(former|outgoing|incoming|acting|interim|caretaker|then|newly[\s-]elected|designate)\b",
                           re.I)
_LEADING_QUALIFIER_RE = re.compile(r"^(former|outgoing|incoming|acting|interim|caretaker|then|newly[\s-]elected)\s+",
                                   re.I)


# Abbreviated titles written before a name in capitals.
_TITLE_ABBREVIATIONS = {"PM", "FM", "DPM", "VP", "CM", "SG", "MP", "EAM", "NSA"}


def clean_name(raw: str) -> tuple[str, list[str]]:
    """Split honorifics from a name and undo all-caps surnames: '**H.E. SOK Chenda**' -> 'Sok Chenda'."""
    honorifics = []
    rest = raw.strip(" ,")
    while True:
        m = _HONORIFIC_PREFIX_RE.match(rest)
        if not m:
            break
        honorifics.append(_WHITESPACE_RUN_RE.sub(" ", m.group(0).strip()))
        rest = rest[m.end():]
    inner = _RANK_INSIDE_RE.search(rest)
    if inner is not None and rest[inner.end():].strip():
        # "Fire Force Lt Gen Khaled Al-Mikrad": the end of a body's name, then a rank, then the name
        honorifics.append(_WHITESPACE_RUN_RE.sub(" ", inner.group(1)))
        rest = rest[inner.end():]
    words = []
    parts = rest.split()
    while len(parts) > 1 and parts[0].rstrip(".").upper() in _TITLE_ABBREVIATIONS and parts[0].rstrip(".").isupper():
        parts = parts[1:]  # "PM Marape", "FM Bilawal": a title's abbreviation, not the name's first word
    rest = " ".join(parts)
    for word in rest.split():
        if word.isupper() and len(word) > 1 and word not in ROMAN_NUMERALS and "." not in word:
            word = word.capitalize()
        words.append(word)
    name = " ".join(words).rstrip("'s").strip() if rest.endswith("'s") else " ".join(words)
    return name, honorifics


def role_office(label: str, gazetteer: Gazetteer) -> str:
    key = strip_qualifier(_WHITESPACE_RUN_RE.sub(" ", label.lower()).strip())
    return gazetteer.offices.get(key) or slug(key)


def qualifier_of(label: str) -> str | None:
    m = _QUALIFIER_RE.match(label)
    if not m:
        return None
    word = m.group(1).lower()
    return {"then": "former", "caretaker": "acting", "interim": "acting"}.get(word, word.replace(" ", "-"))


def strip_qualifier(label: str) -> str:
    return _LEADING_QUALIFIER_RE.sub("", label)


# ---------------------------------------------------------------------------- the finder
_THE_BEFORE_RE = re.compile(r"\bthe\s$")
_ONE_WORD_RE = re.compile(r"\w+")
_OF_THE_RE = re.compile(r"\s+of\s+(?:the\s+)?")
_SUFFIX_OF_THE_RE = re.compile(r"(?:-(?:designate|elect))?\s+of\s+(?:the\s+)?")  # "Prime Minister-designate of the"
# (either apostrophe, and "CARICOM’S" in capitals)
_CAPITALISED_WORDS_AT_END_RE = re.compile(r"((?:[A-Z][\w.'’-]*\s?){1,4}?)(?:['’][sS])?\s*$")
_POSSESSIVE_S_END_RE = re.compile(r"['’][sS]$")
_NON_PERSON_WORD_RE = re.compile(r"\b(?:" + "|".join(map(re.escape, NOT_PERSON_WORDS)) + r")\b")
_ROLE_FIRST_WORD_RE = re.compile(r"(\S+)\s+")
_WORD_BEFORE_RE = re.compile(r"([A-Z][\w'’-]*)\s+$")
# Titles that make a full name with one word: a peer is "Lord Ahmad", a knight "Sir Keith".
_NAMING_HONORIFICS = {"Lord", "Lady", "Sir", "Dame", "Sheikh", "Sheikha"}
_LEADING_ARTICLE_RE = re.compile(r"^(?:the|a|an)\s+", re.I)
# "of the United States to ASEAN": the first 'of X' owns the role; 'to Y' is where it is exercised.
_ROLE_OWNER_RE = re.compile(r"\b(?:of|at|in|for|from)\s+(?:the\s+)?(?:ruling\s+|opposition\s+)?(.+?)(?:\s+to\s+.*)?$")
_TRAILING_ACRONYM_RE = re.compile(r"\s*\(([A-Z][A-Za-z]{1,9})\)$")
_OWNER_SEPARATOR_RE = re.compile(r"\s+(?:of|at|in|for|from)\s+(?:the\s+)?")
_TO_RE = re.compile(r"\s+to\s+")
_TO_WHERE_RE = re.compile(r"\s+to\s+(?:the\s+)?\S.*$")


class ActorFinder:
    def __init__(self, gazetteer: Gazetteer, text: str, sentences: list[Span], on: dt.date | None):
        self.g = gazetteer
        self.raw = text
        self.text = normalise(text)
        self.sentences = sentences
        self.on = on
        self.people: dict[str, PersonEntity] = {}
        self.orgs: dict[str, OrgEntity] = {}
        self.mentions: list[Mention] = []
        self.defined_orgs: dict[str, Organisation] = {}  # acronyms and names the text defines
        self._defined_orgs_re: re.Pattern | None = None
        self.country_counts: dict[str, int] = {}
        self.role_spans: list[tuple[int, int]] = []  # text of role phrases, owner included
        self.turns: list[tuple[int, PersonEntity]] = []
        self._doc = (None, 0)                          # the parse of the sentence being scanned, if any
        # What the scan asks again and again as the article goes on, kept so that each question
        # costs the same at the article's end as at its start (looked through, the lists would
        # make the article's length squared):
        self._mentioned: set[tuple[str, int]] = set()  # (kind, start) of each mention
        self._open_role_spans: list[tuple[int, int]] = []  # role spans not ended before this sentence
        self._found_order: dict[int, int] = {}  # id(person) -> when it was found
        self._people_by_word: dict[str, list[PersonEntity]] = {}  # a word of a name's slug -> people
        self._people_by_first_word: dict[str, list[PersonEntity]] = {}

    # -- entry point
    def run(self, parsed=None) -> Actors:
        self._define_acronyms()
        for index, sentence in enumerate(self.sentences):
            self._doc = (parsed.get(index) if parsed is not None else None, sentence.start)
            self._scan_sentence(index, sentence)
        self._doc = (None, 0)
        if parsed is not None:
            self._drop_what_the_recogniser_calls_no_one(parsed)
            self._add_named_entities(parsed)
        self._names_are_not_countries()
        self._roles_in_apposition(parsed)
        self._roles_given_as()
        self._roles_on_the_next_line()
        self._resolve_short_mentions()
        self._infer_countries()
        self._countries_beside_names()
        self._countries_of_described_offices()
        self.mentions.sort(key=lambda m: (m.start, -m.end))
        return Actors(list(self.people.values()), self.orgs, self.mentions, self.country_counts, self.text,
                      self.turns)

    # -- organisations the text defines: "the Communist Party of Vietnam (CPV)"
    def _define_acronyms(self):
        for sentence in self.sentences:
            if self.text.find("(", sentence.start, sentence.end) < 0:
                continue  # (most sentences have no brackets)
            for m in re.finditer(r"\(([A-Z][A-Za-z]{1,9})\)", self.text[sentence.start:sentence.end]):
                acronym = m.group(1)
                before = self.text[sentence.start:sentence.start + m.start()].rstrip()
                name = _expansion(before, acronym)
                if not name:
                    continue
                known = self.g.organisations.get(name) or self.g.organisations.get(acronym)
                if known is None:
                    if self.g.country_of(name) or not _looks_like_org(name):
                        continue
                    known = Organisation(org_iri(name), name, _org_kind(name), acronym, self.g.first_country_in(name))
                self.defined_orgs[acronym] = known
                self.defined_orgs[name] = known
        if self.defined_orgs:
            names = sorted(self.defined_orgs, key=len, reverse=True)
            self._defined_orgs_re = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?!\w)")

    # -- one sentence
    def _scan_sentence(self, index: int, sentence: Span):
        a, b = sentence.start, sentence.end
        taken: list[tuple[int, int]] = []
        speaker = self._speaker_label(index, a, b)
        if speaker is not None:
            taken.append(speaker)
        # (sentences come in order: a role span that ended before this one contains nothing in it)
        self._open_role_spans = [span for span in self._open_role_spans if span[1] > a]
        # 1. persons introduced with their role, either side of the name
        titled = set()  # names with a title before them: words after a comma add no title to those
        for start, end, name, role_text, role_start, country_hint, strong in self._role_person_pairs(a, b):
            if any(s < end and start < e and (s, e) != (start, end) for s, e in taken):
                continue
            if not strong and role_start > start and (start, end) in titled:
                continue  # "President of Azerbaijan Ilham Aliyev, Prime Minister of Armenia Nikol ..."
            if strong and role_start < start:
                titled.add((start, end))
            # "Indonesian Foreign Minister Sugiono": one name is enough after a country's title.
            role_text = TITLE_ABBREVIATIONS.get(role_text, role_text) if role_text else role_text
            person = self._person(name, start, end, index, single_ok=strong)
            if person is None and len(name.split()) == 1 and role_text:
                # "PM Modi", "President Aliyev": a surname after a title is the one office-holder of that
                # name the dictionary knows in that office then
                known = self.g.person_by_surname(name, self.on)
                office = role_office(role_text, self.g)
                if known is not None and any(t.role == office and t.holds_on(self.on) for t in known.tenures):
                    person = self._person(known.name, start, end, index, known=known)
            if person is None:
                continue
            if role_text:
                self._add_role(person, role_text, role_start, country_hint, index, start, end)
            taken.append((start, end))
        # 2. names the office-holder dictionary knows, anywhere
        for m in self.g.person_re.finditer(self.text, a, b):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            known = self.g.persons[m.group(0)]
            self._person(known.name, m.start(), m.end(), index, known=known)
            taken.append((m.start(), m.end()))
        # 3. honorific + name: "Mr. Kerry", "H.E. Mr. Tan"
        for m in HONORIFIC_NAME_RE.finditer(self.text, a, b):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            name, _ = clean_name(m.group(0))
            if name and not self._is_non_person(name):
                self._person(m.group(0), m.start(), m.end(), index, short_ok=True)
                taken.append((m.start(), m.end()))
        # 4. organisations and countries
        self._scan_orgs_and_countries(index, a, b, taken)

    def _sentence_at(self, offset: int) -> int | None:
        """The index of the sentence holding OFFSET, if any (sentences are in text order)."""
        if not hasattr(self, "_sentence_starts"):
            self._sentence_starts = [s.start for s in self.sentences]
        index = bisect.bisect_right(self._sentence_starts, offset) - 1
        return index if index >= 0 and offset < self.sentences[index].end else None

    def _speaker_label(self, index: int, a: int, b: int) -> tuple[int, int] | None:
        """'ANTHONY ALBANESE, PRIME MINISTER OF AUSTRALIA: Good morning.': a transcript's label names the
        speaker and their office, in capitals; the turn is theirs until the next label. The span read."""
        m = _SPEAKER_LABEL_RE.match(self.text, a, b)
        if m is None or self._is_non_person(_title_case(m.group("name"))):
            return None
        person = self._person(_title_case(m.group("name")), m.start("name"), m.end("name"), index)
        if person is None:
            return None
        self._add_role(person, _title_case(m.group("role")), m.start("role"), None, index,
                       m.start("name"), m.end("name"))
        self._role_span(m.start("role"), m.end("role"))
        self.turns.append((index, person))
        return m.start(), m.end()

    def _roles_on_the_next_line(self):
        """A list of one name a line, each followed by a line of its title ('His Excellency John Concannon' /
        'Ambassador of Ireland'): the title is the office of the name above it."""
        for person in self.people.values():
            if person.roles:
                continue
            for index, start, end in sorted(person.mentions):
                if not 0 <= index < len(self.sentences) - 1:
                    continue
                line, following = self.sentences[index], self.sentences[index + 1]
                if self.text[end:line.end].strip() or not _ONLY_HONORIFICS_RE.fullmatch(self.text, line.start, start):
                    continue  # (the name is not the whole line: honorifics at most before it)
                m = _WHOLE_LINE_ROLE_RE.match(self.text, following.start, following.end)
                if m is None or not _names_an_office(m.group("role")):
                    continue
                self._add_role(person, m.group("role"), m.start("role"), None, index + 1, start, end)
                break

    def _roles_given_as(self):
        """'received from Mr Min-jun Park Letters of Credence accrediting him as the Ambassador of the
        Republic of Korea': the office a pronoun is accredited, appointed or named as is the office of
        the person named last before it in the sentence, when they have none yet."""
        for m in _PRONOUN_AS_ROLE_RE.finditer(self.text):
            if not _names_an_office(m.group("role")):
                continue
            index = self._sentence_at(m.start())
            if index is None:
                continue
            before = [x for x in self.mentions if x.kind == "person" and x.sentence == index and x.end <= m.start()]
            if before:
                person = max(before, key=lambda x: x.end).ref
                if not person.roles:
                    self._add_role(person, m.group("role"), m.start("role"), None, index, m.start(), m.end())

    def _roles_in_apposition(self, parsed=None):
        """'Alexandre Stutzmann, the European Union Representative to Palestine,': a person named with no
        role, followed by an apposition headed by an office word, holds that office (of the country or
        body it names)."""
        for person in self.people.values():
            if person.roles:
                continue
            for index, start, end in sorted(person.mentions):
                if not 0 <= index < len(self.sentences):
                    continue
                m = _APPOSED_ROLE_RE.match(self.text, end, self.sentences[index].end)
                if m is None or not _names_an_office(m.group("role")):
                    continue
                if any(o.start < m.end("role") and m.start("role") < o.end for o in self.mentions
                       if o.kind == "person"):
                    continue  # "X, the envoy of President Y": another person's phrase
                if not self._verbless(m.start("role"), m.end("role"), index, parsed):
                    continue  # "H.E. Mr. Gariballa Khidir Ali, the Minister reaffirmed ...": the next clause
                self._add_role(person, m.group("role"), m.start("role"), None, index, start, end)
                break

    def _verbless(self, start: int, end: int, index: int, parsed) -> bool:
        """Does START..END hold no verb (per the parse; unparsed, are its words a title's: capitalised,
        or of, the, to, for, and)?"""
        doc = parsed.get(index) if parsed is not None else None
        if doc is not None:
            base = self.sentences[index].start
            return not any(t.pos_ in ("VERB", "AUX") for t in doc if start <= base + t.idx < end)
        return all(w[0].isupper() or w in ("of", "the", "to", "for", "and") for w in self.text[start:end].split())

    def _countries_beside_names(self):
        """People still without a country: the country written right beside one of their mentions
        ('FM Sirojiddin Muhriddin of Tajikistan', 'Kenya's Ruto', 'Uruguay, Nester Navarro')."""
        for person in self.people.values():
            if person.country or any(r.organisation for r in person.roles):
                continue
            for index, start, end in sorted(person.mentions):
                sentence = self.sentences[index] if 0 <= index < len(self.sentences) else None
                if sentence is None:
                    continue
                code = self._country_after(end, sentence.end) or self._country_before_name(start, sentence.start)
                if code:
                    person.inferred_country = code
                    break

    def _countries_of_described_offices(self):
        """People still without a country, holding an office the article describes with a country
        elsewhere ('Prime Minister Pashinyan' ... 'the Prime Minister of Armenia', 'the Armenian prime
        minister'): the one holder of that office in the article whose country is not stated is of the one
        country so described that no other holder of the office is of."""
        holders: dict[str, list[PersonEntity]] = {}
        for person in self.people.values():
            offices = {r.office for r in person.roles if r.office and r.qualifier != "former"}
            if person.known:  # (the dictionary's office-holders hold their office here too: "Biden", the US's)
                offices |= {t.role for t in person.known.tenures if t.country and t.holds_on(self.on)}
            for office in offices:
                holders.setdefault(office, []).append(person)
        for office, people in holders.items():
            unstated = [p for p in people if not p.country and not any(r.organisation for r in p.roles)]
            if len(unstated) != 1 or office in UNSPECIFIC_OFFICES:
                continue
            person = unstated[0]
            taken = {p.country for p in people if p.country}
            labels = {strip_qualifier(r.label) for r in person.roles if r.office == office}
            found: set[str] = set()
            for label in labels:
                for m in re.finditer(rf"\b{re.escape(label)}\b", self.text, re.IGNORECASE):
                    index = self._sentence_at(m.start())
                    sentence = self.sentences[index] if index is not None else None
                    # ("Malaysia's Senior Defence Minister, Mr Hisham Noor": a title of the name after it)
                    if sentence is None or any(s < m.end() and m.start() < e for s, e in self.role_spans) or any(
                            x.kind == "person" and 0 <= x.start - m.end() <= 12 for x in self.mentions):
                        continue
                    code = self._country_after(m.end(), sentence.end) or \
                        self._country_before_name(m.start(), sentence.start)
                    if code:
                        found.add(code)
            found -= taken
            if len(found) == 1:
                person.inferred_country = found.pop()

    def _country_after(self, end: int, limit: int) -> str | None:
        m = _OF_COUNTRY_AFTER_RE.match(self.text, end, min(limit, end + 90))
        if m is None:
            return None
        found = self.g.country_re.match(self.text, m.end())
        return self.g.country_of(found.group(0)) if found else None

    def _country_before_name(self, start: int, floor: int) -> str | None:
        window = self.text[max(floor, start - 60):start]
        # "Nepal's Ambassador to the UK Ghanshyam Bhandari": the possessive says whose; the UK is where
        owner = _POSSESSIVE_COUNTRY_RE.search(window)
        if owner is not None and self.g.country_of(owner.group(1)):
            return self.g.country_of(owner.group(1))
        m = _COUNTRY_RIGHT_BEFORE_RE.search(window)
        if m is None or _TO_THE_RE.search(window, 0, m.start(1)):
            return None
        return self.g.country_of(m.group(1))

    def _names_are_not_countries(self):
        """'Montenegro' after 'Prime Minister Luís Montenegro', 'Jordan' after 'Michael Jordan': a
        word of a person's name this article gives is that person, not the country."""
        name_words = {}
        for person in self.people.values():
            words = person.name.split()
            if len(words) >= 2:
                for word in words[1:]:
                    name_words.setdefault(word, []).append(person)
        if not name_words:
            return
        person_spans = sorted((p.start, p.end) for p in self.mentions if p.kind == "person")
        starts = [start for start, _ in person_spans]
        kept = []
        for m in self.mentions:
            owners = name_words.get(self.text[m.start:m.end]) if m.kind == "country" else None
            if owners and len(owners) == 1:
                person = owners[0]
                at = bisect.bisect_right(starts, m.start) - 1  # the person mention that could hold it
                if at < 0 or person_spans[at][1] <= m.start:
                    person.mentions.append((m.sentence, m.start, m.end))
                    kept.append(Mention(m.sentence, m.start, m.end, "person", person))
                    self._mentioned.discard(("country", m.start))
                    self._mentioned.add(("person", m.start))
                    self.country_counts[m.ref] = max(0, self.country_counts.get(m.ref, 1) - 1)
                continue
            kept.append(m)
        self.mentions = kept

    def _drop_what_the_recogniser_calls_no_one(self, parsed):
        """A capitalised run the patterns took for a name ("Credentials Ceremony", "Vienna Convention",
        "Bangabandhu Museum") that the recogniser reads, whole, as an organisation, a place, a law or
        an event is no person, unless the office-holder dictionary knows them or the text gave them
        an office."""
        dropped: set[int] = set()
        for m in self.mentions:
            if m.kind != "person" or m.ref.known is not None or m.ref.roles:
                continue
            doc = parsed.get(m.sentence)
            if doc is None:
                continue
            base = self.sentences[m.sentence].start
            cover = next((e for e in doc.ents if base + e.start_char <= m.start and m.end <= base + e.end_char), None)
            if cover is not None and cover.label_ in NOT_A_PERSON:
                dropped.add(id(m))
        if not dropped:
            return
        self.mentions = [m for m in self.mentions if id(m) not in dropped]
        kept_people = {id(m.ref) for m in self.mentions if m.kind == "person"}
        for key in [k for k, p in self.people.items() if id(p) not in kept_people]:
            person = self.people.pop(key)
            person.mentions.clear()

    def _add_named_entities(self, parsed):
        """People the parser's named-entity recogniser finds where no title list, honorific or
        dictionary entry did ("spokesman Wang Wenbin", heads of state with titles in their own
        language, names from anywhere): a PERSON entity that acts in its sentence (a subject, an
        object, a with/to/by phrase, an apposition of one) or stands beside an office word."""
        for index in range(len(self.sentences)):
            if parsed.get(index) is None:
                self._add_possessed_names(index)
        for index, doc in parsed.docs.items():
            base = self.sentences[index].start
            self._add_argument_names(index, doc, base)
            self._add_listed_names(index, doc, base)
            for ent in doc.ents:
                if ent.label_ == "NORP" and len(ent) == 1 and self.g.country_of(ent.text) is None:
                    # "Albanese" read as a nationality: the one office holder of that name, if any
                    known = self.g.person_by_surname(ent.text, self.on)
                    start, end = base + ent.start_char, base + ent.end_char
                    if known is not None and not any(m.start < end and start < m.end for m in self.mentions):
                        self._person(ent.text, start, end, index, known=known, single_ok=True)
                    continue
                if ent.label_ != "PERSON":
                    continue
                ent = _name_only(ent)
                if ent is None:
                    continue
                start, end = base + ent.start_char, base + ent.end_char
                if any(m.start < end and start < m.end for m in self.mentions if m.kind in ("person", "org")):
                    continue
                role_tokens = _office_words_before(ent)
                root = ent.root
                acting = root.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj", "dative", "attr") and \
                    _takes_part(root)
                if root.head.lemma_.lower() in NER_REPORTING_VERBS and not role_tokens:
                    continue  # "..., said John Smith": a source, not a party
                # "Uganda's Yoweri Museveni", "Farhod Arziev, Republic of Uzbekistan": a name a country qualifies
                qualified = self._country_before_name(start, base) or self._country_after(end, base + len(doc.text))
                if not (role_tokens or acting or qualified):
                    continue
                known = self.g.person_by_surname(ent.text, self.on) if len(ent) == 1 else None
                if known is not None:
                    # "Erdogan" alone: the one office holder of that name then
                    self._person(ent.text, start, end, index, known=known, single_ok=True)
                    continue
                person = self._person(ent.text, start, end, index, single_ok=bool(role_tokens) or len(ent) >= 2)
                if person is None or person.roles:
                    continue
                if not role_tokens:
                    # "the ambassadors of Uganda, Julius Katembeka, Vietnam, Duong Chue": in a list, the
                    # country named right before the name (after the last name) or right after it is theirs
                    own = self._country_beside(ent, base) if person.known is None else None
                    if own and person.inferred_country is None:
                        person.inferred_country = own
                    continue
                role_start = base + role_tokens[0].idx
                role_text = self.text[role_start:base + role_tokens[-1].idx + len(role_tokens[-1])]
                hint, _ = self._country_before(role_start, self.sentences[index].start)
                self._add_role(person, role_text, role_start, hint, index, start, end)

    def _add_argument_names(self, index: int, doc, base: int):
        """A subject or object written as a run of two to four capitalised words that no list,
        dictionary or the recogniser took ("(SAARC) Arjun Bahadur Thapa called on ..."): a name."""
        for tok in doc:
            # ("welcomed the Ugandan president, Moses Okello, ...": a name in apposition to an office word)
            apposed = tok.dep_ == "appos" and tok.head.lower_ in OFFICE_WORDS and \
                tok.head.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")
            # ("the Ambassadors of Australia, Paula Ganly, Spain, Pedro Martineth and Czech Republic, Petr
            # Stepanek": a name in a list stands where the list's first item does)
            listed = tok
            while listed.dep_ in ("conj", "appos") and listed.head != listed:
                listed = listed.head
            if listed != tok and listed.dep_ == "pobj" and listed.head.lower_ == "of" and \
                    word_of(listed.head.head) in OFFICE_WORDS:
                listed = listed.head.head  # (the list hangs from "the Ambassadors of")
            if tok.pos_ != "PROPN" or listed.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj") and not apposed:
                continue
            if listed != tok and (tok.ent_type_ == "PERSON" or
                                      not any(word_of(w) in OFFICE_WORDS for w in listed.subtree if w.i <= listed.i)):
                continue  # only a list of envoys or officials, and only names the recogniser left (it gives roles)
            titled = tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in OFFICE_WORDS and \
                tok.head.head.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")
            if apposed:
                role = tok.head
                governor = role.head.head if role.dep_ == "pobj" else role.head
            elif listed.dep_ == "pobj" and listed.head.lower_ not in ("with", "to", "by", "from", "on", "between") and \
                    not titled:
                continue  # "at a Credentials Ceremony", "for Morning Call": a place, a time, a purpose
            else:
                governor = listed.head.head if listed.dep_ == "pobj" else listed.head
            if titled:
                # "The head of state Kassym-Jomart Tokayev spoke with ...", parsed as the head "of" a
                # name: the name is the subject's, the verb the subject's verb
                role = tok.head.head
                governor = role.head.head if role.dep_ == "pobj" else role.head
            if governor.lemma_.lower() not in LEXICON.verbs and governor.lemma_.lower() not in LEXICON.nouns:
                continue  # only who takes part in an interaction the lexicon names
            first = tok.i
            while first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].dep_ in ("compound", "flat") \
                    and doc[first - 1].lower_ not in OFFICE_WORDS and doc[first - 1].is_title:
                first -= 1
            words = doc[first:tok.i + 1]
            if not 2 <= len(words) <= 4 or not all(w.is_title and w.is_alpha for w in words) or tok.tag_ == "NNPS":
                continue  # ("Open Letters": a plural is no one's name)
            start, end = base + words.start_char, base + words.end_char
            if any(m.start < end and start < m.end for m in self.mentions):
                continue
            if any(w.ent_type_ in ("GPE", "NORP", "FAC", "LOC", "DATE", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT")
                   for w in words):
                continue
            if tok.ent_type_ == "ORG" and tok.doc[tok.i].ent_iob_ != "B" and \
                    not any(t.ent_type_ == "ORG" and t.ent_iob_ == "B" for t in doc[:first]):
                continue
            if tok.ent_type_ == "ORG" and any(e.start == first and e.label_ == "ORG" for e in doc.ents):
                continue  # the whole run is an organisation's name ("Communications Directorate")
            person = self._person(words.text, start, end, index)
            if listed != tok and person is not None and person.country is None:
                # "... and Senegal, Ndao Malik, as well as the ambassadors of Turkey": the list's own
                # country, right before the name, not the next phrase's
                own = self._country_beside(words, base)
                if own:
                    person.inferred_country = own
            if apposed and person is not None and not person.roles:
                title = [t for t in tok.head.subtree if t.i <= tok.head.i and t.dep_ not in ("det", "punct")]
                owner = next((self.g.country_of(t.text) for t in title if self.g.country_of(t.text)), None)
                title = [t for t in title if not self.g.country_of(t.text) and t.dep_ != "poss" and t.lower_ != "'s"]
                if title:
                    role_start = base + title[0].idx
                    role_text = self.text[role_start:base + tok.head.idx + len(tok.head)]
                    hint = owner or self._country_before(role_start, self.sentences[index].start)[0]
                    self._add_role(person, role_text, role_start, hint, index, start, end)

    def _add_possessed_names(self, index: int):
        """In a sentence the parser did not read: "Uganda's Yoweri Museveni", "Ethiopia's Prime
        Minister Abiy Ahmed": a country's possessive before two to four capitalised words is a person
        of that country (an office word between them is their role)."""
        sentence = self.sentences[index]
        if "'s " in self.text[sentence.start:sentence.end]:
            self._names_after_countries(index, _POSSESSED_NAME_RE, ("person", "org"))

    def _names_after_countries(self, index: int, pattern: re.Pattern, taken_by: tuple[str, ...]):
        """Each country named in the sentence and followed by a name as PATTERN reads it: a person of
        that country, unless a mention of the kinds TAKEN_BY already holds the words."""
        sentence = self.sentences[index]
        for m in self.g.country_re.finditer(self.text, sentence.start, sentence.end):
            code = self.g.country_of(m.group(0))
            name = pattern.match(self.text, m.end(), sentence.end)
            if not code or name is None:
                continue
            start, end = name.start("name"), name.end("name")
            if any(x.start < end and start < x.end for x in self.mentions if x.kind in taken_by):
                continue
            person = self._person(name.group("name"), start, end, index)
            if person is not None and person.inferred_country is None and not person.roles:
                person.inferred_country = code

    def _add_listed_names(self, index: int, doc, base: int):
        """'the ambassadors of Uganda, Julius Katembeka, Vietnam, Duong Chue, and Senegal, Ndao Malik':
        in a sentence about several envoys or leaders, a country and a comma before two to four
        capitalised words that end at a comma, 'and', a semicolon or the sentence's end name a person
        of that country."""
        if any(t.tag_ in ("NNS", "NNPS") and word_of(t) in LIST_HEADS for t in doc):
            self._names_after_countries(index, _LISTED_NAME_RE, ("person", "org", "country"))

    def _country_beside(self, ent, base: int) -> str | None:
        doc = ent.doc
        before = doc[max(0, ent.start - 6):ent.start]
        after = doc[ent.end:min(len(doc), ent.end + 16)]
        stops = {"PERSON"}
        # "Geeta Pasi of the U.S., Gaen Kamau of Kenya": a name's own "of COUNTRY" comes first, and a
        # country after "of" belongs to the name before that "of", not to the next name in the list
        own = self._country_of_phrase(after)
        if own:
            return own
        before = [t for t in before if not self._owned_by_earlier_name(t)]
        for side in (list(reversed(before)), list(after)):
            for tok in side:
                if tok.ent_type_ in stops or tok.text in (";",):
                    break
                if tok.ent_type_ in ("GPE", "NORP") and tok.i > 0 and doc[tok.i - 1].lower_ in PLACE_PREPOSITIONS:
                    continue  # "ambassador to the UK", "in Nepal": where, not whose
                if tok.ent_type_ == "GPE" and tok.i > 2 and doc[tok.i - 1].text == "," and \
                        doc[tok.i - 2].ent_type_ == "GPE" and doc[tok.i - 2].left_edge.i > 0 and \
                        doc[doc[tok.i - 2].left_edge.i - 1].lower_ in PLACE_PREPOSITIONS:
                    continue  # "in Nairobi, Kenya": the city's country, where too
                if tok.ent_type_ in ("GPE", "NORP"):
                    ent_text = next((e.text for e in doc.ents if e.start <= tok.i < e.end), tok.text)
                    code = self.g.country_of(ent_text) or self.g.country_of(tok.text)
                    if code:
                        return code
        return None

    def _country_of_phrase(self, toks) -> str | None:
        """The country of 'of/from (the) COUNTRY' at the start of toks."""
        toks = list(toks)
        if not toks or toks[0].lower_ not in ("of", "from"):
            return None
        rest = toks[1:]
        if rest and rest[0].lower_ == "the":
            rest = rest[1:]
        if not rest or rest[0].ent_type_ not in ("GPE", "NORP"):
            return None
        doc = rest[0].doc
        ent_text = next((e.text for e in doc.ents if e.start <= rest[0].i < e.end), rest[0].text)
        return self.g.country_of(ent_text) or self.g.country_of(rest[0].text)

    @staticmethod
    def _owned_by_earlier_name(tok) -> bool:
        """A country word after 'X of (the)': X's, whoever comes next."""
        doc = tok.doc
        for back in (1, 2):
            i = tok.i - back
            if i >= 0 and doc[i].lower_ in ("of", "from"):
                return i > 0 and doc[i - 1].ent_type_ == "PERSON"
            if i >= 0 and doc[i].lower_ != "the" and doc[i].ent_iob_ != "I":
                return False
        return False

    def _role_person_pairs(self, a: int, b: int):
        """(name start, name end, raw name, role text, role start, country/org hint) in a sentence."""
        text = self.text
        pairs = []
        # "[Cambodia's|Cambodian|US] Senate President[,] [His Excellency] Hun Sen"
        if not ROLE_HINT.search(text, a, b):
            return pairs
        lead, appositive = _patterns(self.g)
        for m in lead.finditer(text, a, b):
            role_before = text[max(a, m.start() - 4):m.start()]
            if _THE_BEFORE_RE.search(role_before) and _ONE_WORD_RE.fullmatch(m.group("role")) and \
                    text[m.end("role"):m.end("role") + 1] == ",":
                continue  # "Welcoming the Ambassador, Hon. Botchwey ...": two people, not a title
            name_start = m.start("hon") if m.group("hon") else m.start("name")
            role, role_start = m.group("role"), m.start("role")
            inner = self._title_inside_name(name_start, m.end("name"))
            if inner is not None and not inner[3] and role.split()[-1].lower() not in LEXICON.relational_titles:
                # "CARICOM's Secretary-General, Ambassador Irwin LaRocque": an office, then a rank; the
                # office is the role, the rank no part of the name
                name_start, inner = inner[0], None
            if inner is not None:
                # "his counterpart, Brazilian President Lula": the name's own title is the role
                name_start, role, role_start, inner_country = inner
            name_text, _ = _trim_name(text[name_start:m.end("name")])
            split = _ROLE_FIRST_WORD_RE.match(role)
            before = _WORD_BEFORE_RE.search(text, max(a, role_start - 20), role_start)
            if split and before and split.end() < len(role) and \
                    self.g.country_of(f"{before.group(1)} {split.group(1)}"):
                # "South African President": "African" opens office names ("Minister of African
                # Affairs") but here ends the country's adjective
                role, role_start = role[split.end():], role_start + split.end()
            if name_text:
                hint, hint_start = self._country_before(role_start, a)
                if inner is not None and inner_country:
                    hint, hint_start = inner_country, role_start
                after = _OF_THE_RE.match(text, m.end("name"), b)
                if hint is None and after:
                    # "Foreign Minister Cho Tae-yul of the Republic of Korea"
                    owner = self.g.country_re.match(text, after.end())
                    if owner:
                        hint, hint_start = self.g.country_of(owner.group(0)), m.start("role")
                        self._role_span(m.end("name"), owner.end())
                self._role_span(hint_start if hint else role_start, m.end("role"))
                owned = hint is not None or self.g.first_country_in(role) is not None
                pairs.append((name_start, name_start + len(name_text), name_text, role, role_start, hint, owned))
        # "His Excellency SOK Chenda Sophea, Deputy Prime Minister and Minister of ...",
        # "Seun Sam, a policy researcher at the Royal Academy of Cambodia",
        # "Hun Sen, in his capacity as president of the ruling Cambodian People's Party (CPP)"
        for m in appositive.finditer(text, a, b) if text.find(",", a, b) >= 0 else ():  # (a comma after the name)
            name_start = m.start("hon") if m.group("hon") else m.start("name")
            raw_name = text[name_start:m.end("name")]
            owner = self.g.country_re.match(raw_name)
            if owner and raw_name[owner.end():owner.end() + 1] == " " and self.g.country_of(owner.group(0)):
                # "counterpart, Brazilian President Lula", "President of Azerbaijan Ilham Aliyev, ...":
                # a country's name or adjective opens no one's name
                name_start += owner.end() + 1
                raw_name = raw_name[owner.end() + 1:]
            prefix = _ROLE_START_RE.match(raw_name)
            if prefix:  # "Outgoing Prime Minister Hun Sen, in his capacity as ...": the name is what follows
                name_start += prefix.end()
                raw_name = raw_name[prefix.end():]
            name_text, _ = _trim_name(raw_name)
            if not name_text or self._is_non_person(clean_name(name_text)[0]):
                continue
            role = m.group("role").rstrip(" ,")
            if _NEXT_NAME_RE.match(text, m.end("role"), b):
                continue  # the "role" is the next person's title: a list of people, not an appositive
            if self._subject_of_next_clause(m.start("role"), m.start("role") + len(role)):
                continue  # "..., H.E. Mr. Gariballa Khidir Ali, the Minister reaffirmed ...": the next clause's subject
            hint = self.g.country_of(m.group("adj")) if m.group("adj") else None
            owner_of = _SUFFIX_OF_THE_RE.match(text, m.start("role") + len(role), b) if hint is None else None
            owner = self.g.country_re.match(text, owner_of.end()) if owner_of else None
            if owner is not None:
                hint = self.g.country_of(owner.group(0))  # "..., Prime Minister-designate of the Republic of X"
            self._role_span(m.start("adj") if m.group("adj") and hint else m.start("role"),
                            owner.end() if owner is not None else m.start("role") + len(role))
            pairs.append((name_start, name_start + len(name_text), name_text, role, m.start("role"), hint, False))
        # The longest reading of each name wins.
        # (a title before the name reads surer than words after a comma: "President of Azerbaijan
        # Ilham Aliyev, Prime Minister of Armenia ..." is Aliyev's title, then the next person's)
        pairs.sort(key=lambda p: (p[0], -(p[1] - p[0]), not p[6], -len(p[3] or "")))
        return pairs

    def _title_inside_name(self, start: int, end: int):
        """'Brazilian President Luiz Inácio Lula', 'Ambassador Irwin LaRocque' read as a name after
        another title ('counterpart, ...', 'Secretary-General, ...'): (where the name starts, its own
        title, where that starts, the country its adjective names), or None."""
        raw = self.text[start:end]
        country, offset = None, 0
        owner = self.g.country_re.match(raw)
        if owner and raw[owner.end():owner.end() + 1] == " " and self.g.country_of(owner.group(0)) and \
                _ROLE_START_RE.match(raw, owner.end() + 1):
            country, offset = self.g.country_of(owner.group(0)), owner.end() + 1
        prefix = _ROLE_START_RE.match(raw, offset)
        if prefix is None or prefix.end() >= len(raw):
            return None
        return start + prefix.end(), raw[offset:prefix.end()].strip(), start + offset, country

    def _subject_of_next_clause(self, start: int, end: int) -> bool:
        """Is the phrase START..END the subject of a verb (per the parse, where the sentence was parsed)?"""
        doc, base = self._doc
        if doc is None:
            return False
        words = [t for t in doc if start <= base + t.idx < end]
        heads = [t for t in words if t.head not in words or t.head == t]
        # (or misread as the apposition of a name that took its place: see misread_subject)
        return any(t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX") or
                   t.dep_ == "appos" and t == misread_subject(t.head) for t in heads)

    def _country_before(self, pos: int, floor: int) -> tuple[str | None, int]:
        """'Cambodia's' / 'Cambodian' / 'US' right before a role: (alpha-3 or 'org:NAME', its offset)."""
        low = max(floor, pos - 40)
        window = self.text[low:pos]
        m = _CAPITALISED_WORDS_AT_END_RE.search(window)
        if not m:
            return None, pos
        words = m.group(1).split()
        for cut in range(len(words)):
            candidate = " ".join(words[cut:])
            offset = low + m.start(1) + len(" ".join(words[:cut])) + (1 if cut else 0)
            code = self.g.country_of(candidate)
            if code:
                return code, offset
            org = self._org_named(_POSSESSIVE_S_END_RE.sub("", candidate))
            if org is not None:
                return "org:" + org.name, offset
        return None, pos

    def _org_named(self, name: str) -> Organisation | None:
        found = self.defined_orgs.get(name) or self.g.organisations.get(name)
        if found is None and name in self.g.ambiguous_acronyms:
            # An acronym several bodies share: the one from the country the article is about.
            if not hasattr(self, "_text_countries"):
                self._text_countries = {self.g.country_of(m.group(0)) for m in self.g.country_re.finditer(self.text)}
            text_countries = self._text_countries
            fitting = [o for o in self.g.ambiguous_acronyms[name] if o.country in text_countries]
            found = fitting[0] if len(fitting) == 1 else None
        return found

    def _is_non_person(self, name: str) -> bool:
        if not name or name in STOPWORDS or all(w in STOPWORDS for w in name.split()):
            return True
        if all(FIELD_WORD_RE.fullmatch(w) for w in name.split()):
            return True  # "Integration", "Foreign Affairs": the end of an office's name
        if self.g.country_of(name) or self._org_named(name) or name in self.g.cities:
            return True
        if name.split()[-1].lower() in OFFICE_HEADS:
            return True  # "Provincial Minister", "Coordinating Minister": an office, no one's name
        if name[0] in "-–" or _OPENING_PARTICIPLE_RE.match(name):
            return True  # "-designate", "Addressing Qalibaf" (a sentence's opening participle before a name)
        return bool(_NON_PERSON_WORD_RE.search(name))

    def _completes_country_name(self, start: int, end: int) -> bool:
        """'... of the United States Virgin Islands': with the capitalised words before, the words at
        START..END name a country, so they end the country's name (the role's owner), not a person's."""
        before = _CAPITALISED_BEFORE_RE.search(self.text, max(0, start - 60), start)
        if before is None:
            return False
        words = before.group(1).split()
        tail = " ".join(self.text[start:end].split())
        return any(self.g.country_of(" ".join(words[k:] + [tail])) for k in range(len(words)))

    def _person(self, raw: str, start: int, end: int, sentence: int, known: KnownPerson | None = None,
                short_ok: bool = False, single_ok: bool = False) -> PersonEntity | None:
        name, honorifics = clean_name(raw)
        name = _POSSESSIVE_S_END_RE.sub("", name)
        if self._is_non_person(name) or self._completes_country_name(start, end):
            return None
        words = name.split()
        if len(words) < 2 and not (short_ok or single_ok):
            # A single word after a title ("Secretary Austin") is a later mention of someone named in full.
            existing = self._by_token(name)
            if existing:
                existing.mentions.append((sentence, start, end))
                self._record(existing, sentence, start, end)
                return existing
            return None
        if known is None:
            known = self.g.persons.get(name) or self.g.person_by_name_words(name) or \
                (self.g.person_by_surname(name, self.on) if len(words) == 1 else None)  # "Jokowi", "Lula"
        entity = self._match_existing(name, known)
        if entity is None:
            if len(words) < 2:
                existing = self._by_token(name)
                if existing:
                    existing.mentions.append((sentence, start, end))
                    self._record(existing, sentence, start, end)
                    return existing
                if short_ok and not known and not single_ok and not set(honorifics) & _NAMING_HONORIFICS:
                    return None  # "Mr. X" with nobody named X in full: cannot tell who (but "Lord Ahmad" is a name)
            canonical = known.name if known else name
            # The IRI comes from the dictionary; the name is written as this article writes it.
            shown = name if len(name.split()) >= 2 else canonical
            entity = self.people.get(canonical)
            if entity is None:
                entity = self.people[canonical] = PersonEntity(canonical, shown, known=known)
                self._index_person(entity)
        for h in honorifics:
            if h not in entity.honorifics:
                entity.honorifics.append(h)
        entity.mentions.append((sentence, start, end))
        self._record(entity, sentence, start, end)
        return entity

    def _record(self, entity: PersonEntity, sentence: int, start: int, end: int):
        if ("person", start) not in self._mentioned:
            self._mention(Mention(sentence, start, end, "person", entity))

    def _mention(self, mention: Mention):
        self.mentions.append(mention)
        self._mentioned.add((mention.kind, mention.start))

    def _role_span(self, start: int, end: int):
        self.role_spans.append((start, end))
        self._open_role_spans.append((start, end))

    def _index_person(self, person: PersonEntity):
        """Index a person just found by the words of its name (each person under a word once)."""
        self._found_order[id(person)] = len(self._found_order)
        words = _slug_words(person.name)
        for word in dict.fromkeys(words):
            self._people_by_word.setdefault(word, []).append(person)
        self._people_by_first_word.setdefault(words[0], []).append(person)

    def _match_existing(self, name: str, known: KnownPerson | None) -> PersonEntity | None:
        if known and known.name in self.people:
            return self.people[known.name]
        tokens = set(_slug_words(name))
        # The first person found whose name's words are these, or hold them, or are among them:
        # every such person shares a word with the name.
        sharing = {id(p): p for word in tokens for p in self._people_by_word.get(word, ())}
        for entity in sorted(sharing.values(), key=lambda p: self._found_order[id(p)]):
            other = set(_slug_words(entity.name))
            if tokens == other or (len(tokens) >= 2 and (tokens <= other or other <= tokens)):
                return entity
        return None

    def _by_token(self, token: str) -> PersonEntity | None:
        token = _POSSESSIVE_END_RE.sub("", token)
        if token in STOPWORDS or len(token) < 2 or token in SHORT_WORDS:
            return None
        key = slug(token)
        if len(token) == 2:
            # "Xi", "Li": a two-letter later mention is the family name a full name begins with
            hits = [p for p in self._people_by_first_word.get(key, ()) if len(p.name.split()) > 1]
        else:
            hits = self._people_by_word.get(key, ())
        return hits[0] if len(hits) == 1 else None

    def _add_role(self, person: PersonEntity, role_text: str, role_start: int, hint: str | None,
                  sentence: int, start: int, end: int):
        role_text = _WHITESPACE_RUN_RE.sub(" ", role_text).strip(" ,")
        role_text = _LEADING_ARTICLE_RE.sub("", role_text)
        organisation, country = None, None
        owner = _ROLE_OWNER_RE.search(role_text)
        if owner:
            target = owner.group(1).strip()
            target = _TRAILING_ACRONYM_RE.sub("", target)
            org = self._org_named(target)
            code = self.g.country_of(target)
            if org is None and code is None and _looks_like_org(target) and len(target.split()) >= 2:
                # ("Head of Government": one generic word names no organisation)
                org = Organisation(org_iri(target), target, _org_kind(target), None, self.g.first_country_in(target))
            if org is None and code is None:
                for piece in _OWNER_SEPARATOR_RE.split(target):
                    org = org or self._org_named(piece)
                    code = code or self.g.country_of(piece)
            if org is not None:
                organisation, country = org, org.country
                self._note_org(org, sentence, role_start, role_start + len(role_text), inside_role=True)
            elif code:
                country = code
        if country is None and organisation is None:
            # "the Peruvian Ambassador to ASEAN": the adjective names whose role it is.
            own = _TO_RE.split(role_text)[0]
            code = self.g.first_country_in(own)
            named = next(iter(self.g.org_re.finditer(own)), None) if code is None else None
            if code:
                country = code
            elif named is not None and self._org_named(named.group(0)) is not None:
                # "the European Union Representative to Palestine": the body's (the label keeps the rest)
                organisation = self._org_named(named.group(0))
                country = organisation.country
                role_text = (role_text[:named.start()] + role_text[named.end():]).strip()
        if hint and country is None:
            if hint.startswith("org:"):
                org = self._org_named(hint[4:])
                if org:
                    organisation, country = org, org.country
            else:
                country = hint
        label = role_text
        if owner and (organisation or country) and not _keeps_owner(role_text, owner):
            # "Ambassador of the United States to ASEAN" -> "Ambassador to ASEAN" (the owner is a node)
            where = _TO_WHERE_RE.search(role_text[owner.start():])
            label = role_text[:owner.start()].strip() + (where.group(0) if where else "")
        qualifier = qualifier_of(role_text)
        # "Deputy Prime Minister and Minister of Foreign Affairs": two offices held at once.
        for part in _split_offices(strip_qualifier(label) if label else role_text):
            claim = RoleClaim(label=_tidy_label(part), office=role_office(part, self.g), country=country,
                              organisation=organisation, qualifier=qualifier, sentence=sentence, start=start, end=end)
            # "President Hun Sen" after "Senate President, Hun Sen": the same office, not a new one.
            duplicate = next((r for r in person.roles if claim.label.lower() in r.label.lower()), None)
            if duplicate is not None:
                duplicate.country = duplicate.country or claim.country
                continue
            person.roles.append(claim)

    def _scan_orgs_and_countries(self, index: int, a: int, b: int, taken):
        for source in (self.defined_orgs, None):
            if source is None:
                pattern = self.g.org_re
            elif self._defined_orgs_re is None:
                continue
            else:
                pattern = self._defined_orgs_re
            for m in pattern.finditer(self.text, a, b):
                org = source.get(m.group(0)) if source else self._org_named(m.group(0))
                if org is None or any(s <= m.start() and m.end() <= e for s, e in taken):
                    continue
                self._note_org(org, index, m.start(), m.end(), inside_role=self._inside_role_phrase(m.start()))
                taken.append((m.start(), m.end()))
        # Organisations the gazetteer does not know: "the opposition Cambodia National Rescue Party".
        for m in ORG_PHRASE_RE.finditer(self.text, a, b) if ORG_HEAD_RE.search(self.text, a, b) else ():
            name = m.group(0).strip()
            if any(s < m.end() and m.start() < e for s, e in taken) or _ROLE_START_RE.match(name):
                continue
            if re.match(r"\s+[A-Z]{2,}\b", self.text[m.end():m.end() + 12]):
                continue  # "Cambodian National News Agency AKP": a description of the acronym that follows
            org = self._org_named(name) or Organisation(org_iri(name), name, _org_kind(name), None,
                                                        self.g.first_country_in(name))
            self._note_org(org, index, m.start(), m.end(), inside_role=self._inside_role_phrase(m.start()))
            taken.append((m.start(), m.end()))
        for m in self.g.country_re.finditer(self.text, a, b):
            code = self.g.country_of(m.group(0))
            if not code:
                continue
            start, end = m.start(), m.end()
            self.country_counts[code] = self.country_counts.get(code, 0) + 1
            if any(s <= start and end <= e and (s, e) != (start, end) for s, e in taken):
                continue  # named inside an organisation: counted for context only
            self._mention(Mention(index, start, end, "country", code, inside_role=self._inside_role_phrase(start)))

    def _inside_role_phrase(self, pos: int) -> bool:
        """Is this position (in the sentence being scanned) within a role phrase ("Ambassador of
        the United States to ASEAN")?"""
        return any(start <= pos < end for start, end in self._open_role_spans)

    def _note_org(self, org: Organisation, sentence: int, start: int, end: int, inside_role: bool):
        entity = self.orgs.setdefault(str(org.iri), OrgEntity(org))
        entity.mentions.append((sentence, start, end))
        if ("org", start) not in self._mentioned:
            self._mention(Mention(sentence, start, end, "org", entity, inside_role=inside_role))
        if org.country:
            self.country_counts[org.country] = self.country_counts.get(org.country, 0) + 1

    def _resolve_short_mentions(self):
        """Surnames, given names and 'the Ambassador' after the person was named in full."""
        covered_in: dict[int, list[tuple[int, int]]] = {}  # the mentions found so far, by sentence
        for m in self.mentions:
            covered_in.setdefault(m.sentence, []).append((m.start, m.end))
        # Roles of two words or more, stated in the text: "Foreign Secretary called on ..."
        stated_roles = [(person, role) for person in list(self.people.values()) for role in person.roles
                        if len(role.label.split()) >= 2 and role.sentence >= 0]
        roles_by_first_word = _LabelsByFirstWord([role.label for _, role in stated_roles])
        # Who a capitalised word names depends on the word only: the people are all found by now.
        named_by: dict[str, PersonEntity | None] = {}
        # Nor do the people's roles change from here on, nor the sentence each was first named in
        # (what is added below is always later): what is asked of them again and again is kept.
        first_named = _FirstNamed()
        holders_of_label: dict[str, int] = {}
        holders_of_title = _TitleHolders(self.people, first_named)
        for index, sentence in enumerate(self.sentences):
            a, b = sentence.start, sentence.end
            sentence_text = self.text[a:b]
            covered = covered_in.get(index, [])
            for m in CAPITALISED_WORD_RE.finditer(self.text, a, b):
                token = m.group(0)
                person = named_by.get(token, _UNSEEN)
                if person is _UNSEEN:
                    person = named_by[token] = self._named_by_word(token)
                if person is None or any(s <= m.start() < e for s, e in covered):
                    continue
                # a surname before the full name counts only for someone the office-holder dictionary knows
                if person.known is not None or first_named(person) <= index:
                    person.mentions.append((index, m.start(), m.end()))
                    self._mention(Mention(index, m.start(), m.end(), "person", person))
            for n in roles_by_first_word.among(sentence_text):
                person, role = stated_roles[n]
                # "Foreign Secretary called on ...": a title stated earlier for exactly one person
                if role.sentence >= index or role.label not in sentence_text:
                    continue
                for m in _stated_role_re(role.label).finditer(sentence_text):
                    m_start, m_end = a + m.start(), a + m.end()
                    if any(s <= m_start < e for s, e in covered):
                        continue
                    if self._titles_someone_else(person, m_start, m_end, a, b):
                        continue
                    holders = holders_of_label.get(role.label)
                    if holders is None:
                        holders = holders_of_label[role.label] = sum(
                            1 for p in self.people.values() if any(r.label == role.label for r in p.roles))
                    if holders == 1:
                        person.mentions.append((index, m_start, m_end))
                        self._mention(Mention(index, m_start, m_end, "person", person))
                        covered.append((m_start, m_end))
            for m in TITLE_MENTION_RE.finditer(self.text, a, b):
                if any(s <= m.start() + 4 < e for s, e in covered):
                    continue
                title = _WHITESPACE_RUN_RE.sub(" ", (m.group(2) or m.group(3)).lower())
                words = TITLE_SYNONYMS.get(title, (title,))
                # "the President of Kazakhstan", "the Angolan Head of State": the country tells which one
                owner = _TITLE_OWNER_RE.match(self.text, m.end(), b)
                code = self.g.country_of(owner.group(1)) if owner else None
                if m.group("adj"):
                    code = self.g.country_of(m.group("adj")) or code
                    if code is None:
                        continue  # "the Foreign Minister", with an adjective that is no country
                person = holders_of_title.only_one(words, code, index)
                if person is not None:
                    person.mentions.append((index, m.start(), m.end()))
                    self._mention(Mention(index, m.start(), m.end(), "person", person))

    def _titles_someone_else(self, holder: PersonEntity, start: int, end: int, a: int, b: int) -> bool:
        """'Malaysia's Senior Defence Minister, Mr Hishamuddin': the words of the holder's title here
        belong to the name right after them, or to another country's office."""
        after = _HONORIFICS_AFTER_RE.match(self.text, end, b)
        if after is not None and any(m.kind == "person" and end < m.start <= after.end() and m.ref is not holder
                                     for m in self.mentions):
            return True
        owner = self._country_before_name(start, a)
        return owner is not None and holder.country is not None and owner != holder.country

    def _named_by_word(self, token: str) -> PersonEntity | None:
        """The person a lone capitalised word refers to, if it is no country, organisation or common word."""
        if token in STOPWORDS or self.g.country_of(token) or self._org_named(token):
            return None
        return self._by_token(token)

    def _infer_countries(self):
        """Roles with no stated country: the office-holder dictionary says whose office it was then (with
        no day known, the latest office: 'Charles Michel' of an undated story is the European Council's
        President he became, not Belgium's Prime Minister he was)."""
        for person in self.people.values():
            if person.country or not person.known:
                continue
            if any(r.organisation is not None and r.organisation.kind == "IntergovernmentalOrganisation"
                   for r in person.roles):
                continue  # ("European Council President Charles Michel": the body's, as the article says)
            latest = max((t.start for t in person.known.tenures if t.start), default=None)
            def holds(t):
                return t.holds_on(self.on) if self.on is not None else latest is None or t.start == latest
            if any(t.country is None and holds(t) for t in person.known.tenures) and \
                    not any(t.country and holds(t) for t in person.known.tenures):
                # NATO's Secretary General then: no country's, whatever office they held before; the
                # body's, when the article states no office of theirs, or none of a country or body
                # ("High Representative/Vice President Josep Borrell": the EU's)
                if not any(r.country or r.organisation for r in person.roles):
                    t = next(t for t in person.known.tenures if t.country is None and holds(t))
                    body = self.g.organisation_by_iri(t.organisation)
                    if body is not None:
                        for role in person.roles:
                            role.organisation = body  # ("Vice President" of the Commission: the EU's too)
                        person.roles.append(RoleClaim(t.role_label, t.role, None, body, None, -1, -1, -1))
                continue
            tenures = [t for t in person.known.tenures if t.country]
            current = [t for t in tenures if holds(t)]
            wanted = {r.office for r in person.roles}
            best = [t for t in current if t.role in wanted] or current or tenures
            if best:
                person.inferred_country = best[0].country
                for role in person.roles:
                    if role.country is None:
                        role.country = best[0].country
                if not person.roles and current:
                    t = current[0]
                    person.roles.append(RoleClaim(t.role_label, t.role, t.country, None, None, -1, -1, -1))


# ", the European Union Representative to Palestine," after a name: at most ten words, up to a comma,
# a full stop or a semicolon
_APPOSED_ROLE_RE = re.compile(r"\s*,\s+(?:the\s+)?(?P<role>(?:[\w'’.-]+\s+){0,9}?[\w'’.-]+?)\s*(?=[,;]|\.(?:\s|$))")
_HONORIFICS_AFTER_RE = re.compile(rf"\s*,?\s*(?:(?:{HONORIFIC_RE})\s+)*")
_ONLY_HONORIFICS_RE = re.compile(rf"\s*(?:(?:{HONORIFIC_RE})\s+)*")
_TITLE_OWNER_RE = re.compile(r"\s+of\s+(?:the\s+)?([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3})")
_FIRST_WORD_RE = re.compile(r"\w+")
_WORDS_RE = re.compile(r"\w+")


@functools.lru_cache(maxsize=4096)
def _stated_role_re(label: str) -> re.Pattern:
    """A role label as a later mention of its holder ("Foreign Secretary", not "Foreign Secretary of ...")."""
    return re.compile(rf"(?<![\w-]){re.escape(label)}(?![\w-])(?!\s+(?:of\s+)?[A-Z])")


class _LabelsByFirstWord:
    """Which of some labels may occur in a text, by the labels' first words: the numbers of those
    whose first word is a word of the text, in order (and of those that begin with no word).

    A label stated as a mention begins where no word character is before it, and its first word
    ends where a space is in it: so that word is a whole word of the text.
    """

    def __init__(self, labels: list[str]):
        self.by_word: dict[str, list[int]] = {}
        self.always: list[int] = []
        for n, label in enumerate(labels):
            first = _FIRST_WORD_RE.match(label)
            (self.by_word.setdefault(first.group(0), []) if first else self.always).append(n)

    def among(self, text: str) -> list[int]:
        if not self.by_word:
            return self.always
        found = set(self.always)
        for word in set(_WORDS_RE.findall(text)):
            found.update(self.by_word.get(word, ()))
        return sorted(found)


class _FirstNamed:
    """The sentence each person was first named in (asked of a person again and again)."""

    def __init__(self):
        self.known: dict[int, int] = {}

    def __call__(self, person: PersonEntity) -> int | float:
        found = self.known.get(id(person))
        if found is None:
            found = self.known[id(person)] = min((s for s, _, _ in person.mentions), default=float("inf"))
        return found


class _TitleHolders:
    """Who a title ("the Minister", "the Portuguese president") may stand for at a sentence: the
    people with a role whose label holds one of its words, of the given country if any, named
    in full by that sentence. Each list is made once, in the order the people were first named."""

    def __init__(self, people: dict[str, PersonEntity], first_named: _FirstNamed):
        self.people, self.first_named = people, first_named
        self.lists: dict[tuple, tuple[list, list]] = {}

    def only_one(self, words: tuple[str, ...], code: str | None, index: int) -> PersonEntity | None:
        """The one person the title stands for at sentence INDEX, if there is exactly one."""
        key = (words, code)
        found = self.lists.get(key)
        if found is None:
            holders = [p for p in self.people.values()
                       if any(w in r.label.lower() for r in p.roles for w in words) and (not code or p.country == code)]
            holders.sort(key=self.first_named)  # (stable: in the order they were found, when named together)
            found = self.lists[key] = ([self.first_named(p) for p in holders], holders)
        named_by, holders = found
        return holders[0] if bisect.bisect_right(named_by, index) == 1 else None


def _expansion(before: str, acronym: str) -> str | None:
    """The words before '(ACR)' that the acronym abbreviates (Schwartz and Hearst's rule)."""
    words = before.split()
    letters = [c.lower() for c in acronym if c.isalpha()]
    for size in range(1, min(len(words), len(letters) + 4) + 1):
        candidate = words[-size:]
        if not candidate[0][:1].isupper() or candidate[0].lower() != candidate[0] and candidate[0][0].lower() != letters[0]:
            continue
        phrase = " ".join(candidate)
        # every letter found in order, the first at the start of the first word
        pos, ok = 0, True
        low = phrase.lower()
        for c in letters:
            pos = low.find(c, pos)
            if pos < 0:
                ok = False
                break
            pos += 1
        if ok and low.startswith(letters[0]):
            phrase = re.sub(r"^(?:the|The)\s+", "", phrase)
            return phrase.strip(" ,")
    return None


_PATTERNS: dict[int, tuple[re.Pattern, re.Pattern]] = {}


def _patterns(g: Gazetteer) -> tuple[re.Pattern, re.Pattern]:
    """The two person-with-role patterns, compiled once per gazetteer."""
    if id(g) not in _PATTERNS:
        names = sorted((n for n in g.country_names if len(n) > 3 and n[0].isupper()), key=len, reverse=True)
        countries = first_letter_groups("|".join(re.escape(n) for n in names))
        adjectives = sorted((n for n in list(g.country_names) + list(g.demonyms) if len(n) > 1 and n[0].isupper()),
                            key=len, reverse=True)
        adjective_re = first_letter_groups("|".join(re.escape(n) for n in adjectives))
        name_body = NAME_RE.pattern[len("(?P<name>"):-1]
        orgs = first_letter_groups("|".join(re.escape(n) for n in sorted(g.organisations, key=len, reverse=True)
                                            if len(n) > 3))
        # (?<!...)(?=[...]): only try at the start of a word, and of one that a role can begin with
        lead = re.compile(rf"(?<![\w'’-])(?=[{_ROLE_INITIALS}])(?P<role>{lead_role_text(countries, orgs)})\s*,?\s+(?P<hon>(?:(?:{HONORIFIC_RE})\s+)*)"
                          rf"(?P<name>{name_body})")
        appositive = re.compile(
            rf"(?<![\w'’-])(?=[{UPPER}t])(?P<hon>(?:(?:{HONORIFIC_RE})\s+)*)(?P<name>{name_body})\s*,\s*"
            rf"(?:(?:{'|'.join(sorted(POST_NOMINALS, key=len, reverse=True))})\s*,\s*)*"  # "X, SC, MP, Prime Minister-designate"
            rf"(?:(?:who\s+is|in\s+(?:his|her)\s+capacity\s+as|as)\s+)?(?:(?:the|a|an)\s+)?"
            rf"(?:(?P<adj>{adjective_re})(?:'s)?\s+)?(?P<role>{APPOSITIVE_ROLE})")
        _PATTERNS[id(g)] = (lead, appositive)
    return _PATTERNS[id(g)]


_OFFICES_SEPARATOR_RE = re.compile(
    rf"\s*(?:,\s*and|,|\band)\s+(?=(?:(?:{_MODIFIER})\s+)*(?:{_FIELD}\s+){{0,3}}(?:{_CORE})\b)")


def _split_offices(label: str) -> list[str]:
    parts = _OFFICES_SEPARATOR_RE.split(label)
    return [p for p in parts if p.strip()] or [label]


# Capitalised two-letter words that are not names.
SHORT_WORDS = {"In", "On", "At", "As", "If", "It", "Is", "Of", "To", "We", "He", "My", "No", "So", "Us", "Mr", "Dr",
               "Ms", "St", "An", "Or", "By", "Be", "Do", "Go", "Me", "Up", "Ok", "Oh", "Am", "Pm", "Eu", "Un"}
ROMAN_NUMERALS = {"II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"}
POST_NOMINALS = {"MP", "MPs", "MEP", "KC", "QC", "SC", "OBE", "CBE", "KBE", "MBE", "PhD", "MLA", "MNA", "TD", "AO", "AC"}


@functools.lru_cache(maxsize=65536)  # asked of every person found so far, at each later mention
def _slug_words(name: str) -> tuple[str, ...]:
    """The words of a name's slug: "Hun Sen" -> ("hun", "sen")."""
    return tuple(slug(name).split("-"))


# A capitalised word of two letters or more with no other dot, then a dot: the sentence ends there
# ("Oo.", "Sen."), unless the word is itself an abbreviation that takes one (Jr., Sr.).
_SENTENCE_FULL_STOP_RE = re.compile(r"[A-Z][a-z\u00c0-\u024f'’-]+\.")
NAME_ABBREVIATIONS = {"Jr", "Sr", "St", "Snr", "Jnr"}


# "Addressing the session, Qalibaf said": a capitalised participle of seven letters or more opens no name
# (the given names that end so are shorter: Ming, Jing, Xing)
_OPENING_PARTICIPLE_RE = re.compile(r"[A-Z][a-z]{3,}ing\s")


def _trim_name(name: str) -> tuple[str, bool]:
    """Drop trailing words that are not part of a name: "Hun Sen Today" -> "Hun Sen", "David Lammy MP" -> "David Lammy"."""
    words = name.split()
    cut = False
    while words and (words[-1] in STOPWORDS or words[-1].rstrip("'s") in STOPWORDS or words[-1] in POST_NOMINALS):
        words.pop()
        cut = True
    if words and _SENTENCE_FULL_STOP_RE.fullmatch(words[-1]) and words[-1][:-1] not in NAME_ABBREVIATIONS:
        words[-1] = words[-1][:-1]  # "... met Foreign Minister Min Zaw Oo.": the sentence's full stop
    return " ".join(words), cut


_ORG_WORD_RE = re.compile(
    r"\b(Party|Ministry|Agency|Association|Council|Committee|Government|Department|"
    r"University|Academy|Institute|Bank|Fund|Organization|Organisation|Forum|Assembly|"
    r"Senate|Parliament|Congress|Embassy|Office|Union|Commission|Centre|Center|Foundation|"
    r"Front|Movement|League|Alliance|Federation|Chamber|Court|School|College|Society|"
    r"Corporation|Company|Group|Service|Authority|Secretariat|Mission|Network|Press)\b")


def _looks_like_org(name: str) -> bool:
    return bool(_ORG_WORD_RE.search(name))


_ORG_KINDS = tuple((re.compile(pattern), kind) for pattern, kind in (
    (r"\bParty\b|\bFront\b|\bMovement\b", "PoliticalParty"),
    (r"\bMinistry\b|\bDepartment\b", "Ministry"),
    (r"\bNews\b|\bPress\b|\bAgency\b.*\bNews|\bBroadcast", "NewsAgency"),
    (r"\bAssembly\b|\bParliament\b|\bSenate\b|\bCongress\b|\bDuma\b", "Legislature"),
    (r"\bAcademy\b|\bInstitute\b|\bUniversity\b|\bCentre\b|\bCenter\b|\bCollege\b", "ResearchInstitute"),
    (r"\bGovernment\b|\bCommission\b|\bAuthority\b|\bOffice\b|\bEmbassy\b", "GovernmentBody")))


def _org_kind(name: str) -> str:
    for pattern, kind in _ORG_KINDS:
        if pattern.search(name):
            return kind
    return "Organisation"


def _keeps_owner(role_text: str, owner: re.Match) -> bool:
    """'Minister of Foreign Affairs' keeps its 'of'; 'Ambassador of the United States' does not."""
    head = role_text[owner.start():].split()[1:2]
    return bool(head) and FIELD_WORD_RE.fullmatch(head[0].strip(",")) is not None and head[0] not in ("ASEAN",)


_TRAILING_LABEL_ACRONYM_RE = re.compile(r"\s*\([A-Z]{2,9}\)$")


def _tidy_label(label: str) -> str:
    label = _WHITESPACE_RUN_RE.sub(" ", label).strip(" ,.")
    label = _TRAILING_LABEL_ACRONYM_RE.sub("", label)
    return label[:1].upper() + label[1:] if label else label


NOT_A_PERSON = {"ORG", "FAC", "GPE", "LOC", "LAW", "EVENT", "WORK_OF_ART", "PRODUCT", "NORP"}
NER_REPORTING_VERBS = {"say", "tell", "write", "report", "add", "quote", "according"}


# "Name of Tajikistan", "Name, non-resident ambassador-designate of the Republic of Djibouti": the words
# up to "of"/"from" stay inside the name's own phrase (no second comma, semicolon or verb-like break)
# A transcript's speaker label: a name and an office in capitals, a colon ("JAMES MARAPE, PRIME MINISTER
# OF PAPUA NEW GUINEA: ...")
_SPEAKER_LABEL_RE = re.compile(r"(?P<name>[A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){1,4}), (?P<role>[A-Z][A-Z ,'&.-]{2,80}?):\s")
_LOWER_IN_TITLES = {"of", "the", "and", "for", "to", "on", "in", "at"}


def _names_an_office(role: str) -> bool:
    """Does the phrase hold a word a title ends on ('the European Union Representative to Palestine')?"""
    return any(w.lower() in OFFICE_HEADS for w in _WORDS_RE.findall(role))


def _title_case(capitals: str) -> str:
    """'PRIME MINISTER OF PAPUA NEW GUINEA' -> 'Prime Minister of Papua New Guinea'; "O'NEILL" -> "O'Neill"."""
    words = []
    for i, word in enumerate(capitals.split()):
        lower = word.lower()
        if i and lower in _LOWER_IN_TITLES:
            words.append(lower)
        else:
            words.append(re.sub(r"(^|['-])(\w)", lambda m: m.group(1) + m.group(2).upper(), lower))
    return " ".join(words)


# A line that is a title and nothing else: "Ambassador of the Kingdom of the Netherlands"
_WHOLE_LINE_ROLE_RE = re.compile(rf"\s*(?:the\s+)?(?P<role>{APPOSITIVE_ROLE})\s*\.?\s*$")
# "accrediting him as the Ambassador of the Republic of Korea", "appointed her as Special Envoy to ..."
_PRONOUN_AS_ROLE_RE = re.compile(
    rf"\b(?:accredit|appoint|nam|designat|confirm|install|introduc)\w*\s+(?:him|her)\s+as\s+(?:the\s+|an?\s+)?"
    rf"(?P<role>{APPOSITIVE_ROLE})")
_OF_COUNTRY_AFTER_RE = re.compile(r"(?:\s*,\s*(?:[\w.'’-]+\s+){0,6}?|\s+)(?:of|from)\s+(?:the\s+)?")
# "Kenya's Ruto", "Uruguay, Nester Navarro", "Japanese Ambassador Koshikawa": a country name or adjective
# ending the text right before the name, with at most a possessive, a comma or a title between
_COUNTRY_RIGHT_BEFORE_RE = re.compile(
    r"([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}?)(?:['’]s)?(?:\s*,)?\s+(?:[A-Z][\w-]*\s+){0,3}$")
# Heads of a sentence that lists people one by one: "the ambassadors of ...", "Heads of Mission from ...".
LIST_HEADS = {"ambassador", "envoy", "minister", "head", "leader", "president", "diplomat", "commissioner",
              "representative", "delegate", "counterpart", "premier"}
_LISTED_NAME_RE = re.compile(r",\s+(?:(?:H\.E\.|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s+)?"
                             r"(?P<name>[A-Z][\w'’-]+(?:\s+(?:[A-Z]\.|[A-Z][\w'’-]+|de|da|dos|bin|van|von|al-\w+)){1,4})"
                             r"(?=\s*(?:,|;|\.|\band\b|\bwho\b|$))")


_POSSESSED_NAME_RE = re.compile(r"['’]s\s+(?:(?:[A-Z][a-z]+\s+){0,3}?(?:President|Prime\s+Minister|Minister|King|"
                                r"Emir|Premier|Chancellor|Ambassador|Envoy|Secretary|Leader|Sheikh)\s+)?"
                                r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3})(?=\s*(?:,|;|\.|\band\b|$))")


def word_of(tok) -> str:
    """A token's lemma in lower case, singular also for proper nouns ('Heads', 'Ministers')."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "PROPN" and lemma.endswith("s") and not lemma.endswith("ss") and len(lemma) > 3:
        return lemma[:-3] + "y" if lemma.endswith("ies") else lemma[:-1]  # 'Treaties', 'Agreements'
    return lemma




# "Nepal's Ambassador to the UK ...": a country's possessive, then only capitalised words (a title) up to the name
_POSSESSIVE_COUNTRY_RE = re.compile(r"([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}?)['’]s\s+(?:[A-Z][\w-]*\s+|of\s+|to\s+|the\s+)*$")
# ("Ambassador to the UK X", "While in Suriname, President X": where they are posted or are, not whose)
_TO_THE_RE = re.compile(r"\b(?:to|in|at|inside|across|around)\s+(?:the\s+)?$", re.IGNORECASE)
NER_HONORIFICS = {"mr", "mrs", "ms", "dr", "h.e", "he", "hon", "excellency", "his", "her", "sheikh", "prof", "amb",
                  "honourable", "honorable", "madam", "sir", "dame", "lord", "lady"}
PLACE_PREPOSITIONS = {"to", "in", "at", "for", "with", "on", "into", "across"}
NAME_PARTICLES = {"de", "da", "do", "dos", "das", "del", "della", "di", "du", "van", "von", "der", "den", "bin", "binti",
                  "bint", "ibn", "al", "el", "la", "le", "y", "e", "ben", "ould", "ag", "mac", "st", "zu", "ter", "af"}


def _name_only(ent):
    """The name inside a PERSON entity: leading nationality and office words off ("Angolan Head of
    State João Lourenço"); None when what is left is no name (lower-case words that are no particle)."""
    doc = ent.doc
    start = ent.start
    while start < ent.end and (doc[start].ent_type_ == "NORP" or doc[start].lower_ in OFFICE_WORDS | {"of", "the"}):
        start += 1
    end = ent.end
    while end > start and doc[end - 1].text in ("'s", "’s", ",", "-"):
        end -= 1
    if end - start < 1:
        return None
    words = doc[start:end]
    if any(t.is_lower and t.lower_ not in NAME_PARTICLES and t.is_alpha for t in words):
        return None
    if not any(t.is_alpha and t.text[:1].isupper() for t in words):
        return None
    return words


def _takes_part(tok) -> bool:
    """Is this word (a name's head) an argument of a trigger of the lexicon: its subject, object, or
    the object of one of its prepositions, through conjunctions and appositions?"""
    steps = 0
    while tok.dep_ in ("conj", "appos", "compound") and tok.head != tok and steps < 6:
        tok, steps = tok.head, steps + 1
    governor = tok.head.head if tok.dep_ == "pobj" else tok.head
    if governor.dep_ == "prep":
        governor = governor.head
    lemma = governor.lemma_.lower()
    return lemma in LEXICON.verbs or lemma in LEXICON.nouns or lemma in LEXICON.light_verbs and any(
        c.lemma_.lower() in LEXICON.nouns for c in governor.children)


def misread_subject(tok):
    """'In discussions with Kenya's High Commissioner, H.E. Mr. Peter Wafula, the Minister outlined ...':
    after a fronted phrase the parser takes the name in apposition to the phrase's last noun for the
    subject, and the subject ('the Minister') for the name's apposition. The true subject, when so misread."""
    if tok.dep_ != "nsubj" or tok.left_edge.i < 2 or tok.doc[tok.left_edge.i - 1].text != ",":
        return None
    comma, verb = tok.left_edge.i - 1, tok.head
    if not any(p.dep_ == "prep" and p.i < tok.i and p.right_edge.i == comma - 1 for p in verb.children):
        return None
    return next((a for a in tok.children if a.dep_ == "appos" and a.i > tok.i and a.right_edge.i < verb.i and
                 (a.pos_ == "PRON" or word_of(a) in OFFICE_HEADS and any(d.lower_ == "the" for d in a.children))), None)


def _office_words_before(ent) -> list:
    """The office words right before a name ("Foreign Minister", "spokesman", "Ambassador-designate"),
    or in an apposition after it ("X, President of Egypt"): the tokens of the role phrase."""
    doc = ent.doc
    i = ent.start - 1
    # "the Ambassador-designate of Sudan, H.E. Mr. Gariballa Khidir Ali": honorifics and one comma first
    while i >= 0 and doc[i].lower_.rstrip(".") in NER_HONORIFICS:
        i -= 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    words = []
    # ("the UK's High Commissioner-designate": a country's possessive is part of the phrase)
    while i >= 0 and (doc[i].lower_ in OFFICE_WORDS | {"of", "and", "-", "the"} or
                      doc[i].ent_type_ in ("GPE", "NORP") and (doc[i].is_title or doc[i].is_upper) or
                      doc[i].lower_ in ("'s", "’s") and i > 0 and doc[i - 1].ent_type_ == "GPE") and len(words) < 10:
        words.insert(0, doc[i])
        i -= 1
    while words and words[0].lower_ in ("of", "and", "-", "the"):
        words.pop(0)
    if any(w.lower_ in OFFICE_HEADS for w in words):
        return words
    after = [c for c in ent.root.children if c.dep_ == "appos" and c.lemma_.lower() in OFFICE_HEADS
             and c != misread_subject(ent.root)]
    if after:
        span = sorted(after[0].subtree, key=lambda t: t.i)
        span = [t for t in span if t.dep_ not in ("relcl", "punct") and t.i > ent.end - 1]
        return span[:10]
    return []


def find_actors(gazetteer: Gazetteer, text: str, sentences: list[Span], on: dt.date | None,
                parsed=None) -> Actors:
    return ActorFinder(gazetteer, text, sentences, on).run(parsed)
