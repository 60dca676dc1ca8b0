"""`opencounter audit ...`: keys, verification, receipts, export, erasure, retention, witness.

Exit codes: 0 ok, 1 verification failed, 2 bad input. The commands that change or export
the operator's log (export, erase, retention, checkpoint) exist only where the app mounts
them (`opencounter audit`), with an `OperatorLog` built from the app's own settings: they
read exactly the database, keys and data dir the app reads, and stop with a message naming
the setting when there is no log there, never creating an empty one. `opencounter-audit`,
for an oversight body, has the offline commands only: verify (a bundle or a database URL),
verify-receipt, keygen and witness. `verify` needs no secret key, only the log's public key,
which the verifier passes (`--key`) or pins (OPENCOUNTER_LOG_PUBLIC_KEY), never read
from the data it checks.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, Protocol, TypeVar

import typer
from rich.console import Console
from rich.progress import Progress

# Only modules that need nothing beyond the standard library and `cryptography` are
# imported here, so `verify-receipt` runs without SQLAlchemy or httpx installed; commands
# that read a database or reach a log import those modules when they run.
from audit.bundle import Bundle, BundleError, export_bundle
from audit.checkpoint import generate_cosigner, parse_cosigner_key
from audit.note import (
    Ed25519Verifier,
    NoteError,
    generate_signer,
    parse_verifier_key,
)
from audit.receipt import verify_receipt
from audit.sink import LogUnavailable
from audit.verify import LogSource, verify_log

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from audit.storage.log import TransparencyLog

_T = TypeVar("_T")
# The verifier's pinned copy of the log's public key (the key itself or a file holding it).
PUBLIC_KEY_VARIABLE = "OPENCOUNTER_LOG_PUBLIC_KEY"
DataDir = Annotated[
    Path | None, typer.Option(help="Data directory (default: $OPENCOUNTER_DATA_DIR or ./data).")
]
KeyOption = Annotated[
    str | None, typer.Option("--key", help="Trusted log public key, or @FILE to read it from.")
]


def _data_dir(option: Path | None) -> Path:
    return option or Path(os.environ.get("OPENCOUNTER_DATA_DIR", "./data"))


def _fail(console: Console, code: int, message: str) -> NoReturn:
    console.print(message, style="red" if code == 1 else "yellow", highlight=False)
    raise typer.Exit(code)


def _read_key_text(value: str) -> str:
    return Path(value[1:]).read_text("utf-8").strip() if value.startswith("@") else value.strip()


def _trusted_key(console: Console, value: str | None) -> Ed25519Verifier:
    """--key, else the pinned key ($OPENCOUNTER_LOG_PUBLIC_KEY): never a file of the data checked.

    Whoever holds the data (the operator's data dir, a bundle's `log.pub`) could have
    replaced the key along with the checkpoints, so the verifier never reads it there.
    """
    configured = value or os.environ.get(PUBLIC_KEY_VARIABLE)
    if not configured:
        _fail(
            console,
            2,
            "No trusted log key: pass --key with the key the operator published (or @FILE), "
            f"or pin it in {PUBLIC_KEY_VARIABLE} (the key or a file holding it). The verifier "
            "never takes the key from the data it checks.",
        )
    try:
        if value:
            return parse_verifier_key(_read_key_text(value))
        return parse_verifier_key(_setting_text(configured))
    except OSError as error:
        _fail(console, 2, f"Cannot read the log key ({error}); pass --key with the published key.")
    except NoteError as error:
        _fail(console, 2, f"The log key is not valid ({error}); pass the published key string.")


def _setting_text(value: str) -> str:
    """A key setting holds the key itself or the path of a file holding it (as web/keys.py)."""
    candidate = Path(value)
    if not value.startswith("PRIVATE+KEY+") and candidate.is_file():
        return candidate.read_text("utf-8").strip()
    return value.strip()


class OperatorSetupError(Exception):
    """The app's settings lead to no usable log; the message names the setting to fix."""


