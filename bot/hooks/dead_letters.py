"""The dead-letter record: notices no attempt could deliver, kept for an operator to resend."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Column, DateTime, Engine, Integer, MetaData, String, Table, Text, select


def dead_letter_table(metadata: MetaData) -> Table:
    """Declare the table of hook calls that failed every attempt on `metadata`."""
    return Table(
        "bot_hook_dead_letters",
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("hook", String(64), nullable=False),
        Column("handoff_id", Integer, nullable=False),
        Column("payload", Text, nullable=False),
        Column("error", Text, nullable=False),
        Column("attempts", Integer, nullable=False),
        Column("created_at", DateTime(timezone=True), nullable=False),
    )


@dataclass(frozen=True)
class DeadLetter:
    id: int
    hook: str
    handoff_id: int
    payload: str
    error: str
    attempts: int
    created_at: datetime


class DeadLetterStore:
    def __init__(self, engine: Engine, table: Table) -> None:
        self._engine = engine
        self.table = table

    def add(
        self, hook: str, handoff_id: int, payload: bytes, error: str, attempts: int, at: datetime
    ) -> None:
        with self._engine.begin() as db:
            db.execute(
                self.table.insert().values(
                    hook=hook,
                    handoff_id=handoff_id,
                    payload=payload.decode(),
                    error=error[:2000],
                    attempts=attempts,
                    created_at=at,
                )
            )

    def all(self) -> list[DeadLetter]:
        with self._engine.connect() as db:
            rows = db.execute(select(self.table).order_by(self.table.c.id)).all()
        return [
            DeadLetter(r.id, r.hook, r.handoff_id, r.payload, r.error, r.attempts, r.created_at)
            for r in rows
        ]
