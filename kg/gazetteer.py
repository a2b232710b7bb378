"""The gazetteer: names of countries, organisations, cities, offices, office holders and topics.

It is loaded from the reference RDF in `ontology/` (one source of truth for recognition and
for the graph) and compiled into dictionaries and regular expressions once per process.
"""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass, field
from itertools import accumulate, compress
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from kg.lexicon import REGION_NAMES
from kg.namespaces import DIP, ONTOLOGY_DIR, ORG, SCHEMA, slug

REFERENCE_FILES = ("topics.ttl", "event-types.ttl", "reference/countries.ttl",
                   "reference/organisations.ttl", "reference/office-holders.ttl", "reference/seats.ttl")


def _spelled_alike(words: list[str], variant_tokens: frozenset) -> bool:
    """NAME's words (family name last) and a variant's: the same family name, at least one more word, and
    each other word of the shorter side shares its first three letters with a word of the longer."""
    family, given = words[-1], [w for w in words[:-1] if w not in ("al", "el")]
    if family not in variant_tokens or len(family) < 4:
        return False
    others = [t for t in variant_tokens if t != family and t not in ("al", "el")]
    short, long = (given, others) if len(given) <= len(others) else (others, given)
    unmatched = [o for o in long if not any(o[:3] == w[:3] for w in short)]
    # (a father's name on one side only is another man: "Abdullah bin Hamad Al Thani", "Abdullah al-Thani")
    return bool(short) and all(len(w) >= 3 and any(o[:3] == w[:3] for o in long) for w in short) and \
        not set(unmatched) & _PATRONYMIC_MARKERS


# Words that open a father's name in Arabic and Mauritanian names ("bin Hamad", "Ould Cheikh")
_PATRONYMIC_MARKERS = frozenset({"bin", "ibn", "bint", "binti", "ben", "ould"})

@dataclass(frozen=True)
class Country:
    iri: URIRef
    alpha3: str
    name: str


@dataclass(frozen=True)
class Organisation:
    iri: URIRef
    name: str
    kind: str                 # local name of its dip: class, e.g. "PoliticalParty"
    acronym: str | None
    country: str | None       # alpha-3 of the country it belongs to, if national


@dataclass(frozen=True)
class Tenure:
    iri: URIRef
    role: str                 # office slug, e.g. "prime-minister"
    role_label: str
    organisation: URIRef      # a country or organisation IRI
    country: str | None       # alpha-3 (the country, or the organisation's country)
    start: dt.date | None
    end: dt.date | None

    def holds_on(self, day: dt.date | None) -> bool:
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass
class KnownPerson:
    iri: URIRef
    name: str
    variants: set[str] = field(default_factory=set)
    tenures: list[Tenure] = field(default_factory=list)


