"""Production commands on a database not yet upgraded, on SQLite and PostgreSQL: `users`,
`admin` and `ingest` say to run `opencounter db upgrade` and exit 2, change nothing, and work
once it has run."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect
from typer.testing import CliRunner

from audit.note import generate_signer
from audit.storage.vault import generate_master_key
from tests.conftest import DEMO_KB
from web.cli.main import build_cli

ORIGIN = "city.example/opencounter/log"
PASSWORD = "a long enough passphrase"

COMMANDS: dict[str, list[str]] = {
    "users add": ["users", "add", "dana", "--password-stdin"],
    "users list": ["users", "list"],
    "admin switch": ["admin", "switch", "model", "off"],
    "admin status": ["admin", "status"],
    "ingest": ["ingest", str(DEMO_KB), "--lexical-only"],
}


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def production(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> str:
    """A production environment whose database was never upgraded; returns its URL."""
    data = tmp_path / "data"
    data.mkdir()
    if request.param == "sqlite":
        url = f"sqlite:///{data / 'opencounter.db'}"
    else:
        url = request.getfixturevalue("postgres_url")
        monkeypatch.setenv("OPENCOUNTER_DATABASE_URL", url)
    monkeypatch.setenv("OPENCOUNTER_ENVIRONMENT", "production")
    monkeypatch.setenv("OPENCOUNTER_DATA_DIR", str(data))
    monkeypatch.setenv("OPENCOUNTER_SECRET_KEY", "s" * 40)
    monkeypatch.setenv("OPENCOUNTER_VAULT_KEY", generate_master_key())
    monkeypatch.setenv("OPENCOUNTER_LOG_SIGNING_KEY", generate_signer(ORIGIN).to_string())
    monkeypatch.setenv("OPENCOUNTER_LOG_ORIGIN", ORIGIN)
    monkeypatch.setenv("OPENCOUNTER_GUARD_CLASSIFIER", "false")
    return url


def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        with engine.connect() as db:
            return set(inspect(db).get_table_names())
    finally:
        engine.dispose()


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_a_command_on_a_database_not_upgraded_says_what_to_run(
    production: str, name: str, tmp_path: Path
) -> None:
    runner = CliRunner()
    result = runner.invoke(build_cli(), COMMANDS[name], input=f"{PASSWORD}\n")
    assert result.exit_code == 2, result.output
    message = " ".join(result.output.split())
    assert "Run `opencounter db upgrade`" in message
    assert "OPENCOUNTER_DATABASE_URL" in message
    assert "Traceback" not in result.output
    assert _tables(production) == set()  # nothing created, nothing migrated on the way
    assert not (tmp_path / "data" / "kb").exists()  # ingest stopped before any work


def test_after_db_upgrade_the_same_commands_work(production: str, tmp_path: Path) -> None:
    runner, cli = CliRunner(), build_cli()
    upgraded = runner.invoke(cli, ["db", "upgrade"])
    assert upgraded.exit_code == 0, upgraded.output
    for name in ("users add", "admin switch", "ingest"):
        result = runner.invoke(cli, COMMANDS[name], input=f"{PASSWORD}\n")
        assert result.exit_code == 0, f"{name}: {result.output}"
    assert (tmp_path / "data" / "kb").is_dir()
