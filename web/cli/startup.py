"""Errors as the commands report them: one sentence naming what to fix, never a traceback.

A start-up error exits with code 2; a storage fault met later (the database down, the disk
full, the log locked) with code 1.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

import typer
from rich.console import Console
from rich.markup import escape

from audit.sink import (
    LogBlocked,
    LogOverloaded,
    LogUnavailable,
    StorageFull,
    StorageReadOnly,
    StorageUnreachable,
)
from audit.storage.failures import storage_failure
from bot.guards.pii_spans import SpanModelUnavailable
from bot.organisation import ConfigurationError
from knowledge.planted_learned import PlantedModelMissing
from web.bootstrap.adapters import AnswerModeUnavailable
from web.keys import KeyConfigurationError
from web.startup import UnusableSetting

# Each names the setting or file to fix; a traceback would only hide that sentence.
STARTUP_ERRORS = (
    AnswerModeUnavailable,
    UnusableSetting,
    KeyConfigurationError,
    ConfigurationError,
    SpanModelUnavailable,
    PlantedModelMissing,
)

HOOKS_OFF = "Escalation hooks are off for this command: no webhook or email is sent."


# What an operator reads for each storage fault; the driver's words follow in brackets.
_STORAGE: dict[type[LogUnavailable], str] = {
    LogBlocked: "the transparency log is locked by another writer",
    LogOverloaded: "the database is overloaded",
    StorageUnreachable: "the database cannot be reached or opened",
    StorageFull: "the disk is full",
    StorageReadOnly: "the data directory or the database is read-only",
    LogUnavailable: "the storage failed",
}
_STORAGE_FIX = (
    "Check OPENCOUNTER_DATA_DIR (writable by this user, with free space) and "
    "OPENCOUNTER_DATABASE_URL (the server running), then run the command again."
)


def storage_sentence(fault: LogUnavailable) -> str:
    what = next(text for kind, text in _STORAGE.items() if isinstance(fault, kind))
    detail = str(fault).strip().splitlines()[0] if str(fault).strip() else type(fault).__name__
    return f"{what} ({detail}). {_STORAGE_FIX}"


@contextmanager
def starting(console: Console) -> Iterator[None]:
    """Build services inside this block: a start-up error becomes a sentence and exit code 2."""
    try:
        yield
    except STARTUP_ERRORS as exc:
        console.print(f"[red]Cannot start:[/] {escape(str(exc))}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None
    except Exception as exc:
        fault = storage_failure(exc, "at start")
        if fault is None:
            raise
        said = escape(storage_sentence(fault))
        console.print(f"[red]Cannot start:[/] {said}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None


@contextmanager
def reported_faults() -> Iterator[None]:
    """Around a whole command: a storage fault is one sentence on stderr and exit code 1."""
    try:
        yield
    except Exception as exc:
        fault = storage_failure(exc, "while running")
        if fault is None:
            raise
        Console(stderr=True).print(
            f"[red]Stopped:[/] {escape(storage_sentence(fault))}", highlight=False, soft_wrap=True
        )
        sys.exit(1)
