"""Stage 1: read articles from .txt files (with optional .meta.json sidecars) and .jsonl files,
and what crawlers produce: .html pages, WARC files and news-please JSON (kg/crawled.py).

Every problem with one input becomes an `InputError` naming the file (and line) and the
problem; readers yield it in place of the article so the other articles still go through.
"""
from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

MAX_ARTICLE_CHARS = 1_000_000
MAX_FILE_BYTES = 4 * MAX_ARTICLE_CHARS
# A line of JSON Lines holds an article's text escaped: up to 12 bytes a character (an astral
# character written as two \uXXXX escapes), and its metadata. A longer line is not read whole.
MAX_LINE_BYTES = 12 * MAX_ARTICLE_CHARS + 1_000_000
ARTICLE_SUFFIXES = (".txt", ".jsonl", ".html", ".htm", ".json", ".warc", ".warc.gz")
# the files a .meta.json sidecar may stand beside
SIDECAR_OWNERS = (".txt", ".html", ".htm")
SIDECAR_SUFFIX = ".meta.json"
PUBLISHED_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ARTICLE_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._~-]{0,199}$")
META_KEYS = {"id", "url", "title", "published", "publisher", "author", "language", "text"}
# news-please's keys for what kg calls text and published (on .json files and .jsonl lines)
NEWS_PLEASE_ALIASES = {"maintext": "text", "date_publish": "published"}


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
    # the text was extracted (from a page, a WARC record or a crawler's JSON), not a file the user
    # has: the graph keeps it (schema:text) so that evidence offsets can be checked against it
    keep_text: bool = False

    @property
    def content_hash(self) -> str:
        """Changes when the text or any metadata changes: the key of incremental builds."""
        meta = json.dumps([self.id, self.url, self.title, self.published, self.publisher,
                           self.author, self.language] + ([True] if self.keep_text else []), ensure_ascii=False)
        return hashlib.sha256((meta + "\x00" + self.text).encode("utf-8")).hexdigest()


# Told what a folder held that is not read, and why: (path, reason).
OnSkip = Callable[[str, str], None]


def read_paths(paths: Iterable[str | Path], on_skip: OnSkip | None = None) -> Iterator[Article | InputError]:
    """Yield an Article or an InputError for every article found under the given paths."""
    for item in input_files(paths, on_skip):
        if isinstance(item, InputError):
            yield item
        else:
            yield from read_file(item)


def article_suffix(path: Path) -> str | None:
    """".txt", ".jsonl", ".html", ".htm", ".json", ".warc" or ".warc.gz" when the file's name says it
    holds articles, in any case ("NOTES.TXT"); a .meta.json sidecar is none."""
    name = path.name.lower()
    if name.endswith(".warc.gz"):
        return ".warc.gz"
    if name.endswith(SIDECAR_SUFFIX):
        return None
    suffix = path.suffix.lower()
    return suffix if suffix in ARTICLE_SUFFIXES else None


def input_files(paths: Iterable[str | Path], on_skip: OnSkip | None = None) -> Iterator[Path | InputError]:
    """The article files under the given paths (folders are searched), in a stable order.

    Only regular files are read: a named pipe would make the reader wait forever, a device
    such as /dev/zero read without end. Each one named like an article, a link that leads
    nowhere and a folder that cannot be listed become an InputError; files of other types in a
    folder are passed to on_skip with the reason (a sidecar is read with its article). Links to
    folders are not followed (a link back up would never end).
    """
    for path in map(Path, paths):
        try:
            info = path.stat()
        except OSError as exc:
            yield InputError(str(path), "no such file or folder" if _missing(path, exc) else _unreadable(path, exc))
            continue
        if stat.S_ISDIR(info.st_mode):
            found = sorted(_folder_entries(path), key=lambda entry: entry[0])
            # (a folder that could not be listed is its own error, not an empty folder)
            if not any(isinstance(item, (Path, InputError)) for _, item in found):
                yield InputError(str(path), "folder holds no article file (.txt, .jsonl, .html, .json or .warc)")
            for entry, item in found:
                if isinstance(item, str):
                    if on_skip is not None:
                        on_skip(str(entry), item)
                else:
                    yield item
        elif stat.S_ISREG(info.st_mode):
            yield path
        else:
            yield InputError(str(path), _not_regular(info.st_mode))


