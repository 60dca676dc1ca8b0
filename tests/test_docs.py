"""The README documents every setting and every command; its examples name real routes."""

from __future__ import annotations

from pathlib import Path

import typer.main

from web.cli.main import build_cli
from web.settings import Settings

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_in_the_readme() -> None:
    missing = [
        f"OPENCOUNTER_{name.upper()}"
        for name in Settings.model_fields
        if f"`OPENCOUNTER_{name.upper()}`" not in README
    ]
    assert missing == []


def _commands(group: typer.Typer, prefix: str = "") -> list[str]:
    command = typer.main.get_command(group)
    names: list[str] = []
    for name, sub in getattr(command, "commands", {}).items():
        full = f"{prefix}{name}"
        if getattr(sub, "commands", None):
            names.extend(f"{full} {child}" for child in sub.commands)
        else:
            names.append(full)
    return names


def test_every_command_is_in_the_readme() -> None:
    missing = [c for c in _commands(build_cli()) if f"opencounter {c}" not in README]
    assert missing == []
