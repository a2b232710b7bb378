"""Clusters of reports: one interaction written by 2-5 "outlets", with known truth (generate.py --clusters).

Every text here is written by this module; no outlet's words. Each interaction (a phone call
or video call, a meeting, or a multi-day visit with a meeting held during it) is told by up to
five articles of different invented outlets, with the noise real reports show:
  - wording: several sentence templates per type; titles before names ("Turkish Foreign
    Minister Mehmet Yilmaz") or after them ("Mehmet Yilmaz, Turkey's foreign minister,");
    the counterpart only as "his Brazilian counterpart" in the sentence and named in the next;
  - names: accents dropped, surname first, a transliteration ("Tokayev" / "Tokaev"), a
    possessive ("Yilmaz's call with ..."), a middle name or not, a wrong given name in one report;
  - dates: a full date, a weekday, "yesterday", none (published 0-3 days after); an
    announcement published days before ("will meet ... on March 5", status planned);
  - mode: a "telephone conversation" in one report, "talked by phone" or a "virtual meeting"
    (a video conference) in another;
  - visits of two to four days with the talks held during them (their own interaction,
    reported by the visit's articles and by others).
Hard negatives come with them, with their own keys: the same two people on another occasion
days or years later, and the same person on the same day with another counterpart (another
country's, or another minister of the same country).

Office holders stay in office for a term of four years, so that the same people meet again.
The span of days grows with the count (about 6.7 articles a day), so the density of
interactions per pair of countries does not grow with the corpus.

Each article's gold (../shared/eval/SCHEMA.md) is what its text says, in the report's own
spelling and type; events of one real interaction share a `cluster:` key, so that
../shared/eval/clusters.py scores the resolution.
"""
from __future__ import annotations

import datetime as dt
import random
import unicodedata
import zlib

# (code, name, demonym, capital)
COUNTRIES = [
    ("TUR", "Turkey", "Turkish", "Ankara"), ("BRA", "Brazil", "Brazilian", "Brasilia"),
    ("JPN", "Japan", "Japanese", "Tokyo"), ("KEN", "Kenya", "Kenyan", "Nairobi"),
    ("FRA", "France", "French", "Paris"), ("IND", "India", "Indian", "New Delhi"),
    ("DEU", "Germany", "German", "Berlin"), ("CHL", "Chile", "Chilean", "Santiago"),
    ("VNM", "Vietnam", "Vietnamese", "Hanoi"), ("IDN", "Indonesia", "Indonesian", "Jakarta"),
    ("MEX", "Mexico", "Mexican", "Mexico City"), ("EGY", "Egypt", "Egyptian", "Cairo"),
    ("NGA", "Nigeria", "Nigerian", "Abuja"), ("THA", "Thailand", "Thai", "Bangkok"),
    ("POL", "Poland", "Polish", "Warsaw"), ("ARG", "Argentina", "Argentine", "Buenos Aires"),
    ("CAN", "Canada", "Canadian", "Ottawa"), ("ESP", "Spain", "Spanish", "Madrid"),
    ("PER", "Peru", "Peruvian", "Lima"), ("GHA", "Ghana", "Ghanaian", "Accra"),
    ("KAZ", "Kazakhstan", "Kazakh", "Astana"), ("CHN", "China", "Chinese", "Beijing"),
    ("UKR", "Ukraine", "Ukrainian", "Kyiv"), ("COL", "Colombia", "Colombian", "Bogota"),
]
GIVEN = ["Mehmet", "Joao", "Hiroshi", "Samuel", "Claire", "Priya", "Klaus", "Carla", "Dewi", "Luc", "Anne", "Tomas",
         "Elena", "Ibrahim", "Amara", "Kofi", "Marta", "Jorge", "Sofia", "Andres", "Nadia", "Pavel", "Lucia", "Omar",
         "Kassym", "Olena", "Rashid", "Ines", "Felipe", "Akosua"]
