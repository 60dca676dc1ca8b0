"""Reading the log's window backwards: same entries whatever the batch, bounded, rare entries found."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from web.transparency.figures import live_figures
from web.transparency.window import read_recent

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def _ts(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


class ListLog:
    """A log held in a list, read the way LogReader reads: from an index, in batches."""

    def __init__(self, entries: list[dict[str, object]]) -> None:
        # Compact like the RFC 8785 entries the log stores (no spaces between tokens).
        self.rows = [json.dumps(e, separators=(",", ":"), sort_keys=True).encode() for e in entries]
        self.reads = 0

    def size(self) -> int:
        return len(self.rows)

    def entries(self, start: int = 0, batch: int = 50_000) -> Iterator[tuple[int, bytes]]:
        position = start
        while position < len(self.rows):
            self.reads += 1
            chunk = self.rows[position : position + batch]
            yield from enumerate(chunk, start=position)
            position += batch


def _log(days_back: int, per_day: int) -> ListLog:
    """`per_day` disclosures a day for `days_back` days, an ingest at the very start."""
    entries: list[dict[str, object]] = [
        {"type": "kb_version", "ts": _ts(NOW - timedelta(days=days_back + 1)), "documents": 3}
    ]
    for day in range(days_back, 0, -1):
        for n in range(per_day):
            moment = NOW - timedelta(days=day) + timedelta(minutes=n)
            entries.append({"type": "disclosure", "ts": _ts(moment), "conversation": f"{day}-{n}"})
    return ListLog(entries)


@pytest.mark.parametrize("batch", [1, 7, 50, 10_000])
def test_the_window_is_the_same_whatever_the_batch(batch: int) -> None:
    log = _log(days_back=40, per_day=5)
    recent = read_recent(log, NOW - timedelta(days=30), NOW, batch=batch)
    assert recent.complete
    assert [e["conversation"] for e in recent.entries] == [
        f"{day}-{n}" for day in range(30, 0, -1) for n in range(5)
    ]
    assert recent.kb_version is not None and recent.kb_version["documents"] == 3
    assert live_figures(recent.entries).conversations == 150


def test_scan_stops_at_the_bound_and_says_the_figures_are_partial() -> None:
    log = _log(days_back=40, per_day=5)
    recent = read_recent(log, NOW - timedelta(days=30), NOW, batch=10, max_entries=25)
    assert recent.scanned == 25
    assert not recent.complete
    assert len(recent.entries) == 25
    assert recent.kb_version is None


def test_scan_reads_only_the_window_when_the_rare_entries_are_recent() -> None:
    log = _log(days_back=400, per_day=5)
    log.rows.append(b'{"documents":9,"ts":"%s","type":"kb_version"}' % _ts(NOW).encode())
    log.rows.append(b'{"ts":"%s","type":"config_change"}' % _ts(NOW).encode())
    recent = read_recent(log, NOW - timedelta(days=30), NOW, batch=50)
    assert recent.kb_version is not None and recent.kb_version["documents"] == 9
    # 152 window entries plus at most one batch beyond the window's start, not 2,000.
    assert recent.scanned <= 152 + 50
    assert len(recent.entries) == 152


def test_figures_count_decisions_and_first_person_per_escalation() -> None:
    t0 = NOW - timedelta(days=1)

    def entry(kind: str, seconds: int, **fields: object) -> dict[str, object]:
        return {"type": kind, "ts": _ts(t0 + timedelta(seconds=seconds)), **fields}

    entries = [
        entry("disclosure", 0, conversation="a"),
        entry("escalation", 1, conversation="a", decision="escalate"),
        entry("staff_reply", 30, conversation="a", action="note"),
        entry("takeover", 90, conversation="a", action="claim"),
        entry("staff_reply", 200, conversation="a", action="reply"),
        entry("escalation", 2, conversation="b", reason="callback_requested"),
        entry("takeover", 20, conversation="b", action="claim"),
        entry("refusal", 3, conversation="c", decision="block_pii"),
    ]
    figures = live_figures(entries)
    assert figures.replies == 2
    assert (figures.escalated.count, figures.blocked.count, figures.answered.share) == (1, 1, 0.0)
    # b's call-back request is not a reply, but it waits for a person (web.log_figures): 18 s.
    assert figures.escalations_reached_by_a_person == 2
    assert figures.median_seconds_to_a_person == (89.0 + 18.0) / 2


def test_a_later_scan_looks_for_rare_entries_only_above_what_was_searched() -> None:
    log = _log(days_back=400, per_day=5)
    first = read_recent(log, NOW - timedelta(days=30), NOW, batch=50)
    assert first.scanned == log.size()  # no config_change anywhere: the whole log was searched
    assert first.rare.searched == log.size()
    log.rows.append(b'{"ts":"%s","type":"disclosure"}' % _ts(NOW).encode())
    later = read_recent(log, NOW - timedelta(days=30), NOW, batch=50, known=first.rare)
    assert later.scanned <= 151 + 50
    assert later.kb_version == first.kb_version
    assert later.rare.searched == log.size()
    assert len(later.entries) == 151
