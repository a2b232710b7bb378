"""Resolution: the reports of one real-world interaction, from different articles, made one.

Each article's graph holds its event mentions (one article's report of an interaction, a
dip:DiplomaticInteraction). This stage, run by `kg build` after the article graphs are
written, links the mentions that report the same interaction to one dip:ResolvedInteraction
with a merged view (participants, class, status, dates, place) and, where the reports
disagree or some say nothing, a dip:MergedValue for each value that says how it was chosen
and which reports (and so which evidence sentences) state it. Everything it writes is in one
named graph, `graph/resolution`; the article graphs are never changed.

How mentions are compared (`same_interaction`):
  - never two mentions of one article (the mapper already joins one article's sentences);
  - the same family of interaction (a meeting or courtesy call; a visit of any kind; a phone
    call or video conference; a letter; a signing);
  - the same set of participant countries (each participant's represented country or
    organisation, and a visit's host);
  - for each country both name a person for, a pair of compatible names (`names_compatible`:
    the same words in any order, one name's words within the other's, or a shared surname);
  - dates: two dated reports overlap within DATED_TOLERANCE days; an undated report is placed
    by its article's publication day, which must fall from a day before the interaction to
    UNDATED_AFTER days after it (UNDATED_BEFORE days before it for an announcement).
Candidates come only from the same block (the set of participant countries) within a window
of days (`ResolutionIndex.candidates`), never from all pairs.

How they are grouped (`partition`): dated mentions are joined along their matches, strongest
(closest in date) first, never putting two mentions of one article together, nor two that name
two different people for one country (names without a word in common: a report that names only
"his Egyptian counterpart" would otherwise bridge a minister's calls with two Egyptian ministers);
an undated mention joins the one dated group it matches (directly, or through an undated mention
that joined it), or of several the one whose date is RECENT days closer to its publication than
the others' (news tells the latest meeting of two people), or of several as close the one whose
dated reports alone say what it says, that it happened or that it is to happen ('they met',
published between a meeting and one announced for the next day; one article's visit told twice,
announced and held), and stays out when it matches none or several as close (it would otherwise
bridge two interactions); undated mentions left out are grouped among themselves the same way.
A mention with no date from an article with no publication date is compared with nothing: it
may be of any day, and being the only interaction of those people the store holds is no sign
that it is that one (measured on real reports: a "latest meeting" of two leaders years after
the one stored). This is a function of the mentions alone: the order in which
articles were built does not change it.

Incremental: the mentions and their groups are kept in an index beside the store
(resolution.sqlite, rebuilt from the store when missing). A build recomputes only the
connected part of the match graph around the mentions it added or removed, which gives the
same groups as recomputing everything.

IRIs: a resolved interaction is `dipid:interaction/{article_id}/{n}` after its earliest
report `dipid:event/{article_id}/{n}` (earliest publication day, then IRI). It keeps its IRI
as long as that report stays its earliest. When a later article bridges two groups, the
merged interaction takes the IRI of the group whose report is the older, and the other IRI
disappears from the graph; when an article is removed and a group splits, the part without
the earliest report gets the IRI of its own earliest report.

People: a person is one IRI across the resolved graph. Person IRIs of the article graphs stay
as minted (`person/{slug}`); two person IRIs are one person when their names have the same
words (accents, case, possessive 's and word order aside), or when two reports of one
resolved interaction name them for the same country with compatible names. Each group's
canonical IRI is the one with the most name words (then the smallest IRI); the others get
`owl:sameAs` it in the resolution graph, and resolved interactions name the canonical IRI.
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import re
import sqlite3
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import pyoxigraph as ox

from kg.namespaces import DIP, GRAPH, ID, OWL, PROV, RDF, SCHEMA, article_graph

RESOLUTION_GRAPH = GRAPH["resolution"]
INDEX_FILE = "resolution.sqlite"
INDEX_VERSION = 2  # 2: canonical names in the resolution graph

DATED_TOLERANCE = 1   # days between the dates two reports give one interaction (time zones, "yesterday")
UNDATED_AFTER = 7     # an undated report published up to this many days after the interaction
UNDATED_BEFORE = 60   # an undated announcement published up to this many days before
UNDATED_PAIR = 2      # two undated reports: publication days at most this far apart
RECENT = 3            # an undated report matching several groups is of the latest, when it is this much closer
MAX_SPAN = 31         # the longest interaction (a visit) the candidate window allows for

MEETING = {"Meeting", "CourtesyCall"}
VISIT = {"Visit", "StateVisit", "OfficialVisit", "WorkingVisit"}
REMOTE = {"PhoneCall", "VideoConference"}
CLASSES = MEETING | VISIT | REMOTE | {"Correspondence", "AgreementSigning"}
SUPERCLASS = {"CourtesyCall": "Meeting", "StateVisit": "Visit", "OfficialVisit": "Visit", "WorkingVisit": "Visit"}

# How a merged value was chosen (individuals of dip:MergeRule)
RULES = ("agreed", "onlyStated", "mostSpecific", "majority", "earliestReport", "occurredOverPlanned",
         "occurredReports", "union")


def family(kind: str) -> str:
    if kind in MEETING:
        return "Meeting"
    if kind in VISIT:
        return "Visit"
    if kind in REMOTE:
        return "Remote"
    return kind


# -- names

PARTICLES = {"da", "de", "do", "dos", "das", "di", "del", "la", "le", "van", "von", "der", "den", "bin", "binti",
             "al", "el", "ibn", "bint", "y", "e"}


# Words of a title a name may still carry ("Foreign Minister Mehmet Yilmaz"): not the name's.
TITLE_WORDS = {"mr", "mrs", "ms", "dr", "prof", "sir", "dame", "hon", "his", "her", "excellency", "he", "she",
               "president", "vice", "prime", "minister", "foreign", "deputy", "secretary", "general", "state",
               "ambassador", "envoy", "king", "queen", "prince", "princess", "sheikh", "chancellor", "premier",
               "senator", "governor", "counterpart", "defence", "defense", "finance", "trade", "chairman", "chair"}


def name_tokens(name: str) -> list[str]:
    """The words of a name, lower-case ASCII, without a possessive 's or title words before it."""
    return list(_tokens(name))


@functools.lru_cache(maxsize=1 << 16)  # names repeat: comparing them is most of resolving a region
def _tokens(name: str) -> tuple[str, ...]:
    plain = unicodedata.normalize("NFKD", name.replace("đ", "d").replace("Đ", "D").replace("ı", "i"))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower().replace("\u2019", "'")
    plain = re.sub(r"(?<=\w)'s?\b", "", plain)
    words = re.findall(r"[a-z0-9]+", plain)
    while len(words) > 1 and words[0] in TITLE_WORDS:
        words.pop(0)
    return tuple(words)


