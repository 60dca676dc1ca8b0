"""Screenshots of the widget for people to look at, and the one layout rule a test can hold.

The pictures land in test-results/ (gitignored): the page before and after an answer on a
desktop and on a 320 px phone, and the
viewport right after the first answer (WCAG 1.4.10 reflow: no sideways scrolling at that width).
"""

from __future__ import annotations

import pytest

from tests.e2e.conftest import RESULTS, OpenCitizen

pytestmark = pytest.mark.browser

# A long unbroken word is what usually pushes a chat layout sideways.
LONG_QUESTION = (
    "Where do I renew my parking permit? "
    "https://www.exampleton.example/en/parking-permits/renewals/residents/zone-c/form-2026"
)

SIZES = {"desktop": (1280, 900), "phone": (320, 640)}


@pytest.mark.parametrize("size", list(SIZES))
def test_widget_screenshots_and_no_sideways_scrolling(open_citizen: OpenCitizen, size: str) -> None:
    width, height = SIZES[size]
    citizen = open_citizen(width=width, height=height)
    RESULTS.mkdir(exist_ok=True)
    citizen.open("/")
    citizen.page.screenshot(path=RESULTS / f"widget-{size}-before.png", full_page=True)

    citizen.ask("How do I apply for a resident parking permit?")
    # What the citizen actually sees once the answer has arrived (no scrolling by hand).
    citizen.page.screenshot(path=RESULTS / f"widget-{size}-answered-viewport.png")
    citizen.ask(LONG_QUESTION)
    citizen.talk_to_person()
    citizen.page.screenshot(path=RESULTS / f"widget-{size}-after.png", full_page=True)

    overflow = citizen.page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the page scrolls sideways by {overflow} px at {width} px wide"
