"""`kg validate` on hostile RDF files: no file may make it fetch a URL, open another file, or
spend minutes and gigabytes on a small input. Every hostile file is built here, in tmp_path."""
from __future__ import annotations

import http.server
import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli

EX = "http://example.org/"
INLINE_CONTEXT = {"@context": {"ex": EX}}


def validate(*args):
    return CliRunner().invoke(cli, ["validate", *map(str, args)])


class CountingListener:
    """An HTTP server on a free loopback port that answers every GET with a JSON-LD context
    (or a DTD) and counts the requests it got."""

    def __init__(self):
        counter = self
        self.requests: list[str] = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                counter.requests.append(self.path)
                body = json.dumps(INLINE_CONTEXT).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/ld+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def listener():
    with CountingListener() as server:
        yield server


class OpenedFiles:
    """The paths this process opens while active (an audit hook: it sees every open())."""
    active: "OpenedFiles | None" = None
    installed = False

    def __init__(self):
        self.paths: list[str] = []

    def __enter__(self):
        if not OpenedFiles.installed:
            sys.addaudithook(OpenedFiles._hook)  # cannot be removed: it records only while active
            OpenedFiles.installed = True
        OpenedFiles.active = self
        return self

    def __exit__(self, *exc):
        OpenedFiles.active = None

    @staticmethod
    def _hook(event, args):
        if event == "open" and OpenedFiles.active is not None and args and isinstance(args[0], (str, bytes, Path)):
            OpenedFiles.active.paths.append(str(args[0]))


def jsonld(tmp_path: Path, document, name="data.jsonld") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def _node(context) -> dict:
    return {"@context": context, "@id": f"{EX}s", "ex:p": "x"}


# Every place a JSON-LD document can name a context to be fetched: the document's @context (alone
# or in a list), a node's own @context, a scoped context of a term, and @import.
def _remote_documents(url: str) -> dict[str, object]:
    return {
        "top": _node(f"{url}/top.jsonld"),
        "list": _node([{"ex": EX}, f"{url}/list.jsonld"]),
        "nested": {"@context": {"ex": EX}, "@id": f"{EX}s", "ex:q": _node(f"{url}/nested.jsonld")},
        "scoped": {"@context": {"ex": EX, "ex:q": {"@context": f"{url}/scoped.jsonld"}},
                   "@id": f"{EX}s", "ex:q": {"@id": f"{EX}o", "ex:p": "x"}},
        "import": _node({"@import": f"{url}/import.jsonld", "ex": EX}),
        "graph": {"@context": {"ex": EX}, "@graph": [_node(f"{url}/graph.jsonld")]},
    }


@pytest.mark.parametrize("where", list(_remote_documents("http://x")))
def test_a_remote_context_is_not_fetched(tmp_path, listener, where):
    path = jsonld(tmp_path, _remote_documents(listener.url)[where])
    result = validate(path)
    assert listener.requests == []
    assert result.exit_code == 2, result.output
    assert f"Error: {path}:" in result.output
    assert "--allow-remote-context" in result.output


def test_a_remote_context_is_fetched_when_the_user_allows_it(tmp_path, listener):
    path = jsonld(tmp_path, _node(f"{listener.url}/top.jsonld"))
    result = validate(path, "--allow-remote-context")
    assert listener.requests == ["/top.jsonld"]
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("form", ["file-url", "relative", "absolute-path"])
def test_a_file_context_is_not_read(tmp_path, form):
    secret = tmp_path / "secret.json"
    secret.write_text(json.dumps(INLINE_CONTEXT), encoding="utf-8")
    reference = {"file-url": secret.as_uri(), "relative": "secret.json", "absolute-path": str(secret)}[form]
    path = jsonld(tmp_path, _node(reference))
    with OpenedFiles() as opened:
        result = validate(path)
    assert str(secret) not in opened.paths
    assert result.exit_code == 2, result.output
    assert f"Error: {path}:" in result.output


def test_an_inline_context_still_works(tmp_path):
    path = jsonld(tmp_path, {"@context": {"ex": EX, "ex:q": {"@context": {"ex": EX}}},
                             "@id": f"{EX}s", "ex:p": "x", "ex:q": {"@id": f"{EX}o", "ex:p": "y"}})
    result = validate(path)
    assert result.exit_code == 0, result.output