def _folder_entries(folder: Path) -> Iterator[tuple[Path, Path | InputError | str]]:
    """Everything under FOLDER, each as (path, what to do): the file to read, an InputError, or
    the reason it is skipped."""
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as listing:
                entries = list(listing)
        except OSError as exc:
            yield current, InputError(str(current), f"cannot read folder ({exc.strerror or exc})")
            continue
        sidecars = {sidecar_of(Path(e.name)).name for e in entries if article_suffix(Path(e.name)) in SIDECAR_OWNERS}
        for entry in entries:
            path = Path(entry.path)
            try:
                is_folder = entry.is_dir(follow_symlinks=False)
                is_link = entry.is_symlink()
            except OSError as exc:
                yield path, InputError(str(path), _unreadable(path, exc))
                continue
            if is_folder:
                pending.append(path)
            elif is_link and os.path.isdir(path):
                yield path, "a link to a folder: not followed"
            elif article_suffix(path):
                yield path, _regular_file(path)
            elif entry.name in sidecars:
                pass  # read with its article
            elif entry.name.endswith(SIDECAR_SUFFIX):
                yield path, f"a sidecar without its article ({entry.name[:-len(SIDECAR_SUFFIX)]}.txt or .html)"
            else:
                yield path, f"unsupported file type {path.suffix or '(none)'}: kg reads .txt, .jsonl, .html, .json and .warc"


def _regular_file(path: Path) -> Path | InputError:
    try:
        info = path.stat()
    except OSError as exc:
        return InputError(str(path), _unreadable(path, exc))
    return path if stat.S_ISREG(info.st_mode) else InputError(str(path), _not_regular(info.st_mode))


_FILE_KINDS = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
               (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))


def _not_regular(mode: int) -> str:
    kind = next((name for test, name in _FILE_KINDS if test(mode)), "not a file")
    return f"not a regular file ({kind}): not read"


def _missing(path: Path, exc: OSError) -> bool:
    """No such file, and no link by that name either (a link that leads nowhere is there)."""
    return exc.errno == errno.ENOENT and not os.path.islink(path)


