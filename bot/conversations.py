"""Conversation state in the database: conversations and their turns, without the text itself.

The words of a turn live in the audit vault, encrypted per conversation; a turn keeps the
vault's text id so that erasing the conversation's key leaves nothing readable here.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    DateTime,
    Engine,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    func,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError

from knowledge.links import PageLink


@dataclass(frozen=True)
class ConversationTables:
    """The tables of conversations, their turns and the answers rated."""

    conversations: Table
    turns: Table
    ratings: Table


def new_conversation_id(draw: Callable[[int], str] = secrets.token_urlsafe) -> str:
    """A fresh public conversation id: 128 random bits, URL-safe, never starting with "-",
    so that a command given the id (`opencounter audit erase ID`) cannot read it as an option."""
    while True:
        candidate = draw(16)
        if not candidate.startswith("-"):
            return candidate


def conversation_tables(metadata: MetaData) -> ConversationTables:
    """Declare them on `metadata`: the database's one MetaData (web/schema.py)."""
    conversations = Table(
        "bot_conversations",
        metadata,
        Column("id", String(64), primary_key=True),
        Column("created_at", DateTime(timezone=True), nullable=False),
        Column("lang", String(8), nullable=False),
        Column("disclosure_version", String(64), nullable=False),
        Column("status", String(16), nullable=False, default="open"),
        Column("low_confidence_streak", Integer, nullable=False, default=0),
        # SHA-256 of the citizen's secret (bot/citizen_secret.py); the id alone unlocks nothing.
        Column("secret_digest", String(64), nullable=False),
    )

    turns = Table(
        "bot_turns",
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("conversation_id", String(64), ForeignKey("bot_conversations.id"), nullable=False),
        Column("seq", Integer, nullable=False),
        Column("role", String(16), nullable=False),
        Column("text_id", Integer, nullable=True),
        Column("log_index", Integer, nullable=True),
        Column("decision", String(16), nullable=True),
        Column("reason", String(64), nullable=True),
        Column("citations", Text, nullable=False, default="[]"),
        Column("mode", String(64), nullable=True),
        Column("created_at", DateTime(timezone=True), nullable=False),
    )

    # One row per answer the citizen rated: a second rating of the same answer is refused.
    ratings = Table(
        "bot_answer_ratings",
        metadata,
        Column("conversation_id", String(64), primary_key=True),
        Column("log_index", Integer, primary_key=True, autoincrement=False),
    )
    return ConversationTables(conversations=conversations, turns=turns, ratings=ratings)


class AlreadyRated(Exception):
    """This answer has been rated already."""


@dataclass(frozen=True)
class Citation:
    doc_id: str
    title: str
    url: str
    # The page's own links the answer refers to, in the order of its "[link n.k]" tokens.
    links: tuple[PageLink, ...] = ()

    def to_json(self) -> dict[str, object]:
        fields: dict[str, object] = {"doc_id": self.doc_id, "title": self.title, "url": self.url}
        if self.links:
            fields["links"] = [{"text": link.text, "url": link.url} for link in self.links]
        return fields

    @classmethod
    def from_json(cls, fields: dict[str, Any]) -> Citation:
        links = tuple(PageLink(str(x["text"]), str(x["url"])) for x in fields.get("links", ()))
        return cls(str(fields["doc_id"]), str(fields["title"]), str(fields["url"]), links)


@dataclass(frozen=True)
class ConversationRecord:
    id: str
    created_at: datetime
    lang: str
    disclosure_version: str
    status: str
    low_confidence_streak: int
    secret_digest: str = ""


@dataclass(frozen=True)
class TurnRecord:
    role: str  # "citizen" or "assistant"
    text_id: int | None
    log_index: int | None
    decision: str | None = None
    reason: str | None = None
    citations: tuple[Citation, ...] = field(default_factory=tuple)
    mode: str | None = None
    seq: int = 0
    created_at: datetime | None = None


