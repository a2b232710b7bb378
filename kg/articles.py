"""Stage 1: read articles from .txt files (with optional .meta.json sidecars) and .jsonl files.

Every problem with one input becomes an `InputError` naming the file (and line) and the
problem; readers yield it in place of the article so the other articles still go through.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

MAX_ARTICLE_CHARS = 1_000_000
MAX_FILE_BYTES = 4 * MAX_ARTICLE_CHARS
PUBLISHED_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ARTICLE_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._~-]{0,199}$")
META_KEYS = {"id", "url", "title", "published", "publisher", "author", "language", "text"}


class InputError(Exception):
    """One input (a file or a line of a file) that cannot be read as an article."""

    def __init__(self, source: str, problem: str):
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    source: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    author: str | None = None
    language: str | None = None
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def content_hash(self) -> str:
        """Changes when the text or any metadata changes: the key of incremental builds."""
        meta = json.dumps([self.id, self.url, self.title, self.published, self.publisher,
                           self.author, self.language], ensure_ascii=False)
        return hashlib.sha256((meta + "\x00" + self.text).encode("utf-8")).hexdigest()


def read_paths(paths: Iterable[str | Path]) -> Iterator[Article | InputError]:
    """Yield an Article or an InputError for every article found under the given paths."""
    for item in input_files(paths):
        if isinstance(item, InputError):
            yield item
        else:
            yield from read_file(item)


def input_files(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """The article files under the given paths (folders are searched), in a stable order.

    A folder that cannot be listed is an InputError (Path.rglob skips it in silence): the
    articles in it were not seen because they could not be read, not because they are gone.
    """
    for path in map(Path, paths):
        if path.is_dir():
            unreadable: list[InputError] = []

            def unreadable_folder(exc: OSError) -> None:
                unreadable.append(InputError(str(exc.filename or path), f"cannot read folder ({exc.strerror or exc})"))

            files = sorted(Path(folder, name) for folder, _, names in os.walk(path, onerror=unreadable_folder)
                           for name in names if Path(name).suffix in (".txt", ".jsonl"))
            yield from unreadable
            if not files and not unreadable:
                yield InputError(str(path), "folder holds no .txt or .jsonl article")
            yield from files
        elif path.exists():
            yield path
        else:
            yield InputError(str(path), "no such file or folder")


def sidecar_of(path: Path) -> Path:
    return path.with_name(path.stem + ".meta.json")


def read_file(path: Path) -> Iterator[Article | InputError]:
    if path.suffix == ".jsonl":
        yield from read_jsonl(path)
    elif path.suffix == ".txt":
        yield read_text_article(path)
    else:
        yield InputError(str(path), f"unsupported file type {path.suffix or '(none)'}: use .txt or .jsonl")


def read_text_article(path: Path) -> Article | InputError:
    try:
        text = _decode(path)
        meta = _read_sidecar(path)
        return _make_article(meta, text, source=str(path), default_id=path.stem)
    except InputError as err:
        return err


def read_jsonl(path: Path) -> Iterator[Article | InputError]:
    """One article per line, read line by line: memory stays flat however big the file."""
    for number, raw in jsonl_lines(path):
        if isinstance(raw, InputError):
            yield raw
            continue
        found = parse_jsonl_line(path, number, raw)
        if found is not None:
            yield found


def jsonl_lines(path: Path) -> Iterator[tuple[int, bytes | InputError]]:
    """The raw lines of a .jsonl file with their numbers; an InputError when it cannot be read or is empty."""
    seen_any = False
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield 0, InputError(str(path), f"cannot read file ({exc.strerror or exc})")
        return
    with handle:
        for number, raw in enumerate(handle, start=1):
            if raw.removeprefix(b"\xef\xbb\xbf" if number == 1 else b"").strip():
                seen_any = True
                yield number, raw
    if not seen_any:
        yield 0, InputError(str(path), "file is empty")


def parse_jsonl_line(path: Path, number: int, raw: bytes) -> Article | InputError | None:
    """The article on one line of a .jsonl file (None for a blank line)."""
    source = f"{path}:{number}"
    try:
        line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        return InputError(source, f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at column {exc.start + 1})")
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputError(source, f"not valid JSON ({exc.msg} at column {exc.colno})")
    if not isinstance(record, dict):
        return InputError(source, "a line must hold one JSON object")
    text = record.get("text")
    if not isinstance(text, str):
        return InputError(source, "missing 'text' (a string)")
    try:
        return _make_article(record, text, source=source, default_id=None)
    except InputError as err:
        return err


def _decode(path: Path, limit: int = MAX_FILE_BYTES) -> str:
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError(str(path), f"file is too large ({size:,} bytes; the limit is {limit:,})")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read file ({exc.strerror or exc})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                                    "convert the file to UTF-8") from None


def _read_sidecar(path: Path) -> dict:
    sidecar = sidecar_of(path)
    if not sidecar.exists():
        return {}
    try:
        meta = json.loads(_decode(sidecar))
    except json.JSONDecodeError as exc:
        raise InputError(str(sidecar), f"broken sidecar: not valid JSON ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(meta, dict):
        raise InputError(str(sidecar), "broken sidecar: expected a JSON object")
    return meta


def _make_article(meta: dict, text: str, source: str, default_id: str | None) -> Article:
    if not text.strip():
        raise InputError(source, "article is empty")
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(source, f"article is too long ({len(text):,} characters; the limit is {MAX_ARTICLE_CHARS:,})")
    for key in ("id", "url", "title", "published", "publisher", "author", "language"):
        value = meta.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(source, f"metadata '{key}' must be a string, not {type(value).__name__}")
    article_id = meta.get("id") or default_id
    if not article_id:
        raise InputError(source, "missing 'id'")
    if not ARTICLE_ID_RE.match(article_id):
        raise InputError(source, f"id {article_id!r} is not usable: use letters, digits, '.', '_', '~' or '-' (at most 200)")
    published = meta.get("published") or None
    if published is not None and not PUBLISHED_RE.match(published):
        raise InputError(source, f"'published' is {published!r}: use YYYY, YYYY-MM or YYYY-MM-DD")
    if published and not _valid_partial_date(published):
        raise InputError(source, f"'published' is {published!r}: not a calendar date")
    return Article(
        id=article_id, text=text, source=source,
        url=meta.get("url") or None, title=meta.get("title") or None, published=published,
        publisher=meta.get("publisher") or None, author=meta.get("author") or None,
        language=meta.get("language") or None,
        extra={k: v for k, v in meta.items() if k not in META_KEYS},
    )


def _valid_partial_date(value: str) -> bool:
    import datetime as dt
    parts = [int(p) for p in value.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True
