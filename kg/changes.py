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

It is also the record of which stored articles came from which file, whatever mapper wrote
it: `kg build --prune` keeps every article recorded from a file (or folder) that could not
be read. A file that cannot be read whole keeps, as `kept`, the articles recorded from it
that it did not yield this time, so that the record outlives the build that found the error.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from kg.articles import (SIDECAR_OWNERS, Article, InputError, OnSkip, article_suffix, input_files, jsonl_lines,
                         parse_jsonl_line, read_file, read_text_article, sidecar_of)
from kg.mapper import build_hash

INDEX_FILE = "kg-inputs.json"
INDEX_VERSION = 1


def _signature(path: Path) -> list[int] | None:
    """Size and modification time of a file and of its sidecar (for .txt and .html); None if unreadable."""
    try:
        info = path.stat()
    except OSError:
        return None
    signature = [info.st_size, info.st_mtime_ns]
    if article_suffix(path) in SIDECAR_OWNERS:
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
    complete: bool = True  # no input error and no duplicate id in the file
    unreadable: bool = False  # an input error: the file, or a line of it, could not be read
    # ids recorded from the file at an earlier build that it did not yield this time (unreadable)
    kept: list[str] = field(default_factory=list)


def _recorded_ids(entry: dict) -> set[str]:
    """The ids of the articles an index entry records from its file (read, or kept from before)."""
    return {article[0] for article in entry.get("articles", [])} | set(entry.get("kept", []))


class InputIndex:
    """The input files a store was built from; see the module's docstring."""

    def __init__(self, store_location: Path, fingerprint: str, trust: bool = True):
        self.path = Path(store_location) / INDEX_FILE
        self.fingerprint = fingerprint
        # which file held which articles at the last build (whatever mapper): for --prune
        self.recorded, recorded_fingerprint = self._load()
        # what may skip reading and mapping: only the index of this mapper and reference data
        self.old: dict[str, dict] = self.recorded if trust and recorded_fingerprint == fingerprint else {}
        self.new: dict[str, _FileEntry] = {}
        self._unconfirmed: dict[str, str] = {}  # article id -> file key, until its graph is written
        self.unchanged = 0
        self.missing_paths: list[str] = []  # paths given to scan that do not exist
        self.unreadable_folders: list[str] = []  # resolved: cannot be listed, or hold no article

    @property
    def usable(self) -> bool:
        return bool(self.old)

    def _load(self) -> tuple[dict[str, dict], str | None]:
        """The files of the index on disk and the fingerprint it was written with ({} and None if none)."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}, None
        if not isinstance(data, dict) or data.get("version") != INDEX_VERSION or \
                not isinstance(data.get("files"), dict):
            return {}, None
        return data["files"], data.get("fingerprint")

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
            if isinstance(item, InputError):  # a path given, or a folder under it
                accept(item, None, item.source)
                if Path(item.source).exists():
                    self.unreadable_folders.append(str(Path(item.source).resolve()))
                else:
                    self.missing_paths.append(item.source)
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
            if entry.unreadable and key in self.recorded:
                read = {article[0] for article in entry.articles}
                entry.kept = sorted(_recorded_ids(self.recorded[key]) - read)

    def _known(self, entry: _FileEntry, article_id: str, hash_: str, digest: str, accept, source: str) -> None:
        if accept(None, article_id, source):
            entry.articles.append((article_id, hash_, digest))
            self.unchanged += 1
        else:
            entry.complete = False  # a duplicate id: read the file again next time to report it

    def _read(self, path: Path, known: dict[str, tuple[str, str]], entry: _FileEntry,
              accept) -> Iterator[tuple[Article, str]]:
        def unreadable(error: InputError, source: str) -> None:
            entry.complete, entry.unreadable = False, True
            accept(error, None, source)

        suffix = article_suffix(path)
        if suffix == ".txt":
            found = read_text_article(path)
            if isinstance(found, InputError):
                unreadable(found, found.source)
            else:
                yield found, ""
            return
        if suffix != ".jsonl":
            # (.html, .json, .warc: read whole when changed; a WARC's records are not tracked one by one)
            for found in read_file(path):
                if isinstance(found, InputError):
                    unreadable(found, found.source)
                else:
                    yield found, ""
            return
        for number, raw in jsonl_lines(path):
            if isinstance(raw, InputError):
                unreadable(raw, raw.source)
                continue
            digest = _line_digest(raw)
            if digest in known:  # the very same line as last time: no need to parse it
                self._known(entry, *known[digest], digest, accept, f"{path}:{number}")
                continue
            found = parse_jsonl_line(path, number, raw)
            if isinstance(found, InputError):
                unreadable(found, found.source)
            elif found is not None:
                yield found, digest

    # -- what the inputs that could not be read held
    def held_by_unreadable_inputs(self) -> tuple[set[str], list[str]]:
        """What the store may hold from the inputs this scan could not read (whole).

        Returns the ids the index records from those files and folders, and the unreadable
        inputs it has no record of (what the store holds from them cannot be told).
        """
        held: set[str] = set()
        unknown: list[str] = []
        for key, entry in self.new.items():
            if entry.unreadable:
                if key in self.recorded:
                    held |= _recorded_ids(self.recorded[key])
                else:
                    unknown.append(key)
        for folder in self.unreadable_folders:
            inside = [entry for key, entry in self.recorded.items() if _is_inside(key, folder)]
            if inside:
                held.update(*(_recorded_ids(entry) for entry in inside))
            else:
                unknown.append(folder)
        return held, unknown

    # -- writing
    def confirm(self, article_id: str) -> None:
        """The article's graph is in the store."""
        self._unconfirmed.pop(article_id, None)

    def save(self, keep_others: bool) -> None:
        """Write the index (atomically). keep_others: keep entries of files this build did not see.

        Articles whose graphs were not written (the mapper failed) are left out, and their
        files marked incomplete, so that the next build reads and maps them again. The entries
        of files in a folder that could not be read are kept whatever keep_others says (their
        articles stay in the store). An entry kept from an index this build did not trust is
        marked incomplete: its file is read again next time.
        """
        files = {}
        for key, entry in self.new.items():
            articles = [list(a) for a in entry.articles if self._unconfirmed.get(a[0]) != key]
            files[key] = {"signature": entry.signature, "articles": articles,
                          "complete": entry.complete and len(articles) == len(entry.articles)}
            if entry.kept:
                files[key]["kept"] = entry.kept
        for key, old in self.recorded.items():
            if key not in files and (keep_others or any(_is_inside(key, f) for f in self.unreadable_folders)):
                files[key] = old if key in self.old else {**old, "complete": False}
        data = {"version": INDEX_VERSION, "fingerprint": self.fingerprint, "files": files}
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
        os.replace(tmp, self.path)


def _is_inside(key: str, folder: str) -> bool:
    return key.startswith(folder.rstrip(os.sep) + os.sep)
