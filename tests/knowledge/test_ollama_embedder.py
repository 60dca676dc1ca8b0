"""The Ollama embedder through the real langchain-ollama client, against a fake Ollama on loopback."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import numpy as np
import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from knowledge.embeddings import EmbedderUnavailable
from knowledge.ollama_embedder import OllamaEmbedder

SEEN: list[dict[str, object]] = []


async def _embed(request: Request) -> JSONResponse:
    body = await request.json()
    SEEN.append(body)
    if body["model"] == "missing":
        return JSONResponse({"error": "model 'missing' not found"}, status_code=404)
    inputs = body["input"] if isinstance(body["input"], list) else [body["input"]]
    # A vector the test can predict: (length, count of "a", 1), before normalisation.
    vectors = [[float(len(t)), float(t.count("a")), 1.0] for t in inputs]
    return JSONResponse({"model": body["model"], "embeddings": vectors})


@pytest.fixture
def ollama_url() -> Iterator[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = Starlette(routes=[Route("/api/embed", _embed, methods=["POST"])])
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    SEEN.clear()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def test_vectors_come_back_normalised_in_order(ollama_url: str) -> None:
    with OllamaEmbedder(ollama_url, "fake-embed") as embedder:
        vectors = embedder.embed(["aa", "bbbb"])
        dim = embedder.dim
    expected = np.array([[2.0, 2.0, 1.0], [4.0, 0.0, 1.0]], dtype=np.float32)
    expected /= np.linalg.norm(expected, axis=1, keepdims=True)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(vectors, expected, rtol=1e-6)
    assert SEEN[-1]["model"] == "fake-embed"
    assert SEEN[-1]["input"] == ["aa", "bbbb"]
    assert dim == 3
    assert embedder.name == "ollama:fake-embed"


def test_dimension_is_probed_when_asked_first(ollama_url: str) -> None:
    with OllamaEmbedder(ollama_url, "fake-embed") as embedder:
        assert embedder.dim == 3


def test_unknown_model_is_a_typed_error(ollama_url: str) -> None:
    with (
        OllamaEmbedder(ollama_url, "missing") as embedder,
        pytest.raises(EmbedderUnavailable, match="missing"),
    ):
        embedder.embed(["x"])


def test_server_down_is_a_typed_error() -> None:
    with (
        OllamaEmbedder("http://127.0.0.1:9", "fake-embed", timeout=2) as embedder,
        pytest.raises(EmbedderUnavailable, match="failed"),
    ):
        embedder.embed(["x"])