def _unreadable(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "cannot read file (a symbolic link loop)"
    if exc.errno == errno.ENOENT and os.path.islink(path):
        return f"cannot read file (a broken symbolic link to {os.readlink(path)})"
    return f"cannot read file ({exc.strerror or exc})"


def sidecar_of(path: Path) -> Path:
    return path.with_name(path.stem + SIDECAR_SUFFIX)


def read_file(path: Path) -> Iterator[Article | InputError]:
    suffix = article_suffix(path)
    if suffix == ".jsonl":
        yield from read_jsonl(path)
    elif suffix == ".txt":
        yield read_text_article(path)
    elif suffix in (".html", ".htm", ".json", ".warc", ".warc.gz"):
        from kg import crawled  # (trafilatura and warcio are loaded only when a crawled file is read)
        yield from crawled.read_crawled(path, suffix)
    else:
        yield InputError(str(path), f"unsupported file type {path.suffix or '(none)'}: use .txt or .jsonl")


def read_text_article(path: Path) -> Article | InputError:
    try:
        text = _decode(path)
        meta = _read_sidecar(path)
        return _make_article(meta, text, source=str(path), default_id=path.stem)
    except InputError as err:
        return err
    except Exception as exc:  # a bug of this reader on one file must not stop the others
        return InputError(str(path), _unexpected(exc))


def _unexpected(exc: Exception) -> str:
    return f"cannot be read (unexpected {type(exc).__name__}: {exc}; a bug in kg)"


def read_jsonl(path: Path) -> Iterator[Article | InputError]:
    """One article per line, read line by line: memory stays flat however big the file."""
    for number, raw in jsonl_lines(path):
        if isinstance(raw, InputError):
            yield raw
            continue
        found = parse_jsonl_line(path, number, raw)
        if found is not None:
            yield found


def jsonl_lines(path: Path, limit: int = MAX_LINE_BYTES) -> Iterator[tuple[int, bytes | InputError]]:
    """The raw lines of a .jsonl file with their numbers; an InputError when it cannot be read or is
    empty, or for a line longer than LIMIT bytes (never held whole: a line may have no end)."""
    seen_any = False
    try:
        handle = _open_regular(path)
    except InputError as err:
        yield 0, err
        return
    with handle:
        number = 0
        while raw := _read_line(handle, limit + 1, path, number):
            if isinstance(raw, InputError):
                yield number + 1, raw
                return
            number += 1
            if len(raw) > limit and not raw.endswith(b"\n"):
                seen_any = True
                yield number, InputError(f"{path}:{number}", f"line is too long (more than {limit:,} bytes)")
                while (rest := _read_line(handle, 1 << 20, path, number)) and not isinstance(rest, InputError) \
                        and not rest.endswith(b"\n"):
                    pass  # the rest of the line, read and dropped a piece at a time
                if isinstance(rest, InputError):
                    yield number, rest
                    return
                continue
            if raw.removeprefix(b"\xef\xbb\xbf" if number == 1 else b"").strip():
                seen_any = True
                yield number, raw
    if not seen_any:
        yield 0, InputError(str(path), "file is empty")


def _read_line(handle, limit: int, path: Path, number: int) -> bytes | InputError:
    """The next line, at most LIMIT bytes of it; an InputError if the file cannot be read on."""
    try:
        return handle.readline(limit)
    except OSError as exc:
        return InputError(str(path), f"cannot read file after line {number} ({exc.strerror or exc})")


def parse_jsonl_line(path: Path, number: int, raw: bytes) -> Article | InputError | None:
    """The article on one line of a .jsonl file (None for a blank line)."""
    try:
        return _parse_jsonl_line(path, number, raw)
    except Exception as exc:  # a bug of this reader on one line must not stop the others
        return InputError(f"{path}:{number}", _unexpected(exc))


def _parse_jsonl_line(path: Path, number: int, raw: bytes) -> Article | InputError | None:
    source = f"{path}:{number}"
    try:
        line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        return InputError(source, f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at column {exc.start + 1})")
    if not line.strip():
        return None
    try:
        record = _parse_json(line, source)
    except InputError as err:
        return err
    if not isinstance(record, dict):
        return InputError(source, "a line must hold one JSON object")
    surrogate = _lone_surrogate(record)
    if surrogate:
        return InputError(source, surrogate)
    try:
        record = news_please_record(record, source)
    except InputError as err:
        return err
    text = record.get("text")
    if not isinstance(text, str):
        return InputError(source, "missing 'text' (a string)")
    try:
        return _make_article(record, text, source=source, default_id=None)
    except InputError as err:
        return err


def news_please_record(record: dict, source: str) -> dict:
    """A record with news-please's keys read as kg's: maintext is text, date_publish ("2025-03-03
    08:30:00") the published day, source_domain the publisher, authors (a list) the author."""
    if not any(key in record for key in ("maintext", "date_publish", "source_domain", "authors")):
        return record
    record = dict(record)
    for alias, key in NEWS_PLEASE_ALIASES.items():
        if alias in record:
            value = record.pop(alias)
            if key not in record:
                record[key] = value
    published = record.get("published")
    if isinstance(published, str) and re.match(r"^\d{4}-\d{2}-\d{2}[ T]", published):
        record["published"] = published[:10]
    domain = record.pop("source_domain", None)
    if domain is not None and "publisher" not in record:
        record["publisher"] = domain
    authors = record.pop("authors", None)
    if authors and "author" not in record:
        if not isinstance(authors, list) or not all(isinstance(a, str) for a in authors):
            raise InputError(source, "'authors' must be a list of strings")
        record["author"] = ", ".join(authors)
    return {key: value for key, value in record.items() if value is not None or key in META_KEYS}


def _open_regular(path: Path):
    """The file opened for reading in binary, if it is a regular file; else an InputError.

    Opened without blocking (opening a named pipe waits for a writer that may never come), then
    checked: the path may have changed since the folder was listed.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise InputError(str(path), _unreadable(path, exc)) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise InputError(str(path), _not_regular(mode))
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _read_at_most(path: Path, limit: int) -> bytes:
    """The file's bytes, if there are at most LIMIT: reads LIMIT + 1 at most, whatever stat says
    (a file may grow while it is read, or claim a size it does not have)."""
    handle = _open_regular(path)
    with handle:
        try:
            size = os.fstat(handle.fileno()).st_size
            if size > limit:
                raise InputError(str(path), f"file is too large ({size:,} bytes; the limit is {limit:,})")
            data = handle.read(limit + 1)
        except OSError as exc:
            raise InputError(str(path), f"cannot read file ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise InputError(str(path), f"file is too large (more than {limit:,} bytes)")
    return data


def _decode(path: Path, limit: int = MAX_FILE_BYTES) -> str:
    data = _read_at_most(path, limit)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                                    "convert the file to UTF-8") from None


def _read_sidecar(path: Path) -> dict:
    sidecar = sidecar_of(path)
    try:
        os.lstat(sidecar)
    except FileNotFoundError:
        return {}  # no sidecar: the metadata come from the file name
    except OSError:
        pass  # (the read below says what is wrong)
    meta = _parse_json(_decode(sidecar), str(sidecar), what="broken sidecar: ")
    if not isinstance(meta, dict):
        raise InputError(str(sidecar), "broken sidecar: expected a JSON object")
    surrogate = _lone_surrogate(meta)
    if surrogate:
        raise InputError(str(sidecar), surrogate)
    return meta


def _parse_json(text: str, source: str, what: str = ""):
    """json.loads, with every way it fails as an InputError."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(source, f"{what}not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})") from None
    except RecursionError:
        raise InputError(source, f"{what}JSON nested too deeply to read") from None
    except ValueError as exc:  # a number of more digits than Python converts, ...
        raise InputError(source, f"{what}not usable JSON ({exc})") from None


