#!/usr/bin/env python3
"""Generate a synthetic corpus of news articles about diplomatic interactions, for benchmarks.

    python benchmarks/generate.py --count 1000 --out /tmp/bench1k [--seed 1] [--format txt|jsonl]
    python benchmarks/generate.py --in /tmp/bench1k --modify-fraction 0.01 [--seed 2]
    python benchmarks/generate.py --in /tmp/bench1k --delete-fraction 0.005 [--add-count 10]

Article i depends only on (seed, i), so a corpus is the same on every run and articles are
written one at a time (memory stays flat for 100,000 articles). Countries, demonyms and
capitals come from ontology/reference/countries.ttl and news agencies and international
organisations from ontology/reference/organisations.ttl; people are invented by combining
given names and surnames of many naming traditions (benchmarks/names.py).

txt: DIR/000/art-0000000.txt with DIR/000/art-0000000.meta.json (1,000 articles a folder).
jsonl: DIR/corpus.jsonl (or corpus-0000.jsonl, ... with --jsonl-shard N).
Each sidecar / record carries a "synthetic" object (genre, scenario, the events the text
was written to contain) that the mapper ignores: ground truth for rough recall checks.
"""
from __future__ import annotations

import argparse
import bisect
import datetime as dt
import json
import os
import queue
import random
import re
import sys
import threading
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from names import (CODE_TRADITION, FALLBACK_TRADITIONS, POOLS, VIETNAMESE_MIDDLE,  # noqa: E402
                   VIETNAMESE_MIDDLE_F)

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "ontology" / "reference"
GENERATOR_VERSION = 1
PER_DIR = 1000
ID_RE = re.compile(r"^art-(\d+)$")
JSONL_ID_RE = re.compile(r'"id": "art-(\d+)"')
START_DATE = dt.date(2019, 1, 1)
DATE_SPAN_DAYS = (dt.date(2025, 6, 30) - START_DATE).days

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MONTHS_AP = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]


