"""Every audit command reads the app's settings: the same database, keys and data dir.

Run on SQLite and on PostgreSQL: with the app on PostgreSQL, `audit erase` must shred the
words in PostgreSQL, `audit checkpoint` sign the real log's size, `audit verify` check the
real entries; and where the settings point at no log, each command stops and names the
setting instead of creating an empty log somewhere else.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, inspect, text
from typer.testing import CliRunner

from tests.conftest import make_settings
from tests.web.citizens import start_api
from web.app import create_app
from web.cli.main import build_cli

QUESTIONS = ("How do I get a library card?", "When are the bins collected?")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest) -> str | None:
    """None: the app's default, a SQLite file in the data dir."""
    if request.param == "sqlite":
        return None
    url: str = request.getfixturevalue("postgres_url")
    return url


@dataclass(frozen=True)
class AppLog:
    url: str
    key: str  # the log's public key, as published at /audit/key
    conversations: list[str]


@pytest.fixture
def app_env(
    data_dir: Path, database_url: str | None, monkeypatch: pytest.MonkeyPatch
) -> Iterator[AppLog]:
    """A running app's log with two conversations, and the app's settings in the environment."""
    # In-process live events: this test is about the log, not the LISTEN/NOTIFY listener.
    overrides: dict[str, object] = {"events_backend": "in_process"}
    if database_url is not None:
        overrides["database_url"] = database_url
    settings = make_settings(data_dir, **overrides)
    conversations = []
    with TestClient(create_app(settings)) as client:
        for question in QUESTIONS:
            cid = start_api(client, "en")
            reply = client.post(f"/api/v1/conversations/{cid}/messages", json={"text": question})
            assert reply.status_code == 200
            conversations.append(cid)
        key = client.get("/audit/key").text.strip()
    monkeypatch.setenv("OPENCOUNTER_DATA_DIR", str(data_dir))
    monkeypatch.setenv("OPENCOUNTER_ANSWER_MODE", "extractive")
    if database_url is not None:
        monkeypatch.setenv("OPENCOUNTER_DATABASE_URL", database_url)
    yield AppLog(settings.resolved_database_url, key, conversations)


def _audit(*arguments: str) -> tuple[int, str]:
    result = CliRunner().invoke(build_cli(), ["audit", *arguments])
    return result.exit_code, " ".join(result.output.split())


def _query(url: str, sql: str, **params: object) -> object:
    engine = create_engine(url)
    try:
        with engine.connect() as db:
            return db.execute(text(sql), params).scalar()
    finally:
        engine.dispose()


def test_audit_commands_work_on_the_apps_database(
    app_env: AppLog, data_dir: Path, database_url: str | None, tmp_path: Path
) -> None:
    url, key = app_env.url, app_env.key
    first, second = app_env.conversations
    size = _query(url, "SELECT COUNT(*) FROM audit_entries")
    assert size == 6  # two conversations: disclosure, message, answer

    code, output = _audit("erase", str(first))
    assert code == 0, output
    assert _query(url, "SELECT COUNT(*) FROM audit_texts WHERE conversation_id = :c", c=first) == 0
    assert (
        _query(
            url,
            "SELECT COUNT(*) FROM audit_conversation_keys "
            "WHERE conversation_id = :c AND wrapped_key IS NOT NULL",
            c=first,
        )
        == 0
    )
    assert _query(url, "SELECT COUNT(*) FROM audit_texts WHERE conversation_id = :c", c=second)

    code, output = _audit("checkpoint")
    assert code == 0, output
    assert output.split(" ")[1] == "7"  # the six entries and the erasure: the real log's size

    code, output = _audit("verify", "--key", key)
    assert code == 0 and "OK: 7 entries" in output, output
    code, output = _audit("verify", "--key", key, "--texts")
    assert code == 0, output

    code, output = _audit("export", "--out", str(tmp_path / "bundle"))
    assert code == 0 and "Exported 7 entries" in output, output

    code, output = _audit("retention", "--older-than", "0m")
    assert code == 0 and "Erased 1 conversations" in output, output
    assert _query(url, "SELECT COUNT(*) FROM audit_texts") == 0
    if database_url is not None:
        # Nothing went to a SQLite file beside the data: PostgreSQL holds the log.
        assert not (data_dir / "opencounter.db").exists()


