"""The text vault: conversation texts kept apart from the log, encrypted per conversation.

Each conversation gets a random AES-256-GCM key and a random salt. The log entry holds
only the commitment SHA-256(salt || text). The conversation key is stored wrapped
(AES-GCM) under the master key given at construction: that master key comes from the
settings, must be kept secret and must not be stored in the database. Each ciphertext
carries its conversation and its entry index as associated data, so a text moved to
another conversation or another entry (two texts swapped) no longer opens. Erasure
deletes the conversation's wrapped key, salt and ciphertexts (crypto-shredding): the log
stays verifiable, the words are gone, and a backup of the tables cannot be decrypted later.
"""

from __future__ import annotations

import base64
import binascii
import os
import struct
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import NamedTuple

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import Connection, Engine, bindparam, delete, insert, select, update

from audit.entries import commitment
from audit.storage.store import AuditTables

MASTER_KEY_SIZE = 32
SALT_SIZE = 32
_NONCE_SIZE = 12


class VaultError(Exception):
    """The vault cannot serve this request."""


class ConversationErased(VaultError):
    """The conversation was erased; its texts are gone and no new text may be added."""


class TextDoesNotOpen(VaultError):
    """A stored ciphertext fails authentication: changed, or moved to another entry."""


class VaultKeyMismatch(VaultError):
    """A stored key does not open with this master key: wrong key in the settings."""


class ConversationKey(NamedTuple):
    """A conversation's AES-256-GCM key and commitment salt (unwrapped: keep in memory)."""

    key: bytes
    salt: bytes


class TextToStore(NamedTuple):
    """A text for the vault and the log entry whose commitment it opens."""

    conversation_id: str
    entry_index: int
    text: str


class SealedText(NamedTuple):
    """A stored ciphertext as it is in the table (for checks that trust nothing stored)."""

    entry_index: int
    conversation_id: str
    nonce: bytes
    ciphertext: bytes


class _KeyRow(NamedTuple):
    wrapped_key: bytes | None
    salt: bytes | None
    erased_at: datetime | None


def generate_master_key() -> str:
    """A new random master key, as the base64 text to put in the settings."""
    return base64.b64encode(os.urandom(MASTER_KEY_SIZE)).decode()


def parse_master_key(text: str) -> bytes:
    """Decode a base64 master key of 32 bytes; raises `ValueError` otherwise."""
    try:
        key = base64.b64decode(text, validate=True)
    except binascii.Error as error:
        raise ValueError("the vault master key must be base64") from error
    if len(key) != MASTER_KEY_SIZE:
        raise ValueError("the vault master key must be 32 bytes (44 base64 characters)")
    return key


def _utc_now() -> datetime:
    return datetime.now(UTC)


def text_associated_data(conversation_id: str, entry_index: int) -> bytes:
    """AES-GCM associated data of a text: length-prefixed conversation id, then entry index.

    Length prefixes make the encoding unambiguous (no id can run into the index).
    """
    conversation = conversation_id.encode("utf-8")
    return struct.pack(">H", len(conversation)) + conversation + struct.pack(">Q", entry_index)


