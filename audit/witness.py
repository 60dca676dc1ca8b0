"""The witness: an oversight body fetches the log's checkpoint, checks it extends the last
one it saw, and cosigns it (c2sp.org/tlog-cosignature).

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

import httpx

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


def witness_log(
    base_url: str,
    log_key: Verifier,
    cosigner: CosignatureSigner,
    state_path: Path,
    *,
    submit: bool = True,
    client: httpx.Client | None = None,
) -> str:
    """Fetch, check and cosign the log's latest checkpoint; returns the cosigned note.

    The witness remembers the checkpoint it cosigned in `state_path` (and the signed note
    itself beside it, `cosigned_path`, for `audit verify --since`); with `submit`, it
    posts the cosigned checkpoint back to the log.
    """
    last = WitnessState.load(state_path)
    own_client = client is None
    http = client or httpx.Client(timeout=30)
    base = base_url.rstrip("/")
    try:
        signed = _get(http, f"{base}/audit/checkpoint")
        size = _size_of(signed)
        proof: list[bytes] = []
        if last is not None and 0 < last.size < size:
            proof = parse_proof(_get(http, f"{base}/audit/consistency?old={last.size}&new={size}"))
        cosigned, checkpoint = check_and_cosign(signed, log_key, cosigner, last, proof)
        if submit:
            response = http.post(f"{base}/audit/cosignature", content=cosigned.encode())
            if response.status_code >= 400:
                raise WitnessError(f"the log refused the cosignature: {response.status_code}")
    except httpx.HTTPError as error:
        raise WitnessError(f"could not reach the log at {base}: {error}") from error
    finally:
        if own_client:
            http.close()
    WitnessState(checkpoint.origin, checkpoint.size, checkpoint.root).save(state_path)
    _save_text(cosigned_path(state_path), cosigned)
    return cosigned


def cosigned_path(state_path: Path) -> Path:
    """Where the witness keeps the signed checkpoint it cosigned last: `verify --since` it."""
    return state_path.with_suffix(".checkpoint")


def _save_text(path: Path, text: str) -> None:
    temporary = path.with_suffix(path.suffix + ".tmp")
    temporary.write_text(text, "utf-8")
    temporary.replace(path)


def read_checkpoint(location: str, client: httpx.Client | None = None) -> str:
    """A signed checkpoint seen earlier, from a file or an http(s) URL (`verify --since`).

    Only its signature makes it evidence, so where it comes from needs no trust: a
    witness's published copy, the log's own `/audit/checkpoint` saved last month, a file.
    """
    if location.startswith(("http://", "https://")):
        http = client or httpx.Client(timeout=30)
        try:
            text = _get(http, location)
        except httpx.HTTPError as error:
            raise WitnessError(f"could not fetch {location}: {error}") from error
        finally:
            if client is None:
                http.close()
    else:
        try:
            text = Path(location).read_text("utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise WitnessError(f"cannot read {location}: {error}") from error
    if "\n\n" not in text:
        raise WitnessError(f"{location} holds no signed checkpoint (a signed note)")
    return text


def _get(http: httpx.Client, url: str) -> str:
    response = http.get(url)
    if response.status_code != 200:
        raise WitnessError(f"GET {url} answered {response.status_code}")
    return response.text


def _size_of(signed: str) -> int:
    lines = signed.split("\n")
    if len(lines) < 3 or not lines[1].isdigit():
        raise WitnessError("the log did not serve a checkpoint")
    return int(lines[1])