@dataclass
class Gazetteer:
    countries: dict[str, Country]                 # alpha-3 -> country
    country_names: dict[str, str]                 # surface form (case-sensitive) -> alpha-3
    demonyms: dict[str, str]                      # adjective -> alpha-3
    organisations: dict[str, Organisation]        # surface form or acronym -> organisation
    ambiguous_acronyms: dict[str, list[Organisation]]  # "AKP": the Cambodian news agency or the Turkish party
    cities: dict[str, str]                        # city name -> alpha-3
    offices: dict[str, str]                       # lower-case office label -> office slug
    persons: dict[str, KnownPerson]               # name variant -> person
    topics: dict[str, URIRef]                     # lower-case keyword -> topic concept
    topic_labels: dict[URIRef, str]
    capitals: dict[str, str] = field(default_factory=dict)   # alpha-3 -> capital city ("the Kenyan capital")
    seats: dict[str, str] = field(default_factory=dict)      # "Malacañang" -> alpha-3 (its capital's)
    country_re: NameMatcher = field(init=False)
    # "KUWAIT:", "PANAMA:" as datelines: the capitals named after their countries
    capitals_named_after: dict[str, str] = field(init=False)
    org_re: NameMatcher = field(init=False)
    city_re: NameMatcher = field(init=False)
    person_re: NameMatcher = field(init=False)
    topic_re: NameMatcher = field(init=False)
    seat_re: NameMatcher = field(init=False)

    def __post_init__(self):
        # (regions are matched to be passed over: "Latin American" holds the demonym "American" but names
        # no country, and no country is counted for it)
        self.country_re = _alternation(list(self.country_names) + list(self.demonyms) + list(REGION_NAMES))
        self.org_re = _alternation(list(self.organisations) + list(self.ambiguous_acronyms))
        self.city_re = _alternation(self.cities)
        self.seat_re = _alternation(self.seats)
        self.person_re = _alternation(self.persons)
        self.topic_re = _alternation(self.topics, flags=re.IGNORECASE)
        self.capitals_named_after = {name: self.capitals[code] for name, code in self.country_names.items()
                                     if self.capitals.get(code, "").startswith(name + " ")}
        self._country_of: dict[str, str | None] = {}
        self._first_country_in: dict[str, str | None] = {}
        self._person_by_name_words: dict[str, KnownPerson | None] = {}

    def organisation_by_iri(self, iri) -> Organisation | None:
        if not hasattr(self, "_orgs_by_iri"):
            self._orgs_by_iri = {o.iri: o for o in self.organisations.values()}
            for orgs in self.ambiguous_acronyms.values():
                self._orgs_by_iri.update({o.iri: o for o in orgs})
        return self._orgs_by_iri.get(iri)

    def persons_sharing(self, tokens: set[str]) -> list[tuple[frozenset, KnownPerson]]:
        """Name variants of known people that share a word with these name tokens."""
        if not hasattr(self, "_token_index"):
            index: dict[str, list[tuple[frozenset, KnownPerson]]] = {}
            for variant, person in self.persons.items():
                variant_tokens = frozenset(slug(variant).split("-"))
                for token in variant_tokens:
                    index.setdefault(token, []).append((variant_tokens, person))
            self._token_index = index
        seen, out = set(), []
        for token in tokens:
            for entry in self._token_index.get(token, ()):
                if id(entry) not in seen:
                    seen.add(id(entry))
                    out.append(entry)
        return out

    def person_by_name_words(self, name: str) -> KnownPerson | None:
        """The one known person with a name variant whose words hold all the words of NAME (two or
        more) or are all among them: "Sok Chenda Sophea" for "Sok Chenda", and the other way round."""
        return _remember(self._person_by_name_words, name, self._person_by_name_words_uncached)

    def _person_by_name_words_uncached(self, name: str) -> KnownPerson | None:
        tokens = set(slug(name).split("-"))
        if len(tokens) < 2:
            return None
        # ("Abdullah bin Hamad" is not "Abdullah Abdullah": a variant of one word, twice, holds too little;
        # nor "Abdullah bin Hamad Al Thani" "Abdullah al-Thani": a father's name the variant lacks is another man)
        hits = {p.iri: p for variant_tokens, p in self.persons_sharing(tokens)
                if tokens <= variant_tokens or variant_tokens <= tokens and len(variant_tokens) >= 2 and
                not (tokens - variant_tokens) & _PATRONYMIC_MARKERS}
        if not hits:
            # a second spelling ("Abdal Fatah Al-Burhan" for "Abdel Fattah al-Burhan", "Mohammed" for
            # "Mohamed"): the same family name, and every other word of the shorter name begins as a word of
            # the other does (three letters at least)
            words = slug(name).split("-")
            hits = {p.iri: p for variant_tokens, p in self.persons_sharing({words[-1]})
                    if _spelled_alike(words, variant_tokens)}
        return next(iter(hits.values())) if len(hits) == 1 else None

    def person_by_surname(self, word: str, on: dt.date | None = None) -> KnownPerson | None:
        """The one known person whose name ends with WORD (accents aside: "Erdogan" is Recep Tayyip
        Erdoğan) and who held an office on ON (any time when ON is unknown), else None."""
        if not hasattr(self, "_by_surname"):
            index: dict[str, dict] = {}
            given: set[str] = set()
            for variant, person in self.persons.items():
                words = slug(variant).split("-")
                if len(words) >= 2:
                    index.setdefault(words[-1], {})[person.iri] = person
                    given.add(words[0])
            # the one-word names the dictionary gives ("Jokowi", "Lula", "AMLO", "MBS"), in context only
            aliases = set()
            for person in {p.iri: p for p in self.persons.values()}.values():
                for variant in person.variants:
                    if len(variant.split()) == 1:
                        index.setdefault(slug(variant), {})[person.iri] = person
                        aliases.add(slug(variant))
            self._by_surname = index
            self._given_names = given - aliases
        if slug(word) in self._given_names:
            return None  # "Prince Philip", "Prince Charles": a given name of someone, no one's surname to go by
        found = list(self._by_surname.get(slug(word), {}).values())
        if on is not None:
            found = [p for p in found if any(t.holds_on(on) for t in p.tenures)] or \
                (found if all(not p.tenures for p in found) else [])
        return found[0] if len(found) == 1 else None

    def country_of(self, surface: str) -> str | None:
        return _remember(self._country_of, surface, self._country_of_uncached)

    def _country_of_uncached(self, surface: str) -> str | None:
        name = _POSSESSIVE_RE.sub("", surface.strip())
        found = self.country_names.get(name) or self.demonyms.get(name) \
            or self.country_names.get(_LEADING_THE_RE.sub("", name))
        if found is None and not name.isascii():
            # "Việt Nam", "Türkiye" as outlets write them; the dictionary's forms without accents
            plain = without_accents(name)
            if plain != name:
                return self._country_of_uncached(plain)
        return found

    def country_named(self, surface: str) -> str | None:
        """A country by its name (not its adjective: 'Djiboutian' is no place), accents or not."""
        name = _LEADING_THE_RE.sub("", surface.strip())
        found = self.country_names.get(name) or self.country_names.get(surface.strip())
        if found is None and not name.isascii():
            found = self.country_names.get(without_accents(name))
        return found

    def first_country_in(self, phrase: str) -> str | None:
        """The alpha-3 of the first country a phrase names ("Minister of Industry of Mongolia")."""
        return _remember(self._first_country_in, phrase, self._first_country_in_uncached)

    def _first_country_in_uncached(self, phrase: str) -> str | None:
        codes = (self.country_of(m.group(0)) for m in self.country_re.finditer(phrase))
        return next((code for code in codes if code), None)


