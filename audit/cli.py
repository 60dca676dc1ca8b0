"""`opencounter-audit`, the verifier an oversight body installs alone: it checks an export
bundle, a citizen's receipt, and witnesses (cosigns) a log's checkpoints.

Exit codes: 0 ok, 1 verification failed, 2 bad input. `verify` needs no secret key, only
the log's public key, which the verifier passes (`--key`) or pins
(OPENCOUNTER_LOG_PUBLIC_KEY), never read from the data it checks. This module imports no
database and no web library (pyproject.toml's contracts): the operator's commands and the
check of a database copy live in `audit.storage.cli`, which builds on the pieces here.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.progress import Progress

from audit.bundle import Bundle, BundleError
from audit.checkpoint import generate_cosigner, parse_cosigner_key
from audit.note import (
    Ed25519Verifier,
    NoteError,
    generate_signer,
    parse_verifier_key,
)
from audit.receipt import verify_receipt
from audit.remote import read_checkpoint, witness_log
from audit.verify import LogSource, verify_log
from audit.witness import WitnessError

# The verifier's pinned copy of the log's public key (the key itself or a file holding it).
PUBLIC_KEY_VARIABLE = "OPENCOUNTER_LOG_PUBLIC_KEY"
DataDir = Annotated[
    Path | None, typer.Option(help="Data directory (default: $OPENCOUNTER_DATA_DIR or ./data).")
]
KeyOption = Annotated[
    str | None, typer.Option("--key", help="Trusted log public key, or @FILE to read it from.")
]
SchemaOption = Annotated[
    bool,
    typer.Option(help="Also check every entry's content: schema, time order, conversation column."),
]
SinceOption = Annotated[
    list[str] | None,
    typer.Option(
        help="A signed checkpoint seen earlier (FILE or http(s) URL), e.g. one a "
        "witness cosigned: the log must extend it. Repeat for several."
    ),
]
RequireSignedOption = Annotated[
    bool, typer.Option(help="Fail if entries past the newest checkpoint are unsigned.")
]
BundleOption = Annotated[Path | None, typer.Option(help="Verify an export bundle.")]


def data_dir_of(option: Path | None) -> Path:
    return option or Path(os.environ.get("OPENCOUNTER_DATA_DIR", "./data"))


def fail(console: Console, code: int, message: str) -> NoReturn:
    console.print(message, style="red" if code == 1 else "yellow", highlight=False)
    raise typer.Exit(code)


def read_key_text(value: str) -> str:
    return Path(value[1:]).read_text("utf-8").strip() if value.startswith("@") else value.strip()


def trusted_key(console: Console, value: str | None) -> Ed25519Verifier:
    """--key, else the pinned key ($OPENCOUNTER_LOG_PUBLIC_KEY): never a file of the data checked.

    Whoever holds the data (the operator's data dir, a bundle's `log.pub`) could have
    replaced the key along with the checkpoints, so the verifier never reads it there.
    """
    configured = value or os.environ.get(PUBLIC_KEY_VARIABLE)
    if not configured:
        fail(
            console,
            2,
            "No trusted log key: pass --key with the key the operator published (or @FILE), "
            f"or pin it in {PUBLIC_KEY_VARIABLE} (the key or a file holding it). The verifier "
            "never takes the key from the data it checks.",
        )
    try:
        if value:
            return parse_verifier_key(read_key_text(value))
        return parse_verifier_key(_setting_text(configured))
    except OSError as error:
        fail(console, 2, f"Cannot read the log key ({error}); pass --key with the published key.")
    except NoteError as error:
        fail(console, 2, f"The log key is not valid ({error}); pass the published key string.")


def _setting_text(value: str) -> str:
    """A key setting holds the key itself or the path of a file holding it (as web/keys.py)."""
    candidate = Path(value)
    if not value.startswith("PRIVATE+KEY+") and candidate.is_file():
        return candidate.read_text("utf-8").strip()
    return value.strip()


def open_bundle(console: Console, directory: Path) -> Bundle:
    try:
        return Bundle(directory)
    except BundleError as error:
        fail(console, 2, f"{error}; pass the directory `audit export` wrote.")


def check_log(
    console: Console,
    source: LogSource,
    trusted: Ed25519Verifier,
    since: list[str],
    *,
    require_signed: bool,
    schema: bool,
    unavailable: tuple[type[Exception], ...] = (),
) -> None:
    """Run `verify_log` with a progress bar and say the outcome (exit 1 when it fails).

    `unavailable` names the errors of a source that could not be read (a database's);
    they end the command with exit 2 and the first line of their message.
    """
    seen = [_seen_checkpoint(console, location) for location in since]
    with Progress(console=console, transient=True) as bar:
        task = bar.add_task("verifying", total=None)
        try:
            report = verify_log(
                source,
                trusted,
                seen=seen,
                require_signed=require_signed,
                check_schema=schema,
                progress=lambda done, total: bar.update(task, completed=done, total=total),
            )
        except BundleError as error:
            bar.stop()
            fail(console, 2, f"The bundle is damaged ({error}); ask the operator for a new export.")
        except unavailable as error:
            bar.stop()
            reason = str(error).splitlines()[0]  # SQLAlchemy appends the statement and a link
            fail(console, 2, f"The log is unavailable ({reason}); check the database and retry.")
    if not report.ok:
        where = (
            "" if report.first_bad_index is None else f" First bad index: {report.first_bad_index}."
        )
        fail(console, 1, f"Verification FAILED ({report.fault}).{where} {report.problem}")
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


def _seen_checkpoint(console: Console, location: str) -> str:
    """The signed checkpoint at `location` (a file, or an http(s) URL such as a witness's)."""
    try:
        return read_checkpoint(location)
    except WitnessError as error:
        fail(console, 2, f"--since {location}: {error}")


def make_key(console: Console, keys: Path, origin: str | None, *, witness: bool) -> str:
    """Write `log.key`/`log.pub` (or `witness.*`) into `keys`; returns the public key."""
    if origin is None:
        fail(console, 2, "Pass --origin with the name of the log (or of the witness).")
    keys.mkdir(parents=True, exist_ok=True)
    stem = "witness" if witness else "log"
    if (keys / f"{stem}.key").exists():
        fail(console, 2, f"{keys / f'{stem}.key'} exists; move it away to make a new key.")
    try:
        made = generate_cosigner(origin) if witness else generate_signer(origin)
    except NoteError:
        fail(console, 2, "The name must be non-empty with no spaces or '+'; choose another.")
    write_secret(keys / f"{stem}.key", made.to_string())
    public = made.verifier().to_string()
    (keys / f"{stem}.pub").write_text(public + "\n", "utf-8")
    return public


def write_secret(path: Path, text: str) -> None:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        out.write(text + "\n")


def build_verifier_cli() -> typer.Typer:
    """The oversight body's commands: keygen (a witness key), verify, verify-receipt, witness."""
    app = typer.Typer(help="Check an OpenCounter transparency log: bundles, receipts, witness.")
    console = Console(stderr=True)
    app.command("keygen")(_keygen(console))
    app.command("verify")(_verify(console))
    app.command("verify-receipt")(verify_receipt_command(console))
    app.command("witness")(witness_command(console))
    return app


def _keygen(console: Console) -> Callable[..., None]:
    def keygen(
        origin: Annotated[
            str | None, typer.Option(help="The witness's name, e.g. ombudsman.example.")
        ] = None,
        data_dir: DataDir = None,
        witness: Annotated[bool, typer.Option(help="Make a witness (cosigner) key.")] = False,
    ) -> None:
        """Create a witness (cosigner) key: `keygen --witness --origin NAME`."""
        if not witness:
            fail(
                console,
                2,
                "The verifier makes witness keys only: pass --witness. The log's own keys "
                "are made where the app runs (`opencounter audit keygen`).",
            )
        typer.echo(make_key(console, data_dir_of(data_dir) / "audit", origin, witness=True))

    return keygen


def _verify(console: Console) -> Callable[..., None]:
    def verify(
        bundle: BundleOption = None,
        key: KeyOption = None,
        schema: SchemaOption = True,
        since: SinceOption = None,
        require_signed: RequireSignedOption = False,
    ) -> None:
        """Recompute the tree, check every checkpoint, name the first bad index."""
        if bundle is None:
            fail(
                console,
                2,
                "Pass --bundle DIR, the directory `audit export` wrote. To check a database "
                "copy instead, install opencounter itself: its `opencounter-audit verify "
                "--database-url URL` reads one.",
            )
        source = open_bundle(console, bundle)
        trusted = trusted_key(console, key)
        check_log(
            console,
            source,
            trusted,
            since or [],
            require_signed=require_signed,
            schema=schema,
        )

    return verify


def verify_receipt_command(console: Console) -> Callable[..., None]:
    def verify_receipt_command(
        file: Annotated[Path, typer.Argument(help="The receipt JSON file.")],
        key: Annotated[str, typer.Option(help="The log's published key, or @FILE.")],
    ) -> None:
        """Check a citizen's receipt offline against the log's published key."""
        try:
            receipt = file.read_bytes()
            trusted = parse_verifier_key(read_key_text(key))
        except OSError:
            fail(console, 2, f"Cannot read {file}; pass the path of the downloaded receipt.")
        except NoteError as error:
            fail(console, 2, f"The key is not valid ({error}); pass the log's published key.")
        report = verify_receipt(receipt, trusted)
        if not report.ok:
            fail(console, 1, f"Receipt NOT valid: {report.problem}")
        typer.echo(
            f"OK: {report.entries} entries of conversation {report.conversation} are in the "
            f"signed log of size {report.tree_size}"
        )

    return verify_receipt_command


def witness_command(console: Console) -> Callable[..., None]:
    def witness(
        log_url: Annotated[
            str, typer.Option(help="Base URL of the log, e.g. https://city.example")
        ],
        log_key: Annotated[str, typer.Option(help="The log's published key, or @FILE.")],
        data_dir: DataDir = None,
        submit: Annotated[bool, typer.Option(help="Post the cosignature to the log.")] = True,
    ) -> None:
        """Fetch the log's checkpoint, check it extends the last one seen, cosign it."""
        keys = data_dir_of(data_dir) / "audit"
        try:
            cosigner = parse_cosigner_key((keys / "witness.key").read_text("utf-8").strip())
            trusted = parse_verifier_key(read_key_text(log_key))
        except OSError:
            fail(console, 2, f"No witness key in {keys}; run `audit keygen --witness` first.")
        except NoteError as error:
            fail(console, 2, f"A key is not valid ({error}); check --log-key and witness.key.")
        try:
            cosigned = witness_log(
                log_url, trusted, cosigner, keys / "witness-state.json", submit=submit
            )
        except WitnessError as error:
            fail(console, 1, f"Not cosigned: {error}")
        typer.echo(cosigned, nl=False)

    return witness


def main() -> None:
    """Run the verifier (`opencounter-audit ...` from the opencounter-verifier wheel)."""
    build_verifier_cli()()
