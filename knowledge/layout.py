"""Where an index lives on disk, so ingest and search agree on the paths."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

CURRENT_FILE = "CURRENT"
BUILDS_DIR = "builds"


@dataclass(frozen=True)
class BuildMeta:
    """What a build was made from and with: enough to tell whether it can be reused."""

    version_id: str
    settings: str  # chunking and analysis parameters; a change means re-chunking
    embedder: str  # embedder name, "" for a lexical-only build
    dim: int
    chunk_count: int
    # The model that embedded each language's chunks (every language of the build: "" for one
    # whose chunks have no vector), so a search never compares one model's question with
    # another's chunks. None: a build made before it was recorded, whose vectors (if any) are
    # all `embedder`'s (non-English chunks had none, `FusionWeights.dense_languages`).
    chunk_models: dict[str, str] | None = field(default=None)

    def to_json(self) -> str:
        return json.dumps(self.__dict__, sort_keys=True)

    def model_of(self, lang: str) -> str:
        """The model whose vectors the language's chunks hold ("" for none recorded)."""
        if self.chunk_models is None:
            return self.embedder
        return self.chunk_models.get(lang, "")

    @classmethod
    def from_json(cls, text: str) -> BuildMeta:
        data = json.loads(text)
        return cls(
            version_id=str(data["version_id"]),
            settings=str(data["settings"]),
            embedder=str(data["embedder"]),
            dim=int(data["dim"]),
            chunk_count=int(data["chunk_count"]),
            chunk_models=(
                None
                if data.get("chunk_models") is None
                else {str(k): str(v) for k, v in dict(data["chunk_models"]).items()}
            ),
        )


@dataclass(frozen=True)
class BuildPaths:
    """The files of one immutable build of the index."""

    root: Path

    @property
    def chunks(self) -> Path:
        return self.root / "chunks.jsonl"

    @property
    def lexical(self) -> Path:
        return self.root / "lexical"

    @property
    def document_lexical(self) -> Path:
        return self.root / "lexical-documents"

    @property
    def vectors(self) -> Path:
        return self.root / "vectors.npy"

    @property
    def vector_keys(self) -> Path:
        return self.root / "vector_keys.json"

    @property
    def page_vectors(self) -> Path:
        """One vector per page's opening (knowledge/page_openings.py)."""
        return self.root / "page_vectors.npy"

    @property
    def page_meta(self) -> Path:
        return self.root / "page_vectors.json"

    @property
    def meta(self) -> Path:
        return self.root / "meta.json"

    @property
    def planted(self) -> Path:
        """Planted instructions removed from this build's chunks (knowledge/planted_flags.py)."""
        return self.root / "planted.jsonl"

    @property
    def chroma(self) -> Path:
        return self.root / "chroma"

    @property
    def approximate(self) -> Path:
        """The approximate index's graphs of this build's vectors (knowledge/ann_store.py),
        written the first time they are built, read by every opening after."""
        return self.root / "approximate"

    def read_meta(self) -> BuildMeta:
        return BuildMeta.from_json(self.meta.read_text("utf-8"))


def current_build(index_dir: Path) -> BuildPaths | None:
    """The build CURRENT points at, if there is one and it is complete."""
    pointer = index_dir / CURRENT_FILE
    if not pointer.is_file():
        return None
    build = BuildPaths(index_dir / BUILDS_DIR / pointer.read_text("utf-8").strip())
    return build if build.meta.is_file() else None


def make_current(index_dir: Path, build: BuildPaths) -> None:
    """Switch readers to the build in one atomic rename."""
    tmp = index_dir / (CURRENT_FILE + ".tmp")
    tmp.write_text(build.root.name, encoding="utf-8")
    os.replace(tmp, index_dir / CURRENT_FILE)
