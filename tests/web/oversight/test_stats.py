"""Statistics over a seeded log match what was seeded, exactly, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import Engine

from audit.sink import AuditEvent
from tests.audit.test_log import Clock, make_log
from tests.schema import facet_index
from web.oversight.facets import FacetIndex
from web.oversight.service import day_bounds
from web.oversight.stats import Statistics, compute_statistics

DAY1 = datetime(2026, 8, 2, 9, 0, tzinfo=UTC)


def _reply(
    kind: str, decision: str, reason: str, latency: int, kb: str, conversation: str = "c"
) -> AuditEvent:
    fields: dict[str, object] = {
        "decision": decision,
        "reason": reason,
        "lang": "en",
        "mode": "extractive" if decision == "answer" else "fixed",
        "kb_version": kb,
        "latency_ms": latency,
    }
    return AuditEvent(kind, conversation, fields)  # type: ignore[arg-type]


def _seed(engine: Engine) -> None:
    """Day 1: 3 conversations, 10 answers (latency 1..10 ms), 2 refusals, a PII block, a guard
    trigger; day 2: 1 conversation, an escalation reached by a person 90 s later, feedback."""
    clock = Clock()
    log = make_log(engine, clock)
    clock.now = DAY1
    log.record(
        [AuditEvent("disclosure", f"c{n}", {"disclosure_version": "v1"}) for n in range(3)]
        + [_reply("answer", "answer", "answered", ms, "kb-1") for ms in range(1, 11)]
        + [_reply("refusal", "refuse", "not_covered", 40, "kb-1") for _ in range(2)]
        + [_reply("refusal", "block_pii", "pii.email", 5, "kb-1")]
        + [AuditEvent("message", "c", {"guard": "injection.direct"})]
        + [AuditEvent("message", "c", {"guard": "ok"})]
    )
    clock.now = DAY1 + timedelta(days=1)
    log.record(
        [
            AuditEvent("disclosure", "d", {"disclosure_version": "v1"}),
            _reply("escalation", "escalate", "person.button", 7, "kb-2", "d"),
        ]
    )
    clock.now += timedelta(seconds=30)
    log.record([AuditEvent("staff_reply", "d", {"caseworker": "s1", "action": "note"})])
    clock.now += timedelta(seconds=60)
    log.record(
        [
            AuditEvent("takeover", "d", {"caseworker": "s1", "action": "claim"}),
            AuditEvent("feedback", "d", {"rating": "helpful", "answer": 3}),
        ]
    )


def _stats(facets: FacetIndex, first: date, last: date) -> Statistics:
    start, end = day_bounds(first, last)
    assert start is not None and end is not None
    return compute_statistics(facets, first, last, start, end)


def test_statistics_match_the_seeded_log(engine: Engine) -> None:
    _seed(engine)
    facets = facet_index(engine, batch=4)  # small batches: day counts add up across them
    facets.catch_up(100)
    stats = _stats(facets, date(2026, 8, 1), date(2026, 8, 3))
    assert stats.conversations_per_day == [
        ("2026-08-01", 0),
        ("2026-08-02", 3),
        ("2026-08-03", 1),
    ]
    assert stats.decisions == [
        ("answer", 10),
        ("refuse", 2),
        ("escalate", 1),
        ("block_pii", 1),
    ]
    assert stats.refusal_reasons == [("not_covered", 2), ("pii.email", 1)]
    assert stats.escalation_reasons == [("person.button", 1)]
    assert stats.guard_triggers == [("injection.direct", 1)]
    assert stats.feedback == [("helpful", 1)]
    # The note is not a person reaching the citizen; the claim, 90 s after, is.
    assert (stats.escalated_conversations, stats.reached) == (1, 1)
    assert stats.median_seconds_to_person == 90
    day1, day2 = stats.latency
    # Day 1: latencies 1..10, 40, 40, 5 -> sorted 1,2,3,4,5,5,6,7,8,9,10,40,40.
    assert (day1.day, day1.replies, day1.p50_ms, day1.p95_ms) == ("2026-08-02", 13, 6, 40)
    assert (day2.replies, day2.p50_ms, day2.p95_ms) == (1, 7, 7)
    assert stats.kb_versions == {"kb-1": [0, 13, 0], "kb-2": [0, 0, 1]}
    assert stats.models == {"extractive": [0, 10, 0], "fixed": [0, 3, 1]}
    only_day2 = _stats(facets, date(2026, 8, 3), date(2026, 8, 3))
    assert only_day2.decisions == [
        ("answer", 0),
        ("refuse", 0),
        ("escalate", 1),
        ("block_pii", 0),
    ]