_SURROGATE_RE = re.compile(r"[\ud800-\udfff]")


def _lone_surrogate(record) -> str | None:
    """Where a JSON value holds a lone surrogate ("\\ud800" is valid JSON, but half a UTF-16 pair:
    no character, and no UTF-8 can hold it), said for the error; None when it holds none."""
    pending = [("", record)]
    while pending:  # (not recursive: JSON nesting is as deep as json.loads allows)
        where, value = pending.pop()
        if isinstance(value, str):
            found = _SURROGATE_RE.search(value)
            if found:
                code = ord(found.group(0))
                return f"lone surrogate at offset {found.start()} of {where or 'a key'} (\\u{code:04x}): " \
                       "half of a UTF-16 pair, not a character"
        elif isinstance(value, dict):
            for key, item in value.items():
                # (the key is looked at first: it is part of where its value is said to be)
                pending += [(f"'{key}'" if not where else f"{where}.{key}", item), ("", key)]
        elif isinstance(value, list):
            pending += [(f"{where}[{i}]", item) for i, item in enumerate(value)]
    return None


def _make_article(meta: dict, text: str, source: str, default_id: str | None, keep_text: bool = False) -> Article:
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
        keep_text=keep_text,
    )


def _valid_partial_date(value: str) -> bool:
    import datetime as dt
    parts = [int(p) for p in value.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True
