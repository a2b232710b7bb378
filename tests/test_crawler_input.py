"""Crawler output as input: HTML pages, WARC files and news-please JSON (all written here, at test time)."""
from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json

import pytest
from click.testing import CliRunner

from kg.articles import Article, InputError, read_paths
from kg.cli import cli

warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

STORY = ("PHNOM PENH, March 3, 2025 -- Cambodian Foreign Minister Sok Chenda Sophea met Thai Foreign "
         "Minister Maris Sangiampongsa in Phnom Penh on Monday to discuss border trade.",
         "The two ministers agreed to reopen two border checkpoints before the end of the year, "
         "according to a statement issued after the talks.",
         "They also discussed cooperation on tourism and on the fight against online scams, the statement said.")


def page(title="Ministers meet on border trade", paragraphs=STORY, canonical="https://news.example.org/2025/03/ministers-meet",
         date="2025-03-03", lang="en") -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title} | The Example Daily</title>
<link rel="canonical" href="{canonical}">
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="{date}T08:30:00+07:00">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li>
<li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article><h1>{title}</h1>
{body}
</article>
<aside><h2>Related stories</h2><ul><li><a href="/x">Floods close a school in the north</a></li>
<li><a href="/y">Local team wins the cup final</a></li></ul></aside></main>
<footer><p>Copyright The Example Daily. All rights reserved.</p></footer>
</body></html>"""


def warc_bytes(records, gz=True) -> bytes:
    """records: (uri, content type, body bytes) for response records; a None content type writes
    a request record instead."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    for uri, content_type, body in records:
        if content_type is None:
            headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example.org")], is_http_request=True)
            writer.write_record(writer.create_warc_record(uri, "request", payload=io.BytesIO(b""), http_headers=headers))
            continue
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))
    return buffer.getvalue()


def _articles(items):
    return [a for a in items if isinstance(a, Article)]


def test_html_page_gives_the_article_text_and_metadata(tmp_path):
    (tmp_path / "ministers.HTML").write_text(page(), encoding="utf-8")
    [article] = list(read_paths([tmp_path]))
    assert isinstance(article, Article), article
    assert article.id == "ministers"
    assert STORY[0] in article.text and STORY[2] in article.text
    for noise in ("Politics", "Floods close a school", "All rights reserved"):
        assert noise not in article.text
    assert article.title == "Ministers meet on border trade"
    assert article.published == "2025-03-03"
    assert article.url == "https://news.example.org/2025/03/ministers-meet"
    assert article.language == "en"
    assert article.keep_text


def test_html_sidecar_overrides_the_page(tmp_path):
    (tmp_path / "p.htm").write_text(page(), encoding="utf-8")
    (tmp_path / "p.meta.json").write_text(json.dumps({"id": "other-id", "publisher": "The Example Daily"}))
    [article] = list(read_paths([tmp_path]))
    assert (article.id, article.publisher, article.published) == ("other-id", "The Example Daily", "2025-03-03")


def test_html_page_without_text_is_an_error(tmp_path):
    (tmp_path / "empty.html").write_text("<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav></body></html>")
    [error] = list(read_paths([tmp_path]))
    assert isinstance(error, InputError)
    assert error.source.endswith("empty.html") and "no article text found in the page" in error.problem


def test_warc_with_two_html_responses_and_other_records(tmp_path):
    other = page(title="Envoys discuss trade", canonical="https://news.example.org/b",
                 paragraphs=(STORY[1], STORY[2], STORY[0]))
    data = warc_bytes([("https://news.example.org/a", None, b""),
                       ("https://news.example.org/a", "text/html; charset=utf-8", page().encode()),
                       ("https://news.example.org/logo.png", "image/png", b"\x89PNG\r\n\x1a\n"),
                       ("https://news.example.org/b", "text/html", other.encode())])
    (tmp_path / "crawl.warc.gz").write_bytes(data)
    items = list(read_paths([tmp_path]))
    assert not [e for e in items if isinstance(e, InputError)], items
    first, second = items
    assert first.id == "warc-" + hashlib.sha256(b"https://news.example.org/a").hexdigest()[:16]
    assert first.source.endswith("crawl.warc.gz#record-2") and second.source.endswith("#record-4")
    assert STORY[0] in first.text and second.title == "Envoys discuss trade"
    assert first.url == "https://news.example.org/2025/03/ministers-meet"  # the canonical link
    (tmp_path / "crawl.warc.gz").unlink()
    (tmp_path / "plain.WARC").write_bytes(warc_bytes([("https://news.example.org/a", "text/html", page().encode())], gz=False))
    assert [a.id for a in _articles(read_paths([tmp_path]))] == [first.id]


