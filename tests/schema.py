"""The app's schema for tests that build stores by hand: the tables made by the migrations,
as `opencounter db upgrade` makes them (tests/web/test_database.py checks them against the one
MetaData of web/schema.py), and the stores handed their Table objects from that one MetaData
(`tables()`), as the composition root hands them. No store creates its own tables.

On SQLite the migrations run once per test process, into a template database that each test's
database is then copied from (SQLite's online backup): the same schema, without paying for
Alembic in every test.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

from audit.storage.store import AuditTables
from web.database import upgrade_schema
from web.oversight.facets import FacetIndex
from web.schema import Schema, app_schema


@cache
def _sqlite_template() -> Path:
    path = Path(tempfile.mkdtemp(prefix="opencounter-schema-")) / "template.db"
    engine = create_engine(f"sqlite:///{path}")
    try:
        upgrade_schema(engine)
    finally:
        engine.dispose()
    return path


def copy_migrated_sqlite(target: Path) -> None:
    """Put at `target` a SQLite database the migrations brought to head (this run's template):
    an app started on it finds its schema current, as after `opencounter db upgrade`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(_sqlite_template(), target)


@cache
def tables() -> Schema:
    """The app's one MetaData and its tables, declared once per test process."""
    return app_schema()


def facet_index(engine: Engine, batch: int = 5_000) -> FacetIndex:
    """The oversight projection over `engine`, on the tables `create_schema` made."""
    schema = tables()
    return FacetIndex(engine, schema.facets, schema.audit.entries, batch=batch)


# On PostgreSQL each test has a fresh schema (its search_path): the statements the migrations
# wrote into the first one, replayed into the next in one transaction.
_postgres_statements: list[tuple[str, Any, bool]] = []


def _upgrade_recording(engine: Engine) -> None:
    """Run the migrations, keeping every statement that changed the schema or its rows."""

    def record(
        conn: object,
        cursor: object,
        statement: str,
        parameters: Any,
        context: object,
        executemany: bool,
    ) -> None:
        if not statement.lstrip().upper().startswith(("SELECT", "SHOW")):
            _postgres_statements.append((statement, parameters, executemany))

    event.listen(engine, "before_cursor_execute", record)
    try:
        upgrade_schema(engine)
    except BaseException:
        _postgres_statements.clear()
        raise
    finally:
        event.remove(engine, "before_cursor_execute", record)


def _create_postgres_schema(engine: Engine) -> None:
    if not _postgres_statements:
        _upgrade_recording(engine)
        return
    with engine.begin() as conn:
        for statement, parameters, _ in _postgres_statements:
            conn.exec_driver_sql(statement, parameters)


def create_schema(engine: Engine) -> None:
    """Every table of the app's database, with the rows the migrations seed (the log's state)."""
    if engine.dialect.name == "postgresql":
        _create_postgres_schema(engine)
        return
    if engine.dialect.name != "sqlite":
        upgrade_schema(engine)
        return
    template = sqlite3.connect(_sqlite_template())
    target = engine.raw_connection()
    try:
        driver = target.driver_connection
        assert isinstance(driver, sqlite3.Connection)
        template.backup(driver)
    finally:
        target.close()
        template.close()


def log_tables() -> AuditTables:
    """The log's tables, from the app's one MetaData: what every log, vault and reader built
    by hand here is given, as the composition root gives them."""
    return tables().audit
