"""The text vault: per-conversation encryption, commitments, crypto-shredding."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import Engine, text

from audit.entries import commitment
from audit.vault import (
    ConversationErased,
    Vault,
    VaultKeyMismatch,
    generate_master_key,
    parse_master_key,
)


def test_put_get_and_commitment(engine: Engine) -> None:
    vault = Vault(engine, os.urandom(32))
    text_id, digest = vault.put("c1", "Hällo, I need a parking permit")
    salt = vault.salt_for("c1")
    assert salt is not None and len(salt) == 32
    assert digest == commitment(salt, "Hällo, I need a parking permit")
    assert vault.get(text_id) == "Hällo, I need a parking permit"
    second, _ = vault.put("c1", "second")
    assert vault.texts_for("c1") == {text_id: "Hällo, I need a parking permit", second: "second"}
    assert vault.get(10_000) is None


def test_ciphertext_at_rest_is_not_the_text(engine: Engine) -> None:
    vault = Vault(engine, os.urandom(32))
    vault.put("c1", "plain words here")
    with engine.connect() as connection:
        stored = connection.execute(text("SELECT ciphertext FROM audit_texts")).scalar()
        key = connection.execute(text("SELECT wrapped_key FROM audit_conversation_keys")).scalar()
    assert isinstance(stored, bytes) and b"plain words" not in stored
    assert isinstance(key, bytes) and len(key) == 12 + 32 + 16


def test_each_conversation_has_its_own_salt(engine: Engine) -> None:
    vault = Vault(engine, os.urandom(32))
    _, first = vault.put("c1", "same words")
    _, second = vault.put("c2", "same words")
    assert first != second


def test_erase_shreds_key_salt_and_texts(engine: Engine) -> None:
    vault = Vault(engine, os.urandom(32))
    text_id, _ = vault.put("c1", "to be forgotten")
    kept, _ = vault.put("c2", "to be kept")
    assert vault.erase("c1") is True
    assert vault.get(text_id) is None
    assert vault.salt_for("c1") is None
    assert vault.texts_for("c1") == {}
    assert vault.get(kept) == "to be kept"
    with pytest.raises(ConversationErased):
        vault.put("c1", "more")
    assert vault.erase("never-seen") is False
    with pytest.raises(ConversationErased):
        vault.put("never-seen", "blocked too")


def test_wrong_master_key_is_a_typed_error(engine: Engine) -> None:
    text_id, _ = Vault(engine, os.urandom(32)).put("c1", "words")
    with pytest.raises(VaultKeyMismatch):
        Vault(engine, os.urandom(32)).get(text_id)


def test_master_key_text_format() -> None:
    assert len(parse_master_key(generate_master_key())) == 32
    for bad in ("not base64!", "AAAA"):
        with pytest.raises(ValueError, match="master key"):
            parse_master_key(bad)
    with pytest.raises(ValueError, match="32 bytes"):
        Vault(None, b"short")  # type: ignore[arg-type]


def test_put_many_keeps_order_ids_and_commitments(engine: Engine) -> None:
    vault = Vault(engine, os.urandom(32))
    items = [("c1", "first"), ("c2", "second"), ("c1", "third"), ("c3", "fourth")]
    with engine.begin() as connection:
        stored = vault.put_many(items, connection=connection)
    assert [text_id for text_id, _ in stored] == sorted({text_id for text_id, _ in stored})
    for (conversation, words), (text_id, digest) in zip(items, stored, strict=True):
        assert vault.get(text_id) == words
        salt = vault.salt_for(conversation)
        assert salt is not None and digest == commitment(salt, words)
    assert list(vault.texts_for("c1").values()) == ["first", "third"]


def test_put_many_into_an_erased_conversation_writes_nothing(engine: Engine) -> None:
    vault = Vault(engine, os.urandom(32))
    vault.put("gone", "old words")
    vault.erase("gone")
    with pytest.raises(ConversationErased), engine.begin() as connection:
        vault.put_many([("fresh", "new words"), ("gone", "more")], connection=connection)
    assert vault.texts_for("fresh") == {}
    with engine.begin() as connection:
        keys = vault.conversation_keys(connection, ["gone", "fresh", "gone"])
    assert keys["gone"] is None and keys["fresh"] is not None and len(keys) == 2
