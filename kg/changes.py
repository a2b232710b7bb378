"""Stage 0 of a build: which articles changed since the last build into this store.

An article's build hash (its text and metadata, and the mapper that read it) decides
whether it must be mapped again. Computing it means reading the article, and at 100,000
articles reading everything costs more than mapping the few that changed. So, like make
and git, the store keeps an index of the input files it was built from (`kg-inputs.json`
in the store folder): each file's size and modification time (and its sidecar's), and the
articles it held with their build hashes; a .jsonl file also keeps a digest of each line.
A file whose size and time have not changed is not read again; in a .jsonl file that
changed, only lines with a new digest are parsed.

The index is trusted only for the mapper and reference data it was written with, and only
for articles whose graphs were written (an article that failed, or a file with errors, is
read again next time, so its error is reported again). `kg build --recheck` ignores it.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from kg.articles import (Article, InputError, OnSkip, article_suffix, input_files, jsonl_lines, parse_jsonl_line,
                         read_file, read_text_article, sidecar_of)
from kg.mapper import build_hash

INDEX_FILE = "kg-inputs.json"
INDEX_VERSION = 1


def _signature(path: Path) -> list[int] | None:
    """Size and modification time of a file and of its sidecar (for .txt); None if unreadable."""
    try:
        info = path.stat()
    except OSError:
        return None
    signature = [info.st_size, info.st_mtime_ns]
    if article_suffix(path) == ".txt":
        try:
            side = sidecar_of(path).stat()
            signature += [side.st_size, side.st_mtime_ns]
        except OSError:
            signature += [-1, -1]
    return signature


def _line_digest(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


@dataclass
class _FileEntry:
    signature: list[int] | None
    # (article id, build hash, line digest or "") of every article read from the file
    articles: list[tuple[str, str, str]] = field(default_factory=list)
    complete: bool = True  # no input error in the file


class InputIndex:
    """The input files a store was built from; see the module's docstring."""

    def __init__(self, store_location: Path, fingerprint: str, trust: bool = True):
        self.path = Path(store_location) / INDEX_FILE
        self.fingerprint = fingerprint
        self.old: dict[str, dict] = self._load() if trust else {}
        self.new: dict[str, _FileEntry] = {}
        self._unconfirmed: dict[str, str] = {}  # article id -> file key, until its graph is written
        self.unchanged = 0

    @property
    def usable(self) -> bool:
        return bool(self.old)

    def _load(self) -> dict[str, dict]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("version") != INDEX_VERSION or \
                data.get("fingerprint") != self.fingerprint or not isinstance(data.get("files"), dict):
            return {}
        return data["files"]

    # -- reading
    def scan(self, paths: Iterable[str | Path], stored_hash: Callable[[str], str | None],
             accept: Callable[[Article | InputError | None, str | None, str], bool],
             on_skip: OnSkip | None = None) -> Iterator[Article]:
        """Yield the articles that must be mapped.

        stored_hash(id) gives the build hash the store holds for an article the index does not
        know. accept(article or error or None, article id, source) is called for every input
        error and every article read or skipped, and returns False for an article that must be
        left out (a duplicate id). on_skip(path, reason): a file in a folder that holds no article.
        """
        for item in input_files(paths, on_skip):
            if isinstance(item, InputError):
                accept(item, None, item.source)
                continue
            # (the path Path.resolve gives, but a link loop made since the folder was listed is no error here)
            key = os.path.realpath(item)
            signature = _signature(item)
            old = self.old.get(key)
            entry = self.new[key] = _FileEntry(signature)
            if old is not None and old.get("complete") and signature is not None and old.get("signature") == signature:
                for article_id, hash_, digest in old.get("articles", []):  # unchanged: not read at all
                    self._known(entry, article_id, hash_, digest, accept, str(item))
                continue
            known = {digest: (article_id, hash_) for article_id, hash_, digest in (old or {}).get("articles", [])
                     if digest}
            by_id = {article_id: hash_ for article_id, hash_, _ in (old or {}).get("articles", [])}
            for article, digest in self._read(item, known, entry, accept):
                current = build_hash(article)
                if not accept(article, article.id, article.source):
                    entry.complete = False
                    continue
                entry.articles.append((article.id, current, digest))
                previous = by_id.get(article.id) if article.id in by_id else stored_hash(article.id)
                if previous == current:
                    self.unchanged += 1  # read, and the same as what the store holds
                    continue
                self._unconfirmed[article.id] = key
                yield article

    def _known(self, entry: _FileEntry, article_id: str, hash_: str, digest: str, accept, source: str) -> None:
        if accept(None, article_id, source):
            entry.articles.append((article_id, hash_, digest))
            self.unchanged += 1
        else:
            entry.complete = False  # a duplicate id: read the file again next time to report it

    def _read(self, path: Path, known: dict[str, tuple[str, str]], entry: _FileEntry,
              accept) -> Iterator[tuple[Article, str]]:
        suffix = article_suffix(path)
        if suffix == ".txt":
            found = read_text_article(path)
            if isinstance(found, InputError):
                entry.complete = False
                accept(found, None, found.source)
            else:
                yield found, ""
            return
        if suffix != ".jsonl":
            entry.complete = False
            for error in read_file(path):  # the reader's own error for a file type it does not read
                accept(error, None, str(path))
            return
        for number, raw in jsonl_lines(path):
            if isinstance(raw, InputError):
                entry.complete = False
                accept(raw, None, raw.source)
                continue
            digest = _line_digest(raw)
            if digest in known:  # the very same line as last time: no need to parse it
                self._known(entry, *known[digest], digest, accept, f"{path}:{number}")
                continue
            found = parse_jsonl_line(path, number, raw)
            if isinstance(found, InputError):
                entry.complete = False
                accept(found, None, found.source)
            elif found is not None:
                yield found, digest

    # -- writing
    def confirm(self, article_id: str) -> None:
        """The article's graph is in the store."""
        self._unconfirmed.pop(article_id, None)

    def save(self, keep_others: bool) -> None:
        """Write the index (atomically). keep_others: keep entries of files this build did not see.

        Articles whose graphs were not written (the mapper failed) are left out, and their
        files marked incomplete, so that the next build reads and maps them again.
        """
        files = {}
        for key, entry in self.new.items():
            articles = [list(a) for a in entry.articles if self._unconfirmed.get(a[0]) != key]
            files[key] = {"signature": entry.signature, "articles": articles,
                          "complete": entry.complete and len(articles) == len(entry.articles)}
        if keep_others:
            for key, old in self.old.items():
                files.setdefault(key, old)
        data = {"version": INDEX_VERSION, "fingerprint": self.fingerprint, "files": files}
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
        os.replace(tmp, self.path)
