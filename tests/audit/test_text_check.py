"""`check_texts` (`audit verify --texts`): changed, swapped or moved ciphertexts are named."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import timedelta

import pytest
from sqlalchemy import Connection, Engine, text

from audit.note import generate_signer
from audit.sink import AuditEvent
from audit.storage.log import TransparencyLog
from audit.storage.text_check import check_texts
from audit.storage.vault import Vault
from tests.schema import log_tables

ORIGIN = "city.example/audit"


def seeded(engine: Engine) -> TransparencyLog:
    """Entries 0-9: conv-0 at 0, 2, 4, ...; conv-1 at 1, 3, ...; entry 6 logs no text."""
    log = TransparencyLog(
        engine,
        generate_signer(ORIGIN),
        ORIGIN,
        Vault(engine, os.urandom(32), tables=log_tables()),
        checkpoint_interval=timedelta(days=1),
        tables=log_tables(),
    )
    for n in range(10):
        words = None if n == 6 else f"words number {n}"
        log.record(
            [
                AuditEvent(
                    "message" if words else "feedback",
                    f"conv-{n % 2}",
                    {"rating": "up", "n": n},
                    words,
                )
            ]
        )
    return log


def test_intact_texts_pass_and_erased_ones_are_counted(engine: Engine) -> None:
    log = seeded(engine)
    report = check_texts(log, log.vault, batch=3)
    assert report.ok, report.problem
    assert (report.texts_checked, report.erased_entries) == (9, 0)
    log.erase("conv-1")
    report = check_texts(log, log.vault, batch=3)
    assert report.ok, report.problem
    assert (report.texts_checked, report.erased_entries) == (4, 5)


def _row(connection: Connection, index: int) -> dict[str, object]:
    row = connection.execute(
        text("SELECT conversation_id, nonce, ciphertext FROM audit_texts WHERE entry_idx = :i"),
        {"i": index},
    ).one()
    return {"c": row[0], "n": bytes(row[1]), "x": bytes(row[2])}


def _set(connection: Connection, index: int, row: dict[str, object]) -> None:
    connection.execute(
        text(
            "UPDATE audit_texts SET conversation_id = :c, nonce = :n, ciphertext = :x "
            "WHERE entry_idx = :i"
        ),
        {**row, "i": index},
    )


def swap_inside_conversation(connection: Connection) -> None:
    two, four = _row(connection, 2), _row(connection, 4)
    _set(connection, 2, four)
    _set(connection, 4, two)


def flip_a_byte(connection: Connection) -> None:
    row = _row(connection, 3)
    sealed = row["x"]
    assert isinstance(sealed, bytes)
    _set(connection, 3, {**row, "x": bytes([sealed[0] ^ 1]) + sealed[1:]})


def move_to_another_entry(connection: Connection) -> None:
    connection.execute(text("DELETE FROM audit_texts WHERE entry_idx = 2"))
    connection.execute(text("UPDATE audit_texts SET entry_idx = 2 WHERE entry_idx = 4"))


def relabel_conversation(connection: Connection) -> None:
    connection.execute(
        text("UPDATE audit_texts SET conversation_id = 'conv-1' WHERE entry_idx = 4")
    )


def delete_one(connection: Connection) -> None:
    connection.execute(text("DELETE FROM audit_texts WHERE entry_idx = 5"))


def text_for_an_entry_without_text(connection: Connection) -> None:
    connection.execute(
        text(
            "INSERT INTO audit_texts (conversation_id, entry_idx, nonce, ciphertext) "
            "SELECT conversation_id, 6, nonce, ciphertext FROM audit_texts WHERE entry_idx = 8"
        )
    )


def text_past_the_end(connection: Connection) -> None:
    connection.execute(
        text(
            "INSERT INTO audit_texts (conversation_id, entry_idx, nonce, ciphertext) "
            "SELECT conversation_id, 12, nonce, ciphertext FROM audit_texts WHERE entry_idx = 8"
        )
    )


def drop_a_key(connection: Connection) -> None:
    connection.execute(text("DELETE FROM audit_conversation_keys WHERE conversation_id = 'conv-1'"))


def change_a_wrapped_key(connection: Connection) -> None:
    wrapped = connection.execute(
        text("SELECT wrapped_key FROM audit_conversation_keys WHERE conversation_id = 'conv-1'")
    ).scalar_one()
    connection.execute(
        text(
            "UPDATE audit_conversation_keys SET wrapped_key = :w WHERE conversation_id = 'conv-1'"
        ),
        {"w": bytes(wrapped)[:-1] + bytes([bytes(wrapped)[-1] ^ 1])},
    )


@pytest.mark.parametrize(
    ("tamper", "first_bad", "reason"),
    [
        (swap_inside_conversation, 2, "does not open"),
        (flip_a_byte, 3, "does not open"),
        (move_to_another_entry, 2, "does not open"),
        (relabel_conversation, 4, "another conversation"),
        (delete_one, 5, "missing"),
        (text_for_an_entry_without_text, 6, "logs no text"),
        (text_past_the_end, 12, "not in the log"),
        (drop_a_key, 1, "has no key"),
        (change_a_wrapped_key, 1, "changed wrapped key"),
    ],
)
def test_every_tampered_text_is_named(
    engine: Engine, tamper: Callable[[Connection], None], first_bad: int, reason: str
) -> None:
    log = seeded(engine)
    with engine.begin() as connection:
        tamper(connection)
    report = check_texts(log, log.vault, batch=4)
    assert not report.ok
    assert report.first_bad_index == first_bad, report.problem
    assert reason in str(report.problem)


def test_a_text_restored_after_erasure_is_named(engine: Engine) -> None:
    log = seeded(engine)
    with engine.connect() as connection:
        kept = _row(connection, 3)
    log.erase("conv-1")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO audit_texts (conversation_id, entry_idx, nonce, ciphertext) "
                "VALUES (:c, 3, :n, :x)"
            ),
            kept,
        )
    report = check_texts(log, log.vault)
    assert (report.ok, report.first_bad_index) == (False, 3)
    assert "erased, yet a text remains" in str(report.problem)
