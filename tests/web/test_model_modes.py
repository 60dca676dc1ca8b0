"""Answer modes end to end: Ollama (a real HTTP fake on loopback, the real client), and fallbacks."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from tests.conftest import make_settings
from tests.fakes.ollama_server import start_fake_ollama
from web.app import create_app

QUESTION = "How many resident parking permits can a household have?"


def ask(client: TestClient, text: str) -> dict[str, object]:
    cid = client.post("/api/v1/conversations", json={}).json()["id"]
    r = client.post(f"/api/v1/conversations/{cid}/messages", json={"text": text})
    assert r.status_code == 200, r.text
    body: dict[str, object] = r.json()
    return body


def test_auto_mode_uses_ollama_when_it_answers(data_dir: Path) -> None:
    grounded = "Each household can have up to 2 resident permits [1]."
    with start_fake_ollama([grounded] * 4, models=("fake:latest",)) as ollama:
        settings = make_settings(
            data_dir, answer_mode="auto", ollama_url=ollama.base_url, ollama_model="fake:latest"
        )
        with TestClient(create_app(settings)) as client:
            assert client.app.state.services.engine.answer_mode == "ollama:fake:latest"  # type: ignore[attr-defined]
            body = ask(client, QUESTION)
    assert body["decision"] == "answer"
    assert body["mode"] == "ollama:fake:latest", body
    assert "up to 2 resident permits [1]" in str(body["text"])
    assert ollama.requests, "the model was asked"
    citations = body["citations"]
    assert isinstance(citations, list) and citations[0]["doc_id"] == "en/parking-permits"


def test_an_ungrounded_model_answer_falls_back_to_quoting(data_dir: Path) -> None:
    invented = "You can have as many permits as you like and they are free [1]."
    with start_fake_ollama([invented] * 4) as ollama:
        settings = make_settings(
            data_dir, answer_mode="ollama", ollama_url=ollama.base_url, ollama_model="fake:latest"
        )
        with TestClient(create_app(settings)) as client:
            body = ask(client, QUESTION)
    assert body["decision"] == "answer"
    assert body["mode"] == "extractive"
    assert body["reason"] == "answered.citation_check_failed"
    assert "as many permits as you like" not in str(body["text"])


def test_a_broken_model_server_never_breaks_the_chat(data_dir: Path) -> None:
    with start_fake_ollama(garbage="html_500") as ollama:
        settings = make_settings(
            data_dir, answer_mode="ollama", ollama_url=ollama.base_url, ollama_model="fake:latest"
        )
        with TestClient(create_app(settings)) as client:
            body = ask(client, QUESTION)
    assert body["decision"] == "answer"
    assert body["reason"] == "answered.model_unavailable"
    assert body["mode"] == "extractive"


def test_auto_mode_without_a_server_is_extractive(data_dir: Path) -> None:
    settings = make_settings(data_dir, answer_mode="auto", ollama_url="http://127.0.0.1:9")
    with TestClient(create_app(settings)) as client:
        assert client.app.state.services.engine.answer_mode == "extractive"  # type: ignore[attr-defined]
        notes = client.app.state.services.startup_notes  # type: ignore[attr-defined]
        assert any("No Ollama server" in n for n in notes)
