"""The tamper suite (issue 11): every kind of tampering with a stored log is caught and named.

Each case changes a copy of the log the way a careless or a dishonest operator could
(the entries, the stored tree nodes, the saved compact range, the state row, the
checkpoints), then verifies it as an oversight body would: from the database alone,
with the log key it was given, optionally with a checkpoint it saw earlier. Each must
fail with its named fault and the exact first bad index (None where no entry is to
blame). "Resealed" cases are the dishonest ones: the forger also recomputes every
stored node and the saved range, so only a signature can catch them.

Changed or swapped ciphertexts are not part of the tree: `audit verify --texts`
(audit/storage/text_check.py, operator-side) names them, tested at the end of this file.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from audit.bundle import Bundle, export_bundle
from audit.checkpoint import (
    CosignatureSigner,
    generate_cosigner,
    parse_checkpoint,
    sign_checkpoint,
)
from audit.checkpoint_chain import note_text
from audit.faults import Fault
from audit.merkle import MemoryTree, leaf_hash
from audit.note import Ed25519Signer, generate_signer, parse_verifier_key
from audit.sink import AuditEvent, LogUnavailable
from audit.storage.log import TransparencyLog
from audit.storage.log_reader import LogReader
from audit.storage.signing import TreeMismatch
from audit.storage.text_check import check_texts
from audit.storage.vault import Vault
from audit.verify import CHUNK, VerifyReport, verify_log
from tests.schema import log_tables

ORIGIN = "city.example/audit"
SIZE = 23  # checkpoints at sizes 1, 6, 11, 16, 21; entries 21 and 22 not yet signed
SIGNED = 21


def ticking_clock() -> Callable[[], datetime]:
    """A clock one second further on each call: every entry has its own time."""
    moments = (datetime(2026, 8, 2, tzinfo=UTC) + timedelta(seconds=n) for n in range(10**6))
    return lambda: next(moments)


@dataclass
class Logged:
    engine: Engine
    log: TransparencyLog
    signer: Ed25519Signer
    witness: CosignatureSigner
    notes: list[str] = field(default_factory=list)


@pytest.fixture
def logged(engine: Engine) -> Logged:
    signer = generate_signer(ORIGIN)
    log = TransparencyLog(
        engine,
        signer,
        ORIGIN,
        Vault(engine, os.urandom(32), tables=log_tables()),
        clock=ticking_clock(),
        checkpoint_every=5,
        checkpoint_interval=timedelta(days=1),
        tables=log_tables(),
    )
    for n in range(SIZE):
        log.record([AuditEvent("message", f"conv-{n % 4}", {"n": n}, f"words number {n}")])
    notes = log.checkpoints()
    assert [parse_checkpoint(note_text(n)).size for n in notes] == [1, 6, 11, 16, 21]
    return Logged(engine, log, signer, generate_cosigner("ombudsman.example/w"), notes)


def check(
    logged: Logged, *, seen: tuple[str, ...] = (), require_signed: bool = False
) -> Iterator[VerifyReport]:
    """Verify from the database alone, with chunks that cross every boundary and one chunk."""
    key = parse_verifier_key(logged.log.verifier_key)
    for chunk in (4, CHUNK):
        yield verify_log(
            LogReader(logged.engine, tables=log_tables()),
            key,
            witnesses=[logged.witness.verifier()],
            seen=seen,
            require_signed=require_signed,
            chunk_size=chunk,
        )


# -- what a forger does to the tables ---------------------------------------------------


def rows(engine: Engine) -> list[tuple[bytes, str | None]]:
    with engine.begin() as conn:
        found = conn.execute(
            text("SELECT data, conversation_id FROM audit_entries ORDER BY idx")
        ).all()
    return [(bytes(row.data), row.conversation_id) for row in found]


def write_rows(engine: Engine, new: list[tuple[bytes, str | None]], start: int = 0) -> None:
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_entries"))
        conn.execute(
            text("INSERT INTO audit_entries (idx, data, conversation_id) VALUES (:i, :d, :c)"),
            [{"i": start + i, "d": d, "c": c} for i, (d, c) in enumerate(new)],
        )


def rewrite(engine: Engine, index: int, old: bytes, new: bytes) -> None:
    current = rows(engine)
    data, column = current[index]
    assert old in data
    current[index] = (data.replace(old, new), column)
    write_rows(engine, current)


def reseal(engine: Engine, checkpoint_size: int | None = None) -> None:
    """Recompute every stored node and the state row from the entries, as a forger would."""
    tree = MemoryTree()
    for data, _ in rows(engine):
        tree.append(leaf_hash(data))
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_nodes"))
        conn.execute(
            text("INSERT INTO audit_nodes (level, idx, hash) VALUES (:l, :i, :h)"),
            [
                {"l": level, "i": index, "h": value}
                for level, values in enumerate(tree.levels)
                for index, value in enumerate(values)
            ],
        )
        conn.execute(
            text("UPDATE audit_state SET size = :s, compact_range = :r WHERE id = 1"),
            {"s": tree.size, "r": tree.compact.to_bytes()},
        )
        if checkpoint_size is not None:
            conn.execute(
                text("UPDATE audit_state SET checkpoint_size = :s WHERE id = 1"),
                {"s": checkpoint_size},
            )


def flip(value: bytes) -> bytes:
    return bytes([value[0] ^ 1]) + value[1:]


def corrupt_node(engine: Engine, level: int, index: int) -> None:
    with engine.begin() as conn:
        value = conn.execute(
            text("SELECT hash FROM audit_nodes WHERE level = :l AND idx = :i"),
            {"l": level, "i": index},
        ).scalar_one()
        conn.execute(
            text("UPDATE audit_nodes SET hash = :h WHERE level = :l AND idx = :i"),
            {"h": flip(bytes(value)), "l": level, "i": index},
        )


def state(engine: Engine, **values: object) -> None:
    assignments = ", ".join(f"{name} = :{name}" for name in values)
    with engine.begin() as conn:
        conn.execute(text(f"UPDATE audit_state SET {assignments} WHERE id = 1"), values)


def checkpoint_rows(engine: Engine) -> list[int]:
    with engine.begin() as conn:
        return [
            int(r[0]) for r in conn.execute(text("SELECT id FROM audit_checkpoints ORDER BY id"))
        ]


def delete_checkpoint(engine: Engine, position: int) -> None:
    row = checkpoint_rows(engine)[position]
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_cosignatures WHERE checkpoint_id = :i"), {"i": row})
        conn.execute(text("DELETE FROM audit_checkpoints WHERE id = :i"), {"i": row})


def replace_checkpoint(engine: Engine, position: int, note: str) -> None:
    row = checkpoint_rows(engine)[position]
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE audit_checkpoints SET note = :n WHERE id = :i"), {"n": note, "i": row}
        )


def resign(note: str, signer: Ed25519Signer, root: bytes | None = None) -> str:
    """The same checkpoint text (or another root) signed by `signer`."""
    checkpoint = parse_checkpoint(note_text(note))
    if root is not None:
        checkpoint = type(checkpoint)(
            checkpoint.origin, checkpoint.size, root, checkpoint.extensions
        )
    return sign_checkpoint(checkpoint, signer)


def cut_back_to(engine: Engine, size: int) -> None:
    """Roll the whole log back to `size` entries: entries, checkpoints after it, nodes, state."""
    write_rows(engine, rows(engine)[:size])
    with engine.begin() as conn:
        for row_id, note in conn.execute(text("SELECT id, note FROM audit_checkpoints")).all():
            if parse_checkpoint(note_text(str(note))).size > size:
                conn.execute(text("DELETE FROM audit_checkpoints WHERE id = :i"), {"i": row_id})
    reseal(engine, checkpoint_size=size)


# -- the cases ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    tamper: Callable[[Logged], object]
    fault: Fault
    index: int | None
    require_signed: bool = False
    seen: Callable[[Logged], tuple[str, ...]] = lambda logged: ()


def in_turn(*steps: Callable[[Logged], object]) -> Callable[[Logged], None]:
    """Tampering in several steps, one after the other (a forger's change, then the reseal)."""

    def tamper(logged: Logged) -> None:
        for step in steps:
            step(logged)

    return tamper


def _swap(engine: Engine, first: int) -> None:
    current = rows(engine)
    current[first], current[first + 1] = current[first + 1], current[first]
    write_rows(engine, current)


def _drop_and_renumber(engine: Engine, index: int) -> None:
    current = rows(engine)
    del current[index]
    write_rows(engine, current)


def _insert(engine: Engine, index: int) -> None:
    current = rows(engine)
    current.insert(index, current[(index + 7) % len(current)])
    write_rows(engine, current)


def _delete_entry_row(engine: Engine, index: int) -> None:
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_entries WHERE idx = :i"), {"i": index})


def _append_copy(engine: Engine) -> None:
    current = rows(engine)
    data, column = current[-1]
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO audit_entries (idx, data, conversation_id) VALUES (:i, :d, :c)"),
            {"i": len(current), "d": data.replace(b'"n":22', b'"n":23'), "c": column},
        )


