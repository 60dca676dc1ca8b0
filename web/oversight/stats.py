"""Statistics of the log over a time range, computed from the oversight projection.

Every figure is a count or a measure of entries in the range: conversations started
(`disclosure`), replies by decision, reasons, guard triggers, feedback, time from a
conversation's first escalation to a person, reply latency, and the knowledge-base
versions and models that replies were made with, per day. What an entry counts as (a
conversation, a reply, a request for a person, a person in touch) is decided in
`web.log_figures`, shared with the public transparency record.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from web.log_figures import (
    CONVERSATION_STARTED,
    DECISIONS,
    PERSON_TYPES,
    REPLY_TYPES,
    DayEnergy,
    PersonWaits,
    energy_by_day,
    energy_total,
    grams_co2e,
    time_to_a_person,
)
from web.oversight.facets import FacetIndex, FacetQuery
from web.transparency.window import EntrySource, read_recent

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


@dataclass(frozen=True)
class EnergyFigures:
    """The range's replies' energy per day, read from the log's reply entries by the same rule
    as the public record (`web.log_figures.energy_by_day`), and the grid that weighs it."""

    days: list[DayEnergy]
    grid_g_per_kwh: float
    # False when the scan bound stopped before the range's start (the figures undercount).
    complete: bool

    @property
    def total(self) -> DayEnergy:
        return energy_total(self.days)

    @property
    def total_g_co2e(self) -> float:
        return grams_co2e(self.total.uwh, self.grid_g_per_kwh)


def energy_figures(
    log: EntrySource, start: datetime, end: datetime, grid_g_per_kwh: float, max_entries: int
) -> EnergyFigures:
    """Energy of the entries with `start <= ts < end`, from the log itself: the projection keeps
    no energy, and reading the entries keeps one implementation for /transparency and here."""
    recent = read_recent(log, start, end - timedelta(milliseconds=1), max_entries=max_entries)
    return EnergyFigures(energy_by_day(recent.entries), grid_g_per_kwh, recent.complete)


def _range(since: date, until: date) -> list[str]:
    span = min((until - since).days + 1, MAX_DAYS)
    return [(since + timedelta(days=n)).isoformat() for n in range(max(span, 0))]


def _sorted(counts: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def compute_statistics(
    facets: FacetIndex, since: date, until: date, start: datetime, end: datetime
) -> Statistics:
    """Figures for the entries with `start <= ts < end`: the whole UTC days `since`..`until`.

    Counts come from the projection's per-day counts (a few rows per day and label, however
    busy the log); only the time to a person reads entries (escalations and takeovers).
    """
    days = _range(since, until)
    first, last = days[0] if days else since.isoformat(), days[-1] if days else until.isoformat()

    def counted(dimension: str, *types: str) -> Counter[str]:
        totals: Counter[str] = Counter()
        for _, value, count in facets.daily(first, last, types, dimension):
            totals[value] += count
        return totals

    per_day = counted_by_day(facets, first, last, (CONVERSATION_STARTED,), "all")
    decisions = counted("decision", *REPLY_TYPES)
    guards = counted("guard", "message")
    guards.pop("ok", None)
    waits = _time_to_person(facets, start, end)
    latency = _latency(facets, first, last)
    return Statistics(
        since=since,
        until=until,
        days=days,
        conversations_per_day=[(day, sum(per_day.get(day, {}).values())) for day in days],
        decisions=[(name, decisions.get(name, 0)) for name in DECISIONS],
        escalation_reasons=_sorted(counted("reason", "escalation")),
        refusal_reasons=_sorted(counted("reason", "refusal")),
        guard_triggers=_sorted(guards),
        feedback=_sorted(counted("rating", "feedback")),
        escalated_conversations=waits.asked,
        reached=waits.reached,
        median_seconds_to_person=waits.median_seconds,
        wait_buckets=_bucketed(waits.waits),
        latency=[latency[day] for day in days if day in latency],
        kb_versions=_per_day(facets, "kb_version", first, last, days),
        models=_per_day(facets, "model", first, last, days),
    )


def counted_by_day(
    facets: FacetIndex, first: str, last: str, types: tuple[str, ...], dimension: str
) -> dict[str, Counter[str]]:
    """day -> value -> count, from the projection's day counts."""
    by_day: dict[str, Counter[str]] = defaultdict(Counter)
    for day, value, count in facets.daily(first, last, types, dimension):
        by_day[day][value] += count
    return by_day


def _time_to_person(facets: FacetIndex, start: datetime, end: datetime) -> PersonWaits:
    """Requests for a person and the waits until one, from the projection's labels."""
    columns = ["conversation", "type", "ts", "action"]
    rows = facets.rows(FacetQuery(since=start, until=end, types=PERSON_TYPES), columns)
    return time_to_a_person(dict(zip(columns, row, strict=True)) for row in rows)


def _bucketed(waits: tuple[float, ...]) -> list[tuple[str, int]]:
    counts = dict.fromkeys((label for _, label in WAIT_BUCKETS), 0)
    for wait in waits:
        label = next(label for bound, label in WAIT_BUCKETS if wait < bound)
        counts[label] += 1
    return list(counts.items())


def _latency(facets: FacetIndex, first: str, last: str) -> dict[str, DayLatency]:
    """Exact p50 / p95 per day from the count of each latency value."""
    result = {}
    for day, counts in counted_by_day(facets, first, last, REPLY_TYPES, "latency_ms").items():
        values = sorted((int(value), n) for value, n in counts.items())
        total = sum(n for _, n in values)
        result[day] = DayLatency(
            day, total, _nth(values, int(0.5 * total)), _nth(values, int(0.95 * total))
        )
    return result


def _nth(values: list[tuple[int, int]], position: int) -> int:
    """The value at `position` (0-based) of the sorted multiset given as (value, count)."""
    seen = 0
    for value, count in values:
        seen += count
        if position < seen:
            return value
    return values[-1][0]


def _per_day(
    facets: FacetIndex, column: str, first: str, last: str, days: list[str]
) -> dict[str, list[int]]:
    """Replies per day for each value of `column` (a knowledge-base version, a model)."""
    series: dict[str, list[int]] = {}
    position = {day: n for n, day in enumerate(days)}
    for day, counts in counted_by_day(facets, first, last, REPLY_TYPES, column).items():
        if day not in position:
            continue
        for value, count in counts.items():
            series.setdefault(value, [0] * len(days))[position[day]] += count
    return series
