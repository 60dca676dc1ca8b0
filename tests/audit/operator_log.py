"""An `OperatorLog` for the audit package's own tests: a database URL and a key folder.

The app builds its OperatorLog from its settings (web/cli/audit.py); these tests stand in
for that with the same contract, so the operator commands are tested without the web app.
"""

from __future__ import annotations

from pathlib import Path

import typer
from sqlalchemy import Engine, create_engine, inspect

from audit.note import NoteError, parse_signer_key
from audit.storage.cli import OperatorSetupError, build_audit_cli
from audit.storage.log import TransparencyLog
from audit.storage.store import tune_engine
from audit.storage.vault import Vault, parse_master_key
from tests.schema import log_tables


class FolderOperatorLog:
    def __init__(self, url: str | None, data_dir: Path, origin: str) -> None:
        self._url = url or f"sqlite:///{data_dir / 'opencounter.db'}"
        self._data_dir = data_dir
        self._origin = origin
        self._engine: Engine | None = None

    @property
    def data_dir(self) -> Path:
        return self._data_dir

    @property
    def origin(self) -> str:
        return self._origin

    def engine(self) -> Engine:
        if self._engine is None:
            engine = create_engine(self._url)
            tune_engine(engine)
            with engine.connect() as db:
                found = inspect(db).has_table("audit_state")
            if not found:
                engine.dispose()
                raise OperatorSetupError(f"There is no transparency log at {self._url}.")
            self._engine = engine
        return self._engine

    def log(self) -> TransparencyLog:
        engine = self.engine()
        keys = self._data_dir / "audit"
        try:
            signer = parse_signer_key((keys / "log.key").read_text().strip())
            master = parse_master_key((keys / "vault.key").read_text().strip())
        except OSError as error:
            raise OperatorSetupError(f"The log needs its vault key: {error}") from None
        except (NoteError, ValueError) as error:
            raise OperatorSetupError(f"A key is damaged: {error}") from None
        return TransparencyLog(
            engine,
            signer,
            self._origin,
            Vault(engine, master, tables=log_tables()),
            tables=log_tables(),
        )

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None


def operator_cli(origin: str, url: str | None = None) -> typer.Typer:
    """`opencounter audit` as an app would mount it, over `url` (default: the data dir's file)."""

    def open_operator(data_dir: Path | None) -> FolderOperatorLog:
        return FolderOperatorLog(url, data_dir or Path("data"), origin)

    return build_audit_cli(open_operator)
