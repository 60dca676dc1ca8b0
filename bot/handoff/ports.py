"""What the handoff desk needs from outside: live events to people's screens, escalation hooks."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from bot.handoff.state import Handoff

QUEUE_CHANNEL = "queue"


def conversation_channel(conversation_id: str) -> str:
    return f"conversation:{conversation_id}"


class LiveEvents(Protocol):
    """Tells every app process that something changed; payloads carry ids, never words."""

    def publish(self, channel: str, event: Mapping[str, str]) -> None: ...


class EscalationNotifier(Protocol):
    """Tells outside systems (ticketing, email) that a handoff is waiting; must not block."""

    def notify(self, handoff: Handoff) -> None: ...
