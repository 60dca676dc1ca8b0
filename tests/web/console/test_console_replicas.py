"""Two real app processes on loopback sharing PostgreSQL: a citizen on one and a caseworker on
the other exchange messages live through LISTEN/NOTIFY."""

from __future__ import annotations

import re
import secrets
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine

from audit.note import generate_signer
from audit.storage.vault import generate_master_key
from tests.e2e.live_server import LiveServer, server_environment, start_server
from tests.schema import tables
from tests.web.console.conftest import PASSWORD
from web.auth.accounts import AccountStore
from web.auth.passwords import PasswordHashing

REPO = Path(__file__).resolve().parents[3]
ORIGIN = "exampleton.example/opencounter/log"
pytestmark = [pytest.mark.postgres, pytest.mark.slow]


@pytest.fixture
def replicas(
    postgres_url: str, demo_index: Path, tmp_path: Path
) -> Iterator[tuple[LiveServer, LiveServer]]:
    env = server_environment(
        {
            "OPENCOUNTER_ANSWER_MODE": "extractive",
            "OPENCOUNTER_DATABASE_URL": postgres_url,
            # Replicas share the keys, as they would share them from a secret store.
            "OPENCOUNTER_VAULT_KEY": generate_master_key(),
            "OPENCOUNTER_LOG_SIGNING_KEY": generate_signer(ORIGIN).to_string(),
            "OPENCOUNTER_SECRET_KEY": secrets.token_urlsafe(32),
            # One channel per test: NOTIFY is database-wide, schemas do not separate it.
            "OPENCOUNTER_EVENTS_CHANNEL": f"t_{secrets.token_hex(6)}",
            "PYTHONPATH": str(REPO),
        }
    )
    servers: list[LiveServer] = []
    try:
        for name in ("a", "b"):
            data = tmp_path / name / "data"
            shutil.copytree(demo_index, data / "kb", symlinks=True)
            servers.append(start_server(data, env))
        engine = create_engine(postgres_url)
        AccountStore(engine, tables().accounts).add(
            "carol", PasswordHashing().hash(PASSWORD), "caseworker"
        )
        engine.dispose()
        yield servers[0], servers[1]
    finally:
        for server in servers:
            server.stop()


class Stream:
    """Reads an SSE stream in a thread; `wait_for(text)` blocks until a chunk holds it."""

    def __init__(self, client: httpx.Client, url: str) -> None:
        self.received = ""
        self.status = 0
        self._changed = threading.Condition()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._read, args=(client, url), daemon=True)
        self._thread.start()
        assert self._ready.wait(10), "the SSE stream did not open"
        assert self.status == 200, f"the SSE stream answered {self.status}"

    def _read(self, client: httpx.Client, url: str) -> None:
        try:
            with client.stream("GET", url, timeout=httpx.Timeout(5, read=60)) as response:
                self.status = response.status_code
                self._ready.set()
                for chunk in response.iter_text():
                    with self._changed:
                        self.received += chunk
                        self._changed.notify_all()
        except httpx.HTTPError:
            return  # the test closed the client

    def wait_for(self, text: str, timeout: float = 20.0) -> bool:
        with self._changed:
            return self._changed.wait_for(lambda: text in self.received, timeout)


def test_citizen_and_caseworker_on_two_processes_talk_live(
    replicas: tuple[LiveServer, LiveServer],
) -> None:
    a, b = replicas
    with (
        httpx.Client(base_url=a.url) as citizen,
        httpx.Client(base_url=b.url) as caseworker,
        httpx.Client(base_url=a.url) as citizen_stream,
        httpx.Client(base_url=b.url) as caseworker_stream,
    ):
        r = citizen.post("/chat/person", data={"lang": "en"})
        cid = re.search(r"c=([A-Za-z0-9_-]+)", r.headers["location"]).group(1)  # type: ignore[union-attr]
        citizen_stream.cookies = citizen.cookies  # the same browser: its conversation cookie
        live = Stream(citizen_stream, f"/chat/live?c={cid}&lang=en&after=0")

        form = caseworker.get("/login").text
        token = re.search(r'name="csrf" value="([0-9a-f]+)"', form).group(1)  # type: ignore[union-attr]
        caseworker.post("/login", data={"username": "carol", "password": PASSWORD, "csrf": token})
        queue = caseworker.get("/console").text
        handoff = re.search(r'data-handoff="(\d+)"', queue).group(1)  # type: ignore[union-attr]
        csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', queue).group(1)  # type: ignore[union-attr]
        caseworker.post(f"/console/handoffs/{handoff}/claim", data={"csrf": csrf})
        caseworker_stream.cookies = caseworker.cookies
        transcript = Stream(caseworker_stream, f"/console/handoffs/{handoff}/events")

        caseworker.post(
            f"/console/handoffs/{handoff}/reply",
            data={"csrf": csrf, "text": "Hello from process B"},
        )
        assert live.wait_for("Hello from process B"), live.received[-2000:]
        assert "event: turn" in live.received and "person, not AI" in live.received

        citizen.post(
            "/chat/messages", data={"text": "Thanks, from process A", "conversation_id": cid}
        )
        assert transcript.wait_for("Thanks, from process A"), transcript.received[-2000:]

        caseworker.post(f"/console/handoffs/{handoff}/hand-back", data={"csrf": csrf})
        assert live.wait_for("talking to the AI assistant again")
