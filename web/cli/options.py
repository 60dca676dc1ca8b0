"""What the command groups share: the --data-dir option and reading the settings."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError

from web.settings import Settings

DataDir = Annotated[
    Path | None,
    typer.Option("--data-dir", help="Data directory (default: $OPENCOUNTER_DATA_DIR or data/)."),
]


def read_settings(data_dir: Path | None) -> Settings:
    """The settings, `data_dir` replacing the configured one; a bad value is a usage error."""
    from web.bootstrap import load_settings

    try:
        return load_settings(data_dir)
    except ValidationError as exc:
        raise typer.BadParameter(str(exc.errors()[0].get("msg", exc))) from None
