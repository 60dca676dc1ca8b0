"""How tests act as a citizen: start a conversation and hold its secret, as a real client does."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient


def start_api(client: TestClient, lang: str | None = None) -> str:
    """Start a conversation through the API; the client then sends its bearer token."""
    body = {} if lang is None else {"lang": lang}
    started = client.post("/api/v1/conversations", json=body)
    assert started.status_code == 201, started.text
    client.headers["Authorization"] = f"Bearer {started.json()['token']}"
    return str(started.json()["id"])


def ask_api(client: TestClient, text: str, lang: str = "en") -> dict[str, object]:
    """A new conversation, one message through the API; the reply's JSON (status 200)."""
    cid = start_api(client, lang)
    reply = client.post(f"/api/v1/conversations/{cid}/messages", json={"text": text})
    assert reply.status_code == 200, reply.text
    body: dict[str, object] = reply.json()
    return body


def conversation_in(location: str) -> str:
    """The conversation id in a widget redirect (the browser holds its cookie)."""
    found = re.search(r"c=([A-Za-z0-9_-]+)", location)
    assert found is not None, location
    return found.group(1)
