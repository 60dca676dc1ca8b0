"""The oversight projection: caught up incrementally, filtered by labels and time, paged."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, create_engine, update

from audit.sink import AuditEvent
from tests.audit.test_log import Clock, make_log
from tests.schema import facet_index, tables
from web.oversight.facets import FacetQuery, facet_row

DAY = datetime(2026, 8, 2, 9, 0, tzinfo=UTC)


def _seed(engine: Engine, clock: Clock) -> None:
    """Day 1: an answer (en) and a refusal (fr); day 2: an escalation and a kb_version."""
    log = make_log(engine, clock)
    clock.now = DAY
    log.record(
        [
            AuditEvent("disclosure", "c1", {"disclosure_version": "v1", "lang": "en"}),
            AuditEvent("message", "c1", {"lang": "en", "guard": "ok", "guard_policy": "p1"}, "q"),
            AuditEvent(
                "answer",
                "c1",
                {
                    "decision": "answer",
                    "reason": "answered",
                    "lang": "en",
                    "mode": "extractive",
                    "citations": ["en/parking-permits", "en/contact"],
                    "kb_version": "kb-1",
                    "latency_ms": 12,
                },
                "a",
            ),
            AuditEvent(
                "refusal",
                "c2",
                {"decision": "refuse", "reason": "not_covered", "lang": "fr", "mode": "fixed"},
            ),
        ]
    )
    clock.now = DAY + timedelta(days=1)
    log.record(
        [
            AuditEvent(
                "escalation",
                "c1",
                {"decision": "escalate", "reason": "person.button", "lang": "en", "mode": "fixed"},
            ),
            AuditEvent("kb_version", None, {"version": "kb-2"}),
        ]
    )


def test_labels_are_read_from_the_entries(engine: Engine) -> None:
    _seed(engine, Clock())
    facets = facet_index(engine)
    assert facets.catch_up(6) == 6
    answer = facets.search(FacetQuery(type="answer")).rows
    assert len(answer) == 1
    row = answer[0]
    assert (row.idx, row.conversation, row.decision, row.reason) == (2, "c1", "answer", "answered")
    assert (row.topic, row.lang, row.kb_version, row.model, row.latency_ms) == (
        "en/parking-permits",
        "en",
        "kb-1",
        "extractive",
        12,
    )
    assert [r.idx for r in facets.search(FacetQuery(policy="p1")).rows] == [1]
    assert [r.kb_version for r in facets.search(FacetQuery(type="kb_version")).rows] == ["kb-2"]
    # A message carries no decision, so it names no model.
    assert facets.search(FacetQuery(type="message")).rows[0].model is None


def test_filters_combine_and_time_bounds_are_whole_and_exact(engine: Engine) -> None:
    _seed(engine, Clock())
    facets = facet_index(engine)
    facets.catch_up(6)

    def found(**labels: object) -> list[int]:
        return [r.idx for r in facets.search(FacetQuery(**labels)).rows]  # type: ignore[arg-type]

    assert found(lang="en") == [4, 2, 1, 0]
    assert found(lang="en", conversation="c1", decision="escalate") == [4]
    assert found(lang="fr", type="answer") == []
    assert found(since=DAY + timedelta(days=1)) == [5, 4]
    assert found(until=DAY + timedelta(days=1)) == [3, 2, 1, 0]
    assert found(since=DAY, until=DAY + timedelta(milliseconds=1)) == [3, 2, 1, 0]
    assert found(since=DAY + timedelta(days=3)) == []
    assert found(until=DAY - timedelta(days=3)) == []


def test_paging_is_newest_first_without_gaps_or_repeats(engine: Engine) -> None:
    clock = Clock()
    log = make_log(engine, clock)
    log.record([AuditEvent("message", f"c{n}", {"lang": "en"}) for n in range(23)])
    facets = facet_index(engine, batch=7)
    facets.catch_up(log.size())
    seen: list[int] = []
    before = None
    while True:
        page = facets.search(FacetQuery(type="message"), before=before, limit=5)
        seen.extend(r.idx for r in page.rows)
        if page.next_before is None:
            break
        before = page.next_before
    assert seen == list(range(22, -1, -1))


def test_catch_up_is_incremental_bounded_and_safe_from_two_threads(engine: Engine) -> None:
    log = make_log(engine, Clock())
    log.record([AuditEvent("message", "c", {"lang": "en"}) for _ in range(40)])
    facets = facet_index(engine, batch=6)
    assert facets.catch_up(log.size(), budget=10) == 10
    assert facets.search(FacetQuery()).indexed == 10
    # Two indexers at once (two app processes): every entry is indexed exactly once.
    other = facet_index(create_engine(engine.url), batch=6)
    threads = [threading.Thread(target=f.catch_up, args=(40,)) for f in (facets, other)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    other.engine.dispose()
    assert facets.indexed() == 40
    assert len(facets.rows(FacetQuery(), ["idx"])) == 40
    log.record([AuditEvent("message", "c", {"lang": "fr"})])
    assert facets.catch_up(log.size()) == 41
    assert [r.lang for r in facets.search(FacetQuery(lang="fr")).rows] == ["fr"]


def test_counts_and_distinct_values(engine: Engine) -> None:
    _seed(engine, Clock())
    facets = facet_index(engine)
    facets.catch_up(6)
    by_day = facets.counts(FacetQuery(), ["day"])
    assert by_day == [("2026-08-02", 4), ("2026-08-03", 2)]
    assert facets.distinct("lang") == ["en", "fr"]
    assert facets.distinct("kb_version") == ["kb-1", "kb-2"]
    assert facets.distinct("decision", limit=2) == ["answer", "escalate"]
    with pytest.raises(ValueError, match="not a label column"):
        facets.distinct("idx; DROP TABLE audit_facets")
    replies = facets.counts(FacetQuery(types=("answer", "refusal", "escalation")), ["decision"])
    assert replies == [("answer", 1), ("escalate", 1), ("refuse", 1)]


def test_a_damaged_entry_is_indexed_as_unknown_not_a_crash(engine: Engine) -> None:
    log = make_log(engine, Clock())
    log.record([AuditEvent("message", "c", {"lang": "en"})])
    entries = tables().audit.entries
    with engine.begin() as conn:
        conn.execute(update(entries).where(entries.c.idx == 0).values(data=b"\xff not json"))
    facets = facet_index(engine)
    facets.catch_up(1)
    assert [r.type for r in facets.search(FacetQuery()).rows] == ["unknown"]


def test_facet_row_ignores_fields_of_the_wrong_type() -> None:
    row = facet_row(
        3,
        {
            "type": "answer",
            "ts": "2026-08-02T09:00:00.000Z",
            "decision": "answer",
            "citations": [7],
            "latency_ms": True,
            "lang": 5,
        },
    )
    assert row["topic"] is None and row["latency_ms"] is None and row["lang"] is None
    assert row["day"] == "2026-08-02"


def test_catch_up_past_the_end_of_the_log_stops(engine: Engine) -> None:
    log = make_log(engine, Clock())
    log.record([AuditEvent("message", "c", {"lang": "en"}) for _ in range(3)])
    facets = facet_index(engine, batch=2)
    # A size read before another process's append was rolled back, say: no endless wait.
    assert facets.catch_up(10) == 3