MIDDLE = ["Inácio", "Maria", "José", "Ahmed", "Carlos", "Luisa"]
# surnames; some with the other spellings outlets use (transliterations, a doubled letter)
SURNAME = ["Yılmaz", "Carvalho", "Tanaka", "Otieno", "Morel", "Raman", "Becker", "Rojas", "Santoso", "Bernard",
           "Lefèvre", "Nowak", "Okafor", "Mensah", "Herrera", "Suárez", "Castillo", "Haddad", "Wójcik", "Dubois",
           "Moreau", "Jiménez", "Nakamura", "Sato", "Müller", "Ferreira", "Ortega", "Kowalski", "Adeyemi", "Boateng",
           "Tokayev", "Zelensky", "Jinping", "Mohammadi", "Shevchenko", "Abdullayev"]
TRANSLIT = {"Tokayev": "Tokaev", "Zelensky": "Zelenskyy", "Jinping": "Jingping", "Mohammadi": "Muhammadi",
            "Shevchenko": "Shevchenco", "Abdullayev": "Abdulayev", "Carvalho": "Carvalhos", "Müller": "Mueller",
            "Haddad": "Hadad", "Kowalski": "Kovalski"}
ROLES = ["Foreign Minister", "President", "Prime Minister", "Defence Minister"]
OUTLETS = ["Capital Wire", "Evening Ledger", "Coast Herald", "Morning Post Review", "Daily Courier",
           "Global Desk", "Northern Times", "Harbour Gazette", "Plains Observer", "River City News"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
NUMBERS = {2: "two", 3: "three", 4: "four"}
START = dt.date(2001, 1, 1)
TERM = 1461  # days an office holder stays
SEPARATE = 14  # days between two interactions of the same two people drawn independently
TOPICS = ["trade", "energy cooperation", "regional security", "investment", "agriculture", "climate policy",
          "education exchanges", "tourism", "health cooperation", "infrastructure"]


def plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.replace("ı", "i")) if not unicodedata.combining(c))


class Person:
    def __init__(self, country: tuple, role: str, term: int, seed: int):
        self.country, self.role = country, role
        rng = random.Random(zlib.crc32(f"{seed}/{country[0]}/{role}/{term}".encode()))
        self.given, self.surname = rng.choice(GIVEN), rng.choice(SURNAME)
        self.middle = rng.choice(MIDDLE) if rng.random() < 0.15 else None

    @property
    def name(self) -> str:
        return " ".join(w for w in (self.given, self.middle, self.surname) if w)

    def spelled(self, rng: random.Random, wrong_given: bool = False) -> str:
        """The name as one outlet writes it."""
        given = rng.choice([g for g in GIVEN if g != self.given]) if wrong_given else self.given
        surname = self.surname
        style = rng.random()
        if style < 0.15 and surname in TRANSLIT:
            surname = TRANSLIT[surname]
        middle = self.middle if self.middle and rng.random() < 0.5 else None
        words = [given, middle, surname] if rng.random() > 0.12 else [surname, given]  # surname first
        name = " ".join(w for w in words if w)
        return plain(name) if rng.random() < 0.35 else name


def first_mention(rng: random.Random, p: Person, name: str, after_ok: bool = True) -> str:
    """The person with a title, before the name or after it."""
    c = p.country
    forms = [f"{c[2]} {p.role} {name}", f"{c[1]}'s {p.role} {name}", f"{p.role} {name} of {c[1]}"]
    if after_ok:
        forms.append(f"{name}, {c[1]}'s {p.role.lower()},")
    return rng.choice(forms)


def _d(day: dt.date) -> str:
    return f"{MONTHS[day.month - 1]} {day.day}"


def date_phrase(day: dt.date, published: dt.date, style: str) -> str | None:
    """How a report places DAY, published on PUBLISHED; None when it does not."""
    if style == "full":
        return rng_free_full(day)
    if style == "weekday":
        return "on " + WEEKDAYS[day.weekday()]
    if style == "yesterday":
        return "yesterday"
    if style == "ahead":
        return f"on {_d(day)}" if (day - published).days > 6 else f"on {WEEKDAYS[day.weekday()]}, {_d(day)}"
    return None


def rng_free_full(day: dt.date) -> str:
    return f"on {WEEKDAYS[day.weekday()]}, {_d(day)}" if day.day % 2 else f"on {_d(day)}"