def name_key(name: str) -> str:
    """Two names with the same key are one person's: the same words in any order."""
    return " ".join(sorted(name_tokens(name)))


@functools.lru_cache(maxsize=1 << 16)
def names_compatible(a: str, b: str) -> bool:
    """Could these two names, given for one country in two reports of one interaction, be one person?

    The same words in any order (surname first or last), one name's words within the other's
    ('Lula' in 'Luiz Inácio Lula da Silva'), or a shared surname of three letters or more (a
    wrong given name in one report)."""
    ta, tb = _tokens(a), _tokens(b)
    sa, sb = set(ta) - PARTICLES, set(tb) - PARTICLES
    if not sa or not sb:
        return False
    if sa <= sb or sb <= sa:
        return True
    if _spelled_alike(sorted(sa), sorted(sb)) or _spelled_alike(sorted(sb), sorted(sa)):
        return True  # "Xi Jingping", "Kasim-Jomart": a transliteration or a typo of the same words
    # a surname: the last word of either (given name first), or the first of one and the last
    # of the other (one report writes the surname first); not a shared given name
    surnames = {ta[-1], tb[-1]} | ({ta[0]} & {tb[-1]}) | ({tb[0]} & {ta[-1]})
    if any(len(w) >= 3 and w not in PARTICLES for w in sa & sb & surnames):
        return True
    # a surname spelled two ways and a wrong given name ('Akosua Jinping', 'Olena Jingping'): the
    # last words (or one's first and the other's last) alike within a letter, five letters or more
    return any(x not in PARTICLES and x != y and _near(x, y)
               for x, y in ((ta[-1], tb[-1]), (ta[0], tb[-1]), (ta[-1], tb[0])))


def _near(x: str, y: str) -> bool:
    """One word spelled two ways: at most one letter added, dropped or changed in a word of five
    letters or more ("Jinping" / "Jingping"), none in a shorter one ("Li" is not "Lu")."""
    if x == y:
        return True
    if min(len(x), len(y)) < 5 or abs(len(x) - len(y)) > 1:
        return False
    previous = list(range(len(y) + 1))
    for i, cx in enumerate(x, 1):
        current = [i]
        for j, cy in enumerate(y, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (cx != cy)))
        previous = current
    return previous[-1] <= 1


def _spelled_alike(fewer: list[str], more: list[str]) -> bool:
    """Every word of the shorter name matches a word of its own in the longer, alike if not equal."""
    if len(fewer) > len(more):
        return False
    left = list(more)
    for word in fewer:
        match = next((w for w in left if _near(word, w)), None)
        if match is None:
            return False
        left.remove(match)
    return True


# -- mentions

@dataclass
class Participant:
    agent: str            # IRI
    kind: str             # person | country | org
    name: str | None      # a person's name
    code: str | None      # the country (alpha-3) or organisation it represents


