"""Receipts: a conversation's entries, their texts, inclusion proofs and a signed checkpoint.

A citizen downloads one; anyone checks it offline with `verify_receipt`, which needs
only this package and `cryptography`.

What a receipt binds (format v2):
- the newest checkpoint the log had already signed: building a receipt never signs
  one, so an anonymous request never makes the log write. Entries newer than that
  checkpoint are left out and only counted (`not_yet_signed`); `ReceiptNotReady`
  says when to come back if none of the conversation's entries is signed yet;
- every entry of the conversation in that signed tree, in index order, and their
  number (`conversation_entries`). Each entry carries its signed place in the
  conversation (`seq`), so a receipt with entries dropped no longer verifies, even with
  its count edited to match (the last entries excepted: offline, nothing shows that the
  conversation did not go on; the stated count is the operator's word for that);
- each entry's own text next to it, checked against that entry's commitment with the
  conversation's salt. The salt is required: only a receipt that shows the signed
  erasure entry of its conversation may go without salt and texts.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import timedelta
from itertools import pairwise
from typing import Protocol

from audit.checkpoint import CheckpointError, open_checkpoint
from audit.entries import InvalidEntry, commitment, decode_entry
from audit.merkle import leaf_hash, verify_inclusion
from audit.note import NoteError, Verifier, parse_verifier_key

RECEIPT_FORMAT = "opencounter-receipt/v2"
_OLD_FORMATS = frozenset({"opencounter-receipt/v1"})


class ReceiptError(ValueError):
    """A receipt cannot be built (nothing logged for that conversation)."""


class ReceiptNotReady(ReceiptError):
    """None of the conversation's entries is in a signed checkpoint yet: come back later.

    `retry_after` (at least a second) is at most how long until the log's own schedule
    signs the entries not yet covered (`TransparencyLog.time_to_next_checkpoint`).
    """

    def __init__(self, message: str, retry_after: timedelta) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class ConversationTexts(Protocol):
    """The text vault as a receipt reads it (`audit.storage.vault.Vault` is one)."""

    def opened_conversation(self, conversation_id: str) -> tuple[bytes, dict[int, str]] | None:
        """The conversation's salt and its texts by leaf index; None once erased."""
        ...


class IssuingLog(Protocol):
    """What a receipt reads of the issuing log (`audit.storage.log.TransparencyLog` is one).

    Named here, not imported, so the verifier's modules need nothing of the storage side.
    """

    @property
    def verifier_key(self) -> str: ...

    @property
    def vault(self) -> ConversationTexts: ...

    def entries_for_conversation(self, conversation_id: str) -> list[tuple[int, bytes]]: ...

    def latest_checkpoint(self) -> str | None: ...

    def time_to_next_checkpoint(self) -> timedelta: ...

    def inclusion_proof(self, index: int, size: int | None = None) -> list[bytes]: ...


@dataclass(frozen=True)
class ReceiptReport:
    ok: bool
    problem: str | None
    conversation: str | None
    entries: int
    tree_size: int


def receipt_for(log: IssuingLog, conversation_id: str) -> str:
    """The receipt JSON for one conversation, against the newest stored checkpoint.

    Reads only: raises `ReceiptError` when nothing is logged for the conversation and
    `ReceiptNotReady` (a `ReceiptError`) when no stored checkpoint covers any of its
    entries, or its erasure is not signed yet.
    """
    rows = log.entries_for_conversation(conversation_id)
    if not rows:
        raise ReceiptError(f"nothing is logged for conversation {conversation_id}")
    note = log.latest_checkpoint()
    size = 0 if note is None else int(note.split("\n")[1])
    covered = [(index, data) for index, data in rows if index < size]
    if note is None or not covered:
        raise ReceiptNotReady(
            "no signed checkpoint covers this conversation yet", log.time_to_next_checkpoint()
        )
    opened = log.vault.opened_conversation(conversation_id)
    erasure_signed = any(_is_erasure(data) for _, data in covered)
    if opened is None and not erasure_signed:
        # Erased, but the erasure entry is newer than the checkpoint: without the salt
        # the covered texts cannot be shown, and without the entry nothing says why.
        raise ReceiptNotReady(
            "the conversation's erasure is not signed yet", log.time_to_next_checkpoint()
        )
    texts = {} if opened is None else opened[1]
    entries: list[dict[str, object]] = []
    for index, data in covered:
        item: dict[str, object] = {
            "index": index,
            "entry": data.decode("utf-8"),
            "inclusion_proof": [
                base64.b64encode(h).decode() for h in log.inclusion_proof(index, size)
            ],
        }
        if index in texts:
            item["text"] = texts[index]
        entries.append(item)
    receipt: dict[str, object] = {
        "format": RECEIPT_FORMAT,
        "log_key": log.verifier_key,
        "checkpoint": note,
        "conversation": conversation_id,
        "conversation_entries": len(covered),
        "not_yet_signed": len(rows) - len(covered),
        "entries": entries,
    }
    if opened is not None:
        receipt["salt"] = base64.b64encode(opened[0]).decode()
    return json.dumps(receipt, ensure_ascii=False, indent=2) + "\n"


