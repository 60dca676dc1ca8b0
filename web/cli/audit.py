"""`opencounter audit`: the audit commands, reaching the log through the app's own settings.

An operator who runs the app on PostgreSQL with keys in the environment gets the same
database and keys in every audit command; a command that finds no log where the settings
point stops and names the settings, instead of creating an empty log elsewhere.
"""

from __future__ import annotations

from pathlib import Path

import typer
from sqlalchemy import Engine, inspect, make_url, select
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from audit.storage.cli import OperatorSetupError, build_audit_cli
from audit.storage.log import TransparencyLog
from audit.storage.store import AuditTables
from web.cli.options import read_settings
from web.keys import KeyConfigurationError
from web.schema import app_schema
from web.settings import Settings


class AppOperatorLog:
    """The app's log as `Settings` describe it: database, keys, origin, checkpoint schedule."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._engine: Engine | None = None
        # The log's tables as the app declares them, on the database's one MetaData.
        self._tables = app_schema().audit

    @property
    def data_dir(self) -> Path:
        return self._settings.data_dir

    @property
    def origin(self) -> str:
        return self._settings.log_origin

    def where(self) -> str:
        """The database, as a person can recognise it (no password)."""
        url = self._settings.resolved_database_url
        try:
            return make_url(url).render_as_string(hide_password=True)
        except ArgumentError:
            return "an unreadable URL"

    def engine(self) -> Engine:
        from web.bootstrap import connect_database

        if self._engine is not None:
            return self._engine
        url = self._settings.resolved_database_url
        hint = (
            "Check OPENCOUNTER_DATABASE_URL"
            if self._settings.database_url
            else "Check OPENCOUNTER_DATA_DIR (or set OPENCOUNTER_DATABASE_URL)"
        )
        if url.startswith("sqlite") and not (self._settings.data_dir / "opencounter.db").is_file():
            # Opening a missing SQLite file would create an empty one: say so instead.
            raise OperatorSetupError(
                f"There is no transparency log at {self.where()}. {hint}: it must be the "
                "app's own setting."
            )
        try:
            engine = connect_database(self._settings)
            found = _holds_a_log(engine, self._tables)
        except ArgumentError:
            raise OperatorSetupError(
                f"OPENCOUNTER_DATABASE_URL is not a database URL ({self.where()})."
            ) from None
        except (SQLAlchemyError, ImportError) as error:
            reason = str(error).splitlines()[0]
            raise OperatorSetupError(
                f"Cannot reach the database at {self.where()} ({reason}). {hint}, and that the "
                "database is running."
            ) from None
        if not found:
            engine.dispose()
            raise OperatorSetupError(
                f"There is no transparency log in {self.where()}. {hint}: it must be the app's "
                "own setting (start the app once to create the log)."
            )
        self._engine = engine
        return engine

    def log(self) -> TransparencyLog:
        # Imported here: the composition root is not needed to build the command line.
        from web.bootstrap import open_log

        engine = self.engine()  # first: with no log there, the keys are not the problem
        try:
            return open_log(self._settings, engine, self._tables, create_keys=False)[0]
        except KeyConfigurationError as error:
            raise OperatorSetupError(str(error)) from None

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None


def _holds_a_log(engine: Engine, tables: AuditTables) -> bool:
    state = tables.state
    with engine.connect() as db:
        if not inspect(db).has_table(state.name):
            return False
        return db.execute(select(state.c.id)).first() is not None


def open_operator_log(data_dir: Path | None) -> AppOperatorLog:
    """The operator's log from the settings, `--data-dir` replacing the configured one."""
    try:
        return AppOperatorLog(read_settings(data_dir))
    except typer.BadParameter as error:
        raise OperatorSetupError(f"The settings are not valid: {error.message}") from None


def build_app_audit_cli() -> typer.Typer:
    """`opencounter audit`, with the operator commands bound to the app's settings."""
    return build_audit_cli(open_operator_log)
