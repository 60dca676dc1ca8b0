"""What one append costs the database in statements (issue 15: every citizen message is one
append, and on PostgreSQL each statement is a round trip and the driver's and SQLAlchemy's CPU).

The log's state row and the time of its newest entry are read in one statement; on PostgreSQL
the lock's wait and the lock itself are one round trip. What they decide is unchanged: entry
times never go back when the clock does, a lock held by another writer past the wait fails as
`LogBlocked`, and the transaction's wait does not outlive it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, event, text

from audit.entries import decode_entry
from audit.sink import LogBlocked
from audit.storage.store import APPEND_LOCK_KEY
from tests.audit.test_log import Clock, chat, make_log


@contextmanager
def statements(engine: Engine) -> Iterator[list[str]]:
    seen: list[str] = []

    def on_statement(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(" ".join(statement.split()).lower())

    event.listen(engine, "before_cursor_execute", on_statement)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", on_statement)


def test_an_append_reads_the_state_and_the_newest_time_in_one_statement(engine: Engine) -> None:
    log = make_log(engine)
    log.record([chat("c1", "first")])
    with statements(engine) as seen:
        log.record([chat("c1", "second"), chat("c1", "third")])
    reads = [s for s in seen if s.startswith("select") and ("audit_state" in s or "idx =" in s)]
    assert len(reads) == 1, reads
    # PostgreSQL: the lock, the state, the keys, the texts, the conversation's size, the
    # entries, the tree nodes, the new state (10 before: the wait and the lock apart, the
    # newest entry's time apart). SQLite: 11 before, the newest entry's time apart.
    expected = 8 if engine.dialect.name == "postgresql" else 10
    assert len(seen) == expected, seen


def test_entry_times_still_never_go_back(engine: Engine) -> None:
    clock = Clock()
    log = make_log(engine, clock)
    log.record([chat("c1", "at nine")])
    clock.now -= timedelta(hours=2)  # the machine's clock is set back
    log.record([chat("c1", "after the change")])
    first, second = (str(decode_entry(log.entry(i))["ts"]) for i in (0, 1))
    assert second == first
    clock.now += timedelta(hours=3)
    log.record([chat("c1", "later")])
    assert str(decode_entry(log.entry(2))["ts"]) > first


def test_an_empty_log_takes_the_clock(engine: Engine) -> None:
    clock = Clock()
    log = make_log(engine, clock)
    log.record([chat("c1")])
    stamp = str(decode_entry(log.entry(0))["ts"])
    assert stamp.startswith(clock.now.strftime("%Y-%m-%dT%H:%M"))


@pytest.mark.postgres
def test_a_held_lock_still_fails_as_blocked_and_the_wait_ends_with_the_append(
    postgres_url: str,
) -> None:
    from sqlalchemy import create_engine

    from tests.schema import create_schema

    engine = create_engine(postgres_url)
    create_schema(engine)
    try:
        log = make_log(engine)
        log._lock_wait_ms = 200  # the wait, shortened for the test
        with engine.connect() as holder:
            holder.begin()
            holder.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": APPEND_LOCK_KEY})
            with pytest.raises(LogBlocked):
                log.record([chat("c1", "waits")])
            holder.rollback()
        with statements(engine) as seen:
            log.record([chat("c1", "goes in")])
        assert sum("lock_timeout" in s and "pg_advisory_xact_lock" in s for s in seen) == 1, seen
        with engine.connect() as after:
            assert after.execute(text("SHOW lock_timeout")).scalar() == "0"
    finally:
        engine.dispose()