def _is_erasure(data: bytes) -> bool:
    return bool(json.loads(data).get("type") == "erasure")


def verify_receipt(receipt_json: str | bytes, trusted_key: str | Verifier) -> ReceiptReport:
    """Check a receipt against the log key you trust (not the one inside the receipt)."""
    try:
        key = parse_verifier_key(trusted_key) if isinstance(trusted_key, str) else trusted_key
        receipt = json.loads(receipt_json)
        if not isinstance(receipt, dict):
            return _bad("not an OpenCounter receipt (format field missing or unknown)")
        if receipt.get("format") in _OLD_FORMATS:
            return _bad(
                f"a {receipt['format']} receipt binds its texts too weakly to be checked; "
                "download a new receipt"
            )
        if receipt.get("format") != RECEIPT_FORMAT:
            return _bad("not an OpenCounter receipt (format field missing or unknown)")
        opened = open_checkpoint(str(receipt["checkpoint"]), key)
        return _check_entries(receipt, opened.checkpoint.size, opened.checkpoint.root)
    except (CheckpointError, NoteError) as error:
        return _bad(f"the checkpoint is not signed by the trusted log key: {error}")
    except (ValueError, KeyError, TypeError, binascii.Error) as error:
        return _bad(f"the receipt is malformed: {error}")


class _Invalid(Exception):
    """Why a receipt does not verify (turned into a report by `verify_receipt`)."""


def _check_entries(receipt: dict[str, object], size: int, root: bytes) -> ReceiptReport:
    conversation = receipt.get("conversation")
    items = receipt["entries"]
    if not isinstance(items, list) or not items:
        return _bad("the receipt holds no entries")
    stated = receipt.get("conversation_entries")
    if not isinstance(stated, int) or isinstance(stated, bool) or stated != len(items):
        return _bad(
            f"the receipt states {stated!r} entries of the conversation but lists {len(items)}: "
            "entries were dropped or added"
        )
    try:
        entries = _signed_entries(items, conversation, size, root)
        _check_texts(receipt, entries)
    except _Invalid as error:
        return _bad(str(error))
    name = conversation if isinstance(conversation, str) else None
    return ReceiptReport(True, None, name, len(items), size)


_Listed = list[tuple[int, dict[str, object], dict[str, object]]]


def _signed_entries(
    items: list[dict[str, object]], conversation: object, size: int, root: bytes
) -> _Listed:
    """(index, entry, receipt item) of each listed entry, checked to be in the signed tree."""
    entries: _Listed = []
    indices = [int(str(item["index"])) for item in items]
    for previous, index in pairwise(indices):
        if index <= previous:
            raise _Invalid(f"entry {index} is out of order or listed twice")
    for index, item in zip(indices, items, strict=True):
        data = str(item["entry"]).encode("utf-8")
        try:
            entry = decode_entry(data)
        except InvalidEntry as error:
            raise _Invalid(f"entry {index} is not a valid canonical entry: {error}") from error
        if entry["conversation"] != conversation:
            raise _Invalid(f"entry {index} belongs to another conversation")
        # `seq` is signed with the entry: a gap means entries of the conversation are missing.
        if entry.get("seq") != len(entries):
            raise _Invalid(
                f"entry {index} is the conversation's entry #{entry.get('seq')}, but the "
                f"receipt lists it as #{len(entries)}: entries were dropped"
            )
        hashes = item["inclusion_proof"]
        if not isinstance(hashes, list):
            raise _Invalid(f"the inclusion proof of entry {index} is not a list")
        proof = [base64.b64decode(str(h), validate=True) for h in hashes]
        if not verify_inclusion(index, size, leaf_hash(data), proof, root):
            raise _Invalid(f"entry {index} is not in the signed tree of size {size}")
        entries.append((index, entry, item))
    return entries


def _check_texts(receipt: dict[str, object], entries: _Listed) -> None:
    """Each entry's text against its own commitment; raises `_Invalid`."""
    if "salt" not in receipt:
        if not any(entry["type"] == "erasure" for _, entry, _ in entries):
            raise _Invalid(
                "the receipt has no salt, so its texts cannot be checked; only a receipt "
                "showing the conversation's signed erasure may go without"
            )
        if any("text" in item for _, _, item in entries):
            raise _Invalid("the receipt carries texts but no salt to check them with")
        return
    salt = base64.b64decode(str(receipt["salt"]), validate=True)
    for index, entry, item in entries:
        logged = entry.get("text_commitment")
        text = item.get("text")
        if logged is None and text is not None:
            raise _Invalid(f"entry {index} logs no text, but the receipt gives it one")
        if logged is not None and not isinstance(text, str):
            raise _Invalid(f"entry {index} logs a text, but the receipt does not give it")
        if logged is not None and commitment(salt, str(text)) != logged:
            raise _Invalid(f"the text of entry {index} does not match its logged commitment")


def _bad(problem: str) -> ReceiptReport:
    return ReceiptReport(False, problem, None, 0, 0)