def _set_time(engine: Engine, index: int, moment: str) -> None:
    current = rows(engine)
    data, column = current[index]
    entry = json.loads(data)
    entry["ts"] = moment
    current[index] = (json.dumps(entry, separators=(",", ":"), sort_keys=True).encode(), column)
    write_rows(engine, current)


def _set_column(engine: Engine, index: int, value: str) -> None:
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE audit_entries SET conversation_id = :c WHERE idx = :i"),
            {"c": value, "i": index},
        )


def _other_key_for_all(logged: Logged) -> None:
    other = generate_signer(ORIGIN)
    for position, note in enumerate(logged.notes):
        replace_checkpoint(logged.engine, position, resign(note, other))


def _fork_signed(logged: Logged) -> None:
    """The operator (who holds the key) rewrites entry 18 and re-signs the newest checkpoint."""
    rewrite(logged.engine, 18, b'"n":18', b'"n":81')
    reseal(logged.engine)
    tree = MemoryTree()
    for data, _ in rows(logged.engine)[:SIGNED]:
        tree.append(leaf_hash(data))
    replace_checkpoint(logged.engine, 4, resign(logged.notes[4], logged.signer, tree.root()))


def _forged_cosignature(logged: Logged) -> None:
    witness = logged.witness
    with logged.engine.begin() as conn:
        row = checkpoint_rows(logged.engine)[2]
        fake = base64.b64encode(witness.key_id + bytes(72)).decode()
        conn.execute(
            text(
                "INSERT INTO audit_cosignatures (checkpoint_id, name, key_id, line, created_at) "
                "VALUES (:c, :n, :k, :l, :t)"
            ),
            {
                "c": row,
                "n": witness.name,
                "k": witness.key_id.hex(),
                "l": f"\u2014 {witness.name} {fake}\n",
                "t": datetime.now(UTC),
            },
        )


