"""The public transparency record over HTTP and the CLI, against a log seeded with known decisions."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import jsonschema
import pytest
import yaml
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from audit.sink import AuditEvent
from audit.storage.log import TransparencyLog
from tests.conftest import services_of
from web.app import create_app
from web.bootstrap import Overrides, open_storage
from web.cli.main import build_cli
from web.settings import Settings

EVALUATION = Path(__file__).resolve().parents[3] / "web" / "transparency" / "evaluation.yaml"

# 100 conversations in the window: decision by i % 10.
DECISIONS = ["answer"] * 6 + ["refuse"] * 2 + ["escalate", "block_pii"]
ENTRY_TYPE = {
    "answer": "answer",
    "refuse": "refusal",
    "escalate": "escalation",
    "block_pii": "refusal",
}


@dataclass
class Seeded:
    size: int
    kb_ts: str


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def _reply(cid: str, decision: str) -> AuditEvent:
    fields = {"decision": decision, "reason": f"test.{decision}", "lang": "en", "mode": "fixed"}
    return AuditEvent(ENTRY_TYPE[decision], cid, {**fields, "citations": []}, text="reply")


def _conversation(log: TransparencyLog, clock: Clock, cid: str, decision: str) -> None:
    log.record([AuditEvent("disclosure", cid, {"disclosure_version": "t", "lang": "en"})])
    clock.now += timedelta(seconds=5)
    log.record([AuditEvent("message", cid, {"lang": "en"}, text="question"), _reply(cid, decision)])


def seed(settings: Settings) -> Seeded:
    """Through the real TransparencyLog, with the app's own keys and a clock we move."""
    start = datetime.now(UTC) - timedelta(days=45)
    clock = Clock(start)
    storage = open_storage(settings, Overrides(clock=clock))  # the app's database and keys
    log = storage.log
    kb = log.record([AuditEvent("kb_version", None, {"version": "abc", "documents": 7})])
    kb_ts = json.loads(log.entry(kb[0].index))["ts"]
    # 20 conversations 44 days ago: outside the 30-day window, all escalated and taken over.
    clock.now = start + timedelta(days=1)
    for i in range(20):
        _conversation(log, clock, f"old-{i}", "escalate")
        log.record([AuditEvent("takeover", f"old-{i}", {"caseworker": "cw", "action": "claim"})])
    clock.now = datetime.now(UTC) - timedelta(days=10)
    # Nine of the ten escalations reach a person after 1, 2, ... 9 minutes (median 5 min); a
    # caseworker's note does not count as reaching the citizen. Entries are recorded in time
    # order: the log never lets an entry's time go back.
    k = 0
    for i in range(100):
        clock.now += timedelta(minutes=3)
        decision = DECISIONS[i % 10]
        cid = f"c-{i}"
        _conversation(log, clock, cid, decision)
        if decision != "escalate" or k == 9:
            continue
        moment = clock.now
        clock.now = moment + timedelta(seconds=10)
        log.record([AuditEvent("staff_reply", cid, {"caseworker": "cw", "action": "note"})])
        clock.now = moment + timedelta(minutes=k + 1)
        kind = "takeover" if k % 2 else "staff_reply"
        log.record(
            [AuditEvent(kind, cid, {"caseworker": "cw", "action": "claim" if k % 2 else "reply"})]
        )
        k += 1
    clock.now = datetime.now(UTC) - timedelta(minutes=1)
    log.checkpoint()
    size = log.size()
    storage.close()
    return Seeded(size=size, kb_ts=kb_ts)


@pytest.fixture
def seeded(settings: Settings) -> Seeded:
    return seed(settings)


@pytest.fixture
def client(settings: Settings, seeded: Seeded) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as c:
        yield c


def _live_expected() -> dict[str, object]:
    return {
        "days": 30,
        "complete": True,
        "conversations": 100,
        "replies": 100,
        "answered": {"count": 60, "share": 0.6},
        "refused": {"count": 20, "share": 0.2},
        "escalated": {"count": 10, "share": 0.1},
        "blocked": {"count": 10, "share": 0.1},
        "escalations_reached_by_a_person": 9,
        "median_seconds_to_a_person": 300.0,
    }


