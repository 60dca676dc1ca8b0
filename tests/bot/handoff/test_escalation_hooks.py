"""Escalation hooks against real servers on loopback: a signed webhook, retries into the
dead-letter record, the SMTP email hook, and a plugin found through its entry point."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from email import message_from_bytes
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import create_engine

from bot.handoff.state import Handoff
from bot.hooks.dead_letters import DeadLetterStore
from bot.hooks.dispatch import HookDispatcher
from bot.hooks.email import EmailHook
from bot.hooks.plugins import load_hooks
from bot.hooks.port import EscalationNotice, HookOptions
from bot.hooks.webhook import WebhookHook
from tests.e2e.live_server import free_port
from tests.schema import create_schema, tables

SECRET = "webhook-secret-for-tests"


def _handoff(reason: str = "crisis.self_harm") -> Handoff:
    return Handoff(
        id=7,
        conversation_id="conv-abc",
        kind="live",
        reason=reason,
        topic="en/bins",
        lang="en",
        priority=0,
        team="general",
        state="waiting",
        created_at=datetime(2026, 8, 3, 9, 30, tzinfo=UTC),
    )


class Receiver:
    """A webhook receiver: records requests; answers `status` (a list, consumed in order)."""

    def __init__(self, statuses: list[int]) -> None:
        self.requests: list[tuple[dict[str, str], bytes]] = []
        self.statuses = statuses
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["content-length"]))
                outer.requests.append(({k.lower(): v for k, v in self.headers.items()}, body))
                status = outer.statuses.pop(0) if len(outer.statuses) > 1 else outer.statuses[0]
                self.send_response(status)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: object) -> None:
                return None

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/escalation"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def dead_letters(tmp_path: Path) -> Iterator[DeadLetterStore]:
    engine = create_engine(f"sqlite:///{tmp_path / 'hooks.db'}")
    create_schema(engine)
    store = DeadLetterStore(engine, tables().dead_letters)
    yield store
    engine.dispose()


def _receiver(statuses: list[int]) -> Iterator[Receiver]:
    receiver = Receiver(statuses)
    yield receiver
    receiver.close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    yield from _receiver([204])


@pytest.fixture
def failing_receiver() -> Iterator[Receiver]:
    yield from _receiver([500])


def test_webhook_receiver_gets_a_correctly_signed_payload(
    receiver: Receiver, dead_letters: DeadLetterStore
) -> None:
    dispatcher = HookDispatcher(
        [WebhookHook(receiver.url, SECRET)], dead_letters, public_url="https://city.example"
    )
    dispatcher.notify(_handoff())
    dispatcher.drain()
    dispatcher.close()
    assert len(receiver.requests) == 1
    headers, body = receiver.requests[0]
    expected = hmac.new(
        SECRET.encode(), headers["x-opencounter-timestamp"].encode() + b"." + body, hashlib.sha256
    ).hexdigest()
    assert hmac.compare_digest(headers["x-opencounter-signature"], f"sha256={expected}")
    wrong = hmac.new(b"other", body, hashlib.sha256).hexdigest()
    assert headers["x-opencounter-signature"] != f"sha256={wrong}"
    payload = json.loads(body)
    assert payload["priority"] == "crisis"
    assert payload["console_url"] == "https://city.example/console/handoffs/7"
    assert set(payload) == {
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
    }  # labels and a link only: no words of the citizen
    assert dead_letters.all() == []


def test_failing_receiver_is_retried_then_dead_lettered(
    failing_receiver: Receiver, dead_letters: DeadLetterStore
) -> None:
    waits: list[float] = []
    dispatcher = HookDispatcher(
        [WebhookHook(failing_receiver.url, SECRET)],
        dead_letters,
        public_url="https://city.example",
        attempts=3,
        backoff_s=0.5,
        sleep=waits.append,
    )
    dispatcher.notify(_handoff())
    dispatcher.drain()
    dispatcher.close()
    assert len(failing_receiver.requests) == 3
    assert waits == [0.5, 1.0]  # exponential back-off between the attempts
    [letter] = dead_letters.all()
    assert (letter.hook, letter.handoff_id, letter.attempts) == ("webhook", 7, 3)
    assert "500" in letter.error
    assert json.loads(letter.payload)["reason"] == "crisis.self_harm"


def test_receiver_recovering_after_a_failure_gets_the_notice(dead_letters: DeadLetterStore) -> None:
    for flaky in _receiver([503, 200]):
        dispatcher = HookDispatcher(
            [WebhookHook(flaky.url, SECRET)], dead_letters, public_url="x", sleep=lambda _: None
        )
        dispatcher.notify(_handoff())
        dispatcher.drain()
        dispatcher.close()
        assert len(flaky.requests) == 2
    assert dead_letters.all() == []


def test_unreachable_webhook_lands_in_the_dead_letters(dead_letters: DeadLetterStore) -> None:
    closed_port = free_port()
    dispatcher = HookDispatcher(
        [WebhookHook(f"http://127.0.0.1:{closed_port}/", SECRET, timeout_s=2)],
        dead_letters,
        public_url="x",
        attempts=2,
        sleep=lambda _: None,
    )
    dispatcher.notify(_handoff())
    dispatcher.drain()
    dispatcher.close()
    [letter] = dead_letters.all()
    assert "ConnectError" in letter.error


class _Inbox:
    def __init__(self) -> None:
        self.messages: list[bytes] = []

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        self.messages.append(envelope.content)  # type: ignore[attr-defined]
        return "250 OK"


def test_email_hook_sends_through_a_local_smtp_server(dead_letters: DeadLetterStore) -> None:
    inbox = _Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        hook = EmailHook("duty@city.example", "bot@city.example", "127.0.0.1", port)
        dispatcher = HookDispatcher([hook], dead_letters, public_url="https://city.example")
        dispatcher.notify(_handoff())
        dispatcher.drain()
        dispatcher.close()
    finally:
        controller.stop()
    [raw] = inbox.messages
    mail = message_from_bytes(raw)
    assert mail["To"] == "duty@city.example"
    assert "crisis handoff #7" in mail["Subject"]
    assert "https://city.example/console/handoffs/7" in mail.get_payload()
    assert dead_letters.all() == []


PLUGIN = """
import json
from pathlib import Path


