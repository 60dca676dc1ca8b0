"""A citizen who types "ring me back on …" into the chat: the number is withheld from the
model, the log and the transcript like any personal data, and kept (encrypted) for the
caseworker who takes the conversation, who must be able to call back. Out of hours the
message becomes a callback request."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient

from bot.handoff.hours import DAYS
from tests.conftest import fast_overrides, make_settings, services_of
from tests.web.console.conftest import sign_in
from web.app import create_app

NUMBER = "07700 900123"
MESSAGE = f"Could somebody ring me back on {NUMBER} please, about my council tax bill"


def _ask(client: TestClient, text: str, lang: str = "en") -> tuple[str, dict[str, object]]:
    citizen = TestClient(client.app)
    started = citizen.post("/api/v1/conversations", json={"lang": lang}).json()
    reply = citizen.post(
        f"/api/v1/conversations/{started['id']}/messages",
        json={"text": text},
        headers={"Authorization": f"Bearer {started['token']}"},
    )
    assert reply.status_code == 200, reply.text
    return str(started["id"]), reply.json()


def _no_number_in_files(data: Path) -> None:
    for path in sorted(data.glob("opencounter.db*")):
        assert NUMBER.encode() not in path.read_bytes(), path.name


def test_the_caseworker_sees_the_number_and_nobody_else_does(
    console_client: TestClient, add_staff: Callable[..., str], tmp_path: Path
) -> None:
    services = services_of(console_client)
    cid, reply = _ask(console_client, MESSAGE)
    assert reply["decision"] == "escalate", reply
    assert NUMBER not in json.dumps(reply)
    assert "will also see the contact details you gave" in str(reply["text"])

    handoff = services.people.desk.active(cid)
    assert handoff is not None and handoff.kind == "live"
    assert handoff.callback_text_id is not None
    assert services.vault.get(handoff.callback_text_id) == NUMBER
    # The log holds labels and commitments: the contact entry says what it is, not the number.
    entries = services.conversation_entries(cid)
    contact = [e for e in entries if e.get("purpose") == "contact"]
    assert len(contact) == 1 and contact[0]["type"] == "message"
    assert NUMBER not in json.dumps(entries) and "07700" not in json.dumps(entries)
    _no_number_in_files(tmp_path / "data")

    sign_in(console_client, add_staff("gwen"))
    view = console_client.get(f"/console/handoffs/{handoff.id}").text
    assert f"Contact details the citizen gave:</strong> {NUMBER}" in view
    assert view.count(NUMBER) == 1  # the transcript itself keeps the message with it replaced

    oversight = TestClient(console_client.app)
    sign_in(oversight, add_staff("otto", role="oversight"))
    reviewed = oversight.get(f"/console/handoffs/{handoff.id}")
    assert reviewed.status_code == 200
    assert NUMBER not in reviewed.text and "Contact details" not in reviewed.text


def test_a_french_call_back_keeps_its_number(
    console_client: TestClient, add_staff: Callable[..., str]
) -> None:
    services = services_of(console_client)
    cid, reply = _ask(
        console_client, "Bonjour, pouvez-vous me rappeler au 06 39 98 12 34 ? Merci", "fr"
    )
    assert reply["decision"] == "escalate", reply
    assert "06 39 98" not in json.dumps(reply)
    assert "verra aussi les coordonnées" in str(reply["text"])
    handoff = services.people.desk.active(cid)
    assert handoff is not None and handoff.callback_text_id is not None
    assert services.vault.get(handoff.callback_text_id) == "06 39 98 12 34"


def test_an_ordinary_request_for_a_person_keeps_no_contact(console_client: TestClient) -> None:
    services = services_of(console_client)
    cid, reply = _ask(console_client, "can I speak to someone real please")
    assert reply["decision"] == "escalate"
    assert "contact details you gave" not in str(reply["text"])
    handoff = services.people.desk.active(cid)
    assert handoff is not None and handoff.callback_text_id is None
    assert not [e for e in services.conversation_entries(cid) if e.get("purpose") == "contact"]


def test_erasing_the_conversation_erases_the_number(console_client: TestClient) -> None:
    services = services_of(console_client)
    cid, _ = _ask(console_client, MESSAGE)
    handoff = services.people.desk.active(cid)
    assert handoff is not None and handoff.callback_text_id is not None
    assert services.vault.erase(cid)
    assert services.vault.get(handoff.callback_text_id) is None


@pytest.fixture
def closed_client(tmp_path: Path, demo_index: Path) -> Iterator[TestClient]:
    zone = "Europe/London"
    today = datetime.now(UTC).astimezone(ZoneInfo(zone)).weekday()
    data = tmp_path / "data"
    shutil.copytree(demo_index, data / "kb", symlinks=True)
    settings = make_settings(
        data, opening_hours=f"{DAYS[(today + 3) % 7]} 09:00-17:00", opening_timezone=zone
    )
    with TestClient(create_app(settings, fast_overrides())) as client:
        yield client


def test_out_of_hours_the_message_becomes_a_callback_request(closed_client: TestClient) -> None:
    services = services_of(closed_client)
    assert not services.people.desk.is_open()
    cid, reply = _ask(closed_client, MESSAGE)
    assert reply["decision"] == "escalate", reply
    assert "recorded as a callback request" in str(reply["text"])
    assert NUMBER not in json.dumps(reply)
    assert services.people.desk.active(cid) is None  # nobody is asked to answer live
    callback = services.people.desk.latest(cid)
    assert callback is not None
    assert (callback.kind, callback.state) == ("callback", "waiting")
    assert callback.callback_text_id is not None
    assert services.vault.get(callback.callback_text_id) == NUMBER
    queue = [h.id for h in services.people.desk.queue()]
    assert callback.id in queue
