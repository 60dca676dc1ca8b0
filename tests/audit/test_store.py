"""Storage set-up: the SQLite tuning the log relies on."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, text

from audit.storage.store import SQLITE_BUSY_TIMEOUT_MS, tune_engine
from tests.schema import create_schema


def pragmas(engine: Engine) -> tuple[str, int, int]:
    with engine.connect() as connection:
        mode = connection.execute(text("PRAGMA journal_mode")).scalar()
        synchronous = connection.execute(text("PRAGMA synchronous")).scalar()
        timeout = connection.execute(text("PRAGMA busy_timeout")).scalar()
    return str(mode), int(str(synchronous)), int(str(timeout))


def test_tune_engine_sets_wal_normal_and_busy_timeout(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path}/tuned.db")
    tune_engine(engine)
    tune_engine(engine)  # a second call adds nothing
    create_schema(engine)
    # synchronous: 1 is NORMAL (2 FULL, the default without tuning).
    assert pragmas(engine) == ("wal", 1, SQLITE_BUSY_TIMEOUT_MS)
    engine.dispose()


def test_untuned_engine_keeps_sqlite_defaults(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path}/plain.db")
    create_schema(engine)
    mode, synchronous, _ = pragmas(engine)
    assert (mode, synchronous) == ("delete", 2)
    engine.dispose()


def test_tune_engine_leaves_other_databases_alone(database_url: str) -> None:
    engine = create_engine(database_url)
    tune_engine(engine)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT 1")).scalar() == 1
    engine.dispose()