class Vault:
    """Encrypted conversation texts in `audit_texts`, keys in `audit_conversation_keys`."""

    def __init__(
        self,
        engine: Engine,
        master_key: bytes,
        *,
        tables: AuditTables,
        clock: Callable[[], datetime] = _utc_now,
    ) -> None:
        if len(master_key) != MASTER_KEY_SIZE:
            raise ValueError("the vault master key must be 32 bytes")
        self._engine = engine
        self._master = AESGCM(master_key)
        self._clock = clock
        self._tables = tables
        texts, keys = self._tables.texts, self._tables.conversation_keys
        self._insert_texts = insert(texts).returning(texts.c.id, sort_by_parameter_order=True)
        self._select_keys = select(
            keys.c.conversation_id, keys.c.wrapped_key, keys.c.salt, keys.c.erased_at
        ).where(keys.c.conversation_id.in_(bindparam("ids", expanding=True)))

    @contextmanager
    def _connection(self, connection: Connection | None) -> Iterator[Connection]:
        if connection is not None:
            yield connection
        else:
            with self._engine.begin() as own:
                yield own

    def put(
        self,
        conversation_id: str,
        entry_index: int,
        text: str,
        *,
        connection: Connection | None = None,
    ) -> tuple[int, str]:
        """Store `text` of log entry `entry_index` encrypted; returns (text id, commitment hex).

        Pass `connection` to take part in the caller's transaction (the log does).
        """
        with self._connection(connection) as conn:
            item = TextToStore(conversation_id, entry_index, text)
            return self.put_many([item], connection=conn)[0]

    def put_many(
        self,
        items: Sequence[TextToStore],
        *,
        connection: Connection,
        keys: Mapping[str, ConversationKey | None] | None = None,
    ) -> list[tuple[int, str]]:
        """Store many texts in the caller's transaction.

        Returns (text id, commitment hex) per item, in order: one key lookup for all the
        conversations (none if `keys` from `conversation_keys` is given) and one
        multi-row insert. Raises `ConversationErased` if any conversation was erased.
        """
        if not items:
            return []
        if keys is None:
            keys = self.conversation_keys(connection, [item.conversation_id for item in items])
        ciphers: dict[str, tuple[AESGCM, bytes]] = {}
        rows: list[dict[str, object]] = []
        digests: list[str] = []
        for conversation_id, entry_index, text in items:
            if conversation_id not in ciphers:
                key = keys.get(conversation_id)
                if key is None:
                    raise ConversationErased(f"conversation {conversation_id} was erased")
                ciphers[conversation_id] = AESGCM(key.key), key.salt
            cipher, salt = ciphers[conversation_id]
            nonce = os.urandom(_NONCE_SIZE)
            aad = text_associated_data(conversation_id, entry_index)
            rows.append(
                {
                    "conversation_id": conversation_id,
                    "entry_idx": entry_index,
                    "nonce": nonce,
                    "ciphertext": cipher.encrypt(nonce, text.encode("utf-8"), aad),
                }
            )
            digests.append(commitment(salt, text))
        # RETURNING in parameter order gives each row its id in one statement (SQLite
        # 3.35+ and PostgreSQL both support it).
        ids = [int(row[0]) for row in connection.execute(self._insert_texts, rows)]
        if len(ids) != len(rows):
            raise VaultError("database returned no id for a stored text")
        return list(zip(ids, digests, strict=True))

    def stored_keys(
        self, connection: Connection, conversation_ids: Iterable[str]
    ) -> dict[str, ConversationKey | None]:
        """Keys that exist (None for erased ones); unlike `conversation_keys`, writes nothing."""
        return {
            conversation_id: self._open_row(conversation_id, row)
            for conversation_id, row in self._key_rows(connection, conversation_ids).items()
        }

    def sealed_texts(self, start: int, stop: int | None) -> list[SealedText]:
        """Stored texts of entries `start` <= index < `stop` (None: to the end), by index."""
        texts = self._tables.texts
        query = select(
            texts.c.entry_idx, texts.c.conversation_id, texts.c.nonce, texts.c.ciphertext
        )
        query = query.where(texts.c.entry_idx >= start)
        if stop is not None:
            query = query.where(texts.c.entry_idx < stop)
        with self._engine.connect() as conn:
            rows = conn.execute(query.order_by(texts.c.entry_idx)).all()
        return [SealedText(int(row[0]), str(row[1]), bytes(row[2]), bytes(row[3])) for row in rows]

    def read_keys(self, conversation_ids: Iterable[str]) -> dict[str, ConversationKey | None]:
        """`stored_keys` on a connection of its own."""
        with self._engine.connect() as conn:
            return self.stored_keys(conn, conversation_ids)

    def conversation_keys(
        self, connection: Connection, conversation_ids: Iterable[str]
    ) -> dict[str, ConversationKey | None]:
        """Each conversation's key and salt, None if it was erased; new ones are created."""
        wanted = list(dict.fromkeys(conversation_ids))
        stored = self._key_rows(connection, wanted)
        result: dict[str, ConversationKey | None] = {}
        new_rows: list[dict[str, object]] = []
        for conversation_id in wanted:
            row = stored.get(conversation_id)
            if row is None:
                key = ConversationKey(AESGCM.generate_key(256), os.urandom(SALT_SIZE))
                nonce = os.urandom(_NONCE_SIZE)
                wrapped = nonce + self._master.encrypt(nonce, key.key, conversation_id.encode())
                new_rows.append(
                    {
                        "conversation_id": conversation_id,
                        "wrapped_key": wrapped,
                        "salt": key.salt,
                        "created_at": self._clock(),
                    }
                )
                result[conversation_id] = key
            else:
                result[conversation_id] = self._open_row(conversation_id, row)
        if new_rows:
            connection.execute(insert(self._tables.conversation_keys), new_rows)
        return result

    def _key_rows(
        self, connection: Connection, conversation_ids: Iterable[str]
    ) -> dict[str, _KeyRow]:
        stored: dict[str, _KeyRow] = {}
        for chunk in _chunks(list(dict.fromkeys(conversation_ids))):
            for found in connection.execute(self._select_keys, {"ids": chunk}):
                stored[str(found[0])] = _KeyRow(found[1], found[2], found[3])
        return stored

    def _open_row(self, conversation_id: str, row: _KeyRow) -> ConversationKey | None:
        if row.erased_at is not None or row.wrapped_key is None or row.salt is None:
            return None
        return ConversationKey(
            self._unwrap(conversation_id, bytes(row.wrapped_key)), bytes(row.salt)
        )

    def open_text(
        self,
        key: ConversationKey,
        conversation_id: str,
        entry_index: int,
        nonce: bytes,
        sealed: bytes,
    ) -> str:
        """Decrypt one stored text; raises `TextDoesNotOpen` if it was changed or moved."""
        aad = text_associated_data(conversation_id, entry_index)
        try:
            return AESGCM(key.key).decrypt(nonce, sealed, aad).decode("utf-8")
        except (InvalidTag, UnicodeDecodeError) as error:
            raise TextDoesNotOpen(
                f"the text of entry {entry_index} does not open: changed, or moved from another "
                "entry or conversation"
            ) from error

    def get(self, text_id: int) -> str | None:
        """The text, or None if it does not exist or its conversation was erased."""
        texts = self._tables.texts
        with self._engine.connect() as conn:
            row = conn.execute(
                select(
                    texts.c.conversation_id, texts.c.entry_idx, texts.c.nonce, texts.c.ciphertext
                ).where(texts.c.id == text_id)
            ).first()
            if row is None:
                return None
            key = self._stored_key(conn, row.conversation_id)
        if key is None:
            return None
        return self.open_text(
            key, row.conversation_id, int(row.entry_idx), bytes(row.nonce), bytes(row.ciphertext)
        )

    def texts_for(self, conversation_id: str) -> dict[int, str]:
        """All texts of a conversation by the index of their log entry (empty once erased).

        Raises `TextDoesNotOpen` for a text changed or moved in storage.
        """
        opened = self.opened_conversation(conversation_id)
        return {} if opened is None else opened[1]

    def opened_conversation(self, conversation_id: str) -> tuple[bytes, dict[int, str]] | None:
        """The salt and texts (by entry index) read together, None once erased (receipts)."""
        texts = self._tables.texts
        with self._engine.connect() as conn:
            key = self._stored_key(conn, conversation_id)
            if key is None:
                return None
            rows = conn.execute(
                select(texts.c.entry_idx, texts.c.nonce, texts.c.ciphertext)
                .where(texts.c.conversation_id == conversation_id)
                .order_by(texts.c.entry_idx)
            ).all()
        opened = {
            int(row.entry_idx): self.open_text(
                key, conversation_id, int(row.entry_idx), bytes(row.nonce), bytes(row.ciphertext)
            )
            for row in rows
        }
        return key.salt, opened

    def salt_for(self, conversation_id: str) -> bytes | None:
        """The conversation's commitment salt (for receipts), None once erased."""
        with self._engine.connect() as conn:
            key = self._stored_key(conn, conversation_id)
        return None if key is None else key.salt

    def erase(self, conversation_id: str, *, connection: Connection | None = None) -> bool:
        """Shred a conversation: delete its key, salt and ciphertexts. True if it had any."""
        keys, texts = self._tables.conversation_keys, self._tables.texts
        with self._connection(connection) as conn:
            conn.execute(delete(texts).where(texts.c.conversation_id == conversation_id))
            existing = conn.execute(
                select(keys.c.wrapped_key).where(keys.c.conversation_id == conversation_id)
            ).first()
            now = self._clock()
            if existing is None:
                conn.execute(
                    insert(keys).values(
                        conversation_id=conversation_id, created_at=now, erased_at=now
                    )
                )
                return False
            conn.execute(
                update(keys)
                .where(keys.c.conversation_id == conversation_id)
                .values(wrapped_key=None, salt=None, erased_at=now)
            )
            return existing.wrapped_key is not None

    def conversations_older_than(self, cutoff: datetime) -> list[str]:
        """Conversations not yet erased whose key was created before `cutoff` (retention)."""
        keys = self._tables.conversation_keys
        with self._engine.connect() as conn:
            rows = conn.execute(
                select(keys.c.conversation_id)
                .where(keys.c.created_at < cutoff, keys.c.erased_at.is_(None))
                .order_by(keys.c.created_at)
            ).all()
        return [row.conversation_id for row in rows]

    def _stored_key(self, conn: Connection, conversation_id: str) -> ConversationKey | None:
        row = self._key_row(conn, conversation_id)
        return None if row is None else self._open_row(conversation_id, row)

    def _key_row(self, conn: Connection, conversation_id: str) -> _KeyRow | None:
        keys = self._tables.conversation_keys
        row = conn.execute(
            select(keys.c.wrapped_key, keys.c.salt, keys.c.erased_at).where(
                keys.c.conversation_id == conversation_id
            )
        ).first()
        return None if row is None else _KeyRow(row.wrapped_key, row.salt, row.erased_at)

    def rewrap(self, new_master_key: bytes) -> int:
        """Wrap every conversation key under `new_master_key` instead, in one transaction.

        Key rotation: the texts stay as they are (their keys do not change), only the wrapping
        does; a key that does not open with the current master key raises `VaultKeyMismatch`
        and nothing changes. Returns how many keys were re-wrapped (erased ones have none).
        """
        if len(new_master_key) != MASTER_KEY_SIZE:
            raise ValueError("the vault master key must be 32 bytes")
        new = AESGCM(new_master_key)
        keys = self._tables.conversation_keys
        with self._engine.begin() as conn:
            rows = conn.execute(
                select(keys.c.conversation_id, keys.c.wrapped_key).where(
                    keys.c.wrapped_key.is_not(None)
                )
            ).all()
            for conversation_id, wrapped in rows:
                key = self._unwrap(conversation_id, bytes(wrapped))
                nonce = os.urandom(_NONCE_SIZE)
                conn.execute(
                    update(keys)
                    .where(keys.c.conversation_id == conversation_id)
                    .values(wrapped_key=nonce + new.encrypt(nonce, key, conversation_id.encode()))
                )
        return len(rows)

    def _unwrap(self, conversation_id: str, wrapped: bytes) -> bytes:
        try:
            return self._master.decrypt(
                wrapped[:_NONCE_SIZE], wrapped[_NONCE_SIZE:], conversation_id.encode()
            )
        except InvalidTag as error:
            raise VaultKeyMismatch("conversation key does not open with this master key") from error


def _chunks(values: list[str], size: int = 500) -> Iterator[list[str]]:
    # Bounded IN lists: SQLite caps the number of bound parameters per statement.
    for start in range(0, len(values), size):
        yield values[start : start + size]
