"""`opencounter backup create` / `restore`: back up a running app's database, index and key
files, wipe everything, restore into a new database, and the log verifies with the existing
verifier, the texts open, and a citizen reads the conversation back. SQLite and PostgreSQL."""

from __future__ import annotations

import html
import shutil
import stat
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, inspect, text
from typer.testing import CliRunner

from tests.conftest import make_settings
from tests.web.citizens import start_api
from web.app import create_app
from web.cli.main import build_cli

QUESTION = "How do I apply for a resident parking permit?"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest) -> str | None:
    if request.param == "sqlite":
        return None
    url: str = request.getfixturevalue("postgres_url")
    return url


def cli(*arguments: str) -> tuple[int, str]:
    result = CliRunner().invoke(build_cli(), list(arguments))
    return result.exit_code, " ".join(result.output.split())


def read_back(client: TestClient, cid: str, token: str) -> str:
    """The conversation's page as the citizen's browser (holding its cookie) gets it."""
    client.cookies.set(f"oc_s_{cid}", token)
    page = client.get("/chat", params={"c": cid})
    assert page.status_code == 200, page.text
    return html.unescape(page.text)


def wipe(data_dir: Path, database_url: str | None) -> None:
    """Lose everything: the data dir (keys, index, SQLite file) and every table."""
    shutil.rmtree(data_dir)
    if database_url is not None:
        engine = create_engine(database_url)
        with engine.begin() as db:
            for table in inspect(db).get_table_names():
                db.execute(text(f'DROP TABLE "{table}" CASCADE'))
        engine.dispose()


def test_backup_wipe_restore_then_the_log_verifies_and_the_conversation_reads_back(
    data_dir: Path, database_url: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    overrides: dict[str, object] = {"events_backend": "in_process"}
    if database_url is not None:
        overrides["database_url"] = database_url
        monkeypatch.setenv("OPENCOUNTER_DATABASE_URL", database_url)
    monkeypatch.setenv("OPENCOUNTER_DATA_DIR", str(data_dir))
    monkeypatch.setenv("OPENCOUNTER_ANSWER_MODE", "extractive")
    settings = make_settings(data_dir, **overrides)
    with TestClient(create_app(settings)) as client:
        cid = start_api(client, "en")
        token = client.headers["Authorization"].removeprefix("Bearer ")
        answered = client.post(f"/api/v1/conversations/{cid}/messages", json={"text": QUESTION})
        assert answered.status_code == 200, answered.text
        assert QUESTION in read_back(client, cid, token)
        key = client.get("/audit/key").text.strip()
    assert cli("audit", "checkpoint")[0] == 0

    folder = tmp_path / "backup"
    code, output = cli("backup", "create", str(folder), "--with-keys")
    assert code == 0, output
    assert "Backed up" in output and "keep them apart" in output
    assert (folder / "kb").is_dir() and (folder / "tables" / "audit_entries.jsonl").is_file()
    vault_copy = folder / "keys" / "audit" / "vault.key"
    assert stat.S_IMODE(vault_copy.stat().st_mode) == 0o600
    assert QUESTION not in "".join(p.read_text() for p in (folder / "tables").iterdir())

    wipe(data_dir, database_url)
    assert cli("db", "upgrade")[0] == 0
    code, output = cli("backup", "restore", str(folder))
    assert code == 0, output
    assert "Restored 3 log entries" in output  # disclosure, question, answer

    code, output = cli("audit", "verify", "--key", key, "--texts")
    assert code == 0 and "OK: 3 entries" in output, output
    with TestClient(create_app(make_settings(data_dir, **overrides))) as client:
        # The citizen's page shows the words again: the vault's texts opened with the key.
        assert QUESTION in read_back(client, cid, token)
        # The restored log goes on: a new conversation appends after the restored entries.
        start_api(client, "en")
    code, output = cli("audit", "verify", "--key", key)
    assert code == 0 and "OK: 4 entries" in output, output

    # A second restore into the same database is refused: it is no longer empty.
    code, output = cli("backup", "restore", str(folder))
    assert code == 2 and "already holds data" in output, output


def test_restore_refuses_a_folder_that_is_not_a_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENCOUNTER_DATA_DIR", str(tmp_path / "data"))
    code, output = cli("backup", "restore", str(tmp_path / "nothing"))
    assert code == 2 and "manifest.json" in output and "backup create" in output, output
