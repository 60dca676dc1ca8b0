"""The log signing key and the vault master key: from settings, or made in the data dir (dev)."""

from __future__ import annotations

import os
from pathlib import Path

from audit.checkpoint import CosignatureVerifier, parse_cosigner_verifier_key
from audit.note import Ed25519Signer, generate_signer, parse_signer_key
from audit.storage.vault import generate_master_key, parse_master_key

SIGNING_KEY_FILE = "audit/log.key"  # the same layout as `opencounter audit keygen`
VERIFIER_KEY_FILE = "audit/log.pub"
VAULT_KEY_FILE = "audit/vault.key"


class KeyConfigurationError(Exception):
    """A configured key is malformed or does not fit the log."""


def _write_secret(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text + "\n")


def _value_or_file(value: str) -> str:
    """A setting may hold the key itself or the path of a file holding it."""
    candidate = Path(value)
    if not value.startswith("PRIVATE+KEY+") and candidate.is_file():
        return candidate.read_text(encoding="utf-8").strip()
    return value.strip()


def load_signer(
    configured: str | None, data_dir: Path, origin: str, *, create: bool = True
) -> Ed25519Signer:
    """The configured key, else the data dir's; made there if missing and `create` (dev)."""
    if configured:
        text = _value_or_file(configured)
    else:
        path = data_dir / SIGNING_KEY_FILE
        if not path.exists() and not create:
            raise KeyConfigurationError(
                f"No log signing key: OPENCOUNTER_LOG_SIGNING_KEY is not set and {path} does "
                "not exist. Run this command with the app's settings (OPENCOUNTER_DATA_DIR, "
                "OPENCOUNTER_LOG_SIGNING_KEY)."
            )
        if not path.exists():
            signer = generate_signer(origin)
            _write_secret(path, signer.to_string())
            (data_dir / VERIFIER_KEY_FILE).write_text(signer.verifier().to_string() + "\n")
        text = path.read_text(encoding="utf-8").strip()
    try:
        signer = parse_signer_key(text)
    except ValueError as exc:
        raise KeyConfigurationError(
            f"The log signing key is not a valid note signer key ({exc}). "
            "Make one with `opencounter audit keygen`."
        ) from exc
    if signer.name != origin:
        raise KeyConfigurationError(
            f"The log signing key is named {signer.name!r} but the log origin is {origin!r}: "
            "set OPENCOUNTER_LOG_ORIGIN to the key's name or make a key for this origin."
        )
    return signer


def load_vault_key(configured: str | None, data_dir: Path, *, create: bool = True) -> bytes:
    """The configured master key, else the data dir's; made there if missing and `create`."""
    if configured:
        text = _value_or_file(configured)
    else:
        path = data_dir / VAULT_KEY_FILE
        if not path.exists() and not create:
            raise KeyConfigurationError(
                f"No vault key: OPENCOUNTER_VAULT_KEY is not set and {path} does not exist. "
                "Run this command with the app's settings (OPENCOUNTER_DATA_DIR, "
                "OPENCOUNTER_VAULT_KEY)."
            )
        if not path.exists():
            _write_secret(path, generate_master_key())
        text = path.read_text(encoding="utf-8").strip()
    try:
        return parse_master_key(text)
    except ValueError as exc:
        raise KeyConfigurationError(f"OPENCOUNTER_VAULT_KEY is unusable: {exc}.") from exc


def load_witnesses(configured: str) -> tuple[CosignatureVerifier, ...]:
    """The witnesses whose cosignatures the log accepts, from comma-separated verifier keys."""
    witnesses = []
    for text in filter(None, (part.strip() for part in configured.split(","))):
        try:
            witnesses.append(parse_cosigner_verifier_key(_value_or_file(text)))
        except ValueError as exc:
            raise KeyConfigurationError(
                f"OPENCOUNTER_WITNESS_KEYS holds a key that is not a cosignature/v1 verifier key "
                f"({exc}); the witness prints its key with `opencounter audit keygen --witness`."
            ) from exc
    return tuple(witnesses)
