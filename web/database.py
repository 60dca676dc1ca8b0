"""The schema history of the app's database: upgrade to head, check that it is there.

`opencounter db upgrade` and a development start call `upgrade_schema`; a production start
calls `require_schema` and refuses a database behind this version (an operator upgrades it on
purpose, with a backup, not as a side effect of a restart). Concurrent upgrades are safe: on
PostgreSQL a session advisory lock, on SQLite a lock file beside the database, lets one
process migrate while the others wait and then find the schema at head.
"""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect, text

from web.schema import app_metadata
from web.startup import UnusableSetting

MIGRATIONS = Path(__file__).parent / "migrations"
# The revision that creates the schema as it was before migrations existed (see `_adopt`).
BASELINE = "0001"
# Tables that revisions after the baseline create: a database from before migrations has none.
AFTER_BASELINE = frozenset({"staff_identities"})
# pg_advisory_lock key for schema upgrades: "OCschema" read as a signed 64-bit integer.
UPGRADE_LOCK_KEY = int.from_bytes(b"OCschema", "big", signed=True)
UPGRADE_COMMAND = "opencounter db upgrade"


class SchemaNotCurrent(UnusableSetting):
    """The database is not at this version's schema; the message names the command to run."""


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest revision this version of OpenCounter ships."""
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None, "web/migrations/versions holds no revision"
    return head


def current_revision(connection: Connection) -> str | None:
    """The revision the database is at; None for a database Alembic has never touched."""
    return MigrationContext.configure(connection).get_current_revision()


def upgrade_schema(engine: Engine) -> str:
    """Bring the database to the head revision, holding the upgrade lock; returns the head."""
    with _upgrade_lock(engine), engine.connect() as connection:
        if current_revision(connection) is None and _has_app_tables(connection):
            _adopt(connection)
        command.upgrade(_config(connection), "head")
        connection.commit()
    return head_revision()


def require_schema(engine: Engine, database_setting: str = "OPENCOUNTER_DATABASE_URL") -> None:
    """Raise SchemaNotCurrent unless the database is at the head revision."""
    head = head_revision()
    with engine.connect() as connection:
        current = current_revision(connection)
    if current != head:
        at = f"at revision {current}" if current else "without a schema"
        raise SchemaNotCurrent(
            database_setting,
            f"the database is {at}; this version needs revision {head}",
            f"Run `{UPGRADE_COMMAND}` (back the database up first), then start again.",
        )


def prepare_schema(engine: Engine, environment: str) -> None:
    """At start: development upgrades to head; production refuses a database not at head."""
    if environment == "production":
        require_schema(engine)
    else:
        upgrade_schema(engine)


def schema_differences(connection: Connection) -> list[object]:
    """What separates the database from the models: empty when migrations and models agree."""
    context = MigrationContext.configure(connection)
    return list(compare_metadata(context, app_metadata()))


def _has_app_tables(connection: Connection) -> bool:
    return bool(set(inspect(connection).get_table_names()) & set(app_metadata().tables))


def _adopt(connection: Connection) -> None:
    """Stamp a database made by `create_all` before migrations existed, if it matches them."""
    differences = [
        d
        for d in schema_differences(connection)
        if not (isinstance(d, tuple) and d[0] == "add_table" and d[1].name in AFTER_BASELINE)
    ]
    if differences:
        raise SchemaNotCurrent(
            "OPENCOUNTER_DATABASE_URL",
            "the database has tables but no schema revision, and they differ from revision "
            f"{BASELINE}: {differences[:3]}",
            "Restore it from a backup made by this version, or start from an empty database.",
        )
    command.stamp(_config(connection), BASELINE)


@contextmanager
def _upgrade_lock(engine: Engine) -> Iterator[None]:
    """One upgrader at a time per database; the others wait, then find nothing to do."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": UPGRADE_LOCK_KEY})
            try:
                yield
            finally:
                connection.execute(
                    text("SELECT pg_advisory_unlock(:key)"), {"key": UPGRADE_LOCK_KEY}
                )
                connection.commit()
        return
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if not database or database == ":memory:":
        yield  # another process cannot share this database
        return
    # SQLite alone would let two processes both find no tables and both create them: the
    # second fails on a duplicate table. A lock file makes the second wait for the first.
    with Path(f"{database}.upgrade-lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