def test_a_broken_warc_record_is_an_error_and_the_others_go_through(tmp_path):
    uris = [f"https://news.example.org/{n}" for n in range(3)]
    members = [warc_bytes([(uri, "text/html", page(canonical=uri).encode())]) for uri in uris]
    broken = bytearray(members[1])
    broken[len(broken) // 2: len(broken) // 2 + 40] = b"\x00" * 40  # the compressed data of record 2
    (tmp_path / "crawl.warc.gz").write_bytes(members[0] + bytes(broken) + members[2])
    items = list(read_paths([tmp_path]))
    errors = [e for e in items if isinstance(e, InputError)]
    assert len(errors) == 1 and "crawl.warc.gz" in errors[0].source and "record-2" in errors[0].source
    assert [a.url for a in _articles(items)] == [uris[0], uris[2]]


def test_news_please_json(tmp_path):
    record = {"title": "Ministers meet on border trade", "maintext": "\n".join(STORY), "date_publish": "2025-03-03 08:30:00",
              "url": "https://news.example.org/2025/03/ministers-meet", "language": "en",
              "source_domain": "news.example.org", "authors": ["A. Writer", "B. Writer"], "image_url": None}
    (tmp_path / "np-1.json").write_text(json.dumps(record), encoding="utf-8")
    [article] = list(read_paths([tmp_path]))
    assert isinstance(article, Article), article
    assert (article.id, article.text, article.published, article.publisher) == \
        ("np-1", "\n".join(STORY), "2025-03-03", "news.example.org")
    assert article.author == "A. Writer, B. Writer" and article.language == "en" and article.keep_text
    # the same keys on a line of JSON Lines
    (tmp_path / "np-1.json").unlink()
    (tmp_path / "lines.jsonl").write_text(json.dumps({**record, "id": "line-1"}) + "\n", encoding="utf-8")
    [line] = list(read_paths([tmp_path]))
    assert (line.id, line.text, line.published, line.publisher) == ("line-1", "\n".join(STORY), "2025-03-03", "news.example.org")


def test_build_stores_crawler_input_with_checkable_evidence(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "page.html").write_text(page(), encoding="utf-8")
    (folder / "crawl.warc.gz").write_bytes(warc_bytes([
        ("https://news.example.org/w", "text/html", page(canonical="https://news.example.org/w").encode()),
        ("https://news.example.org/x.css", "text/css", b"body{}")]))
    (folder / "np.json").write_text(json.dumps({"maintext": "\n".join(STORY), "title": "Talks",
                                                "date_publish": "2025-03-03", "source_domain": "news.example.org"}))
    store = str(tmp_path / "store")
    built = CliRunner().invoke(cli, ["build", str(folder), "--store", store])
    assert built.exit_code == 0, built.output
    assert "mapped 3" in built.output
    listed = CliRunner().invoke(cli, ["query", "interactions", "--store", store, "--format", "csv"])
    assert listed.exit_code == 0, listed.output
    rows = list(csv.DictReader(io.StringIO(listed.output)))
    assert {row["article_id"] for row in rows} >= {"page", "np"}
    # every evidence quote of the page's article is its stored text at the offsets
    from kg.store import KGStore
    kg_store = KGStore(tmp_path / "store", read_only=True)
    found = list(kg_store.store.query("""
        PREFIX oa: <http://www.w3.org/ns/oa#> PREFIX dip: <https://w3id.org/dipkg/ontology#>
        PREFIX schema: <https://schema.org/>
        SELECT ?text ?start ?end ?exact WHERE { GRAPH ?g {
          ?article dip:articleId "page" ; schema:text ?text .
          ?target oa:hasSource ?article ; oa:hasSelector ?p, ?q .
          ?p oa:start ?start ; oa:end ?end . ?q oa:exact ?exact } }"""))
    assert found
    for text, start, end, exact in ((r[0].value, int(r[1].value), int(r[2].value), r[3].value) for r in found):
        assert text[start:end] == exact
    del kg_store, found
    # an unchanged folder is not read again
    again = CliRunner().invoke(cli, ["build", str(folder), "--store", store])
    assert "mapped 0, unchanged 3" in again.output, again.output
