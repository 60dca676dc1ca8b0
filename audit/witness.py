"""The witness: an oversight body checks the log's checkpoint extends the last one it saw,
and cosigns it (c2sp.org/tlog-cosignature). Fetching it is `audit.remote`'s part.

HTTP interface the log serves (plain text):
  GET  /audit/checkpoint                  the latest signed checkpoint
  GET  /audit/consistency?old=M&new=N     the consistency proof, one base64 hash per line
  POST /audit/cosignature                 a cosigned checkpoint (body), stored by the log
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from pathlib import Path

from audit.checkpoint import Checkpoint, CheckpointError, CosignatureSigner, open_checkpoint
from audit.merkle import verify_consistency
from audit.note import Verifier, sign_note


class WitnessError(Exception):
    """The witness could not fetch or check the log's checkpoint."""


class InconsistentCheckpoint(WitnessError):
    """The log's new checkpoint does not extend the last one seen: a fork or rewrite."""


def format_proof(hashes: list[bytes]) -> str:
    """A proof as the HTTP body: one base64 hash per line."""
    return "".join(base64.b64encode(h).decode() + "\n" for h in hashes)


def parse_proof(text: str) -> list[bytes]:
    try:
        return [base64.b64decode(line, validate=True) for line in text.splitlines() if line]
    except binascii.Error as error:
        raise WitnessError("proof lines must be base64") from error


@dataclass(frozen=True)
class WitnessState:
    """The largest checkpoint this witness has cosigned for one origin."""

    origin: str
    size: int
    root: bytes

    @classmethod
    def load(cls, path: Path) -> WitnessState | None:
        if not path.is_file():
            return None
        try:
            data = json.loads(path.read_text("utf-8"))
            return cls(str(data["origin"]), int(data["size"]), bytes.fromhex(data["root"]))
        except (ValueError, KeyError, TypeError) as error:
            raise WitnessError(f"witness state {path} is unreadable") from error

    def save(self, path: Path) -> None:
        data = {"origin": self.origin, "size": self.size, "root": self.root.hex()}
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(data) + "\n", "utf-8")
        temporary.replace(path)


def check_and_cosign(
    signed: str,
    log_key: Verifier,
    cosigner: CosignatureSigner,
    last: WitnessState | None,
    proof: list[bytes],
) -> tuple[str, Checkpoint]:
    """Open `signed`, check it against `last` with `proof`, return the cosigned note."""
    try:
        opened = open_checkpoint(signed, log_key)
    except CheckpointError as error:
        raise WitnessError(f"the log's checkpoint does not verify: {error}") from error
    new = opened.checkpoint
    if last is not None:
        if last.origin != new.origin:
            raise WitnessError(f"state is for {last.origin!r}, the log is {new.origin!r}")
        if new.size < last.size:
            raise InconsistentCheckpoint(f"the log shrank from {last.size} to {new.size}")
        consistent = (
            last.size == 0
            or (new.size == last.size and new.root == last.root and not proof)
            or verify_consistency(last.size, new.size, proof, last.root, new.root)
        )
        if not consistent:
            raise InconsistentCheckpoint(
                f"checkpoint of size {new.size} does not extend the one of size {last.size}"
            )
    note = opened.note
    cosigned = sign_note(note.text, [cosigner], (*note.verified, *note.unverified))
    return cosigned, new


def cosigned_path(state_path: Path) -> Path:
    """Where the witness keeps the signed checkpoint it cosigned last: `verify --since` it."""
    return state_path.with_suffix(".checkpoint")


def remember(state_path: Path, checkpoint: Checkpoint, cosigned: str) -> None:
    """Keep the checkpoint just cosigned as the one the next must extend, and its note."""
    WitnessState(checkpoint.origin, checkpoint.size, checkpoint.root).save(state_path)
    note = cosigned_path(state_path)
    temporary = note.with_suffix(note.suffix + ".tmp")
    temporary.write_text(cosigned, "utf-8")
    temporary.replace(note)
