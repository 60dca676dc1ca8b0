"""`opencounter users add/disable/role/password/list`: staff accounts for the caseworker console.

Each change is made through the app's composition (web/bootstrap) and logged with it in one
unit of work (web/auth/staff.py): with the log down, nothing changes.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from audit.sink import LogUnavailable
from web.auth.accounts import ROLES, AccountError, UnknownAccount
from web.auth.passwords import WeakPassword
from web.auth.staff import StaffDirectory
from web.cli.options import DataDir, read_settings


@contextmanager
def _staff(data_dir: DataDir, refused: str) -> Iterator[StaffDirectory]:
    """The staff directory over the app's database and log; errors become a sentence.

    `refused` starts the sentence for a change that was not made ("Not added").
    """
    from web.bootstrap import open_storage
    from web.cli.startup import starting

    console = Console(stderr=True)
    settings = read_settings(data_dir)
    with starting(console):
        storage = open_storage(settings)
    try:
        yield storage.staff()
    except WeakPassword as exc:
        console.print(f"[red]{refused}:[/] {exc}.")
        raise typer.Exit(2) from None
    except UnknownAccount as exc:
        console.print(f"[red]{refused}: No account called[/] {exc}.")
        raise typer.Exit(2) from None
    except AccountError as exc:
        console.print(f"[red]{refused}:[/] {type(exc).__name__}: {exc}.")
        raise typer.Exit(2) from None
    except LogUnavailable as exc:
        console.print(f"[red]{refused}, nothing changed:[/] the log is unavailable ({exc}).")
        raise typer.Exit(1) from None
    finally:
        storage.close()


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    return str(typer.prompt("Password", hide_input=True, confirmation_prompt=True))


PasswordStdin = Annotated[
    bool, typer.Option("--password-stdin", help="Read the password from standard input.")
]


def add(
    username: Annotated[str, typer.Argument(help="Sign-in name: a-z, 0-9, '.', '_', '-'.")],
    role: Annotated[str, typer.Option(help=f"One of: {', '.join(ROLES)}.")] = "caseworker",
    team: Annotated[str, typer.Option(help="The team whose queue the person works.")] = "general",
    password_stdin: PasswordStdin = False,
    data_dir: DataDir = None,
) -> None:
    """Add a staff account; the password is asked for (or read from stdin) and hashed."""
    password = _password(password_stdin)
    with _staff(data_dir, "Not added") as staff:
        account = staff.add(username, password, role, team)
    Console().print(
        f"Added {account.username} ({account.role}, team {account.team}); "
        f"the log knows them as {account.pseudonym}."
    )


def disable(
    username: Annotated[str, typer.Argument(help="The account to disable.")],
    data_dir: DataDir = None,
) -> None:
    """Disable an account: its sessions stop working at the next request."""
    with _staff(data_dir, "Not disabled") as staff:
        staff.disable(username)
    Console().print(f"Disabled {username}.")


def role(
    username: Annotated[str, typer.Argument(help="The account to change.")],
    new_role: Annotated[str, typer.Argument(metavar="ROLE", help=f"One of: {', '.join(ROLES)}.")],
    data_dir: DataDir = None,
) -> None:
    """Give an account another role; its sessions end, the next sign-in has the new rights."""
    with _staff(data_dir, "Role not changed") as staff:
        account = staff.set_role(username, new_role)
    Console().print(f"{account.username} is now {account.role}.")


def password(
    username: Annotated[str, typer.Argument(help="The account whose password to set.")],
    password_stdin: PasswordStdin = False,
    data_dir: DataDir = None,
) -> None:
    """Set a new password for an account (asked for, or read from stdin)."""
    new_password = _password(password_stdin)
    with _staff(data_dir, "Password not changed") as staff:
        account = staff.change_password(username, new_password)
    Console().print(f"New password set for {account.username}.")


def list_accounts(data_dir: DataDir = None) -> None:
    """List staff accounts with role, team, log pseudonym and status."""
    with _staff(data_dir, "Not listed") as staff:
        accounts = staff.accounts.all()
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
    users.command("role")(role)
    users.command("password")(password)
    users.command("list")(list_accounts)
    return users
