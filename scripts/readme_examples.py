"""Regenerate the README's example questions with their real output on the seeds.

    python scripts/readme_examples.py
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from kg.build import build
from kg.queries import format_result, get_query, run_local
from kg.store import KGStore

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
BEGIN, END = "<!-- examples:begin -->", "<!-- examples:end -->"
EXAMPLES = [
    ("What happened between Cambodia and the United States, in date order, and who says so?",
     "bilateral-timeline", {"a": "KHM", "b": "USA"}),
    ("Who met whom, how often, and when first and last?", "who-met-whom", {}),
    ("Which offices did Hun Sen hold, when, and according to which source?", "roles", {"person": "Hun Sen"}),
]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = KGStore(Path(tmp) / "store")
        build([ROOT / "seeds"], store, validate=False)
        parts = []
        for question, name, params in EXAMPLES:
            args = " ".join(f"-p {k}={v!r}" if " " in v else f"-p {k}={v}" for k, v in params.items())
            table = format_result(run_local(store, get_query(name), params), "table")
            parts.append(f"**{question}**\n\n`kg query {name}{' ' + args if args else ''}`\n\n```\n{table}```\n")
    text = README.read_text(encoding="utf-8")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    README.write_text(f"{head}{BEGIN}\n" + "\n".join(parts) + f"{END}{tail}", encoding="utf-8")


if __name__ == "__main__":
    main()
