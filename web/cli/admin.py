"""`opencounter admin`: the kill switches, flipped at run time and written to the log."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer
from rich.console import Console
from sqlalchemy import Engine

from audit.storage.log import TransparencyLog
from bot.switches import SWITCHES, Switchboard
from web.settings import Settings


def _open(data_dir: Path | None) -> tuple[Switchboard, TransparencyLog, Engine]:
    from web.wiring import open_database, open_log

    settings = Settings(data_dir=data_dir) if data_dir else Settings()
    engine = open_database(settings)
    board = Switchboard(engine, {"model": settings.model_enabled, "chat": settings.chat_enabled})
    log, _ = open_log(settings, engine)
    return board, log, engine


DataDir = Annotated[
    Path | None,
    typer.Option("--data-dir", help="Data directory (default: $OPENCOUNTER_DATA_DIR or data/)."),
]


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
        board, log, engine = _open(data_dir)
        try:
            which: Literal["model", "chat"] = "model" if name == "model" else "chat"
            changed = board.set(which, state == "on", actor, log)
        finally:
            engine.dispose()
        console.print(f"{name} is {state}" + ("" if changed else " (it already was)") + ".")

    @app.command("status")
    def status(data_dir: DataDir = None) -> None:
        """Show the kill switches."""
        board, _, engine = _open(data_dir)
        try:
            for name, on in board.states().items():
                Console().print(f"{name}: {'on' if on else 'OFF'}")
        finally:
            engine.dispose()

    return app
