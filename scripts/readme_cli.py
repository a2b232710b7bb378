"""Regenerate the README's CLI reference from `kg --help` (run after changing a command).

    python scripts/readme_cli.py          # rewrite README.md in place
    python scripts/readme_cli.py --check  # exit 1 when README.md is out of date
"""
from __future__ import annotations

import sys
from pathlib import Path

from click.testing import CliRunner

from kg.cli import cli

README = Path(__file__).resolve().parent.parent / "README.md"
BEGIN, END = "<!-- cli-reference:begin -->", "<!-- cli-reference:end -->"


def reference() -> str:
    runner = CliRunner()
    parts = []
    for args in [[]] + [[name] for name in sorted(cli.commands)]:
        result = runner.invoke(cli, args + ["--help"], prog_name="kg", terminal_width=100)
        title = "kg " + " ".join(args) if args else "kg"
        parts.append(f"### `{title.strip()}`\n\n```\n{result.output.rstrip()}\n```\n")
    return "\n".join(parts)


def render(text: str) -> str:
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{BEGIN}\n{reference()}{END}{tail}"


def main() -> int:
    text = README.read_text(encoding="utf-8")
    new = render(text)
    if "--check" in sys.argv:
        if new != text:
            print("README.md's CLI reference is out of date: run python scripts/readme_cli.py")
            return 1
        return 0
    README.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
