"""What to ingest: the files under a directory, one file, or pages listed on the web."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from knowledge.documents import SourceDocument
from knowledge.readers import SUPPORTED_SUFFIXES, read_file


class SourceNotFound(Exception):
    """The path or address given to ingest does not exist or lists no documents."""


@dataclass(frozen=True)
class SourceItem:
    """One document to read: a name to report it by, and how to read it."""

    name: str
    load: Callable[[], SourceDocument]


def list_sources(source: Path | str) -> list[SourceItem]:
    """Every document under source, in a stable order."""
    if isinstance(source, str) and source.startswith(("http://", "https://")):
        # The web reader is only needed (and its client only imported) for web sources.
        from knowledge.web_sources import list_web_sources

        return list_web_sources(source)
    path = Path(source)
    if path.is_dir():
        files = sorted(
            p
            for p in path.rglob("*")
            if p.is_file()
            and p.suffix.lower() in SUPPORTED_SUFFIXES
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
        return [_file_item(f, path) for f in files]
    if path.is_file():
        return [_file_item(path, path.parent)]
    raise SourceNotFound(f"{source} does not exist")


def _file_item(path: Path, root: Path) -> SourceItem:
    return SourceItem(path.relative_to(root).as_posix(), lambda: read_file(path, root))
