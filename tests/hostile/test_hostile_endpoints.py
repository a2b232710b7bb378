"""Endpoints that are no SPARQL endpoint, URLs that are no web address, outputs that cannot be
written: each is one line, `Error: ...`, and exit code 1 or 2, never a traceback."""
from __future__ import annotations

import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from hostile_helpers import run_kg, stored_quads

ANSWERS = {  # what the server answers: content type, body
    "html": ("text/html; charset=utf-8", b"<!doctype html><html><body><h1>Welcome</h1></body></html>"),
    "json that is no result": ("application/json", b'{"status": "ok"}'),
    "broken sparql json": ("application/sparql-results+json", b'{"head": {"vars": ["a"]}, "results": '),
    "sparql json of the wrong shape": ("application/sparql-results+json", b'{"head": {"vars": "a"}, "results": []}'),
}


class _Answering(BaseHTTPRequestHandler):
    answer: tuple[str, bytes] = ("text/plain", b"")

    def _answer(self):
        content_type, body = self.answer
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        self._answer()

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self._answer()

    def log_message(self, *args):  # (quiet)
        pass


@pytest.fixture
def web_server():
    """A web server on a free loopback port that answers every request with what the test sets."""
    handler = type("Handler", (_Answering,), {})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.answer = lambda content_type, body: setattr(handler, "answer", (content_type, body))
    server.url = f"http://127.0.0.1:{server.server_address[1]}/query"
    yield server
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("answer", list(ANSWERS))
def test_an_endpoint_that_answers_no_sparql_results_is_a_clear_error(answer, web_server):
    content_type, body = ANSWERS[answer]
    web_server.answer(content_type, body)
    run = run_kg("query", "interactions", "--endpoint", web_server.url, timeout=30)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Traceback" not in run.stderr, run.stderr
    expected = f"Error: the endpoint {web_server.url} did not answer with SPARQL results (got {content_type.split(';')[0]}"
    assert expected in run.stderr, run.stderr
    assert run.stdout == ""
    assert run.seconds < 20


@pytest.mark.parametrize("scheme", ["file", "ftp", "data", "none"])
def test_only_web_addresses_are_endpoints_and_nothing_else_is_opened(scheme, tmp_path):
    # A named pipe: whatever opens it waits for a writer that never comes, and the test fails on time.
    trap = tmp_path / "trap"
    os.mkfifo(trap)
    url = {"file": f"file://{trap}", "ftp": "ftp://127.0.0.1/query", "data": "data:text/plain,hello",
           "none": "127.0.0.1:7878/query"}[scheme]
    run = run_kg("query", "interactions", "--endpoint", url, timeout=30)
    assert run.returncode == 2, run.stdout + run.stderr
    assert "Traceback" not in run.stderr, run.stderr
    assert "Error:" in run.stderr and "http:// or https://" in run.stderr, run.stderr
    assert run.seconds < 20


def test_export_to_a_folder_that_does_not_exist_is_a_clear_error(tmp_path, good_store):
    before = stored_quads(good_store)
    target = tmp_path / "missing" / "dir" / "x.trig"
    run = run_kg("export", "-o", str(target), "--store", str(good_store), timeout=30)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Traceback" not in run.stderr, run.stderr
    assert f"Error: cannot write {target}" in run.stderr and "No such file or directory" in run.stderr, run.stderr
    assert not (tmp_path / "missing").exists()
    assert stored_quads(good_store) == before
    assert run.seconds < 20


def test_an_error_no_command_expected_is_one_line_too(good_store, monkeypatch):
    from click.testing import CliRunner
    from kg import export as export_module
    from kg.cli import cli

    def broken_export(*args, **kwargs):
        raise TypeError("an unexpected failure")
    monkeypatch.setattr(export_module, "export", broken_export)
    result = CliRunner().invoke(cli, ["export", "--store", str(good_store)])
    assert result.exit_code == 1
    assert "Error: unexpected TypeError: an unexpected failure" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
