"""A citizen's conversation in real Chromium: with htmx, without JavaScript, errors, a person."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, expect

from tests.e2e.citizen import Citizen
from tests.e2e.conftest import OpenCitizen

pytestmark = pytest.mark.browser

PARKING = "How do I apply for a resident parking permit?"
PARKING_PAGE = "https://www.exampleton.example/en/parking-permits"
LIBRARY = "How do I get a library card?"
CONTACT_PHONE = "020 7946 0000"


def _expect_answer_citing(reply_item: Locator, url: str) -> None:
    expect(reply_item).to_have_attribute("data-decision", "answer")
    expect(reply_item.locator(".oc-sources")).to_be_visible()
    expect(reply_item.locator(f'.oc-sources a[href="{url}"]')).to_have_count(1)


def test_disclosure_is_shown_above_the_form_before_any_message(citizen: Citizen) -> None:
    citizen.open("/")
    disclosure = citizen.page.locator("#disclosure")
    expect(disclosure).to_be_visible()
    expect(disclosure).to_be_in_viewport()
    expect(disclosure).to_contain_text("You are talking to an AI system")
    expect(citizen.turns).to_have_count(0)
    disclosure_box = disclosure.bounding_box()
    form_box = citizen.page.locator("form.oc-ask").bounding_box()
    assert disclosure_box is not None and form_box is not None
    assert disclosure_box["y"] + disclosure_box["height"] <= form_box["y"]


def test_htmx_conversation_updates_in_place_and_keeps_one_conversation(
    citizen: Citizen,
) -> None:
    citizen.open("/")
    # A reload would drop this: its survival shows the answer came in without one.
    citizen.page.evaluate("() => { window.__sameDocument = 'yes'; }")

    reply = citizen.ask(PARKING)

    expect(citizen.turns.nth(0)).to_have_class(re.compile(r"\boc-citizen\b"))
    expect(citizen.turns.nth(0)).to_contain_text(PARKING)
    _expect_answer_citing(reply, PARKING_PAGE)
    expect(citizen.box).to_have_value("")
    assert citizen.page.evaluate("() => window.__sameDocument") == "yes"
    # Ask, talk to a person, download a receipt, erase: every form carries the same id.
    first_ids = citizen.conversation_ids()
    assert len(first_ids) == 4 and first_ids[0] and len(set(first_ids)) == 1, first_ids

    second = citizen.ask(LIBRARY)
    expect(second).to_have_attribute("data-decision", "answer")
    assert citizen.conversation_ids() == first_ids
    assert citizen.page.evaluate("() => window.__sameDocument") == "yes"

    citizen.page.goto(f"/chat?c={first_ids[0]}")
    expect(citizen.turns).to_have_count(4)
    expect(citizen.turns.nth(0)).to_contain_text(PARKING)
    expect(citizen.turns.nth(2)).to_contain_text(LIBRARY)
    assert citizen.events.trouble() == []


def test_plain_form_works_without_javascript(open_citizen: OpenCitizen) -> None:
    citizen = open_citizen(javascript=False)
    citizen.open("/")

    reply = citizen.ask(PARKING)

    # Post, redirect, and a fresh page showing the whole conversation.
    assert re.search(r"/chat\?c=[^&]+&lang=en#log$", citizen.page.url), citizen.page.url
    expect(citizen.turns.nth(0)).to_contain_text(PARKING)
    _expect_answer_citing(reply, PARKING_PAGE)
    expect(citizen.box).to_have_value("")
    assert citizen.events.trouble() == []


@pytest.mark.parametrize("javascript", [True, False], ids=["htmx", "no-js"])
def test_talk_to_a_person_shows_the_contact_phone(
    open_citizen: OpenCitizen, javascript: bool
) -> None:
    citizen = open_citizen(javascript=javascript)
    citizen.open("/")
    reply = citizen.talk_to_person()
    expect(reply).to_have_attribute("data-decision", "escalate")
    expect(reply).to_contain_text(CONTACT_PHONE)
    assert citizen.events.trouble() == []


BAD_DRAFTS = {
    # Spaces pass the browser's `required` check, so the server must say what is wrong.
    "blank": ("   ", "Please type a question before sending."),
    # `maxlength` stops typing past the limit; an old browser or a script may not.
    "too-long": ("x" * 2001, "Your message is too long (2001 characters)"),
}


@pytest.mark.parametrize("javascript", [True, False], ids=["htmx", "no-js"])
@pytest.mark.parametrize("case", list(BAD_DRAFTS))
def test_bad_message_shows_an_error_keeps_the_draft_and_adds_no_turn(
    open_citizen: OpenCitizen, javascript: bool, case: str
) -> None:
    draft, message = BAD_DRAFTS[case]
    citizen = open_citizen(javascript=javascript)
    citizen.open("/")
    citizen.ask(LIBRARY)
    conversation = citizen.conversation_ids()[0]

    citizen.type_past_the_limit(draft)
    citizen.send_expecting_error()

    expect(citizen.error).to_contain_text(message)
    expect(citizen.error).to_be_visible()
    expect(citizen.box).to_have_value(draft)
    expect(citizen.turns).to_have_count(2)
    assert citizen.conversation_ids()[0] == conversation

    # The citizen fixes the draft and carries on in the same conversation.
    citizen.ask(PARKING)
    expect(citizen.turns).to_have_count(4)
    expect(citizen.error).to_be_empty()
    citizen.page.goto(f"/chat?c={conversation}")
    expect(citizen.turns).to_have_count(4)
    assert citizen.events.trouble() == []


def test_empty_box_is_stopped_by_the_browser_before_any_request(citizen: Citizen) -> None:
    citizen.open("/")
    citizen.send_button.click()
    assert citizen.box.evaluate("(box) => box.validity.valueMissing") is True
    expect(citizen.turns).to_have_count(0)
    assert not [u for u in citizen.events.requests if u.endswith("/chat/messages")]


def test_feedback_on_an_answer_is_asked_once(citizen: Citizen) -> None:
    citizen.open("/")
    reply = citizen.ask(PARKING)
    feedback = reply.locator("form.oc-feedback")
    expect(feedback).to_be_visible()
    feedback.get_by_role("button", name="No").click()
    expect(reply.locator(".oc-feedback-done")).to_contain_text("talk to a person")
    expect(reply.locator("form.oc-feedback")).to_have_count(0)
    citizen.page.goto(f"/chat?c={citizen.conversation_ids()[0]}")
    expect(citizen.turns.nth(1)).to_have_attribute("data-decision", "answer")
    expect(citizen.page.locator("form.oc-feedback")).to_have_count(0)
    assert citizen.events.trouble() == []
