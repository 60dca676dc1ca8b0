"""Receipts: a conversation's entries, their inclusion proofs and a signed checkpoint.

A citizen downloads one; anyone checks it offline with `verify_receipt`, which needs
only this package and `cryptography`. With the optional salt and texts, the receipt
also shows that the logged commitments are of exactly these words.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from audit.checkpoint import CheckpointError, open_checkpoint
from audit.entries import InvalidEntry, commitment, decode_entry
from audit.merkle import leaf_hash, verify_inclusion
from audit.note import NoteError, Verifier, parse_verifier_key

if TYPE_CHECKING:
    from audit.log import TransparencyLog

RECEIPT_FORMAT = "opencounter-receipt/v1"


class ReceiptError(ValueError):
    """A receipt cannot be built (nothing logged for that conversation)."""


@dataclass(frozen=True)
class ReceiptReport:
    ok: bool
    problem: str | None
    conversation: str | None
    entries: int
    tree_size: int


def receipt_for(log: TransparencyLog, conversation_id: str, *, include_texts: bool = True) -> str:
    """Build the receipt JSON for one conversation, against a fresh checkpoint."""
    note = log.checkpoint()
    size = int(note.split("\n")[1])
    rows = [(i, data) for i, data in log.entries_for_conversation(conversation_id) if i < size]
    if not rows:
        raise ReceiptError(f"nothing is logged for conversation {conversation_id}")
    entries = [
        {
            "index": index,
            "entry": data.decode("utf-8"),
            "inclusion_proof": [
                base64.b64encode(h).decode() for h in log.inclusion_proof(index, size)
            ],
        }
        for index, data in rows
    ]
    receipt: dict[str, object] = {
        "format": RECEIPT_FORMAT,
        "log_key": log.verifier_key,
        "checkpoint": note,
        "conversation": conversation_id,
        "entries": entries,
    }
    salt = log.vault.salt_for(conversation_id) if include_texts else None
    if salt is not None:
        receipt["salt"] = base64.b64encode(salt).decode()
        receipt["texts"] = list(log.vault.texts_for(conversation_id).values())
    return json.dumps(receipt, ensure_ascii=False, indent=2) + "\n"


def verify_receipt(receipt_json: str | bytes, trusted_key: str | Verifier) -> ReceiptReport:
    """Check a receipt against the log key you trust (not the one inside the receipt)."""
    try:
        key = parse_verifier_key(trusted_key) if isinstance(trusted_key, str) else trusted_key
        receipt = json.loads(receipt_json)
        if not isinstance(receipt, dict) or receipt.get("format") != RECEIPT_FORMAT:
            return _bad("not an OpenCounter receipt (format field missing or unknown)")
        opened = open_checkpoint(str(receipt["checkpoint"]), key)
        return _check_entries(receipt, opened.checkpoint.size, opened.checkpoint.root)
    except (CheckpointError, NoteError) as error:
        return _bad(f"the checkpoint is not signed by the trusted log key: {error}")
    except (ValueError, KeyError, TypeError, binascii.Error) as error:
        return _bad(f"the receipt is malformed: {error}")


def _check_entries(receipt: dict[str, object], size: int, root: bytes) -> ReceiptReport:
    conversation = receipt.get("conversation")
    items = receipt["entries"]
    if not isinstance(items, list) or not items:
        return _bad("the receipt holds no entries")
    commitments: set[str] = set()
    for item in items:
        index, data = int(item["index"]), str(item["entry"]).encode("utf-8")
        try:
            entry = decode_entry(data)
        except InvalidEntry as error:
            return _bad(f"entry {index} is not a valid canonical entry: {error}")
        if entry["conversation"] != conversation:
            return _bad(f"entry {index} belongs to another conversation")
        proof = [base64.b64decode(h, validate=True) for h in item["inclusion_proof"]]
        if not verify_inclusion(index, size, leaf_hash(data), proof, root):
            return _bad(f"entry {index} is not in the signed tree of size {size}")
        if isinstance(entry.get("text_commitment"), str):
            commitments.add(str(entry["text_commitment"]))
    problem = _check_texts(receipt, commitments)
    if problem is not None:
        return _bad(problem)
    name = conversation if isinstance(conversation, str) else None
    return ReceiptReport(True, None, name, len(items), size)


def _check_texts(receipt: dict[str, object], commitments: set[str]) -> str | None:
    if "salt" not in receipt:
        return None
    salt = base64.b64decode(str(receipt["salt"]), validate=True)
    texts = receipt.get("texts", [])
    if not isinstance(texts, list):
        return "texts must be a list"
    for text in texts:
        if commitment(salt, str(text)) not in commitments:
            return f"a text in the receipt matches no logged commitment: {str(text)[:40]!r}"
    return None


def _bad(problem: str) -> ReceiptReport:
    return ReceiptReport(False, problem, None, 0, 0)