def pick_date(rng: random.Random, when: dt.date, may_announce: bool) -> tuple[str, dt.date]:
    """A date style and the publication day it goes with."""
    styles = ["full", "full", "weekday", "yesterday", "none", "none"] + (["ahead"] if may_announce else [])
    style = rng.choice(styles)
    if style == "weekday":
        return style, when + dt.timedelta(days=rng.randint(1, 5))
    if style == "yesterday":
        return style, when + dt.timedelta(days=1)
    if style == "none":
        return style, when + dt.timedelta(days=rng.randint(0, 3))
    if style == "ahead":
        return style, when - dt.timedelta(days=rng.randint(2, 9))
    return style, when + dt.timedelta(days=rng.choice([0, 0, 1, 1, 2]))


def topic_sentence(rng: random.Random) -> str:
    t1, t2 = rng.sample(TOPICS, 2)
    return rng.choice([f"The two sides discussed {t1} and {t2}.", f"Talks focused on {t1}, officials said.",
                       f"They agreed to deepen cooperation on {t1} and {t2}.",
                       f"Both sides described the exchange as constructive."])


def participant(p: Person, name: str | None) -> dict:
    return {"name": name, "country": p.country[0], "role": p.role}


def remote_report(rng, x: Person, y: Person, style: str, when: dt.date, published: dt.date,
                  video: bool) -> tuple[str, dict]:
    """A phone call (or, in this report, a video call) between X and Y."""
    if rng.random() < 0.5:
        x, y = y, x
    nx, ny = x.spelled(rng, rng.random() < 0.05), y.spelled(rng, rng.random() < 0.05)
    phrase = date_phrase(when, published, style)
    at = f" {phrase}" if phrase else ""
    planned = style == "ahead"
    X, Y = first_mention(rng, x, nx), first_mention(rng, y, ny)
    if planned:
        verb = "will hold a video conference with" if video else rng.choice(["will hold a phone call with",
                                                                              "is due to speak by phone with"])
        text = f"{X} {verb} {Y}{at}."
    elif video:
        text = rng.choice([f"{X} held a virtual meeting with {Y}{at}.",
                           f"{X} held a video conference with {Y}{at}."])
    else:
        x_short = nx.split()[-1] if nx.split()[-1] != x.given else nx.split()[0]
        templates = [
            f"{X} held a telephone conversation with {Y}{at}.",
            f"{X} talked by phone with {Y}{at}.",
            f"{X} spoke by phone with {Y}{at}.",
            f"{x.country[2]} {x.role} {nx}'s phone call with {Y}{at} focused on {rng.choice(TOPICS)}.",
        ]
        if x.role == y.role:  # a counterpart holds the same office
            templates.append(f"{X} held a telephone conversation{at} with his {y.country[2]} counterpart. "
                             f"{y.country[2]} {y.role} {ny} thanked {x_short} for the call.")
        text = rng.choice(templates)
    kind = "VideoConference" if video else "PhoneCall"
    event = {"type": kind, "status": "planned" if planned else "occurred",
             "date": when.isoformat() if phrase else None, "end_date": None, "place": None, "place_country": None,
             "participants": [participant(x, nx), participant(y, ny)], "topics": []}
    return text + " " + topic_sentence(rng), event


def meeting_report(rng, host: Person, guest: Person, style: str, when: dt.date, published: dt.date
                   ) -> tuple[str, dict]:
    """A meeting in HOST's capital."""
    nh, ng = host.spelled(rng, rng.random() < 0.05), guest.spelled(rng, rng.random() < 0.05)
    phrase = date_phrase(when, published, style)
    at = f" {phrase}" if phrase else ""
    city = host.country[3]
    H, G = first_mention(rng, host, nh), first_mention(rng, guest, ng)
    if style == "ahead":
        text = rng.choice([f"{H} will meet {G} in {city}{at}.", f"{G} is due to hold talks with {H} in {city}{at}."])
    else:
        text = rng.choice([
            f"{H} met {G} in {city}{at}.",
            f"{H} received {G} in {city}{at}.",
            f"{G} held talks with {H} in {city}{at}.",
            f"{H} and {G} met in {city}{at}.",
        ])
    event = {"type": "Meeting", "status": "planned" if style == "ahead" else "occurred",
             "date": when.isoformat() if phrase else None, "end_date": None, "place": city,
             "place_country": host.country[0], "participants": [participant(host, nh), participant(guest, ng)],
             "topics": []}
    return text + " " + topic_sentence(rng), event