def _without_times(live: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in live.items() if k not in ("from", "to", "entries_scanned")}


def test_live_figures_match_the_seeded_log_exactly(client: TestClient, seeded: Seeded) -> None:
    record = client.get("/transparency.json").json()
    assert _without_times(record["live"]) == _live_expected()
    assert record["knowledge_base"]["sources"] == 7
    assert record["knowledge_base"]["last_updated"] == seeded.kb_ts
    assert record["log"]["size"] == seeded.size
    assert record["log"]["checkpoint"]["size"] == seeded.size
    assert record["log"]["public_key"] == client.get("/audit/key").text.strip()


def test_record_names_the_running_configuration(client: TestClient, seeded: Seeded) -> None:
    record = client.get("/transparency.json").json()
    assert record["organisation"]["name"] == "City of Exampleton"
    assert record["ai_system"]["is_ai_system"] is True
    assert record["model"] == {
        "answer_mode": "extractive",
        "name": None,
        "configured_model": "none (extractive)",
        "model_switched_on": True,
        "runs_locally": True,
    }
    assert record["guards"]["policy_version"] == "exampleton-guards-2026.12-r46"
    assert record["guards"]["max_message_chars"] == 2000
    kb_version = services_of(client).kb_version()
    assert kb_version and record["knowledge_base"]["version"] == kb_version
    # The newest of texts reviewed (2026-11-23), evaluation measured (evaluation.yaml) and the KB.
    recorded = yaml.safe_load(EVALUATION.read_text(encoding="utf-8"))
    assert record["last_changed"] == max(str(recorded["measured"]), seeded.kb_ts[:10])
    # Counts as recorded, the share computed from them.
    hits, total = recorded["figures"][1]["hits"], recorded["figures"][1]["total"]
    second = record["evaluation"]["figures"][1]
    assert (second["hits"], second["total"], second["share"]) == (
        hits,
        total,
        round(hits / total, 4),
    )
    # Only frozen splits and held-out sets are published, with what the system gets wrong.
    assert all(
        "frozen" in f["set"] or "held-out" in f["set"] for f in record["evaluation"]["figures"]
    )
    assert record["evaluation"]["known_failures"]


def test_record_validates_against_the_published_schema(client: TestClient) -> None:
    schema = client.get("/transparency.schema.json").json()
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    record = client.get("/transparency.json").json()
    validator.validate(record)
    del record["live"]["conversations"]
    record["model"]["runs_locally"] = "yes"
    errors = {e.message for e in validator.iter_errors(record)}
    assert "'conversations' is a required property" in errors
    assert "'yes' is not of type 'boolean'" in errors


def test_page_shows_the_same_figures(client: TestClient) -> None:
    html = client.get("/transparency").text
    assert "Last 30 days" in html
    assert "60.0 % (60)" in html
    assert "10.0 % (10)" in html
    assert "5.0 minutes (9 conversations)" in html
    assert "exampleton-guards-2026.12-r46" in html
    assert "/transparency.json" in html


def test_cli_show_prints_the_same_figures(
    client: TestClient, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENCOUNTER_ANSWER_MODE", "extractive")
    served = client.get("/transparency.json").json()
    runner = CliRunner()
    args = ["transparency", "show", "--data-dir", str(settings.data_dir)]
    shown = runner.invoke(build_cli(), [*args, "--json"])
    assert shown.exit_code == 0, shown.output
    printed = json.loads(shown.output)
    assert _without_times(printed["live"]) == _without_times(served["live"]) == _live_expected()
    assert printed["log"] == served["log"]
    table = runner.invoke(build_cli(), args)
    assert table.exit_code == 0, table.output
    assert "60.0 % (60)" in table.output
    assert "300.0" in table.output


def test_a_bad_texts_file_is_a_clear_error(settings: Settings, tmp_path: Path) -> None:
    broken = tmp_path / "transparency.yaml"
    broken.write_text("purpose: only this\n", encoding="utf-8")
    app = create_app(settings.model_copy(update={"transparency_file": broken}))
    with TestClient(app) as c:
        for path in ("/transparency.json", "/transparency"):
            r = c.get(path)
            assert r.status_code == 503
            assert "lacks the field(s) reviewed, data_kept, owner" in r.text