class OperatorLog(Protocol):
    """The operator's log as the app's own settings describe it (see `build_audit_cli`)."""

    @property
    def data_dir(self) -> Path:
        """Where the app keeps its state (keys included, unless set in the environment)."""
        ...

    @property
    def origin(self) -> str:
        """The log's origin (the name its signing key must carry)."""
        ...

    def engine(self) -> Engine:
        """The app's database, which must already hold a log; else `OperatorSetupError`."""
        ...

    def log(self) -> TransparencyLog:
        """The app's log with its signing and vault keys; else `OperatorSetupError`."""
        ...

    def close(self) -> None:
        """Release the database connections."""
        ...


# Builds the OperatorLog from the app's settings, with the command's --data-dir if given.
OpenOperatorLog = Callable[[Path | None], OperatorLog]


def _operator(
    console: Console,
    open_operator: OpenOperatorLog,
    data_dir: Path | None,
    resources: contextlib.ExitStack,
) -> OperatorLog:
    try:
        operator = open_operator(data_dir)
    except OperatorSetupError as error:
        _fail(console, 2, str(error))
    resources.callback(operator.close)  # its connections must not outlive the command
    return operator


def _operator_log(
    console: Console,
    open_operator: OpenOperatorLog,
    data_dir: Path | None,
    resources: contextlib.ExitStack,
) -> TransparencyLog:
    try:
        return _operator(console, open_operator, data_dir, resources).log()
    except OperatorSetupError as error:
        _fail(console, 2, str(error))


def _operator_engine(
    console: Console,
    open_operator: OpenOperatorLog,
    data_dir: Path | None,
    resources: contextlib.ExitStack,
) -> Engine:
    try:
        return _operator(console, open_operator, data_dir, resources).engine()
    except OperatorSetupError as error:
        _fail(console, 2, str(error))


def _database_copy(console: Console, url: str, resources: contextlib.ExitStack) -> Engine:
    """A database named on the command line (an oversight body's copy): read, never created."""
    from sqlalchemy import create_engine, make_url
    from sqlalchemy.exc import ArgumentError, SQLAlchemyError

    from audit.storage.store import tune_engine

    try:
        parsed = make_url(url)
        file = parsed.database if parsed.get_backend_name() == "sqlite" else None
        if file not in (None, "", ":memory:") and not Path(str(file)).is_file():
            # Opening it would create an empty database: say what is missing instead.
            _fail(console, 2, f"No database file at {file}; check --database-url.")
        engine = create_engine(url)
        tune_engine(engine)
        resources.callback(engine.dispose)
    except ArgumentError:
        _fail(console, 2, f"{url!r} is not a database URL; pass --database-url correctly.")
    except (SQLAlchemyError, ImportError) as error:
        _fail(
            console, 2, f"Cannot open the database ({type(error).__name__}); check --database-url."
        )
    return engine


def _parse_age(text: str) -> timedelta:
    match = re.fullmatch(r"(\d+)([dhm])", text.strip())
    if match is None:
        raise typer.BadParameter("use a number and d, h or m, e.g. 365d")
    amount, unit = int(match[1]), match[2]
    return {
        "d": timedelta(days=amount),
        "h": timedelta(hours=amount),
        "m": timedelta(minutes=amount),
    }[unit]


def build_audit_cli(open_operator: OpenOperatorLog | None = None) -> typer.Typer:
    """The audit sub-app. The app mounts it as `opencounter audit` with `open_operator`,
    which reads the app's settings; without it (`opencounter-audit`) only the commands an
    oversight body runs offline are there."""
    app = typer.Typer(help="The transparency log: keys, verification, receipts, erasure.")
    console = Console(stderr=True)
    app.command("keygen")(_keygen(console, open_operator))
    app.command("verify")(_verify(console, open_operator))
    app.command("verify-receipt")(_verify_receipt(console))
    if open_operator is not None:
        for command in (_export, _erase, _retention, _checkpoint):
            name = command.__name__.strip("_")
            app.command(name)(command(console, open_operator))
    app.command("witness")(_witness(console))
    return app


