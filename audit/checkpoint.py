"""Checkpoints (c2sp.org/tlog-checkpoint) and witness cosignatures (c2sp.org/tlog-cosignature).

A checkpoint is a signed note whose text is the origin, the tree size, the base64 root
and optional extension lines. A witness adds a `cosignature/v1` line (key type 0x04):
4-byte key ID, 8-byte big-endian timestamp, then Ed25519 over
`cosignature/v1\\ntime <t>\\n<checkpoint text>`.
"""

from __future__ import annotations

import base64
import binascii
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from audit.merkle import HASH_SIZE
from audit.note import (
    Note,
    NoteError,
    Signer,
    Verifier,
    format_signer_key,
    format_verifier_key,
    is_valid_key_name,
    key_id,
    open_note,
    parse_key_fields,
    sign_note,
)

COSIGNATURE_V1 = 0x04
_DECIMAL = re.compile(r"0|[1-9][0-9]*")
_MAX_TIMESTAMP = 2**63 - 1


class CheckpointError(ValueError):
    """A checkpoint body is malformed, or a checkpoint is not signed by the expected log."""


@dataclass(frozen=True)
class Checkpoint:
    """The log's claim: at `size` entries, the RFC 9162 tree root is `root`."""

    origin: str
    size: int
    root: bytes
    extensions: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.origin or "\n" in self.origin or self.size < 0 or len(self.root) != HASH_SIZE:
            raise CheckpointError("checkpoint needs an origin, a size >= 0 and a 32-byte root")
        if any(not line or "\n" in line for line in self.extensions):
            raise CheckpointError("extension lines must be non-empty single lines")

    def text(self) -> str:
        """The note text: origin, size and base64 root hash, each on its own line."""
        lines = [self.origin, str(self.size), base64.b64encode(self.root).decode()]
        return "\n".join([*lines, *self.extensions]) + "\n"


def parse_checkpoint(text: str) -> Checkpoint:
    """Parse a checkpoint note text (without signatures), strictly."""
    if not text.endswith("\n"):
        raise CheckpointError("checkpoint text must end with a newline")
    lines = text[:-1].split("\n")
    if len(lines) < 3:
        raise CheckpointError("checkpoint needs origin, size and root lines")
    origin, size_text, root_text, *extensions = lines
    if not _DECIMAL.fullmatch(size_text):
        raise CheckpointError("tree size must be decimal without leading zeros")
    try:
        root = base64.b64decode(root_text, validate=True)
    except (binascii.Error, ValueError) as error:
        raise CheckpointError("root hash is not base64") from error
    if base64.b64encode(root).decode() != root_text:
        raise CheckpointError("root hash is not in canonical base64")
    return Checkpoint(origin, int(size_text), root, tuple(extensions))


def sign_checkpoint(checkpoint: Checkpoint, signer: Signer) -> str:
    """The signed note for `checkpoint`; the signer's key name should be the origin."""
    return sign_note(checkpoint.text(), [signer])


@dataclass(frozen=True)
class SignedCheckpoint:
    """A checkpoint opened with the log's key, with any other signature lines kept."""

    checkpoint: Checkpoint
    note: Note

    def signed(self) -> str:
        return self.note.signed()


def open_checkpoint(
    signed: str, log_key: Verifier, witnesses: Iterable[Verifier] = ()
) -> SignedCheckpoint:
    """Open a signed checkpoint: the log's own signature must be present and valid."""
    try:
        note = open_note(signed.encode(), [log_key, *witnesses])
    except NoteError as error:
        raise CheckpointError(f"checkpoint signature check failed: {error}") from error
    if not any((s.name, s.key_id) == (log_key.name, log_key.key_id) for s in note.verified):
        raise CheckpointError("checkpoint is not signed by the log's key")
    checkpoint = parse_checkpoint(note.text)
    if checkpoint.origin != log_key.name:
        raise CheckpointError(f"checkpoint origin {checkpoint.origin!r} is not the log's key name")
    return SignedCheckpoint(checkpoint, note)