def _newest(logged: Logged) -> tuple[str, ...]:
    return (logged.notes[-1],)


CASES: dict[str, Case] = {
    # Entries covered by a signed checkpoint.
    "rewrite a signed entry": Case(
        lambda g: rewrite(g.engine, 7, b'"n":7', b'"n":70'), Fault.ENTRY_CHANGED, 7
    ),
    "rewrite a signed entry, resealed": Case(
        in_turn(lambda g: rewrite(g.engine, 7, b'"n":7', b'"n":70'), lambda g: reseal(g.engine)),
        Fault.CHECKPOINT_ROOT,
        6,
    ),
    "cut a signed entry": Case(lambda g: _delete_entry_row(g.engine, 7), Fault.ENTRY_MISSING, 7),
    "cut a signed entry and renumber": Case(
        lambda g: _drop_and_renumber(g.engine, 7), Fault.ENTRY_CHANGED, 7
    ),
    "add a signed entry": Case(lambda g: _insert(g.engine, 7), Fault.ENTRY_CHANGED, 7),
    "swap two signed entries": Case(lambda g: _swap(g.engine, 7), Fault.ENTRY_CHANGED, 7),
    "entry no longer canonical": Case(
        lambda g: rewrite(g.engine, 9, b'"n":9', b'"n": 9'), Fault.ENTRY_INVALID, 9
    ),
    "time goes back": Case(
        lambda g: _set_time(g.engine, 12, "2026-08-01T00:00:00.000Z"),
        Fault.TIMESTAMP_BACKWARDS,
        12,
    ),
    "conversation column changed": Case(
        lambda g: _set_column(g.engine, 5, "conv-3"), Fault.CONVERSATION_COLUMN, 5
    ),
    # Entries past the newest checkpoint.
    "rewrite an unsigned entry": Case(
        lambda g: rewrite(g.engine, 22, b'"n":22', b'"n":220'), Fault.ENTRY_CHANGED, 22
    ),
    "rewrite an unsigned entry, resealed": Case(
        in_turn(lambda g: rewrite(g.engine, 22, b'"n":22', b'"n":220'), lambda g: reseal(g.engine)),
        Fault.UNSIGNED,
        SIGNED,
        require_signed=True,
    ),
    "cut the unsigned tail": Case(lambda g: _delete_entry_row(g.engine, 22), Fault.STATE_SIZE, 22),
    "cut the unsigned tail, resealed": Case(
        in_turn(lambda g: _delete_entry_row(g.engine, 22), lambda g: reseal(g.engine)),
        Fault.UNSIGNED,
        SIGNED,
        require_signed=True,
    ),
    "add an entry at the end": Case(lambda g: _append_copy(g.engine), Fault.STATE_SIZE, SIZE),
    "add an entry at the end, resealed": Case(
        in_turn(lambda g: _append_copy(g.engine), lambda g: reseal(g.engine)),
        Fault.UNSIGNED,
        SIGNED,
        require_signed=True,
    ),
    "swap two unsigned entries, resealed": Case(
        in_turn(lambda g: _swap(g.engine, 21), lambda g: reseal(g.engine)),
        Fault.TIMESTAMP_BACKWARDS,
        22,
    ),
    # What the operator stores beside the entries.
    "corrupt a leaf hash": Case(lambda g: corrupt_node(g.engine, 0, 7), Fault.STORED_NODE, 7),
    "corrupt an unsigned leaf hash": Case(
        lambda g: corrupt_node(g.engine, 0, 22), Fault.STORED_NODE, 22
    ),
    "corrupt an interior node": Case(lambda g: corrupt_node(g.engine, 2, 1), Fault.STORED_NODE, 4),
    "corrupt a high interior node": Case(
        lambda g: corrupt_node(g.engine, 4, 0), Fault.STORED_NODE, 0
    ),
    "corrupt the saved compact range": Case(
        lambda g: state(g.engine, compact_range=flip(bytes(32 * 4))), Fault.STORED_RANGE, None
    ),
    "change the state size": Case(lambda g: state(g.engine, size=24), Fault.STATE_SIZE, None),
    "shrink the state with a fitting range": Case(
        lambda g: _shrink_state(g.engine, 22), Fault.STATE_SIZE, 22
    ),
    # Checkpoints.
    "delete the first checkpoint": Case(
        lambda g: delete_checkpoint(g.engine, 0), Fault.CHECKPOINT_CHAIN, None
    ),
    "delete a middle checkpoint": Case(
        lambda g: delete_checkpoint(g.engine, 2), Fault.CHECKPOINT_CHAIN, None
    ),
    "delete the last checkpoint": Case(
        lambda g: delete_checkpoint(g.engine, 4), Fault.CHECKPOINT_CHAIN, None
    ),
    "delete the last checkpoint and its trace, seen by a witness": Case(
        in_turn(
            lambda g: delete_checkpoint(g.engine, 4), lambda g: state(g.engine, checkpoint_size=16)
        ),
        Fault.ROLLBACK,
        None,
        seen=_newest,
    ),
    "delete the last checkpoint and its trace, signed entries required": Case(
        in_turn(
            lambda g: delete_checkpoint(g.engine, 4), lambda g: state(g.engine, checkpoint_size=16)
        ),
        Fault.UNSIGNED,
        16,
        require_signed=True,
    ),
    "swap two checkpoints": Case(
        in_turn(
            lambda g: replace_checkpoint(g.engine, 1, g.notes[2]),
            lambda g: replace_checkpoint(g.engine, 2, g.notes[1]),
        ),
        Fault.CHECKPOINT_ORDER,
        None,
    ),
    "replay an old checkpoint as the newest": Case(
        lambda g: replace_checkpoint(g.engine, 4, g.notes[1]), Fault.CHECKPOINT_ORDER, None
    ),
    "cut signed entries at the end, resealed": Case(
        in_turn(lambda g: write_rows(g.engine, rows(g.engine)[:16]), lambda g: reseal(g.engine)),
        Fault.ENTRY_MISSING,
        16,
    ),
    "re-sign a checkpoint with another key": Case(
        lambda g: replace_checkpoint(g.engine, 2, resign(g.notes[2], generate_signer(ORIGIN))),
        Fault.CHECKPOINT_INVALID,
        None,
    ),
    "re-sign every checkpoint with another key": Case(
        _other_key_for_all, Fault.CHECKPOINT_INVALID, None
    ),
    "a forged witness cosignature": Case(_forged_cosignature, Fault.CHECKPOINT_INVALID, None),
    "roll the log back, seen by a witness": Case(
        lambda g: cut_back_to(g.engine, 16), Fault.ROLLBACK, None, seen=_newest
    ),
    "fork the log and re-sign it, seen by a witness": Case(
        _fork_signed, Fault.FORK, 0, seen=_newest
    ),
}


