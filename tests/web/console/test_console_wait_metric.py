"""`/metrics` times the queue: a claim records how long the handoff waited since escalation,
in the histogram of the process that took the claim, labelled by team only."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from tests.conftest import fast_overrides, make_settings, services_of
from tests.web.console.conftest import PASSWORD, ask_for_person, sign_in
from web.app import create_app

TOKEN = "scrape-token-0123456789abcdef"


def histogram(client: TestClient) -> dict[tuple[str, str], float]:
    body = client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"}).text
    found: dict[tuple[str, str], float] = {}
    for family in text_string_to_metric_families(body):
        if family.name == "opencounter_handoff_wait_seconds":
            for sample in family.samples:
                assert set(sample.labels) <= {"team", "le"}, sample.labels
                found[(sample.name, sample.labels.get("le", ""))] = sample.value
    return found


def test_a_claim_records_the_wait_since_the_escalation(tmp_path: Path, demo_index: Path) -> None:
    now = [datetime(2026, 3, 2, 9, 0, tzinfo=UTC)]
    data = tmp_path / "data"
    shutil.copytree(demo_index, data / "kb", symlinks=True)
    app = create_app(
        make_settings(data, metrics_token=TOKEN), replace(fast_overrides(), clock=lambda: now[0])
    )
    with TestClient(app) as client:
        people = services_of(client).people
        people.accounts.add("casey", people.hashing.hash(PASSWORD), "caseworker", "general")
        assert histogram(client).get(("opencounter_handoff_wait_seconds_count", ""), 0) == 0
        ask_for_person(client)
        now[0] += timedelta(seconds=95)  # the handoff waits a minute and a half
        csrf = sign_in(client, "casey")
        handoff = people.desk.queue()[0]
        claimed = client.post(
            f"/console/handoffs/{handoff.id}/claim", data={"csrf": csrf}, follow_redirects=False
        )
        assert claimed.status_code == 303, claimed.text
        samples = histogram(client)
    assert samples[("opencounter_handoff_wait_seconds_count", "")] == 1
    assert samples[("opencounter_handoff_wait_seconds_sum", "")] == 95
    assert samples[("opencounter_handoff_wait_seconds_bucket", "60.0")] == 0
    assert samples[("opencounter_handoff_wait_seconds_bucket", "120.0")] == 1