def _keygen(console: Console, open_operator: OpenOperatorLog | None) -> Callable[..., None]:
    def keygen(
        origin: Annotated[
            str | None,
            typer.Option(
                help="Log origin, e.g. city.example/audit (default: the app's "
                "OPENCOUNTER_LOG_ORIGIN; required for a witness key)."
            ),
        ] = None,
        data_dir: DataDir = None,
        witness: Annotated[bool, typer.Option(help="Make a witness (cosigner) key.")] = False,
    ) -> None:
        """Create the log's signing key and vault key (or, with --witness, a witness key)."""
        folder = _data_dir(data_dir)
        if open_operator is not None:
            with contextlib.ExitStack() as resources:
                operator = _operator(console, open_operator, data_dir, resources)
            folder = operator.data_dir
            if origin is None and not witness:
                origin = operator.origin
        if origin is None:
            _fail(console, 2, "Pass --origin with the name of the log (or of the witness).")
        keys = folder / "audit"
        keys.mkdir(parents=True, exist_ok=True)
        stem = "witness" if witness else "log"
        if (keys / f"{stem}.key").exists():
            _fail(console, 2, f"{keys / f'{stem}.key'} exists; move it away to make a new key.")
        try:
            made = generate_cosigner(origin) if witness else generate_signer(origin)
        except NoteError:
            _fail(console, 2, "The name must be non-empty with no spaces or '+'; choose another.")
        _write_secret(keys / f"{stem}.key", made.to_string())
        (keys / f"{stem}.pub").write_text(made.verifier().to_string() + "\n", "utf-8")
        if not witness and not (keys / "vault.key").exists():
            from audit.storage.vault import generate_master_key

            _write_secret(keys / "vault.key", generate_master_key())
        typer.echo(made.verifier().to_string())

    return keygen


def _write_secret(path: Path, text: str) -> None:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        out.write(text + "\n")


def _verify(console: Console, open_operator: OpenOperatorLog | None) -> Callable[..., None]:
    def verify(
        data_dir: DataDir = None,
        database_url: Annotated[
            str | None,
            typer.Option(
                help="Verify this database (e.g. a copy) instead of the app's own "
                "(OPENCOUNTER_DATABASE_URL)."
            ),
        ] = None,
        bundle: Annotated[Path | None, typer.Option(help="Verify an export bundle.")] = None,
        key: KeyOption = None,
        schema: Annotated[
            bool,
            typer.Option(
                help="Also check every entry's content: schema, time order, conversation column."
            ),
        ] = True,
        since: Annotated[
            list[str] | None,
            typer.Option(
                help="A signed checkpoint seen earlier (FILE or http(s) URL), e.g. one a "
                "witness cosigned: the log must extend it. Repeat for several."
            ),
        ] = None,
        require_signed: Annotated[
            bool, typer.Option(help="Fail if entries past the newest checkpoint are unsigned.")
        ] = False,
        texts: Annotated[
            bool,
            typer.Option(
                help="Also decrypt every stored text and check it against its entry's "
                "commitment (operator-side: needs the vault key)."
            ),
        ] = False,
    ) -> None:
        """Recompute the tree, check every checkpoint, name the first bad index."""
        with contextlib.ExitStack() as resources:
            source: LogSource
            if texts and (bundle is not None or database_url is not None or open_operator is None):
                _fail(
                    console,
                    2,
                    "--texts checks the app's own database with its vault key: run "
                    "`opencounter audit verify --texts` where the app's settings are.",
                )
            if bundle is not None:
                try:
                    source = Bundle(bundle)
                except BundleError as error:
                    _fail(console, 2, f"{error}; pass the directory `audit export` wrote.")
                trusted = _trusted_key(console, key)
            else:
                # Reading needs no secret key: an oversight body can check a database copy.
                trusted = _trusted_key(console, key)
                from audit.storage.log_reader import LogReader

                if database_url is not None:
                    engine = _database_copy(console, database_url, resources)
                elif open_operator is not None:
                    engine = _operator_engine(console, open_operator, data_dir, resources)
                else:
                    _fail(
                        console,
                        2,
                        "Pass --bundle DIR (an export) or --database-url URL (a database copy) "
                        "to verify; on the app's machine `opencounter audit verify` reads its "
                        "settings.",
                    )
                source = LogReader(engine)
            seen = [_seen_checkpoint(console, location) for location in since or []]
            with Progress(console=console, transient=True) as bar:
                task = bar.add_task("verifying", total=None)
                report = _or_unavailable(
                    console,
                    lambda: verify_log(
                        source,
                        trusted,
                        seen=seen,
                        require_signed=require_signed,
                        check_schema=schema,
                        progress=lambda done, total: bar.update(task, completed=done, total=total),
                    ),
                )
            if not report.ok:
                where = (
                    ""
                    if report.first_bad_index is None
                    else f" First bad index: {report.first_bad_index}."
                )
                _fail(console, 1, f"Verification FAILED ({report.fault}).{where} {report.problem}")
            typer.echo(
                f"OK: {report.entries_checked} entries, {report.checkpoints_checked} checkpoints, "
                f"root {report.root.hex()}"
            )
            if seen:
                typer.echo(f"The log extends the {len(seen)} checkpoint(s) seen earlier.")
            if report.unsigned:
                typer.echo(
                    f"{report.unsigned} entries not yet signed (from index {report.signed_size}): "
                    "no checkpoint vouches for them yet; check again after the next one, or pass "
                    "--require-signed to fail on them."
                )
            if texts and open_operator is not None:
                _verify_texts(console, _operator_log(console, open_operator, data_dir, resources))

    return verify


