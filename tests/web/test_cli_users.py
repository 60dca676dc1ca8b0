"""`opencounter users add/disable/list` as an operator runs them, on a real data directory;
the console then lets in exactly the accounts the command left enabled."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from tests.conftest import make_settings
from tests.web.console.conftest import csrf_of
from web.app import create_app
from web.cli.main import build_cli

GOOD_PASSWORD = "a long enough passphrase"


@pytest.fixture
def run(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("OPENCOUNTER_DATA_DIR", str(data_dir))
    monkeypatch.setenv("OPENCOUNTER_ANSWER_MODE", "extractive")
    return CliRunner()


def _stored_accounts(data_dir: Path) -> list[tuple[str, str | None]]:
    database = data_dir / "opencounter.db"
    if not database.exists():
        return []
    engine = create_engine(f"sqlite:///{database}")
    try:
        with engine.connect() as db:
            rows = db.execute(text("SELECT username, password_hash FROM staff_accounts")).all()
    finally:
        engine.dispose()
    return [(r.username, r.password_hash) for r in rows]


def _list_row(output: str, username: str) -> list[str]:
    """The cells of `username`'s row in the `users list` table."""
    for line in output.splitlines():
        cells = [c.strip() for c in re.split(r"[│┃|]", line) if c.strip()]
        if cells and cells[0] == username:
            return cells
    raise AssertionError(f"{username} is not in the list:\n{output}")


def _sign_in(client: TestClient, username: str, password: str) -> int:
    form = client.get("/login").text
    r = client.post(
        "/login",
        data={"username": username, "password": password, "csrf": csrf_of(form)},
        follow_redirects=False,
    )
    return r.status_code


def test_a_short_password_is_refused_clearly(run: CliRunner, data_dir: Path) -> None:
    result = run.invoke(
        build_cli(), ["users", "add", "dana", "--password-stdin"], input="too short\n"
    )
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    message = " ".join(result.output.split())
    assert "Not added" in message and "at least 12 characters" in message
    assert _stored_accounts(data_dir) == []


def test_add_list_disable_and_the_console_follows(run: CliRunner, data_dir: Path) -> None:
    cli = build_cli()
    added = run.invoke(
        cli,
        ["users", "add", "dana", "--role", "caseworker", "--team", "housing", "--password-stdin"],
        input=f"{GOOD_PASSWORD}\n",
    )
    assert added.exit_code == 0, added.output
    pseudonym = re.search(r"staff-[0-9a-f]{12}", added.output)
    assert pseudonym is not None, added.output
    [(username, password_hash)] = _stored_accounts(data_dir)
    assert username == "dana"
    assert password_hash is not None and password_hash.startswith("$argon2id$")
    assert GOOD_PASSWORD not in password_hash

    listed = run.invoke(cli, ["users", "list"])
    assert listed.exit_code == 0, listed.output
    assert _list_row(listed.output, "dana") == [
        "dana",
        "caseworker",
        "housing",
        pseudonym.group(0),
        "active",
    ]

    with TestClient(create_app(make_settings(data_dir))) as client:
        assert _sign_in(client, "dana", GOOD_PASSWORD) == 303
        assert client.get("/console").status_code == 200

        disabled = run.invoke(cli, ["users", "disable", "dana"])
        assert disabled.exit_code == 0, disabled.output
        assert "Disabled dana" in disabled.output

        # The session already open stops working, and signing in again is refused.
        assert client.get("/console", follow_redirects=False).status_code == 401
        client.cookies.clear()
        assert _sign_in(client, "dana", GOOD_PASSWORD) == 401

    relisted = run.invoke(cli, ["users", "list"])
    assert relisted.exit_code == 0, relisted.output
    assert _list_row(relisted.output, "dana")[-1] == "disabled"


def test_disabling_an_unknown_account_says_so(run: CliRunner) -> None:
    result = run.invoke(build_cli(), ["users", "disable", "nobody"])
    assert result.exit_code != 0
    assert "No account called" in result.output and "nobody" in result.output
    assert "Traceback" not in result.output


def test_account_changes_are_logged_by_pseudonym(run: CliRunner, data_dir: Path) -> None:
    from audit.entries import decode_entry
    from web.bootstrap import open_storage

    cli = build_cli()
    added = run.invoke(
        cli,
        ["users", "add", "olive", "--role", "oversight", "--password-stdin"],
        input=f"{GOOD_PASSWORD}\n",
    )
    assert added.exit_code == 0, added.output
    assert run.invoke(cli, ["users", "disable", "olive"]).exit_code == 0
    settings = make_settings(data_dir)
    storage = open_storage(settings)
    try:
        changes = [
            entry
            for entry in (decode_entry(data) for _, data in storage.log.entries())
            if entry["type"] == "config_change" and entry["setting"] == "staff_account"
        ]
    finally:
        storage.close()
    pseudonym = re.search(r"staff-[0-9a-f]{12}", added.output).group(0)  # type: ignore[union-attr]
    assert [(c["action"], c["account"]) for c in changes] == [
        ("add", pseudonym),
        ("disable", pseudonym),
    ]
    assert changes[0]["role"] == "oversight"
    assert "olive" not in str(changes)