@dataclass
class Mention:
    iri: str
    article: str
    published: int | None     # the article's publication day (ordinal), when a full date
    kind: str
    status: str               # occurred | planned
    start: int | None = None  # ordinals
    end: int | None = None
    place: str | None = None
    participants: list[Participant] = field(default_factory=list)
    visitors: list[str] = field(default_factory=list)
    host: str | None = None   # IRI
    part_of: str | None = None
    evidence: list[str] = field(default_factory=list)

    @property
    def countries(self) -> tuple[str, ...]:
        codes = {p.code for p in self.participants if p.code}
        if self.host:
            codes.add(_code(self.host))
        return tuple(sorted(codes))

    @property
    def block(self) -> str:
        return " ".join(self.countries)

    @property
    def day(self) -> int | None:
        """The day it is filed under: its start, else its article's day."""
        return self.start if self.start is not None else self.published

    @property
    def last(self) -> int | None:
        return self.end if self.end is not None else self.start

    def order(self) -> tuple:
        """Earliest report first: publication day, then IRI."""
        return (self.published if self.published is not None else 10**7, self.iri)

    def to_json(self) -> str:
        data = dict(self.__dict__)
        data["participants"] = [p.__dict__ for p in self.participants]
        return json.dumps(data, sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> "Mention":
        data = json.loads(text)
        data["participants"] = [Participant(**p) for p in data["participants"]]
        return cls(**data)


def _code(iri: str) -> str:
    """A country IRI's alpha-3 code; an organisation's IRI as itself."""
    prefix = str(ID["country/"])
    return iri[len(prefix):] if iri.startswith(prefix) else iri


def _day(value: str) -> int | None:
    try:
        return dt.date.fromisoformat(value).toordinal() if len(value) == 10 else None
    except ValueError:
        return None


_T = {name: str(term) for name, term in {
    "type": RDF.type, "status": DIP.status, "start": SCHEMA.startDate, "end": SCHEMA.endDate,
    "location": SCHEMA.location, "participant": DIP.participant, "participation": DIP.participation,
    "agent": DIP.agent, "represents": DIP.represents, "name": SCHEMA.name, "visitor": DIP.visitor,
    "host": DIP.host, "partOfVisit": DIP.partOfVisit, "evidence": DIP.evidence, "derived": PROV.wasDerivedFrom,
    "articleId": DIP.articleId, "published": SCHEMA.datePublished, "country": DIP.country,
    "Person": DIP.Person, "Country": DIP.Country}.items()}
_DIP = str(DIP)
_READ = frozenset(v for k, v in _T.items() if k not in ("Person", "Country"))  # the predicates a mention needs


def mentions_from_quads(quads: Iterable) -> list[Mention]:
    """The event mentions of one article graph (pyoxigraph quads or triples)."""
    facts: dict[str, dict[str, list[str]]] = {}
    for q in quads:
        p = q.predicate.value
        if p in _READ:  # not the evidence selectors, topics, tenures ...: most of a graph
            facts.setdefault(q.subject.value, {}).setdefault(p, []).append(q.object.value)

    def one(s, p):
        values = facts.get(s, {}).get(p)
        return min(values) if values else None

    def many(s, p):
        return sorted(set(facts.get(s, {}).get(p, ())))

    mentions = []
    for s, props in facts.items():
        kinds = [t[len(_DIP):] for t in props.get(_T["type"], ()) if t.startswith(_DIP) and t[len(_DIP):] in CLASSES]
        if not kinds or _T["status"] not in props:
            continue
        article = one(s, _T["derived"])
        article_id = one(article, _T["articleId"]) if article else None
        if article_id is None:
            raise ValueError(f"{s}: an event without the article it was read from")
        published = one(article, _T["published"])
        represents = {}
        for pp in many(s, _T["participation"]):
            agent, rep = one(pp, _T["agent"]), one(pp, _T["represents"])
            if agent and rep:
                represents.setdefault(agent, rep)
        participants = []
        for agent in many(s, _T["participant"]):
            types = set(facts.get(agent, {}).get(_T["type"], ()))
            kind = "person" if _T["Person"] in types else "country" if _T["Country"] in types else "org"
            rep = represents.get(agent) or (agent if kind != "person" else None)
            code = None
            if rep:
                home = one(rep, _T["country"]) if not rep.startswith(str(ID["country/"])) else None
                code = _code(home or rep)
            participants.append(Participant(agent, kind, one(agent, _T["name"]) if kind == "person" else None, code))
        status = one(s, _T["status"])
        start, end = one(s, _T["start"]), one(s, _T["end"])
        mentions.append(Mention(
            iri=s, article=article_id, published=_day(published) if published else None,
            kind=sorted(kinds, key=lambda k: (k in SUPERCLASS.values(), k))[0],
            status="planned" if status == str(DIP.planned) else "occurred",
            start=_day(start) if start else None, end=_day(end) if end else None,
            place=one(s, _T["location"]), participants=participants, visitors=many(s, _T["visitor"]),
            host=one(s, _T["host"]), part_of=one(s, _T["partOfVisit"]), evidence=many(s, _T["evidence"])))
    return sorted(mentions, key=lambda m: m.iri)


# -- comparing two mentions

def _people_agree(a: Mention, b: Mention) -> bool:
    named_a, named_b = _named(a), _named(b)
    for code in named_a.keys() & named_b.keys():
        if not any(names_compatible(x, y) for x in named_a[code] for y in named_b[code]):
            return False
    return True


def _dates_agree(a: Mention, b: Mention) -> int | None:
    """How far apart in days the two reports place the interaction, or None when they cannot be one."""
    if a.start is not None and b.start is not None:
        gap = max(a.start - b.last, b.start - a.last, 0)
        return gap if gap <= DATED_TOLERANCE else None
    if a.start is None and b.start is None:
        if a.published is None or b.published is None:
            return None
        gap = abs(a.published - b.published)
        return gap if gap <= UNDATED_PAIR else None
    dated, undated = (a, b) if a.start is not None else (b, a)
    if undated.published is None:
        return None
    before = UNDATED_BEFORE if undated.status == "planned" else 1
    after = 1 if undated.status == "planned" else UNDATED_AFTER
    p = undated.published
    if dated.start - before <= p <= dated.last + after:
        return abs(p - dated.start)
    return None


def same_interaction(a: Mention, b: Mention) -> int | None:
    """None when A and B cannot report one interaction, else how far apart their dates are (0: agree)."""
    if a.article == b.article or family(a.kind) != family(b.kind) or a.countries != b.countries:
        return None
    if not a.countries:
        return None
    gap = _dates_agree(a, b)
    if gap is None or not _people_agree(a, b):
        return None
    return gap


def within(meeting: Mention, visit: Mention) -> bool:
    """Is MEETING (a meeting or signing) held during VISIT? Said by the article, or, across
    articles, its date within the visit's days and the same countries."""
    if family(visit.kind) != "Visit" or family(meeting.kind) not in ("Meeting", "AgreementSigning"):
        return False
    if meeting.part_of == visit.iri:
        return True
    return (meeting.article != visit.article and meeting.countries == visit.countries and
            meeting.start is not None and visit.start is not None and visit.start <= meeting.start <= visit.last)


# -- grouping

def _named(m: Mention) -> dict[str, set[str]]:
    """The names a report gives each country's people."""
    named: dict[str, set[str]] = {}
    for p in m.participants:
        if p.kind == "person" and p.name and p.code:
            named.setdefault(p.code, set()).add(p.name)
    return named


def _names_fit(a: dict[str, set[str]], b: dict[str, set[str]]) -> bool:
    """No name one group gives a country is another person's than a name the other gives it."""
    return not any(_other_person(x, y) for code in a.keys() & b.keys() for x in a[code] for y in b[code])


@functools.lru_cache(maxsize=1 << 16)
def _other_person(a: str, b: str) -> bool:
    """Two names of two people: not compatible, and without a word in common (nor one spelled
    alike). 'Dubois Toma' (a possessive cut short) and 'Dubois Tomas', or 'Lefevre Amara' and
    'Lefèvre Ines' (a wrong given name), may be one person told two ways; 'Omar Haddad' and
    'Nadia Mansour' are two."""
    if names_compatible(a, b):
        return False
    wa, wb = set(name_tokens(a)) - PARTICLES, set(name_tokens(b)) - PARTICLES
    return not any((x == y and len(x) >= 3) or _near(x, y) for x in wa for y in wb)


class _Union:
    """Groups of mentions that never hold two reports of one article, nor two reports that name
    two different people for one country (a report that names no one for a country can otherwise
    bridge a minister's two calls of one day with two ministers of that country)."""

    def __init__(self, items, mentions: dict[str, Mention]):
        self.parent = {i: i for i in items}
        self.articles = {i: {a} for i, a in items.items()}
        self.named = {i: _named(mentions[i]) for i in items}

    def find(self, x):
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, x, y) -> bool:
        rx, ry = self.find(x), self.find(y)
        if rx == ry:
            return True
        if self.articles[rx] & self.articles[ry]:
            return False  # two reports of one article: not one interaction
        if not _names_fit(self.named[rx], self.named[ry]):
            return False
        if ry < rx:
            rx, ry = ry, rx
        self.parent[ry] = rx
        self.articles[rx] |= self.articles.pop(ry)
        for code, names in self.named.pop(ry).items():
            self.named[rx].setdefault(code, set()).update(names)
        return True

    def fits(self, root: str, mention: Mention) -> bool:
        """Could MENTION join the group of ROOT (the names it gives agree with the group's)?"""
        return _names_fit(self.named[self.find(root)], _named(mention))

    def groups(self) -> list[list[str]]:
        out: dict[str, list[str]] = {}
        for x in self.parent:
            out.setdefault(self.find(x), []).append(x)
        return [sorted(g) for g in out.values()]


def _closest(gaps: list[tuple[int, str]], status: str, statuses: Callable[[str], set[str]]) -> str | None:
    """The group (root) an undated report joins, of those it matches (GAPS: sorted (days from its
    publication, root)), or None. One group; or, of several, the one far closer to the day it was
    published (news tells the latest meeting of two people: not the one of a week before); or,
    of several as close as each other and far closer than any other, the one whose reports alone
    say what the report says (STATUS: that it happened, or that it is to happen): 'they met',
    published between a meeting and one announced for the day after, is of the meeting held."""
    if not gaps:
        return None
    nearest = [r for gap, r in gaps if gap == gaps[0][0]]
    if len(gaps) > len(nearest) and gaps[len(nearest)][0] < gaps[0][0] + RECENT:
        return None
    if len(nearest) == 1:
        return nearest[0]
    alike = [r for r in nearest if status in statuses(r)]
    return alike[0] if len(alike) == 1 else None


