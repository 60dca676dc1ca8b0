"""Live figures from the log's recent entries: conversations, decisions, time to a person.

What each entry counts as is decided in `web.log_figures`, shared with the oversight
statistics, so the public record and the oversight body read the same numbers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from web.log_figures import CONVERSATION_STARTED, reply_decision, time_to_a_person
from web.transparency.window import JsonEntry

# The record's name for each decision.
DECISION_NAMES = {
    "answer": "answered",
    "refuse": "refused",
    "escalate": "escalated",
    "block_pii": "blocked",
}


@dataclass(frozen=True)
class DecisionShare:
    count: int
    share: float | None  # of all replies, rounded to 4 decimals; None without replies


@dataclass(frozen=True)
class LiveFigures:
    conversations: int
    replies: int
    answered: DecisionShare
    refused: DecisionShare
    escalated: DecisionShare
    blocked: DecisionShare
    escalations_reached_by_a_person: int
    median_seconds_to_a_person: float | None


def _share(count: int, total: int) -> DecisionShare:
    return DecisionShare(count, round(count / total, 4) if total else None)


def live_figures(entries: Sequence[JsonEntry]) -> LiveFigures:
    """Figures over `entries` (oldest first), as the log recorded them."""
    conversations = 0
    decisions = dict.fromkeys(DECISION_NAMES.values(), 0)
    for entry in entries:
        decision = reply_decision(entry)
        if decision is not None:
            decisions[DECISION_NAMES[decision]] += 1
        elif entry.get("type") == CONVERSATION_STARTED:
            conversations += 1
    replies = sum(decisions.values())
    waits = time_to_a_person(entries)
    return LiveFigures(
        conversations=conversations,
        replies=replies,
        answered=_share(decisions["answered"], replies),
        refused=_share(decisions["refused"], replies),
        escalated=_share(decisions["escalated"], replies),
        blocked=_share(decisions["blocked"], replies),
        escalations_reached_by_a_person=waits.reached,
        median_seconds_to_a_person=waits.median_seconds,
    )
