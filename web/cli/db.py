"""`opencounter db`: the schema history of the app's database (see web/database.py)."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.markup import escape
from sqlalchemy import create_engine
from sqlalchemy.exc import SQLAlchemyError

from web.cli.options import DataDir, read_settings


def upgrade(data_dir: DataDir = None) -> None:
    """Bring the database to this version's schema (safe to run again, or from two hosts)."""
    from audit.storage.store import tune_engine
    from web.database import SchemaNotCurrent, upgrade_schema

    console = Console()
    settings = read_settings(data_dir)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = create_engine(settings.resolved_database_url)
    tune_engine(engine)  # the same SQLite connection settings as the app's
    try:
        head = upgrade_schema(engine)
    except SchemaNotCurrent as exc:
        console.print(f"[red]Cannot upgrade:[/] {escape(str(exc))}", soft_wrap=True)
        raise typer.Exit(2) from None
    except SQLAlchemyError as exc:
        reason = escape(str(getattr(exc, "orig", None) or exc).splitlines()[0])
        console.print(
            f"[red]Cannot upgrade:[/] the database did not answer ({reason}). "
            "Check OPENCOUNTER_DATABASE_URL and that the server is running.",
            soft_wrap=True,
        )
        raise typer.Exit(2) from None
    finally:
        engine.dispose()
    console.print(f"Database schema at revision {head} (head).", highlight=False)


def build_db_cli() -> typer.Typer:
    app = typer.Typer(no_args_is_help=True)
    app.command("upgrade")(upgrade)
    return app