def partition(mentions: dict[str, Mention], edges: dict[tuple[str, str], int]) -> list[list[str]]:
    """Group mentions (iri -> Mention) along their matches (a sorted iri pair -> gap in days).

    A function of its arguments only: edges are taken in a fixed order (closest dates first,
    then IRIs), whatever order they were found in."""
    dated = {i: m.article for i, m in mentions.items() if m.start is not None}
    undated = {i: m.article for i, m in mentions.items() if m.start is None}
    ordered = sorted(edges.items(), key=lambda e: (e[1], e[0]))
    groups = _Union(dated, mentions)
    for (x, y), _ in ordered:
        if x in dated and y in dated:
            groups.join(x, y)
    # an undated report joins the one dated group it matches; matching several, it stays out.
    # It matches a group through a dated report of it, then (a second pass) also through an
    # undated report that joined the group in the first ('is on a visit' told by three outlets)
    joined: dict[str, str] = {}  # undated report -> the root of the group it joined
    matched: dict[str, dict[str, int]] = {}  # undated report -> root -> days from its publication
    via: dict[str, set[str]] = {}  # undated report -> the undated reports it matches
    for (x, y), gap in ordered:
        if (x in dated) != (y in dated):
            u, d = (x, y) if x in undated else (y, x)
            root = groups.find(d)
            roots = matched.setdefault(u, {})
            roots[root] = min(gap, roots.get(root, gap))
        elif x in undated and y in undated:
            via.setdefault(x, set()).add(y)
            via.setdefault(y, set()).add(x)
    result = {root: list(members) for root, members in ((g[0], g) for g in groups.groups())}
    by_root = {groups.find(g[0]): g[0] for g in result.values()}

    def statuses(root: str) -> set[str]:
        return {mentions[i].status for i in result[by_root[root]] if i in dated}

    def settle(candidates: dict[str, dict[str, int]], by_status: bool = True) -> None:
        for u in sorted(candidates):
            gaps = sorted((gap, r) for r, gap in candidates[u].items() if groups.fits(r, mentions[u]))
            root = _closest(gaps, mentions[u].status, statuses if by_status else lambda r: set())
            if root is not None:
                first = by_root[root]
                if mentions[u].article not in {mentions[i].article for i in result[first]}:
                    joined[u] = root
                    result[first].append(u)

    settle(matched)
    # through an undated report that joined: no distance is known, so only one group will do
    # (whatever the reports say of its status)
    far = 10**6
    settle({u: {**{r: far for r in matched.get(u, {})}, **{joined[v]: far for v in via.get(u, ()) if v in joined}}
            for u in undated if u not in joined and any(v in joined for v in via.get(u, ()))}, by_status=False)
    rest = _Union({u: a for u, a in undated.items() if u not in joined}, mentions)
    for (x, y), _ in ordered:
        if x in rest.parent and y in rest.parent:
            rest.join(x, y)
    return sorted(sorted(g) for g in list(result.values()) + rest.groups())


# -- the merged view

@dataclass
class Choice:
    prop: str              # the property of the resolved interaction it gives the value of
    value: str             # an IRI, a date (YYYY-MM-DD) or a class name
    rule: str
    stated_by: list[str]   # the reports that state this value


@dataclass
class Resolved:
    iri: str
    reports: list[Mention]
    kind: str
    status: str
    start: int | None
    end: int | None
    place: str | None
    participants: list[str]   # canonical IRIs
    visitors: list[str]
    host: str | None
    choices: list[Choice]
    during: list[str] = field(default_factory=list)  # resolved visits it was held during


def interaction_iri(earliest: Mention) -> str:
    """`dipid:interaction/{article}/{n}` after the earliest report `dipid:event/{article}/{n}`."""
    prefix = str(ID["event/"])
    if earliest.iri.startswith(prefix):
        return str(ID["interaction/" + earliest.iri[len(prefix):]])
    return str(ID["interaction/h" + hashlib.sha256(earliest.iri.encode()).hexdigest()[:24]])


def _pick(stated: dict[str, list[Mention]], tie) -> tuple[str, str]:
    """The value most reports state, ties broken by TIE (a key on (value, reports)); with its rule."""
    if len(stated) == 1:
        return next(iter(stated)), "agreed"
    most = max(len(r) for r in stated.values())
    top = [v for v, r in stated.items() if len(r) == most]
    if len(top) == 1:
        return top[0], "majority"
    return min(top, key=lambda v: tie(v, stated[v])), "earliestReport"


def _class_depth(kind: str) -> int:
    return 1 if kind in SUPERCLASS else 0


def merge(members: list[Mention], canonical: dict[str, str]) -> Resolved:
    reports = sorted(members, key=Mention.order)
    earliest = reports[0]
    choices: list[Choice] = []
    several = len(reports) > 1

    def choose(prop, values: dict[str, list[Mention]], rule: str | None, chosen: str) -> None:
        if several:
            missing = len(reports) - sum(len(r) for r in values.values())
            if rule == "agreed" and missing:
                rule = "onlyStated"
            choices.append(Choice(prop, chosen, rule, sorted(m.iri for m in values[chosen])))

    first_of = lambda v, rs: min(m.order() for m in rs)  # noqa: E731
    # class: a subclass over its superclass, else the most reports, else the earliest report's
    kinds: dict[str, list[Mention]] = {}
    for m in reports:
        kinds.setdefault(m.kind, []).append(m)
    specific = {k: r for k, r in kinds.items() if not any(SUPERCLASS.get(o) == k for o in kinds)}
    if len(specific) < len(kinds) and len(specific) == 1:
        kind, rule = next(iter(specific)), "mostSpecific"
        support = {kind: [m for m in reports if m.kind in (kind, SUPERCLASS.get(kind))]}
        choose(str(DIP.mergedClass), support, rule, kind)
    else:
        kind, rule = _pick(specific, first_of)
        choose(str(DIP.mergedClass), specific, rule, kind)
    # status: a report that it happened makes it occurred
    statuses: dict[str, list[Mention]] = {}
    for m in reports:
        statuses.setdefault(m.status, []).append(m)
    status = "occurred" if "occurred" in statuses else "planned"
    choose(str(DIP.mergedStatus), statuses, "agreed" if len(statuses) == 1 else "occurredOverPlanned", status)
    # dates: the span the reports that it occurred give, else any report's; most reports, then earliest
    dated = [m for m in reports if m.start is not None]
    occurred = [m for m in dated if m.status == "occurred"]
    pool = occurred or dated
    start = end = None
    if pool:
        spans: dict[str, list[Mention]] = {}
        for m in pool:
            spans.setdefault(f"{m.start}/{m.end}", []).append(m)
        span, rule = _pick(spans, lambda v, rs: (int(v.split("/")[0]), first_of(v, rs)))
        if occurred and len(occurred) < len(dated) and rule == "agreed":
            rule = "occurredReports"
        s, e = span.split("/")
        start, end = int(s), (int(e) if e != "None" else None)
        if several:
            stating = sorted(m.iri for m in spans[span])
            missing = len(reports) > len(pool) and rule == "agreed"
            choices.append(Choice(str(SCHEMA.startDate), _iso(start), "onlyStated" if missing else rule, stating))
            if end is not None:
                choices.append(Choice(str(SCHEMA.endDate), _iso(end), "onlyStated" if missing else rule, stating))
    # place
    places: dict[str, list[Mention]] = {}
    for m in reports:
        if m.place:
            places.setdefault(m.place, []).append(m)
    place = None
    if places:
        place, rule = _pick(places, first_of)
        choose(str(SCHEMA.location), places, rule, place)
    # participants: the union, each person once (under the canonical IRI)
    named: dict[str, list[Mention]] = {}
    for m in reports:
        for p in m.participants:
            agent = canonical.get(p.agent, p.agent)
            if m not in named.setdefault(agent, []):
                named[agent].append(m)
    participants = sorted(named)
    if several:
        for agent in participants:
            rule = "agreed" if len(named[agent]) == len(reports) else "union"
            choices.append(Choice(str(DIP.mergedParticipant), agent, rule, sorted(m.iri for m in named[agent])))
    visitors = sorted({canonical.get(v, v) for m in reports for v in m.visitors})
    hosts = sorted({m.host for m in reports if m.host})
    return Resolved(interaction_iri(earliest), reports, kind, status, start, end, place, participants, visitors,
                    hosts[0] if hosts else None, choices)