def visit_report(rng, visitor: Person, host: Person, first: dt.date, days: int, style: str,
                 published: dt.date, talks: dt.date | None) -> tuple[str, list[dict]]:
    """A visit of DAYS days to HOST's country from FIRST; with TALKS, the meeting held on that day."""
    nv = visitor.spelled(rng, rng.random() < 0.05)
    V = first_mention(rng, visitor, nv, after_ok=False)
    last = first + dt.timedelta(days=days - 1)
    hc = host.country
    kind = rng.choice(["state visit", "official visit", "visit"])
    gold_kind = {"state visit": "StateVisit", "official visit": "OfficialVisit", "visit": "Visit"}[kind]
    n = NUMBERS[days]
    end = None
    if style == "ahead":
        text = rng.choice([f"{V} will pay a {kind} to {hc[1]} from {_d(first)} to {_d(last)}.",
                           f"{V} is due to arrive in {hc[3]} on {_d(first)} for a {n}-day {kind} to {hc[1]}."])
        end, date = last, first
    elif style == "none":
        text = (f"{V} is on a {n}-day {kind} to {hc[1]}." if published <= last and rng.random() < 0.5 else
                f"{V} paid a {n}-day {kind} to {hc[1]}.")
        date = None
    else:
        phrase = date_phrase(first, published, style) or f"on {_d(first)}"
        text = rng.choice([f"{V} arrived in {hc[3]} {phrase} for a {n}-day {kind} to {hc[1]}.",
                           f"{V} began a {n}-day {kind} to {hc[1]} {phrase}.",
                           f"{V} paid a {kind} to {hc[1]} from {_d(first)} to {_d(last)}."])
        date, end = first, last
    events = [{"type": gold_kind, "status": "planned" if style == "ahead" else "occurred",
               "date": date.isoformat() if date else None, "end_date": end.isoformat() if end and date else None,
               "place": None, "place_country": hc[0],
               "participants": [participant(visitor, nv), participant(host, None)], "topics": []}]
    if talks is not None and style != "ahead":
        nh = host.spelled(rng)
        short = nv.split()[-1] if nv.split()[-1] != visitor.given else nv.split()[0]
        when = f"on {_d(talks)}" if date is not None else "during the visit"
        future = talks > published
        text += f" {short} {'will hold' if future else 'held'} talks with {hc[2]} {host.role} {nh} {when}."
        events[0]["participants"][1]["name"] = nh
        events.append({"type": "Meeting", "status": "planned" if future else "occurred",
                       "date": talks.isoformat() if date else None,
                       "end_date": None, "place": None, "place_country": None,
                       "participants": [participant(visitor, nv), participant(host, nh)], "topics": []})
    return text + " " + topic_sentence(rng), events


