#!/usr/bin/env python3
"""Write intergovernmental bodies into the real-news gold as ../shared/eval/SCHEMA.md has them.

SCHEMA.md: "participants: persons; a country/organisation with name null where no person is
named" and "an event is an interaction between parties of different countries or organisations":
a body taking part is `{name: null, country: <its code>}`, and its officer (the EU's envoy, NATO's
Secretary General) stands for it as a minister stands for a country. The first real-news
annotators wrote bodies as names with no country and their officers with none, so the scorer
could never match an event they took part in. This rewrites, in every gold file of both splits
alike, each participant or person with a name and no country whose name (a body) or role (an
officer) names an intergovernmental body of the reference data (ontology/reference/
organisations.ttl): the code is the body's acronym, or for an organ (the European Council, the AU
Commission) the acronym of the body it belongs to, as `kg query interactions` reports it. Lines are
rewritten in place; nothing else in a file changes. Prints how many it rewrote, per split.

    python scripts/gold_igo_codes.py [--check]
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from rdflib import Graph, Namespace
from rdflib.namespace import ORG, RDF, SKOS

ROOT = Path(__file__).resolve().parent.parent
DIP = Namespace("https://w3id.org/dipkg/ontology#")
LINE_RE = re.compile(r"^(?P<lead>\s*- \{name: )(?P<name>[^,{}]+), country: null(?P<rest>(?:, role: (?P<role>.*))?\})\s*$")


def igo_codes() -> dict[str, str]:
    """Every label, alternative label and acronym of an intergovernmental body -> the code reported."""
    g = Graph().parse(ROOT / "ontology" / "reference" / "organisations.ttl")
    codes = {}
    for body in g.subjects(RDF.type, DIP.IntergovernmentalOrganisation):
        parent = g.value(body, ORG.subOrganizationOf)
        code = (g.value(parent, DIP.acronym) if parent is not None else None) or g.value(body, DIP.acronym)
        if code is None:
            continue
        for label in [*g.objects(body, SKOS.prefLabel), *g.objects(body, SKOS.altLabel), *g.objects(body, DIP.acronym)]:
            codes[str(label)] = str(code)
    return codes


def body_in(text: str, codes: dict[str, str]) -> str | None:
    for label in sorted(codes, key=len, reverse=True):
        if re.search(r"(?<![\w-])" + re.escape(label) + r"(?![\w])", text):
            return codes[label]
    return None


def rewrite(text: str, codes: dict[str, str]) -> tuple[str, int]:
    out, changed = [], 0
    for line in text.splitlines(keepends=True):
        m = LINE_RE.match(line)
        if m:
            name, role = m.group("name").strip(), (m.group("role") or "").strip()
            if role.startswith("organisation") or body_in(name, codes) and name in codes:
                code = codes.get(name) or body_in(name, codes)
                if code:  # the body itself: named by its code, as SCHEMA.md has it
                    line = f"{m.group('lead')}null, country: {code}{m.group('rest')}\n"
                    changed += 1
            else:
                code = body_in(role, codes)
                if code:
                    line = f"{m.group('lead')}{name}, country: {code}{m.group('rest')}\n"
                    changed += 1
        out.append(line)
    return "".join(out), changed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="change nothing; fail if a file would change")
    args = ap.parse_args()
    codes = igo_codes()
    pending = 0
    for split in ("dev", "validation"):
        total = 0
        for path in sorted((ROOT / "realnews" / "gold" / split).glob("*.yaml")):
            text = path.read_text(encoding="utf-8")
            new, changed = rewrite(text, codes)
            total += changed
            if changed and not args.check:
                path.write_text(new, encoding="utf-8")
        pending += total
        print(f"{split}: {total} participant or person lines {'to rewrite' if args.check else 'rewritten'}")
    return 1 if args.check and pending else 0


if __name__ == "__main__":
    sys.exit(main())