def _shrink_state(engine: Engine, size: int) -> None:
    tree = MemoryTree()
    for data, _ in rows(engine)[:size]:
        tree.append(leaf_hash(data))
    state(engine, size=size, compact_range=tree.compact.to_bytes())


def test_the_intact_log_verifies_and_names_what_is_not_yet_signed(logged: Logged) -> None:
    for report in check(logged, seen=_newest(logged)):
        assert report.ok, report.problem
        assert (report.entries_checked, report.signed_size, report.unsigned) == (SIZE, SIGNED, 2)
        assert report.checkpoints_checked == 5
    for report in check(logged, require_signed=True):
        assert not report.ok and report.fault is Fault.UNSIGNED
        assert report.first_bad_index == SIGNED
        assert "2 entries not yet signed" in str(report.problem)
    logged.log.checkpoint()
    for report in check(logged, require_signed=True):
        assert report.ok and report.unsigned == 0


@pytest.mark.parametrize("kind", list(CASES))
def test_tampering_is_caught_and_named(logged: Logged, kind: str) -> None:
    case = CASES[kind]
    seen = case.seen(logged)
    case.tamper(logged)
    for report in check(logged, seen=seen, require_signed=case.require_signed):
        assert not report.ok, kind
        assert (report.fault, report.first_bad_index) == (case.fault, case.index), report.problem


