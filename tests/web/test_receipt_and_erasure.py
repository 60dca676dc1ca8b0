"""A citizen downloads a receipt that verifies offline, and erases the conversation."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from audit.receipt import verify_receipt
from web.app import create_app
from web.settings import Settings


def start(client: TestClient) -> str:
    r = client.post(
        "/chat/messages", data={"text": "How do I get a library card?"}, follow_redirects=False
    )
    return re.search(r"c=([A-Za-z0-9_-]+)", r.headers["location"]).group(1)  # type: ignore[union-attr]


def test_receipt_downloads_and_verifies_offline(settings: Settings) -> None:
    with TestClient(create_app(settings)) as client:
        cid = start(client)
        assert "Download a receipt" in client.get(f"/chat?c={cid}").text
        r = client.get(f"/chat/receipt?conversation_id={cid}")
        assert r.status_code == 200
        assert "attachment" in r.headers["content-disposition"]
        key = client.get("/audit/key").text.strip()
    report = verify_receipt(r.content, key)
    assert report.ok, report
    assert report.entries == 3  # disclosure, message, answer


def test_receipt_for_no_conversation_is_a_readable_404(settings: Settings) -> None:
    with TestClient(create_app(settings)) as client:
        r = client.get("/chat/receipt?conversation_id=")
        assert r.status_code == 404
        assert "Ask a question first" in r.text


def test_erasure_makes_the_words_unreadable_and_the_log_still_verifies(settings: Settings) -> None:
    with TestClient(create_app(settings)) as client:
        cid = start(client)
        services = client.app.state.services  # type: ignore[attr-defined]
        size = services.log_size()
        r = client.post("/chat/erase", data={"conversation_id": cid})
        assert r.status_code == 200
        assert "was erased" in r.text
        assert services.log_size() == size + 1
        assert services.conversation_entries(cid)[-1]["type"] == "erasure"
        assert all(t.text == "[erased]" for t in services.transcript(cid))
        assert client.get(f"/chat?c={cid}").status_code == 404
        again = client.post("/chat/messages", data={"text": "hello", "conversation_id": cid})
        assert again.status_code == 404
        from audit.note import parse_verifier_key
        from audit.verify import verify_log

        report = verify_log(services.log, parse_verifier_key(services.log.verifier_key))
        assert report.ok, report
