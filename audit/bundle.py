"""Export bundles: a directory an oversight body verifies offline with `verify_log`.

Layout: `entries.jsonl` (one canonical entry per line; canonical JSON never holds a raw
newline), `leaf-hashes.txt` (hex, one per line: the hashes stored at append time, used
to name the exact entry that changed), `checkpoints.json` (signed notes, oldest first),
`log.pub` (the log's verifier key as the operator states it: the verifier never reads
it, an oversight body compares it with the key published elsewhere and passes that) and
`README.md`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Protocol

from audit.schema_pass import Row

ENTRIES = "entries.jsonl"
LEAF_HASHES = "leaf-hashes.txt"
CHECKPOINTS = "checkpoints.json"
PUBLIC_KEY = "log.pub"

_README = """# OpenCounter transparency log export

Origin: {origin}
Entries: {size}
Log public key (also in `log.pub`; compare it with the key the operator publishes):

    {key}

## Verify

    pip install opencounter_verifier-*.whl
    opencounter-audit verify --bundle . --key "PUBLISHED KEY" [--since WITNESSED.txt]

The opencounter-verifier wheel is the verifier alone (no web framework, no database):
build it from the OpenCounter repository with `python packaging/verifier/build.py dist`.

Pass the key the operator published (or that your witness pinned), not `log.pub` from
this directory: whoever made the bundle also chose that file. With `--since`, give a
checkpoint you saw earlier (e.g. one your witness cosigned): a bundle that was rolled
back or forked from it fails.

The verifier recomputes the RFC 9162 Merkle tree from `entries.jsonl`, checks the
Ed25519 signature on every checkpoint in `checkpoints.json` (C2SP tlog-checkpoint
signed notes), that each one names the checkpoint before it (none was removed) and
that its root equals the recomputed root at its size, and names the first entry that
is missing, malformed, out of time order or changed.

Files: `entries.jsonl` one RFC 8785 canonical JSON entry per line (the exact leaf
bytes); `leaf-hashes.txt` the leaf hashes stored when each entry was appended;
`checkpoints.json` the signed checkpoints, oldest first.
"""


def note_size(note: str) -> int:
    """The tree size a checkpoint note states (its second line)."""
    return int(note.split("\n")[1])


class BundleError(ValueError):
    """The directory is not a readable export bundle."""


class ExportedLog(Protocol):
    """What an export reads of the issuing log (`audit.storage.log.TransparencyLog` is one).

    Named here, not imported, so the verifier's modules need nothing of the storage side.
    """

    @property
    def origin(self) -> str: ...

    @property
    def verifier_key(self) -> str: ...

    def entries(self) -> Iterable[tuple[int, bytes]]:
        """Every entry's canonical bytes by leaf index, oldest first."""
        ...

    def leaf_hashes(self) -> Iterable[tuple[int, bytes]]:
        """The leaf hashes stored at append time, by leaf index."""
        ...

    def checkpoints(self) -> list[str]:
        """Every stored signed checkpoint, oldest first."""
        ...

    def checkpoint(self) -> str:
        """A checkpoint covering the whole log now (signed if the newest does not)."""
        ...


def export_bundle(log: ExportedLog, directory: Path, covering: int | None = None) -> int:
    """Write a bundle of the log, ending with a signed checkpoint; returns its size.

    By default the bundle holds the whole log and a fresh checkpoint. With `covering`, it
    ends at the first checkpoint that includes the first `covering` entries (a fresh one if
    none does yet): verification needs every entry from 0, so a bundle for a time range is
    the log up to that range's end.
    """
    directory.mkdir(parents=True, exist_ok=True)
    sizes = sorted(note_size(note) for note in log.checkpoints())
    reaching = [size for size in sizes if covering is not None and size >= covering]
    size = reaching[0] if reaching else note_size(log.checkpoint())
    with (directory / ENTRIES).open("wb") as out:
        for index, data in log.entries():
            if index >= size:
                break
            out.write(data + b"\n")
    with (directory / LEAF_HASHES).open("w", encoding="ascii") as out:
        for index, value in log.leaf_hashes():
            if index >= size:
                break
            out.write(value.hex() + "\n")
    checkpoints = [note for note in log.checkpoints() if note_size(note) <= size]
    (directory / CHECKPOINTS).write_text(json.dumps(checkpoints, indent=1) + "\n", "utf-8")
    (directory / PUBLIC_KEY).write_text(log.verifier_key + "\n", encoding="utf-8")
    readme = _README.format(origin=log.origin, size=size, key=log.verifier_key)
    (directory / "README.md").write_text(readme, encoding="utf-8")
    return size


class Bundle:
    """An export bundle read back as a `LogSource` for `verify_log`."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        for name in (ENTRIES, CHECKPOINTS):
            if not (directory / name).is_file():
                raise BundleError(f"{directory} has no {name}: not an export bundle")
        try:
            notes = json.loads((directory / CHECKPOINTS).read_text("utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise BundleError(f"{CHECKPOINTS} is not valid JSON") from error
        if not isinstance(notes, list) or not all(isinstance(n, str) for n in notes):
            raise BundleError(f"{CHECKPOINTS} must be a list of signed notes")
        self._checkpoints: list[str] = notes

    def size(self) -> int:
        # A bundle records no size apart from its newest checkpoint.
        sizes = [int(note.split("\n")[1]) for note in self._checkpoints if note.count("\n") > 1]
        return max(sizes, default=0)

    def entries(self) -> Iterator[tuple[int, bytes]]:
        with (self.directory / ENTRIES).open("rb") as lines:
            for index, line in enumerate(lines):
                yield index, line.removesuffix(b"\n")

    def leaf_hashes(self) -> Iterator[tuple[int, bytes]]:
        path = self.directory / LEAF_HASHES
        if not path.is_file():
            return
        with path.open(encoding="ascii") as lines:
            for index, line in enumerate(lines):
                try:
                    yield index, bytes.fromhex(line.strip())
                except ValueError as error:
                    raise BundleError(f"{LEAF_HASHES} line {index + 1} is not hex") from error

    def checkpoints(self) -> list[str]:
        return list(self._checkpoints)

    # -- as a `LogSource`: a bundle has entries, leaf hashes and checkpoints, nothing more --

    def entry_rows(self) -> Iterator[Row]:
        for index, data in self.entries():
            yield index, data, None

    def has_conversation_column(self) -> bool:
        return False

    def stored_nodes(self, level: int) -> Iterator[tuple[int, bytes]]:
        if level == 0:
            yield from self.leaf_hashes()

    def stored_state(self) -> None:
        return None