def _iso(day: int) -> str:
    return dt.date.fromordinal(day).isoformat()


def resolved_triples(r: Resolved) -> list[tuple]:
    """The resolution graph's triples for one resolved interaction, as pyoxigraph terms."""
    N, L = ox.NamedNode, ox.Literal
    date = ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")
    node = N(r.iri)
    out = [(node, N(str(RDF.type)), N(str(DIP.ResolvedInteraction))),
           (node, N(str(DIP.mergedClass)), N(str(DIP[r.kind]))),
           (node, N(str(DIP.mergedStatus)), N(str(DIP[r.status])))]
    for m in r.reports:
        out.append((node, N(str(DIP.report)), N(m.iri)))
    if r.start is not None:
        out.append((node, N(str(SCHEMA.startDate)), L(_iso(r.start), datatype=date)))
    if r.end is not None and r.start is not None and r.end >= r.start:
        out.append((node, N(str(SCHEMA.endDate)), L(_iso(r.end), datatype=date)))
    if r.place:
        out.append((node, N(str(SCHEMA.location)), N(r.place)))
    for p in r.participants:
        out.append((node, N(str(DIP.mergedParticipant)), N(p)))
    for v in r.visitors:
        out.append((node, N(str(DIP.mergedVisitor)), N(v)))
    if r.host:
        out.append((node, N(str(DIP.mergedHost)), N(r.host)))
    for visit in r.during:
        out.append((node, N(str(DIP.duringVisit)), N(visit)))
    evidence = {m.iri: m.evidence for m in r.reports}
    for n, c in enumerate(r.choices, start=1):
        if c.prop in (str(DIP.mergedClass), str(DIP.mergedStatus)):
            value = N(str(DIP[c.value]))  # a class, or dip:occurred / dip:planned
        elif c.prop in (str(SCHEMA.startDate), str(SCHEMA.endDate)):
            value = L(c.value, datatype=date)
        else:
            value = N(c.value)  # a place or a participant
        choice = N(f"{r.iri}#value-{n}")
        out += [(node, N(str(DIP.mergedValue)), choice),
                (choice, N(str(RDF.type)), N(str(DIP.MergedValue))),
                (choice, N(str(DIP.onProperty)), N(c.prop)),
                (choice, N(str(RDF.value)), value),
                (choice, N(str(DIP.mergeRule)), N(str(DIP[c.rule])))]
        for report in c.stated_by:
            out.append((choice, N(str(DIP.statedBy)), N(report)))
            for ev in evidence.get(report, ()):
                out.append((choice, N(str(DIP.evidence)), N(ev)))
    return out


# -- people

def person_groups(people: dict[str, str], aliases: Iterable[tuple[str, str]],
                  known: set[str] = frozenset()) -> dict[str, str]:
    """Each person IRI's canonical IRI: people (iri -> name) with the same name key, or joined
    by an alias pair, are one person. The canonical IRI is one the office-holder dictionary
    knows (KNOWN), else the one whose name has the most words, then one whose IRI spells its
    name as written (not 'mehmet-y-lmaz', not 'foreign-minister-...'), then the smallest."""
    parent = {p: p for p in people}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(x, y):
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)

    by_key: dict[str, str] = {}
    for iri in sorted(people):
        key = name_key(people[iri])
        if key:
            join(by_key.setdefault(key, iri), iri)
    for a, b in aliases:
        if a in parent and b in parent:
            join(a, b)
    groups: dict[str, list[str]] = {}
    for p in people:
        groups.setdefault(find(p), []).append(p)
    canonical = {}
    for members in groups.values():
        best = min(members, key=lambda i: (i not in known, -len(name_tokens(people[i])),
                                           i.rsplit("/", 1)[-1] != "-".join(name_tokens(people[i])), i))
        for m in members:
            canonical[m] = best
    return canonical


def cluster_aliases(members: list[Mention]) -> list[tuple[str, str]]:
    """Person IRIs two reports of one interaction name for the same country with compatible names."""
    pairs = set()
    for i, a in enumerate(members):
        for b in members[i + 1:]:
            for pa in a.participants:
                for pb in b.participants:
                    if (pa.kind == pb.kind == "person" and pa.agent != pb.agent and pa.code and pa.code == pb.code
                            and pa.name and pb.name and names_compatible(pa.name, pb.name)):
                        pairs.add(tuple(sorted((pa.agent, pb.agent))))
    return sorted(pairs)


# -- the index beside the store, and the stage itself

