"""Out of hours: the citizen leaves contact details instead of waiting; they are kept encrypted,
kept out of the log, and a caseworker finds the callback in the queue."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from bot.handoff.hours import DAYS
from tests.conftest import fast_overrides, make_settings, services_of
from tests.web.console.conftest import PASSWORD, sign_in
from web.app import create_app

CONTACT = "Call 07700 900123 after 5pm, ask for Sam Taylor"
ZONE = "Europe/London"


def _closed_today() -> str:
    """Opening hours on a day three days away: whenever the test runs, the desk is closed."""
    today = datetime.now(UTC).astimezone(ZoneInfo(ZONE)).weekday()
    return f"{DAYS[(today + 3) % 7]} 09:00-17:00"


@pytest.fixture
def closed_client(tmp_path: Path, demo_index: Path) -> Iterator[TestClient]:
    data = tmp_path / "data"
    shutil.copytree(demo_index, data / "kb", symlinks=True)
    settings = make_settings(data, opening_hours=_closed_today(), opening_timezone=ZONE)
    with TestClient(create_app(settings, fast_overrides())) as client:
        yield client


def test_out_of_hours_callback_is_kept_encrypted_and_queued(
    closed_client: TestClient, tmp_path: Path
) -> None:
    services = services_of(closed_client)
    assert not services.people.desk.is_open()
    citizen = TestClient(closed_client.app)
    r = citizen.post("/chat/person", data={"lang": "en"}, follow_redirects=False)
    cid = re.search(r"c=([A-Za-z0-9_-]+)", r.headers["location"]).group(1)  # type: ignore[union-attr]
    page = citizen.get(f"/chat?c={cid}").text
    assert "Nobody is available right now" in page
    assert 'action="/chat/callback"' in page  # the callback form, instead of a wait
    assert services.people.desk.active(cid) is None  # nobody is asked to answer live

    empty = citizen.post("/chat/callback", data={"conversation_id": cid, "contact": "  "})
    assert empty.status_code == 422
    r = citizen.post(
        "/chat/callback", data={"conversation_id": cid, "contact": CONTACT}, follow_redirects=False
    )
    assert r.status_code == 303
    assert "your callback request has been recorded" in citizen.get(f"/chat?c={cid}").text

    handoff = services.people.desk.latest(cid)
    assert handoff is not None
    assert (handoff.kind, handoff.reason, handoff.state) == (
        "callback",
        "callback_requested",
        "waiting",
    )
    assert handoff.callback_text_id is not None
    # Stored encrypted: the vault row holds ciphertext, and the words are nowhere in the database.
    assert services.vault.get(handoff.callback_text_id) == CONTACT
    database = tmp_path / "data" / "opencounter.db"
    raw = create_engine(f"sqlite:///{database}")
    with raw.connect() as db:
        stored = db.execute(
            text("SELECT ciphertext FROM audit_texts WHERE id = :id"),
            {"id": handoff.callback_text_id},
        ).scalar_one()
    raw.dispose()
    assert b"07700" not in bytes(stored) and b"Sam Taylor" not in bytes(stored)
    files = sorted(database.parent.glob("opencounter.db*"))
    assert database in files
    for path in files:
        assert b"07700 900123" not in path.read_bytes(), path.name
    # The log has the request, as labels and a commitment, not the words.
    entries = services.conversation_entries(cid)
    request = next(e for e in entries if e.get("purpose") == "callback")
    assert request["type"] == "message"
    assert re.fullmatch(r"[0-9a-f]{64}", str(request["text_commitment"]))
    assert any(e.get("reason") == "callback_requested" for e in entries)
    assert "07700" not in json.dumps(entries) and "Sam" not in json.dumps(entries)

    people = services.people
    people.accounts.add("gwen", people.hashing.hash(PASSWORD), "caseworker", "general")
    csrf = sign_in(closed_client, "gwen")
    queue = closed_client.get("/console").text
    row = queue[queue.index(f'data-handoff="{handoff.id}"') :].split("</tr>", maxsplit=1)[0]
    assert "callback_requested" in row and "Claim callback" in row
    r = closed_client.post(
        f"/console/handoffs/{handoff.id}/claim", data={"csrf": csrf}, follow_redirects=False
    )
    assert r.status_code == 303
    view = closed_client.get(f"/console/handoffs/{handoff.id}").text
    assert f"Callback request:</strong> {CONTACT}" in view  # decrypted for this logged view
    accesses = [e for e in services.conversation_entries(cid) if e["type"] == "transcript_access"]
    assert len(accesses) == 1


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", "can I speak to someone real please"),
        ("en", "I want to make a formal complaint about the housing office"),
        ("en", "I want to end my life tonight"),
        ("fr", "je voudrais parler à quelqu'un s'il vous plaît"),
        ("fr", "je veux déposer une réclamation contre le service logement"),
    ],
)
def test_out_of_hours_no_reply_promises_a_caseworker(
    closed_client: TestClient, lang: str, message: str
) -> None:
    """Out of hours nobody is asked to answer live: a reply that says the conversation is
    passed to a caseworker who will reply here leaves a person waiting for no one."""
    started = closed_client.post("/api/v1/conversations", json={"lang": lang})
    cid, token = started.json()["id"], started.json()["token"]
    reply = closed_client.post(
        f"/api/v1/conversations/{cid}/messages",
        json={"text": message},
        headers={"Authorization": f"Bearer {token}"},
    ).json()
    assert reply["decision"] in ("escalate", "crisis"), reply
    words = reply["text"].lower()
    for promise in ("passing this conversation", "will reply here", "transmets", "répondra ici"):
        assert promise not in words, reply["text"]
    assert ("nobody is available" in words) or ("personne n'est disponible" in words)
    assert services_of(closed_client).people.desk.active(cid) is None