def test_audit_commands_refuse_a_missing_log_and_name_the_setting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "nothing-here"
    monkeypatch.setenv("OPENCOUNTER_DATA_DIR", str(empty))
    for command in (["checkpoint"], ["erase", "abc"], ["retention", "--older-than", "1d"]):
        code, output = _audit(*command)
        assert code == 2, (command, output)
        assert "no transparency log" in output.lower() and "OPENCOUNTER_DATA_DIR" in output
        assert "Traceback" not in output
    code, output = _audit("export", "--out", str(tmp_path / "bundle"))
    assert code == 2 and "OPENCOUNTER_DATA_DIR" in output
    code, output = _audit("verify", "--key", "example.org+01234567+AQ==")
    assert code == 2
    assert not empty.exists()  # nothing was created: no database, no keys


@pytest.mark.postgres
def test_an_empty_postgres_database_is_not_made_into_a_log(
    postgres_url: str, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENCOUNTER_DATA_DIR", str(data_dir))
    monkeypatch.setenv("OPENCOUNTER_DATABASE_URL", postgres_url)
    code, output = _audit("checkpoint")
    assert code == 2 and "OPENCOUNTER_DATABASE_URL" in output, output
    assert "no transparency log" in output.lower()
    engine = create_engine(postgres_url)
    try:
        with engine.connect() as db:
            assert not inspect(db).has_table("audit_entries")
    finally:
        engine.dispose()


def test_keys_missing_from_the_settings_are_named_not_made(app_env: AppLog, data_dir: Path) -> None:
    (data_dir / "audit" / "vault.key").rename(data_dir / "vault.key.moved")
    code, output = _audit("erase", app_env.conversations[0])
    assert code == 2 and "OPENCOUNTER_VAULT_KEY" in output, output
    assert not (data_dir / "audit" / "vault.key").exists()


def test_keys_from_the_environment_are_the_ones_used(
    app_env: AppLog, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keys moved out of the data dir into the settings, as in production: same log, same keys."""
    moved = tmp_path / "secrets"
    (data_dir / "audit").rename(moved)
    monkeypatch.setenv("OPENCOUNTER_LOG_SIGNING_KEY", (moved / "log.key").read_text().strip())
    monkeypatch.setenv("OPENCOUNTER_VAULT_KEY", str(moved / "vault.key"))  # a file path
    code, output = _audit("erase", app_env.conversations[0])
    assert code == 0, output
    code, output = _audit("verify", "--key", app_env.key, "--texts")
    assert code == 0 and "OK: 7 entries" in output, output
    assert not (data_dir / "audit").exists()  # no new keys were made beside the data
    monkeypatch.setenv("OPENCOUNTER_VAULT_KEY", "not a key")
    code, output = _audit("erase", app_env.conversations[1])
    assert code == 2 and "OPENCOUNTER_VAULT_KEY" in output, output


def test_audit_erase_says_when_old_bytes_could_not_be_scrubbed_yet(
    app_env: AppLog, database_url: str | None
) -> None:
    """A reader holding a snapshot (a report, a backup) keeps the erased rows on disk for now:
    the erase holds, and the operator is told what held the scrub."""
    holder = create_engine(app_env.url)
    try:
        with holder.connect() as reader:
            if database_url is not None:
                reader.exec_driver_sql("SET application_name = 'nightly-backup'")
                reader.exec_driver_sql("BEGIN ISOLATION LEVEL REPEATABLE READ")
            else:
                reader.exec_driver_sql("BEGIN")
            reader.exec_driver_sql("SELECT count(*) FROM audit_texts").all()
            code, output = _audit("erase", app_env.conversations[0])
            reader.rollback()
    finally:
        holder.dispose()
    assert code == 0, output
    assert "Erased" in output and "not yet scrubbed" in output, output
    assert "scrubs them" in output
    if database_url is not None:
        assert "nightly-backup" in output
