"""Handoffs and their notes in the database (SQLite or PostgreSQL); no words are kept here.

State changes are conditional updates (`WHERE state = ...`), so two caseworkers on two app
processes cannot both claim the same conversation.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
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
    func,
    select,
    update,
)
from sqlalchemy.engine import Row

from bot.handoff.state import ACTIVE_STATES, Handoff, HandoffNote


@dataclass(frozen=True)
class HandoffTables:
    """The tables of handoffs to people and the caseworkers' notes on them."""

    handoffs: Table
    notes: Table


def handoff_tables(metadata: MetaData) -> HandoffTables:
    """Declare them on `metadata`: the database's one MetaData (web/schema.py)."""
    handoffs = Table(
        "bot_handoffs",
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("conversation_id", String(64), nullable=False, index=True),
        Column("kind", String(16), nullable=False),
        Column("reason", String(64), nullable=False),
        Column("topic", String(128), nullable=False),
        Column("lang", String(8), nullable=False),
        Column("priority", Integer, nullable=False),
        Column("team", String(64), nullable=False),
        Column("state", String(16), nullable=False),
        Column("created_at", DateTime(timezone=True), nullable=False),
        Column("caseworker", String(64), nullable=True),
        Column("claimed_at", DateTime(timezone=True), nullable=True),
        Column("closed_at", DateTime(timezone=True), nullable=True),
        Column("outcome", String(32), nullable=True),
        Column("callback_text_id", Integer, nullable=True),
    )

    notes = Table(
        "bot_handoff_notes",
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("handoff_id", Integer, nullable=False, index=True),
        Column("caseworker", String(64), nullable=False),
        Column("text_id", Integer, nullable=True),
        Column("created_at", DateTime(timezone=True), nullable=False),
    )
    return HandoffTables(handoffs=handoffs, notes=notes)


@contextmanager
def writing(engine: Engine, connection: Connection | None) -> Iterator[Connection]:
    """The caller's transaction (a unit of work commits it), or a new one committed here."""
    if connection is not None:
        yield connection
        return
    with engine.begin() as db:
        yield db


def _handoff(row: Row[tuple[object, ...]]) -> Handoff:
    m = row._mapping
    return Handoff(
        id=m["id"],
        conversation_id=m["conversation_id"],
        kind=m["kind"],
        reason=m["reason"],
        topic=m["topic"],
        lang=m["lang"],
        priority=m["priority"],
        team=m["team"],
        state=m["state"],
        created_at=m["created_at"],
        caseworker=m["caseworker"],
        claimed_at=m["claimed_at"],
        closed_at=m["closed_at"],
        outcome=m["outcome"],
        callback_text_id=m["callback_text_id"],
    )


