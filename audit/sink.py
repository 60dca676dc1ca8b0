"""The one interface through which the conversation engine writes to the transparency log."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

# JSON values allowed in an entry's metadata (no floats: RFC 8785 number rules stay trivial).
JsonValue = str | int | bool | None | Sequence["JsonValue"] | Mapping[str, "JsonValue"]


@dataclass(frozen=True)
class AuditEvent:
    """One thing that happened, described without personal data.

    `text`, when given, is the citizen's or the bot's words: the sink stores it apart,
    encrypted per conversation, and puts only a salted commitment into the log entry.
    """

    type: str
    conversation_id: str | None = None
    fields: Mapping[str, JsonValue] = field(default_factory=dict)
    text: str | None = None


@dataclass(frozen=True)
class Recorded:
    """Where an event landed: its leaf index and, if it carried text, the stored text's id."""

    index: int
    text_id: int | None


class LogUnavailable(Exception):
    """The log could not durably record an event; the caller must not acknowledge it."""


class AuditSink(Protocol):
    def record(self, events: Sequence[AuditEvent]) -> list[Recorded]:
        """Append the events in order; returns only after they are committed."""
        ...