class ConversationStore:
    """Reads and writes conversations through one SQLAlchemy engine (SQLite or PostgreSQL)."""

    def __init__(self, engine: Engine, tables: ConversationTables) -> None:
        self._engine = engine
        self.tables = tables

    def create(
        self, conversation_id: str, lang: str, disclosure_version: str, secret_digest: str
    ) -> None:
        with self._engine.begin() as db:
            db.execute(
                self.tables.conversations.insert().values(
                    id=conversation_id,
                    created_at=datetime.now(UTC),
                    lang=lang,
                    disclosure_version=disclosure_version,
                    status="open",
                    low_confidence_streak=0,
                    secret_digest=secret_digest,
                )
            )

    def claim_rating(self, conversation_id: str, log_index: int) -> None:
        """Mark an answer as rated; raises AlreadyRated if it was."""
        try:
            with self._engine.begin() as db:
                db.execute(
                    self.tables.ratings.insert().values(
                        conversation_id=conversation_id, log_index=log_index
                    )
                )
        except IntegrityError:
            raise AlreadyRated(conversation_id, log_index) from None

    def release_rating(self, conversation_id: str, log_index: int) -> None:
        """Undo `claim_rating` (the rating could not be logged)."""
        with self._engine.begin() as db:
            db.execute(
                self.tables.ratings.delete().where(
                    self.tables.ratings.c.conversation_id == conversation_id,
                    self.tables.ratings.c.log_index == log_index,
                )
            )

    def rated(self, conversation_id: str) -> set[int]:
        with self._engine.connect() as db:
            rows = db.execute(
                select(self.tables.ratings.c.log_index).where(
                    self.tables.ratings.c.conversation_id == conversation_id
                )
            ).scalars()
            return {int(value) for value in rows}

    def get(self, conversation_id: str) -> ConversationRecord | None:
        with self._engine.connect() as db:
            row = db.execute(
                select(self.tables.conversations).where(
                    self.tables.conversations.c.id == conversation_id
                )
            ).first()
        if row is None:
            return None
        return ConversationRecord(
            id=row.id,
            created_at=row.created_at,
            lang=row.lang,
            disclosure_version=row.disclosure_version,
            status=row.status,
            low_confidence_streak=row.low_confidence_streak,
            secret_digest=row.secret_digest,
        )

    def add_turns(
        self,
        conversation_id: str,
        turns: list[TurnRecord],
        *,
        status: str | None = None,
        low_confidence_streak: int | None = None,
        connection: Connection | None = None,
    ) -> None:
        """Store the turns and the conversation's new state in one transaction.

        With `connection` (a unit of work's), in the caller's transaction: the turns then
        stand only if the log entries they point at commit with them.
        """
        now = datetime.now(UTC)
        begun = nullcontext(connection) if connection is not None else self._engine.begin()
        with begun as db:
            last = db.execute(
                select(func.max(self.tables.turns.c.seq)).where(
                    self.tables.turns.c.conversation_id == conversation_id
                )
            ).scalar()
            seq = (last or 0) + 1
            # One statement for the turns (a round trip fewer per message).
            if turns:
                db.execute(
                    self.tables.turns.insert(),
                    [
                        {
                            "conversation_id": conversation_id,
                            "seq": seq + offset,
                            "role": turn.role,
                            "text_id": turn.text_id,
                            "log_index": turn.log_index,
                            "decision": turn.decision,
                            "reason": turn.reason,
                            "citations": json.dumps([c.to_json() for c in turn.citations]),
                            "mode": turn.mode,
                            "created_at": now,
                        }
                        for offset, turn in enumerate(turns)
                    ],
                )
            changes: dict[str, object] = {}
            if status is not None:
                changes["status"] = status
            if low_confidence_streak is not None:
                changes["low_confidence_streak"] = low_confidence_streak
            if changes:
                db.execute(
                    update(self.tables.conversations)
                    .where(self.tables.conversations.c.id == conversation_id)
                    .values(**changes)
                )

    def turns(self, conversation_id: str) -> list[TurnRecord]:
        with self._engine.connect() as db:
            rows = db.execute(
                select(self.tables.turns)
                .where(self.tables.turns.c.conversation_id == conversation_id)
                .order_by(self.tables.turns.c.seq)
            ).all()
        return [
            TurnRecord(
                role=r.role,
                text_id=r.text_id,
                log_index=r.log_index,
                decision=r.decision,
                reason=r.reason,
                citations=tuple(Citation.from_json(c) for c in json.loads(r.citations)),
                mode=r.mode,
                seq=r.seq,
                created_at=r.created_at,
            )
            for r in rows
        ]
