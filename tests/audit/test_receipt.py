"""Receipts: built from stored checkpoints only, and binding every entry and text (issue 11)."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, text

from audit.note import generate_signer
from audit.receipt import ReceiptError, ReceiptNotReady, receipt_for, verify_receipt
from audit.sink import AuditEvent
from audit.storage.log import TransparencyLog
from audit.storage.vault import Vault
from tests.schema import log_tables

ORIGIN = "city.example/audit"


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = datetime(2026, 8, 2, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def make_log(
    engine: Engine, clock: Callable[[], datetime] = lambda: datetime.now(UTC)
) -> TransparencyLog:
    return TransparencyLog(
        engine,
        generate_signer(ORIGIN),
        ORIGIN,
        Vault(engine, os.urandom(32), tables=log_tables()),
        checkpoint_every=1000,
        checkpoint_interval=timedelta(minutes=5),
        clock=clock,
        tables=log_tables(),
    )


def say(log: TransparencyLog, conversation: str, n: int) -> None:
    log.record([AuditEvent("message", conversation, {"n": n}, f"words number {n}")])


def count_checkpoints(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.execute(text("SELECT count(*) FROM audit_checkpoints")).scalar_one())


def signed_log(engine: Engine, size: int = 9) -> TransparencyLog:
    log = make_log(engine)
    for i in range(size):
        say(log, f"conv-{i % 4}", i)
    log.checkpoint()
    return log


def test_receipt_round_trip(engine: Engine) -> None:
    log = signed_log(engine)
    receipt = receipt_for(log, "conv-1")
    report = verify_receipt(receipt, log.verifier_key)
    assert report.ok, report.problem
    assert (report.conversation, report.entries, report.tree_size) == ("conv-1", 2, 9)
    document = json.loads(receipt)
    assert [(e["index"], e["text"]) for e in document["entries"]] == [
        (1, "words number 1"),
        (5, "words number 5"),
    ]
    assert document["conversation_entries"] == 2 and document["not_yet_signed"] == 0


def test_a_receipt_request_never_signs(engine: Engine) -> None:
    log = signed_log(engine)
    before = count_checkpoints(engine)
    say(log, "conv-1", 9)  # after the checkpoint, not yet due: stays unsigned
    assert count_checkpoints(engine) == before
    receipt = json.loads(receipt_for(log, "conv-1"))
    assert count_checkpoints(engine) == before
    # The newest stored checkpoint, covered entries only, and a count of the rest.
    assert receipt["checkpoint"] == log.latest_checkpoint()
    assert [e["index"] for e in receipt["entries"]] == [1, 5]
    assert [json.loads(e["entry"])["seq"] for e in receipt["entries"]] == [0, 1]
    assert receipt["not_yet_signed"] == 1
    assert verify_receipt(json.dumps(receipt), log.verifier_key).ok


def test_no_covering_checkpoint_says_when_to_come_back(engine: Engine) -> None:
    clock = Clock()
    log = make_log(engine, clock)
    say(log, "first", 0)  # the first append signs a checkpoint (of size 1)
    clock.now += timedelta(minutes=2)
    say(log, "late", 1)
    before = count_checkpoints(engine)
    with pytest.raises(ReceiptNotReady) as caught:
        receipt_for(log, "late")
    # Due 3 minutes from now; the app's checkpoint task runs every interval (5 minutes).
    assert caught.value.retry_after == timedelta(minutes=8)
    assert isinstance(caught.value, ReceiptError)  # old callers still catch it
    assert count_checkpoints(engine) == before
    clock.now += timedelta(minutes=20)  # the app was down: never less than a second
    assert log.time_to_next_checkpoint() == timedelta(seconds=1)
    assert log.checkpoint_if_due() is not None  # the log's own schedule
    assert verify_receipt(receipt_for(log, "late"), log.verifier_key).ok


def test_nothing_logged_is_a_receipt_error(engine: Engine) -> None:
    log = signed_log(engine, 2)
    with pytest.raises(ReceiptError):
        receipt_for(log, "nobody")


def problem(document: dict[str, object], log: TransparencyLog) -> str:
    report = verify_receipt(json.dumps(document), log.verifier_key)
    assert not report.ok
    return str(report.problem)


def test_the_salt_is_required(engine: Engine) -> None:
    log = signed_log(engine)
    document = json.loads(receipt_for(log, "conv-1"))
    del document["salt"]
    assert "no salt" in problem(document, log)
    for item in document["entries"]:
        del item["text"]
    assert "no salt" in problem(document, log)


def test_each_text_is_tied_to_its_entry(engine: Engine) -> None:
    log = signed_log(engine)
    receipt = receipt_for(log, "conv-1")
    document = json.loads(receipt)
    first, second = document["entries"]
    first["text"], second["text"] = second["text"], first["text"]
    assert "entry 1 does not match" in problem(document, log)
    document = json.loads(receipt)
    document["entries"][0]["text"] = "words number 2"
    assert "entry 1 does not match" in problem(document, log)
    document = json.loads(receipt)
    del document["entries"][1]["text"]
    assert "entry 5 logs a text" in problem(document, log)


def test_dropped_or_reordered_entries_fail(engine: Engine) -> None:
    log = signed_log(engine)
    receipt = receipt_for(log, "conv-1")
    document = json.loads(receipt)
    del document["entries"][0]
    assert "entries were dropped" in problem(document, log)
    del document["conversation_entries"]
    assert "entries were dropped" in problem(document, log)
    document = json.loads(receipt)
    del document["entries"][0]
    document["conversation_entries"] = 1  # the count edited to match: seq still tells
    assert "entries were dropped" in problem(document, log)
    document = json.loads(receipt)
    document["entries"].reverse()
    assert "out of order" in problem(document, log)
    document = json.loads(receipt)
    document["entries"][1] = document["entries"][0]
    assert "listed twice" in problem(document, log)


def test_tampered_entries_keys_and_formats_fail(engine: Engine) -> None:
    log = signed_log(engine)
    receipt = receipt_for(log, "conv-1")
    document = json.loads(receipt)
    document["entries"][0]["entry"] = document["entries"][0]["entry"].replace('"n":1', '"n":2')
    assert "not in the signed tree" in problem(document, log)
    other = generate_signer(ORIGIN).verifier().to_string()
    assert "not signed by the trusted log key" in str(verify_receipt(receipt, other).problem)
    document = json.loads(receipt)
    document["format"] = "opencounter-receipt/v1"
    assert "download a new receipt" in problem(document, log)
    assert not verify_receipt("{}", log.verifier_key).ok
    assert not verify_receipt("not json", log.verifier_key).ok


def test_receipt_after_signed_erasure_verifies_without_texts(engine: Engine) -> None:
    log = signed_log(engine, 6)
    log.erase("conv-2")
    with pytest.raises(ReceiptNotReady):  # the erasure entry is not signed yet
        receipt_for(log, "conv-2")
    log.checkpoint()
    receipt = json.loads(receipt_for(log, "conv-2"))
    assert "salt" not in receipt and all("text" not in e for e in receipt["entries"])
    report = verify_receipt(json.dumps(receipt), log.verifier_key)
    assert report.ok and report.entries == 2  # entry 2 and the erasure entry
    receipt["entries"][0]["text"] = "words number 2"
    assert "texts but no salt" in problem(receipt, log)
