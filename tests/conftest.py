"""Shared fixtures: the seeds built once per session, and Oxigraph servers on free loopback ports.

The server is the `oxigraph` package's binary (a test dependency, installed beside this Python).
It runs with --union-default-graph because the saved queries read the union of the named
graphs as their default graph, as the embedded store does (KGStore.query).
"""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def oxigraph_binary() -> str | None:
    return shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class OxigraphServer:
    """`oxigraph serve` on a free loopback port, started and stopped by the test that owns it."""

    def __init__(self, location: Path):
        self.location = location
        self.process: subprocess.Popen | None = None
        self.port = 0

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def store_url(self) -> str:
        return f"{self.base}/store"

    @property
    def query_url(self) -> str:
        return f"{self.base}/query"

    @property
    def update_url(self) -> str:
        return f"{self.base}/update"

    def start(self) -> "OxigraphServer":
        binary = oxigraph_binary()
        if binary is None:
            pytest.skip("the oxigraph server is not installed (pip install oxigraph)")
        self.port = free_port()
        self.process = subprocess.Popen(
            [binary, "serve", "--location", str(self.location), "--bind", f"127.0.0.1:{self.port}",
             "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"oxigraph serve exited: {self.process.stderr.read().decode(errors='replace')}")
            try:
                with urllib.request.urlopen(f"{self.query_url}?query=ASK%7B%7D", timeout=1) as answer:
                    if answer.status == 200:
                        return self
            except (urllib.error.URLError, OSError):
                time.sleep(0.02)
        self.stop()
        raise RuntimeError(f"oxigraph serve did not answer on port {self.port}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process is not None and self.process.stderr:
            self.process.stderr.close()
        self.process = None

    def quads(self) -> list[str]:
        """The whole dataset as N-Quads lines (GSP GET of the store, default graph included)."""
        request = urllib.request.Request(self.store_url, headers={"Accept": "application/n-quads"})
        with urllib.request.urlopen(request, timeout=30) as answer:
            return [line for line in answer.read().decode("utf-8").splitlines() if line.strip()]

    def quad_count(self) -> int:
        return len(self.quads())


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory):
    """The seeds built once into a fresh store (the embedded pyoxigraph store)."""
    from kg.build import build
    from kg.store import KGStore
    store = KGStore(tmp_path_factory.mktemp("seed-store") / "store")
    summary = build([str(SEEDS)], store)
    assert summary.mapped == 5 and not summary.errors, summary.lines()
    return store


@pytest.fixture
def oxigraph(tmp_path):
    """A fresh, empty Oxigraph server for one test; stopped at its end."""
    server = OxigraphServer(tmp_path / "oxigraph").start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def seeded_server(tmp_path_factory, seed_store):
    """One Oxigraph server holding the pushed seeds, shared by the read-only remote tests."""
    from kg.push import endpoints, push
    server = OxigraphServer(tmp_path_factory.mktemp("seeded-oxigraph") / "data").start()
    try:
        summary = push(seed_store, endpoints(server.store_url))
        assert summary.pushed == 7 and not summary.failed, summary.errors  # 5 articles, resolution, reference
        yield server
    finally:
        server.stop()


CORPUS = ROOT / "tests" / "corpus"


@pytest.fixture(scope="session")
def workbench_store(tmp_path_factory):
    """The seeds and tests/corpus built once into a store, for kg serve's tests and browser tests."""
    from kg.build import build
    from kg.store import KGStore
    store = KGStore(tmp_path_factory.mktemp("workbench-store") / "store")
    summary = build([str(SEEDS), str(CORPUS)], store, jobs=1)
    assert summary.mapped >= 35 and not summary.errors, summary.lines()
    return store