@dataclass
class ResolutionSummary:
    reports: int = 0          # event mentions the store holds
    interactions: int = 0     # resolved interactions the store holds
    region: int = 0           # mentions compared again by this build
    written: int = 0          # resolved interactions written (new or changed; the others compared stay)
    removed: int = 0          # resolved interactions gone
    people_renamed: int = 0   # person IRIs whose canonical IRI changed
    seconds: float = 0.0
    rebuilt: bool = False     # the index was missing or outdated: everything was resolved again
    # the resolved interactions written or removed: the query summary (kg/summary.py) gives their
    # reports' rows the interaction that reports them now
    changed_interactions: set = field(default_factory=set, repr=False)
    findings: list = field(default_factory=list)  # the shapes' findings on what was written (kg.validate.Finding)

    def line(self) -> str:
        again = ", from scratch" if self.rebuilt else ""
        return (f"resolution: {self.interactions} interactions from {self.reports} reports "
                f"({self.region} reports compared, {self.written} interactions written, {self.removed} removed"
                f"{again}; {self.seconds:.2f} s)")


_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS mention (iri TEXT PRIMARY KEY, article TEXT, block TEXT, day INTEGER, cluster TEXT,
                                    data TEXT);
CREATE INDEX IF NOT EXISTS mention_block ON mention (block, day);
CREATE INDEX IF NOT EXISTS mention_article ON mention (article);
CREATE INDEX IF NOT EXISTS mention_cluster ON mention (cluster);
CREATE TABLE IF NOT EXISTS alias (a TEXT, b TEXT, cluster TEXT);
CREATE INDEX IF NOT EXISTS alias_a ON alias (a);
CREATE INDEX IF NOT EXISTS alias_b ON alias (b);
CREATE INDEX IF NOT EXISTS alias_cluster ON alias (cluster);
CREATE TABLE IF NOT EXISTS person (iri TEXT PRIMARY KEY, name TEXT, key TEXT, canonical TEXT);
CREATE INDEX IF NOT EXISTS person_key ON person (key);
CREATE INDEX IF NOT EXISTS person_canonical ON person (canonical);
CREATE TABLE IF NOT EXISTS uses (person TEXT, cluster TEXT);
CREATE TABLE IF NOT EXISTS digest (iri TEXT PRIMARY KEY, hash TEXT);
CREATE INDEX IF NOT EXISTS uses_person ON uses (person);
CREATE INDEX IF NOT EXISTS uses_cluster ON uses (cluster);
"""


class ResolutionIndex:
    """The mentions, their groups and the people, kept beside the store (resolution.sqlite).

    It can always be made again from the store (`rebuild`): the article graphs are the truth."""

    def __init__(self, location: Path):
        self.path = Path(location) / INDEX_FILE
        fresh = not self.path.exists()
        self.db = sqlite3.connect(str(self.path))
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(_SCHEMA)
        version = self.db.execute("SELECT value FROM meta WHERE key='version'").fetchone()
        self.usable = not fresh and version is not None and version[0] == str(INDEX_VERSION)
        self._cache: dict[str, Mention | None] = {}

    def clear(self) -> None:
        for table in ("mention", "alias", "person", "uses", "digest", "meta"):
            self.db.execute(f"DELETE FROM {table}")
        self.db.execute("INSERT INTO meta VALUES ('version', ?)", (str(INDEX_VERSION),))
        self._cache.clear()

    def close(self) -> None:
        self.db.commit()
        self.db.close()

    # mentions
    def mention(self, iri: str) -> Mention | None:
        if iri not in self._cache:
            row = self.db.execute("SELECT data FROM mention WHERE iri=?", (iri,)).fetchone()
            self._cache[iri] = Mention.from_json(row[0]) if row else None
        return self._cache[iri]

    def of_article(self, article: str) -> list[Mention]:
        return [Mention.from_json(d) for (d,) in
                self.db.execute("SELECT data FROM mention WHERE article=? ORDER BY iri", (article,))]

    def cluster_of(self, iri: str) -> str | None:
        row = self.db.execute("SELECT cluster FROM mention WHERE iri=?", (iri,)).fetchone()
        return row[0] if row else None

    def members(self, cluster: str) -> list[str]:
        return [i for (i,) in self.db.execute("SELECT iri FROM mention WHERE cluster=?", (cluster,))]

    def add(self, mentions: list[Mention]) -> None:
        self.db.executemany("INSERT OR REPLACE INTO mention VALUES (?, ?, ?, ?, NULL, ?)",
                            [(m.iri, m.article, m.block, m.day, m.to_json()) for m in mentions])
        for m in mentions:
            self._cache[m.iri] = m

    def drop(self, iris: list[str]) -> None:
        self.db.executemany("DELETE FROM mention WHERE iri=?", [(i,) for i in iris])
        for i in iris:
            self._cache[i] = None

    def candidates(self, m: Mention) -> list[Mention]:
        """The mentions filed in M's block within the days M could be compared with."""
        if not m.block or m.day is None:
            return []
        if m.start is not None:
            low, high = m.start - UNDATED_BEFORE - MAX_SPAN, m.last + UNDATED_AFTER
        else:
            low, high = m.day - UNDATED_AFTER - MAX_SPAN, m.day + UNDATED_BEFORE
        found = []
        for iri, data in self.db.execute("SELECT iri, data FROM mention WHERE block=? AND day BETWEEN ? AND ?",
                                         (m.block, low, high)):
            if iri != m.iri:
                other = self._cache.get(iri)
                if other is None:
                    other = self._cache[iri] = Mention.from_json(data)
                found.append(other)
        return found

    def count(self) -> tuple[int, int]:
        reports, clusters = self.db.execute("SELECT COUNT(*), COUNT(DISTINCT cluster) FROM mention").fetchone()
        return reports, clusters


def index_usable(location: Path) -> bool:
    """Whether the store at LOCATION has a resolution index of this version (else the next build
    resolves the whole store)."""
    if not (Path(location) / INDEX_FILE).exists():
        return False
    index = ResolutionIndex(location)
    try:
        return index.usable
    finally:
        index.close()


def _edges_of(m: Mention, index: ResolutionIndex) -> tuple[dict, set, list[Mention]]:
    """M's matches (sorted pair -> gap), its meeting-in-visit links, and the mentions they reach."""
    same, links, reached = {}, set(), []
    candidates = index.candidates(m)
    if m.part_of:
        visit = index.mention(m.part_of)
        if visit is not None:
            candidates.append(visit)
    for c in candidates:
        gap = same_interaction(m, c)
        if gap is not None:
            same[tuple(sorted((m.iri, c.iri)))] = gap
            reached.append(c)
        elif within(m, c) or within(c, m):
            links.add((m.iri, c.iri) if within(m, c) else (c.iri, m.iri))
            reached.append(c)
    # a meeting whose visit is in another block still reaches it, and the visit its meetings
    for iri, in index.db.execute("SELECT iri FROM mention WHERE article=? AND iri!=?", (m.article, m.iri)):
        other = index.mention(iri)
        if other is not None and (other.part_of == m.iri or m.part_of == other.iri):
            links.add((other.iri, m.iri) if other.part_of == m.iri else (m.iri, other.iri))
            reached.append(other)
    return same, links, reached