class FileTicket:
    name = "tickets"

    def __init__(self, path):
        self.path = Path(path)

    def deliver(self, notice):
        with self.path.open("a") as f:
            f.write(notice.to_json().decode() + "\\n")


def build(options):
    return FileTicket(options.extra["tickets_file"])
"""


def test_plugin_registered_through_an_entry_point_is_called(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dead_letters: DeadLetterStore
) -> None:
    site = tmp_path / "site"
    (site / "city_tickets-1.0.dist-info").mkdir(parents=True)
    (site / "city_tickets.py").write_text(PLUGIN)
    (site / "city_tickets-1.0.dist-info" / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: city-tickets\nVersion: 1.0\n"
    )
    (site / "city_tickets-1.0.dist-info" / "entry_points.txt").write_text(
        "[opencounter.escalation_hooks]\ntickets = city_tickets:build\n"
    )
    monkeypatch.syspath_prepend(str(site))
    tickets = tmp_path / "tickets.jsonl"
    hooks = load_hooks(HookOptions(extra={"tickets_file": str(tickets)}))
    names = [h.name for h in hooks]
    assert "tickets" in names
    # The built-ins are found the same way, and stay out when they are not configured.
    assert "webhook" not in names and "email" not in names
    configured = load_hooks(
        HookOptions(
            webhook_url="http://x", webhook_secret="s", extra={"tickets_file": str(tickets)}
        )
    )
    assert {"tickets", "webhook"} <= {h.name for h in configured}
    dispatcher = HookDispatcher(hooks, dead_letters, public_url="https://city.example")
    dispatcher.notify(_handoff("person.button"))
    dispatcher.drain()
    dispatcher.close()
    [line] = tickets.read_text().splitlines()
    assert json.loads(line)["reason"] == "person.button"


def test_notice_of_a_handoff_carries_labels_only() -> None:
    notice = EscalationNotice.of(_handoff(), "https://city.example/")
    assert notice.console_url == "https://city.example/console/handoffs/7"
