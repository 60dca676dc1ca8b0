"""Start-up errors as the commands report them: one sentence naming what to fix, exit code 2."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer
from rich.console import Console
from rich.markup import escape

from bot.organisation import ConfigurationError
from web.keys import KeyConfigurationError
from web.startup import UnusableSetting
from web.wiring import AnswerModeUnavailable

# Each names the setting or file to fix; a traceback would only hide that sentence.
STARTUP_ERRORS = (AnswerModeUnavailable, UnusableSetting, KeyConfigurationError, ConfigurationError)

HOOKS_OFF = "Escalation hooks are off for this command: no webhook or email is sent."


@contextmanager
def starting(console: Console) -> Iterator[None]:
    """Build services inside this block: a start-up error becomes a sentence and exit code 2."""
    try:
        yield
    except STARTUP_ERRORS as exc:
        console.print(f"[red]Cannot start:[/] {escape(str(exc))}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None
