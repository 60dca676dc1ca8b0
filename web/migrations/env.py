"""Alembic's entry point: Alembic runs this file; it is not a module to import.

The connection comes from web/database.py (config.attributes["connection"]), so every
upgrade runs inside the lock that function holds; the target is the app's one MetaData.
Run by the `alembic` command (alembic.ini, for writing a revision), it opens the database
the settings name.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from web.schema import app_metadata


def run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=app_metadata(),
        # SQLite alters a table by copying it: batch mode does that for ALTER statements.
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def run_from_settings() -> None:
    """`alembic revision --autogenerate` from a checkout: the database the settings name,
    read and opened as every command opens it (web/bootstrap)."""
    from web.bootstrap import connect_database, load_settings

    engine = connect_database(load_settings())
    try:
        with engine.connect() as connection:
            run_migrations(connection)
            connection.commit()
    finally:
        engine.dispose()


if context.config.attributes.get("connection") is None:
    run_from_settings()
else:
    run_migrations(context.config.attributes["connection"])