class Corpus:
    def __init__(self, seed: int, count: int):
        self.seed, self.count = seed, count
        self.span = max(400, int(count / 6.7))
        self.people: dict = {}

    def person(self, country: tuple, role: str, day: dt.date) -> Person:
        key = (country[0], role, (day - START).days // TERM)
        if key not in self.people:
            self.people[key] = Person(country, role, key[2], self.seed)
        return self.people[key]


def interactions(seed: int, count: int):
    """The articles, in order: (id, meta, text, gold) for `count` articles."""
    rng = random.Random(seed)
    corpus = Corpus(seed, count)
    made = 0
    cluster = 0

    def key():
        nonlocal cluster
        cluster += 1
        return f"c{seed}-{cluster}"

    taken: dict[tuple, list[dt.date]] = {}  # (countries, role) -> the days of its interactions
    while made < count:
        a_c, b_c = rng.sample(COUNTRIES, 2)
        day = START + dt.timedelta(days=rng.randrange(corpus.span))
        kind = rng.choice(["Remote", "Remote", "Meeting", "Meeting", "Visit"])
        role = rng.choice(["Foreign Minister", "Foreign Minister", "President", "Prime Minister"])
        if any(abs((day - other).days) <= SEPARATE for other in taken.get(_pair(a_c, b_c, role, role), ())):
            continue  # the same two meet again by chance only as the hard negatives below say
        a, b = corpus.person(a_c, role, day), corpus.person(b_c, role, day)
        # (kind, x, y, day, key); a visit is (Visit, visitor, host, first day, key, days, key of its talks)
        occasions = [(kind, a, b, day)]
        r = rng.random()
        if r < 0.15 and kind != "Visit":  # the same two again days later (a visit: years later)
            occasions.append((kind, a, b, day + dt.timedelta(days=rng.randint(3, 12))))
        elif r < 0.25:  # ... or a year or more later
            occasions.append((kind, a, b, day + dt.timedelta(days=rng.randint(365, 3 * 365))))
        r = rng.random()
        if r < 0.12:    # the same person the same day with another country's counterpart
            other = rng.choice([c for c in COUNTRIES if c not in (a_c, b_c)])
            occasions.append((kind if kind != "Visit" else "Remote", a, corpus.person(other, role, day), day))
        elif r < 0.2:   # ... or with another minister of the same country
            occasions.append(("Remote", a, corpus.person(b_c, "Defence Minister", day), day))
        for kind, x, y, when in occasions:
            taken.setdefault(_pair(x.country, y.country, x.role, y.role), []).append(when)
            for article_id, meta, text, gold in tell(rng, kind, x, y, when, key, made):
                if made >= count:
                    return
                yield article_id, meta, text, gold
                made += 1


def _pair(a: tuple, b: tuple, role_a: str, role_b: str) -> tuple:
    return tuple(sorted(((a[0], role_a), (b[0], role_b))))


def tell(rng: random.Random, kind: str, x: Person, y: Person, when: dt.date, key, made: int):
    """The reports of one interaction (a visit: and of the talks held during it)."""
    reports = rng.randint(2, 5) if rng.random() < 0.85 else 1
    outlets = rng.sample(OUTLETS, reports)
    out = []
    if kind == "Remote":
        k = key()
        video = rng.random() < 0.25  # one report calls the call a virtual meeting
        for n, outlet in enumerate(outlets):
            style, published = pick_date(rng, when, may_announce=n > 0 and rng.random() < 0.3)
            text, event = remote_report(rng, x, y, style, when, published, video and n == 1)
            out.append((outlet, published, [(event, k)], text))
    elif kind == "Meeting":
        k = key()
        for n, outlet in enumerate(outlets):
            style, published = pick_date(rng, when, may_announce=n > 0 and rng.random() < 0.3)
            text, event = meeting_report(rng, x, y, style, when, published)
            out.append((outlet, published, [(event, k)], text))
    else:
        days = rng.randint(2, 4)
        talks = when + dt.timedelta(days=rng.randint(0, days - 1))
        kv, kt = key(), key()
        for n, outlet in enumerate(outlets):
            if n > 0 and rng.random() < 0.3:  # a report of the talks alone
                style, published = pick_date(rng, talks, may_announce=False)
                text, event = meeting_report(rng, y, x, style, talks, published)
                events = [(event, kt)]
                if rng.random() < 0.5:  # and the visit it was held during, undated
                    short = event["participants"][1]["name"].split()[-1]
                    text += f" {short} is on a {NUMBERS[days]}-day visit to {y.country[1]}."
                    events.append(({"type": "Visit", "status": "occurred", "date": None, "end_date": None,
                                    "place": None, "place_country": y.country[0],
                                    "participants": [participant(x, event["participants"][1]["name"]),
                                                     participant(y, event["participants"][0]["name"])],
                                    "topics": []}, kv))
                out.append((outlet, published, events, text))
                continue
            style, published = pick_date(rng, when, may_announce=n > 0 and rng.random() < 0.3)
            if style == "yesterday" or style == "weekday":
                style = "full"
            text, events = visit_report(rng, x, y, when, days, style, published,
                                        talks if rng.random() < 0.6 else None)
            out.append((outlet, published, list(zip(events, [kv, kt])), text))
    for n, (outlet, published, events, text) in enumerate(out):
        article_id = f"rep-{made + n:07d}"
        countries = sorted({x.country[1], y.country[1]})
        title = rng.choice([f"{countries[0]} and {countries[1]} in focus", f"Diplomacy: {countries[0]}, {countries[1]}",
                            f"{outlet} briefing"])
        text = text.replace(",.", ".").replace(" a official", " an official")
        meta = {"id": article_id, "published": published.isoformat(), "publisher": outlet, "title": title}
        gold = {"id": article_id, "published": published.isoformat(), "kind": "report",
                "events": [{**e, "cluster": k} for e, k in events]}
        yield article_id, meta, f"{title}\n\n{text}\n", gold
