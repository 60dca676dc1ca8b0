"""Statistics of the log over a time range, computed from the oversight projection.

Every figure is a count or a measure of entries in the range: conversations started
(`disclosure`), replies by decision, reasons, guard triggers, feedback, time from a
conversation's first escalation to a person, reply latency, and the knowledge-base
versions and models that replies were made with, per day.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from statistics import median

from audit.facets import FacetIndex, FacetQuery

REPLY_TYPES = ("answer", "refusal", "escalation")
DECISIONS = ("answer", "refuse", "escalate", "block_pii")
# Reaching a person: a caseworker taking the conversation or writing to the citizen
# (an internal note is not a reply to the citizen).
_REACHED = ("takeover", "staff_reply")
# Buckets for time to a person, in seconds: (upper bound, label).
WAIT_BUCKETS: tuple[tuple[float, str], ...] = (
    (60, "under 1 min"),
    (300, "1–5 min"),
    (900, "5–15 min"),
    (3600, "15–60 min"),
    (4 * 3600, "1–4 h"),
    (float("inf"), "over 4 h"),
)
MAX_DAYS = 366


@dataclass(frozen=True)
class DayLatency:
    day: str
    replies: int
    p50_ms: int
    p95_ms: int


@dataclass(frozen=True)
class Statistics:
    since: date
    until: date
    days: list[str]
    conversations_per_day: list[tuple[str, int]]
    decisions: list[tuple[str, int]]
    escalation_reasons: list[tuple[str, int]]
    refusal_reasons: list[tuple[str, int]]
    guard_triggers: list[tuple[str, int]]
    feedback: list[tuple[str, int]]
    escalated_conversations: int
    reached: int
    median_seconds_to_person: float | None
    wait_buckets: list[tuple[str, int]]
    latency: list[DayLatency]
    kb_versions: dict[str, list[int]]
    models: dict[str, list[int]]

    @property
    def replies(self) -> int:
        return sum(count for _, count in self.decisions)


def _range(since: date, until: date) -> list[str]:
    span = min((until - since).days + 1, MAX_DAYS)
    return [(since + timedelta(days=n)).isoformat() for n in range(max(span, 0))]


def _sorted(counts: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def _percentile(values: list[int], share: float) -> int:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def compute_statistics(
    facets: FacetIndex, since: date, until: date, start: datetime, end: datetime
) -> Statistics:
    """Figures for the entries with `start <= ts < end` (`since`..`until` are its days)."""
    days = _range(since, until)

    def counted(group: str, entry_type: str) -> Counter[str]:
        query = FacetQuery(since=start, until=end, type=entry_type)
        return Counter(
            {str(row[0]): int(str(row[1])) for row in facets.counts(query, [group]) if row[0]}
        )

    per_day = counted("day", "disclosure")
    decisions: Counter[str] = Counter()
    for entry_type in REPLY_TYPES:
        decisions.update(counted("decision", entry_type))
    guards = counted("guard", "message")
    guards.pop("ok", None)
    escalated, waits = _time_to_person(facets, start, end)
    latency = _latency(facets, start, end)
    return Statistics(
        since=since,
        until=until,
        days=days,
        conversations_per_day=[(day, per_day.get(day, 0)) for day in days],
        decisions=[(name, decisions.get(name, 0)) for name in DECISIONS],
        escalation_reasons=_sorted(counted("reason", "escalation")),
        refusal_reasons=_sorted(counted("reason", "refusal")),
        guard_triggers=_sorted(guards),
        feedback=_sorted(counted("rating", "feedback")),
        escalated_conversations=escalated,
        reached=len(waits),
        median_seconds_to_person=median(waits) if waits else None,
        wait_buckets=_bucketed(waits),
        latency=[latency[day] for day in days if day in latency],
        kb_versions=_per_day(facets, "kb_version", start, end, days),
        models=_per_day(facets, "model", start, end, days),
    )


def _time_to_person(facets: FacetIndex, start: datetime, end: datetime) -> tuple[int, list[float]]:
    """Conversations escalated, and seconds from each first escalation to a person."""
    rows = facets.rows(
        FacetQuery(since=start, until=end, types=("escalation", *_REACHED)),
        ["conversation", "type", "ts", "action"],
    )
    first_escalation: dict[str, datetime] = {}
    waits: list[float] = []
    done: set[str] = set()
    for conversation, entry_type, stamp, action in rows:
        if not isinstance(conversation, str) or not isinstance(stamp, str):
            continue
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
        if entry_type == "escalation":
            first_escalation.setdefault(conversation, moment)
        elif conversation in first_escalation and conversation not in done and action != "note":
            waits.append((moment - first_escalation[conversation]).total_seconds())
            done.add(conversation)
    return len(first_escalation), waits


def _bucketed(waits: list[float]) -> list[tuple[str, int]]:
    counts = dict.fromkeys((label for _, label in WAIT_BUCKETS), 0)
    for wait in waits:
        label = next(label for bound, label in WAIT_BUCKETS if wait < bound)
        counts[label] += 1
    return list(counts.items())


def _latency(facets: FacetIndex, start: datetime, end: datetime) -> dict[str, DayLatency]:
    rows = facets.rows(FacetQuery(since=start, until=end, types=REPLY_TYPES), ["day", "latency_ms"])
    by_day: dict[str, list[int]] = defaultdict(list)
    for day, latency in rows:
        if isinstance(latency, int):
            by_day[str(day)].append(latency)
    return {
        day: DayLatency(day, len(values), _percentile(values, 0.5), _percentile(values, 0.95))
        for day, values in by_day.items()
    }


def _per_day(
    facets: FacetIndex, column: str, start: datetime, end: datetime, days: list[str]
) -> dict[str, list[int]]:
    """Replies per day for each value of `column` (a knowledge-base version, a model)."""
    query = FacetQuery(since=start, until=end, types=REPLY_TYPES)
    series: dict[str, list[int]] = {}
    position = {day: n for n, day in enumerate(days)}
    for day, value, count in facets.counts(query, ["day", column]):
        if value is None or str(day) not in position:
            continue
        values = series.setdefault(str(value), [0] * len(days))
        values[position[str(day)]] += int(str(count))
    return series
