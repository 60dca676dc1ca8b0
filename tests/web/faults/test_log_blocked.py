"""The log blocked for real: another connection holds SQLite's write lock on the app's database.

While it is held, no reply can be logged, so no word of one may reach the citizen: both
streaming paths send the paused message (which log fault, when to retry, whom to call) and no
`piece`; the API answers 503 with Retry-After; /readyz says the log is blocked. Released, the
same conversation goes on.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import create_engine, make_url, text

from audit.storage.store import APPEND_LOCK_KEY
from tests.conftest import make_settings, services_of
from tests.fakes.private_postgres import private_postgres
from tests.web.citizens import start_api
from tests.web.faults.views import (
    EMAIL,
    PHONE,
    QUESTION,
    api_stream,
    assert_fault_json,
    data_of,
    decoded,
    page_stream,
    page_ticket,
)
from web.app import create_app
from web.settings import Settings


@contextmanager
def log_held(settings: Settings) -> Iterator[None]:
    """Hold the database's write lock from a connection of our own, as a stuck writer would."""
    path = make_url(settings.resolved_database_url).database
    assert path, settings.resolved_database_url
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def _settings(data_dir: Path) -> Settings:
    # One second of waiting for the lock instead of thirty; the guard's classifier is not
    # what is under test here.
    return make_settings(data_dir, log_lock_wait_s=1.0, guard_classifier=False)


def test_a_blocked_log_shows_no_word_of_the_answer_on_either_stream(data_dir: Path) -> None:
    settings = _settings(data_dir)
    with TestClient(create_app(settings)) as client:
        services = services_of(client)
        api_id = start_api(client)
        answered = api_stream(client, api_id)
        assert data_of(answered, "piece") and data_of(answered, "done"), answered
        page_id, first = page_ticket(client)
        assert data_of(page_stream(client, first), "done")
        _, second = page_ticket(client, cid=page_id)
        size = services.log_size()
        with log_held(settings):
            api_events = api_stream(client, api_id)
            page_events = page_stream(client, second)
            size_while_held = services.log_size()
        after = api_stream(client, api_id)
    # The API stream: an error event naming the fault, and never a piece of the answer.
    assert [name for name, _ in api_events] == ["error"], api_events
    assert_fault_json(decoded(api_events[0][1]), "blocked")
    # The page's stream: no piece; its last event is the paused message, said as a fault.
    assert not data_of(page_events, "piece"), page_events
    (shown,) = data_of(page_events, "done")
    assert "blocked" in shown and PHONE in shown and EMAIL in shown, shown
    assert "permit" not in shown.lower(), "no word of the answer is shown"
    assert size_while_held == size, "nothing was logged while the log was blocked"
    # Released: the same conversation is answered again.
    assert decoded(data_of(after, "done")[0])["decision"] == "answer"


def test_a_blocked_log_is_503_with_retry_after_and_readyz_names_it(data_dir: Path) -> None:
    settings = _settings(data_dir)
    with TestClient(create_app(settings)) as client:
        cid = start_api(client)
        with log_held(settings):
            refused = client.post(f"/api/v1/conversations/{cid}/messages", json={"text": QUESTION})
            started = client.post("/api/v1/conversations", json={})
            ready = client.get("/readyz")
            alive = client.get("/healthz")
        ready_again = client.get("/readyz")
        answered = client.post(f"/api/v1/conversations/{cid}/messages", json={"text": QUESTION})
    assert refused.status_code == 503 and refused.headers["Retry-After"] == "30"
    assert_fault_json(refused.json(), "blocked")
    assert started.status_code == 503
    assert_fault_json(started.json(), "blocked")
    assert ready.status_code == 503, ready.text
    assert ready.json()["checks"]["log"].startswith("blocked"), ready.json()
    assert ready.json()["checks"]["database"] == "ok", "reading still works: only the log waits"
    assert alive.status_code == 200, "the process answers: a restart would cure nothing"
    assert ready_again.status_code == 200, ready_again.json()
    assert answered.status_code == 200 and answered.json()["decision"] == "answer"


def test_on_postgresql_a_held_log_lock_is_503_after_the_wait_not_a_hang(
    tmp_path: Path, data_dir: Path
) -> None:
    """The log's advisory lock held by another session of a private server: before the lock
    wait existed, an append waited for it without end and the citizen with it."""
    with private_postgres(tmp_path) as server:
        settings = make_settings(
            data_dir, database_url=server.url, log_lock_wait_s=1.0, guard_classifier=False
        )
        holder = create_engine(server.url)
        with TestClient(create_app(settings)) as client:
            cid = start_api(client)
            with holder.connect() as session:
                session.execute(text("SELECT pg_advisory_lock(:key)"), {"key": APPEND_LOCK_KEY})
                refused = client.post(
                    f"/api/v1/conversations/{cid}/messages", json={"text": QUESTION}
                )
                streamed = api_stream(client, cid)
                ready = client.get("/readyz")
                session.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": APPEND_LOCK_KEY})
            answered = client.post(f"/api/v1/conversations/{cid}/messages", json={"text": QUESTION})
        holder.dispose()
    assert refused.status_code == 503, refused.text
    assert_fault_json(refused.json(), "blocked")
    assert [name for name, _ in streamed] == ["error"], streamed
    assert ready.status_code == 503 and ready.json()["checks"]["log"].startswith("blocked")
    assert answered.status_code == 200 and answered.json()["decision"] == "answer"