def _seen_checkpoint(console: Console, location: str) -> str:
    """The signed checkpoint at `location` (a file, or an http(s) URL such as a witness's)."""
    from audit.witness import WitnessError, read_checkpoint

    try:
        return read_checkpoint(location)
    except WitnessError as error:
        _fail(console, 2, f"--since {location}: {error}")


def _verify_texts(console: Console, log: TransparencyLog) -> None:
    """`verify --texts`: every stored text opens and matches its entry's commitment."""
    from audit.storage.text_check import check_texts

    report = _or_unavailable(console, lambda: check_texts(log, log.vault))
    if not report.ok:
        _fail(
            console,
            1,
            f"Text check FAILED. First bad index: {report.first_bad_index}. {report.problem}",
        )
    typer.echo(
        f"OK: {report.texts_checked} texts match their entries' commitments; "
        f"{report.erased_entries} entries belong to erased conversations"
    )


def _verify_receipt(console: Console) -> Callable[..., None]:
    def verify_receipt_command(
        file: Annotated[Path, typer.Argument(help="The receipt JSON file.")],
        key: Annotated[str, typer.Option(help="The log's published key, or @FILE.")],
    ) -> None:
        """Check a citizen's receipt offline against the log's published key."""
        try:
            receipt = file.read_bytes()
            trusted = parse_verifier_key(_read_key_text(key))
        except OSError:
            _fail(console, 2, f"Cannot read {file}; pass the path of the downloaded receipt.")
        except NoteError as error:
            _fail(console, 2, f"The key is not valid ({error}); pass the log's published key.")
        report = verify_receipt(receipt, trusted)
        if not report.ok:
            _fail(console, 1, f"Receipt NOT valid: {report.problem}")
        typer.echo(
            f"OK: {report.entries} entries of conversation {report.conversation} are in the "
            f"signed log of size {report.tree_size}"
        )

    return verify_receipt_command


def _export(console: Console, open_operator: OpenOperatorLog) -> Callable[..., None]:
    def export(
        out: Annotated[Path, typer.Option(help="Directory to write the bundle to.")],
        data_dir: DataDir = None,
    ) -> None:
        """Write entries, checkpoints, the public key and instructions for offline checks."""
        with contextlib.ExitStack() as resources:
            log = _operator_log(console, open_operator, data_dir, resources)
            size = _or_unavailable(console, lambda: export_bundle(log, out))
            typer.echo(f"Exported {size} entries to {out}")

    return export


