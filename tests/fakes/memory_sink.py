"""An AuditSink that keeps events in a list (the real log is tested in tests/audit).

Its unit of work is honest: the stores' writes go through a real transaction on the
engine it is given, and the unit's events join `events` only when that transaction
commits. `fail_at` makes the log fail at one step of a unit ("begin", "append" or
"commit") to show that then neither the state change nor the entry is kept.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Literal

from sqlalchemy import Connection, Engine

from audit.sink import AuditEvent, LogUnavailable, Recorded, UnitOfWork

FailurePoint = Literal["begin", "append", "commit"]


class MemorySink:
    def __init__(self, engine: Engine | None = None) -> None:
        self.events: list[AuditEvent] = []
        self.texts: list[str] = []
        self.fail = False
        self.fail_at: FailurePoint | None = None
        self._engine = engine

    def record(self, events: Sequence[AuditEvent]) -> list[Recorded]:
        if self.fail:
            raise LogUnavailable("the fake log is down")
        return _append(events, self.events, self.texts)

    @contextmanager
    def unit_of_work(self) -> Iterator[UnitOfWork]:
        if self._engine is None:
            raise RuntimeError("give MemorySink the stores' engine to use units of work")
        if self.fail or self.fail_at == "begin":
            raise LogUnavailable("the fake log is down")
        with self._engine.connect() as connection, connection.begin() as transaction:
            unit = _MemoryUnit(connection, self)
            yield unit  # an exception here leaves the block: the transaction rolls back
            if self.fail_at == "commit":
                transaction.rollback()
                raise LogUnavailable("the fake log failed to commit")
        # Committed: only now do the unit's entries exist.
        self.events.extend(unit.events)
        self.texts.extend(unit.texts)


class _MemoryUnit:
    def __init__(self, connection: Connection, sink: MemorySink) -> None:
        self._connection = connection
        self._sink = sink
        self.events: list[AuditEvent] = []
        self.texts: list[str] = []

    @property
    def connection(self) -> Connection:
        return self._connection

    def record(self, events: Sequence[AuditEvent]) -> list[Recorded]:
        if self._sink.fail_at == "append":
            raise LogUnavailable("the fake log failed to append")
        # Indices continue after what the sink holds plus what this unit has staged.
        staged_events = [*self._sink.events, *self.events]
        staged_texts = [*self._sink.texts, *self.texts]
        recorded = _append(events, staged_events, staged_texts)
        self.events = staged_events[len(self._sink.events) :]
        self.texts = staged_texts[len(self._sink.texts) :]
        return recorded


def _append(
    events: Sequence[AuditEvent], into: list[AuditEvent], texts: list[str]
) -> list[Recorded]:
    out = []
    for event in events:
        text_id = None
        if event.text is not None:
            texts.append(event.text)
            text_id = len(texts) - 1
        into.append(event)
        out.append(Recorded(index=len(into) - 1, text_id=text_id))
    return out