def test_a_forgery_that_only_a_witness_can_catch_passes_without_one(logged: Logged) -> None:
    """What the suite cannot do without an outside checkpoint, stated as a test."""
    _fork_signed(logged)
    for report in check(logged):
        assert report.ok  # the operator holds the key: only a checkpoint seen earlier helps


def test_a_rolled_back_bundle_fails_against_a_checkpoint_seen_earlier(
    logged: Logged, tmp_path: Path
) -> None:
    key = parse_verifier_key(logged.log.verifier_key)
    export_bundle(logged.log, tmp_path / "old", covering=11)
    export_bundle(logged.log, tmp_path / "new")
    newest = json.loads((tmp_path / "new" / "checkpoints.json").read_text())[-1]
    assert verify_log(Bundle(tmp_path / "new"), key, seen=[newest]).ok
    report = verify_log(Bundle(tmp_path / "old"), key, seen=[newest])
    assert not report.ok and report.fault is Fault.ROLLBACK, report.problem


def test_a_bundle_re_signed_with_another_key_fails_with_the_pinned_key(
    logged: Logged, tmp_path: Path
) -> None:
    key = parse_verifier_key(logged.log.verifier_key)
    export_bundle(logged.log, tmp_path)
    other = generate_signer(ORIGIN)
    notes = json.loads((tmp_path / "checkpoints.json").read_text())
    (tmp_path / "checkpoints.json").write_text(json.dumps([resign(n, other) for n in notes]))
    (tmp_path / "log.pub").write_text(other.verifier().to_string() + "\n")
    report = verify_log(Bundle(tmp_path), key)
    assert not report.ok and report.fault is Fault.CHECKPOINT_INVALID


def test_a_witness_checkpoint_of_another_log_is_refused(logged: Logged) -> None:
    stranger = sign_checkpoint(
        parse_checkpoint(note_text(logged.notes[-1])), generate_signer(ORIGIN)
    )
    for report in check(logged, seen=(stranger,)):
        assert not report.ok and report.fault is Fault.SINCE_INVALID


def test_the_suite_covers_every_kind_the_issue_names() -> None:
    assert len(CASES) >= 26
    named_by_the_issue = {Fault.STORED_NODE, Fault.STORED_RANGE, Fault.STATE_SIZE}
    named_by_the_issue |= {Fault.CHECKPOINT_CHAIN, Fault.ROLLBACK, Fault.FORK, Fault.UNSIGNED}
    named_by_the_issue |= {Fault.TIMESTAMP_BACKWARDS, Fault.CONVERSATION_COLUMN}
    assert named_by_the_issue <= {case.fault for case in CASES.values()}


