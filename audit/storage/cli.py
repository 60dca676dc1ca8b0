"""`opencounter audit ...` and the full `opencounter-audit`: the verifier's commands plus
what reads a database: keys with the vault key, export, erasure, retention, checkpoint,
and `verify` of the app's database or a copy of one.

Exit codes: 0 ok, 1 verification failed, 2 bad input. The commands that change or export
the operator's log (export, erase, retention, checkpoint) exist only where the app mounts
them (`opencounter audit`), with an `OperatorLog` built from the app's own settings: they
read exactly the database, keys and data dir the app reads, and stop with a message naming
the setting when there is no log there, never creating an empty one. `opencounter-audit`
(this module's `main`) has the offline commands: verify (a bundle or a database URL),
verify-receipt, keygen and witness. SQLAlchemy is imported only by the commands that read
a database, so `verify-receipt` and a bundle check run where it is not installed.
"""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Protocol, TypeVar

import typer
from rich.console import Console

from audit.bundle import export_bundle
from audit.cli import (
    BundleOption,
    DataDir,
    KeyOption,
    RequireSignedOption,
    SchemaOption,
    SinceOption,
    check_log,
    data_dir_of,
    fail,
    make_key,
    open_bundle,
    trusted_key,
    verify_receipt_command,
    witness_command,
    write_secret,
)
from audit.sink import LogUnavailable
from audit.verify import LogSource

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from audit.storage.log import TransparencyLog

_T = TypeVar("_T")


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
        fail(console, 2, str(error))
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
        fail(console, 2, str(error))


def _operator_engine(
    console: Console,
    open_operator: OpenOperatorLog,
    data_dir: Path | None,
    resources: contextlib.ExitStack,
) -> Engine:
    try:
        return _operator(console, open_operator, data_dir, resources).engine()
    except OperatorSetupError as error:
        fail(console, 2, str(error))


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
            fail(console, 2, f"No database file at {file}; check --database-url.")
        engine = create_engine(url)
        tune_engine(engine)
        resources.callback(engine.dispose)
    except ArgumentError:
        fail(console, 2, f"{url!r} is not a database URL; pass --database-url correctly.")
    except (SQLAlchemyError, ImportError) as error:
        fail(
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


def _verify_texts(console: Console, log: TransparencyLog) -> None:
    """`verify --texts`: every stored text opens and matches its entry's commitment."""
    from audit.storage.text_check import check_texts

    report = _or_unavailable(console, lambda: check_texts(log, log.vault))
    if not report.ok:
        fail(
            console,
            1,
            f"Text check FAILED. First bad index: {report.first_bad_index}. {report.problem}",
        )
    typer.echo(
        f"OK: {report.texts_checked} texts match their entries' commitments; "
        f"{report.erased_entries} entries belong to erased conversations"
    )


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
            _say_if_not_scrubbed(console, log)

    return erase


def _say_if_not_scrubbed(console: Console, log: TransparencyLog) -> None:
    """The erase holds either way; the operator learns what kept old bytes on disk."""
    if log.scrub_pending:
        console.print(
            "Erased, but old bytes are not yet scrubbed from the database files "
            f"({log.scrub_problem or 'busy database'}); the next erase, retention run or the "
            "running app (every checkpoint interval) scrubs them.",
            style="yellow",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )


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
                    fail(
                        console,
                        2,
                        f"The log is unavailable ({error}); check the database and retry.",
                    )
            if expired:
                log.scrub_erased(f"{len(expired)} conversations")
            typer.echo(f"Erased {len(expired)} conversations older than {older_than}")
            _say_if_not_scrubbed(console, log)

    return retention


def _checkpoint(console: Console, open_operator: OpenOperatorLog) -> Callable[..., None]:
    def checkpoint(data_dir: DataDir = None) -> None:
        """Issue a signed checkpoint now and print it."""
        with contextlib.ExitStack() as resources:
            log = _operator_log(console, open_operator, data_dir, resources)
            typer.echo(_or_unavailable(console, log.checkpoint), nl=False)

    return checkpoint


def build_audit_cli(open_operator: OpenOperatorLog | None = None) -> typer.Typer:
    """The audit sub-app. The app mounts it as `opencounter audit` with `open_operator`,
    which reads the app's settings; without it (`opencounter-audit`) only the commands an
    oversight body runs offline are there."""
    app = typer.Typer(help="The transparency log: keys, verification, receipts, erasure.")
    console = Console(stderr=True)
    app.command("keygen")(_keygen(console, open_operator))
    app.command("verify")(_verify(console, open_operator))
    app.command("verify-receipt")(verify_receipt_command(console))
    if open_operator is not None:
        for command in (_export, _erase, _retention, _checkpoint):
            name = command.__name__.strip("_")
            app.command(name)(command(console, open_operator))
    app.command("witness")(witness_command(console))
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
        folder = data_dir_of(data_dir)
        if open_operator is not None:
            with contextlib.ExitStack() as resources:
                operator = _operator(console, open_operator, data_dir, resources)
            folder = operator.data_dir
            if origin is None and not witness:
                origin = operator.origin
        keys = folder / "audit"
        public = make_key(console, keys, origin, witness=witness)
        if not witness and not (keys / "vault.key").exists():
            from audit.storage.vault import generate_master_key

            write_secret(keys / "vault.key", generate_master_key())
        typer.echo(public)

    return keygen


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
        bundle: BundleOption = None,
        key: KeyOption = None,
        schema: SchemaOption = True,
        since: SinceOption = None,
        require_signed: RequireSignedOption = False,
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
                fail(
                    console,
                    2,
                    "--texts checks the app's own database with its vault key: run "
                    "`opencounter audit verify --texts` where the app's settings are.",
                )
            if bundle is not None:
                source = open_bundle(console, bundle)
                trusted = trusted_key(console, key)
            else:
                # Reading needs no secret key: an oversight body can check a database copy.
                trusted = trusted_key(console, key)
                from audit.storage.log_reader import LogReader
                from audit.storage.store import copy_tables

                if database_url is not None:
                    engine = _database_copy(console, database_url, resources)
                elif open_operator is not None:
                    engine = _operator_engine(console, open_operator, data_dir, resources)
                else:
                    fail(
                        console,
                        2,
                        "Pass --bundle DIR (an export) or --database-url URL (a database copy) "
                        "to verify; on the app's machine `opencounter audit verify` reads its "
                        "settings.",
                    )
                # A copy's tables, declared on a MetaData of their own: no app schema here.
                source = LogReader(engine, copy_tables())
            check_log(
                console,
                source,
                trusted,
                since or [],
                require_signed=require_signed,
                schema=schema,
                unavailable=_unavailable(),
            )
            if texts and open_operator is not None:
                _verify_texts(console, _operator_log(console, open_operator, data_dir, resources))

    return verify


def _unavailable() -> tuple[type[Exception], ...]:
    """The errors that mean the log could not be read (not that it is wrong)."""
    if "sqlalchemy" not in sys.modules:  # else nothing can raise its errors (a bundle check)
        return (LogUnavailable,)
    from sqlalchemy.exc import SQLAlchemyError

    return (LogUnavailable, SQLAlchemyError)


def _or_unavailable(console: Console, work: Callable[[], _T]) -> _T:
    try:
        return work()
    except _unavailable() as error:
        reason = str(error).splitlines()[0]  # SQLAlchemy appends the statement and a link
        fail(console, 2, f"The log is unavailable ({reason}); check the database and retry.")


def main() -> None:
    """Run the audit commands alone (`opencounter-audit ...`): no web app is imported."""
    build_audit_cli()()
