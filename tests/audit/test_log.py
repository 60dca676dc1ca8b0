"""TransparencyLog on SQLite and PostgreSQL: appends, proofs, checkpoints, erasure."""

from __future__ import annotations

import json
import os
import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, create_engine, text

from audit.checkpoint import generate_cosigner, open_checkpoint
from audit.entries import InvalidEntry, commitment, decode_entry
from audit.merkle import MemoryTree, leaf_hash, verify_consistency, verify_inclusion
from audit.note import generate_signer, parse_verifier_key, sign_note
from audit.sink import AuditEvent, AuditSink, LogUnavailable
from audit.storage.log import TransparencyLog
from audit.storage.vault import Vault
from tests.schema import create_schema, log_tables

ORIGIN = "city.example/audit"


class Clock:
    """A settable clock so checkpoint timing is decided by the test, not the wall."""

    def __init__(self) -> None:
        self.now = datetime(2026, 8, 2, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def make_log(engine: Engine, clock: Clock | None = None, every: int = 1000) -> TransparencyLog:
    vault = Vault(engine, os.urandom(32), tables=log_tables())
    return TransparencyLog(
        engine,
        generate_signer(ORIGIN),
        ORIGIN,
        vault,
        clock=clock or Clock(),
        checkpoint_every=every,
        checkpoint_interval=timedelta(minutes=5),
        tables=log_tables(),
    )


def chat(conversation: str, text: str | None = None) -> AuditEvent:
    return AuditEvent("message", conversation, {"language": "en"}, text)


def test_record_appends_in_order_and_proofs_verify(engine: Engine) -> None:
    log = make_log(engine)
    sink: AuditSink = log
    recorded = sink.record([chat("c1", "Where do I renew a passport?"), chat("c2")])
    recorded += sink.record([AuditEvent("kb_version", None, {"version": "2026-08-01"})])
    assert [r.index for r in recorded] == [0, 1, 2]
    assert recorded[0].text_id is not None and recorded[1].text_id is None
    assert log.size() == 3
    tree = MemoryTree()
    for _index, data in log.entries():
        tree.append(leaf_hash(data))
        assert decode_entry(data)["v"] == 1
    assert log.root() == tree.root()
    for index in range(3):
        proof = log.inclusion_proof(index)
        assert verify_inclusion(index, 3, leaf_hash(log.entry(index)), proof, log.root())
    proof = log.consistency_proof(1, 3)
    assert verify_consistency(1, 3, proof, log.root(1), log.root())


def test_entry_holds_a_commitment_not_the_text(engine: Engine) -> None:
    log = make_log(engine)
    secret = "My name is Jane Roe and I live at 1 Main Street"
    recorded = log.record([chat("c1", secret)])[0]
    data = log.entry(recorded.index)
    assert b"Jane" not in data
    entry = json.loads(data)
    vault = log.vault
    salt = vault.salt_for("c1")
    assert salt is not None
    assert entry["text_commitment"] == commitment(salt, secret)
    assert recorded.text_id is not None and vault.get(recorded.text_id) == secret


def test_invalid_event_writes_nothing(engine: Engine) -> None:
    log = make_log(engine)
    with pytest.raises(InvalidEntry):
        log.record([chat("c1", "fine"), AuditEvent("not_a_type", "c1")])
    with pytest.raises(InvalidEntry):
        log.record([AuditEvent("refusal", "c1", {})])  # no reason
    with pytest.raises(InvalidEntry):
        log.record([AuditEvent("message", None, {}, "text without conversation")])
    assert log.size() == 0


def test_checkpoints_every_n_entries_and_after_the_interval(engine: Engine) -> None:
    clock = Clock()
    log = make_log(engine, clock, every=3)
    log.record([chat("c1")])  # first append always checkpoints
    log.record([chat("c1")])
    assert [n.split("\n")[1] for n in log.checkpoints()] == ["1"]
    log.record([chat("c1"), chat("c1")])
    assert [n.split("\n")[1] for n in log.checkpoints()] == ["1", "4"]
    log.record([chat("c1")])
    assert log.checkpoint_if_due() is None
    clock.now += timedelta(minutes=6)
    due = log.checkpoint_if_due()
    assert due is not None and due.split("\n")[1] == "5"
    assert log.checkpoint_if_due() is None
    on_demand = log.checkpoint()
    opened = open_checkpoint(on_demand, parse_verifier_key(log.verifier_key))
    assert opened.checkpoint.size == 5 and opened.checkpoint.root == log.root()
    assert log.latest_checkpoint() == on_demand


def test_cosignatures_are_stored_and_served(engine: Engine) -> None:
    log = make_log(engine)
    log.record([chat("c1")])
    note = log.checkpoint()
    witness = generate_cosigner("ombudsman.example/witness")
    verifier = parse_verifier_key(log.verifier_key)
    opened = open_checkpoint(note, verifier)
    cosigned = sign_note(opened.note.text, [witness], opened.note.verified)
    log.add_cosignature(cosigned, witness.verifier())
    log.add_cosignature(cosigned, witness.verifier())  # idempotent
    served = log.latest_checkpoint()
    assert served is not None
    both = open_checkpoint(served, verifier, [witness.verifier()])
    assert len(both.note.verified) == 2
    stranger = generate_cosigner("someone")
    with pytest.raises(ValueError, match="no valid cosignature"):
        log.add_cosignature(cosigned, stranger.verifier())


def test_erase_shreds_text_and_logs_erasure(engine: Engine) -> None:
    log = make_log(engine)
    first = log.record([chat("c1", "private words"), chat("c2", "other words")])
    erased = log.erase("c1", "citizen_request")
    vault = log.vault
    assert first[0].text_id is not None and first[1].text_id is not None
    assert vault.get(first[0].text_id) is None
    assert vault.get(first[1].text_id) == "other words"
    assert vault.salt_for("c1") is None
    assert json.loads(log.entry(erased.index))["type"] == "erasure"
    assert [index for index, _ in log.entries_for_conversation("c1")] == [0, 2]
    with pytest.raises(LogUnavailable):
        log.record([chat("c1", "after erasure")])
    assert log.size() == 3


def test_proofs_beyond_the_log_are_rejected(engine: Engine) -> None:
    log = make_log(engine)
    log.record([chat("c1")])
    with pytest.raises(ValueError, match="not 5"):
        log.inclusion_proof(0, 5)
    with pytest.raises(ValueError, match="not 2"):
        log.consistency_proof(1, 2)
    with pytest.raises(IndexError):
        log.entry(3)


def test_signer_must_be_named_after_the_origin(engine: Engine) -> None:
    with pytest.raises(ValueError, match="origin"):
        TransparencyLog(
            engine,
            generate_signer("other"),
            ORIGIN,
            Vault(engine, bytes(32), tables=log_tables()),
            tables=log_tables(),
        )


def test_storage_failure_is_log_unavailable(tmp_path: object) -> None:
    engine = create_engine(f"sqlite:///{tmp_path}/broken.db")
    create_schema(engine)
    log = make_log(engine)
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE audit_nodes"))
    with pytest.raises(LogUnavailable):
        log.record([chat("c1", "words")])
    # The failed batch left nothing behind: no entry, no text, size unchanged.
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM audit_entries")).scalar() == 0
        assert connection.execute(text("SELECT count(*) FROM audit_texts")).scalar() == 0
    assert log.size() == 0
    engine.dispose()


def test_threads_recording_at_once_get_contiguous_adjacent_indices(engine: Engine) -> None:
    log = make_log(engine, every=7)
    log.record([chat("erased-early", "words")])
    log.erase("erased-early")
    results: dict[str, list[list[int]]] = {}
    refused: list[str] = []

    def citizen(name: str) -> None:
        mine: list[list[int]] = []
        for turn in range(10):
            conversation = "erased-early" if name == "t3" and turn == 5 else name
            pair = [chat(conversation, f"{name} asks {turn}"), chat(conversation, "reply")]
            try:
                mine.append([r.index for r in log.record(pair)])
            except LogUnavailable:
                refused.append(f"{name}/{turn}")
        results[name] = mine

    threads = [threading.Thread(target=citizen, args=(f"t{n}",)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert refused == ["t3/5"]  # only the batch for the erased conversation failed
    pairs = [pair for mine in results.values() for pair in mine]
    assert all(second == first + 1 for first, second in pairs)  # a batch stays together
    assert sorted(i for pair in pairs for i in pair) == list(range(2, 2 + 2 * 59))
    for name, mine in results.items():
        for first, _ in mine:
            entry = json.loads(log.entry(first))
            assert entry["conversation"] == name
        assert [p[0] for p in mine] == sorted(p[0] for p in mine)  # each thread in order
    tree = MemoryTree()
    for _index, data in log.entries():
        tree.append(leaf_hash(data))
    assert tree.size == log.size() == 120 and tree.root() == log.root()
    verifier = parse_verifier_key(log.verifier_key)
    for note in log.checkpoints():
        opened = open_checkpoint(note, verifier).checkpoint
        assert opened.root == tree.root(opened.size)
