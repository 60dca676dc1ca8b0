"""Draft approval: on held topics the AI's answer waits for a caseworker, who approves it,
edits it or replaces it; the citizen never sees the draft first, and every step is logged."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from bot.handoff.drafts import DraftApprovalPolicy
from tests.conftest import fast_overrides, make_settings, services_of
from tests.web.console.conftest import PASSWORD, csrf_of, sign_in
from tests.web.test_widget import stream_done
from web.app import create_app
from web.services import Services

HTMX = {"HX-Request": "true"}
HELD = "en/housing-benefit"
HELD_QUESTION = "How do I apply for housing benefit?"
OPEN_QUESTION = "How do I apply for a resident parking permit?"
FIXED = "A person checks answers on this topic before you see them"


@pytest.fixture
def held_client(tmp_path: Path, demo_index: Path) -> Iterator[TestClient]:
    data = tmp_path / "data"
    shutil.copytree(demo_index, data / "kb", symlinks=True)
    settings = make_settings(data, draft_approval_topics=f"{HELD}, fr/aide-logement")
    with TestClient(create_app(settings, fast_overrides())) as client:
        yield client


@pytest.fixture
def caseworker(held_client: TestClient) -> Callable[[str], tuple[TestClient, str]]:
    """A signed-in caseworker's browser and its CSRF token."""
    people = services_of(held_client).people

    def sign_in_as(name: str) -> tuple[TestClient, str]:
        people.accounts.add(name, people.hashing.hash(PASSWORD), "caseworker", "general")
        browser = TestClient(held_client.app)
        return browser, sign_in(browser, name)

    return sign_in_as


def _ask(client: TestClient, question: str) -> str:
    """A citizen asks without JavaScript; returns the conversation id."""
    r = client.post("/chat/messages", data={"text": question}, follow_redirects=False)
    assert r.status_code == 303, r.text
    return re.search(r"c=([A-Za-z0-9_-]+)", r.headers["location"]).group(1)  # type: ignore[union-attr]


def _draft_text(services: Services, cid: str) -> tuple[int, str]:
    """The handoff and the held answer's words, read as the console reads them."""
    handoff = services.people.desk.active(cid)
    assert handoff is not None and handoff.reason == "draft_review"
    draft = services.people.drafts.draft(handoff.id)
    assert draft is not None and draft.text_id is not None and draft.state == "pending"
    text = services.vault.get(draft.text_id)
    assert text
    return handoff.id, text


def _body(answer: str) -> str:
    """A stretch of the answer that only the answer contains (not the intro sentence)."""
    return answer.split(" ", 12)[-1][:60]


def _staff_turn(page: str) -> str:
    return page[page.index('data-role="staff"') :].split("</li>", maxsplit=1)[0]


def test_policy_matches_whole_documents_or_folders() -> None:
    policy = DraftApprovalPolicy.parse(" en/housing-benefit , fr/aide-logement/ ,, ")
    assert policy.prefixes == ("en/housing-benefit", "fr/aide-logement")
    assert policy.covers("en/housing-benefit")
    assert policy.covers("fr/aide-logement/conditions")
    assert not policy.covers("en/housing-benefit-old")
    assert not policy.covers("en/social-housing")
    assert DraftApprovalPolicy.parse("").prefixes == ()


