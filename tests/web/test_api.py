"""The JSON API end to end: real app, real demo index, real log in a temporary data directory."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.conftest import services_of
from tests.web.citizens import start_api


def start(client: TestClient, lang: str = "en") -> str:
    return start_api(client, lang)


def log_size(client: TestClient) -> int:
    return services_of(client).log_size()


def test_start_returns_id_and_disclosure(client: TestClient) -> None:
    r = client.post("/api/v1/conversations", json={"lang": "fr"})
    assert r.status_code == 201
    body = r.json()
    assert len(body["id"]) >= 16
    assert body["disclosure"]["version"] == services_of(client).disclosure.version
    assert "intelligence artificielle" in body["disclosure"]["heading"]


@pytest.mark.parametrize(
    ("question", "lang", "doc_id"),
    [
        ("How do I apply for a resident parking permit?", "en", "en/parking-permits"),
        ("How do I register the birth of my baby?", "en", "en/birth-registration"),
        (
            "When are the bins collected and what goes in the recycling?",
            "en",
            "en/waste-collection",
        ),
    ],
)
def test_question_from_the_kb_is_answered_with_the_right_citation(
    client: TestClient, question: str, lang: str, doc_id: str
) -> None:
    cid = start(client, lang)
    r = client.post(f"/api/v1/conversations/{cid}/messages", json={"text": question})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["decision"] == "answer"
    assert body["ai_generated"] is True
    assert doc_id in [c["doc_id"] for c in body["citations"]]
    cited = next(c for c in body["citations"] if c["doc_id"] == doc_id)
    assert cited["url"].startswith("https://www.exampleton.example/")
    assert cited["title"]
    assert "[1]" in body["text"]


def test_unrelated_question_is_refused_with_the_contact(client: TestClient) -> None:
    cid = start(client)
    r = client.post(
        f"/api/v1/conversations/{cid}/messages",
        json={"text": "Who won the football world cup in 1966?"},
    )
    assert r.status_code == 200
    body = r.json()
    assert body["decision"] == "refuse"
    assert body["citations"] == []
    assert "020 7946 0000" in body["text"]


def test_each_message_and_answer_adds_a_log_entry(client: TestClient) -> None:
    before = log_size(client)
    cid = start(client)
    assert log_size(client) == before + 1  # the disclosure shown
    client.post(
        f"/api/v1/conversations/{cid}/messages", json={"text": "How do I get a library card?"}
    )
    assert log_size(client) == before + 3


def test_asking_for_a_person_is_logged_and_gives_contacts(client: TestClient) -> None:
    cid = start(client)
    before = log_size(client)
    r = client.post(f"/api/v1/conversations/{cid}/escalations")
    assert r.status_code == 200
    assert r.json()["decision"] == "escalate"
    assert "contact@exampleton.example" in r.json()["text"]
    assert log_size(client) == before + 1


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        (b'{"text": ""}', 422, "empty"),
        (b'{"text": "   \\n  "}', 422, "empty"),
        (('{"text": "' + "a" * 20_000 + '"}').encode(), 422, "too long"),
        (b'{"text": "caf\xe9 \xff\xfe"}', 400, "UTF-8"),
        (b'{"text": 42}', 422, "text"),
        (b'{"text": "a"', 422, "not understood"),
        (b"[" * 5000 + b"]" * 5000, 400, "nested"),
        (b'{"words": "hello"}', 422, "text"),
    ],
)
def test_bad_input_gets_a_clear_4xx_and_writes_nothing(
    client: TestClient, body: bytes, status: int, words: str
) -> None:
    cid = start(client)
    before = log_size(client)
    r = client.post(
        f"/api/v1/conversations/{cid}/messages",
        content=body,
        headers={"content-type": "application/json"},
    )
    assert r.status_code == status, r.text
    assert words.lower() in r.json()["error"].lower()
    assert log_size(client) == before
    assert services_of(client).store.turns(cid) == []


def test_unknown_conversation_is_a_404_with_advice(client: TestClient) -> None:
    before = log_size(client)
    r = client.post("/api/v1/conversations/doesnotexist/messages", json={"text": "hello"})
    assert r.status_code == 404
    assert "POST /api/v1/conversations" in r.json()["error"]
    assert log_size(client) == before


def test_unknown_language_is_refused(client: TestClient) -> None:
    r = client.post("/api/v1/conversations", json={"lang": "xx"})
    assert r.status_code == 422
    assert "en, fr" in r.json()["error"]


def test_openapi_docs_are_served(client: TestClient) -> None:
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert "/api/v1/conversations/{conversation_id}/messages" in paths
