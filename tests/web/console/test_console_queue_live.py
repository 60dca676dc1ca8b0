"""The console's queue updates live: a caseworker's open event stream receives the new handoff
as soon as a citizen asks for a person (a real app process on loopback, SQLite, in-process
events)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, text

from tests.e2e.live_server import LiveServer, server_environment, start_server
from tests.schema import tables
from tests.web.console.conftest import PASSWORD
from tests.web.console.test_console_replicas import Stream
from web.auth.accounts import AccountStore
from web.auth.passwords import PasswordHashing

REPO = Path(__file__).resolve().parents[3]
pytestmark = pytest.mark.slow


@pytest.fixture
def server(demo_index: Path, tmp_path: Path) -> Iterator[tuple[LiveServer, Path]]:
    data = tmp_path / "data"
    shutil.copytree(demo_index, data / "kb", symlinks=True)
    env = server_environment({"OPENCOUNTER_ANSWER_MODE": "extractive", "PYTHONPATH": str(REPO)})
    running = start_server(data, env)
    try:
        engine = create_engine(f"sqlite:///{data / 'opencounter.db'}")
        AccountStore(engine, tables().accounts).add(
            "ines", PasswordHashing().hash(PASSWORD), "caseworker"
        )
        engine.dispose()
        yield running, data / "opencounter.db"
    finally:
        running.stop()


def _handoff_of(database: Path, conversation_id: str) -> tuple[int, str]:
    """The id and reason of the conversation's one handoff, as the app stored it."""
    engine = create_engine(f"sqlite:///{database}")
    try:
        with engine.connect() as db:
            row = db.execute(
                text("SELECT id, reason FROM bot_handoffs WHERE conversation_id = :c"),
                {"c": conversation_id},
            ).one()
    finally:
        engine.dispose()
    return int(row.id), str(row.reason)


def test_queue_stream_delivers_the_new_handoff(server: tuple[LiveServer, Path]) -> None:
    live_server, database = server
    with (
        httpx.Client(base_url=live_server.url) as caseworker,
        httpx.Client(base_url=live_server.url) as caseworker_stream,
        httpx.Client(base_url=live_server.url) as citizen,
    ):
        form = caseworker.get("/login").text
        token = re.search(r'name="csrf" value="([0-9a-f]+)"', form).group(1)  # type: ignore[union-attr]
        signed_in = caseworker.post(
            "/login", data={"username": "ines", "password": PASSWORD, "csrf": token}
        )
        assert signed_in.status_code == 303, signed_in.text
        assert "Nobody is waiting." in caseworker.get("/console").text
        caseworker_stream.cookies = caseworker.cookies
        queue = Stream(caseworker_stream, "/console/events")
        assert "data-handoff" not in queue.received

        r = citizen.post("/chat/person", data={"lang": "en"}, follow_redirects=False)
        assert r.status_code == 303, r.text
        cid = re.search(r"c=([A-Za-z0-9_-]+)", r.headers["location"]).group(1)  # type: ignore[union-attr]
        handoff, reason = _handoff_of(database, cid)

        assert queue.wait_for(f'data-handoff="{handoff}"'), queue.received[-2000:]
        assert "event: queue" in queue.received
        fragment = queue.received.split("event: queue", 1)[1]
        assert "Waiting (1)" in fragment
        assert f"<td>{reason}</td>" in fragment
        assert f'action="/console/handoffs/{handoff}/claim"' in fragment
