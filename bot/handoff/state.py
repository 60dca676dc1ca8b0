"""What a handoff is: its reason, topic, language, priority, team and where it stands."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

HandoffState = Literal["waiting", "claimed", "returned", "closed"]
HandoffKind = Literal["live", "callback"]
# Lower sorts first: crisis before an urgent request before everything else.
PRIORITY_CRISIS = 0
PRIORITY_URGENT = 1
PRIORITY_NORMAL = 2
PRIORITY_LABELS = {PRIORITY_CRISIS: "crisis", PRIORITY_URGENT: "urgent", PRIORITY_NORMAL: "normal"}
# States in which the citizen's messages go to a person rather than to the bot.
ACTIVE_STATES: frozenset[str] = frozenset({"waiting", "claimed"})
OUTCOMES = ("resolved", "referred", "no_response", "duplicate", "other")


def priority_for(reason: str) -> int:
    """Crisis rules (self-harm, danger) come first; the guard names them `crisis.*`."""
    if reason.startswith("crisis"):
        return PRIORITY_CRISIS
    if reason.startswith(("urgent", "abuse")):
        return PRIORITY_URGENT
    return PRIORITY_NORMAL


@dataclass(frozen=True)
class Handoff:
    id: int
    conversation_id: str
    kind: HandoffKind
    reason: str
    topic: str
    lang: str
    priority: int
    team: str
    state: HandoffState
    created_at: datetime
    caseworker: str | None = None
    claimed_at: datetime | None = None
    closed_at: datetime | None = None
    outcome: str | None = None
    callback_text_id: int | None = None

    @property
    def priority_label(self) -> str:
        return PRIORITY_LABELS.get(self.priority, "normal")

    @property
    def active(self) -> bool:
        return self.state in ACTIVE_STATES


@dataclass(frozen=True)
class HandoffNote:
    """An internal note: only staff read it; the words sit encrypted in the audit vault."""

    id: int
    handoff_id: int
    caseworker: str
    text_id: int | None
    created_at: datetime


class HandoffError(Exception):
    """A handoff action that cannot be done as asked."""


class HandoffNotFound(HandoffError):
    """No handoff has this id."""


class HandoffConflict(HandoffError):
    """The handoff is not in a state that allows this (claimed by someone else, closed...)."""


class UnknownTeam(HandoffError):
    """Forwarding to a team that has no queue."""


class InvalidStaffText(HandoffError):
    """An empty or over-long reply or note."""
