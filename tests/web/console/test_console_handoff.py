"""A caseworker takes over: queue, claim, transcript, reply, notes, forward, hand back, close;
every step is in the log without personal data, and the citizen sees a person, not the AI."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from fastapi.testclient import TestClient

from tests.conftest import services_of
from tests.web.console.conftest import ask_for_person, sign_in
from tests.web.test_widget import stream_done

HTMX = {"HX-Request": "true"}


def _log_text(client: TestClient, cid: str) -> str:
    return json.dumps(services_of(client).conversation_entries(cid))


def test_caseworker_takes_over_and_hands_back(
    console_client: TestClient, add_staff: Callable[..., str]
) -> None:
    services = services_of(console_client)
    citizen = TestClient(console_client.app)
    r = citizen.post("/chat/person", data={"lang": "en"}, follow_redirects=False)
    cid = re.search(r"c=([A-Za-z0-9_-]+)", r.headers["location"]).group(1)  # type: ignore[union-attr]
    page = citizen.get(f"/widget?c={cid}").text
    assert "A person has been asked for" in page
    assert "Expected wait: about 6 minutes" in page
    assert f"/chat/live?c={cid}" in page  # the widget listens for the person's replies

    add_staff("alice.smith")
    csrf = sign_in(console_client, "alice.smith")
    handoff = services.people.desk.active(cid)
    assert handoff is not None
    queue = console_client.get("/console").text
    assert f'data-handoff="{handoff.id}"' in queue and "person.button" in queue

    r = console_client.post(
        f"/console/handoffs/{handoff.id}/claim", data={"csrf": csrf}, follow_redirects=False
    )
    assert r.status_code == 303
    view = console_client.get(f"/console/handoffs/{handoff.id}").text
    assert "You asked to talk to a person" in view  # decrypted for this view
    citizen.post(
        "/chat/messages", data={"text": "My bin was not collected", "conversation_id": cid}
    )
    reply = console_client.post(
        f"/console/handoffs/{handoff.id}/reply",
        data={"csrf": csrf, "text": "Sorry about that, I have booked a collection."},
        headers=HTMX,
    )
    assert reply.status_code == 200
    assert "My bin was not collected" in reply.text  # the citizen's message reached the person
    console_client.post(
        f"/console/handoffs/{handoff.id}/notes", data={"csrf": csrf, "text": "Rang depot at 10"}
    )

    widget = citizen.get(f"/widget?c={cid}").text
    staff_turn = widget[widget.index('data-role="staff"') :]
    assert "Sorry about that, I have booked a collection." in staff_turn
    assert "person, not AI" in staff_turn.split("</li>")[0]
    assert "AI-generated" not in staff_turn.split("</li>")[0]
    assert "Rang depot" not in widget  # internal notes stay internal
    # The citizen's message went to the person: the bot did not answer it.
    roles = [t.role for t in services.store.turns(cid)]
    assert roles[-2:] == ["citizen", "staff"]

    r = console_client.post(
        f"/console/handoffs/{handoff.id}/hand-back", data={"csrf": csrf}, follow_redirects=False
    )
    assert r.status_code == 303
    assert services.people.desk.active(cid) is None
    answer = citizen.post(
        "/chat/messages",
        data={"text": "How do I apply for a resident parking permit?", "conversation_id": cid},
        headers=HTMX,
    )
    assert "oc-pending" in answer.text  # the bot answers again, streamed
    assert 'data-decision="answer"' in stream_done(citizen, answer.text)

    entries = services.conversation_entries(cid)
    actions = [(e["type"], e.get("action")) for e in entries]
    for expected in [
        ("takeover", "claim"),
        ("transcript_access", "transcript"),
        ("staff_reply", "reply"),
        ("staff_note", "note"),
        ("hand_back", "hand_back"),
    ]:
        assert expected in actions
    account = services.people.accounts.find("alice.smith")
    assert account is not None
    logged = _log_text(console_client, cid)
    assert account.pseudonym in logged
    for personal in ("alice", "Sorry about that", "Rang depot", "bin was not collected"):
        assert personal not in logged
    staff_entry = next(e for e in entries if e.get("action") == "reply")
    assert re.fullmatch(r"[0-9a-f]{64}", str(staff_entry["text_commitment"]))


def test_crisis_comes_first_and_forwarding_moves_between_team_queues(
    console_client: TestClient, add_staff: Callable[..., str]
) -> None:
    services = services_of(console_client)
    ordinary = ask_for_person(console_client)
    desk = services.people.desk
    # A crisis escalation opened after the ordinary one still goes to the head of the queue.
    crisis = services.engine.start("en").id
    opened = desk.open(crisis, reason="crisis.self_harm", lang="en", topic="general")
    assert [h.conversation_id for h in desk.queue()] == [crisis, ordinary]
    assert opened.priority_label == "crisis"
    add_staff("bob")
    csrf = sign_in(console_client, "bob")
    queue = console_client.get("/console").text
    assert queue.index(f'data-handoff="{opened.id}"') < queue.index('data-priority="normal"')

    handoff = desk.active(ordinary)
    assert handoff is not None
    console_client.post(f"/console/handoffs/{handoff.id}/claim", data={"csrf": csrf})
    r = console_client.post(
        f"/console/handoffs/{handoff.id}/forward", data={"csrf": csrf, "team": "nowhere"}
    )
    assert r.status_code == 422
    console_client.post(
        f"/console/handoffs/{handoff.id}/forward", data={"csrf": csrf, "team": "housing"}
    )
    assert [h.id for h in desk.queue("housing")] == [handoff.id]
    assert handoff.id not in [h.id for h in desk.queue("general")]
    assert "housing" in console_client.get("/console?team=housing").text

    console_client.post(f"/console/handoffs/{handoff.id}/claim", data={"csrf": csrf})
    r = console_client.post(
        f"/console/handoffs/{handoff.id}/close", data={"csrf": csrf, "outcome": "resolved"}
    )
    assert r.status_code == 200
    closed = desk.get(handoff.id)
    assert (closed.state, closed.outcome) == ("closed", "resolved")
    last = services.conversation_entries(ordinary)[-1]
    assert (last["type"], last["action"], last["outcome"]) == ("handoff_close", "close", "resolved")
    forward = next(
        e for e in services.conversation_entries(ordinary) if e.get("action") == "forward"
    )
    assert (forward["type"], forward["team"], forward["from_team"]) == (
        "forward",
        "housing",
        "general",
    )


def test_a_second_caseworker_cannot_take_a_claimed_conversation(
    console_client: TestClient, add_staff: Callable[..., str]
) -> None:
    services = services_of(console_client)
    cid = ask_for_person(console_client)
    handoff = services.people.desk.active(cid)
    assert handoff is not None
    add_staff("alice")
    add_staff("bob")
    bob = TestClient(console_client.app)
    alice_csrf = sign_in(console_client, "alice")
    bob_csrf = sign_in(bob, "bob")
    console_client.post(f"/console/handoffs/{handoff.id}/claim", data={"csrf": alice_csrf})
    r = bob.post(f"/console/handoffs/{handoff.id}/claim", data={"csrf": bob_csrf})
    assert r.status_code == 409
    r = bob.post(f"/console/handoffs/{handoff.id}/reply", data={"csrf": bob_csrf, "text": "hi"})
    assert r.status_code == 409
    assert [t.role for t in services.store.turns(cid)].count("staff") == 0
