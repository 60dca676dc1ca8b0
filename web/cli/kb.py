"""`opencounter kb list|show|diff`: the knowledge-base versions in the app's index.

The index is the one the settings name (`<data dir>/kb`, read as the app reads them), so these
commands see what the server beside them serves. `opencounter ingest` is in web.cli.main: it also
writes the new version to the transparency log.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from knowledge.versions import (
    KnowledgeBaseVersion,
    UnknownVersion,
    current_version,
    diff_versions,
    find_version,
    list_versions,
)
from web.cli.options import DataDir, read_settings


def build_kb_cli() -> typer.Typer:
    """`kb list`, `kb show VERSION`, `kb diff A B`."""
    app = typer.Typer(help="Knowledge-base versions.", no_args_is_help=True)
    app.command("list")(_list)
    app.command("show")(_show)
    app.command("diff")(_diff)
    return app


def _list(data_dir: DataDir = None) -> None:
    """Every version, oldest first; the current one is marked."""
    folder = read_settings(data_dir).kb_index_dir
    versions = list_versions(folder)
    if not versions:
        Console().print(f"No knowledge base ingested in {folder}: run `opencounter ingest PATH`.")
        raise typer.Exit(1)
    current = current_version(folder)
    table = Table("version", "created", "documents", "current")
    for v in versions:
        mark = "*" if current is not None and v.id == current.id else ""
        table.add_row(v.id[:16], v.created_at, str(len(v.documents)), mark)
    Console().print(table)


def _show(
    version: Annotated[str, typer.Argument(help="Version id or a prefix of it")],
    data_dir: DataDir = None,
) -> None:
    """A version's id, date and documents with their content hashes."""
    found = _find(data_dir, version)
    console = Console()
    console.print(f"version {found.id}\ncreated {found.created_at}")
    table = Table("document", "content hash")
    for doc_id, digest in sorted(found.documents.items()):
        table.add_row(doc_id, digest[:16])
    console.print(table)


def _diff(
    a: Annotated[str, typer.Argument(help="Older version (id or prefix)")],
    b: Annotated[str, typer.Argument(help="Newer version (id or prefix)")],
    data_dir: DataDir = None,
) -> None:
    """Documents added, removed and changed from version A to version B."""
    diff = diff_versions(_find(data_dir, a), _find(data_dir, b))
    table = Table("change", "document")
    for label, ids in (("added", diff.added), ("removed", diff.removed), ("changed", diff.changed)):
        for doc_id in ids:
            table.add_row(label, doc_id)
    Console().print(table if table.row_count else "No differences.")


def _find(data_dir: Path | None, prefix: str) -> KnowledgeBaseVersion:
    try:
        return find_version(read_settings(data_dir).kb_index_dir, prefix)
    except UnknownVersion as exc:
        Console().print(f"[red]{exc}[/red] (see `opencounter kb list`)")
        raise typer.Exit(1) from exc
