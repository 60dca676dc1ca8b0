"""The log's unit of work on SQLite and PostgreSQL: a caller's write and its entries commit
together or not at all, and a unit that rolls back leaves the log's state row untouched."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import Column, Engine, Integer, MetaData, String, Table, select

from audit.entries import decode_entry
from audit.sink import AuditEvent, LogUnavailable
from audit.storage.log import TransparencyLog
from tests.audit.test_log import chat, make_log
from tests.fakes.failing_database import STEPS, Step, failing
from tests.schema import log_tables

_metadata = MetaData()
# Stands in for a store of the conversation engine (a handoff, a switch).
_things = Table(
    "test_things",
    _metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("state", String(16), nullable=False),
)


def _state_row(engine: Engine) -> tuple[object, ...]:
    with engine.connect() as conn:
        return tuple(conn.execute(select(log_tables().state)).one())


def _things_in(engine: Engine) -> list[tuple[int, str]]:
    with engine.connect() as conn:
        return [(int(r.id), str(r.state)) for r in conn.execute(select(_things))]


def _change_and_log(log: TransparencyLog, thing: int) -> None:
    with log.unit_of_work() as unit:
        unit.connection.execute(_things.insert().values(id=thing, state="claimed"))
        unit.record(
            [
                chat(f"c{thing}", "the words"),
                AuditEvent("takeover", f"c{thing}", {"caseworker": "staff-1"}),
            ]
        )


def test_a_unit_commits_the_change_and_its_entries_together(engine: Engine) -> None:
    _metadata.create_all(engine)
    log = make_log(engine, every=2)
    log.record([chat("c0")])
    _change_and_log(log, 1)
    assert _things_in(engine) == [(1, "claimed")]
    assert log.size() == 3
    types = [decode_entry(data)["type"] for _, data in log.entries()]
    assert types == ["message", "message", "takeover"]
    # The compact range it stored is the one the tree recomputes: a checkpoint can be signed.
    assert log.checkpoint()


@pytest.mark.parametrize("step", STEPS)
def test_a_failing_step_keeps_neither_the_change_nor_the_entry(engine: Engine, step: Step) -> None:
    _metadata.create_all(engine)
    log = make_log(engine, every=1)
    log.record([chat("c0", "before")])
    state, texts = _state_row(engine), log.vault.sealed_texts(0, None)
    with failing(engine, step), pytest.raises(LogUnavailable):
        _change_and_log(log, 1)
    assert _things_in(engine) == []
    assert _state_row(engine) == state  # size, compact range and checkpoint untouched
    assert log.size() == 1 and len(log.vault.sealed_texts(0, None)) == len(texts)
    _change_and_log(log, 1)  # the retry finds nothing half-done
    assert _things_in(engine) == [(1, "claimed")] and log.size() == 3
    assert log.checkpoint()


def test_an_error_in_the_callers_block_rolls_back_and_passes_through(engine: Engine) -> None:
    _metadata.create_all(engine)
    log = make_log(engine)
    state = _state_row(engine)
    with pytest.raises(KeyError), log.unit_of_work() as unit:
        unit.record([chat("c1", "words")])
        unit.connection.execute(_things.insert().values(id=1, state="claimed"))
        raise KeyError("the caller changed its mind")
    assert _state_row(engine) == state and _things_in(engine) == [] and log.size() == 0


def test_a_caught_append_failure_still_fails_the_unit(engine: Engine) -> None:
    _metadata.create_all(engine)
    log = make_log(engine)
    with pytest.raises(LogUnavailable), log.unit_of_work() as unit:
        unit.connection.execute(_things.insert().values(id=1, state="claimed"))
        with failing(engine, "append"), pytest.raises(LogUnavailable):
            unit.record([chat("c1")])
    assert _things_in(engine) == [] and log.size() == 0


def test_recording_on_the_log_inside_a_unit_is_refused_not_a_deadlock(engine: Engine) -> None:
    log = make_log(engine)
    with pytest.raises(RuntimeError, match="through the unit"), log.unit_of_work():
        log.record([chat("c1")])
    with pytest.raises(RuntimeError, match="through the unit"), log.unit_of_work():
        log.checkpoint()
    with pytest.raises(RuntimeError, match="through the unit"), log.unit_of_work():
        log.erase("c1")
    with log.unit_of_work() as unit:
        unit.record([chat("c1")])
    with pytest.raises(RuntimeError, match="has ended"):
        unit.record([chat("c2")])
    assert log.size() == 1


def test_units_and_group_commits_from_threads_keep_one_tree(engine: Engine) -> None:
    _metadata.create_all(engine)
    log = make_log(engine, every=3)
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            if n % 2:
                _change_and_log(log, n)
            else:
                log.record([chat(f"g{n}", "grouped")])
        except BaseException as error:  # reported below, not lost in a thread
            errors.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert log.size() == 6 * 2 + 6 and len(_things_in(engine)) == 6
    assert log.checkpoint()
