"""`opencounter db`: the schema history of the app's database (see web/database.py)."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.markup import escape
from sqlalchemy.exc import SQLAlchemyError

from web.cli.options import DataDir, read_settings


def upgrade(data_dir: DataDir = None) -> None:
    """Bring the database to this version's schema (safe to run again, or from two hosts)."""
    from web.bootstrap import connect_database
    from web.database import SchemaNotCurrent, upgrade_schema

    console = Console()
    settings = read_settings(data_dir)
    engine = connect_database(settings)  # the same connection settings as the app's
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
