"""C2SP signed notes (c2sp.org/signed-note) with Ed25519 keys in the Go `note` key format.

A note is text, an empty line, and signature lines `— <name> <base64(key ID || sig)>`.
Key strings follow golang.org/x/mod/sumdb/note: `name+hexkeyid+base64(type || key)` for
verifiers and `PRIVATE+KEY+name+hexkeyid+base64(type || seed)` for signers.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

ED25519 = 0x01
SIGNATURE_PREFIX = "— "  # U+2014 EM DASH and a space.
# golang.org/x/mod accepts at most 100 signatures; C2SP says to accept at least 16.
MAX_SIGNATURES = 100


class NoteError(ValueError):
    """A note or key string is malformed."""


class UnverifiedNote(NoteError):
    """No signature on the note is from a key the caller trusts."""


class InvalidNoteSignature(NoteError):
    """A signature line names a trusted key but does not verify: the note is rejected."""


class Verifier(Protocol):
    """A public key that checks one kind of signature line."""

    @property
    def name(self) -> str: ...

    @property
    def key_id(self) -> bytes: ...

    def verify(self, text: bytes, signature: bytes) -> bool: ...


class Signer(Protocol):
    """A private key that makes one kind of signature line."""

    @property
    def name(self) -> str: ...

    @property
    def key_id(self) -> bytes: ...

    def sign(self, text: bytes) -> bytes: ...


def is_valid_key_name(name: str) -> bool:
    """Key names are non-empty and have no whitespace and no `+` (c2sp.org/signed-note)."""
    return bool(name) and "+" not in name and not any(ch.isspace() for ch in name)


def key_id(name: str, key_type: int, public_key: bytes) -> bytes:
    """SHA-256(name || 0x0A || type || public key)[:4]."""
    return hashlib.sha256(name.encode() + b"\n" + bytes([key_type]) + public_key).digest()[:4]


def _b64decode(text: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as error:
        raise NoteError("invalid base64") from error


def _split_key(text: str, parts: int) -> list[str]:
    # The base64 key comes last and may itself contain "+".
    fields = text.split("+", parts - 1)
    if len(fields) != parts:
        raise NoteError("malformed key string")
    return fields


@dataclass(frozen=True)
class Ed25519Verifier:
    """An Ed25519 note-signature key (type 0x01)."""

    name: str
    public_key: bytes
    key_id: bytes = field(init=False)

    def __post_init__(self) -> None:
        if not is_valid_key_name(self.name) or len(self.public_key) != 32:
            raise NoteError("invalid Ed25519 verifier key")
        object.__setattr__(self, "key_id", key_id(self.name, ED25519, self.public_key))

    def verify(self, text: bytes, signature: bytes) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(self.public_key).verify(signature, text)
        except InvalidSignature:
            return False
        return True

    def to_string(self) -> str:
        return format_verifier_key(self.name, ED25519, self.public_key)


@dataclass(frozen=True)
class Ed25519Signer:
    """An Ed25519 note-signing key (type 0x01); its key name should be the log's origin."""

    name: str
    seed: bytes = field(repr=False)
    key_id: bytes = field(init=False)

    def __post_init__(self) -> None:
        if not is_valid_key_name(self.name) or len(self.seed) != 32:
            raise NoteError("invalid Ed25519 signer key")
        object.__setattr__(self, "key_id", key_id(self.name, ED25519, self.public_key()))

    def public_key(self) -> bytes:
        return Ed25519PrivateKey.from_private_bytes(self.seed).public_key().public_bytes_raw()

    def sign(self, text: bytes) -> bytes:
        return Ed25519PrivateKey.from_private_bytes(self.seed).sign(text)

    def verifier(self) -> Ed25519Verifier:
        return Ed25519Verifier(self.name, self.public_key())

    def to_string(self) -> str:
        return format_signer_key(self.name, ED25519, self.public_key(), self.seed)


def format_verifier_key(name: str, key_type: int, public_key: bytes) -> str:
    encoded = base64.b64encode(bytes([key_type]) + public_key).decode()
    return f"{name}+{key_id(name, key_type, public_key).hex()}+{encoded}"


def format_signer_key(name: str, key_type: int, public_key: bytes, seed: bytes) -> str:
    encoded = base64.b64encode(bytes([key_type]) + seed).decode()
    return f"PRIVATE+KEY+{name}+{key_id(name, key_type, public_key).hex()}+{encoded}"


def parse_key_fields(text: str, *, private: bool) -> tuple[str, bytes, int, bytes]:
    """Split a key string into (name, key ID, type byte, key bytes); no type check yet."""
    if private:
        fields = _split_key(text, 5)
        if fields[:2] != ["PRIVATE", "KEY"]:
            raise NoteError("signer key must start with PRIVATE+KEY+")
        fields = fields[2:]
    else:
        fields = _split_key(text, 3)
    name, id_hex, encoded = fields
    if not is_valid_key_name(name) or len(id_hex) != 8:
        raise NoteError("malformed key name or key ID")
    try:
        expected_id = bytes.fromhex(id_hex)
    except ValueError as error:
        raise NoteError("key ID is not hex") from error
    raw = _b64decode(encoded)
    if len(raw) < 2:
        raise NoteError("key is too short")
    return name, expected_id, raw[0], raw[1:]


