"""What one citizen message costs the database: the conversation's row is read once, not once
to check the secret and again to answer (issue 15: every round trip is a pool checkout with its
pre-ping on PostgreSQL, paid by every message)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
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


@contextmanager
def thread_pool_hops(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The functions handed to the thread pool while the block runs (each is a hop from the
    event loop to a worker thread and back: CPU on both, and a wait for a free worker)."""
    import anyio.to_thread

    hops: list[str] = []
    run_sync = anyio.to_thread.run_sync

    async def counted(function: Any, *args: Any, **kwargs: Any) -> Any:
        hops.append(getattr(function, "__name__", repr(function)))
        return await run_sync(function, *args, **kwargs)

    monkeypatch.setattr(anyio.to_thread, "run_sync", counted)
    yield hops


def test_a_message_hops_to_the_thread_pool_once(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 15: the blocking work of a message (the engine) goes to the pool in one hop; the
    dependency that hands the routes their services and the reply's validation do not need
    a thread of their own (each was a hop of its own: three per message)."""
    cid = start_api(client)
    url = f"/api/v1/conversations/{cid}/messages"
    with thread_pool_hops(monkeypatch) as hops:
        reply = client.post(url, json={"text": "Where do I pay a parking fine?"})
    assert reply.status_code == 200, reply.text
    assert reply.json()["decision"] in ("answer", "refuse")
    assert len(hops) == 1, hops
    with thread_pool_hops(monkeypatch) as hops:
        started = client.post("/api/v1/conversations", json={"lang": "fr"})
    assert started.status_code == 201 and started.json()["lang"] == "fr"
    assert len(hops) == 1, hops


def test_errors_keep_their_answers_with_one_hop(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The look-alikes: a wrong secret, an empty message, an unknown language still get
    their own answers (404, 422) as before."""
    cid = start_api(client)
    url = f"/api/v1/conversations/{cid}/messages"
    assert client.post(url, json={"text": "   "}).status_code == 422
    unknown = client.post("/api/v1/conversations", json={"lang": "xx"})
    assert unknown.status_code == 422 and "Unknown language" in unknown.json()["error"]
    client.headers["Authorization"] = "Bearer not-the-secret"
    with thread_pool_hops(monkeypatch) as hops:
        refused = client.post(url, json={"text": "When are the bins emptied?"})
    assert refused.status_code == 404, refused.text
    assert len(hops) == 1, hops
