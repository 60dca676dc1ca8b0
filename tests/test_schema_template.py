"""The schema the tests build stores on (tests/schema.py) is the migrations' own: on SQLite a
copy of a database the migrations made, on PostgreSQL their statements replayed into each
test's fresh schema. Either way the models find no difference, the revision is the head and
the log's state row is there, exactly as after `opencounter db upgrade`."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, select, text

from tests.schema import create_schema, log_tables
from web.database import current_revision, head_revision, schema_differences


def _check(engine: Engine) -> None:
    with engine.connect() as conn:
        assert schema_differences(conn) == []
        assert current_revision(conn) == head_revision()
        state = conn.execute(select(log_tables().state)).one()
    assert (state.id, state.size) == (1, 0)


def _fresh_schema(base: str) -> Iterator[Engine]:
    schema = f"t_{secrets.token_hex(6)}"
    admin = create_engine(base)
    with admin.begin() as db:
        db.execute(text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in base else "?"
    engine = create_engine(f"{base}{separator}options=-csearch_path%3D{schema}")
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.begin() as db:
            db.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def test_each_sqlite_database_is_the_migrations_schema(tmp_path: Path) -> None:
    for name in ("first", "second"):
        engine = create_engine(f"sqlite:///{tmp_path / name}.db")
        try:
            create_schema(engine)
            _check(engine)
        finally:
            engine.dispose()


@pytest.mark.postgres
def test_each_postgres_schema_is_the_migrations_schema(postgres_url: str) -> None:
    """The first schema of the run is migrated (and recorded), the next ones replayed."""
    base = postgres_url.rsplit("options=", 1)[0].rstrip("?&")
    for _ in range(2):
        for engine in _fresh_schema(base):
            create_schema(engine)
            _check(engine)
