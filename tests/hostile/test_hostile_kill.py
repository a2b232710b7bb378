"""A build killed with SIGKILL (by the out-of-memory killer, a CI timeout, kill -9) cannot stop its
worker processes: they must see their parent die and exit by themselves."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hostile_helpers import ROOT

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
ARTICLES = 3000  # enough that the workers are still mapping when the build is killed


def _stat(pid: int) -> list[str] | None:
    """The fields of /proc/PID/stat after the command's name (state first), or None when gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text[text.rindex(")") + 2:].split()


def _running(pid: int) -> bool:
    fields = _stat(pid)
    return fields is not None and fields[0] not in ("Z", "X")  # (a zombie has exited: nobody reaped it yet)


def _workers_of(parent: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            fields = _stat(int(entry.name))
            if fields is not None and int(fields[1]) == parent and _running(int(entry.name)):
                try:
                    command = (entry / "cmdline").read_bytes()
                except OSError:
                    continue
                if b"spawn_main" in command:
                    found.append(int(entry.name))
    return found


def _cpu_seconds(pid: int) -> float:
    fields = _stat(pid)
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK") if fields else 0.0


def test_the_workers_exit_when_the_build_is_killed(tmp_path):
    corpus = tmp_path / "corpus"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--count", str(ARTICLES),
                    "--out", str(corpus), "--format", "jsonl"], check=True, capture_output=True, timeout=60)
    build = subprocess.Popen([sys.executable, "-m", "kg", "build", str(corpus), "--jobs", "2",
                              "--store", str(tmp_path / "store"), "--no-progress"],
                             cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and build.poll() is None:
            workers = _workers_of(build.pid)
            # both started, and past their start-up (about a second of CPU): mapping
            if len(workers) == 2 and all(_cpu_seconds(w) > 1.2 for w in workers):
                break
            time.sleep(0.05)
        assert build.poll() is None and len(workers) == 2, "the build did not start two workers"
        os.kill(build.pid, signal.SIGKILL)
        build.wait(timeout=10)
        deadline = time.monotonic() + 5
        while any(map(_running, workers)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [w for w in workers if _running(w)], "workers still running 5 s after their build was killed"
    finally:
        build.kill()
        build.wait()
        for worker in workers:
            if _running(worker):
                os.kill(worker, signal.SIGKILL)
