"""An embedder that fails during a question: the app ranks that question by BM25 and says so.

The index is built through the real Ollama embedder against the fake Ollama server on loopback;
then the server breaks (HTTP 500, slower than the timeout, vectors of the wrong size, NaN) and a
citizen asks through the API.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from knowledge.fusion import FusionWeights
from knowledge.ingest import ingest
from knowledge.ollama_embedder import OllamaEmbedder
from tests.conftest import DEMO_KB, make_settings
from tests.fakes.ollama_server import RunningFakeOllama, start_fake_ollama
from tests.web.citizens import ask_api
from web.app import create_app

QUESTION = "How do I apply for a resident parking permit?"


@pytest.fixture
def ollama() -> Iterator[RunningFakeOllama]:
    with start_fake_ollama() as server:
        yield server


@pytest.fixture
def ollama_data(tmp_path: Path, ollama: RunningFakeOllama) -> Path:
    """A data directory whose index holds the fake Ollama embedder's vectors."""
    data = tmp_path / "data"
    with OllamaEmbedder(ollama.base_url, "fake-embed") as embedder:
        report = ingest(
            DEMO_KB,
            data / "kb",
            embedder=embedder,
            embed_languages=FusionWeights().dense_languages(),
        )
    assert not report.failed and not report.lexical_only
    return data


def ask(client: TestClient) -> dict[str, object]:
    return ask_api(client, QUESTION)


@pytest.mark.parametrize("failure", ["error_500", "slow", "wrong_size", "nan"])
def test_a_failing_embedder_gives_a_bm25_answer_not_an_error(
    ollama: RunningFakeOllama, ollama_data: Path, failure: str
) -> None:
    settings = make_settings(
        ollama_data,
        embedder="ollama",
        ollama_url=ollama.base_url,
        ollama_embed_model="fake-embed",
        embed_timeout_s=0.5,
    )
    with TestClient(create_app(settings)) as client:
        working = ask(client)
        if failure == "slow":
            ollama.behaviour.embed_delay_s = 3.0  # past the 0.5 s timeout
        else:
            ollama.behaviour.embed_garbage = failure  # type: ignore[assignment]
        broken = ask(client)
        ollama.behaviour.embed_delay_s, ollama.behaviour.embed_garbage = 0.0, None
        recovered = ask(client)
    assert working["reason"] == "answered", working
    assert broken["decision"] == "answer", broken
    assert broken["reason"] == "answered.lexical_fallback"
    citations = broken["citations"]
    assert isinstance(citations, list) and citations[0]["doc_id"] == "en/parking-permits"
    assert recovered["reason"] == "answered", "the next question uses the embedder again"
