"""Clusters of reports: one interaction written by 2-5 "outlets", with known truth (generate.py --clusters).

Each interaction (a phone call or a meeting of two ministers) is told by several articles
that paraphrase it, spell the names differently (accents dropped, surname only, possessive,
surname first) and give its date differently (a full date, a weekday, or none: the
publication day then places it). Hard negatives come with them: the same two ministers on
another occasion weeks or months later, and the same minister on the same day with another
country's minister. Each article gets a gold YAML file (../shared/eval/SCHEMA.md) whose events
carry a `cluster:` key shared by the reports of one interaction, so that
../shared/eval/clusters.py scores the resolution. Article i depends only on (seed, i).
"""
from __future__ import annotations

import datetime as dt
import random
import unicodedata

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
]
GIVEN = ["Mehmet", "Joao", "Hiroshi", "Samuel", "Claire", "Priya", "Klaus", "Carla", "Dewi", "Luc", "Anne", "Tomas",
         "Elena", "Ibrahim", "Amara", "Kofi", "Marta", "Jorge", "Sofia", "Andres", "Nadia", "Pavel", "Lucia", "Omar"]
SURNAME = ["Yılmaz", "Carvalho", "Tanaka", "Otieno", "Morel", "Raman", "Becker", "Rojas", "Santoso", "Bernard",
           "Lefèvre", "Nowak", "Okafor", "Mensah", "Herrera", "Suárez", "Castillo", "Haddad", "Wójcik", "Dubois",
           "Moreau", "Jiménez", "Nakamura", "Sato", "Müller", "Ferreira", "Ortega", "Kowalski", "Adeyemi", "Boateng"]
OUTLETS = ["Capital Wire", "Evening Ledger", "Coast Herald", "Morning Post Review", "Daily Courier",
           "Global Desk", "Northern Times", "Harbour Gazette"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
START = dt.date(2021, 1, 4)


def plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.replace("ı", "i")) if not unicodedata.combining(c))


class Minister:
    def __init__(self, rng: random.Random, country: tuple):
        self.country = country
        self.given, self.surname = rng.choice(GIVEN), rng.choice(SURNAME)

    @property
    def name(self) -> str:
        return f"{self.given} {self.surname}"

    def spelled(self, rng: random.Random) -> str:
        """The name as one outlet writes it."""
        return rng.choice([self.name, plain(self.name), self.name, f"{self.surname} {self.given}", plain(self.name)])


def date_phrase(day: dt.date, published: dt.date, style: str) -> str | None:
    if style == "full":
        return f"on {WEEKDAYS[day.weekday()]}, {MONTHS[day.month - 1]} {day.day}"
    if style == "weekday" and 0 < (published - day).days < 6:
        return f"on {WEEKDAYS[day.weekday()]}"
    if style == "weekday" and published == day:
        return "on " + WEEKDAYS[day.weekday()]
    return None


def report(rng: random.Random, kind: str, a: Minister, b: Minister, day: dt.date, published: dt.date,
           style: str) -> tuple[str, bool]:
    """One outlet's text of the interaction; and whether it gives the date."""
    when = date_phrase(day, published, style)
    at = f" {when}" if when else ""
    ca, cb = a.country, b.country
    host = a.country  # the first minister's country hosts a meeting, whoever an outlet names first
    na, nb = a.spelled(rng), b.spelled(rng)
    if rng.random() < 0.5:
        (ca, na), (cb, nb) = (cb, nb), (ca, na)
    if kind == "PhoneCall":
        templates = [
            f"{ca[2]} Foreign Minister {na} held a telephone conversation with {cb[2]} Foreign Minister {nb}{at}. "
            f"The two ministers discussed trade and energy cooperation, the ministry said.",
            f"{ca[2]} Foreign Minister {na} spoke by phone with {cb[2]} Foreign Minister {nb}{at} about regional security.",
            f"{ca[2]} Foreign Minister {na} held a phone call with his {cb[2]} counterpart, Foreign Minister {nb}{at}, "
            f"to discuss investment.",
        ]
    else:
        templates = [
            f"{ca[2]} Foreign Minister {na} met {cb[2]} Foreign Minister {nb} in {host[3]}{at} to discuss trade.",
            f"{cb[2]} Foreign Minister {nb} held talks with {ca[2]} Foreign Minister {na} in {host[3]}{at}. "
            f"They discussed agriculture and investment.",
            f"{ca[2]} Foreign Minister {na} and {cb[2]} Foreign Minister {nb} met in {host[3]}{at}, the ministry said.",
        ]
    return rng.choice(templates), when is not None


def interactions(seed: int, count: int):
    """The articles, in order: (id, meta, text, gold) for `count` articles."""
    rng = random.Random(seed)
    made = 0
    cluster = 0
    while made < count:
        a_country, b_country = rng.sample(COUNTRIES, 2)
        a, b = Minister(rng, a_country), Minister(rng, b_country)
        kind = rng.choice(["PhoneCall", "Meeting"])
        day = START + dt.timedelta(days=rng.randrange(1500))
        occasions = [(a, b, day)]
        if rng.random() < 0.3:  # the same two on another occasion, 3 weeks to a year later
            occasions.append((a, b, day + dt.timedelta(days=rng.randrange(21, 365))))
        if rng.random() < 0.3:  # the same minister the same day with another country's minister
            other = rng.choice([c for c in COUNTRIES if c not in (a_country, b_country)])
            occasions.append((a, Minister(rng, other), day))
        for x, y, when in occasions:
            cluster += 1
            key = f"c{seed}-{cluster}"
            for n in range(rng.randint(2, 5) if rng.random() < 0.8 else 1):
                if made >= count:
                    return
                published = when + dt.timedelta(days=rng.choice([0, 0, 1, 1, 2]))
                style = rng.choice(["full", "full", "weekday", "none"])
                text, dated = report(rng, kind, x, y, when, published, style)
                outlet = OUTLETS[(cluster + n) % len(OUTLETS)]
                article_id = f"rep-{made:07d}"
                title = f"{x.country[1]} and {y.country[1]} foreign ministers"
                meta = {"id": article_id, "published": published.isoformat(), "publisher": outlet, "title": title}
                gold = {"id": article_id, "published": published.isoformat(), "kind": "report", "events": [{
                    "type": kind, "status": "occurred", "date": when.isoformat() if dated else None,
                    "end_date": None, "place": None if kind == "PhoneCall" else x.country[3],
                    "place_country": None if kind == "PhoneCall" else x.country[0],
                    "participants": [{"name": x.name, "country": x.country[0], "role": "Foreign Minister"},
                                     {"name": y.name, "country": y.country[0], "role": "Foreign Minister"}],
                    "topics": [], "cluster": key}]}
                yield article_id, meta, f"{title}\n\n{text}\n", gold
                made += 1
