"""`opencounter keys`: rotate the vault's master key and hand the log over to a new signing key.

Both are run with every app process stopped (a process still holding the old key would write
texts or checkpoints the new key does not open), then the processes start with the new key.
- `rotate-vault-key`: every conversation key is re-wrapped under the new master key in one
  transaction; the texts are not touched and read back as before; the old key opens nothing.
- `rotate-log-key`: the newest checkpoint is signed again, at the same size and root, with one
  more line, `key-change <old key> <new key>` (audit/key_change.py), by the old key and the new
  one. A verifier holding either key follows the handover (`opencounter audit verify`), and
  every later checkpoint is signed by the new key alone.
Where a key is a file of the data dir (development), the file is replaced; where it comes from
the settings, the command says which setting to change.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from sqlalchemy import insert, select, update

from audit.checkpoint import Checkpoint, CheckpointError, open_checkpoint, parse_checkpoint
from audit.checkpoint_chain import note_text, previous_line
from audit.key_change import key_change_line
from audit.note import Ed25519Signer, NoteError, parse_signer_key, sign_note
from audit.sink import LogUnavailable
from audit.storage.store import lock_for_append
from audit.storage.vault import VaultKeyMismatch, parse_master_key
from web.cli.options import DataDir, read_settings
from web.keys import SIGNING_KEY_FILE, VAULT_KEY_FILE, VERIFIER_KEY_FILE, load_signer

if TYPE_CHECKING:
    from web.bootstrap import Storage

NewKeyFile = Annotated[
    Path,
    typer.Option(
        "--new-key-file",
        help="A file holding the new key (never the key itself: it would stay in the shell's "
        "history).",
        show_default=False,
    ),
]


class HandoverRefused(Exception):
    """The log cannot be handed over now; the message says why and what to do."""


def _fail(console: Console, message: str, code: int = 2) -> NoReturn:
    console.print(f"[red]Not done:[/] {escape(message)}", soft_wrap=True)
    raise typer.Exit(code)


def _read_key_file(console: Console, path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        _fail(console, f"cannot read {path} ({exc.strerror}); pass the file holding the new key.")


def _replace_secret(path: Path, text: str) -> None:
    """Write `text` to `path` readable by its owner only, replacing the file in one step."""
    fresh = path.with_name(path.name + ".new")
    fresh.unlink(missing_ok=True)
    fd = os.open(fresh, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text + "\n")
    os.replace(fresh, path)


def rotate_vault_key(new_key_file: NewKeyFile, data_dir: DataDir = None) -> None:
    """Re-wrap every conversation key under a new vault master key (app processes stopped)."""
    from web.bootstrap import open_storage
    from web.cli.startup import starting

    console = Console()
    settings = read_settings(data_dir)
    text = _read_key_file(console, new_key_file)
    try:
        new_key = parse_master_key(text)
    except ValueError as exc:
        _fail(console, f"{new_key_file}: {exc} (`opencounter audit keygen` makes one).")
    with starting(console):
        storage = open_storage(settings)
    try:
        count = storage.vault.rewrap(new_key)
    except VaultKeyMismatch:
        _fail(
            console,
            "a stored conversation key does not open with the current vault key: run this "
            "with the settings the app runs with (OPENCOUNTER_VAULT_KEY). Nothing changed.",
        )
    finally:
        storage.close()
    console.print(f"Re-wrapped {count} conversation keys under the new vault key.")
    if settings.vault_key:
        console.print(
            "Now set OPENCOUNTER_VAULT_KEY to the new key for every process, start them, and "
            "destroy the old key: it opens nothing any more.",
            soft_wrap=True,
        )
    else:
        _replace_secret(settings.data_dir / VAULT_KEY_FILE, text)
        console.print(f"{settings.data_dir / VAULT_KEY_FILE} now holds the new key.")


def hand_over(storage: Storage, old: Ed25519Signer, new: Ed25519Signer) -> str:
    """Sign the newest checkpoint again with a key-change line, by both keys; returns it."""
    storage.log.checkpoint()  # the newest checkpoint covers every entry (old key)
    tables = storage.schema.audit  # the log's tables, from the app's one MetaData
    with storage.engine.begin() as conn:
        lock_for_append(conn, tables)
        row = conn.execute(
            select(tables.checkpoints.c.note).order_by(tables.checkpoints.c.id.desc()).limit(1)
        ).first()
        size = conn.execute(select(tables.state.c.size).where(tables.state.c.id == 1)).scalar()
        if row is None or size is None:
            raise HandoverRefused(
                "the log has no checkpoint yet: run `opencounter audit checkpoint`"
            )
        newest = str(row.note)
        try:
            last = open_checkpoint(newest, old.verifier()).checkpoint
        except CheckpointError as error:
            raise HandoverRefused(
                f"the newest checkpoint is not signed by the current key ({error}): run this "
                "with the settings the app runs with (OPENCOUNTER_LOG_SIGNING_KEY)"
            ) from error
        if last.size != int(size):
            raise HandoverRefused(
                "entries were appended while the command ran: stop every app process, then run "
                "it again"
            )
        extensions = (
            previous_line(note_text(newest), last.size),
            key_change_line(old.verifier(), new.verifier()),
        )
        body = Checkpoint(last.origin, last.size, last.root, extensions)
        note = sign_note(body.text(), [old, new])
        now = datetime.now(UTC)
        conn.execute(insert(tables.checkpoints).values(size=last.size, note=note, created_at=now))
        conn.execute(
            update(tables.state)
            .where(tables.state.c.id == 1)
            .values(checkpoint_size=last.size, checkpoint_at=now)
        )
    return note


def rotate_log_key(new_key_file: NewKeyFile, data_dir: DataDir = None) -> None:
    """Hand the log over to a new signing key: a checkpoint signed by both (processes stopped)."""
    from web.bootstrap import open_storage
    from web.cli.startup import starting

    console = Console()
    settings = read_settings(data_dir)
    text = _read_key_file(console, new_key_file)
    try:
        new = parse_signer_key(text)
    except NoteError as exc:
        _fail(
            console,
            f"{new_key_file} is not a signing key ({exc}): make one with "
            "`opencounter audit keygen --data-dir NEW_DIR`.",
        )
    if new.name != settings.log_origin:
        _fail(
            console,
            f"the new key is named {new.name!r}, the log's origin is "
            f"{settings.log_origin!r}: make the key for this origin.",
        )
    with starting(console):
        storage = open_storage(settings)
        old = load_signer(settings.log_signing_key, settings.data_dir, settings.log_origin)
    if old.public_key() == new.public_key():
        storage.close()
        _fail(console, "the new key is the key the log already signs with.")
    try:
        note = hand_over(storage, old, new)
    except HandoverRefused as exc:
        _fail(console, str(exc))
    except LogUnavailable as exc:
        _fail(console, f"the log is unavailable ({exc}); nothing changed.", 1)
    finally:
        storage.close()
    size = parse_checkpoint(note_text(note)).size
    public = new.verifier().to_string()
    console.print(f"Handed the log over at size {size}; its new public key is:", highlight=False)
    console.print(public, markup=False, highlight=False, soft_wrap=True)
    if settings.log_signing_key:
        console.print(
            "Now set OPENCOUNTER_LOG_SIGNING_KEY to the new key for every process and start "
            "them; publish the new public key beside the old one, give it to the witnesses "
            "(their OPENCOUNTER_LOG_PUBLIC_KEY), and destroy the old private key.",
            soft_wrap=True,
        )
    else:
        _replace_secret(settings.data_dir / SIGNING_KEY_FILE, text)
        (settings.data_dir / VERIFIER_KEY_FILE).write_text(public + "\n", encoding="utf-8")
        console.print(f"{settings.data_dir / SIGNING_KEY_FILE} now holds the new key.")


def build_keys_cli() -> typer.Typer:
    app = typer.Typer(no_args_is_help=True)
    app.command("rotate-vault-key")(rotate_vault_key)
    app.command("rotate-log-key")(rotate_log_key)
    return app
