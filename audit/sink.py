"""The one interface through which the conversation engine writes to the transparency log."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    # Type-only: `verify-receipt` imports this module where SQLAlchemy is not installed.
    from sqlalchemy import Connection

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
    """The log could not durably record an event; the caller must not acknowledge it.

    The subclasses below say why, so the edge can tell a person what is wrong and for how
    long; a plain `LogUnavailable` is a failure no subclass describes.
    """


class LogBlocked(LogUnavailable):
    """Another writer held the log's write lock longer than a write may wait for it."""


class LogOverloaded(LogUnavailable):
    """More writes were waiting than the log (or its connection pool) takes at once."""


class StorageUnreachable(LogUnavailable):
    """The database did not answer: refused, dropped or timed out the connection."""


class StorageFull(LogUnavailable):
    """The disk (or the database's quota) under the log is full."""


class StorageReadOnly(LogUnavailable):
    """The log's database or data directory cannot be written to."""


class UnitOfWork(Protocol):
    """One database transaction shared by a state change and its log entries.

    Stores write through `connection`; `record` appends inside the same transaction.
    When the `with` block ends without an exception, everything commits at once;
    otherwise nothing does, neither the state change nor any entry. A `Recorded`
    handed out inside the block counts only once the block has exited normally.
    """

    @property
    def connection(self) -> Connection: ...

    def record(self, events: Sequence[AuditEvent]) -> list[Recorded]:
        """Append the events in order inside this unit; raises `LogUnavailable` on failure."""
        ...


class AuditSink(Protocol):
    def record(self, events: Sequence[AuditEvent]) -> list[Recorded]:
        """Append the events in order; returns only after they are committed."""
        ...

    def unit_of_work(self) -> AbstractContextManager[UnitOfWork]:
        """Open a transaction in which state changes and log entries commit together.

        Raises `LogUnavailable` (nothing kept) when the log cannot begin, append or commit.
        """
        ...
