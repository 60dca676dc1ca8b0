"""A citizen using the widget in the browser: ask, ask for a person, read the conversation."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect

from tests.e2e.page_events import PageEvents


class Citizen:
    """Drives the widget the way a person does: typing in the box and pressing the buttons.

    With JavaScript the forms go through htmx and the page stays; without it every form post
    is a navigation (post, redirect, new page).
    """

    def __init__(self, page: Page, events: PageEvents, *, javascript: bool = True) -> None:
        self.page = page
        self.events = events
        self.javascript = javascript

    def open(self, path: str = "/") -> None:
        self.page.goto(path)
        if self.javascript:
            # The tests are about the htmx path: fail clearly when it is not there.
            loaded = self.page.evaluate("() => typeof window.htmx === 'object'")
            assert loaded, "htmx did not load: run `make assets` (web/static/vendor/htmx.min.js)"

    @property
    def box(self) -> Locator:
        return self.page.locator("form.oc-ask textarea[name=text]")

    @property
    def send_button(self) -> Locator:
        return self.page.locator("form.oc-ask button[type=submit]")

    @property
    def turns(self) -> Locator:
        return self.page.locator("#log > li.oc-turn")

    @property
    def error(self) -> Locator:
        return self.page.locator("#error")

    def type(self, text: str) -> None:
        self.box.fill(text)

    def type_past_the_limit(self, text: str) -> None:
        """Put text in the box as a client that ignores `maxlength` would (typing stops there)."""
        self.box.evaluate("(box, text) => { box.value = text; }", text)

    def ask(self, text: str) -> Locator:
        """Send a question, wait for it and the reply; returns the reply's list item."""
        before = self.turns.count()
        self.type(text)
        self._submit(self.send_button)
        expect(self.turns).to_have_count(before + 2)
        reply = self.turns.nth(before + 1)
        # With JavaScript the answer streams into a pending turn: wait until it is complete.
        expect(reply).not_to_have_class(re.compile(r"\boc-pending\b"), timeout=15_000)
        return reply

    def send_expecting_error(self) -> None:
        """Press Send on what is in the box, and wait until the error region says something."""
        self._submit(self.send_button)
        expect(self.error).not_to_be_empty()

    def talk_to_person(self) -> Locator:
        before = self.turns.count()
        self._submit(self.page.locator("form.oc-person button[type=submit]"))
        expect(self.turns).to_have_count(before + 1)
        return self.turns.nth(before)

    def conversation_ids(self) -> list[str]:
        """The hidden conversation id of every form on the page (they must agree)."""
        fields = self.page.locator("input.oc-conversation")
        return [fields.nth(i).input_value() for i in range(fields.count())]

    def _submit(self, button: Locator) -> None:
        if self.javascript:
            button.click()
        else:
            with self.page.expect_navigation():
                button.click()