def _region(seeds: set[str], index: ResolutionIndex) -> tuple[dict[str, Mention], dict, set]:
    """The connected part of the match (and meeting-in-visit) graph around SEEDS."""
    region: dict[str, Mention] = {}
    same: dict = {}
    links: set = set()
    queue = sorted(seeds)
    while queue:
        iri = queue.pop()
        if iri in region:
            continue
        m = index.mention(iri)
        if m is None:
            continue
        region[iri] = m
        s, l, reached = _edges_of(m, index)
        same.update(s)
        links |= l
        queue.extend(r.iri for r in reached if r.iri not in region)
    return region, same, links


def _digest(lines: Iterable[str]) -> int:
    return int.from_bytes(hashlib.sha256("".join(sorted(lines)).encode("utf-8")).digest()[:16], "big")


class _GraphHash:
    """The resolution graph's dip:contentHash (what `kg push` compares): the XOR of a digest per
    resolved interaction and per owl:sameAs triple, so it is kept up to date piece by piece and
    does not depend on the order the pieces came in."""

    def __init__(self, index: "ResolutionIndex"):
        self.db = index.db
        row = self.db.execute("SELECT value FROM meta WHERE key='graph_hash'").fetchone()
        self.value = int(row[0], 16) if row else 0

    def stored(self, key: str) -> int | None:
        row = self.db.execute("SELECT hash FROM digest WHERE iri=?", (key,)).fetchone()
        return int(row[0], 16) if row else None

    def replace(self, key: str, digest: int | None) -> None:
        row = self.db.execute("SELECT hash FROM digest WHERE iri=?", (key,)).fetchone()
        if row:
            self.value ^= int(row[0], 16)
            self.db.execute("DELETE FROM digest WHERE iri=?", (key,))
        if digest is not None:
            self.value ^= digest
            self.db.execute("INSERT INTO digest VALUES (?, ?)", (key, f"{digest:032x}"))

    def save(self, store) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('graph_hash', ?)", (f"{self.value:032x}",))
        graph = ox.NamedNode(str(RESOLUTION_GRAPH))
        predicate = ox.NamedNode(str(DIP.contentHash))
        for q in list(store.quads_for_pattern(graph, predicate, None, graph)):
            store.remove(q)
        store.add(ox.Quad(graph, predicate, ox.Literal(f"{self.value:032x}"), graph))


def _delete_cluster(store, iri: str) -> None:
    graph = ox.NamedNode(str(RESOLUTION_GRAPH))
    node = ox.NamedNode(iri)
    values = [q.object for q in store.quads_for_pattern(node, ox.NamedNode(str(DIP.mergedValue)), None, graph)]
    for subject in [node] + values:
        for q in list(store.quads_for_pattern(subject, None, None, graph)):
            store.remove(q)


CHECK_BATCH = 2000  # resolved interactions validated at once (memory stays bounded at 100,000 articles)


def resolve(kg_store, changed: Iterable[str] = (), everything: bool = False,
            check: Callable[[list[tuple]], list] | None = None) -> ResolutionSummary:
    """Resolve the mentions of the CHANGED articles (written, replaced or removed) against the store.

    everything: resolve the whole store again (also done when the index is missing or outdated).
    check: validates the triples (pyoxigraph terms) of the resolved interactions written, against
    the shapes; what it finds is in the summary's `findings`."""
    started = time.perf_counter()
    store = kg_store.store
    index = ResolutionIndex(kg_store.location)
    summary = ResolutionSummary()
    graph = ox.NamedNode(str(RESOLUTION_GRAPH))
    try:
        if everything or not index.usable:
            summary.rebuilt = True
            index.clear()
            if store.contains_named_graph(graph):
                store.remove_graph(graph)
            changed = kg_store.article_ids()
        changed = sorted(set(changed))
        # what the changed articles held before, their neighbours, and what they hold now
        seeds: set[str] = set()
        old_clusters: set[str] = set()
        gone: list[str] = []
        for article in changed:
            for old in index.of_article(article):
                gone.append(old.iri)
                cluster = index.cluster_of(old.iri)
                if cluster:
                    old_clusters.add(cluster)
                    seeds.update(index.members(cluster))
                _, _, reached = _edges_of(old, index)
                seeds.update(r.iri for r in reached)
        index.drop(gone)
        new: list[Mention] = []
        for article in changed:
            name = ox.NamedNode(str(article_graph(article)))
            new += mentions_from_quads(store.quads_for_pattern(None, None, None, name))
        index.add(new)
        seeds.update(m.iri for m in new)
        seeds -= set(gone) - {m.iri for m in new}
        region, same, links = _region(seeds, index)
        summary.region = len(region)
        for iri in region:
            cluster = index.cluster_of(iri)
            if cluster:
                old_clusters.add(cluster)
        groups = partition(region, same)
        # people: the aliases of the groups replaced go, those of the new groups come
        affected_people: set[str] = set()
        for cluster in old_clusters:
            affected_people.update(p for (p,) in index.db.execute("SELECT person FROM uses WHERE cluster=?",
                                                                  (cluster,)))
        index.db.executemany("DELETE FROM alias WHERE cluster=?", [(c,) for c in old_clusters])
        index.db.executemany("DELETE FROM uses WHERE cluster=?", [(c,) for c in old_clusters])
        resolved: dict[str, list[Mention]] = {}
        for members in groups:
            ms = [region[i] for i in members]
            iri = interaction_iri(min(ms, key=Mention.order))
            resolved[iri] = ms
            index.db.executemany("UPDATE mention SET cluster=? WHERE iri=?", [(iri, i) for i in members])
            index.db.executemany("INSERT INTO alias VALUES (?, ?, ?)", [(a, b, iri) for a, b in cluster_aliases(ms)])
            people = {(p.agent, p.name) for m in ms for p in m.participants if p.kind == "person" and p.name}
            index.db.executemany("INSERT INTO uses VALUES (?, ?)", [(p, iri) for p in sorted({a for a, _ in people})])
            # one name a person IRI, the same whichever article came first
            index.db.executemany("INSERT INTO person VALUES (?, ?, ?, NULL) ON CONFLICT(iri) DO UPDATE "
                                 "SET name=MIN(name, excluded.name), key=MIN(key, excluded.key)",
                                 [(a, n, name_key(n)) for a, n in sorted(people)])
            affected_people.update(a for a, _ in people)
        digests = _GraphHash(index)
        renamed = _update_people(index, store, affected_people, digests)
        summary.people_renamed = len(renamed)
        # the groups outside the region that name a renamed person are written again too
        rewrite = set(resolved)
        for person in renamed:
            for (cluster,) in index.db.execute("SELECT DISTINCT cluster FROM uses WHERE person=?", (person,)):
                if cluster not in resolved:
                    resolved[cluster] = [index.mention(i) for i in sorted(index.members(cluster))]
                    rewrite.add(cluster)
        canonical = _canonical_map(index, {p.agent for ms in resolved.values() for m in ms for p in m.participants})
        # meeting-in-visit links between the groups
        group_of = {m.iri: iri for iri, ms in resolved.items() for m in ms}
        during: dict[str, set[str]] = {}
        for meeting, visit in links:
            if meeting in group_of and visit in group_of:
                during.setdefault(group_of[meeting], set()).add(group_of[visit])
        # the triples of each group; a group whose triples are those stored (same digest) stays
        # as it is: most of a region is compared again and found unchanged
        written: dict[str, tuple[list[tuple], int]] = {}
        for iri in sorted(resolved):
            r = merge(resolved[iri], canonical)
            r.during = sorted(during.get(iri, ()))
            triples = resolved_triples(r)
            digest = _digest(f"{s} {p} {o} .\n" for s, p, o in triples)
            if iri not in old_clusters | rewrite or digests.stored(iri) != digest:
                written[iri] = (triples, digest)
        for cluster in sorted((old_clusters | rewrite) - (set(resolved) - set(written))):
            _delete_cluster(store, cluster)
            digests.replace(cluster, None)
            summary.changed_interactions.add(cluster)
        summary.changed_interactions.update(written)
        summary.removed = len(old_clusters - set(resolved))
        quads = []
        batch: list[tuple] = []
        for n, (iri, (triples, digest)) in enumerate(sorted(written.items()), start=1):
            digests.replace(iri, digest)
            quads += [ox.Quad(s, p, o, graph) for s, p, o in triples]
            if check is not None:
                batch += triples
                if n % CHECK_BATCH == 0 or n == len(written):
                    summary.findings += check(batch)
                    batch = []
        store.extend(quads)
        digests.save(store)
        summary.written = len(written)
        summary.reports, summary.interactions = index.count()
        index.db.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (str(INDEX_VERSION),))
    finally:
        index.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _canonical_map(index: ResolutionIndex, agents: set[str]) -> dict[str, str]:
    out = {}
    for agent in agents:
        row = index.db.execute("SELECT canonical FROM person WHERE iri=?", (agent,)).fetchone()
        if row and row[0]:
            out[agent] = row[0]
    return out