def parse_verifier_key(text: str) -> Ed25519Verifier:
    """Parse `name+hexkeyid+base64(0x01 || pubkey)`; the key ID must match."""
    name, expected_id, key_type, key = parse_key_fields(text, private=False)
    if key_type != ED25519 or len(key) != 32:
        raise NoteError("unknown key type or wrong key length")
    verifier = Ed25519Verifier(name, key)
    if verifier.key_id != expected_id:
        raise NoteError("key ID does not match the key")
    return verifier


def parse_signer_key(text: str) -> Ed25519Signer:
    """Parse `PRIVATE+KEY+name+hexkeyid+base64(0x01 || seed)`; the key ID must match."""
    name, expected_id, key_type, seed = parse_key_fields(text, private=True)
    if key_type != ED25519 or len(seed) != 32:
        raise NoteError("unknown key type or wrong seed length")
    signer = Ed25519Signer(name, seed)
    if signer.key_id != expected_id:
        raise NoteError("key ID does not match the key")
    return signer


def generate_signer(name: str) -> Ed25519Signer:
    """A new random Ed25519 note key named `name` (for a log: its origin)."""
    seed = Ed25519PrivateKey.generate().private_bytes_raw()
    return Ed25519Signer(name, seed)


@dataclass(frozen=True)
class Signature:
    """One signature line: key name, 4-byte key ID and the signature bytes after it."""

    name: str
    key_id: bytes
    signature: bytes

    @classmethod
    def from_base64(cls, name: str, encoded: str) -> Signature:
        raw = _b64decode(encoded)
        if not is_valid_key_name(name) or not encoded or len(raw) < 5:
            raise NoteError("malformed signature line")
        return cls(name, raw[:4], raw[4:])

    def line(self) -> str:
        encoded = base64.b64encode(self.key_id + self.signature).decode()
        return f"{SIGNATURE_PREFIX}{self.name} {encoded}\n"


@dataclass(frozen=True)
class Note:
    """A parsed note: its text (ending in a newline) and its signatures."""

    text: str
    verified: tuple[Signature, ...] = ()
    unverified: tuple[Signature, ...] = ()

    def signed(self) -> str:
        return self.text + "\n" + "".join(s.line() for s in (*self.verified, *self.unverified))


def _check_text(text: str) -> None:
    if not text.endswith("\n") or any(ord(ch) < 0x20 and ch != "\n" for ch in text):
        raise NoteError("malformed note text")


def split_note(message: bytes) -> tuple[str, list[Signature]]:
    """Split a signed note into its text and signature lines, checking the layout only."""
    try:
        decoded = message.decode("utf-8")
    except UnicodeDecodeError as error:
        raise NoteError("note is not UTF-8") from error
    if any(ord(ch) < 0x20 and ch != "\n" for ch in decoded):
        raise NoteError("note contains control characters")
    split = decoded.rfind("\n\n")
    if split < 0:
        raise NoteError("note has no signature block")
    text, block = decoded[: split + 1], decoded[split + 2 :]
    if not block.endswith("\n"):
        raise NoteError("signature block must end with a newline")
    signatures: list[Signature] = []
    for line in block[:-1].split("\n"):
        if not line.startswith(SIGNATURE_PREFIX):
            raise NoteError("line in the signature block is not a signature")
        name, _, encoded = line[len(SIGNATURE_PREFIX) :].partition(" ")
        signatures.append(Signature.from_base64(name, encoded))
        if len(signatures) > MAX_SIGNATURES:
            raise NoteError(f"note has more than {MAX_SIGNATURES} signatures")
    return text, signatures


def open_note(message: bytes, verifiers: Iterable[Verifier]) -> Note:
    """Parse `message` and check its signatures against the trusted `verifiers`.

    Lines from unknown keys are kept as unverified; a line from a known key that does
    not verify rejects the note; a note no known key signed raises `UnverifiedNote`.
    Repeated identical lines are kept once.
    """
    known = {(v.name, v.key_id): v for v in verifiers}
    text, signatures = split_note(message)
    verified: list[Signature] = []
    unverified: list[Signature] = []
    for signature in signatures:
        verifier = known.get((signature.name, signature.key_id))
        if verifier is None:
            if signature not in unverified:
                unverified.append(signature)
            continue
        if not verifier.verify(text.encode(), signature.signature):
            raise InvalidNoteSignature(
                f"invalid signature for key {signature.name}+{signature.key_id.hex()}"
            )
        if all((s.name, s.key_id) != (signature.name, signature.key_id) for s in verified):
            verified.append(signature)
    note = Note(text, tuple(verified), tuple(unverified))
    if not verified:
        raise UnverifiedNote("note has no signature from a trusted key")
    return note


def sign_note(text: str, signers: Sequence[Signer], existing: Sequence[Signature] = ()) -> str:
    """Sign `text` (which must end in a newline) and return the signed note.

    Existing signatures come first, except any from the same keys, which are replaced.
    """
    _check_text(text)
    ours = {(s.name, s.key_id) for s in signers}
    new = [Signature(s.name, s.key_id, s.sign(text.encode())) for s in signers]
    kept = [s for s in existing if (s.name, s.key_id) not in ours]
    for signature in kept:
        if not is_valid_key_name(signature.name):
            raise NoteError("malformed signature name")
    return text + "\n" + "".join(s.line() for s in (*kept, *new))
