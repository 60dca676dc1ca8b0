"""The running app fires the configured webhook when a citizen asks for a person: one signed
POST to a real receiver on loopback, carrying labels and a link, never the citizen's words."""

from __future__ import annotations

import hashlib
import hmac
import json
import shutil
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.conftest import make_settings, services_of
from tests.web.console.conftest import ask_for_person
from web.app import create_app

SECRET = "a webhook secret for this test"
QUESTION = "How do I apply for a resident parking permit for my blue van?"
NOTICE_FIELDS = {
    "handoff",
    "conversation",
    "kind",
    "reason",
    "topic",
    "lang",
    "priority",
    "team",
    "created_at",
    "console_url",
}


class Receiver:
    """A webhook receiver on loopback that records each POST and answers 204."""

    def __init__(self) -> None:
        self.requests: list[tuple[dict[str, str], bytes]] = []
        self._arrived = threading.Condition()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["content-length"]))
                self.send_response(204)
                self.send_header("content-length", "0")
                self.end_headers()
                with outer._arrived:
                    outer.requests.append(({k.lower(): v for k, v in self.headers.items()}, body))
                    outer._arrived.notify_all()

            def log_message(self, format: str, *args: object) -> None:
                return None

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/escalation"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    def wait_for_requests(self, count: int, timeout: float = 20.0) -> bool:
        with self._arrived:
            return self._arrived.wait_for(lambda: len(self.requests) >= count, timeout)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    running = Receiver()
    try:
        yield running
    finally:
        running.close()


@pytest.fixture
def client(tmp_path: Path, demo_index: Path, receiver: Receiver) -> Iterator[TestClient]:
    data = tmp_path / "data"
    shutil.copytree(demo_index, data / "kb", symlinks=True)
    settings = make_settings(
        data,
        public_url="https://counter.example",
        hook_webhook_url=receiver.url,
        hook_webhook_secret=SECRET,
    )
    with TestClient(create_app(settings)) as running:
        yield running


def test_asking_for_a_person_fires_one_signed_webhook_without_citizen_text(
    client: TestClient, receiver: Receiver
) -> None:
    cid = ask_for_person(client, QUESTION)

    assert receiver.wait_for_requests(1), "the webhook receiver got no POST"
    people = services_of(client).people
    people.hooks.drain()
    assert len(receiver.requests) == 1
    headers, body = receiver.requests[0]

    timestamp = headers["x-opencounter-timestamp"]
    expected = hmac.new(SECRET.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    assert hmac.compare_digest(headers["x-opencounter-signature"], f"sha256={expected.hexdigest()}")
    forged = hmac.new(b"not the secret", timestamp.encode() + b"." + body, hashlib.sha256)
    assert headers["x-opencounter-signature"] != f"sha256={forged.hexdigest()}"
    assert headers["x-opencounter-event"] == "escalation"

    payload = json.loads(body)
    assert set(payload) == NOTICE_FIELDS
    assert payload["conversation"] == cid
    assert payload["kind"] == "live"
    assert (
        payload["console_url"] == f"https://counter.example/console/handoffs/{payload['handoff']}"
    )
    # Labels and a link only: none of the citizen's words reach the outside system.
    decoded = body.decode()
    for words in (QUESTION, "blue van", "resident parking permit"):
        assert words not in decoded
    assert people.dead_letters.all() == []
