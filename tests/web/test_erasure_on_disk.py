"""Through the app: after a citizen erases, the database files hold nothing of theirs (issue 11)."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from tests.web.citizens import start_api
from web.app import create_app
from web.settings import Settings

QUESTION = "How do I renew my parking permit for 12 Rosemary Lane?"


def _secrets(database: Path, conversation: str) -> list[bytes]:
    """The erasable bytes as stored: wrapped key, salt and every ciphertext."""
    engine = create_engine(f"sqlite:///{database}")
    with engine.connect() as connection:
        key = connection.execute(
            text(
                "SELECT wrapped_key, salt FROM audit_conversation_keys WHERE conversation_id = :c"
            ),
            {"c": conversation},
        ).one()
        sealed = connection.execute(
            text("SELECT ciphertext FROM audit_texts WHERE conversation_id = :c"),
            {"c": conversation},
        ).all()
    engine.dispose()
    return [bytes(key[0]), bytes(key[1]), *(bytes(row[0]) for row in sealed)]


def _raw(database: Path) -> bytes:
    wal = Path(f"{database}-wal")
    return database.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def test_an_erased_conversation_leaves_no_bytes_in_the_sqlite_files(settings: Settings) -> None:
    database = settings.data_dir / "opencounter.db"
    with TestClient(create_app(settings)) as client:
        conversation = start_api(client)
        asked = client.post(
            f"/api/v1/conversations/{conversation}/messages", json={"text": QUESTION}
        )
        assert asked.status_code == 200, asked.text
        stored = _secrets(database, conversation)
        assert len(stored) >= 4  # key, salt, the question and the answer
        assert all(secret[:16] in _raw(database) for secret in stored[:2])
        assert client.delete(f"/api/v1/conversations/{conversation}").status_code == 204
        raw = _raw(database)  # while the app still runs, its connections open
        left = [secret[:16].hex() for secret in stored if secret[:16] in raw]
        assert left == []
        assert QUESTION.encode() not in raw
