"""The switchboard: a flip made by one process is seen by another once its cache has aged,
by the switchboard's own clock; every flip is logged with the switch's new state."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, select

from bot.switches import Switchboard
from tests.fakes.memory_sink import MemorySink
from tests.schema import create_schema, tables

START = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = create_engine(f"sqlite:///{tmp_path / 'switches.db'}")
    yield engine
    engine.dispose()


def test_a_flip_elsewhere_is_seen_once_the_cache_has_aged(engine: Engine) -> None:
    clock = Clock()
    admin = Switchboard(
        engine, tables().switches, {"model": True, "chat": True}, clock=clock
    )  # `admin switch`
    app = Switchboard(
        engine, tables().switches, {"model": True, "chat": True}, clock=clock
    )  # a running app
    create_schema(engine)
    sink = MemorySink(engine)
    assert app.is_on("chat")

    assert admin.set("chat", False, "admin", sink)
    assert app.is_on("chat")  # cached for a second
    clock.now += timedelta(seconds=1)
    assert app.is_on("chat")  # still within it
    clock.now += timedelta(milliseconds=1)
    assert not app.is_on("chat")
    assert not admin.is_on("chat")  # the flipping process reads its own change at once

    assert admin.set("chat", True, "admin", sink)
    clock.now -= timedelta(hours=1)  # the wall clock corrected backwards: read again
    assert app.is_on("chat")


def test_each_flip_is_logged_and_stamped_by_the_clock(engine: Engine) -> None:
    clock = Clock()
    board = Switchboard(engine, tables().switches, {"model": True, "chat": True}, clock=clock)
    create_schema(engine)
    sink = MemorySink(engine)

    assert board.set("model", False, "ops", sink)
    assert not board.set("model", False, "ops", sink)  # already off: nothing to log
    assert [event.fields for event in sink.events] == [
        {"setting": "switch.model", "value": "off", "actor": "ops"}
    ]
    with engine.connect() as db:
        stamped = db.execute(select(tables().switches.c.changed_at)).scalar_one()
    assert stamped.replace(tzinfo=UTC) == START  # SQLite keeps no zone
    assert board.states() == {"model": False, "chat": True}
