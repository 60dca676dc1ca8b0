"""Options and choices shared by the knowledge-base commands."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from knowledge.embeddings import Embedder, EmbedderUnavailable, default_embedder

DataDir = Annotated[
    Path | None,
    typer.Option(help="Where OpenCounter keeps its data [env OPENCOUNTER_DATA_DIR, else ./data]"),
]
LexicalOnly = Annotated[
    bool, typer.Option("--lexical-only", help="Do not embed: BM25 only, even if MiniLM is there")
]


def data_root(data_dir: Path | None) -> Path:
    """The option, else OPENCOUNTER_DATA_DIR, else ./data; read when a command runs."""
    return data_dir or Path(os.environ.get("OPENCOUNTER_DATA_DIR", "data"))


def index_dir(data_dir: Path | None) -> Path:
    """Where the knowledge-base index lives: `<data-dir>/kb`."""
    return data_root(data_dir) / "kb"


def choose_embedder(lexical_only: bool, console: Console) -> Embedder | None:
    """The default embedder unless told otherwise; says which mode retrieval will run in."""
    embedder = None
    if not lexical_only:
        try:
            embedder = default_embedder()
        except EmbedderUnavailable as exc:
            console.print(f"[yellow]{exc}[/yellow]")
    if embedder is None:
        console.print("Retrieval mode: [bold]lexical only[/bold] (BM25, no embedder).")
    else:
        console.print(f"Retrieval mode: [bold]hybrid[/bold] (BM25 + {embedder.name}).")
    return embedder
