"""The statistics page's charts, each paired with the table of the numbers it draws."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from web.log_figures import grams_co2e
from web.oversight.charts import Bar, bar_chart, hbar_chart, stacked_chart
from web.oversight.stats import EnergyFigures, Statistics

_DECISION_LABELS = {
    "answer": "answered",
    "refuse": "refused",
    "escalate": "escalated",
    "block_pii": "blocked (personal data)",
}


@dataclass(frozen=True)
class Figure:
    """A chart and its data table: `rows` under `columns`, the same numbers as drawn."""

    key: str
    title: str
    chart: Markup
    columns: tuple[str, ...]
    rows: list[tuple[object, ...]]


def _bars(pairs: list[tuple[str, int]]) -> list[Bar]:
    return [Bar(label, value) for label, value in pairs]


def _category(key: str, title: str, column: str, pairs: list[tuple[str, int]]) -> Figure:
    return Figure(key, title, hbar_chart(title, _bars(pairs)), (column, "count"), list(pairs))


def _over_time(key: str, title: str, stats: Statistics, series: dict[str, list[int]]) -> Figure:
    # Tables list only the days with replies: a month of zeros says nothing.
    names = sorted(series)
    rows = [
        (day, *(series[name][n] for name in names))
        for n, day in enumerate(stats.days)
        if any(series[name][n] for name in names)
    ]
    chart = stacked_chart(
        title, stats.days, {name: list(map(float, series[name])) for name in names}
    )
    return Figure(key, title, chart, ("day", *names), rows)


def _energy(energy: EnergyFigures) -> Figure:
    title = "Energy of replies per day (estimate)"
    grid = energy.grid_g_per_kwh
    return Figure(
        "energy",
        title,
        bar_chart(title, [Bar(d.day, d.uwh / 1e6) for d in energy.days], unit="Wh"),
        ("day", "replies", "Wh", "Wh low–high", "g CO2e"),
        [
            (
                d.day,
                d.replies,
                f"{d.uwh / 1e6:.3f}",
                f"{d.uwh_low / 1e6:.3f}–{d.uwh_high / 1e6:.3f}",
                f"{grams_co2e(d.uwh, grid):.3f}",
            )
            for d in energy.days
        ],
    )


def stats_charts(stats: Statistics, energy: EnergyFigures | None = None) -> list[Figure]:
    """Every figure of the statistics page, in reading order."""
    decisions = [(_DECISION_LABELS[name], count) for name, count in stats.decisions]
    latency_title = "Reply latency per day, 95th percentile"
    latency_bars = [Bar(day.day, day.p95_ms) for day in stats.latency]
    return [
        Figure(
            "conversations",
            "Conversations started per day",
            bar_chart("Conversations started per day", _bars(stats.conversations_per_day)),
            ("day", "conversations"),
            [(day, n) for day, n in stats.conversations_per_day if n],
        ),
        _category("decisions", "Replies by decision", "decision", decisions),
        _category("escalations", "Escalation reasons", "reason", stats.escalation_reasons),
        _category("refusals", "Refusal reasons", "reason", stats.refusal_reasons),
        _category(
            "guards", "Guard triggers (messages stopped or flagged)", "guard", stats.guard_triggers
        ),
        _category("feedback", "Citizen feedback", "rating", stats.feedback),
        _category("waits", "Time from escalation to a person", "wait", stats.wait_buckets),
        Figure(
            "latency",
            latency_title,
            bar_chart(latency_title, latency_bars, unit="ms"),
            ("day", "replies", "p50 ms", "p95 ms"),
            [(d.day, d.replies, d.p50_ms, d.p95_ms) for d in stats.latency],
        ),
        _over_time("kb_versions", "Replies per knowledge-base version", stats, stats.kb_versions),
        _over_time("models", "Replies per model", stats, stats.models),
        *([_energy(energy)] if energy is not None else []),
    ]
