"""A real Chroma server (`chroma run`) on loopback, for the tests that need one."""

from __future__ import annotations

import os
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from tests.needs import missing

CHROMA = Path(os.environ.get("VIRTUAL_ENV", ".venv")) / "bin" / "chroma"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def chroma_server(data: Path) -> Iterator[tuple[str, int]]:
    """`chroma run` storing under `data`, on a free loopback port: (host, port) once it answers."""
    chroma = CHROMA if CHROMA.exists() else Path(".venv/bin/chroma")
    if not chroma.exists():
        missing("the chroma CLI is not installed (pip install chromadb)")
    port = _free_port()
    log = (data / "server.log").open("wb")
    server = subprocess.Popen(
        [
            str(chroma),
            "run",
            "--path",
            str(data / "db"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/v2/heartbeat").status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        else:
            pytest.fail("chroma run did not answer within 60 s")
        yield "127.0.0.1", port
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