def _update_people(index: ResolutionIndex, store, affected: set[str], digests: _GraphHash) -> set[str]:
    """Recompute the canonical IRI of the people connected to AFFECTED (same name key or an
    alias); rewrite their owl:sameAs; return the person IRIs whose canonical IRI changed."""
    db = index.db
    graph = ox.NamedNode(str(RESOLUTION_GRAPH))
    same_as = ox.NamedNode(str(OWL.sameAs))
    touched: set[str] = set()  # canonical IRIs whose aliases may have changed
    # people no group names any more are forgotten, with their owl:sameAs
    for person in sorted(affected):
        if db.execute("SELECT 1 FROM uses WHERE person=? LIMIT 1", (person,)).fetchone() is None:
            row = db.execute("SELECT canonical FROM person WHERE iri=?", (person,)).fetchone()
            if row and row[0] and row[0] != person:
                store.remove(ox.Quad(ox.NamedNode(person), same_as, ox.NamedNode(row[0]), graph))
                digests.replace("sameAs " + person, None)
                touched.add(row[0])
            db.execute("DELETE FROM person WHERE iri=?", (person,))
            touched.add(person)
    names: dict[str, str] = {}
    old: dict[str, str | None] = {}
    queue = sorted(affected)
    while queue:
        person = queue.pop()
        if person in names:
            continue
        row = db.execute("SELECT name, key, canonical FROM person WHERE iri=?", (person,)).fetchone()
        if row is None:
            old[person] = None
            continue
        names[person], old[person] = row[0], row[2]
        queue += [i for (i,) in db.execute("SELECT iri FROM person WHERE key=?", (row[1],)) if i not in names]
        queue += [b for (b,) in db.execute("SELECT b FROM alias WHERE a=?", (person,)) if b not in names]
        queue += [a for (a,) in db.execute("SELECT a FROM alias WHERE b=?", (person,)) if a not in names]
    aliases = set()
    for person in names:
        aliases.update(db.execute("SELECT a, b FROM alias WHERE a=?", (person,)).fetchall())
    reference = ox.NamedNode(str(GRAPH["reference"]))
    person_class = ox.NamedNode(str(DIP.Person))
    known = {p for p in names if next(store.quads_for_pattern(ox.NamedNode(p), ox.NamedNode(str(RDF.type)),
                                                               person_class, reference), None) is not None}
    canonical = person_groups(names, sorted(aliases), known)
    renamed = set()
    for person in sorted(old):
        now = canonical.get(person)
        if old[person] == now:
            continue
        renamed.add(person)
        if old[person] and old[person] != person:
            store.remove(ox.Quad(ox.NamedNode(person), same_as, ox.NamedNode(old[person]), graph))
        digests.replace("sameAs " + person, None)
        if now and now != person:
            store.add(ox.Quad(ox.NamedNode(person), same_as, ox.NamedNode(now), graph))
            digests.replace("sameAs " + person, _digest([f"<{person}> <{OWL.sameAs}> <{now}> .\n"]))
        if now:
            db.execute("UPDATE person SET canonical=? WHERE iri=?", (now, person))
        touched.update(c for c in (old[person], now) if c)
    # and those whose name may have changed (a person IRI keeps the least of the names it is given)
    touched.update(canonical.values())
    _write_canonical_names(db, store, touched, digests)
    return renamed


def _write_canonical_names(db, store, canonicals: set[str], digests: _GraphHash) -> None:
    """A canonical IRI that other person IRIs are owl:sameAs carries its name (schema:name) in the
    resolution graph, so that queries show the one name chosen (the dictionary's, else the
    fullest) rather than one of the spellings of the articles."""
    graph = ox.NamedNode(str(RESOLUTION_GRAPH))
    name = ox.NamedNode(str(SCHEMA.name))
    for canonical in sorted(canonicals):
        node = ox.NamedNode(canonical)
        for q in list(store.quads_for_pattern(node, name, None, graph)):
            store.remove(q)
        digests.replace("name " + canonical, None)
        aliased = db.execute("SELECT 1 FROM person WHERE canonical=? AND iri!=? LIMIT 1",
                             (canonical, canonical)).fetchone()
        row = db.execute("SELECT name FROM person WHERE iri=?", (canonical,)).fetchone()
        if aliased and row:
            literal = ox.Literal(row[0])
            store.add(ox.Quad(node, name, literal, graph))
            digests.replace("name " + canonical, _digest([f"{node} {name} {literal} .\n"]))
