"""The widget on a phone, as people know chat widgets, in real Chromium.

The conversation scrolls in its own region while the question box and "Talk to a person" stay
in view; the AI disclosure is open before the first message and one tap away after it; a live
region reads out each finished reply; the keyboard alone and a browser without JavaScript get
as far; 200 % zoom reflows without sideways scrolling; axe-core finds nothing at all (every
impact, not only serious ones) on the widget and on /transparency.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.e2e.citizen import Citizen
from tests.e2e.conftest import RESULTS, OpenCitizen

pytestmark = pytest.mark.browser

# A question whose answer is long enough to fill a phone screen on its own.
VOTE = "How do I register to vote?"
PHONES = {"420x640": (420, 640), "320x640": (320, 640)}

RUN_AXE = """
async () => {
  const result = await axe.run(document, { resultTypes: ["violations"] });
  return result.violations.flatMap((v) => v.nodes.map((n) => ({
    id: v.id, impact: v.impact || "", element: n.target.join(" "), html: n.html.slice(0, 200),
  })));
}
"""


def _fully_in_view(page: Page, locator: Locator) -> bool:
    """The element lies wholly inside the window, as it is now (no scrolling on our side)."""
    box = locator.bounding_box()
    size = page.viewport_size
    assert box is not None and size is not None
    return (
        box["y"] >= 0
        and box["x"] >= 0
        and box["y"] + box["height"] <= size["height"]
        and box["x"] + box["width"] <= size["width"]
    )


def _page_scrolls(page: Page) -> dict[str, int]:
    scrolls: dict[str, int] = page.evaluate(
        "() => ({down: document.documentElement.scrollHeight - innerHeight,"
        " sideways: document.documentElement.scrollWidth - innerWidth, at: scrollY})"
    )
    return scrolls


def _person_button(citizen: Citizen) -> Locator:
    return citizen.page.locator("form.oc-person button[type=submit]")


@pytest.mark.parametrize("size", list(PHONES))
def test_after_an_answer_the_box_and_the_person_stay_in_view(
    open_citizen: OpenCitizen, size: str
) -> None:
    width, height = PHONES[size]
    citizen = open_citizen(width=width, height=height)
    citizen.open("/widget")
    disclosure = citizen.page.locator("#disclosure")
    # Before the first message: the whole disclosure, open, on screen.
    expect(disclosure).to_have_attribute("open", "")
    expect(disclosure).to_contain_text("You are talking to an AI system")
    assert _fully_in_view(citizen.page, disclosure)

    reply = citizen.ask(VOTE)
    expect(reply).to_have_attribute("data-decision", "answer")
    RESULTS.mkdir(exist_ok=True)
    citizen.page.screenshot(path=RESULTS / f"widget-layout-{size}-answered.png")

    # The page itself does not scroll: the conversation scrolls in its own region.
    assert _page_scrolls(citizen.page) == {"down": 0, "sideways": 0, "at": 0}
    region = citizen.page.locator("#oc-scroll")
    assert region.evaluate("(r) => r.scrollHeight > r.clientHeight"), "the answer fits anyway"
    for control in (citizen.box, citizen.send_button, _person_button(citizen)):
        assert _fully_in_view(citizen.page, control), control
    # The reply is shown from its start, under the folded disclosure.
    assert _fully_in_view(citizen.page, reply.locator(".oc-who"))

    # After the first message the disclosure is one tap away.
    expect(disclosure).not_to_have_attribute("open", "")
    summary = disclosure.locator("summary")
    expect(summary).to_have_text("About this assistant (AI)")
    assert _fully_in_view(citizen.page, summary)
    summary.click()
    expect(disclosure.get_by_text("You are talking to an AI system")).to_be_visible()


def test_a_finished_reply_is_read_out_once_in_the_live_region(citizen: Citizen) -> None:
    citizen.open("/widget")
    announcer = citizen.page.locator("#oc-announce")
    expect(announcer).to_have_attribute("role", "status")
    expect(announcer).to_be_empty()
    # The conversation itself is not a live region: streamed words would be read piece by piece.
    assert citizen.page.locator("#log[aria-live]").count() == 0
    reply = citizen.ask(VOTE)
    words = reply.locator("p").first.inner_text()
    expect(announcer).to_contain_text("Exampleton Assistant")
    expect(announcer).to_contain_text(words[:60])
    citizen.talk_to_person()
    expect(announcer).not_to_contain_text(words[:60])


def test_the_keyboard_alone_asks_and_reaches_a_person(open_citizen: OpenCitizen) -> None:
    citizen = open_citizen(width=420, height=640)
    citizen.open("/widget")
    keyboard = citizen.page.keyboard

    def tab_to(target: Locator, limit: int = 30) -> None:
        for _ in range(limit):
            keyboard.press("Tab")
            if target.evaluate("(el) => el === document.activeElement"):
                return
        raise AssertionError(f"Tab never reached {target}")

    tab_to(citizen.box)
    keyboard.type(VOTE)
    tab_to(citizen.send_button, limit=1)
    keyboard.press("Enter")
    expect(citizen.turns).to_have_count(2)
    expect(citizen.turns.nth(1)).to_have_attribute("data-decision", "answer", timeout=15_000)
    # The conversation region scrolls from the keyboard too.
    region = citizen.page.locator("#oc-scroll")
    region.focus()
    keyboard.press("Home")
    citizen.page.wait_for_function(
        "() => document.querySelector('#log').getBoundingClientRect()"
        ".top >= document.querySelector('#oc-scroll')"
        ".getBoundingClientRect().top"
    )
    keyboard.press("End")
    citizen.page.wait_for_function(
        "() => document.querySelector('#log').getBoundingClientRect()"
        ".top < document.querySelector('#oc-scroll')"
        ".getBoundingClientRect().top"
    )
    tab_to(_person_button(citizen))
    keyboard.press("Enter")
    expect(citizen.turns).to_have_count(3)
    expect(citizen.turns.nth(2)).to_contain_text("person")


def test_without_javascript_the_box_and_the_person_stay_in_view(
    open_citizen: OpenCitizen,
) -> None:
    citizen = open_citizen(javascript=False, width=420, height=640)
    citizen.open("/widget")
    expect(citizen.page.locator("#disclosure")).to_have_attribute("open", "")
    citizen.ask(VOTE)
    assert _page_scrolls(citizen.page)["down"] == 0
    for control in (citizen.box, citizen.send_button, _person_button(citizen)):
        assert _fully_in_view(citizen.page, control), control
    # The page came back with a conversation: the disclosure is folded, one tap away.
    expect(citizen.page.locator("#disclosure")).not_to_have_attribute("open", "")


def test_at_200_percent_zoom_the_widget_reflows_and_every_control_is_reachable(
    open_citizen: OpenCitizen,
) -> None:
    # 200 % zoom of a 420 x 640 frame leaves 210 x 320 CSS pixels: too short to pin anything,
    # so the widget flows as one page (WCAG 1.4.10) and nothing scrolls sideways.
    citizen = open_citizen(width=210, height=320)
    citizen.open("/widget")
    citizen.ask(VOTE)
    assert _page_scrolls(citizen.page)["sideways"] <= 0
    for control in (citizen.box, _person_button(citizen)):
        control.focus()
        expect(control).to_be_in_viewport()


def _axe(page: Page, name: str) -> list[dict[str, str]]:
    page.add_script_tag(url="/static/vendor/axe.min.js")
    violations: list[dict[str, str]] = page.evaluate(RUN_AXE)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"axe-all-{name}.json").write_text(json.dumps(violations, indent=2) + "\n")
    return violations


@pytest.mark.parametrize("size", list(PHONES))
def test_axe_finds_nothing_on_the_widget_before_and_after_an_answer(
    open_citizen: OpenCitizen, size: str
) -> None:
    width, height = PHONES[size]
    citizen = open_citizen(width=width, height=height)
    citizen.open("/widget")
    assert _axe(citizen.page, f"widget-{size}") == []
    citizen.ask(VOTE)
    assert _axe(citizen.page, f"widget-{size}-answered") == []


def test_axe_finds_nothing_on_the_transparency_record(citizen: Citizen) -> None:
    citizen.page.goto("/transparency")
    assert _axe(citizen.page, "transparency") == []
