"""Knowledge-base versions: a hash over the documents' hashes, kept for every ingest."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

VERSIONS_DIR = "versions"
HISTORY_FILE = "history.jsonl"


class UnknownVersion(Exception):
    """No stored knowledge-base version matches the given id or prefix."""


@dataclass(frozen=True)
class KnowledgeBaseVersion:
    """What the knowledge base held at one ingest; answers cite its id."""

    id: str
    created_at: str
    documents: dict[str, str]  # doc_id -> content hash


@dataclass(frozen=True)
class VersionDiff:
    added: list[str]
    removed: list[str]
    changed: list[str]


def version_id(documents: dict[str, str]) -> str:
    """SHA-256 over sorted `doc_id NUL hash LF` lines: the same documents give the same id."""
    digest = hashlib.sha256()
    for doc_id in sorted(documents):
        digest.update(f"{doc_id}\x00{documents[doc_id]}\n".encode())
    return digest.hexdigest()


def new_version(documents: dict[str, str]) -> KnowledgeBaseVersion:
    created = datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    return KnowledgeBaseVersion(version_id(documents), created, dict(documents))


def diff_versions(a: KnowledgeBaseVersion, b: KnowledgeBaseVersion) -> VersionDiff:
    """What changed going from a to b."""
    return VersionDiff(
        added=sorted(set(b.documents) - set(a.documents)),
        removed=sorted(set(a.documents) - set(b.documents)),
        changed=sorted(
            d for d in set(a.documents) & set(b.documents) if a.documents[d] != b.documents[d]
        ),
    )


def record_version(index_dir: Path, version: KnowledgeBaseVersion) -> KnowledgeBaseVersion:
    """Store the version (first sighting keeps its date) and append it to the history."""
    folder = index_dir / VERSIONS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{version.id}.json"
    if path.exists():
        version = _read(path)
    else:
        _write_atomic(path, json.dumps(_as_json(version), sort_keys=True))
    with (index_dir / HISTORY_FILE).open("a", encoding="utf-8") as history:
        now = datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
        history.write(json.dumps({"id": version.id, "became_current_at": now}) + "\n")
    return version


def list_versions(index_dir: Path) -> list[KnowledgeBaseVersion]:
    """Every stored version, in the order each first became current."""
    folder = Path(index_dir) / VERSIONS_DIR
    ids = dict.fromkeys(_history_ids(Path(index_dir)))
    return [_read(folder / f"{version}.json") for version in ids]


def current_version(index_dir: Path) -> KnowledgeBaseVersion | None:
    """The version the last successful ingest made current, or None before any ingest."""
    ids = _history_ids(Path(index_dir))
    return _read(Path(index_dir) / VERSIONS_DIR / f"{ids[-1]}.json") if ids else None


def _history_ids(index_dir: Path) -> list[str]:
    history = index_dir / HISTORY_FILE
    if not history.is_file():
        return []
    lines = history.read_text(encoding="utf-8").splitlines()
    return [str(json.loads(line)["id"]) for line in lines if line.strip()]


def find_version(index_dir: Path, prefix: str) -> KnowledgeBaseVersion:
    """The one version whose id starts with prefix (at least 4 characters)."""
    if len(prefix) < 4:
        raise UnknownVersion(f"version prefix {prefix!r} is too short: give at least 4 characters")
    matches = [v for v in list_versions(index_dir) if v.id.startswith(prefix.lower())]
    if len(matches) != 1:
        found = "no" if not matches else f"{len(matches)}"
        raise UnknownVersion(f"{found} knowledge-base versions match {prefix!r}")
    return matches[0]


def _as_json(version: KnowledgeBaseVersion) -> dict[str, object]:
    return {"id": version.id, "created_at": version.created_at, "documents": version.documents}


def _read(path: Path) -> KnowledgeBaseVersion:
    data = json.loads(path.read_text(encoding="utf-8"))
    return KnowledgeBaseVersion(
        id=str(data["id"]),
        created_at=str(data["created_at"]),
        documents={str(k): str(v) for k, v in data["documents"].items()},
    )


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
