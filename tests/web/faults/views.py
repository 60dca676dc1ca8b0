"""What a citizen sees during a fault, read the way a browser or an API client reads it."""

from __future__ import annotations

import json
import re

from fastapi.testclient import TestClient

QUESTION = "How many resident parking permits can a household have?"
# The demo organisation's contacts (bot/config/organisation.yaml): a fault page gives them.
PHONE = "020 7946 0000"
EMAIL = "contact@exampleton.example"


def sse(body: str) -> list[tuple[str, str]]:
    """(event, data) pairs of a server-sent event stream; multi-line data joined by newlines."""
    events = []
    for block in body.strip().split("\n\n"):
        name, data = "", []
        for line in block.splitlines():
            if line.startswith("event: "):
                name = line[len("event: ") :]
            elif line.startswith("data: "):
                data.append(line[len("data: ") :])
        events.append((name, "\n".join(data)))
    return events


def api_stream(client: TestClient, cid: str, text: str = QUESTION) -> list[tuple[str, str]]:
    with client.stream(
        "POST", f"/api/v1/conversations/{cid}/messages/stream", json={"text": text}
    ) as response:
        assert response.status_code == 200, response.read()
        return sse("".join(response.iter_text()))


def page_ticket(client: TestClient, text: str = QUESTION, cid: str = "") -> tuple[str, str]:
    """Post a question as the widget does with JavaScript; (conversation id, stream ticket)."""
    posted = client.post(
        "/chat/messages",
        data={"text": text, "conversation_id": cid, "lang": "en", "view": "page"},
        headers={"HX-Request": "true"},
    )
    assert posted.status_code == 200, posted.text
    ticket = re.search(r"/chat/stream/([A-Za-z0-9_-]+)", posted.text)
    conversation = re.search(r'class="oc-conversation" value="([A-Za-z0-9_-]+)"', posted.text)
    assert ticket and conversation, posted.text
    return conversation.group(1), ticket.group(1)


def page_stream(client: TestClient, ticket: str) -> list[tuple[str, str]]:
    with client.stream("GET", f"/chat/stream/{ticket}") as response:
        assert response.status_code == 200
        return sse("".join(response.iter_text()))


def assert_fault_json(response_json: dict[str, object], fault: str) -> None:
    """The API's 503 body: names the fault, says when to retry and whom to reach."""
    assert response_json["fault"] == fault, response_json
    error = str(response_json["error"])
    assert "nothing was recorded" in error and PHONE in error and EMAIL in error, error


def data_of(events: list[tuple[str, str]], name: str) -> list[str]:
    return [data for event, data in events if event == name]


def decoded(data: str) -> dict[str, object]:
    value: dict[str, object] = json.loads(data)
    return value
