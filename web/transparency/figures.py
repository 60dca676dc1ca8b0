"""Live figures from the log's recent entries: conversations, decisions, time to a person."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median

from web.transparency.window import JsonEntry, entry_time

# The engine logs every reply as an answer, refusal or escalation entry with a "decision";
# escalation entries without one (call-back requests) are not replies and are not counted.
REPLY_TYPES = frozenset({"answer", "refusal", "escalation"})
DECISION_NAMES = {"answer": "answered", "refuse": "refused", "escalate": "escalated"}
BLOCKED = "block_pii"
# A person has reached the citizen when a caseworker takes over or replies (not a staff note).
PERSON_TYPES = frozenset({"takeover", "staff_reply"})
PERSON_ACTIONS = frozenset({"claim", "reply"})


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


def _reaches_a_person(entry: JsonEntry) -> bool:
    if entry.get("type") not in PERSON_TYPES:
        return False
    action = entry.get("action")
    return action is None or action in PERSON_ACTIONS


def _waits_for_a_person(entries: Sequence[JsonEntry]) -> list[float]:
    """Seconds from a conversation's first escalation to the first person acting on it."""
    escalated_at: dict[str, float] = {}
    waits: dict[str, float] = {}
    for entry in entries:
        conversation = entry.get("conversation")
        if not isinstance(conversation, str) or conversation in waits:
            continue
        if entry.get("type") == "escalation" and entry.get("decision") == "escalate":
            escalated_at.setdefault(conversation, entry_time(entry).timestamp())
        elif conversation in escalated_at and _reaches_a_person(entry):
            waits[conversation] = entry_time(entry).timestamp() - escalated_at[conversation]
    return list(waits.values())


def live_figures(entries: Sequence[JsonEntry]) -> LiveFigures:
    """Figures over `entries` (oldest first), as the log recorded them."""
    conversations = 0
    decisions: dict[str, int] = {"answered": 0, "refused": 0, "escalated": 0, "blocked": 0}
    for entry in entries:
        kind = entry.get("type")
        if kind == "disclosure":
            conversations += 1
        elif kind in REPLY_TYPES:
            decision = entry.get("decision")
            if decision == BLOCKED:
                decisions["blocked"] += 1
            elif isinstance(decision, str) and decision in DECISION_NAMES:
                decisions[DECISION_NAMES[decision]] += 1
    replies = sum(decisions.values())
    waits = _waits_for_a_person(entries)
    return LiveFigures(
        conversations=conversations,
        replies=replies,
        answered=_share(decisions["answered"], replies),
        refused=_share(decisions["refused"], replies),
        escalated=_share(decisions["escalated"], replies),
        blocked=_share(decisions["blocked"], replies),
        escalations_reached_by_a_person=len(waits),
        median_seconds_to_a_person=round(median(waits), 3) if waits else None,
    )