def cosignature_message(checkpoint_text: str, timestamp: int) -> bytes:
    """What a cosignature/v1 signer signs: header, time line, then the checkpoint text."""
    if not 0 <= timestamp <= _MAX_TIMESTAMP:
        raise CheckpointError("cosignature timestamp out of range")
    return f"cosignature/v1\ntime {timestamp}\n{checkpoint_text}".encode()


@dataclass(frozen=True)
class CosignatureVerifier:
    """A witness's Ed25519 cosignature/v1 public key (type 0x04)."""

    name: str
    public_key: bytes
    key_id: bytes = field(init=False)

    def __post_init__(self) -> None:
        if not is_valid_key_name(self.name) or len(self.public_key) != 32:
            raise NoteError("invalid cosigner key")
        object.__setattr__(self, "key_id", key_id(self.name, COSIGNATURE_V1, self.public_key))

    def verify(self, text: bytes, signature: bytes) -> bool:
        if len(signature) != 8 + 64:
            return False
        timestamp = int.from_bytes(signature[:8], "big")
        try:
            message = cosignature_message(text.decode(), timestamp)
            Ed25519PublicKey.from_public_bytes(self.public_key).verify(signature[8:], message)
        except (InvalidSignature, CheckpointError, UnicodeDecodeError):
            return False
        return True

    def to_string(self) -> str:
        return format_verifier_key(self.name, COSIGNATURE_V1, self.public_key)


def timestamp_of(signature: bytes) -> int:
    """The POSIX time inside a cosignature/v1 signature (the bytes after the key ID)."""
    if len(signature) != 8 + 64:
        raise CheckpointError("a cosignature/v1 signature is 72 bytes after the key ID")
    return int.from_bytes(signature[:8], "big")


def _now() -> int:
    return int(time.time())


@dataclass(frozen=True)
class CosignatureSigner:
    """A witness's private key; `sign` returns timestamp || Ed25519 signature."""

    name: str
    seed: bytes = field(repr=False)
    clock: Callable[[], int] = field(default=_now, compare=False, repr=False)
    key_id: bytes = field(init=False)

    def __post_init__(self) -> None:
        if not is_valid_key_name(self.name) or len(self.seed) != 32:
            raise NoteError("invalid cosigner key")
        object.__setattr__(self, "key_id", key_id(self.name, COSIGNATURE_V1, self.public_key()))

    def public_key(self) -> bytes:
        return Ed25519PrivateKey.from_private_bytes(self.seed).public_key().public_bytes_raw()

    def sign(self, text: bytes) -> bytes:
        timestamp = self.clock()
        message = cosignature_message(text.decode(), timestamp)
        signature = Ed25519PrivateKey.from_private_bytes(self.seed).sign(message)
        return timestamp.to_bytes(8, "big") + signature

    def verifier(self) -> CosignatureVerifier:
        return CosignatureVerifier(self.name, self.public_key())

    def to_string(self) -> str:
        return format_signer_key(self.name, COSIGNATURE_V1, self.public_key(), self.seed)


def generate_cosigner(name: str) -> CosignatureSigner:
    return CosignatureSigner(name, Ed25519PrivateKey.generate().private_bytes_raw())


def parse_cosigner_key(text: str) -> CosignatureSigner:
    """Parse `PRIVATE+KEY+name+hexkeyid+base64(0x04 || seed)`."""
    name, expected_id, key_type, seed = parse_key_fields(text, private=True)
    if key_type != COSIGNATURE_V1 or len(seed) != 32:
        raise NoteError("not a cosignature/v1 signer key")
    signer = CosignatureSigner(name, seed)
    if signer.key_id != expected_id:
        raise NoteError("key ID does not match the key")
    return signer


def parse_cosigner_verifier_key(text: str) -> CosignatureVerifier:
    """Parse `name+hexkeyid+base64(0x04 || pubkey)`."""
    name, expected_id, key_type, key = parse_key_fields(text, private=False)
    if key_type != COSIGNATURE_V1 or len(key) != 32:
        raise NoteError("not a cosignature/v1 verifier key")
    verifier = CosignatureVerifier(name, key)
    if verifier.key_id != expected_id:
        raise NoteError("key ID does not match the key")
    return verifier
