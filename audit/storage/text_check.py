"""`audit verify --texts`: every stored text opens and matches its entry's commitment.

Operator-side (it needs the vault master key). The log entries are the reference: each
entry with a `text_commitment` must have exactly one stored text, sealed to that entry's
conversation and index, whose words hash to the commitment with the conversation's
salt; an erased conversation must have none left, and no text may be stored for an
entry that logs none. Changed, swapped, moved, missing or extra ciphertexts are named
by the first bad entry index.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice

from audit.entries import commitment
from audit.storage.log_reader import LogReader
from audit.storage.vault import (
    ConversationKey,
    SealedText,
    TextDoesNotOpen,
    Vault,
    VaultKeyMismatch,
)

# Entries checked per round trip for keys and texts.
TEXT_BATCH = 5_000


@dataclass(frozen=True)
class TextReport:
    ok: bool
    problem: str | None
    first_bad_index: int | None
    texts_checked: int
    erased_entries: int


class _Bad(Exception):
    def __init__(self, index: int, problem: str) -> None:
        super().__init__(problem)
        self.index = index


def check_texts(
    log: LogReader,
    vault: Vault,
    *,
    progress: Callable[[int], None] | None = None,
    batch: int = TEXT_BATCH,
) -> TextReport:
    """Decrypt every stored text and check it against its entry's commitment."""
    checked = erased = 0
    entries = log.entries()
    end = 0
    try:
        while chunk := list(islice(entries, batch)):
            start, end = chunk[0][0], chunk[-1][0] + 1
            done = _check_chunk(chunk, vault.sealed_texts(start, end), vault)
            checked, erased = checked + done[0], erased + done[1]
            if progress is not None:
                progress(end)
        extra = vault.sealed_texts(end, None)
        if extra:
            raise _Bad(
                extra[0].entry_index,
                f"a text is stored for entry {extra[0].entry_index}, which is not in the log",
            )
    except _Bad as bad:
        return TextReport(False, str(bad), bad.index, checked, erased)
    return TextReport(True, None, None, checked, erased)


def _check_chunk(
    chunk: list[tuple[int, bytes]], sealed: list[SealedText], vault: Vault
) -> tuple[int, int]:
    """(texts checked, entries of erased conversations) for one run of entries; raises `_Bad`."""
    parsed = [(index, _parse(index, data)) for index, data in chunk]
    keys = _keys(parsed, vault)
    stored = _by_index(sealed)
    checked = erased = 0
    for index, entry in parsed:
        text = stored.pop(index, None)
        logged = entry.get("text_commitment")
        if logged is None:
            if text is not None:
                raise _Bad(index, f"entry {index} logs no text, but a text is stored for it")
            continue
        conversation = str(entry["conversation"])
        if conversation not in keys:
            raise _Bad(index, f"entry {index} logs a text, but its conversation has no key")
        key = keys[conversation]
        if key is None:
            if text is not None:
                raise _Bad(index, f"entry {index}: its conversation was erased, yet a text remains")
            erased += 1
            continue
        _check_one(index, conversation, str(logged), key, text, vault)
        checked += 1
    if stored:
        first = min(stored)
        raise _Bad(first, f"a text is stored for entry {first}, which is not in the log")
    return checked, erased


def _keys(
    parsed: list[tuple[int, dict[str, object]]], vault: Vault
) -> dict[str, ConversationKey | None]:
    with_text = [(index, str(e["conversation"])) for index, e in parsed if "text_commitment" in e]
    try:
        return vault.read_keys(conversation for _, conversation in with_text)
    except VaultKeyMismatch:
        # Name the first entry whose conversation key does not open.
        for index, conversation in with_text:
            try:
                vault.read_keys([conversation])
            except VaultKeyMismatch as error:
                raise _Bad(
                    index,
                    f"the key of entry {index}'s conversation does not open with this vault "
                    "key (a wrong vault key, or a changed wrapped key)",
                ) from error
        raise


def _parse(index: int, data: bytes) -> dict[str, object]:
    try:
        entry = json.loads(data)
    except ValueError as error:
        raise _Bad(index, f"entry {index} is not JSON; run `audit verify` first") from error
    if not isinstance(entry, dict):
        raise _Bad(index, f"entry {index} is not a JSON object; run `audit verify` first")
    return entry


def _by_index(sealed: list[SealedText]) -> dict[int, SealedText]:
    found: dict[int, SealedText] = {}
    for text in sealed:
        if text.entry_index in found:  # the column is unique; a copy means a damaged table
            raise _Bad(text.entry_index, f"two texts are stored for entry {text.entry_index}")
        found[text.entry_index] = text
    return found


def _check_one(
    index: int,
    conversation: str,
    logged: str,
    key: ConversationKey,
    text: SealedText | None,
    vault: Vault,
) -> None:
    if text is None:
        raise _Bad(index, f"the text of entry {index} is missing from the vault")
    if text.conversation_id != conversation:
        raise _Bad(index, f"the text of entry {index} is stored under another conversation")
    try:
        words = vault.open_text(key, conversation, index, text.nonce, text.ciphertext)
    except TextDoesNotOpen as error:
        raise _Bad(index, str(error)) from error
    if commitment(key.salt, words) != logged:
        raise _Bad(index, f"the text of entry {index} does not match its logged commitment")
