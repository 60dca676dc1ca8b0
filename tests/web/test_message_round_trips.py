"""What one citizen message costs the database: the conversation's row is read once, not once
to check the secret and again to answer (issue 15: every round trip is a pool checkout with its
pre-ping on PostgreSQL, paid by every message)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine, event

from tests.conftest import services_of
from tests.schema import tables as app_tables
from tests.web.citizens import conversation_in, start_api


@contextmanager
def conversation_reads(engine: Engine) -> Iterator[list[str]]:
    """The SELECTs of the conversations table run while the block runs."""
    name = app_tables().conversations.conversations.name
    seen: list[str] = []

    def on_statement(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        sql = " ".join(statement.split()).lower()
        if sql.startswith("select") and f"from {name} " in f"{sql} ":
            seen.append(sql)

    event.listen(engine, "before_cursor_execute", on_statement)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", on_statement)


def test_a_message_reads_its_conversation_once(client: TestClient) -> None:
    database = services_of(client).database
    cid = start_api(client)
    url = f"/api/v1/conversations/{cid}/messages"
    assert client.post(url, json={"text": "When are the bins emptied?"}).status_code == 200
    with conversation_reads(database) as reads:
        reply = client.post(url, json={"text": "Where do I pay a parking fine?"})
    assert reply.status_code == 200, reply.text
    assert len(reads) == 1, reads

    with conversation_reads(database) as reads:
        streamed = client.post(f"{url}/stream", json={"text": "How do I renew a library card?"})
    assert streamed.status_code == 200 and "event: done" in streamed.text
    assert len(reads) == 1, reads


def test_the_secret_is_still_checked_on_every_message(client: TestClient) -> None:
    cid = start_api(client)
    url = f"/api/v1/conversations/{cid}/messages"
    client.headers["Authorization"] = "Bearer not-the-secret"
    for path in (url, f"{url}/stream"):
        refused = client.post(path, json={"text": "When are the bins emptied?"})
        assert refused.status_code == 404, refused.text


def test_the_widgets_streamed_answer_reads_its_conversation_once(client: TestClient) -> None:
    """The widget's usual path with JavaScript: the question is posted, then the answer is
    streamed from /chat/stream/{ticket}, which checks the browser's secret and answers."""
    database = services_of(client).database
    started = client.post(
        "/chat/messages", data={"text": "When are the bins emptied?"}, follow_redirects=False
    )
    cid = conversation_in(started.headers["location"])
    posted = client.post(
        "/chat/messages",
        data={"text": "How do I get a library card?", "conversation_id": cid},
        headers={"HX-Request": "true"},
    )
    ticket = re.search(r'sse-connect="/chat/stream/([^"]+)"', posted.text)
    assert ticket is not None, posted.text[:500]
    with conversation_reads(database) as reads:
        streamed = client.get(f"/chat/stream/{ticket.group(1)}")
    assert "event: done" in streamed.text
    assert len(reads) == 1, reads