def _entity_bomb(levels: int = 8) -> str:
    entities = ['<!ENTITY a "' + "a" * 64 + '">']
    for previous, name in zip("abcdefghij", "bcdefghijk"[:levels - 1]):
        entities.append(f'<!ENTITY {name} "' + f"&{previous};" * 16 + '">')
    last = "abcdefghijk"[levels - 1]
    return ('<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n' + "\n".join(entities) + "\n]>\n"
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">'
            f'<rdf:Description rdf:about="{EX}s"><ex:p>&{last};</ex:p></rdf:Description></rdf:RDF>\n')


def test_an_entity_bomb_fails_fast(tmp_path):
    bomb = tmp_path / "bomb.rdf"
    bomb.write_text(_entity_bomb(), encoding="utf-8")
    assert bomb.stat().st_size < 1024
    started = time.monotonic()
    try:
        done = subprocess.run([sys.executable, "-m", "kg", "validate", str(bomb)], capture_output=True, text=True,
                              timeout=30)
    except subprocess.TimeoutExpired:
        pytest.fail("kg validate spent 30 s on a file under 1 KB")
    assert time.monotonic() - started < 2, "kg validate took 2 s or more on a file under 1 KB"
    assert done.returncode == 2, done.stdout + done.stderr
    assert f"Error: {bomb}:" in done.stderr


def test_external_entities_and_dtds_are_not_read(tmp_path, listener):
    secret = tmp_path / "secret.txt"
    secret.write_text("secret", encoding="utf-8")
    body = ('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">'
            f'<rdf:Description rdf:about="{EX}s"><ex:p>&x;</ex:p></rdf:Description></rdf:RDF>\n')
    documents = {
        "file-entity": f'<!DOCTYPE rdf:RDF [<!ENTITY x SYSTEM "{secret.as_uri()}">]>\n' + body,
        "url-entity": f'<!DOCTYPE rdf:RDF [<!ENTITY x SYSTEM "{listener.url}/x.txt">]>\n' + body,
        "parameter-entity": f'<!DOCTYPE rdf:RDF [<!ENTITY % p SYSTEM "{listener.url}/p.dtd"> %p;]>\n' + body,
        "external-dtd": f'<!DOCTYPE rdf:RDF SYSTEM "{listener.url}/rdf.dtd">\n' + body.replace("&x;", "x"),
    }
    for name, text in documents.items():
        path = tmp_path / f"{name}.rdf"
        path.write_text('<?xml version="1.0"?>\n' + text, encoding="utf-8")
        with OpenedFiles() as opened:
            result = validate(path)
        assert str(secret) not in opened.paths, name
        assert result.exit_code == 2, (name, result.output)
        assert f"Error: {path}:" in result.output, name
    assert listener.requests == []


def test_plain_rdf_xml_still_works(tmp_path):
    path = tmp_path / "plain.rdf"
    path.write_text('<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
                    f'xmlns:ex="{EX}"><rdf:Description rdf:about="{EX}s"><ex:p>x</ex:p></rdf:Description>'
                    "</rdf:RDF>\n", encoding="utf-8")
    result = validate(path)
    assert result.exit_code == 0, result.output


def _turtle_of_size(path: Path, size: int) -> Path:
    line = f"<{EX}s> <{EX}p> \"{'x' * 40}\" .\n"
    path.write_text(line * (size // len(line) + 1), encoding="utf-8")
    return path


def test_a_file_over_the_size_limit_is_refused(tmp_path):
    big = _turtle_of_size(tmp_path / "big.ttl", 2100)
    result = validate(big, "--max-size", "2KB")
    assert result.exit_code == 2, result.output
    assert f"Error: {big}:" in result.output and "--max-size" in result.output
    small = _turtle_of_size(tmp_path / "small.ttl", 1500)
    assert validate(small, "--max-size", "2KB").exit_code == 0


def test_files_over_the_size_limit_together_are_refused(tmp_path):
    first = _turtle_of_size(tmp_path / "first.ttl", 1500)
    second = _turtle_of_size(tmp_path / "second.ttl", 1500)
    result = validate(first, second, "--max-size", "2KB")
    assert result.exit_code == 2, result.output
    assert f"Error: {first}, {second}: together they are" in result.output and "--max-size" in result.output


def test_the_default_size_limit_is_stated(tmp_path):
    help_text = CliRunner().invoke(cli, ["validate", "--help"]).output
    assert "--max-size" in help_text and "50MB" in help_text
    assert validate(_turtle_of_size(tmp_path / "x.ttl", 100), "--max-size", "lots").exit_code == 2
