"""The planted instructions an ingest removed, per chunk, kept beside the build it made.

Ingest writes `planted.jsonl` into every build (empty when nothing was found), so the ingest
report, `opencounter ingest` and the oversight console read the same list without scanning the
chunks again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from knowledge.chunking import Chunk
from knowledge.layout import BuildPaths, current_build


@dataclass(frozen=True)
class PlantedFlag:
    """A chunk that held a planted instruction, removed at ingest: what kind, and its start."""

    doc_id: str
    chunk_id: str
    kind: str
    excerpt: str


class FlagsNotRecorded(Exception):
    """The current index was built before ingest checked for planted instructions."""


def planted_flags(chunks: Sequence[Chunk]) -> list[PlantedFlag]:
    """Every finding stored with the chunks, in index order."""
    return [
        PlantedFlag(chunk.doc_id, chunk.chunk_id, finding.kind, finding.excerpt)
        for chunk in chunks
        for finding in chunk.planted
    ]


def write_flags(build: BuildPaths, flags: Iterable[PlantedFlag]) -> None:
    with build.planted.open("w", encoding="utf-8") as out:
        for flag in flags:
            out.write(json.dumps(asdict(flag), ensure_ascii=False) + "\n")


def current_flags(index_dir: Path) -> list[PlantedFlag]:
    """The flags of the current build; [] when nothing is ingested.

    Raises FlagsNotRecorded for a build made before the check, whose flags are unknown.
    """
    build = current_build(index_dir)
    if build is None:
        return []
    if not build.planted.is_file():
        raise FlagsNotRecorded(
            "the knowledge base was ingested before planted instructions were checked for: "
            "run `opencounter ingest` again to check every page"
        )
    with build.planted.open(encoding="utf-8") as lines:
        return [PlantedFlag(**json.loads(line)) for line in lines if line.strip()]
