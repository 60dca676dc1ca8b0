"""One contract for every VectorStore: exact in-memory, Chroma embedded, and a real Chroma server."""

from __future__ import annotations

import os
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import numpy as np
import pytest

from knowledge.chroma_store import persistent_store, server_store
from knowledge.embeddings import normalise
from knowledge.vector_store import ExactVectorStore, VectorStore
from tests.needs import missing

CHROMA = Path(os.environ.get("VIRTUAL_ENV", ".venv")) / "bin" / "chroma"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    """`chroma run` on loopback, for as long as this module's tests need it."""
    chroma = CHROMA if CHROMA.exists() else Path(".venv/bin/chroma")
    if not chroma.exists():
        missing("the chroma CLI is not installed (pip install chromadb)")
    port = _free_port()
    data = tmp_path_factory.mktemp("chroma-server")
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


StoreFactory = Callable[[str], VectorStore]


@pytest.fixture(params=["exact", "chroma-persistent", "chroma-server"])
def make_store(request: pytest.FixtureRequest, tmp_path: Path) -> StoreFactory:
    if request.param == "exact":
        return lambda name: ExactVectorStore()
    if request.param == "chroma-persistent":
        return lambda name: persistent_store(tmp_path / "chroma", name)
    host, port = request.getfixturevalue("chroma_server")
    return lambda name: server_store(host, port, f"{name}-{tmp_path.name}"[:60])


def _vectors(n: int, seed: int = 7) -> np.ndarray:
    return normalise(np.random.default_rng(seed).normal(size=(n, 16)))


def test_nearest_vector_comes_first_with_cosine_score(make_store: StoreFactory) -> None:
    store = make_store("nearest")
    vectors = _vectors(50)
    store.add(vectors, ["en"] * 50)
    hits = store.search(vectors[17], None, 5)
    assert hits.positions[0] == 17
    assert hits.scores[0] == pytest.approx(1.0, abs=1e-4)
    assert list(hits.scores) == sorted(hits.scores, reverse=True)
    assert store.count() == 50


def test_language_filter(make_store: StoreFactory) -> None:
    store = make_store("language")
    vectors = _vectors(40)
    langs = ["en" if i % 2 else "fr" for i in range(40)]
    store.add(vectors, langs)
    hits = store.search(vectors[4], "en", 10)
    assert len(hits) == 10
    assert all(langs[p] == "en" for p in hits.positions)
    assert 4 not in hits.positions
    assert len(store.search(vectors[4], "de", 10)) == 0


def test_positions_continue_across_adds(make_store: StoreFactory) -> None:
    store = make_store("appending")
    vectors = _vectors(30)
    store.add(vectors[:10], ["en"] * 10)
    store.add(vectors[10:], ["en"] * 20)
    assert store.search(vectors[25], None, 1).positions[0] == 25
    assert store.count() == 30


def test_empty_store_finds_nothing(make_store: StoreFactory) -> None:
    assert len(make_store("empty").search(_vectors(1)[0], None, 5)) == 0


def test_mismatched_languages_are_refused(make_store: StoreFactory) -> None:
    with pytest.raises(ValueError, match="one language per vector"):
        make_store("mismatch").add(_vectors(3), ["en"])