def _erase(console: Console, open_operator: OpenOperatorLog) -> Callable[..., None]:
    def erase(
        conversation_id: Annotated[str, typer.Argument(help="The conversation to erase.")],
        reason: Annotated[str, typer.Option(help="Why (label).")] = "operator",
        data_dir: DataDir = None,
    ) -> None:
        """Crypto-shred a conversation's texts and log an erasure entry."""
        with contextlib.ExitStack() as resources:
            log = _operator_log(console, open_operator, data_dir, resources)
            recorded = _or_unavailable(console, lambda: log.erase(conversation_id, reason))
            typer.echo(f"Erased {conversation_id}; erasure entry {recorded.index}")

    return erase


def _retention(console: Console, open_operator: OpenOperatorLog) -> Callable[..., None]:
    def retention(
        older_than: Annotated[str, typer.Option(help="Age, e.g. 365d, 12h, 30m.")],
        data_dir: DataDir = None,
    ) -> None:
        """Erase every conversation older than the given age."""
        age = _parse_age(older_than)
        with contextlib.ExitStack() as resources:
            log = _operator_log(console, open_operator, data_dir, resources)
            cutoff = datetime.now(UTC) - age
            expired = log.vault.conversations_older_than(cutoff)
            for conversation in expired:
                try:
                    # One scrub of the database files for the whole run, not one per erase.
                    log.erase(conversation, "retention", scrub=False)
                except LogUnavailable as error:
                    _fail(
                        console,
                        2,
                        f"The log is unavailable ({error}); check the database and retry.",
                    )
            if expired and not log.scrub_erased(f"{len(expired)} conversations"):
                console.print(
                    "Erased, but old bytes are not yet scrubbed from the database files "
                    "(busy database); the next erase scrubs them.",
                    style="yellow",
                )
            typer.echo(f"Erased {len(expired)} conversations older than {older_than}")

    return retention


def _witness(console: Console) -> Callable[..., None]:
    def witness(
        log_url: Annotated[
            str, typer.Option(help="Base URL of the log, e.g. https://city.example")
        ],
        log_key: Annotated[str, typer.Option(help="The log's published key, or @FILE.")],
        data_dir: DataDir = None,
        submit: Annotated[bool, typer.Option(help="Post the cosignature to the log.")] = True,
    ) -> None:
        """Fetch the log's checkpoint, check it extends the last one seen, cosign it."""
        from audit.witness import WitnessError, witness_log

        keys = _data_dir(data_dir) / "audit"
        try:
            cosigner = parse_cosigner_key((keys / "witness.key").read_text("utf-8").strip())
            trusted = parse_verifier_key(_read_key_text(log_key))
        except OSError:
            _fail(console, 2, f"No witness key in {keys}; run `audit keygen --witness` first.")
        except NoteError as error:
            _fail(console, 2, f"A key is not valid ({error}); check --log-key and witness.key.")
        try:
            cosigned = witness_log(
                log_url, trusted, cosigner, keys / "witness-state.json", submit=submit
            )
        except WitnessError as error:
            _fail(console, 1, f"Not cosigned: {error}")
        typer.echo(cosigned, nl=False)

    return witness


def _checkpoint(console: Console, open_operator: OpenOperatorLog) -> Callable[..., None]:
    def checkpoint(data_dir: DataDir = None) -> None:
        """Issue a signed checkpoint now and print it."""
        with contextlib.ExitStack() as resources:
            log = _operator_log(console, open_operator, data_dir, resources)
            typer.echo(_or_unavailable(console, log.checkpoint), nl=False)

    return checkpoint


def _or_unavailable(console: Console, work: Callable[[], _T]) -> _T:
    unavailable: tuple[type[Exception], ...] = (LogUnavailable,)
    if "sqlalchemy" in sys.modules:  # else nothing can raise its errors (a bundle check)
        from sqlalchemy.exc import SQLAlchemyError

        unavailable = (LogUnavailable, SQLAlchemyError)
    try:
        return work()
    except unavailable as error:
        reason = str(error).splitlines()[0]  # SQLAlchemy appends the statement and a link
        _fail(console, 2, f"The log is unavailable ({reason}); check the database and retry.")


def main() -> None:
    """Run the audit commands alone (`opencounter-audit ...`): no web app is imported."""
    build_audit_cli()()
