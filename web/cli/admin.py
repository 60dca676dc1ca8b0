"""`opencounter admin`: the kill switches, flipped at run time and written to the log."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, Literal

import typer
from rich.console import Console

from audit.sink import LogUnavailable
from bot.switches import SWITCHES
from web.cli.options import DataDir, read_settings

if TYPE_CHECKING:
    from web.bootstrap import Storage


@contextmanager
def _storage(data_dir: DataDir) -> Iterator[Storage]:
    """The app's database and log, through the composition root; start-up errors exit 2."""
    from web.bootstrap import open_storage
    from web.cli.startup import starting

    settings = read_settings(data_dir)
    with starting(Console(stderr=True)):
        storage = open_storage(settings)
    try:
        yield storage
    finally:
        storage.close()


def build_admin_cli() -> typer.Typer:
    app = typer.Typer(no_args_is_help=True, help="Kill switches for the model and the chat.")

    @app.command("switch")
    def switch(
        name: Annotated[
            str,
            typer.Argument(
                help="model (off: quote the pages) or chat (off: citizens see how to reach a "
                "person)."
            ),
        ],
        state: Annotated[str, typer.Argument(help="on or off")],
        actor: Annotated[str, typer.Option(help="Who flips it, for the log.")] = "operator",
        data_dir: DataDir = None,
    ) -> None:
        """Turn the model or the chat on or off in every running process (within a second)."""
        console = Console()
        if name not in SWITCHES or state not in ("on", "off"):
            console.print("Use: opencounter admin switch model|chat on|off")
            raise typer.Exit(2)
        which: Literal["model", "chat"] = "model" if name == "model" else "chat"
        with _storage(data_dir) as storage:
            try:
                changed = storage.switchboard().set(which, state == "on", actor, storage.log)
            except LogUnavailable as exc:
                console.print(f"[red]Not switched, nothing changed:[/] {exc}")
                raise typer.Exit(1) from None
        console.print(f"{name} is {state}" + ("" if changed else " (it already was)") + ".")

    @app.command("status")
    def status(data_dir: DataDir = None) -> None:
        """Show the kill switches."""
        with _storage(data_dir) as storage:
            states = storage.switchboard().states()
        for name, on in states.items():
            Console().print(f"{name}: {'on' if on else 'OFF'}")

    return app
