"""In Chromium: a citizen asks for a person; a caseworker signs in, claims and replies; the
citizen sees the reply without reloading; the caseworker hands back; the bot answers again."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.e2e.live_server import LiveServer
from tests.e2e.staff import PASSWORD, save_screenshots, server_with_staff

pytestmark = pytest.mark.browser


@pytest.fixture
def console_server(demo_index: Path, tmp_path: Path) -> Iterator[LiveServer]:
    with server_with_staff(demo_index, tmp_path, "casey", "caseworker") as server:
        yield server


def test_caseworker_takes_over_live_and_hands_back(
    browser: Browser, console_server: LiveServer
) -> None:
    citizen = browser.new_context(base_url=console_server.url).new_page()
    caseworker = browser.new_context(base_url=console_server.url).new_page()
    try:
        citizen.goto("/")
        citizen.locator("form.oc-person button[type=submit]").click()
        expect(citizen.locator("#log > li.oc-turn").last).to_contain_text(
            "A person has been asked for"
        )

        caseworker.goto("/console")
        expect(caseworker).to_have_url(re.compile(r"/login\?next=/console$"))
        caseworker.fill("#cs-username", "casey")
        caseworker.fill("#cs-password", PASSWORD)
        caseworker.locator("form.cs-login button[type=submit]").click()
        expect(caseworker.locator("#waiting tbody tr")).to_have_count(1)
        caseworker.locator("#waiting button", has_text="Claim").click()
        expect(caseworker.locator("#transcript")).to_contain_text("You asked to talk to a person")
        caseworker.fill("#cs-reply-text", "Hello, I am Casey from the council. How can I help?")
        caseworker.locator("form.cs-reply button[type=submit]").click()

        # No reload: the reply arrives over the widget's live link, marked as a person.
        staff = citizen.locator("#log > li.oc-staff")
        expect(staff).to_contain_text("How can I help?")
        expect(staff).to_contain_text("person, not AI")
        expect(staff.locator(".oc-ai")).to_have_count(0)

        citizen.locator("form.oc-ask textarea[name=text]").fill("My bin was not collected")
        citizen.locator("form.oc-ask button[type=submit]").click()
        expect(caseworker.locator("#transcript")).to_contain_text("My bin was not collected")

        caseworker.locator("form.cs-hand-back button[type=submit]").click()
        expect(citizen.locator("#log")).to_contain_text("talking to the AI assistant again")
        before = citizen.locator("#log > li.oc-assistant").count()
        citizen.locator("form.oc-ask textarea[name=text]").fill(
            "How do I apply for a resident parking permit?"
        )
        citizen.locator("form.oc-ask button[type=submit]").click()
        expect(citizen.locator("#log > li.oc-assistant")).to_have_count(before + 1)
        expect(citizen.locator("#log > li.oc-assistant").last).to_have_attribute(
            "data-decision", "answer"
        )
    except BaseException:
        save_screenshots("test_caseworker_takes_over_live_and_hands_back", [citizen, caseworker])
        raise
    finally:
        citizen.context.close()
        caseworker.context.close()
