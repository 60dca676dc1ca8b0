"""The text vault: per-conversation encryption, commitments, crypto-shredding."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import Engine, text

from audit.entries import commitment
from audit.storage.vault import (
    ConversationErased,
    TextDoesNotOpen,
    TextToStore,
    Vault,
    VaultKeyMismatch,
    generate_master_key,
    parse_master_key,
    text_associated_data,
)
from tests.schema import log_tables


def test_put_get_and_commitment(engine: Engine) -> None:
    vault = Vault(engine, os.urandom(32), tables=log_tables())
    text_id, digest = vault.put("c1", 0, "Hällo, I need a parking permit")
    salt = vault.salt_for("c1")
    assert salt is not None and len(salt) == 32
    assert digest == commitment(salt, "Hällo, I need a parking permit")
    assert vault.get(text_id) == "Hällo, I need a parking permit"
    vault.put("c1", 3, "second")
    assert vault.texts_for("c1") == {0: "Hällo, I need a parking permit", 3: "second"}
    assert vault.get(10_000) is None


def test_ciphertext_at_rest_is_not_the_text(engine: Engine) -> None:
    vault = Vault(engine, os.urandom(32), tables=log_tables())
    vault.put("c1", 0, "plain words here")
    with engine.connect() as connection:
        stored = connection.execute(text("SELECT ciphertext FROM audit_texts")).scalar()
        key = connection.execute(text("SELECT wrapped_key FROM audit_conversation_keys")).scalar()
    assert isinstance(stored, bytes) and b"plain words" not in stored
    assert isinstance(key, bytes) and len(key) == 12 + 32 + 16


def test_each_conversation_has_its_own_salt(engine: Engine) -> None:
    vault = Vault(engine, os.urandom(32), tables=log_tables())
    _, first = vault.put("c1", 0, "same words")
    _, second = vault.put("c2", 1, "same words")
    assert first != second


def test_erase_shreds_key_salt_and_texts(engine: Engine) -> None:
    vault = Vault(engine, os.urandom(32), tables=log_tables())
    text_id, _ = vault.put("c1", 0, "to be forgotten")
    kept, _ = vault.put("c2", 1, "to be kept")
    assert vault.erase("c1") is True
    assert vault.get(text_id) is None
    assert vault.salt_for("c1") is None
    assert vault.texts_for("c1") == {}
    assert vault.get(kept) == "to be kept"
    with pytest.raises(ConversationErased):
        vault.put("c1", 2, "more")
    assert vault.erase("never-seen") is False
    with pytest.raises(ConversationErased):
        vault.put("never-seen", 3, "blocked too")


def test_wrong_master_key_is_a_typed_error(engine: Engine) -> None:
    text_id, _ = Vault(engine, os.urandom(32), tables=log_tables()).put("c1", 0, "words")
    with pytest.raises(VaultKeyMismatch):
        Vault(engine, os.urandom(32), tables=log_tables()).get(text_id)


def test_master_key_text_format() -> None:
    assert len(parse_master_key(generate_master_key())) == 32
    for bad in ("not base64!", "AAAA"):
        with pytest.raises(ValueError, match="master key"):
            parse_master_key(bad)
    with pytest.raises(ValueError, match="32 bytes"):
        Vault(None, b"short", tables=log_tables())  # type: ignore[arg-type]


def test_put_many_keeps_order_ids_and_commitments(engine: Engine) -> None:
    vault = Vault(engine, os.urandom(32), tables=log_tables())
    words = [("c1", "first"), ("c2", "second"), ("c1", "third"), ("c3", "fourth")]
    items = [TextToStore(c, n, w) for n, (c, w) in enumerate(words)]
    with engine.begin() as connection:
        stored = vault.put_many(items, connection=connection)
    assert [text_id for text_id, _ in stored] == sorted({text_id for text_id, _ in stored})
    for (conversation, _, said), (text_id, digest) in zip(items, stored, strict=True):
        assert vault.get(text_id) == said
        salt = vault.salt_for(conversation)
        assert salt is not None and digest == commitment(salt, said)
    assert vault.texts_for("c1") == {0: "first", 2: "third"}


def test_put_many_into_an_erased_conversation_writes_nothing(engine: Engine) -> None:
    vault = Vault(engine, os.urandom(32), tables=log_tables())
    vault.put("gone", 0, "old words")
    vault.erase("gone")
    with pytest.raises(ConversationErased), engine.begin() as connection:
        items = [TextToStore("fresh", 1, "new words"), TextToStore("gone", 2, "more")]
        vault.put_many(items, connection=connection)
    assert vault.texts_for("fresh") == {}
    with engine.begin() as connection:
        keys = vault.conversation_keys(connection, ["gone", "fresh", "gone"])
    assert keys["gone"] is None and keys["fresh"] is not None and len(keys) == 2


def test_associated_data_is_unambiguous() -> None:
    assert text_associated_data("c1", 12) != text_associated_data("c11", 2)
    assert text_associated_data("a", 1) == b"\x00\x01a" + (1).to_bytes(8, "big")


def swap_ciphertexts(engine: Engine, first: int, second: int) -> None:
    with engine.begin() as connection:
        rows = {
            int(row.id): (bytes(row.nonce), bytes(row.ciphertext))
            for row in connection.execute(text("SELECT id, nonce, ciphertext FROM audit_texts"))
        }
        for target, source in ((first, second), (second, first)):
            connection.execute(
                text("UPDATE audit_texts SET nonce = :n, ciphertext = :c WHERE id = :id"),
                {"n": rows[source][0], "c": rows[source][1], "id": target},
            )


def test_texts_swapped_inside_a_conversation_do_not_open(engine: Engine) -> None:
    vault = Vault(engine, os.urandom(32), tables=log_tables())
    first, _ = vault.put("c1", 0, "I live at 12 Elm Street")
    second, _ = vault.put("c1", 1, "my child is ill")
    swap_ciphertexts(engine, first, second)
    with pytest.raises(TextDoesNotOpen, match="entry 0"):
        vault.get(first)
    with pytest.raises(TextDoesNotOpen):
        vault.texts_for("c1")


def test_a_text_moved_to_another_entry_does_not_open(engine: Engine) -> None:
    vault = Vault(engine, os.urandom(32), tables=log_tables())
    moved, _ = vault.put("c1", 4, "words of entry four")
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE audit_texts SET entry_idx = 5 WHERE id = :id"), {"id": moved}
        )
    with pytest.raises(TextDoesNotOpen, match="entry 5"):
        vault.get(moved)


def test_stored_keys_reads_without_creating(engine: Engine) -> None:
    vault = Vault(engine, os.urandom(32), tables=log_tables())
    vault.put("c1", 0, "words")
    vault.erase("c2")
    with engine.connect() as connection:
        keys = vault.stored_keys(connection, ["c1", "c2", "unknown"])
    assert keys["c1"] is not None and keys["c2"] is None and "unknown" not in keys
    with engine.connect() as connection:
        count = connection.execute(text("SELECT count(*) FROM audit_conversation_keys")).scalar()
    assert count == 2