class HandoffStore:
    def __init__(self, engine: Engine, tables: HandoffTables) -> None:
        self._engine = engine
        self.tables = tables

    def insert(
        self,
        *,
        conversation_id: str,
        kind: str,
        reason: str,
        topic: str,
        lang: str,
        priority: int,
        team: str,
        created_at: datetime,
        callback_text_id: int | None = None,
        connection: Connection | None = None,
    ) -> Handoff:
        with writing(self._engine, connection) as db:
            result = db.execute(
                self.tables.handoffs.insert().values(
                    conversation_id=conversation_id,
                    kind=kind,
                    reason=reason,
                    topic=topic,
                    lang=lang,
                    priority=priority,
                    team=team,
                    state="waiting",
                    created_at=created_at,
                    callback_text_id=callback_text_id,
                )
            )
            key = result.inserted_primary_key
            assert key is not None
            handoffs = self.tables.handoffs
            row = db.execute(select(handoffs).where(handoffs.c.id == key[0])).one()
        return _handoff(row)

    def get(self, handoff_id: int, connection: Connection | None = None) -> Handoff | None:
        """The handoff as committed, or as the caller's transaction sees it."""
        query = select(self.tables.handoffs).where(self.tables.handoffs.c.id == handoff_id)
        if connection is not None:
            row = connection.execute(query).first()
        else:
            with self._engine.connect() as db:
                row = db.execute(query).first()
        return _handoff(row) if row is not None else None

    def active_for(
        self, conversation_id: str, connection: Connection | None = None
    ) -> Handoff | None:
        """The conversation's live handoff (waiting or claimed), newest first; as committed,
        or as the caller's transaction sees it."""
        query = (
            select(self.tables.handoffs)
            .where(
                self.tables.handoffs.c.conversation_id == conversation_id,
                self.tables.handoffs.c.kind == "live",
                self.tables.handoffs.c.state.in_(ACTIVE_STATES),
            )
            .order_by(self.tables.handoffs.c.id.desc())
        )
        if connection is not None:
            row = connection.execute(query).first()
        else:
            with self._engine.connect() as db:
                row = db.execute(query).first()
        return _handoff(row) if row is not None else None

    def latest_for(self, conversation_id: str) -> Handoff | None:
        with self._engine.connect() as db:
            row = db.execute(
                select(self.tables.handoffs)
                .where(self.tables.handoffs.c.conversation_id == conversation_id)
                .order_by(self.tables.handoffs.c.id.desc())
            ).first()
        return _handoff(row) if row is not None else None

    def listing(self, *, states: Iterable[str], team: str | None = None) -> list[Handoff]:
        """Handoffs in these states, crisis first, then oldest first."""
        t = self.tables.handoffs
        query = select(t).where(t.c.state.in_(list(states)))
        if team is not None:
            query = query.where(t.c.team == team)
        query = query.order_by(t.c.priority, t.c.created_at, t.c.id)
        with self._engine.connect() as db:
            return [_handoff(r) for r in db.execute(query).all()]

    def waiting_ahead(self, handoff: Handoff) -> int:
        """How many waiting live handoffs of the same team come before this one."""
        t = self.tables.handoffs
        with self._engine.connect() as db:
            count = db.execute(
                select(func.count())
                .select_from(t)
                .where(
                    t.c.team == handoff.team,
                    t.c.state == "waiting",
                    t.c.kind == "live",
                    t.c.id != handoff.id,
                    (t.c.priority < handoff.priority)
                    | ((t.c.priority == handoff.priority) & (t.c.id < handoff.id)),
                )
            ).scalar()
        return int(count or 0)

    def transition(
        self,
        handoff_id: int,
        *,
        from_states: Iterable[str],
        owner: str | None,
        connection: Connection | None = None,
        **values: object,
    ) -> bool:
        """Change a handoff only if it is in one of `from_states` (and, if given, is theirs)."""
        t = self.tables.handoffs
        query = update(t).where(t.c.id == handoff_id, t.c.state.in_(list(from_states)))
        if owner is not None:
            query = query.where(t.c.caseworker == owner)
        with writing(self._engine, connection) as db:
            changed = db.execute(query.values(**values)).rowcount
        return bool(changed == 1)

    def add_note(
        self,
        handoff_id: int,
        caseworker: str,
        text_id: int | None,
        created_at: datetime,
        connection: Connection | None = None,
    ) -> None:
        with writing(self._engine, connection) as db:
            db.execute(
                self.tables.notes.insert().values(
                    handoff_id=handoff_id,
                    caseworker=caseworker,
                    text_id=text_id,
                    created_at=created_at,
                )
            )

    def notes_for_conversation(self, conversation_id: str) -> list[HandoffNote]:
        n, h = self.tables.notes, self.tables.handoffs
        with self._engine.connect() as db:
            rows = db.execute(
                select(n)
                .join(h, h.c.id == n.c.handoff_id)
                .where(h.c.conversation_id == conversation_id)
                .order_by(n.c.id)
            ).all()
        return [
            HandoffNote(r.id, r.handoff_id, r.caseworker, r.text_id, r.created_at) for r in rows
        ]
