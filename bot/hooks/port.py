"""The escalation hook interface that built-ins and plugins share.

A plugin is a distribution with an entry point in the group `opencounter.escalation_hooks`
naming a factory `(HookOptions) -> EscalationHook | None` (None: not configured, skip).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Protocol

from bot.handoff.state import Handoff

ENTRY_POINT_GROUP = "opencounter.escalation_hooks"


class HookDeliveryFailed(Exception):
    """This attempt did not reach the outside system; the dispatcher may retry."""


@dataclass(frozen=True)
class EscalationNotice:
    """What an outside system learns: labels and a link, never the citizen's words."""

    handoff: int
    conversation: str
    kind: str
    reason: str
    topic: str
    lang: str
    priority: str
    team: str
    created_at: str
    console_url: str

    @classmethod
    def of(cls, handoff: Handoff, public_url: str) -> EscalationNotice:
        return cls(
            handoff=handoff.id,
            conversation=handoff.conversation_id,
            kind=handoff.kind,
            reason=handoff.reason,
            topic=handoff.topic,
            lang=handoff.lang,
            priority=handoff.priority_label,
            team=handoff.team,
            created_at=handoff.created_at.isoformat(),
            console_url=f"{public_url.rstrip('/')}/console/handoffs/{handoff.id}",
        )

    def to_json(self) -> bytes:
        return json.dumps(asdict(self), sort_keys=True, separators=(",", ":")).encode()


@dataclass(frozen=True)
class HookOptions:
    """Hook configuration from the settings; `extra` is free-form, for plugins."""

    public_url: str = "http://127.0.0.1:8000"
    webhook_url: str | None = None
    webhook_secret: str | None = None
    email_to: str | None = None
    email_from: str = "opencounter@localhost"
    smtp_host: str = "127.0.0.1"
    smtp_port: int = 25
    timeout_s: float = 10.0
    extra: Mapping[str, str] = field(default_factory=dict)


class EscalationHook(Protocol):
    name: str

    def deliver(self, notice: EscalationNotice) -> None:
        """Deliver once; raise `HookDeliveryFailed` to be retried."""
        ...
