"""Reading what crawlers produce: .html pages, WARC files and news-please JSON.

The main text, title, publication date and canonical URL of a page are taken by trafilatura
(with htmldate for the date), a maintained extractor; kg parses no HTML by hand. Nothing is
fetched: the page's bytes are handed to the extractor. The extracted text is the article's
text, the one evidence offsets point into; it is not a file the user has, so the graph keeps it
(Article.keep_text; kg/rdfmap.py writes it as schema:text).

Ids: a page takes its file's stem (as a .txt file does), a news-please file too; a WARC
record takes 'warc-' and the first 16 hexadecimal digits of the SHA-256 of its WARC-Target-URI
(the same page crawled again keeps its id), and its source is FILE#record-N (N counts every
record of the file from 1). Records that are not HTML responses are skipped, not errors.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import BinaryIO, Iterator

from kg.articles import (MAX_FILE_BYTES, Article, InputError, _make_article, _open_regular, _parse_json,
                         _lone_surrogate, _read_at_most, _read_sidecar, _unexpected, _decode, news_please_record)

# A page holds markup, scripts and styles around its text: it may be much larger than the text.
MAX_PAGE_BYTES = 4 * MAX_FILE_BYTES
HTML_TYPES = ("text/html", "application/xhtml+xml")
NO_TEXT = "no article text found in the page"
# trafilatura falls back to whatever text a page has (a menu's "Home"): fewer words than a
# sentence of news has is no article
MIN_WORDS = 5


def read_crawled(path: Path, suffix: str) -> Iterator[Article | InputError]:
    if suffix in (".warc", ".warc.gz"):
        yield from read_warc(path)
        return
    try:
        if suffix == ".json":
            yield read_news_please(path)
        else:
            yield read_html_file(path)
    except InputError as err:
        yield err
    except Exception as exc:  # a bug of this reader, or of the extractor, on one file must not stop the others
        yield InputError(str(path), _unexpected(exc))


def extract_page(html: bytes | str, source: str) -> dict:
    """The page's main text and metadata, as the fields of an article (text, title, published,
    url, language, author); an InputError when the page holds no article text."""
    import trafilatura
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        raise InputError(source, NO_TEXT + " (not an HTML document)")
    language = (tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang") or "").strip() or None
    document = trafilatura.bare_extraction(tree, with_metadata=True, include_comments=False, include_tables=False)
    text = (document.text if document is not None else None) or ""
    if len(text.split()) < MIN_WORDS:
        raise InputError(source, NO_TEXT)
    date = document.date or None
    return {"text": text, "title": document.title or None, "url": document.url or None,
            "published": date[:10] if date and len(date) >= 10 else None,
            "language": language or document.language or None, "author": document.author or None}


def _article(fields: dict, meta: dict, source: str, default_id: str) -> Article:
    text = fields.pop("text")
    merged = {**{k: v for k, v in fields.items() if v is not None}, **meta}
    return _make_article(merged, text, source=source, default_id=default_id, keep_text=True)


def read_html_file(path: Path) -> Article:
    html = _read_at_most(path, MAX_PAGE_BYTES)
    meta = _read_sidecar(path)
    return _article(extract_page(html, str(path)), meta, str(path), path.stem)


def read_news_please(path: Path) -> Article:
    """One news-please article (a JSON object with maintext, title, date_publish, ...)."""
    source = str(path)
    record = _parse_json(_decode(path), source)
    if not isinstance(record, dict):
        raise InputError(source, "a .json file must hold one JSON object (a news-please article)")
    surrogate = _lone_surrogate(record)
    if surrogate:
        raise InputError(source, surrogate)
    record = news_please_record(record, source)
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError(source, "missing 'maintext' (or 'text'), a string")
    return _make_article(record, text, source=source, default_id=path.stem, keep_text=True)


def warc_id(uri: str) -> str:
    return "warc-" + hashlib.sha256(uri.encode("utf-8")).hexdigest()[:16]


def read_warc(path: Path) -> Iterator[Article | InputError]:
    """One article per HTML response record; a record that cannot be read is an InputError naming
    the file and the record, and reading goes on at the next record found after it."""
    try:
        handle = _open_regular(path)
    except InputError as err:
        yield err
        return
    with handle:
        yield from _warc_articles(path, handle)


def _warc_articles(path: Path, handle: BinaryIO) -> Iterator[Article | InputError]:
    from warcio.archiveiterator import ArchiveIterator

    gzipped = path.name.lower().endswith(".gz")
    number = 0
    start = 0  # where the records not yet read begin
    while True:
        handle.seek(start)
        records = ArchiveIterator(handle, no_record_parse=False, arc2warc=False)
        base = start
        try:
            for record in records:
                number += 1
                item = _warc_record(path, number, record)
                records.read_to_end(record)
                offset, length = records.member_info if records.member_info else (None, None)
                if offset is not None:
                    start = base + offset + length
                if item is not None:
                    yield item
            return
        except Exception as exc:  # the file is broken here: skip to the next record after it
            number += 1
            yield InputError(f"{path}#record-{number}", f"cannot read WARC record ({type(exc).__name__}: {exc})")
            following = _next_record_start(handle, start + 1, gzipped)
            if following is None:
                return
            start = following


def _next_record_start(handle: BinaryIO, after: int, gzipped: bool) -> int | None:
    """Where the next record may begin after a broken one: a gzip member's header in a .warc.gz,
    a line 'WARC/1.x' in a .warc."""
    marker = b"\x1f\x8b\x08" if gzipped else b"\nWARC/1."
    handle.seek(after)
    carry = b""
    position = after
    while chunk := handle.read(1 << 20):
        data = carry + chunk
        found = data.find(marker)
        if found >= 0:
            at = position - len(carry) + found
            return at + (0 if gzipped else 1)
        carry = data[-(len(marker) - 1):]
        position += len(chunk)
    return None


def _warc_record(path: Path, number: int, record) -> Article | InputError | None:
    source = f"{path}#record-{number}"
    try:
        if record.rec_type != "response" or record.http_headers is None:
            return None
        content_type = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
        if content_type not in HTML_TYPES:
            return None
        uri = record.rec_headers.get_header("WARC-Target-URI") or ""
        html = record.content_stream().read(MAX_PAGE_BYTES + 1)
        if len(html) > MAX_PAGE_BYTES:
            return InputError(source, f"page is too large (more than {MAX_PAGE_BYTES:,} bytes)")
        fields = extract_page(html, source)
        fields["url"] = fields.get("url") or uri or None
        record_id = warc_id(uri) if uri else None
        if record_id is None:
            record_id = "warc-" + hashlib.sha256((record.rec_headers.get_header("WARC-Record-ID") or source)
                                                 .encode("utf-8")).hexdigest()[:16]
        return _article(fields, {}, source, record_id)
    except InputError as err:
        return err
    except Exception as exc:  # (a broken stream is raised from the iterator and handled there)
        if type(exc).__module__.startswith(("warcio", "zlib")) or isinstance(exc, (OSError, EOFError)):
            raise
        return InputError(source, _unexpected(exc))
