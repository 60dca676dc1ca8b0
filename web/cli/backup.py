"""`opencounter backup`: copy the app's database, knowledge-base index and (if asked) key files
to a folder, and restore them into a new, empty database.

The database is read in one transaction (on PostgreSQL a repeatable-read snapshot), so the
log's entries, tree nodes, state row and checkpoints, the vault's sealed texts and wrapped
conversation keys, the conversations and the handoffs are copied as of one moment: the
restored log verifies with `opencounter audit verify`. Every table of the app's schema is
written as JSON lines (bytes in base64, times in ISO 8601) beside a manifest naming the schema
revision, the row counts and the log's size and newest checkpoint, which the restore checks.

Keys are not copied unless `--with-keys` is given, and only key files of the data dir (keys
given in the settings live in the operator's secret store and are backed up there). Whoever
holds a copy of the tables and the vault key reads every conversation not yet erased, so the
key files go to their own `keys/` folder, to be kept apart from the rest. The Chroma server
holds nothing of its own: the app fills it from the knowledge-base index when it starts.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from sqlalchemy import Connection, Engine, Table, delete, func, insert, select
from sqlalchemy.exc import SQLAlchemyError

from web.cli.options import DataDir, read_settings
from web.keys import SIGNING_KEY_FILE, VAULT_KEY_FILE, VERIFIER_KEY_FILE
from web.schema import app_metadata
from web.settings import Settings

FORMAT = "opencounter-backup/1"
MANIFEST = "manifest.json"
BATCH = 1000
KEY_FILES = (SIGNING_KEY_FILE, VERIFIER_KEY_FILE, VAULT_KEY_FILE)
# A database with a row in any of these is in use: a restore never mixes two histories.
HOLDS_DATA = ("audit_entries", "audit_checkpoints", "bot_conversations", "staff_accounts")


class BackupError(Exception):
    """A backup cannot be made or restored; the message says what to do."""


def _encode(value: object) -> object:
    if isinstance(value, bytes | memoryview):
        return {"$bytes": base64.b64encode(bytes(value)).decode()}
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, dict):
        return {"$json": value}
    return value


def _decode(value: object) -> object:
    if isinstance(value, dict):
        if "$bytes" in value:
            return base64.b64decode(value["$bytes"])
        if "$datetime" in value:
            return datetime.fromisoformat(value["$datetime"])
        if "$date" in value:
            return date.fromisoformat(value["$date"])
        if "$json" in value:
            return value["$json"]
    return value


@contextmanager
def _snapshot(engine: Engine) -> Iterator[Connection]:
    """One read transaction over every table: a repeatable-read snapshot on PostgreSQL."""
    options = {"isolation_level": "REPEATABLE READ"} if engine.dialect.name == "postgresql" else {}
    with engine.connect().execution_options(**options) as conn, conn.begin():
        yield conn


def create_backup(
    engine: Engine, settings: Settings, folder: Path, *, with_keys: bool
) -> dict[str, object]:
    """Write the backup to `folder` (which must not exist yet); returns its manifest."""
    from web.database import current_revision

    if folder.exists() and any(folder.iterdir()):
        raise BackupError(f"{folder} is not empty: name a new folder for the backup.")
    (folder / "tables").mkdir(parents=True, exist_ok=True)
    metadata = app_metadata()
    counts: dict[str, int] = {}
    with _snapshot(engine) as conn:
        revision = current_revision(conn)
        if revision is None:
            raise BackupError("The database holds no OpenCounter schema: nothing to back up.")
        for table in metadata.sorted_tables:
            counts[table.name] = _dump_table(conn, table, folder / "tables" / f"{table.name}.jsonl")
        log_state = _log_state(conn, metadata.tables["audit_checkpoints"], counts)
    index = settings.kb_index_dir
    if index.is_dir():
        shutil.copytree(index, folder / "kb", symlinks=True)
    keys = _copy_keys(settings.data_dir, folder / "keys") if with_keys else []
    manifest: dict[str, object] = {
        "format": FORMAT,
        "created_at": datetime.now(UTC).isoformat(),
        "database": engine.dialect.name,
        "revision": revision,
        "tables": counts,
        "log": log_state,
        "kb": index.is_dir(),
        "keys": keys,
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def _dump_table(conn: Connection, table: Table, path: Path) -> int:
    rows = 0
    order = list(table.primary_key.columns) or list(table.columns)
    with path.open("w", encoding="utf-8") as out:
        for row in conn.execute(select(table).order_by(*order)).mappings():
            out.write(json.dumps({k: _encode(v) for k, v in row.items()}) + "\n")
            rows += 1
    return rows


def _log_state(
    conn: Connection, checkpoints: Table, counts: Mapping[str, int]
) -> dict[str, object]:
    newest = conn.execute(
        select(checkpoints.c.note).order_by(checkpoints.c.id.desc()).limit(1)
    ).scalar()
    return {"size": counts.get("audit_entries", 0), "newest_checkpoint": newest}


def _copy_keys(data_dir: Path, folder: Path) -> list[str]:
    copied = []
    folder.mkdir(mode=0o700, exist_ok=True)
    for name in KEY_FILES:
        source = data_dir / name
        if source.is_file():
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as out:
                out.write(source.read_bytes())
            copied.append(name)
    return copied


def read_manifest(folder: Path) -> dict[str, object]:
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BackupError(
            f"{folder} holds no readable {MANIFEST} ({exc}): pass the folder "
            "`opencounter backup create` wrote."
        ) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{folder / MANIFEST} is not an {FORMAT} manifest.")
    return manifest


def restore_backup(engine: Engine, settings: Settings, folder: Path) -> dict[str, object]:
    """Load the backup in `folder` into the empty database at the same schema revision."""
    from web.database import current_revision

    manifest = read_manifest(folder)
    metadata = app_metadata()
    counts = manifest["tables"]
    assert isinstance(counts, dict)
    with engine.begin() as conn:
        revision = current_revision(conn)
        if revision != manifest["revision"]:
            raise BackupError(
                f"The database is at schema revision {revision}, the backup at "
                f"{manifest['revision']}: create an empty database, run `opencounter db "
                "upgrade` with the version of OpenCounter that made the backup, then restore."
            )
        for name in HOLDS_DATA:
            table = metadata.tables[name]
            held = conn.execute(select(func.count()).select_from(table)).scalar_one()
            if held:
                raise BackupError(
                    f"The database already holds data ({table.name}: {held} rows). Restore "
                    "into a new, empty database: create it, run `opencounter db upgrade`, "
                    "then `opencounter backup restore`."
                )
        # What the migrations and a first start put in an empty database (the log's state
        # row, the search index's bookmark) is replaced by the backup's own rows.
        for table in reversed(metadata.sorted_tables):
            conn.execute(delete(table))
        for table in metadata.sorted_tables:
            loaded = _load_table(conn, table, folder / "tables" / f"{table.name}.jsonl")
            if loaded != counts.get(table.name, 0):
                raise BackupError(
                    f"{table.name}: {loaded} rows in the backup's file, the manifest says "
                    f"{counts.get(table.name)}: the backup is damaged; nothing was restored."
                )
        if engine.dialect.name == "postgresql":
            _advance_sequences(conn, metadata.sorted_tables)
    _restore_files(settings, folder, manifest)
    return manifest


def _load_table(conn: Connection, table: Table, path: Path) -> int:
    if not path.is_file():
        return 0
    loaded = 0
    batch: list[dict[str, object]] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            batch.append({k: _decode(v) for k, v in row.items()})
            if len(batch) >= BATCH:
                conn.execute(insert(table), batch)
                loaded += len(batch)
                batch = []
    if batch:
        conn.execute(insert(table), batch)
        loaded += len(batch)
    return loaded


def _advance_sequences(conn: Connection, tables: list[Table]) -> None:
    """Rows came with their ids: move each id sequence past them, or the next insert fails."""
    for table in tables:
        for column in table.primary_key.columns:
            if column.autoincrement is True:
                highest = func.max(column)
                conn.execute(
                    select(
                        func.setval(
                            func.pg_get_serial_sequence(table.name, column.name),
                            func.coalesce(highest, 1),
                            highest.is_not(None),
                        )
                    )
                )


def _restore_files(settings: Settings, folder: Path, manifest: Mapping[str, object]) -> None:
    if manifest.get("kb") and (folder / "kb").is_dir():
        target = settings.kb_index_dir
        if target.exists():
            shutil.rmtree(target)  # the index belongs with the restored knowledge-base versions
        shutil.copytree(folder / "kb", target, symlinks=True)
    keys = manifest.get("keys") or []
    assert isinstance(keys, list)
    for name in keys:
        target = settings.data_dir / str(name)
        if target.exists():
            continue  # a key already in place is never overwritten
        target.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write((folder / "keys" / str(name)).read_bytes())


# -- the commands ----------------------------------------------------------------------------

Folder = Annotated[Path, typer.Argument(help="The backup folder.", show_default=False)]


def create(
    folder: Folder,
    data_dir: DataDir = None,
    with_keys: Annotated[
        bool,
        typer.Option(
            "--with-keys",
            help="Also copy the data dir's key files (log signing key, vault key) to FOLDER/keys.",
        ),
    ] = False,
) -> None:
    """Back up the database, the knowledge-base index and (with --with-keys) the key files."""
    from web.bootstrap import connect_database

    console = Console()
    settings = read_settings(data_dir)
    engine = connect_database(settings)
    try:
        manifest = create_backup(engine, settings, folder, with_keys=with_keys)
    except (BackupError, OSError) as exc:
        _fail(console, str(exc))
    except SQLAlchemyError as exc:
        _fail(
            console,
            f"the database did not answer ({_first_line(exc)}); check "
            "OPENCOUNTER_DATABASE_URL and that the server is running.",
        )
    finally:
        engine.dispose()
    log, counts = manifest["log"], manifest["tables"]
    assert isinstance(log, dict) and isinstance(counts, dict)
    rows = sum(int(n) for n in counts.values())
    console.print(
        f"Backed up {rows} rows ({log['size']} log entries) at schema revision "
        f"{manifest['revision']} to {escape(str(folder))}.",
        highlight=False,
    )
    keys = manifest["keys"]
    if keys:
        console.print(
            f"[yellow]Key files copied to {escape(str(folder / 'keys'))}:[/] keep them apart from "
            "the rest of the backup: the tables and the vault key together open every "
            "conversation not yet erased.",
            soft_wrap=True,
        )
    else:
        console.print(
            "No keys copied: back up OPENCOUNTER_VAULT_KEY and OPENCOUNTER_LOG_SIGNING_KEY "
            "where your secrets are kept (without the vault key no text can be read back).",
            soft_wrap=True,
        )


def restore(folder: Folder, data_dir: DataDir = None) -> None:
    """Restore a backup into a new, empty database (after `opencounter db upgrade`)."""
    from web.bootstrap import connect_database

    console = Console()
    settings = read_settings(data_dir)
    engine = connect_database(settings)
    try:
        manifest = restore_backup(engine, settings, folder)
    except (BackupError, OSError) as exc:
        _fail(console, str(exc))
    except SQLAlchemyError as exc:
        _fail(
            console,
            f"the database refused the restore ({_first_line(exc)}); nothing was "
            "restored. Check OPENCOUNTER_DATABASE_URL.",
        )
    finally:
        engine.dispose()
    log = manifest["log"]
    assert isinstance(log, dict)
    console.print(
        f"Restored {log['size']} log entries and every table of revision {manifest['revision']}. "
        "Now check the log with `opencounter audit verify --key <the log's public key>`.",
        soft_wrap=True,
        highlight=False,
    )


def _first_line(exc: SQLAlchemyError) -> str:
    return escape(str(getattr(exc, "orig", None) or exc).splitlines()[0])


def _fail(console: Console, message: str) -> NoReturn:
    console.print(f"[red]Not done:[/] {escape(message)}", soft_wrap=True)
    raise typer.Exit(2)


def build_backup_cli() -> typer.Typer:
    app = typer.Typer(no_args_is_help=True)
    app.command("create")(create)
    app.command("restore")(restore)
    return app
