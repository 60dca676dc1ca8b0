"""In Chromium: an oversight user filters the log to one day's escalations, opens a
conversation's timeline (no words on it), reads the transcript for a stated purpose, and
finds that reading in the log as a transcript_access entry."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.e2e.citizen import Citizen
from tests.e2e.conftest import RESULTS
from tests.e2e.live_server import LiveServer
from tests.e2e.page_events import PageEvents
from tests.e2e.staff import PASSWORD, save_screenshots, server_with_staff

QUESTION = "How do I apply for a resident parking permit?"
UNRELATED = "Who won the football world cup in 1966?"
PURPOSE = "Investigating a complaint about this conversation"
REFERENCE = "CMP-1"
BLOCKING_IMPACTS = {"serious", "critical"}
RUN_AXE = """
async () => {
  const result = await axe.run(document, { resultTypes: ["violations"] });
  return result.violations.flatMap((v) => v.nodes.map((n) => ({
    id: v.id, impact: v.impact || "", help: v.help, element: n.target.join(" "),
    html: n.html.slice(0, 200), summary: (n.failureSummary || "").slice(0, 300),
  })));
}
"""
pytestmark = pytest.mark.browser


@pytest.fixture
def oversight_server(demo_index: Path, tmp_path: Path) -> Iterator[LiveServer]:
    with server_with_staff(demo_index, tmp_path, "olive", "oversight") as server:
        yield server


def _context(browser: Browser, url: str) -> tuple[BrowserContext, PageEvents]:
    context = browser.new_context(base_url=url, viewport={"width": 1280, "height": 900})
    events = PageEvents(url)
    events.keep_on_server(context)
    events.report_htmx_errors(context)
    return context, events


def _citizen(browser: Browser, url: str) -> Citizen:
    context, events = _context(browser, url)
    page = context.new_page()
    events.watch_page(page)
    citizen = Citizen(page, events)
    citizen.open("/")
    return citizen


def _blocking_axe(page: Page, name: str) -> list[str]:
    page.add_script_tag(url="/static/vendor/axe.min.js")
    violations: list[dict[str, str]] = page.evaluate(RUN_AXE)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"axe-oversight-{name}.json").write_text(json.dumps(violations, indent=2) + "\n")
    return [
        f"{name}: {v['id']} ({v['impact']}) on {v['element']}: {v['help']}\n  {v['html']}"
        for v in violations
        if v["impact"] in BLOCKING_IMPACTS
    ]


def _filter(page: Page, day: str, event_type: str) -> None:
    """Fill the search form for one day and one event type, and submit it."""
    page.fill("#f-since", day)
    page.fill("#f-until", day)
    page.select_option("#f-type", event_type)
    page.locator("form.cs-search button[type=submit]").click()


def test_oversight_reads_an_escalation_for_a_purpose_and_sees_the_access_logged(
    browser: Browser, oversight_server: LiveServer
) -> None:
    url = oversight_server.url
    today = datetime.now(UTC).date().isoformat()
    escalating = _citizen(browser, url)
    refused = _citizen(browser, url)
    context, events = _context(browser, url)
    oversight = context.new_page()
    events.watch_page(oversight)
    pages = [escalating.page, refused.page, oversight]
    try:
        expect(escalating.ask(QUESTION)).to_have_attribute("data-decision", "answer")
        expect(escalating.talk_to_person()).to_contain_text("A person has been asked for")
        conversation = escalating.conversation_ids()[0]
        assert conversation
        expect(refused.ask(UNRELATED)).to_have_attribute("data-decision", "refuse")

        oversight.goto("/oversight")
        expect(oversight).to_have_url(re.compile(r"/login\?next=/oversight$"))
        oversight.fill("#cs-username", "olive")
        oversight.fill("#cs-password", PASSWORD)
        oversight.locator("form.cs-login button[type=submit]").click()
        expect(oversight).to_have_url(re.compile(r"/oversight$"))
        # The URL changes when the page starts loading; htmx (deferred) runs before this event.
        oversight.wait_for_load_state("domcontentloaded")
        assert oversight.evaluate("() => typeof window.htmx === 'object'"), "htmx did not load"

        _filter(oversight, today, "escalation")
        # htmx swaps #results in place and puts the search in the address bar: the page's own
        # URL (/oversight?...), so that reloading, a bookmark or Back shows the whole page.
        expect(oversight).to_have_url(re.compile(r"/oversight\?.*\btype=escalation\b"))
        expect(oversight).to_have_url(re.compile(rf"\bsince={today}\b"))
        rows = oversight.locator("#entries tbody tr")
        expect(rows.first).to_be_visible()
        expect(oversight.locator("#entries tbody tr:not([data-type=escalation])")).to_have_count(0)
        expect(rows.first.locator("a")).to_have_attribute(
            "href", f"/oversight/conversations/{conversation}"
        )
        blocking = _blocking_axe(oversight, "search")

        rows.first.locator("a").click()
        expect(oversight).to_have_url(re.compile(rf"/oversight/conversations/{conversation}$"))
        for kind in ("message", "answer", "escalation"):
            expect(oversight.locator(f"#timeline tbody tr[data-type={kind}]").first).to_be_visible()
        expect(oversight.locator("body")).not_to_contain_text(QUESTION)
        blocking += _blocking_axe(oversight, "timeline")

        oversight.get_by_label(PURPOSE).check()
        oversight.fill("#p-reference", REFERENCE)
        oversight.get_by_role("button", name="Record the purpose and read").click()
        logged = oversight.locator("#access-logged")
        expect(logged).to_contain_text(re.compile(r"This reading is in the log as entry \d+"))
        expect(oversight.locator("ol.oc-log li.oc-citizen").first).to_contain_text(QUESTION)
        found = re.search(r"entry (\d+)", logged.inner_text())
        assert found is not None
        access_index = found.group(1)

        oversight.goto("/oversight")
        _filter(oversight, today, "transcript_access")
        expect(oversight).to_have_url(re.compile(r"\btype=transcript_access\b"))
        first = oversight.locator("#entries tbody tr").first
        expect(first).to_have_attribute("data-index", access_index)
        expect(first).to_have_attribute("data-type", "transcript_access")
        expect(first.locator("a")).to_have_attribute(
            "href", f"/oversight/conversations/{conversation}"
        )

        assert not blocking, "\n".join(blocking)
        trouble = escalating.events.trouble() + refused.events.trouble() + events.trouble()
        assert not trouble, trouble
    except BaseException:
        save_screenshots("test_e2e_oversight", pages)
        raise
    finally:
        for page in pages:
            page.context.close()
