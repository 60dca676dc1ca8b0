"""One seeded log, every page that publishes figures from it: /transparency (page and JSON),
`opencounter transparency show` and /oversight/statistics give the same numbers.

The log holds the cases on which the two pages once disagreed: a note before the claim, a
callback request, a draft decision and a forward before the person, an entry from before
actions were labelled, an escalation no one took, and a conversation a minute before the
first of the last 30 UTC days (a rolling 30 x 24 h window counted it; the statistics did not).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from audit.sink import AuditEvent
from tests.conftest import fast_overrides, services_of
from tests.web.console.conftest import PASSWORD, sign_in
from web.app import create_app
from web.bootstrap import Overrides, open_storage
from web.cli.main import build_cli
from web.log_figures import last_days
from web.settings import Settings

ENTRY_TYPE = {"answer": "answer", "refuse": "refusal", "block_pii": "refusal"}
ESCALATE = {"decision": "escalate", "reason": "person.button", "lang": "en", "mode": "fixed"}
# What each escalated conversation sees after its request, in seconds: (entry type, action).
AFTER_ESCALATION: dict[str, list[tuple[float, str, str | None]]] = {
    "noted": [(10, "staff_reply", "note"), (60, "takeover", "claim")],
    "drafted": [(20, "staff_reply", "approve_draft"), (120, "staff_reply", "reply")],
    "forwarded": [(40, "takeover", "forward"), (300, "takeover", "claim")],
    "unlabelled": [(200, "takeover", None)],
    "waiting": [],
}
# The callback request waits 600 s; the waits are 60, 120, 200, 300, 600: median 200 s.
EXPECTED = {"conversations": 10, "answer": 2, "refuse": 1, "escalate": 5, "block_pii": 1}
REACHED, MEDIAN = 5, 200.0


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def _seed(settings: Settings) -> None:
    """Through the real log, in time order: one conversation just before the last 30 days,
    then the others two days back, inside both pages' ranges."""
    now = datetime.now(UTC)
    clock = Clock(last_days(now, 30) - timedelta(minutes=2))
    storage = open_storage(settings, Overrides(clock=clock))  # the app's database and keys
    log = storage.log

    def at(seconds: float, *events: AuditEvent) -> None:
        clock.now += timedelta(seconds=seconds)
        log.record(list(events))

    def opened(cid: str) -> None:
        at(60, AuditEvent("disclosure", cid, {"disclosure_version": "t", "lang": "en"}))
        at(5, AuditEvent("message", cid, {"lang": "en"}, text="question"))

    def replied(cid: str, decision: str) -> None:
        opened(cid)
        fields = {"decision": decision, "reason": f"test.{decision}", "lang": "en", "mode": "fixed"}
        at(1, AuditEvent(ENTRY_TYPE[decision], cid, fields, text="reply"))

    replied("before-the-range", "answer")
    clock.now = now - timedelta(days=2)
    for n, decision in enumerate(["answer", "answer", "refuse", "block_pii"]):
        replied(f"bot-{n}", decision)
    for cid, steps in AFTER_ESCALATION.items():
        opened(cid)
        at(1, AuditEvent("escalation", cid, ESCALATE, text="a person will reply"))
        elapsed = 0.0
        for seconds, kind, action in steps:
            labels = {"action": action} if action else {}
            at(seconds - elapsed, AuditEvent(kind, cid, {"caseworker": "cw", **labels}))
            elapsed = seconds
    opened("callback")
    callback = {"reason": "callback_requested", "lang": "en"}
    at(1, AuditEvent("escalation", "callback", callback, text="we will call you"))
    at(600, AuditEvent("takeover", "callback", {"caseworker": "cw", "action": "claim"}))
    storage.close()


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    _seed(settings)
    with TestClient(create_app(settings, fast_overrides())) as c:
        people = services_of(c).people
        people.accounts.add("olive", people.hashing.hash(PASSWORD), "oversight", "general")
        yield c


def _oversight_figures(client: TestClient) -> dict[str, object]:
    sign_in(client, "olive")
    today = datetime.now(UTC).date()
    since = (today - timedelta(days=29)).isoformat()
    until = today.isoformat()
    page = client.get("/oversight/statistics", params={"since": since, "until": until})
    assert page.status_code == 200, page.text
    summary = re.search(
        r"(\d+) conversations, (\d+) replies,\s*(\d+) conversations escalated, (\d+) of them "
        r"reached by a person \(median (\d+) s\)",
        page.text,
    )
    assert summary, page.text
    table = page.text.split('id="figure-decisions"')[1].split("</table>")[0]
    counts = dict(re.findall(r"<tr><td>([a-z ()]+)</td><td>(\d+)</td></tr>", table))
    labels = {"answered": "answer", "refused": "refuse", "escalated": "escalate"}
    labels["blocked (personal data)"] = "block_pii"
    return {
        "conversations": int(summary[1]),
        "replies": int(summary[2]),
        "asked": int(summary[3]),
        "reached": int(summary[4]),
        "median_s": int(summary[5]),
        **{labels[label]: int(count) for label, count in counts.items()},
    }


def test_every_page_shows_the_same_figures_of_one_log(
    client: TestClient, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    served = client.get("/transparency.json").json()["live"]
    monkeypatch.setenv("OPENCOUNTER_ANSWER_MODE", "extractive")
    shown = CliRunner().invoke(
        build_cli(), ["transparency", "show", "--json", "--data-dir", str(settings.data_dir)]
    )
    assert shown.exit_code == 0, shown.output
    printed = json.loads(shown.output)["live"]
    oversight = _oversight_figures(client)

    public = {
        "conversations": served["conversations"],
        "answer": served["answered"]["count"],
        "refuse": served["refused"]["count"],
        "escalate": served["escalated"]["count"],
        "block_pii": served["blocked"]["count"],
    }
    assert public == EXPECTED
    assert {name: oversight[name] for name in EXPECTED} == EXPECTED
    assert served["replies"] == oversight["replies"] == sum(EXPECTED.values()) - 10
    assert served["escalations_reached_by_a_person"] == oversight["reached"] == REACHED
    assert served["median_seconds_to_a_person"] == MEDIAN
    assert oversight["median_s"] == round(MEDIAN)
    # Six conversations asked for a person: five escalations and the callback request.
    assert oversight["asked"] == 6
    assert {k: v for k, v in printed.items() if k not in ("from", "to")} == {
        k: v for k, v in served.items() if k not in ("from", "to")
    }
    page = client.get("/transparency").text
    assert f"{MEDIAN / 60:.1f} minutes ({REACHED} conversations)" in page
    assert "22.2 % (2)" in page  # answered: 2 of the 9 replies
