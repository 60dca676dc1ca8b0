"""Key rotation: `opencounter keys rotate-vault-key` (conversations still read back, the old key
opens nothing), `opencounter keys rotate-log-key` (the existing verifier accepts the log with the
old key and with the new one, before and after new entries), and the staff session secret (a
new OPENCOUNTER_SECRET_KEY ends every session; signing in again works)."""

from __future__ import annotations

import html
import secrets
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine
from typer.testing import CliRunner

from audit.note import generate_signer, parse_signer_key
from audit.storage.vault import Vault, VaultKeyMismatch, parse_master_key
from tests.conftest import fast_overrides, make_settings
from tests.schema import log_tables
from tests.web.citizens import start_api
from tests.web.console.conftest import PASSWORD, sign_in
from web.app import create_app
from web.auth.sessions import SESSION_COOKIE
from web.cli.main import build_cli
from web.settings import Settings

QUESTION = "How do I apply for a resident parking permit?"


def cli(*arguments: str) -> tuple[int, str]:
    result = CliRunner().invoke(build_cli(), list(arguments))
    return result.exit_code, " ".join(result.output.split())


@pytest.fixture
def settings(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """An app's settings with keys in the data dir, and the same in the environment."""
    monkeypatch.setenv("OPENCOUNTER_DATA_DIR", str(data_dir))
    monkeypatch.setenv("OPENCOUNTER_ANSWER_MODE", "extractive")
    return make_settings(data_dir, events_backend="in_process")


def converse(settings: Settings) -> tuple[str, str, str]:
    """A conversation with one question: (id, secret, the log's public key)."""
    with TestClient(create_app(settings)) as client:
        cid = start_api(client, "en")
        reply = client.post(f"/api/v1/conversations/{cid}/messages", json={"text": QUESTION})
        assert reply.status_code == 200, reply.text
        token = client.headers["Authorization"].removeprefix("Bearer ")
        return cid, token, client.get("/audit/key").text.strip()


def read_back(settings: Settings, cid: str, token: str) -> str:
    with TestClient(create_app(settings)) as client:
        client.cookies.set(f"oc_s_{cid}", token)
        page = client.get("/chat", params={"c": cid})
        assert page.status_code == 200, page.text
        return html.unescape(page.text)


def test_a_new_vault_key_reads_every_conversation_and_the_old_one_none(
    settings: Settings, tmp_path: Path
) -> None:
    cid, token, key = converse(settings)
    old_key = (settings.data_dir / "audit" / "vault.key").read_text().strip()
    # As the README says: the key comes from `audit keygen` into a folder of its own.
    code, output = cli("audit", "keygen", "--data-dir", str(tmp_path / "newkeys"))
    assert code == 0, output
    new_file = tmp_path / "newkeys" / "audit" / "vault.key"

    code, output = cli("keys", "rotate-vault-key", "--new-key-file", str(new_file))
    assert code == 0 and "Re-wrapped 1 conversation keys" in output, output
    assert (settings.data_dir / "audit" / "vault.key").read_text() == new_file.read_text()

    assert QUESTION in read_back(settings, cid, token)
    code, output = cli("audit", "verify", "--key", key, "--texts")
    assert code == 0, output
    engine = create_engine(settings.resolved_database_url)
    try:
        stale = Vault(engine, parse_master_key(old_key), tables=log_tables())
        with pytest.raises(VaultKeyMismatch):
            stale.read_keys([cid])
    finally:
        engine.dispose()

    # Run with a key that is not the current one: refused, nothing changed.
    code, output = cli("keys", "rotate-vault-key", "--new-key-file", str(new_file))
    assert code == 0, output  # the current key is now the new one: a rotation to itself works
    wrong = tmp_path / "not-a-key"
    wrong.write_text("hello\n")
    code, output = cli("keys", "rotate-vault-key", "--new-key-file", str(wrong))
    assert code == 2 and "base64" in output, output


def test_the_log_hands_over_to_a_new_key_and_verifies_with_either(
    settings: Settings, tmp_path: Path
) -> None:
    _, _, old_key = converse(settings)
    code, output = cli("audit", "keygen", "--data-dir", str(tmp_path / "newkeys"))
    assert code == 0, output
    new_file = tmp_path / "newkeys" / "audit" / "log.key"
    new = parse_signer_key(new_file.read_text().strip())

    code, output = cli("keys", "rotate-log-key", "--new-key-file", str(new_file))
    assert code == 0, output
    new_key = new.verifier().to_string()
    assert new_key in output and "Handed the log over at size 3" in output
    for trusted in (old_key, new_key):
        code, output = cli("audit", "verify", "--key", trusted, "--require-signed")
        assert code == 0 and "OK: 3 entries" in output, (trusted, output)

    # The app now signs with the new key alone; the verifier still follows from the old one.
    converse(settings)
    with TestClient(create_app(settings)) as client:
        assert client.get("/audit/key").text.strip() == new_key
    assert cli("audit", "checkpoint")[0] == 0
    for trusted in (old_key, new_key):
        code, output = cli("audit", "verify", "--key", trusted, "--require-signed")
        assert code == 0 and "OK: 6 entries" in output, (trusted, output)
    stranger = generate_signer(settings.log_origin).verifier().to_string()
    code, output = cli("audit", "verify", "--key", stranger)
    assert code == 1 and "FAILED" in output, output

    code, output = cli("keys", "rotate-log-key", "--new-key-file", str(new_file))
    assert code == 2 and "already signs with" in output, output
    other = tmp_path / "other-origin.key"
    other.write_text(generate_signer("elsewhere.example/log").to_string() + "\n")
    code, output = cli("keys", "rotate-log-key", "--new-key-file", str(other))
    assert code == 2 and "origin" in output, output


def test_a_new_staff_secret_ends_every_session_and_new_ones_work(data_dir: Path) -> None:
    before = make_settings(data_dir, secret_key=secrets.token_urlsafe(32))
    with TestClient(create_app(before, fast_overrides())) as client:
        people = client.app.state.services.people  # type: ignore[attr-defined]
        people.accounts.add("casey", people.hashing.hash(PASSWORD), "caseworker", "general")
        sign_in(client, "casey")
        cookie = client.cookies[SESSION_COOKIE]
        assert client.get("/console", follow_redirects=False).status_code == 200

    after = make_settings(data_dir, secret_key=secrets.token_urlsafe(32))
    with TestClient(create_app(after, fast_overrides())) as client:
        client.cookies.set(SESSION_COOKIE, cookie)
        refused = client.get("/console", follow_redirects=False)
        assert refused.status_code == 401, refused.text  # signed with the old secret: dead
        client.cookies.clear()
        sign_in(client, "casey")
        assert client.get("/console", follow_redirects=False).status_code == 200