def test_held_answer_is_hidden_until_approved_then_sent_as_checked_ai(
    held_client: TestClient, caseworker: Callable[[str], tuple[TestClient, str]]
) -> None:
    services = services_of(held_client)
    citizen = TestClient(held_client.app)
    cid = _ask(citizen, HELD_QUESTION)
    handoff_id, draft = _draft_text(services, cid)
    body = _body(draft)
    page = citizen.get(f"/chat?c={cid}").text
    assert FIXED in page and "Expected wait" in page
    assert body not in page
    assert f"/chat/live?c={cid}" in page  # the checked answer arrives on the live link

    # The JSON API holds the answer back too.
    started = citizen.post("/api/v1/conversations", json={"lang": "en"}).json()
    reply = citizen.post(
        f"/api/v1/conversations/{started['id']}/messages",
        json={"text": HELD_QUESTION},
        headers={"Authorization": f"Bearer {started['token']}"},
    ).json()
    assert FIXED in reply["text"] and body not in json.dumps(reply)

    browser, csrf = caseworker("dana")
    queue = browser.get("/console").text
    assert f'data-handoff="{handoff_id}"' in queue and "draft_review" in queue
    browser.post(f"/console/handoffs/{handoff_id}/claim", data={"csrf": csrf})
    view = browser.get(f"/console/handoffs/{handoff_id}").text
    assert "AI answer waiting for approval" in view and body in view
    assert "cs-hand-back" not in view and "cs-close" not in view and "cs-forward" in view
    # Ending the handoff would leave the citizen without an answer: refused while it waits.
    for action, data in (("hand-back", {}), ("close", {"outcome": "resolved"})):
        r = browser.post(f"/console/handoffs/{handoff_id}/{action}", data={"csrf": csrf, **data})
        assert r.status_code == 409 and "waiting answer" in r.text
    forged = browser.post(f"/console/handoffs/{handoff_id}/draft/approve", data={"csrf": "0" * 64})
    assert forged.status_code == 403
    assert body not in citizen.get(f"/chat?c={cid}").text

    r = browser.post(
        f"/console/handoffs/{handoff_id}/draft/approve",
        data={"csrf": csrf_of(view)},
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"] == "/console"
    page = citizen.get(f"/chat?c={cid}").text
    sent = page[page.index('data-reason="draft_approved"') :].split("</li>")[0]
    assert body in sent
    assert "AI-generated" in sent and "checked by a person" in sent
    assert 'data-doc-id="en/housing-benefit"' in sent
    # Approved once: a second approval finds nothing waiting; the bot answers again.
    again = browser.post(f"/console/handoffs/{handoff_id}/draft/approve", data={"csrf": csrf})
    assert again.status_code == 409
    assert services.people.desk.active(cid) is None

    entries = services.conversation_entries(cid)
    held = next(e for e in entries if e.get("held") == "draft_review")
    assert held["type"] == "answer" and held["citations"][0] == HELD  # type: ignore[index]
    assert re.fullmatch(r"[0-9a-f]{64}", str(held["text_commitment"]))
    notice = next(e for e in entries if e["type"] == "escalation")
    assert notice["reason"] == "draft_review"
    approval = next(e for e in entries if e.get("action") == "approve_draft")
    account = services.people.accounts.find("dana")
    assert account is not None
    assert approval["type"] == "draft_decision" and approval["caseworker"] == account.pseudonym
    assert approval["ai_generated"] is True
    logged = json.dumps(entries)
    assert "dana" not in logged and body not in logged


def test_edited_answer_is_sent_as_a_persons_words(
    held_client: TestClient, caseworker: Callable[[str], tuple[TestClient, str]]
) -> None:
    services = services_of(held_client)
    citizen = TestClient(held_client.app)
    cid = _ask(citizen, HELD_QUESTION)
    handoff_id, draft = _draft_text(services, cid)
    browser, csrf = caseworker("erin")
    browser.post(f"/console/handoffs/{handoff_id}/claim", data={"csrf": csrf})
    empty = browser.post(
        f"/console/handoffs/{handoff_id}/draft/edit", data={"csrf": csrf, "text": "  "}
    )
    assert empty.status_code == 422
    edited = "Apply online at the housing page and bring your tenancy agreement."
    browser.post(f"/console/handoffs/{handoff_id}/draft/edit", data={"csrf": csrf, "text": edited})

    page = citizen.get(f"/chat?c={cid}").text
    staff = _staff_turn(page)
    assert edited in staff and "person, not AI" in staff and "AI-generated" not in staff
    assert _body(draft) not in page
    assert services.people.desk.active(cid) is None  # the bot has the conversation again

    entry = next(e for e in services.conversation_entries(cid) if e.get("action") == "edit_draft")
    assert entry["type"] == "draft_decision" and entry["ai_generated"] is False
    assert re.fullmatch(r"[0-9a-f]{64}", str(entry["text_commitment"]))
    assert "tenancy" not in json.dumps(services.conversation_entries(cid))


def test_rejected_answer_is_replaced_and_the_person_keeps_the_conversation(
    held_client: TestClient, caseworker: Callable[[str], tuple[TestClient, str]]
) -> None:
    services = services_of(held_client)
    citizen = TestClient(held_client.app)
    cid = _ask(citizen, HELD_QUESTION)
    handoff_id, draft = _draft_text(services, cid)
    browser, csrf = caseworker("fred")
    browser.post(f"/console/handoffs/{handoff_id}/claim", data={"csrf": csrf})
    own = "That page is out of date; I will call you about your claim."
    r = browser.post(
        f"/console/handoffs/{handoff_id}/draft/reject",
        data={"csrf": csrf, "text": own},
        follow_redirects=False,
    )
    assert r.headers["location"] == f"/console/handoffs/{handoff_id}"
    page = citizen.get(f"/chat?c={cid}").text
    assert own in _staff_turn(page) and _body(draft) not in page
    handoff = services.people.desk.active(cid)
    assert handoff is not None and handoff.state == "claimed"
    view = browser.get(f"/console/handoffs/{handoff_id}").text
    assert "The held AI answer was rejected" in view
    actions = [e.get("action") for e in services.conversation_entries(cid)]
    assert "reject_draft" in actions


def test_streamed_question_on_a_held_topic_ends_with_the_fixed_reply(
    held_client: TestClient,
) -> None:
    services = services_of(held_client)
    citizen = TestClient(held_client.app)
    r = citizen.post("/chat/messages", data={"text": HELD_QUESTION}, headers=HTMX)
    assert "oc-pending" in r.text
    ticket = re.search(r'sse-connect="/chat/stream/([^"]+)"', r.text).group(1)  # type: ignore[union-attr]
    stream = citizen.get(f"/chat/stream/{ticket}").text
    cid = re.search(r'class="oc-conversation" value="([^"]+)"', r.text).group(1)  # type: ignore[union-attr]
    _, draft = _draft_text(services, cid)
    assert _body(draft) not in stream  # no piece of the draft was streamed
    done = stream.split("event: done\n", 1)[1]
    assert FIXED in done and 'data-reason="draft_review"' in done
    assert "/chat/live?c=" in done  # the widget starts listening for the checked answer


def test_other_topics_are_answered_directly(held_client: TestClient) -> None:
    services = services_of(held_client)
    citizen = TestClient(held_client.app)
    r = citizen.post("/chat/messages", data={"text": OPEN_QUESTION}, headers=HTMX)
    done = stream_done(citizen, r.text)
    assert 'data-decision="answer"' in done and FIXED not in done
    cid = _ask(citizen, OPEN_QUESTION)
    assert services.people.desk.latest(cid) is None
    assert not any(e.get("held") for e in services.conversation_entries(cid))