# The look-ups above are asked tens of times an article, for the same words article after
# article: each remembers its answers, up to this many phrases.
_REMEMBERED = 100_000


def _remember(cache: dict, key: str, compute):
    found = cache.get(key, _UNSEEN)
    if found is _UNSEEN:
        found = compute(key)
        if len(cache) < _REMEMBERED:
            cache[key] = found
    return found


_WORD = re.compile(r"\w+")
_WORD_SPLIT = re.compile(r"(\w+)")
_POSSESSIVE_RE = re.compile(r"['’]s?$")
_LEADING_THE_RE = re.compile(r"^the ", re.IGNORECASE)
_UNSEEN = object()


class _Hit:
    """The part of re.Match the callers use."""
    __slots__ = ("_start", "_end", "_text")

    def __init__(self, start: int, end: int, text: str):
        self._start, self._end, self._text = start, end, text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self, index: int = 0) -> str:
        return self._text


# The first words of the names of every case-sensitive NameMatcher, each with a bit per matcher
# whose names it begins: one pass over a text's words finds the words where any of them may
# match, and each matcher looks at those only.
_FIRST_WORD_BITS: dict[str, int] = {}
_matchers_registered = [0]


class _Words:
    """Where the words of one text start, found once and shared by every NameMatcher."""
    __slots__ = ("text", "starts", "tokens", "_lowered", "_first_words")

    def __init__(self, text: str):
        self.text = text
        # One pass: the text split into [gap, word, gap, word, ..., gap]; a word starts where
        # the part before it ends.
        parts = _WORD_SPLIT.split(text)
        ends = list(accumulate(map(len, parts)))
        self.tokens: list[str] = parts[1::2]
        self.starts: list[int] = ends[:-1:2]
        self._lowered: list[str] | None = None
        self._first_words: tuple[int, list[int], list[int]] | None = None

    def first_words(self) -> tuple[list[int], list[int]]:
        """The indices of the words that begin a name of some case-sensitive matcher, and their bits."""
        found = self._first_words
        if found is None or found[0] != _matchers_registered[0]:  # (none registered since)
            bits = list(map(_FIRST_WORD_BITS.get, self.tokens))
            indices = list(compress(range(len(bits)), bits))
            found = self._first_words = (_matchers_registered[0], indices, [bits[i] for i in indices])
        return found[1], found[2]

    def keys(self, ignore_case: bool) -> list[str]:
        if not ignore_case:
            return self.tokens
        if self._lowered is None:
            self._lowered = list(map(str.lower, self.tokens))
        return self._lowered


