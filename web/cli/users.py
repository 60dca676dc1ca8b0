"""`opencounter users add/disable/list`: staff accounts for the caseworker console."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.table import Table
from sqlalchemy import Engine

from web.auth.accounts import ROLES, AccountError, AccountStore
from web.auth.passwords import PasswordHashing, WeakPassword
from web.settings import Settings

DataDirOption = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        help="Where all state lives; default: $OPENCOUNTER_DATA_DIR or data/.",
        show_default=False,
    ),
]


def _settings(data_dir: Path | None) -> Settings:
    try:
        return Settings(data_dir=data_dir) if data_dir else Settings()
    except ValidationError as exc:
        raise typer.BadParameter(str(exc.errors()[0].get("msg", exc))) from None


def _accounts(data_dir: Path | None) -> tuple[AccountStore, Engine]:
    from web.wiring import open_database

    engine = open_database(_settings(data_dir))
    store = AccountStore(engine)
    return store, engine


def _log_change(data_dir: Path | None, engine: Engine, fields: dict[str, str]) -> None:
    """Who may read and act is configuration: each account change is a log entry (by
    pseudonym, never the name)."""
    from audit.sink import AuditEvent, LogUnavailable
    from web.wiring import open_log

    try:
        log, _ = open_log(_settings(data_dir), engine)
        log.record([AuditEvent("config_change", None, {"setting": "staff_account", **fields})])
    except LogUnavailable as exc:
        Console(stderr=True).print(f"[red]The change was made but could not be logged:[/] {exc}")
        raise typer.Exit(1) from None


def add(
    username: Annotated[str, typer.Argument(help="Sign-in name: a-z, 0-9, '.', '_', '-'.")],
    role: Annotated[str, typer.Option(help=f"One of: {', '.join(ROLES)}.")] = "caseworker",
    team: Annotated[str, typer.Option(help="The team whose queue the person works.")] = "general",
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input.")
    ] = False,
    data_dir: DataDirOption = None,
) -> None:
    """Add a staff account; the password is asked for (or read from stdin) and hashed."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    console = Console(stderr=True)
    try:
        password_hash = PasswordHashing().hash(password)
    except WeakPassword as exc:
        console.print(f"[red]Not added:[/] {exc}.")
        raise typer.Exit(2) from None
    store, engine = _accounts(data_dir)
    try:
        account = store.add(username, password_hash, role, team)
        fields = {"action": "add", "account": account.pseudonym, "role": account.role}
        _log_change(data_dir, engine, {**fields, "team": account.team})
    except AccountError as exc:
        console.print(f"[red]Not added:[/] {type(exc).__name__}: {exc}.")
        raise typer.Exit(2) from None
    finally:
        engine.dispose()
    Console().print(
        f"Added {account.username} ({account.role}, team {account.team}); "
        f"the log knows them as {account.pseudonym}."
    )


def disable(
    username: Annotated[str, typer.Argument(help="The account to disable.")],
    data_dir: DataDirOption = None,
) -> None:
    """Disable an account: its sessions stop working at the next request."""
    store, engine = _accounts(data_dir)
    try:
        store.set_disabled(username)
        account = store.find(username)
        if account is not None:
            _log_change(data_dir, engine, {"action": "disable", "account": account.pseudonym})
    except AccountError:
        Console(stderr=True).print(f"[red]No account called[/] {username}.")
        raise typer.Exit(2) from None
    finally:
        engine.dispose()
    Console().print(f"Disabled {username}.")


def list_accounts(data_dir: DataDirOption = None) -> None:
    """List staff accounts with role, team, log pseudonym and status."""
    store, engine = _accounts(data_dir)
    try:
        accounts = store.all()
    finally:
        engine.dispose()
    table = Table("user", "role", "team", "pseudonym", "status")
    for a in accounts:
        table.add_row(
            a.username, a.role, a.team, a.pseudonym, "disabled" if a.disabled else "active"
        )
    Console(width=120).print(table)


def build_users_cli() -> typer.Typer:
    users = typer.Typer(no_args_is_help=True, add_completion=False)
    users.command("add")(add)
    users.command("disable")(disable)
    users.command("list")(list_accounts)
    return users
