"""Chunks on disk: one JSON object per line, in index order."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from knowledge.chunking import Chunk
from knowledge.planted import Finding


def write_chunks(path: Path, chunks: Iterable[Chunk]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for chunk in chunks:
            out.write(json.dumps(asdict(chunk), ensure_ascii=False) + "\n")


def read_chunks(path: Path) -> list[Chunk]:
    with path.open(encoding="utf-8") as lines:
        return [_chunk(json.loads(line)) for line in lines if line.strip()]


def _chunk(record: dict[str, Any]) -> Chunk:
    # JSON has a list of objects where the chunk has a tuple of findings; chunks written before
    # findings existed have none.
    planted = tuple(Finding(**finding) for finding in record.pop("planted", None) or ())
    return Chunk(**record, planted=planted)