_last_words: list[_Words | None] = [None]
# A phrase (a role, a name) is tokenised on its own; a longer text is kept for the next call.
_SHORT_TEXT = 300


def _words_of(text: str) -> _Words:
    # The mapper scans one article sentence by sentence with several matchers: tokenise it once,
    # and keep it when a phrase is looked up in between.
    if len(text) <= _SHORT_TEXT:
        return _Words(text)
    words = _last_words[0]
    if words is None or words.text is not text:
        words = _last_words[0] = _Words(text)
    return words


class NameMatcher:
    """Finds the longest known name at each word start, by dictionary lookup.

    Same results as a regular expression alternating over every name (longest first,
    not preceded by a letter, digit or hyphen, not followed by a letter or digit), but
    a gazetteer of thousands of names costs one dictionary probe per word instead of a
    try of every name at every position, and the words of a text are found once for all
    matchers and all the sentences scanned in it.
    """

    def __init__(self, names, ignore_case: bool = False):
        self.ignore_case = ignore_case
        self.names: set[str] = set()
        lengths: dict[str, set[int]] = {}
        by_second: dict[str, dict[str | None, set[int]]] = {}  # first word -> second word (or None) -> lengths
        for name in names:
            if not name:
                continue
            key_name = name.lower() if ignore_case else name
            first = _WORD.search(key_name)
            if first is None or first.start() != 0:
                continue
            self.names.add(key_name)
            lengths.setdefault(first.group(0), set()).add(len(key_name))
            second = _WORD.search(key_name, first.end())
            by_second.setdefault(first.group(0), {}).setdefault(second and second.group(0), set()).add(len(key_name))
        self.lengths = {word: sorted(found, reverse=True) for word, found in lengths.items()}
        if not ignore_case:
            self.bit = 1 << _matchers_registered[0]
            for word in self.lengths:
                _FIRST_WORD_BITS[word] = _FIRST_WORD_BITS.get(word, 0) | self.bit
            _matchers_registered[0] += 1
        # The lengths worth trying at a word, by the word that follows it: at "the" + "United", "the United
        # States" but not "the Gambia". Where a name matches, the text's words are the name's (the
        # character after the match is no letter or digit), so a name of two words or more matches only
        # where the text's next word is its second. (Not when ignoring case: lower-casing can change
        # where a word ends.)
        self.lengths_by_next: dict[str, dict[str | None, list[int]]] = {} if ignore_case else {
            first: {after: sorted(found | seconds.get(None, set()), reverse=True) for after, found in seconds.items()}
            for first, seconds in by_second.items()}
        self._candidates: tuple[str | None, list[int], list[list[int]]] = (None, [], [])

    def _at(self, text: str, start: int, lengths: list[int], endpos: int) -> _Hit | None:
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_-"):
            return None
        for length in lengths:
            end = start + length
            if end > endpos:
                continue
            surface = text[start:end]
            if (surface.lower() if self.ignore_case else surface) in self.names and \
                    (end >= len(text) or not (text[end].isalnum() or text[end] == "_")):
                return _Hit(start, end, surface)
        return None

    def _word_starts(self, text: str) -> tuple[list[int], list[list[int]]]:
        """The words of TEXT that begin some known name: their positions, and the lengths to try there."""
        words = _words_of(text)
        keys = words.keys(self.ignore_case)
        if self.ignore_case:
            begins_name = list(map(self.lengths.__contains__, keys))
            starts = list(compress(words.starts, begins_name))
            tries = [self.lengths[key] for key in compress(keys, begins_name)]
        else:
            indices, bits = words.first_words()
            bit = self.bit
            mine = [i for i, word_bits in zip(indices, bits) if word_bits & bit]
            starts = list(map(words.starts.__getitem__, mine))
            by_next, last = self.lengths_by_next, len(keys) - 1
            tries = []
            for i in mine:
                lengths = by_next[keys[i]]
                tries.append(lengths.get(keys[i + 1] if i < last else None, lengths.get(None, ())))
        if words is _last_words[0]:  # a phrase looked up in between must not evict the article
            self._candidates = (text, starts, tries)
        return starts, tries

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> list[_Hit]:
        """The names in TEXT[POS:ENDPOS], left to right (a list: it is asked for sentence by
        sentence, most of which hold none, and a list costs less than a generator)."""
        endpos = len(text) if endpos is None else endpos
        cached, starts, tries = self._candidates
        if cached is not text:  # (the same string object: the sentences of one article)
            starts, tries = self._word_starts(text)
        hits: list[_Hit] = []
        reached = pos
        for i in range(bisect.bisect_left(starts, pos), len(starts)):
            start = starts[i]
            if start >= endpos:
                break
            if start >= reached:
                hit = self._at(text, start, tries[i], endpos)
                if hit is not None:
                    reached = hit.end()
                    hits.append(hit)
        return hits

    def match(self, text: str, pos: int = 0) -> _Hit | None:
        word = _WORD.match(text, pos)
        if word is None:
            return None
        key = word.group(0).lower() if self.ignore_case else word.group(0)
        return self._at(text, pos, self.lengths.get(key, ()), len(text))


