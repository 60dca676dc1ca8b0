"""Conversation storage on SQLite and on the real PostgreSQL server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine

from bot.conversations import Citation, ConversationStore, TurnRecord, new_conversation_id
from tests.schema import create_schema, tables


@pytest.fixture(params=["sqlite", "postgres"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'c.db'}"
    else:
        url = request.getfixturevalue("postgres_url")
    engine = create_engine(url)
    yield engine
    engine.dispose()


def test_conversation_round_trip(engine: Engine) -> None:
    create_schema(engine)
    store = ConversationStore(engine, tables().conversations)
    store.create("abc", "fr", "2026-11-23.1", "d" * 64)
    record = store.get("abc")
    assert record is not None
    assert (record.lang, record.disclosure_version, record.status) == ("fr", "2026-11-23.1", "open")
    assert store.get("missing") is None


def test_turns_keep_order_citations_and_state_changes(engine: Engine) -> None:
    create_schema(engine)
    store = ConversationStore(engine, tables().conversations)
    store.create("c1", "en", "v", "d" * 64)
    cite = Citation("en/parking-permits", "Parking permits", "https://e.example/p")
    store.add_turns(
        "c1",
        [
            TurnRecord("citizen", 1, 10),
            TurnRecord("assistant", 2, 11, "answer", "answered", (cite,), "extractive"),
        ],
    )
    store.add_turns(
        "c1",
        [TurnRecord("assistant", 3, 12, "escalate", "person.button")],
        status="escalated",
        low_confidence_streak=2,
    )
    turns = store.turns("c1")
    assert [(t.seq, t.role, t.text_id) for t in turns] == [
        (1, "citizen", 1),
        (2, "assistant", 2),
        (3, "assistant", 3),
    ]
    assert turns[1].citations == (cite,)
    record = store.get("c1")
    assert record is not None
    assert (record.status, record.low_confidence_streak) == ("escalated", 2)


def test_a_conversation_id_never_starts_with_a_dash() -> None:
    # Ids are URL-safe base64, so one in 64 began with "-", which every command that takes an
    # id (`opencounter audit erase ID`, …) read as an option ("No such option: -a").
    draws = iter(["-aBcD", "_xYz-"])
    assert new_conversation_id(lambda _size: next(draws)) == "_xYz-"
    assert not any(new_conversation_id().startswith("-") for _ in range(2000))
