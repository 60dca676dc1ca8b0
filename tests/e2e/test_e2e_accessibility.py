"""axe-core (served by the app from web/static/vendor) on the widget before and after an answer."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from tests.e2e.citizen import Citizen
from tests.e2e.conftest import RESULTS

pytestmark = pytest.mark.browser

BLOCKING_IMPACTS = {"serious", "critical"}

# (rule id, element) pairs already reported for the templates/CSS; a new one fails the test.
# Remove an entry when it is fixed, so it cannot come back unnoticed.
KNOWN_VIOLATIONS: set[tuple[str, str]] = set()

RUN_AXE = """
async () => {
  const result = await axe.run(document, { resultTypes: ["violations"] });
  return result.violations.flatMap((v) => v.nodes.map((n) => ({
    id: v.id, impact: v.impact || "", help: v.help, element: n.target.join(" "),
    html: n.html.slice(0, 200), summary: (n.failureSummary || "").slice(0, 300),
  })));
}
"""

Violation = dict[str, str]


def _axe(citizen: Citizen, name: str) -> list[Violation]:
    axe = citizen.page.request.get("/static/vendor/axe.min.js")
    assert axe.ok, "axe-core is not served: run `make assets` (web/static/vendor/axe.min.js)"
    citizen.page.add_script_tag(url="/static/vendor/axe.min.js")
    violations: list[Violation] = citizen.page.evaluate(RUN_AXE)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"axe-{name}.json").write_text(json.dumps(violations, indent=2) + "\n")
    for v in violations:
        if v["impact"] not in BLOCKING_IMPACTS:
            print(f"axe {v['impact']}: {v['id']} on {v['element']} ({v['help']})")
    return violations


def _new_blocking(violations: list[Violation]) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}) on {v['element']}: {v['help']}\n  {v['html']}\n  {v['summary']}"
        for v in violations
        if v["impact"] in BLOCKING_IMPACTS and (v["id"], v["element"]) not in KNOWN_VIOLATIONS
    ]


def _home(citizen: Citizen) -> None:
    citizen.open("/")


def _home_answered(citizen: Citizen) -> None:
    citizen.open("/")
    citizen.ask("How do I get a library card?")


def _home_error(citizen: Citizen) -> None:
    citizen.open("/")
    citizen.type("   ")
    citizen.send_expecting_error()


def _widget_fr(citizen: Citizen) -> None:
    citizen.open("/widget?lang=fr")


PAGES: dict[str, Callable[[Citizen], None]] = {
    "home": _home,
    "home-answered": _home_answered,
    "home-error": _home_error,
    "widget-fr": _widget_fr,
}


@pytest.mark.parametrize("name", list(PAGES))
def test_no_serious_or_critical_axe_violations(citizen: Citizen, name: str) -> None:
    PAGES[name](citizen)
    blocking = _new_blocking(_axe(citizen, name))
    assert not blocking, "\n".join(blocking)