def _alternation(names, flags: int = 0) -> NameMatcher:
    return NameMatcher(names, ignore_case=bool(flags & re.IGNORECASE))


def _date(value) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _en(graph: Graph, subject, predicate) -> list[str]:
    return [str(o) for o in graph.objects(subject, predicate)
            if isinstance(o, Literal) and (o.language in (None, "en") or o.language.startswith("en"))]


def without_accents(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in plain if not unicodedata.combining(c))


def load_reference_graph(directory: Path = ONTOLOGY_DIR) -> Graph:
    graph = Graph()
    for name in REFERENCE_FILES:
        path = directory / name
        if path.exists():
            graph.parse(path, format="turtle")
    return graph


@functools.lru_cache(maxsize=2)
def load(directory: Path = ONTOLOGY_DIR) -> Gazetteer:
    return from_graph(load_reference_graph(directory))


def from_graph(g: Graph) -> Gazetteer:
    countries, country_names, demonyms, cities, capitals, seats = {}, {}, {}, {}, {}, {}
    for iri in g.subjects(RDF.type, DIP.Country):
        code = str(g.value(iri, DIP.iso3166Alpha3) or "")
        if not code:
            continue
        name = (_en(g, iri, SKOS.prefLabel) or [code])[0]
        countries[code] = Country(iri, code, name)
        for label in _en(g, iri, SKOS.prefLabel) + _en(g, iri, SKOS.altLabel) + _en(g, iri, DIP.officialName):
            country_names.setdefault(label, code)
        for adjective in _en(g, iri, DIP.demonym):
            demonyms.setdefault(adjective, code)
        for city in _en(g, iri, DIP.capital) + _en(g, iri, DIP.city):
            cities.setdefault(city, code)
        for city in _en(g, iri, DIP.capital)[:1]:
            capitals.setdefault(code, city)
        for seat in _en(g, iri, DIP.seat):
            seats.setdefault(seat, code)
    organisations, shared_acronyms = {}, {}
    kinds = {DIP[k] for k in ("Organisation", "IntergovernmentalOrganisation", "PoliticalParty", "GovernmentBody",
                             "Ministry", "Legislature", "NewsAgency", "ResearchInstitute")}
    for kind in kinds:
        for iri in g.subjects(RDF.type, kind):
            name = (_en(g, iri, SKOS.prefLabel) or [None])[0]
            if not name:
                continue
            country_iri = g.value(iri, DIP.country)
            country = str(g.value(country_iri, DIP.iso3166Alpha3)) if country_iri is not None else None
            acronym = g.value(iri, DIP.acronym)
            org = Organisation(iri, name, str(kind).rsplit("#", 1)[-1], str(acronym) if acronym else None, country)
            for label in [name] + _en(g, iri, SKOS.altLabel):
                organisations.setdefault(label, org)
            if acronym and len(str(acronym)) >= 2:
                shared_acronyms.setdefault(str(acronym), []).append(org)
    acronyms = {}
    for acronym, orgs in shared_acronyms.items():
        unique = list({o.iri: o for o in orgs}.values())
        if len(unique) == 1:
            organisations.setdefault(acronym, unique[0])
        else:
            acronyms[acronym] = sorted(unique, key=lambda o: str(o.iri))
    offices = {}
    for iri in g.subjects(RDF.type, DIP.Office):
        role_slug = str(iri).rsplit("/", 1)[-1]
        for label in _en(g, iri, SKOS.prefLabel) + _en(g, iri, SKOS.altLabel):
            offices.setdefault(label.lower(), role_slug)
    persons: dict[str, KnownPerson] = {}
    by_iri: dict[URIRef, KnownPerson] = {}
    for iri in g.subjects(RDF.type, DIP.Person):
        name = str(g.value(iri, SCHEMA.name) or "")
        if not name:
            continue
        person = KnownPerson(iri, name, {name, *_en(g, iri, SKOS.altLabel)})
        by_iri[iri] = person
    for tenure in g.subjects(RDF.type, DIP.Tenure):
        member = g.value(tenure, ORG.member)
        if member not in by_iri:
            continue
        organisation = g.value(tenure, ORG.organization)
        role = g.value(tenure, ORG.role)
        code = g.value(organisation, DIP.iso3166Alpha3)
        if code is None:
            owner = g.value(organisation, DIP.country)
            code = g.value(owner, DIP.iso3166Alpha3) if owner is not None else None
        label = str(g.value(tenure, DIP.roleLabel) or (str(role).rsplit("/", 1)[-1] if role else ""))
        by_iri[member].tenures.append(Tenure(
            tenure, str(role).rsplit("/", 1)[-1] if role else "", label, organisation,
            str(code) if code else None, _date(g.value(tenure, SCHEMA.startDate)), _date(g.value(tenure, SCHEMA.endDate))))
    for person in by_iri.values():
        for variant in person.variants:
            if len(variant.split()) >= 2:  # a lone surname is resolved in context, never globally
                persons.setdefault(variant, person)
    topics, topic_labels = {}, {}
    for concept in g.subjects(SKOS.inScheme, DIP.TopicScheme):
        topic_labels[concept] = (_en(g, concept, SKOS.prefLabel) or [str(concept)])[0]
        for keyword in _en(g, concept, DIP.keyword):
            topics.setdefault(keyword.lower(), concept)
    return Gazetteer(countries, country_names, demonyms, organisations, acronyms, cities, offices, persons, topics,
                     topic_labels, capitals, seats)