# -- the log signs only a root it recomputed ---------------------------------------------


@pytest.mark.parametrize(
    "damage",
    [
        lambda g: state(g.engine, compact_range=flip(bytes(32 * 4))),
        lambda g: corrupt_node(g.engine, 4, 0),  # a node the range at size 21 is built from
        lambda g: rewrite(g.engine, 22, b'"n":22', b'"n":220'),  # not signed yet
    ],
    ids=["saved range", "stored node", "unsigned entry"],
)
def test_the_log_refuses_to_sign_a_root_it_cannot_recompute(
    logged: Logged, damage: Callable[[Logged], None]
) -> None:
    damage(logged)
    before = checkpoint_rows(logged.engine)
    with pytest.raises(TreeMismatch):
        logged.log.checkpoint()
    # An append that makes a checkpoint due fails whole (the group commit reports it).
    with pytest.raises(LogUnavailable, match=r"no checkpoint was signed|nodes|entries between"):
        logged.log.record([AuditEvent("message", "conv-9", {"n": n}) for n in range(5)])
    assert checkpoint_rows(logged.engine) == before  # nothing signed, nothing appended
    assert logged.log.size() == SIZE


def test_each_checkpoint_names_the_one_before_it(logged: Logged) -> None:
    texts = [note_text(note) for note in logged.notes]
    assert "previous" not in texts[0]
    for before, after in itertools.pairwise(texts):
        digest = base64.b64encode(hashlib.sha256(before.encode()).digest()).decode()
        size = parse_checkpoint(before).size
        assert parse_checkpoint(after).extensions == (f"previous {size} {digest}",)


def test_an_honest_log_whose_clock_steps_back_still_verifies(engine: Engine) -> None:
    """Entry times must not go back; the log keeps them in order even when its clock does."""
    moments = iter(
        datetime(2026, 8, 2, tzinfo=UTC) + timedelta(seconds=s)
        for s in [10, 10, 20, 20, 5, 5, 30, 30]
    )
    log = TransparencyLog(
        engine,
        generate_signer(ORIGIN),
        ORIGIN,
        Vault(engine, os.urandom(32), tables=log_tables()),
        clock=lambda: next(moments),
        tables=log_tables(),
    )
    for n in range(4):
        log.record([AuditEvent("message", "conv-0", {"n": n})])
    times = [json.loads(data)["ts"] for _, data in log.entries()]
    assert times == sorted(times) and times[2] == times[1]  # held at 20 s, not back to 5 s
    report = verify_log(
        LogReader(engine, tables=log_tables()), parse_verifier_key(log.verifier_key)
    )
    assert report.ok, report.problem


# -- the texts beside the log: `audit verify --texts` (audit/storage/text_check.py) --------------


def _texts(engine: Engine) -> dict[int, tuple[bytes, bytes]]:
    with engine.begin() as conn:
        found = conn.execute(text("SELECT entry_idx, nonce, ciphertext FROM audit_texts")).all()
    return {int(r.entry_idx): (bytes(r.nonce), bytes(r.ciphertext)) for r in found}


def _put_text(engine: Engine, index: int, nonce: bytes, ciphertext: bytes) -> None:
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE audit_texts SET nonce = :n, ciphertext = :c WHERE entry_idx = :i"),
            {"n": nonce, "c": ciphertext, "i": index},
        )


@pytest.mark.parametrize("kind", ["change a ciphertext", "swap two ciphertexts"])
def test_changed_or_swapped_ciphertexts_are_named(logged: Logged, kind: str) -> None:
    assert check_texts(LogReader(logged.engine, tables=log_tables()), logged.log.vault).ok
    stored = _texts(logged.engine)
    if kind == "change a ciphertext":
        nonce, ciphertext = stored[7]
        _put_text(logged.engine, 7, nonce, flip(ciphertext))
        expected = 7
    else:  # entries 4 and 8 belong to the same conversation, sealed under one key
        _put_text(logged.engine, 4, *stored[8])
        _put_text(logged.engine, 8, *stored[4])
        expected = 4
    report = check_texts(LogReader(logged.engine, tables=log_tables()), logged.log.vault)
    assert not report.ok and report.first_bad_index == expected, report.problem
    for verified in check(logged):  # the tree is untouched: texts live beside the log
        assert verified.ok