def crc(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


def cap(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def join_list(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def nwords(lines) -> int:
    return sum(len(line.split()) for line in lines if line)


def slugify(text: str, limit: int = 70) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s[:limit].rstrip("-")


class FastRandom(random.Random):
    """random.Random with cheaper integer draws (int(random() * n)): the generator draws a few
    hundred numbers an article, and the exactness of _randbelow does not matter here."""

    def _randbelow(self, n: int) -> int:
        return int(self.random() * n)

    def randrange(self, start: int, stop: int | None = None) -> int:
        if stop is None:
            return int(self.random() * start)
        return start + int(self.random() * (stop - start))

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]


# ---------------------------------------------------------------------------- reference data
@dataclass(eq=False)
class Country:
    code: str
    alpha2: str
    name: str
    the: bool
    demonym: str | None
    capital: str | None
    cities: list[str]
    official: str
    tradition: str
    weight: float

    @property
    def ref(self) -> str:
        return f"the {self.name}" if self.the else self.name

    @property
    def poss(self) -> str:
        base = self.ref
        return base + ("'" if base.endswith("s") else "'s")

    @property
    def adj(self) -> str:
        return self.demonym or self.name

    @property
    def seat(self) -> str:
        return self.capital or self.name


# home countries of the agencies with correspondents everywhere (AFP, Xinhua, AP, ...): the
# fallback byline of a wire story from a country without an agency in the reference data
WORLD_WIRE_COUNTRIES = {"FRA", "CHN", "USA", "GBR", "RUS", "DEU", "ESP", "JPN", "TUR", "IND"}


@dataclass
class Reference:
    countries: list[Country]
    cum_weights: list[float]
    by_code: dict[str, Country]
    agencies: dict[str, list[tuple[str, str | None]]]  # country code -> (name, acronym)
    wires: list[tuple[str, str]]                       # agencies with an acronym
    igos: list[tuple[str, str | None]]                 # international organisations
    world_wires: list[tuple[str, str]]                 # agencies that report from everywhere


def load_reference() -> Reference:
    from rdflib import Graph, Literal, Namespace
    from rdflib.namespace import RDF, SKOS
    dip = Namespace("https://w3id.org/dipkg/ontology#")

    def en(g, s, p):
        return sorted(str(o) for o in g.objects(s, p)
                      if isinstance(o, Literal) and (o.language in (None, "en") or str(o.language).startswith("en")))

    g = Graph()
    g.parse(REFERENCE / "countries.ttl", format="turtle")
    countries = []
    for iri in g.subjects(RDF.type, dip.Country):
        code = str(g.value(iri, dip.iso3166Alpha3) or "")
        labels = en(g, iri, SKOS.prefLabel)
        if not code or not labels:
            continue
        name = labels[0]
        alts = en(g, iri, SKOS.altLabel)
        official = (en(g, iri, dip.officialName) or [name])[0]
        demonyms = en(g, iri, dip.demonym)
        capitals = [c for c in en(g, iri, dip.capital) if "," not in c]
        cities = [c for c in en(g, iri, dip.city) if "," not in c]
        the = (f"the {name}" in alts or name.startswith(("United ", "Republic", "Democratic Republic"))
               or name.endswith(("Islands", "Republic", "Emirates", "Kingdom")) or " of " in name
               or name in ("Philippines", "Netherlands", "Bahamas", "Gambia", "Maldives", "Comoros",
                           "Holy See", "Vatican"))
        tradition = CODE_TRADITION.get(code) or FALLBACK_TRADITIONS[crc(code) % len(FALLBACK_TRADITIONS)]
        # sovereign states (an official name of their own, a capital) are in the news more often
        weight = (3.0 if official != name else 1.0) * (1.0 if capitals else 0.3) * (1.0 if demonyms else 0.6)
        if not capitals and not demonyms:  # uninhabited territories are hardly ever in the news
            weight = 0.02
        countries.append(Country(code, str(g.value(iri, dip.iso3166Alpha2) or code[:2]), name, the,
                                 demonyms[0] if demonyms else None, capitals[0] if capitals else None,
                                 cities, official, tradition, weight))
    countries.sort(key=lambda c: c.code)
    o = Graph()
    o.parse(REFERENCE / "organisations.ttl", format="turtle")
    agencies: dict[str, list[tuple[str, str | None]]] = {}
    wires, world_wires = [], []
    for iri in sorted(o.subjects(RDF.type, dip.NewsAgency)):
        name = (en(o, iri, SKOS.prefLabel) or [None])[0]
        if not name:
            continue
        acronym = o.value(iri, dip.acronym)
        country = o.value(iri, dip.country)
        code = str(g.value(country, dip.iso3166Alpha3) or "") if country is not None else ""
        if not code and country is not None:
            code = str(country).rsplit("/", 1)[-1]
        agencies.setdefault(code, []).append((name, str(acronym) if acronym else None))
        if acronym:
            wires.append((name, str(acronym)))
            if code in WORLD_WIRE_COUNTRIES:
                world_wires.append((name, str(acronym)))
    igos = []
    for iri in sorted(o.subjects(RDF.type, dip.IntergovernmentalOrganisation)):
        name = (en(o, iri, SKOS.prefLabel) or [None])[0]
        if name:
            acronym = o.value(iri, dip.acronym)
            igos.append((name, str(acronym) if acronym else None))
    cum, total = [], 0.0
    for c in countries:
        total += c.weight
        cum.append(total)
    return Reference(countries, cum, {c.code: c for c in countries},
                     agencies, wires, igos, world_wires)


# ---------------------------------------------------------------------------- people
@dataclass
class Person:
    name: str
    short: str          # how later mentions name the person
    female: bool
    dr: bool
    code: str

    @property
    def he(self) -> str:
        return "she" if self.female else "he"

    @property
    def his(self) -> str:
        return "her" if self.female else "his"

    @property
    def him(self) -> str:
        return "her" if self.female else "him"

    @property
    def mr(self) -> str:
        return "Ms." if self.female else "Mr."

    @property
    def titled(self) -> str:
        return f"Dr. {self.name}" if self.dr else self.name


KOREAN_SECOND = "jun yeon yul hwa woo hoon sam min ho sik hee jin young kyu seok ah su won".split()
_FEMININE = (("ov", "ova"), ("ev", "eva"), ("in", "ina"), ("ski", "ska"), ("sky", "skaya"), ("yev", "yeva"))


def make_person(rng: random.Random, tradition: str, code: str) -> Person:
    male, female_names, surnames = POOLS[tradition]
    female = rng.random() < 0.3
    given_pool = female_names if female else male
    given = rng.choice(given_pool)
    family = rng.choice(surnames).replace("_", " ")
    t = tradition
    if t == "vietnamese":
        middle = rng.choice(VIETNAMESE_MIDDLE_F if female else VIETNAMESE_MIDDLE)
        name, short = f"{family} {middle} {given}", given
    elif t == "chinese":
        if rng.random() < 0.65:
            given = given + rng.choice(male + female_names).lower()
        name, short = f"{family} {given}", family
    elif t == "korean":
        name, short = f"{family} {given}-{rng.choice(KOREAN_SECOND)}", family
    elif t == "khmer":
        if rng.random() < 0.3:
            given = f"{given} {rng.choice(given_pool)}"
        name, short = f"{family} {given}", given.split()[-1]
    elif t == "burmese":
        n = rng.choice((2, 2, 3))
        parts = [rng.choice(given_pool if i == 0 else surnames) for i in range(n)]
        name = " ".join(parts)
        short = name
    elif t == "mongolian":
        if rng.random() < 0.4:
            name = f"{family[0]}. {given}"
        else:
            name = f"{family} {given}"
        short = given
    elif t == "arabic":
        if family.startswith("Al ") and rng.random() < 0.5:
            name, short = f"{given} {'bint' if female else 'bin'} {rng.choice(male)} {family}", given
        else:
            name, short = f"{given} {family}", family
    elif t == "hispanic":
        if rng.random() < 0.3:
            given = f"{given} {rng.choice(given_pool)}"
        second = f" {rng.choice(surnames)}" if rng.random() < 0.5 else ""
        name, short = f"{given} {family}{second}", family
    elif t == "lusophone":
        if rng.random() < 0.3:
            given = f"{given} {rng.choice(given_pool)}"
        particle = rng.choice(("da ", "dos ", "de ")) if rng.random() < 0.2 else ""
        second = rng.choice(surnames) if rng.random() < 0.4 else None
        name = f"{given} {particle}{family}" + (f" {second}" if second else "")
        short = second or family
    elif t == "filipino":
        initial = f" {chr(65 + rng.randrange(26))}." if rng.random() < 0.5 else ""
        name, short = f"{given}{initial} {family}", family
    elif t == "south_asian":
        r = rng.random()
        if r < 0.12:
            name = f"{given[0]}. {family}"
        elif r < 0.4:
            name = f"{given} {rng.choice(male)} {family}"
        else:
            name = f"{given} {family}"
        short = family
    elif t == "malay_indonesian" and rng.random() < 0.2:
        name = short = given
    else:
        if female and t in ("slavic", "turkic_persian") and code not in ("TUR", "IRN", "AFG"):
            for end, fem in _FEMININE:
                if family.endswith(end):
                    family = family[: -len(end)] + fem
                    break
        initial = f" {chr(65 + rng.randrange(26))}." if t == "english" and rng.random() < 0.1 else ""
        name, short = f"{given}{initial} {family}", family
    return Person(name, short, female, rng.random() < 0.12, code)


class Roster:
    """Who holds which office in which country on a day: the same people recur across articles,
    and offices change hands every few years. Deterministic from the seed; bounded cache."""

    def __init__(self, ref: Reference, seed: int):
        self.ref = ref
        self.seed = seed
        self.cache: dict[tuple, Person] = {}

    def holder(self, code: str, role: str, day: dt.date) -> Person:
        h = crc(f"{code}/{role}")
        term_months = 30 + h % 31
        months = (day.year - 2000) * 12 + day.month + h % term_months
        key = (code, role, months // term_months)
        person = self.cache.get(key)
        if person is None:
            if len(self.cache) > 50_000:
                self.cache.clear()
            rng = FastRandom(f"{self.seed}/{code}/{role}/{key[2]}")
            person = make_person(rng, self.ref.by_code[code].tradition, code)
            self.cache[key] = person
        return person


# ---------------------------------------------------------------------------- roles
@dataclass(frozen=True)
class Role:
    key: str
    short: str    # before a name: "Foreign Minister"
    long: str     # formal: "Minister of Foreign Affairs"
    word: str     # later mentions: "Minister"
    to: Country | None = None  # ambassadors


FM_STYLES = [  # (short, long, ministry, word), weighted by repetition
    ("Foreign Minister", "Minister of Foreign Affairs", "Ministry of Foreign Affairs", "Minister"),
    ("Foreign Minister", "Minister of Foreign Affairs", "Ministry of Foreign Affairs", "Minister"),
    ("Foreign Minister", "Minister of Foreign Affairs", "Ministry of Foreign Affairs", "Minister"),
    ("Foreign Minister", "Minister for Foreign Affairs", "Ministry for Foreign Affairs", "Minister"),
    ("External Affairs Minister", "Minister of External Affairs", "Ministry of External Affairs", "Minister"),
    ("Foreign Minister", "Minister of Foreign Affairs and International Cooperation",
     "Ministry of Foreign Affairs and International Cooperation", "Minister"),
    ("Foreign Secretary", "Secretary of Foreign Affairs", "Department of Foreign Affairs", "Secretary"),
    ("Foreign Minister", "Minister of Foreign Affairs and Trade", "Ministry of Foreign Affairs and Trade", "Minister"),
    ("Foreign Minister", "Minister of Foreign and European Affairs", "Ministry of Foreign and European Affairs",
     "Minister"),
    ("Foreign Minister", "Cabinet Secretary for Foreign Affairs", "Ministry of Foreign Affairs", "Cabinet Secretary"),
]
DFM_STYLES = [("Deputy Foreign Minister", "Deputy Minister of Foreign Affairs", "Deputy Minister"),
              ("Vice Foreign Minister", "Vice Minister of Foreign Affairs", "Vice Minister"),
              ("Minister of State for Foreign Affairs", "Minister of State for Foreign Affairs", "Minister")]
PORTFOLIOS = {
    "trade": ("Trade Minister", "Minister of Trade and Industry"),
    "defence": ("Defence Minister", "Minister of Defence"),
    "finance": ("Finance Minister", "Minister of Finance"),
    "education": ("Education Minister", "Minister of Education"),
    "health": ("Health Minister", "Minister of Health"),
    "agriculture": ("Agriculture Minister", "Minister of Agriculture and Rural Development"),
    "energy": ("Energy Minister", "Minister of Energy and Mines"),
    "tourism": ("Tourism Minister", "Minister of Tourism"),
    "transport": ("Transport Minister", "Minister of Transport"),
    "environment": ("Environment Minister", "Minister of Environment and Climate Change"),
    "interior": ("Interior Minister", "Minister of the Interior"),
    "justice": ("Justice Minister", "Minister of Justice"),
    "culture": ("Culture Minister", "Minister of Culture"),
    "labour": ("Labour Minister", "Minister of Labour and Employment"),
    "digital": ("Digital Economy Minister", "Minister of Information and Communications Technology"),
    "investment": ("Investment Minister", "Minister of Investment"),
}
SPEAKER_STYLES = [("Speaker", "Speaker of the National Assembly"), ("Speaker", "Speaker of Parliament"),
                  ("Senate President", "President of the Senate"), ("Speaker", "Speaker of the House of Representatives")]


def role_of(c: Country, key: str, to: Country | None = None) -> Role:
    h = crc(c.code)
    if key == "hos":
        monarchy = (h % 100) < (35 if c.tradition == "arabic" else 8)
        if monarchy:
            title = "Emir" if c.tradition == "arabic" and h % 3 == 0 else "King"
            return Role(key, title, title, title)
        return Role(key, "President", "President", "President")
    if key == "hog":
        title = "Chancellor" if c.tradition == "germanic" and h % 4 == 0 else \
            "Premier" if h % 23 == 0 else "Prime Minister"
        return Role(key, title, title, title)
    if key == "vp":
        return Role(key, "Vice President", "Vice President", "Vice President")
    if key == "dpm":
        return Role(key, "Deputy Prime Minister", "Deputy Prime Minister", "Deputy Prime Minister")
    if key == "fm":
        short, long, _, word = FM_STYLES[h % len(FM_STYLES)]
        return Role(key, short, long, word)
    if key == "dfm":
        short, long, word = DFM_STYLES[h % len(DFM_STYLES)]
        return Role(key, short, long, word)
    if key == "speaker":
        short, long = SPEAKER_STYLES[h % len(SPEAKER_STYLES)]
        return Role(key, short, long, "Speaker" if short == "Speaker" else "President")
    if key == "amb":
        return Role(key, "Ambassador", f"Ambassador of {c.ref} to {to.ref}", "Ambassador", to)
    if key.startswith("min:"):
        short, long = PORTFOLIOS[key[4:]]
        return Role(key, short, long, "Minister")
    raise KeyError(key)


def ministry_of(c: Country) -> str:
    return FM_STYLES[crc(c.code) % len(FM_STYLES)][2]


# ---------------------------------------------------------------------------- text pools
TOPICS = {
    "trade": ["trade", "two-way trade", "market access", "trade and investment"],
    "investment": ["investment", "infrastructure investment", "investment promotion"],
    "defence": ["defence cooperation", "defence industry cooperation", "military training"],
    "security": ["security cooperation", "counter-terrorism", "the fight against transnational crime"],
    "education": ["education", "higher education", "scholarships", "vocational training"],
    "health": ["health", "public health", "vaccine production", "pharmaceuticals"],
    "energy": ["energy", "renewable energy", "energy security", "the energy transition"],
    "climate": ["climate change", "climate adaptation", "disaster risk reduction"],
    "agriculture": ["agriculture", "food security", "fisheries", "agricultural exports"],
    "tourism": ["tourism", "direct flights", "visa facilitation"],
    "culture": ["culture", "people-to-people exchanges", "cultural heritage"],
    "maritime": ["maritime security", "maritime cooperation", "the blue economy"],
    "digital": ["the digital economy", "information technology", "cybersecurity"],
    "infrastructure": ["infrastructure", "railways", "port development"],
    "labour": ["labour migration", "the welfare of migrant workers", "consular matters"],
    "science": ["science and technology", "space cooperation", "innovation"],
}
TOPIC_KEYS = list(TOPICS)
GOALS = ["deepen the partnership", "expand cooperation in {t}", "boost two-way trade", "strengthen ties in {t}",
         "open new areas of cooperation", "step up collaboration on {t}", "make better use of existing agreements",
         "raise relations to a new level", "implement the outcomes of previous high-level meetings"]
PRODUCTS = ["coffee", "tea", "rice", "cashew nuts", "avocados", "palm oil", "textiles", "garments", "machinery",
            "electronics", "seafood", "beef", "dairy products", "fertiliser", "cocoa", "timber", "copper",
            "pharmaceuticals", "cut flowers", "vehicles", "wine", "solar panels", "steel", "cotton"]

FILLER = {
    "trade": [
        "Two-way trade between {H} and {G} reached {bn} billion USD last year, up {pct} percent from the year before.",
        "{Ha} exports to {G} are dominated by {p1} and {p2}, while imports consist mainly of {p3}.",
        "Business groups in both countries have long called for lower tariffs on {p1} and simpler customs procedures.",
        "Officials expect trade to grow further once a planned preferential trade arrangement takes effect.",
        "{H} runs a trade deficit with {G}, a gap that officials in {Hc} say they want to narrow.",
        "A joint business forum last year drew more than {n3} companies from the two countries.",
        "Exporters of {p2} have complained about long delays in obtaining sanitary and phytosanitary certificates.",
    ],
    "investment": [
        "{Ga} companies have invested about {bn} billion USD in {H}, mostly in manufacturing and real estate.",
        "The government of {H} has offered tax incentives to foreign investors in its special economic zones.",
        "Several {Ga} firms are studying projects in logistics, food processing and renewable energy in {H}.",
        "Investment flows remain modest compared with the potential of the two economies, analysts say.",
        "A one-stop service centre for foreign investors opened in {Hc} earlier this year.",
    ],
    "defence": [
        "Defence ties have expanded in recent years to include officer training and joint exercises.",
        "The two navies held their {ord} joint exercise in {yr}, focusing on search and rescue.",
        "{H} has sent officers to {Ga} military academies for more than a decade.",
        "Cooperation in the defence industry, including maintenance and spare parts, is also under discussion.",
    ],
    "security": [
        "Law enforcement agencies of the two countries share information on drug trafficking and human smuggling.",
        "Officials have also discussed cooperation against cybercrime and online fraud targeting citizens abroad.",
        "A mutual legal assistance treaty has been under negotiation since {yr}.",
    ],
    "education": [
        "About {n3},{n2}0 {Ha} students are currently enrolled at universities in {G}.",
        "{G} offers {n2} government scholarships to {Ha} students every year.",
        "Universities in the two countries have signed more than {n2} partnership agreements covering joint research and exchanges.",
        "Vocational training in fields such as nursing, hospitality and engineering has become a growing area of cooperation.",
    ],
    "health": [
        "During the pandemic, {G} donated {n3},000 vaccine doses and medical equipment to {H}.",
        "The two sides see potential in the joint production of generic medicines and medical supplies.",
        "Health authorities are also working together on disease surveillance and the training of medical staff.",
    ],
    "energy": [
        "{H} aims to raise the share of renewables in its power mix to {pct2} percent by {fyr}.",
        "{Ga} companies have shown interest in solar, wind and green hydrogen projects in {H}.",
        "Energy security has risen up the agenda since the rise in global fuel prices.",
        "A feasibility study for a new power interconnection is expected to be completed next year.",
    ],
    "climate": [
        "Both countries are vulnerable to floods, droughts and rising sea levels.",
        "{H} has pledged to reach net-zero emissions by {fyr2}, and is seeking climate finance and technology transfer.",
        "Cooperation on early warning systems and disaster preparedness has intensified after recent extreme weather.",
    ],
    "agriculture": [
        "Agriculture employs roughly {pct2} percent of the workforce in {H}.",
        "{Ha} producers of {p1} are seeking faster market-opening procedures in {G}.",
        "The two sides have cooperated on irrigation, seed research and post-harvest technology since {yr}.",
        "Fisheries cooperation, including the fight against illegal, unreported and unregulated fishing, is another priority.",
    ],
    "tourism": [
        "More than {n3},000 {Ga} tourists travelled to {H} last year, according to official figures.",
        "The resumption of direct flights between {Hc} and {Gc} is expected to boost tourist arrivals.",
        "Officials hope simplified e-visa procedures will attract more visitors from {G}.",
    ],
    "culture": [
        "A week of {Ha} culture, featuring film screenings and food festivals, was held in {Gc} last year.",
        "People-to-people exchanges, including between youth organisations and sister cities, have grown steadily.",
        "Both sides have agreed to promote language teaching and the exchange of artists and journalists.",
    ],
    "maritime": [
        "Both countries have stressed the importance of freedom of navigation and of settling disputes peacefully in line with international law.",
        "Maritime cooperation covers search and rescue, port security and the protection of the marine environment.",
        "Coast guards of the two countries have held regular consultations since {yr}.",
    ],
    "digital": [
        "Start-ups from {G} have expanded into {H} in e-commerce, fintech and logistics.",
        "Cooperation in digital transformation, e-government and cybersecurity is a new area of the relationship.",
        "Officials have discussed connecting the two countries' digital payment systems.",
    ],
    "infrastructure": [
        "{Ga} contractors are involved in several road, railway and port projects in {H}.",
        "The upgrade of the main port in {Hc} is expected to be completed by {fyr}.",
        "Financing for infrastructure remains a major challenge for the government of {H}.",
    ],
    "labour": [
        "Some {n3},000 {Ha} nationals live and work in {G}, many of them in construction, health care and domestic work.",
        "Remittances from workers abroad account for about {pct} percent of {Hp} gross domestic product.",
        "Officials have discussed better protection for migrant workers and easier recognition of their qualifications.",
    ],
    "science": [
        "Research institutes of the two countries are cooperating on satellite data, agriculture and marine science.",
        "A joint committee on science and technology last met in {yr}.",
        "Both sides see room for cooperation on artificial intelligence and semiconductors.",
    ],
}
GENERIC_FILLER = [
    "The relationship has deepened steadily over the past decade.",
    "Observers say the two governments share similar views on many regional and international issues.",
    "Both countries are members of the United Nations and support a rules-based international order.",
    "The government has made economic diplomacy a central pillar of its foreign policy.",
    "{H} and {G} have maintained regular political consultations at the level of senior officials.",
    "Analysts note that the relationship has broadened beyond its traditional focus on trade.",
    "The two sides have also pledged to support each other's candidacies at international organisations.",
    "Officials said preparations were under way for the next session of the joint commission.",
    "The economy of {H} grew by {pct} percent last year, driven by exports and services.",
    "A number of projects agreed on earlier have been delayed by funding and procurement problems.",
]
BACKGROUND = [
    "{H} and {G} established diplomatic relations in {dyr}.",
    "{H} and {G} set up diplomatic ties in {dyr} and upgraded them to a comprehensive partnership in {yr}.",
    "Diplomatic relations between the two countries date back to {dyr}.",
    "This year marks the {anniv} anniversary of diplomatic relations between {H} and {G}.",
    "{G} opened its embassy in {Hc} in {dyr}.",
]
QUOTES = [
    "We want our cooperation to bring real benefits to the people of both countries",
    "{G} is one of our most important partners, and there is still great untapped potential in {t}",
    "Our relationship is built on trust and mutual respect",
    "We have agreed to move quickly from commitments to concrete projects",
    "There is a lot we can do together in {t}",
    "This is a partnership for the future",
    "We are ready to work closely with our {Ga} friends in every area",
]
OCCASIONS = ["{his} election as President of {G}", "{his} re-election as President of {G}",
             "{his} appointment as Prime Minister of {G}", "{his} assumption of office",
             "the {anniv} anniversary of {Gp} independence", "{Gp} National Day",
             "{his} appointment as Minister of Foreign Affairs"]
DISASTERS = ["earthquake", "floods", "typhoon", "cyclone", "landslides", "wildfires"]
DOCS = [("a memorandum of understanding", 1), ("an agreement", 1), ("a framework agreement", 1),
        ("a cooperation agreement", 1), ("an action plan", 1), ("a protocol", 1),
        ("two memoranda of understanding", 2), ("three agreements", 3), ("a joint declaration", 1),
        ("a letter of intent", 1), ("an MoU", 1)]
VENUES = ["the Presidential Palace", "the Ministry of Foreign Affairs", "the Government House",
          "the State House", "the Foreign Ministry", "the Government Office", "the Parliament House",
          "the Prime Minister's Office", "the Diplomatic Academy", "the National Assembly building"]
NEWSPAPER_WORDS = ["Times", "Herald", "Post", "Tribune", "Observer", "Chronicle", "Gazette", "Daily", "Star",
                   "Express", "Independent", "Monitor", "Journal", "Mail"]
SECTIONS = ["World", "International", "Diplomacy", "Politics", "National", "Foreign Affairs", "News"]
INSTITUTES = ["Institute for Strategic Studies", "Centre for International Relations", "Institute of Foreign Affairs",
              "Centre for Policy Research", "Institute for Security and Development Policy",
              "School of International Studies", "Foreign Policy Research Institute"]


class Slots(dict):
    """Template slots: the article's fixed values, and numbers and products drawn afresh
    each time a template asks for one (so two sentences never share a figure by accident)."""

    def __init__(self, rng: random.Random, fixed: dict):
        super().__init__(fixed)
        self.rng = rng

    def __missing__(self, key: str):
        rng = self.rng
        if key == "bn":
            return f"{rng.randint(1, 40)}.{rng.randint(0, 9)}"
        if key in ("p1", "p2", "p3"):
            return rng.choice(PRODUCTS)
        if key == "pct":
            return rng.randint(2, 35)
        if key == "pct2":
            return rng.randint(15, 60)
        if key == "n2":
            return rng.randint(20, 300)
        if key == "n3":
            return rng.randint(2, 90)
        if key == "ord":
            return rng.choice(ORDINALS)
        if key == "anniv":
            return ordinal(rng.choice((10, 20, 25, 30, 40, 45, 50, 60, 70)))
        raise KeyError(key)


# An appositive role ("X, Minister of Y") ends with this mark; finish() turns it into the comma
# that closes the apposition when the sentence goes on ("X, Minister of Y, said ...").
APPOS = "\x00"


def finish(text: str) -> str:
    if APPOS not in text:
        return text
    return (text.replace(APPOS + ".", ".").replace(APPOS + ",", ",").replace(APPOS + " ", ", ")
            .replace(APPOS, ""))


# ---------------------------------------------------------------------------- one article
class ArticleWriter:
    """Writes one article from its own random stream. The body is a list of paragraphs; the
    genre wraps it in the furniture of a press release, a wire report or a web page."""

    def __init__(self, gen: "Generator", index: int):
        self.gen = gen
        self.ref = gen.ref
        self.index = index
        self.rng = FastRandom(gen.seed * 1_000_003 + index)
        rng = self.rng
        self.published = START_DATE + dt.timedelta(days=rng.randrange(DATE_SPAN_DAYS))
        self.dmy = rng.random() < 0.55
        self.events: list[dict] = []
        self.topics = rng.sample(TOPIC_KEYS, rng.randint(2, 4))
        self.H, self.G = self.countries(2)
        self._filler_values = None
        self.left: dict[str, list[str]] = {}  # filler sentences not used yet, by topic

    # -- helpers
    def countries(self, n: int) -> list[Country]:
        out: list[Country] = []
        cum, countries, r = self.ref.cum_weights, self.ref.countries, self.rng.random
        total = cum[-1]
        while len(out) < n:
            c = countries[bisect.bisect_right(cum, r() * total)]
            if c not in out:
                out.append(c)
        return out

    def date_text(self, d: dt.date, year: bool | None = None) -> str:
        if year is None:
            year = self.rng.random() < 0.3
        y = f" {d.year}" if year else ""
        if self.dmy:
            return f"{d.day} {MONTHS[d.month - 1]}{y}"
        return f"{MONTHS[d.month - 1]} {d.day}" + (f",{y}" if year else "")

    def when(self, d: dt.date) -> str:
        """A date expression for day d as the article (published on self.published) would say it."""
        delta = (self.published - d).days
        wd = WEEKDAYS[d.weekday()]
        r = self.rng.random()
        if delta == 0:
            opts = ["today", f"on {wd}", f"on {self.date_text(d)}", f"on {wd} ({self.date_text(d, False)})"]
        elif delta == 1:
            opts = ["yesterday", f"on {wd}", f"on {self.date_text(d)}"]
        elif 1 < delta < 7:
            opts = [f"on {wd}", f"on {self.date_text(d)}", f"last {wd}"]
        elif delta == -1:
            opts = ["tomorrow", f"on {wd}", f"on {self.date_text(d)}"]
        elif -7 < delta < -1:
            opts = [f"on {wd}", f"next {wd}", f"on {self.date_text(d)}"]
        else:
            opts = [f"on {self.date_text(d)}"]
        return opts[int(r * len(opts))]

    def person(self, c: Country, role: str, to: Country | None = None) -> tuple[Person, Role]:
        key = role if to is None else f"amb:{to.code}"
        return self.gen.roster.holder(c.code, key, self.published), role_of(c, role, to)

    def intro(self, p: Person, r: Role, c: Country, own: bool = False) -> str:
        """First mention of a person with the role, in one of many shapes."""
        rng = self.rng
        name = p.titled if rng.random() < 0.6 else p.name
        if r.key == "amb":
            d = r.to
            forms = [f"{c.poss} Ambassador to {d.ref}, {name}", f"{name}, Ambassador of {c.ref} to {d.ref}{APPOS}",
                     f"{c.adj} Ambassador to {d.ref} {name}",
                     f"H.E. {p.mr} {p.name}, Ambassador Extraordinary and Plenipotentiary of {c.ref} to {d.ref}{APPOS}",
                     f"the {c.adj} Ambassador, {name}", f"Ambassador of {c.ref} {name}",
                     f"{c.adj} Ambassador {name}", f"newly appointed Ambassador of {c.ref} to {d.ref}, {name}",
                     f"H.E. {p.name}, the {c.adj} Ambassador to {d.ref}{APPOS}"]
            return self.close(rng.choice(forms))
        forms = [f"{c.poss} {r.short} {name}", f"{c.adj} {r.short} {name}", f"{name}, {r.long} of {c.ref}{APPOS}",
                 f"{r.long} of {c.ref}, {name}", f"{r.short} {name} of {c.ref}", f"the {c.adj} {r.short}, {name}",
                 f"{'Her' if p.female else 'His'} Excellency {p.name}, {r.long} of {c.ref}{APPOS}",
                 f"{c.poss} {r.long}, {name}", f"H.E. {p.mr} {p.name}, {r.long} of {c.ref}{APPOS}"]
        if own:
            forms += [f"{r.short} {name}", f"{r.long} {name}", f"{r.short} {name}"]
            if r.long != r.short:
                forms.append(f"the {r.long}, {p.mr} {p.name}")
        return self.close(rng.choice(forms))

    def close(self, form: str) -> str:
        """'Kenya's Ambassador to Vietnam, X' is an apposition too: usually closed by a comma."""
        if ", " in form and not form.endswith(APPOS) and self.rng.random() < 0.7:
            return form + APPOS
        return form

    def later(self, p: Person, r: Role, c: Country, subject: bool = False) -> str:
        forms = [f"{r.word} {p.short}", p.short, f"{r.word} {p.short}", f"{p.mr} {p.short}",
                 f"the {c.adj} {r.word.lower()}"]
        if p.dr:
            forms.append(f"Dr. {p.short}")
        if subject and self.rng.random() < 0.15:
            return cap(p.he)
        return self.rng.choice(forms)

    def topic_phrases(self, n: int = 3) -> str:
        return join_list([self.rng.choice(TOPICS[t]) for t in self.topics[:n]])

    def values(self) -> "Slots":
        """Slot values for templates: fixed ones for the article, fresh numbers at each use."""
        if self._filler_values is None:
            rng, H, G = self.rng, self.H, self.G
            y = self.published.year
            self._filler_values = Slots(rng, {
                "H": H.ref, "G": G.ref, "Ha": H.adj, "Ga": G.adj, "Hp": H.poss, "Gp": G.poss,
                "Hc": H.seat, "Gc": G.seat, "yr": y - rng.randint(1, 12), "fyr": y + rng.randint(2, 8),
                "fyr2": rng.choice((2050, 2060, 2070)), "dyr": rng.randint(1950, 2005),
                "t": rng.choice(TOPICS[self.topics[0]]),
            })
        return self._filler_values

    def fill(self, template: str) -> str:
        return cap(template.format_map(self.values()))

    def unused(self, key: str, k: int) -> list[str]:
        """k sentences of a pool that this article has not used yet (none twice an article)."""
        pool = self.left.get(key)
        if pool is None:
            pool = self.left[key] = list(FILLER.get(key) or GENERIC_FILLER)
        out = []
        r = self.rng.random
        while pool and len(out) < k:
            i = int(r() * len(pool))
            pool[i], pool[-1] = pool[-1], pool[i]
            out.append(pool.pop())
        return out

    def filler_paragraph(self) -> str:
        rng = self.rng
        if rng.random() < 0.12:
            return self.aside()
        left = self.left
        topics = [t for t in self.topics if left.get(t, True)]
        if not topics or rng.random() < 0.2:
            topics = [t for t in TOPIC_KEYS if left.get(t, True)]
        if not topics:
            return self.aside()
        picked = self.unused(rng.choice(topics), rng.randint(2, 4))
        if rng.random() < 0.4:
            picked[rng.randrange(len(picked) + 1):0] = self.unused("generic", 1)
        if not picked:
            return self.aside()
        return " ".join([self.fill(s) for s in picked])

    def aside(self) -> str:
        """A paragraph that names officials without any interaction between them."""
        rng = self.rng
        c = self.H if rng.random() < 0.7 else self.G
        p, r = self.person(c, "min:" + rng.choice(list(PORTFOLIOS)))
        who = self.intro(p, r, c, self.own(c))
        t = rng.choice(TOPICS[rng.choice(TOPIC_KEYS)])
        return self.fill(rng.choice([
            f"Separately, {who} told reporters in {c.seat} that the government would present a new strategy on {t} before the end of the year.",
            f"Earlier this month, {who} said spending on {t} would rise by {{pct}} percent next year.",
            f"{cap(who)} is due to present the annual report on {t} to parliament next month.",
            f"In a speech to business leaders, {who} said {c.ref} needed more private investment to meet its targets in {t}.",
            f"{cap(who)} has also announced a review of the rules on {t}, which critics say are outdated.",
        ]))

    def quote(self, p: Person, r: Role, c: Country) -> str:
        text = self.fill(self.rng.choice(QUOTES))
        who = self.later(p, r, c)
        forms = [f"\u201c{text},\u201d {who} said.", f"\"{text},\" {who} told reporters.",
                 f"\u201c{text},\u201d {who} said, according to the statement.",
                 f"{cap(who)} said: \u201c{text}.\u201d"]
        return self.rng.choice(forms)

    def record(self, kind: str, status: str, day: dt.date | None, people: list[tuple[Person, Country]],
               end: dt.date | None = None):
        e = {"type": kind, "status": status, "date": day.isoformat() if day else None,
             "participants": [{"name": p.name, "country": c.code} for p, c in people]}
        if end:
            e["end_date"] = end.isoformat()
        self.events.append(e)

    def event_day(self) -> dt.date:
        return self.published - dt.timedelta(days=self.rng.choice((0, 0, 1, 1, 1, 2, 3, 5)))

    def future_day(self) -> dt.date:
        return self.published + dt.timedelta(days=self.rng.choice((1, 2, 3, 5, 6, 9, 14, 21, 30)))

    def goal(self) -> str:
        return self.rng.choice(GOALS).format(t=self.rng.choice(TOPICS[self.topics[0]]))

    # -- scenarios: each returns (headline, paragraphs) and records the events it wrote
    def pair_roles(self) -> tuple[str, str]:
        return self.rng.choices(
            [("fm", "fm"), ("hos", "hos"), ("hog", "hog"), ("hog", "fm"), ("min", "min"), ("dfm", "dfm"),
             ("speaker", "fm"), ("hos", "fm")], [35, 12, 10, 10, 12, 6, 5, 10])[0]

    def principals(self, own_home: bool = True):
        ra, rb = self.pair_roles()
        if ra == "min":
            ra = rb = "min:" + self.rng.choice(list(PORTFOLIOS))
        a, ar = self.person(self.H, ra)
        b, br = self.person(self.G, rb)
        return (a, ar), (b, br)

    def details(self, a, ar, b, br) -> list[str]:
        rng, H, G = self.rng, self.H, self.G
        paras = []
        s1 = rng.choice([
            f"The two sides discussed {self.topic_phrases()}, and agreed to {self.goal()}.",
            f"They reviewed bilateral cooperation in {self.topic_phrases()} and exchanged views on regional and international issues of mutual concern.",
            f"{cap(self.later(a, ar, H, True))} proposed that the two countries {self.goal()}.",
            f"According to a statement from the {ministry_of(H)}, the talks focused on {self.topic_phrases()}.",
            f"Both sides expressed satisfaction with the growth of relations and agreed to {self.goal()}.",
        ])
        s2 = rng.choice([
            f"{cap(self.later(b, br, G, True))} thanked {H.ref} for its support and said {G.ref} wanted to {self.goal()}.",
            f"For {b.his} part, {self.later(b, br, G)} said {G.ref} attached great importance to its relations with {H.ref}.",
            f"{cap(self.later(b, br, G, True))} briefed {b.his} host on developments in {G.ref}.",
            f"{cap(self.later(b, br, G, True))} invited {self.later(a, ar, H)} to visit {G.ref} at a mutually convenient time.",
        ])
        paras.append(f"{s1} {s2}")
        if rng.random() < 0.7:
            paras.append(self.quote(*rng.choice([(a, ar, H), (b, br, G)])))
        if rng.random() < 0.5:
            paras.append(rng.choice([
                f"The two {'leaders' if ar.key in ('hos', 'hog') else 'ministers'} also exchanged views on regional developments, including the situation in the Middle East and the war in Ukraine.",
                f"They agreed to hold the next round of political consultations in {G.seat} next year.",
                f"The officials also discussed preparations for upcoming high-level exchanges between the two countries.",
            ]))
        return paras

    def scenario_meeting(self):
        rng, H, G = self.rng, self.H, self.G
        (a, ar), (b, br) = self.principals()
        day = self.event_day()
        A, B, W = self.intro(a, ar, H, self.own(H)), self.intro(b, br, G, self.own(G)), self.when(day)
        city = H.seat
        venue = rng.choice(VENUES)
        t = self.topic_phrases(2)
        lead = rng.choice([
            f"{A} held talks with {B} in {city} {W}.",
            f"{A} met with {B} {W} in {city} to discuss {t}.",
            f"{A} met {B} {W} at {venue} in {city}.",
            f"{A} {W} received {B}, who is in {H.ref} for a {rng.choice(('two', 'three'))}-day working trip.",
            f"{cap(W)}, {A} hosted {B} for talks at {venue}.",
            f"{B} was received by {A} at {venue} {W}.",
            f"{A} and {B} held bilateral talks in {city} {W}, focusing on {t}.",
            f"In a meeting with {B} in {city} {W}, {A} said {H.ref} was ready to {self.goal()}.",
            f"{A} conferred with {B} {W} on ways to {self.goal()}.",
            f"{A} sat down with {B} in {city} {W} for talks on {t}.",
        ])
        self.record("Meeting", "occurred", day, [(a, H), (b, G)])
        head = rng.choice([f"{H.name}, {G.name} agree to deepen {self.rng.choice(TOPICS[self.topics[0]])} cooperation",
                           f"{ar.short} {a.short} holds talks with {G.adj} {br.short.lower()}",
                           f"{H.name} and {G.name} discuss {t}",
                           f"{a.short} meets {G.adj} {br.short} {b.short}"])
        return head, [lead] + self.details(a, ar, b, br)

    def scenario_courtesy(self):
        rng, H, G = self.rng, self.H, self.G
        ra = rng.choice(("hos", "hog", "fm", "speaker", "fm"))
        a, ar = self.person(H, ra)
        if rng.random() < 0.6:
            b, br = self.person(G, "amb", H)
        else:
            b, br = self.person(G, rng.choice(("fm", "dfm", "min:trade")))
        day = self.event_day()
        A, B, W = self.intro(a, ar, H, self.own(H)), self.intro(b, br, G, self.own(G)), self.when(day)
        venue = rng.choice(VENUES)
        lead = rng.choice([
            f"{B} paid a courtesy call on {A} at {venue} {W}.",
            f"{A} {W} received a courtesy call from {B}.",
            f"{B} called on {A} in {H.seat} {W}.",
            f"{B} paid a farewell call on {A} {W}, at the end of {b.his} tenure in {H.ref}.",
            f"{A} received {B}, who paid a courtesy call on {a.him} {W}.",
            f"{cap(W)}, {B} paid a courtesy visit to {A} at {venue}.",
        ])
        self.record("CourtesyCall", "occurred", day, [(a, H), (b, G)])
        head = rng.choice([f"{G.adj} {br.short} pays courtesy call on {ar.short} {a.short}",
                           f"{ar.short} receives {G.adj} {br.short.lower()}",
                           f"{H.name}, {G.name} look to expand ties in {self.topic_phrases(2)}"])
        paras = [lead]
        paras.append(rng.choice([
            f"{cap(self.later(a, ar, H, True))} welcomed {self.later(b, br, G)} and expressed appreciation for {b.his} efforts to strengthen relations between {H.ref} and {G.ref}.",
            f"During the call, the two discussed {self.topic_phrases()}.",
            f"{cap(self.later(b, br, G, True))} conveyed greetings from the leadership of {G.ref} and reaffirmed {G.poss} commitment to {self.goal()}.",
        ]) + " " + rng.choice([
            f"They agreed on the need to {self.goal()}.",
            f"{cap(self.later(a, ar, H, True))} assured {b.him} of the government's full support during {b.his} tour of duty.",
            f"Both sides noted the potential for cooperation in {self.topic_phrases(2)}.",
        ]))
        if rng.random() < 0.6:
            paras.append(self.quote(a, ar, H))
        return head, paras

    def scenario_phone(self, video: bool = False):
        rng, H, G = self.rng, self.H, self.G
        (a, ar), (b, br) = self.principals()
        day = self.event_day()
        A, B, W = self.intro(a, ar, H, self.own(H)), self.intro(b, br, G, self.own(G)), self.when(day)
        t = self.topic_phrases(2)
        if video:
            lead = rng.choice([
                f"{A} held a video conference with {B} {W}.",
                f"{A} and {B} met virtually {W} to review cooperation in {t}.",
                f"{A} held online talks with {B} {W}, the {ministry_of(H)} said.",
                f"In a virtual meeting {W}, {A} and {B} agreed to {self.goal()}.",
                f"{A} and {B} held talks via video link {W}.",
            ])
            kind = "VideoConference"
            head = rng.choice([f"{H.name}, {G.name} hold virtual talks on {t}",
                               f"{a.short} and {b.short} meet online"])
        else:
            lead = rng.choice([
                f"{A} held a telephone conversation with {B} {W}.",
                f"{A} spoke by phone with {B} {W}, the {ministry_of(H)} said in a statement.",
                f"{A} received a phone call from {B} {W}.",
                f"In a phone call {W}, {A} and {B} discussed {t}.",
                f"{A} and {B} held telephone talks {W} on {t}.",
                f"{A} telephoned {B} {W} to discuss {t}.",
                f"{A} had a phone conversation {W} with {B}.",
            ])
            kind = "PhoneCall"
            head = rng.choice([f"{a.short}, {b.short} discuss {t} in phone call",
                               f"{H.name} and {G.name} agree to step up cooperation",
                               f"{ar.short} {a.short} speaks with {G.adj} counterpart"])
        self.record(kind, "occurred", day, [(a, H), (b, G)])
        return head, [lead] + self.details(a, ar, b, br)

    def scenario_visit(self):
        rng, H, G = self.rng, self.H, self.G
        kind = rng.choices(("state", "official", "working"), (2, 4, 3))[0]
        rb = "hos" if kind == "state" else rng.choice(("fm", "hog", "fm", "dpm"))
        b, br = self.person(G, rb)
        ra = "hos" if kind == "state" else ("hog" if rb == "hog" else "fm")
        a, ar = self.person(H, ra)
        start = self.published - dt.timedelta(days=rng.choice((0, 1, 1, 2)))
        end = start + dt.timedelta(days=rng.randint(1, 3))
        B, A = self.intro(b, br, G, self.own(G)), self.intro(a, ar, H, self.own(H))
        art = "an" if kind == "official" else "a"
        span = f"from {self.date_text(start, False)} to {self.date_text(end, False)}" if self.dmy else \
            f"from {MONTHS[start.month - 1]} {start.day} to {end.day}" if start.month == end.month else \
            f"from {self.date_text(start, False)} to {self.date_text(end, False)}"
        lead = rng.choice([
            f"{B} is paying {art} {kind} visit to {H.ref} {span} at the invitation of {A}.",
            f"{B} arrived in {H.seat} {self.when(start)} for a {NUMBER_WORDS[(end - start).days - 1]}-day {kind} visit to {H.ref}.",
            f"{B} began {art} {kind} visit to {H.ref} {self.when(start)}, at the invitation of {A}.",
            f"{B} is in {H.ref} on {art} {kind} visit {span}.",
        ])
        self.record(f"{kind.capitalize()}Visit", "occurred", start, [(b, G)], end)
        paras = [lead]
        bl = lambda: self.later(b, br, G)  # noqa: E731
        day = start if start <= self.published else self.published
        if "invitation" in lead:
            A = self.later(a, ar, H)
        paras.append(rng.choice([
            f"During the visit, {bl()} held talks with {A} {self.when(day)} on {self.topic_phrases()}.",
            f"{cap(bl())} and {A} held talks in {H.seat} {self.when(day)}, and agreed to {self.goal()}.",
            f"On the first day of the visit, {bl()} met {A} at {rng.choice(VENUES)}.",
        ]))
        self.record("Meeting", "occurred", day, [(a, H), (b, G)])
        paras += self.details(a, ar, b, br)[:1]
        extra = rng.randint(1, 3)
        used = {ra}
        for role in rng.sample(["hog", "hos", "speaker", "min:trade", "vp"], extra):
            if role in used:
                continue
            used.add(role)
            c_, cr = self.person(H, role)
            C = self.intro(c_, cr, H, self.own(H))
            d2 = min(end, self.published) if rng.random() < 0.7 else end
            planned = d2 > self.published
            if planned:
                s = rng.choice([f"{cap(bl())} is scheduled to pay a courtesy call on {C} {self.when(d2)}.",
                                f"{cap(bl())} will also meet {C} {self.when(d2)}."])
                self.record("CourtesyCall" if "courtesy" in s else "Meeting", "planned", d2, [(b, G), (c_, H)])
            else:
                s = rng.choice([f"{cap(bl())} also paid a courtesy call on {C}.",
                                f"Later in the day, {bl()} met {C}.",
                                f"{cap(bl())} was also received by {C} {self.when(d2)}.",
                                f"{cap(bl())} also called on {C}, who welcomed the visit as a sign of growing trust between the two countries."])
                self.record("CourtesyCall" if "courtesy" in s or "called on" in s else "Meeting", "occurred", d2,
                            [(b, G), (c_, H)])
            paras.append(s)
        if rng.random() < 0.4:
            doc, _ = rng.choice(DOCS)
            paras.append(f"Following the talks, the two sides signed {doc} on {rng.choice(TOPICS[self.topics[-1]])}.")
            self.record("AgreementSigning", "occurred", day, [(a, H), (b, G)])
        head = rng.choice([f"{G.adj} {br.short} begins {kind} visit to {H.name}",
                           f"{H.name}, {G.name} pledge closer ties during {kind} visit",
                           f"{b.short} in {H.seat} for talks on {self.topic_phrases(2)}"])
        return head, paras

    def scenario_signing(self):
        rng, H, G = self.rng, self.H, self.G
        (a, ar), (b, br) = self.principals()
        day = self.event_day()
        A, B, W = self.intro(a, ar, H, self.own(H)), self.intro(b, br, G, self.own(G)), self.when(day)
        doc, n = rng.choice(DOCS)
        topic = rng.choice(TOPICS[self.topics[0]])
        lead = rng.choice([
            f"{A} and {B} signed {doc} on cooperation in {topic} in {H.seat} {W}.",
            f"{cap(H.ref)} and {G.ref} {W} signed {doc} on {topic}, in a ceremony attended by {A} and {B}.",
            f"{cap(doc)} on {topic} was signed by {A} and {B} at {rng.choice(VENUES)} {W}.",
            f"{A} and {B} witnessed the signing of {NUMBER_WORDS[rng.randint(0, 4)]} agreements covering {self.topic_phrases()} {W}.",
            f"{A} and {B} inked {doc} on {topic} {W}.",
        ])
        self.record("AgreementSigning", "occurred", day, [(a, H), (b, G)])
        head = rng.choice([f"{H.name}, {G.name} sign MoU on {topic}",
                           f"{H.name} and {G.name} ink {topic} deal",
                           f"New agreement to boost {H.adj}-{G.adj} cooperation in {topic}"])
        paras = [lead, rng.choice([
            f"Under the {'document' if n == 1 else 'documents'}, the two sides will share expertise, train officials and set up a joint working group to oversee implementation.",
            f"The agreement provides for joint projects, exchanges of experts and regular consultations on {topic}.",
            f"Officials said the {'document' if n == 1 else 'documents'} would provide a legal framework for cooperation in {topic} for the next five years.",
        ])]
        if rng.random() < 0.6:
            paras.append(self.quote(a, ar, H))
        return head, paras

    def scenario_message(self):
        rng, H, G = self.rng, self.H, self.G
        ra = rng.choice(("hos", "hog", "fm"))
        a, ar = self.person(H, ra)
        b, br = self.person(G, ra)
        day = self.event_day()
        A, B, W = self.intro(a, ar, H, self.own(H)), self.intro(b, br, G, self.own(G)), self.when(day)
        v = self.values()
        if rng.random() < 0.75:
            occasion = rng.choice(OCCASIONS).format(his=b.his, G=G.ref, Gp=G.poss, anniv=v["anniv"])
            lead = rng.choice([
                f"{A} has sent a congratulatory message to {B} on {occasion}.",
                f"{A} {W} sent a message of congratulations to {B} on {occasion}.",
                f"In a letter to {B}, {A} extended warm congratulations on {occasion}.",
                f"{A} {W} sent a message of felicitation to {B} on {occasion}.",
            ])
            head = f"{ar.short} {a.short} congratulates {G.adj} {br.short.lower()}"
            body = (f"In the message, {self.later(a, ar, H)} expressed confidence that the friendly relations between "
                    f"{H.ref} and {G.ref} would be further strengthened, and wished {b.him} good health and success.")
        else:
            disaster = rng.choice(DISASTERS)
            lead = rng.choice([
                f"{A} has sent a message of condolence to {B} over the {disaster} that struck {G.ref} this week.",
                f"{A} {W} sent a condolence message to {B} following the deadly {disaster} in {G.ref}.",
            ])
            head = f"{H.name} offers condolences to {G.name} over {disaster}"
            body = (f"{cap(self.later(a, ar, H, True))} expressed deep sympathy to the families of the victims and "
                    f"said {H.ref} stood ready to provide assistance.")
        self.record("Correspondence", "occurred", day, [(a, H), (b, G)])
        return head, [lead, body]

    def scenario_planned(self):
        rng, H, G = self.rng, self.H, self.G
        (a, ar), (b, br) = self.principals()
        day = self.future_day()
        A, B, W = self.intro(a, ar, H, self.own(H)), self.intro(b, br, G, self.own(G)), self.when(day)
        end = day + dt.timedelta(days=rng.randint(1, 3))
        r = rng.randrange(5)
        if r == 0:
            kind = rng.choice(("official", "state", "working"))
            lead = (f"{B} will pay {'an' if kind == 'official' else 'a'} {kind} visit to {H.ref} from "
                    f"{self.date_text(day, False)} to {self.date_text(end, False)} at the invitation of {A}, "
                    f"the {ministry_of(H)} announced.")
            self.record(f"{kind.capitalize()}Visit", "planned", day, [(b, G)], end)
        elif r == 1:
            lead = f"{A} is scheduled to meet {B} {W} in {H.seat}."
            self.record("Meeting", "planned", day, [(a, H), (b, G)])
        elif r == 2:
            lead = f"{A} will travel to {G.seat} {W} for talks with {B}."
            self.record("Meeting", "planned", day, [(a, H), (b, G)])
        elif r == 3:
            lead = f"{A} is expected to hold talks with {B} {W}, officials said."
            self.record("Meeting", "planned", day, [(a, H), (b, G)])
        else:
            doc, _ = rng.choice(DOCS)
            lead = f"{A} and {B} are set to sign {doc} on {rng.choice(TOPICS[self.topics[0]])} {W}."
            self.record("AgreementSigning", "planned", day, [(a, H), (b, G)])
        head = rng.choice([f"{b.short} to visit {H.name}", f"{H.name}, {G.name} to hold talks",
                           f"{ar.short} {a.short} to meet {G.adj} counterpart"])
        paras = [lead, rng.choice([
            f"The talks are expected to focus on {self.topic_phrases()}.",
            f"Officials said the agenda would include {self.topic_phrases()}.",
            f"It will be the first such meeting since {self.values()['yr']}.",
        ])]
        return head, paras

    def scenario_multilateral(self):
        rng = self.rng
        H, G = self.H, self.G
        third = self.countries(3)
        K = next(c for c in third if c not in (H, G))
        igo, acronym = rng.choice(self.ref.igos)
        forum = rng.choice([f"the {ordinal(rng.randint(2, 60))} {acronym or igo} Summit",
                            f"the annual meeting of the {igo}", f"the {acronym or igo} Foreign Ministers' Meeting"])
        city = rng.choice(self.countries(1)).seat
        (a, ar) = self.person(H, "fm")
        b, br = self.person(G, "fm")
        k, kr = self.person(K, "fm")
        day = self.event_day()
        A, B, C, W = (self.intro(a, ar, H, self.own(H)), self.intro(b, br, G), self.intro(k, kr, K), self.when(day))
        lead = rng.choice([
            f"On the sidelines of {forum} in {city}, {A} held separate meetings with {B} and {C}.",
            f"{A} met {B} and {C} {W} on the sidelines of {forum} in {city}.",
            f"{A}, {B} and {C} held a trilateral meeting {W} on the sidelines of {forum}.",
        ])
        if "trilateral" in lead:
            self.record("Meeting", "occurred", day, [(a, H), (b, G), (k, K)])
        else:
            self.record("Meeting", "occurred", day, [(a, H), (b, G)])
            self.record("Meeting", "occurred", day, [(a, H), (k, K)])
        head = f"{a.short} meets {G.adj}, {K.adj} counterparts in {city}"
        return head, [lead, rng.choice([
            f"The ministers discussed {self.topic_phrases()} and preparations for the next summit.",
            f"The talks covered {self.topic_phrases()} as well as regional security.",
        ])]

    def scenario_none(self):
        """No interaction: domestic news, statistics, appointments, advisories."""
        rng, H, G = self.rng, self.H, self.G
        r = rng.randrange(6)
        v = {k: self.values()[k] for k in ("n2", "pct", "bn", "n3")}  # the same figure in headline and text
        if r == 0:
            a, ar = self.person(H, "fm")
            head = f"{ministry_of(H)} expands passport services to {v['n2']} more districts"
            paras = [f"The {ministry_of(H)} of {H.ref} announced {self.when(self.event_day())} that its mobile passport service will be extended to {v['n2']} additional districts before the end of the year.",
                     f"{self.intro(a, ar, H, True)} said the expansion responds to the growing number of first-time applicants, many of them prospective overseas workers.",
                     "Priority slots will be reserved for senior citizens, persons with disabilities and workers with confirmed job offers."]
        elif r == 1:
            head = f"{H.name}'s exports to {G.name} rise {v['pct']} percent"
            paras = [f"Exports from {H.ref} to {G.ref} rose {v['pct']} percent year on year in the first {rng.choice(NUMBER_WORDS[1:])} months, according to figures released by the national statistics office.",
                     self.fill("Shipments of {p1} and {p2} led the increase, while imports of {p3} fell."),
                     self.fill("Exporters said they still struggle to meet quality targets and growing demand for certified products.")]
        elif r == 2:
            p = make_person(self.rng, H.tradition, H.code)
            role = role_of(H, rng.choice(("fm", "min:trade", "min:defence", "hog")))
            head = f"{p.name} sworn in as {H.name}'s new {role.short.lower()}"
            paras = [f"{p.name} was sworn in as {H.poss} new {role.long} {self.when(self.event_day())}, replacing a minister who resigned last month.",
                     f"In {p.his} first remarks, {p.short} said {p.he} would focus on {self.topic_phrases(2)}.",
                     "Opposition lawmakers criticised the appointment, saying the government had failed to consult parliament."]
        elif r == 3:
            disaster = rng.choice(DISASTERS)
            head = f"{H.name} issues travel advisory for {G.name} after {disaster}"
            paras = [f"The {ministry_of(H)} has advised {H.adj} nationals to avoid non-essential travel to parts of {G.ref} affected by {disaster}.",
                     f"The embassy of {H.ref} in {G.seat} said no {H.adj} citizens were among the casualties so far, and set up a hotline for families.",
                     f"Citizens in the affected areas were urged to follow instructions from local authorities."]
        elif r == 4:
            a, ar = self.person(H, "hog")
            head = f"{ar.short} {a.short} unveils plan to boost {rng.choice(TOPICS[self.topics[0]])}"
            paras = [f"{self.intro(a, ar, H, True)} on {WEEKDAYS[self.published.weekday()]} unveiled a national plan to {self.goal().replace('two-way', 'domestic')}, telling a conference in {H.seat} that the government would spend {v['bn']} billion USD over five years.",
                     f"{cap(a.short)} said the plan aims to meet growing demand and create jobs for young people.",
                     self.fill(rng.choice(FILLER[self.topics[0]]))]
        else:
            head = f"{H.name} records {v['n3']} percent more tourist arrivals"
            paras = [f"{cap(H.ref)} welcomed {v['n3']},{rng.randint(100, 999)} international visitors in the first half of the year, the tourism authority said.",
                     self.fill("Visitors from {G} ranked among the top five source markets."),
                     "Officials expect arrivals to rise further as airlines add routes ahead of the holiday season."]
        return head, paras

    def own(self, c: Country) -> bool:
        return c is self.persp

    # -- genres
    def build(self) -> tuple[dict, str]:
        rng = self.rng
        genre = rng.choices(("wire", "press_release", "web_page", "opinion"), (34, 24, 32, 10))[0]
        if genre == "opinion":
            scenario = "none"
        else:
            scenario = rng.choices(
                ("meeting", "courtesy_call", "phone_call", "video_conference", "visit", "signing", "message",
                 "planned", "multilateral", "none"),
                (17, 9, 10, 5, 13, 7, 8, 8, 6, 6))[0]
        # the publisher's country: mostly the host (its ministry, its agency, its press)
        self.persp = self.H if rng.random() < 0.75 else self.G
        if genre == "opinion":
            head, paras = self.opinion_body()
        elif scenario == "video_conference":
            head, paras = self.scenario_phone(video=True)
        else:
            head, paras = getattr(self, {"meeting": "scenario_meeting", "courtesy_call": "scenario_courtesy",
                                         "phone_call": "scenario_phone", "visit": "scenario_visit",
                                         "signing": "scenario_signing", "message": "scenario_message",
                                         "planned": "scenario_planned", "multilateral": "scenario_multilateral",
                                         "none": "scenario_none"}[scenario])()
        if rng.random() < 0.25:
            head = head.title() if rng.random() < 0.5 else head
        head = cap(head)
        target = int(rng.triangular(150, 800, 330))
        wrap = getattr(self, f"wrap_{genre}")
        meta, text = wrap(head, paras, target)
        text = finish(text)
        meta["synthetic"] = {"generator": GENERATOR_VERSION, "seed": self.gen.seed, "index": self.index,
                             "genre": genre, "scenario": scenario, "host": self.H.code, "guest": self.G.code,
                             "events": self.events}
        return meta, text

    def grow(self, paras: list[str], target: int, fixed_words: int) -> list[str]:
        """Add filler (and a background line) until the article reaches its target length."""
        rng = self.rng
        words = fixed_words + sum(len(p.split()) for p in paras)
        tail = []
        if rng.random() < 0.6 and words < 780:
            tail.append(self.fill(rng.choice(BACKGROUND)))
            words += len(tail[0].split())
        body = [cap(p) for p in paras]
        while words < target:
            p = self.filler_paragraph()
            n = len(p.split())
            if words + n > 800 and words >= 150:
                break
            body.insert(rng.randint(min(2, len(body)), len(body)), p)
            words += n
        return body + tail

    def headline_list(self, n: int) -> list[str]:
        rng = self.rng
        out = []
        for _ in range(n):
            c1, c2 = self.countries(2)
            t = rng.choice(TOPICS[rng.choice(TOPIC_KEYS)])
            out.append(rng.choice([f"{c1.name}, {c2.name} agree to boost {t}",
                                   f"{c1.adj} President meets {c2.adj} delegation",
                                   f"{c1.name} to host regional forum on {t}",
                                   f"{c2.adj} Foreign Minister holds talks in {c1.seat}",
                                   f"{cap(t)}: what the new agreement with {c1.name} means",
                                   f"{c1.name} signs MoU with {c2.name} on {t}",
                                   f"Prices of {rng.choice(PRODUCTS)} climb for third week",
                                   f"Opposition calls for inquiry into {t} spending"]))
        return out

    def date_line(self, d: dt.date) -> str:
        return (f"{d.day} {MONTHS[d.month - 1]} {d.year}" if self.dmy else f"{MONTHS[d.month - 1]} {d.day}, {d.year}")

    def base_meta(self, head: str, publisher: str, domain: str, author: str | None = None) -> dict:
        meta = {"id": f"art-{self.index:07d}", "url": f"https://{domain}/{slugify(head)}-{self.index}",
                "title": head, "published": self.published.isoformat(), "publisher": publisher, "language": "en"}
        if author:
            meta["author"] = author
        rng = self.rng
        if rng.random() < 0.08:
            del meta["title"]
        if rng.random() < 0.05:
            meta["published"] = self.published.isoformat()[:7]
        return meta

    def agency_for(self, c: Country) -> tuple[str, str | None]:
        own = self.ref.agencies.get(c.code)
        if own and self.rng.random() < 0.85:
            return self.rng.choice(own)
        return self.rng.choice(self.ref.world_wires or self.ref.wires)

    def wrap_wire(self, head: str, paras: list[str], target: int):
        rng = self.rng
        agency, acronym = self.agency_for(self.persp)
        tag = acronym or agency
        place = self.H.seat
        d = self.published
        mon = MONTHS_AP[d.month - 1] if rng.random() < 0.3 else MONTHS[d.month - 1]
        dash = rng.choice(("–", "--", "—", "-"))
        dateline = rng.choice([
            f"{place.upper()}, {mon} {d.day} ({tag}) {dash} ",
            f"{place.upper()}, {d.day} {MONTHS[d.month - 1]} {d.year} {dash} ",
            f"{place}, {mon} {d.day} ({tag}) {dash} ",
            f"{place}. ",
            f"{place.upper()} ({tag}) {dash} ",
            f"{place.upper()}, {mon} {d.day} {dash} ",
        ])
        closing = rng.choice([f"({tag})", tag, f"--- {tag}", f"(Reporting by {self.reporter().name}; Editing by {self.reporter().name})", None, None])
        body = self.grow(paras, target, nwords([head, dateline, closing]))
        body[0] = dateline + body[0]
        parts = [head, ""] + [p + "\n" for p in body]
        if closing:
            parts.append(closing + "\n")
        text = "\n".join(parts)
        domain = f"www.{slugify(agency, 30).replace('-', '')}.{self.persp.alpha2.lower()}"
        return self.base_meta(head, agency, domain), text

    def reporter(self) -> Person:
        return make_person(self.rng, self.persp.tradition, self.persp.code)

    def wrap_press_release(self, head: str, paras: list[str], target: int):
        rng = self.rng
        c = self.persp
        ministry = ministry_of(c)
        embassy = rng.random() < 0.15
        other = self.G if c is self.H else self.H
        issuer = f"Embassy of {c.ref} in {other.seat}" if embassy else ministry
        header = rng.choice([
            [f"{'Government of ' + c.ref if rng.random() < 0.5 else c.official}", issuer, c.seat, "", "Press Release"],
            [issuer.upper(), c.official.upper(), "", "PRESS RELEASE", f"No. {rng.randint(1, 400)}/{self.published.year}"],
            [issuer, "", "PRESS RELEASE", self.date_line(self.published)],
            [f"{c.official}", issuer, "", "MEDIA STATEMENT"],
        ])
        title = head.upper() if rng.random() < 0.4 else head
        footer = rng.choice([
            [issuer, c.seat, self.date_line(self.published)],
            [f"Issued by: {issuer}", c.seat, self.date_line(self.published)],
            [f"Media enquiries: {self.reporter().name}, Spokesperson - press@mfa.gov.{c.alpha2.lower()}",
             f"Tel: +{rng.randint(1, 998)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"],
            [f"{c.seat}, {self.date_line(self.published)}"],
            ["***"],
        ])
        body = self.grow(paras, target, nwords(header + [title] + footer))
        text = "\n".join(header + ["", title, ""] + [p + "\n" for p in body] + footer) + "\n"
        domain = f"mfa.gov.{c.alpha2.lower()}"
        return self.base_meta(head, issuer, domain), text

    def paper(self) -> str:
        c = self.persp
        h = crc(c.code + str(self.rng.randrange(3)))
        word = NEWSPAPER_WORDS[h % len(NEWSPAPER_WORDS)]
        return [f"The {c.seat} {word}", f"{c.name} {word}", f"The {c.adj} {word}", f"{c.name} Daily News"][h % 4]

    def wrap_web_page(self, head: str, paras: list[str], target: int):
        rng = self.rng
        paper = self.paper()
        reporter = self.reporter()
        sections = rng.sample(["Home", "News", "Politics", "Business", "World", "Sport", "Opinion", "Lifestyle",
                               "Video", "Tech", "Culture", "Travel", "Economy"], rng.randint(6, 10))
        nav = [rng.choice([" | ".join(sections), "  ".join(sections)])]
        if rng.random() < 0.5:
            nav.append("Popular: " + " | ".join(self.headline_list(rng.randint(3, 4))))
        if rng.random() < 0.5:
            nav.append(f"Home » {rng.choice(SECTIONS)} » {rng.choice(('Asia', 'Africa', 'Europe', 'Americas', 'Middle East', 'Pacific'))}")
        else:
            nav.append(rng.choice(SECTIONS))
        byline = [rng.choice([f"By {reporter.name}", f"{reporter.name} / {paper}", f"By {reporter.name.upper()}"]),
                  f"{self.date_line(self.published)} | {rng.randint(1, 12):02d}:{rng.randint(0, 59):02d} {rng.choice(('am', 'pm'))}"]
        after = []
        if rng.random() < 0.5:
            after.append(f"Photo: {self.H.adj} and {self.G.adj} officials in {self.H.seat}. ({rng.choice(['AFP', 'Reuters', 'VNA', 'Xinhua', paper])}/File)")
        if rng.random() < 0.6:
            after.append("Tags: " + ", ".join([self.H.name, self.G.name] + rng.sample(TOPIC_KEYS, 2)))
        after.append("")
        after.append(rng.choice(["Related News", "Related Articles", "Read more:", "You may also like", "Most Read",
                                 "Related stories"]))
        after += self.headline_list(rng.randint(3, 5))
        after += ["", rng.choice([f"© {self.published.year} {paper}. All rights reserved.",
                                  f"Copyright {self.published.year} {paper}", "Follow us on Facebook | X | Instagram"])]
        body = self.grow(paras, target, nwords(nav + [head] + byline + after))
        text = "\n".join(nav + ["", head, ""] + byline + [""] + [p + "\n" for p in body] + after) + "\n"
        domain = f"www.{slugify(paper, 30).replace('-', '')}.com"
        return self.base_meta(head, paper, domain, reporter.name), text

    def opinion_body(self):
        rng, H, G = self.rng, self.H, self.G
        a, ar = self.person(H, rng.choice(("hos", "hog", "fm")))
        b, br = self.person(G, rng.choice(("hos", "hog", "fm")))
        past = self.values()["yr"]
        head = rng.choice([f"{H.name} and {G.name} need a grown-up conversation",
                           f"Why {G.name} matters to {H.name}", f"The limits of {H.adj}-{G.adj} friendship",
                           f"What {H.name} should want from {G.name}"])
        paras = [
            f"Relations between {H.ref} and {G.ref} have rarely been as {rng.choice(('promising', 'awkward', 'important', 'complicated'))} as they are today. "
            f"The substance of the relationship, from {self.topic_phrases()}, deserves more attention than it gets.",
            f"When {ar.short} {a.name} visited {G.seat} in {past}, the mood was celebratory and the language effusive. "
            f"But the warmth was never fully shared by the wider public, which saw too little progress on the issues that matter.",
            f"{cap(G.poss)} {br.short} {b.name} has spoken of a \u201crelationship of equals\u201d. That principle cuts both ways: "
            f"it requires steady diplomacy, not megaphone diplomacy.",
            "Neither country can choose its geography. Both can choose how to live with it.",
        ]
        return head, paras

    def wrap_opinion(self, head: str, paras: list[str], target: int):
        rng = self.rng
        label = rng.choice(["OPINION", "ANALYSIS", "EDITORIAL", "COMMENTARY", "Op-Ed", "Opinion"])
        paper = self.paper()
        author = None if label == "EDITORIAL" else self.reporter()
        bio = (f"{author.name} is a {rng.choice(('senior fellow', 'research fellow', 'lecturer', 'former ambassador'))} "
               f"at the {rng.choice(INSTITUTES)} in {self.persp.seat}. The views expressed are {author.his} own."
               if author else None)
        byline = f"By {author.name}" if author else None
        body = self.grow(paras[:-1], target, nwords([label, head, byline, bio] + paras[-1:])) + paras[-1:]
        lines = [label, "", head, ""]
        if author:
            lines += [byline, ""]
        lines += [p + "\n" for p in body]
        if bio:
            lines.append(bio)
        text = "\n".join(lines) + "\n"
        domain = f"www.{slugify(paper, 30).replace('-', '')}.com"
        return self.base_meta(head, paper, domain, author.name if author else None), text


# ---------------------------------------------------------------------------- corpus I/O
class Generator:
    def __init__(self, seed: int):
        self.seed = seed
        self.ref = load_reference()
        self.roster = Roster(self.ref, seed)

    def article(self, index: int) -> tuple[dict, str]:
        meta, text = ArticleWriter(self, index).build()
        return meta, text


def txt_path(out: Path, index: int) -> str:
    return os.path.join(out, f"{index // PER_DIR:03d}", f"art-{index:07d}.txt")


_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_TRUNC


def _write(path: str, data: bytes) -> None:
    fd = os.open(path, _FLAGS, 0o644)
    try:
        os.write(fd, data)
    finally:
        os.close(fd)


def write_txt(path: str, meta: dict, text: str, crlf: bool = False, sidecar: bool = True) -> None:
    """The article as PATH.txt and its metadata as PATH.meta.json (or no sidecar at all)."""
    if crlf:
        text = text.replace("\n", "\r\n")
    _write(path, text.encode("utf-8"))
    side = path[:-4] + ".meta.json"
    if sidecar:
        _write(side, json.dumps(meta, ensure_ascii=False).encode("utf-8"))
    elif os.path.exists(side):
        os.unlink(side)


class Writers:
    """A few threads that create the files while the main thread writes the next articles:
    creating small files costs more on some disks than generating the text, and the system
    calls release the GIL. The queue is bounded, so memory stays flat."""

    def __init__(self, threads: int = 3, depth: int = 256):
        self.queue: queue.Queue = queue.Queue(depth)
        self.error: BaseException | None = None
        self.threads = [threading.Thread(target=self._run, daemon=True) for _ in range(threads)]
        for t in self.threads:
            t.start()

    def _run(self):
        while True:
            job = self.queue.get()
            if job is None:
                return
            try:
                write_txt(*job[0], **job[1])
            except BaseException as exc:  # reported by put() or close()
                self.error = exc

    def put(self, *args, **kwargs):
        if self.error:
            raise self.error
        self.queue.put((args, kwargs))

    def close(self):
        for _ in self.threads:
            self.queue.put(None)
        for t in self.threads:
            t.join()
        if self.error:
            raise self.error


def generate(args) -> dict:
    gen = Generator(args.seed)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    start = args.start
    stats = {"articles": 0, "words": 0, "bytes": 0, "events": 0, "no_interaction": 0}
    t0 = time.perf_counter()
    jsonl = None
    shard = -1
    made: set[int] = set()
    writers = Writers() if args.format == "txt" else None
    try:
        for i in range(start, start + args.count):
            meta, text = gen.article(i)
            stats["articles"] += 1
            stats["words"] += len(text.split())
            stats["events"] += len(meta["synthetic"]["events"])
            stats["no_interaction"] += not meta["synthetic"]["events"]
            if args.format == "jsonl":
                want = (i // args.jsonl_shard) if args.jsonl_shard else 0
                if jsonl is None or want != shard:
                    if jsonl:
                        jsonl.close()
                    shard = want
                    name = f"corpus-{shard:04d}.jsonl" if args.jsonl_shard else "corpus.jsonl"
                    jsonl = open(out / name, "a" if start else "w", encoding="utf-8")
                record = dict(meta)
                record["text"] = text
                line = json.dumps(record, ensure_ascii=False) + "\n"
                jsonl.write(line)
                stats["bytes"] += len(line)
            else:
                folder = i // PER_DIR
                if folder not in made:
                    os.makedirs(os.path.join(out, f"{folder:03d}"), exist_ok=True)
                    made.add(folder)
                # a few files have Windows line ends, a few have no sidecar (the id is the file name)
                variety = (i * 2654435761 + args.seed) % 1000
                writers.put(txt_path(out, i), meta, text, crlf=variety < 20, sidecar=variety >= 990 or variety < 960)
                stats["bytes"] += len(text)
            if args.progress and stats["articles"] % 10_000 == 0:
                print(f"  {stats['articles']:,} articles", file=sys.stderr)
    finally:
        if jsonl:
            jsonl.close()
        if writers:
            writers.close()
    stats["seconds"] = round(time.perf_counter() - t0, 3)
    return stats


# -- changing an existing corpus (incremental-rebuild benchmarks)
def corpus_units(folder: Path) -> tuple[str, list[Path]]:
    jsonl = sorted(folder.rglob("*.jsonl"))
    if jsonl:
        return "jsonl", jsonl
    return "txt", sorted(p for p in folder.rglob("*.txt"))


def count_records(files: list[Path]) -> int:
    n = 0
    for f in files:
        with open(f, "rb") as fh:
            n += sum(1 for line in fh if line.strip())
    return n


def revise(gen: Generator, text: str, meta: dict, rng: random.Random) -> tuple[str, dict, str]:
    """Change an article the way news sites update theirs; the text always changes."""
    nl = "\r\n" if "\r\n" in text else "\n"
    paras = text.split(nl + nl)
    prose = [i for i, p in enumerate(paras) if len(p.split()) >= 12 and p.rstrip().endswith((".", "\u201d", "\""))]
    synth = meta.get("synthetic") or {}
    index = synth.get("index", 0)
    writer = ArticleWriter(gen, index)
    writer.rng = rng
    if synth.get("host") in gen.ref.by_code and synth.get("guest") in gen.ref.by_code:
        writer.H, writer.G = gen.ref.by_code[synth["host"]], gen.ref.by_code[synth["guest"]]
    writer.persp = writer.H
    kind = rng.choices(("add_event", "add_paragraph", "correction", "replace_paragraph"), (35, 20, 25, 20))[0]
    number = re.compile(r"\b(\d+(?:\.\d+)?) (percent|billion|million)\b")
    if kind == "correction" and not number.search(text):
        kind = "add_paragraph"
    if kind == "replace_paragraph" and len(prose) < 3:
        kind = "add_paragraph"
    if kind == "add_event":
        c, cr = writer.person(writer.H, rng.choice(("hog", "speaker", "min:trade", "dfm")))
        if rng.random() < 0.5:
            d, dr = writer.person(writer.G, "amb", writer.H)
        else:
            d, dr = writer.person(writer.G, "fm")
        day = writer.published
        new = rng.choice([
            f"Later the same day, {writer.intro(d, dr, writer.G)} also met {writer.intro(c, cr, writer.H, True)}, officials said.",
            f"Update: {writer.intro(c, cr, writer.H, True)} also held a telephone conversation with {writer.intro(d, dr, writer.G)} {writer.when(day)}.",
        ])
        writer.record("PhoneCall" if "telephone" in new else "Meeting", "occurred", day, [(c, writer.H), (d, writer.G)])
        synth.setdefault("events", []).extend(writer.events)
        at = (prose[-1] + 1) if prose else len(paras)
        paras.insert(at, new)
    elif kind == "add_paragraph":
        at = (prose[rng.randrange(len(prose))] + 1) if prose else len(paras)
        paras.insert(at, writer.filler_paragraph())
    elif kind == "correction":
        def bump(m):
            value = m.group(1)
            new = str(int(float(value)) + rng.randint(1, 9)) if "." not in value else f"{float(value) + rng.randint(1, 9) / 10:.1f}"
            return f"{new} {m.group(2)}"
        text2 = number.sub(bump, text, count=1)
        paras = text2.split(nl + nl)
        prose2 = [i for i, p in enumerate(paras) if len(p.split()) >= 12] or [len(paras) - 1]
        paras.insert(prose2[-1] + 1, "Correction: An earlier version of this article misstated a figure. "
                                     "The figure has been corrected.")
    else:
        at = prose[rng.randrange(1, len(prose))]
        paras[at] = writer.filler_paragraph()
    new_text = finish((nl + nl).join(paras))
    if new_text == text:
        new_text = text.rstrip() + nl + nl + "This article has been updated." + nl
    meta = dict(meta)
    synth["revision"] = synth.get("revision", 0) + 1
    meta["synthetic"] = synth
    return new_text, meta, kind


def change(args) -> dict:
    folder = Path(args.inp)
    fmt, files = corpus_units(folder)
    n = count_records(files) if fmt == "jsonl" else len(files)
    rng = random.Random(f"change/{args.seed}")
    n_mod = round(n * args.modify_fraction)
    n_del = round(n * args.delete_fraction)
    if n_mod + n_del > n:
        raise SystemExit(f"cannot modify {n_mod} and delete {n_del} of {n} articles")
    chosen = rng.sample(range(n), n_mod + n_del)
    to_modify = set(chosen[:n_mod])
    to_delete = set(chosen[n_mod:])
    gen = Generator(args.seed)
    stats = {"articles_before": n, "modified": 0, "deleted": 0, "added": 0, "kinds": {}}
    t0 = time.perf_counter()
    max_index = -1
    if fmt == "txt":
        for pos, path in enumerate(files):
            m = ID_RE.match(path.stem)
            if m:
                max_index = max(max_index, int(m.group(1)))
            if pos in to_delete:
                path.unlink()
                side = path.with_name(path.stem + ".meta.json")
                if side.exists():
                    side.unlink()
                stats["deleted"] += 1
            elif pos in to_modify:
                side = path.with_name(path.stem + ".meta.json")
                meta = json.loads(side.read_text(encoding="utf-8")) if side.exists() else None
                raw = path.read_bytes().decode("utf-8")
                new_text, new_meta, kind = revise(gen, raw, meta or {"id": path.stem}, random.Random(f"{args.seed}/{path.stem}"))
                path.write_bytes(new_text.encode("utf-8"))
                if meta is not None:
                    side.write_text(json.dumps(new_meta, ensure_ascii=False), encoding="utf-8")
                stats["modified"] += 1
                stats["kinds"][kind] = stats["kinds"].get(kind, 0) + 1
    else:
        pos = 0
        for path in files:
            tmp = path.with_suffix(".jsonl.tmp")
            with open(path, encoding="utf-8") as src, open(tmp, "w", encoding="utf-8") as dst:
                for line in src:
                    if not line.strip():
                        continue
                    here = pos
                    pos += 1
                    m = JSONL_ID_RE.search(line)
                    if m:
                        max_index = max(max_index, int(m.group(1)))
                    if here not in to_delete and here not in to_modify:
                        dst.write(line)
                        continue
                    record = json.loads(line)
                    if here in to_delete:
                        stats["deleted"] += 1
                        continue
                    text = record.pop("text")
                    new_text, new_meta, kind = revise(gen, text, record, random.Random(f"{args.seed}/{record.get('id')}"))
                    new_meta["text"] = new_text
                    dst.write(json.dumps(new_meta, ensure_ascii=False) + "\n")
                    stats["modified"] += 1
                    stats["kinds"][kind] = stats["kinds"].get(kind, 0) + 1
            os.replace(tmp, path)
    if args.add_count:
        add = argparse.Namespace(**vars(args))
        add.out, add.format, add.count, add.start = str(folder), fmt, args.add_count, max_index + 1
        if fmt == "jsonl" and files:
            add.jsonl_shard = 0
            # new records go to a file of their own, so the existing files stay as they were
            gen_stats = _add_jsonl(add, folder)
        else:
            gen_stats = generate(add)
        stats["added"] = gen_stats["articles"]
    stats["seconds"] = round(time.perf_counter() - t0, 3)
    return stats


def _add_jsonl(args, folder: Path) -> dict:
    gen = Generator(args.seed)
    path = folder / f"added-{args.start:07d}.jsonl"
    n = 0
    with open(path, "w", encoding="utf-8") as f:
        for i in range(args.start, args.start + args.count):
            meta, text = gen.article(i)
            meta["text"] = text
            f.write(json.dumps(meta, ensure_ascii=False) + "\n")
            n += 1
    return {"articles": n}


def write_clusters(out: Path, count: int, seed: int) -> dict:
    """A corpus of clustered reports: OUT/corpus.jsonl and OUT/gold/ID.yaml (../shared/eval/SCHEMA.md)."""
    import yaml
    from reports import interactions
    (out / "gold").mkdir(parents=True, exist_ok=True)
    clusters = set()
    with open(out / "corpus.jsonl", "w", encoding="utf-8") as corpus:
        n = 0
        for article_id, meta, text, gold in interactions(seed, count):
            corpus.write(json.dumps({**meta, "text": text}, ensure_ascii=False) + "\n")
            (out / "gold" / f"{article_id}.yaml").write_text(yaml.safe_dump(gold, allow_unicode=True, sort_keys=False),
                                                            encoding="utf-8")
            clusters.update(e["cluster"] for e in gold["events"])
            n += 1
    return {"articles": n, "interactions": len(clusters)}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=1000, help="articles to generate (default 1000)")
    ap.add_argument("--out", help="folder to write a new corpus to")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1); with --in, picks what changes")
    ap.add_argument("--format", choices=("txt", "jsonl"), default="txt")
    ap.add_argument("--jsonl-shard", type=int, default=0, metavar="N",
                    help="with --format jsonl: N articles a file (default: one corpus.jsonl)")
    ap.add_argument("--start", type=int, default=0, help="index of the first article (default 0)")
    ap.add_argument("--in", dest="inp", metavar="DIR", help="change an existing corpus in place")
    ap.add_argument("--modify-fraction", type=float, default=0.0, help="with --in: share of articles to rewrite")
    ap.add_argument("--delete-fraction", type=float, default=0.0, help="with --in: share of articles to delete")
    ap.add_argument("--add-count", type=int, default=0, help="with --in: new articles to add")
    ap.add_argument("--progress", action="store_true", help="report progress every 10,000 articles")
    ap.add_argument("--clusters", action="store_true",
                    help="write clusters of reports (benchmarks/reports.py): each interaction told by 2-5 outlets, "
                         "as .jsonl with gold YAML (cluster: keys) in OUT/gold")
    args = ap.parse_args(argv)
    if args.clusters:
        if not args.out:
            ap.error("--clusters needs --out DIR")
        print(json.dumps(write_clusters(Path(args.out), args.count, args.seed)))
        return
    if args.inp:
        if args.out:
            ap.error("use --out to create a corpus or --in to change one, not both")
        if not (0 <= args.modify_fraction <= 1 and 0 <= args.delete_fraction <= 1):
            ap.error("fractions are between 0 and 1")
        stats = change(args)
        print(json.dumps(stats))
        return
    if not args.out:
        ap.error("--out DIR (or --in DIR) is required")
    stats = generate(args)
    rate = stats["articles"] / stats["seconds"] if stats["seconds"] else 0
    manifest = {"generator": GENERATOR_VERSION, "seed": args.seed, "count": args.count, "start": args.start,
                "format": args.format, **stats}
    if args.start == 0:
        # (no .json suffix: kg build reads *.json files in a corpus as articles, news-please style)
        (Path(args.out) / "MANIFEST").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {stats['articles']:,} articles ({stats['words']:,} words, {stats['bytes'] / 1e6:.1f} MB) "
          f"to {args.out} in {stats['seconds']:.2f} s ({rate:,.0f} articles/s); "
          f"{stats['events']:,} events, {stats['no_interaction']:,} articles without an interaction", file=sys.stderr)


if __name__ == "__main__":
    main()
