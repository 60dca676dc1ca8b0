"""Held answers (drafts) in the database; the words stay in the audit vault, never here.

Deciding a draft is a conditional update (`WHERE state = 'pending'`), so two caseworkers on
two app processes cannot both send it.
"""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import (
    Column,
    Connection,
    DateTime,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    select,
)
from sqlalchemy import update as sql_update
from sqlalchemy.engine import Row

from bot.conversations import Citation
from bot.handoff.drafts import Draft
from bot.handoff.store import writing


def draft_table(metadata: MetaData) -> Table:
    """Declare the table of answers drafted for a caseworker's approval on `metadata`."""
    return Table(
        "bot_drafts",
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("handoff_id", Integer, nullable=False, index=True),
        Column("conversation_id", String(64), nullable=False, index=True),
        Column("text_id", Integer, nullable=True),
        Column("log_index", Integer, nullable=False),
        Column("lang", String(8), nullable=False),
        Column("mode", String(64), nullable=False),
        Column("reason", String(64), nullable=False),
        Column("citations", Text, nullable=False),
        Column("state", String(16), nullable=False),
        Column("created_at", DateTime(timezone=True), nullable=False),
        Column("caseworker", String(64), nullable=True),
        Column("decided_at", DateTime(timezone=True), nullable=True),
    )


def _draft(row: Row[tuple[object, ...]]) -> Draft:
    m = row._mapping
    return Draft(
        id=m["id"],
        handoff_id=m["handoff_id"],
        conversation_id=m["conversation_id"],
        text_id=m["text_id"],
        log_index=m["log_index"],
        lang=m["lang"],
        mode=m["mode"],
        reason=m["reason"],
        citations=tuple(Citation.from_json(c) for c in json.loads(m["citations"])),
        state=m["state"],
        created_at=m["created_at"],
        caseworker=m["caseworker"],
        decided_at=m["decided_at"],
    )


class DraftStore:
    def __init__(self, engine: Engine, table: Table) -> None:
        self._engine = engine
        self.table = table

    def insert(
        self,
        *,
        handoff_id: int,
        conversation_id: str,
        text_id: int | None,
        log_index: int,
        lang: str,
        mode: str,
        reason: str,
        citations: tuple[Citation, ...],
        created_at: datetime,
        connection: Connection | None = None,
    ) -> None:
        """With `connection` (a unit of work's), the draft stands only if that unit commits."""
        with writing(self._engine, connection) as db:
            db.execute(
                self.table.insert().values(
                    handoff_id=handoff_id,
                    conversation_id=conversation_id,
                    text_id=text_id,
                    log_index=log_index,
                    lang=lang,
                    mode=mode,
                    reason=reason,
                    citations=json.dumps([c.to_json() for c in citations]),
                    state="pending",
                    created_at=created_at,
                )
            )

    def for_handoff(self, handoff_id: int) -> Draft | None:
        """The handoff's newest draft, decided or not."""
        with self._engine.connect() as db:
            row = db.execute(
                select(self.table)
                .where(self.table.c.handoff_id == handoff_id)
                .order_by(self.table.c.id.desc())
            ).first()
        return _draft(row) if row is not None else None

    def decide(
        self,
        draft_id: int,
        *,
        state: str,
        caseworker: str | None,
        decided_at: datetime | None,
        connection: Connection | None = None,
    ) -> bool:
        """Settle a pending draft; False if it was already settled (by someone else).

        Pass the unit of work's `connection`: the decision then stands only if its log
        entry commits with it.
        """
        query = (
            sql_update(self.table)
            .where(self.table.c.id == draft_id, self.table.c.state == "pending")
            .values(state=state, caseworker=caseworker, decided_at=decided_at)
        )
        with writing(self._engine, connection) as db:
            changed = db.execute(query).rowcount
        return bool(changed == 1)
