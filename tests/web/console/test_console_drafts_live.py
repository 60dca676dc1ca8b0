"""A held answer reaches the citizen's open page through the live channel once approved
(a real app process on loopback, SQLite, in-process events)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine

from tests.e2e.live_server import LiveServer, server_environment, start_server
from tests.schema import tables
from tests.web.console.conftest import PASSWORD
from tests.web.console.test_console_replicas import Stream
from web.auth.accounts import AccountStore
from web.auth.passwords import PasswordHashing

REPO = Path(__file__).resolve().parents[3]
pytestmark = pytest.mark.slow


@pytest.fixture
def server(demo_index: Path, tmp_path: Path) -> Iterator[LiveServer]:
    data = tmp_path / "data"
    shutil.copytree(demo_index, data / "kb", symlinks=True)
    env = server_environment(
        {
            "OPENCOUNTER_ANSWER_MODE": "extractive",
            "OPENCOUNTER_DRAFT_APPROVAL_TOPICS": "en/housing-benefit",
            "PYTHONPATH": str(REPO),
        }
    )
    running = start_server(data, env)
    try:
        engine = create_engine(f"sqlite:///{data / 'opencounter.db'}")
        AccountStore(engine, tables().accounts).add(
            "hana", PasswordHashing().hash(PASSWORD), "caseworker"
        )
        engine.dispose()
        yield running
    finally:
        running.stop()


def test_approved_answer_arrives_on_the_citizens_live_link(server: LiveServer) -> None:
    with (
        httpx.Client(base_url=server.url) as citizen,
        httpx.Client(base_url=server.url) as citizen_stream,
        httpx.Client(base_url=server.url) as caseworker,
    ):
        r = citizen.post("/chat/messages", data={"text": "How do I apply for housing benefit?"})
        cid = re.search(r"c=([A-Za-z0-9_-]+)", r.headers["location"]).group(1)  # type: ignore[union-attr]
        citizen_stream.cookies = citizen.cookies  # the same browser: its conversation cookie
        live = Stream(citizen_stream, f"/chat/live?c={cid}&lang=en&after=0")

        form = caseworker.get("/login").text
        token = re.search(r'name="csrf" value="([0-9a-f]+)"', form).group(1)  # type: ignore[union-attr]
        caseworker.post("/login", data={"username": "hana", "password": PASSWORD, "csrf": token})
        queue = caseworker.get("/console").text
        handoff = re.search(r'data-handoff="(\d+)"', queue).group(1)  # type: ignore[union-attr]
        csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', queue).group(1)  # type: ignore[union-attr]
        caseworker.post(f"/console/handoffs/{handoff}/claim", data={"csrf": csrf})
        view = caseworker.get(f"/console/handoffs/{handoff}").text
        draft = re.search(r'<blockquote class="cs-draft-text">(.*?)</blockquote>', view, re.S)
        assert draft is not None
        assert "checked by a person" not in live.received

        caseworker.post(f"/console/handoffs/{handoff}/draft/approve", data={"csrf": csrf})
        assert live.wait_for("checked by a person"), live.received[-2000:]
        assert draft.group(1)[-40:] in live.received
