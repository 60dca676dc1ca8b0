"""verify_log and export bundles; the mutation test (issue 6). Receipts: test_receipt.py."""

from __future__ import annotations

import functools
import json
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from typer.testing import CliRunner

from audit.bundle import ENTRIES, LEAF_HASHES, Bundle, BundleError, export_bundle
from audit.checkpoint import (
    Checkpoint,
    generate_cosigner,
    open_checkpoint,
    parse_checkpoint,
    sign_checkpoint,
)
from audit.note import generate_signer, parse_verifier_key, sign_note
from audit.sink import AuditEvent
from audit.storage.cli import build_audit_cli
from audit.storage.log import TransparencyLog
from audit.storage.log_reader import LogReader
from audit.storage.store import tune_engine
from audit.storage.vault import Vault
from audit.verify import CHUNK, verify_log
from tests.schema import create_schema, log_tables

ORIGIN = "city.example/audit"
SIZE = 23


def filled_log(engine: Engine, size: int = SIZE) -> TransparencyLog:
    log = TransparencyLog(
        engine,
        generate_signer(ORIGIN),
        ORIGIN,
        Vault(engine, os.urandom(32), tables=log_tables()),
        checkpoint_every=5,
        checkpoint_interval=timedelta(days=1),
        tables=log_tables(),
    )
    for i in range(size):
        conversation = f"conv-{i % 4}"
        log.record([AuditEvent("message", conversation, {"n": i}, f"words number {i}")])
    return log


def test_intact_log_verifies_with_progress(engine: Engine) -> None:
    log = filled_log(engine)
    log.checkpoint()
    seen: list[tuple[int, int]] = []
    report = verify_log(
        log, parse_verifier_key(log.verifier_key), progress=lambda d, t: seen.append((d, t))
    )
    assert report.ok, report.problem
    assert report.entries_checked == SIZE and report.root == log.root()
    assert report.checkpoints_checked == len(log.checkpoints()) >= 5
    assert seen[-1] == (SIZE, SIZE)


def mutate_rows(engine: Engine, kind: str, index: int) -> None:
    """Change the entries table as a careless forger would: rows move with their column."""
    with engine.begin() as conn:
        rows = conn.execute(
            text("SELECT idx, data, conversation_id FROM audit_entries ORDER BY idx")
        ).all()
        data = [(bytes(row.data), row.conversation_id) for row in rows]
        if kind == "change":
            data[index] = (data[index][0].replace(b'"n":', b'"n":1'), data[index][1])
        elif kind == "drop":
            del data[index]
        elif kind == "reorder":
            data[index], data[index + 1] = data[index + 1], data[index]
        else:
            data.insert(index, data[(index + 7) % len(data)])
        conn.execute(text("DELETE FROM audit_entries"))
        conn.execute(
            text("INSERT INTO audit_entries (idx, data, conversation_id) VALUES (:i, :d, :c)"),
            [
                {"i": i if kind != "drop" or i < index else i + 1, "d": d, "c": c}
                for i, (d, c) in enumerate(data)
            ],
        )


@pytest.mark.parametrize("chunk", [3, CHUNK])
@pytest.mark.parametrize("kind", ["change", "drop", "reorder", "insert"])
@pytest.mark.parametrize("index", [0, 4, 5, 11, SIZE - 2])
def test_mutated_database_is_caught_at_that_index(
    engine: Engine, kind: str, index: int, chunk: int
) -> None:
    log = filled_log(engine)
    mutate_rows(engine, kind, index)
    report = verify_log(log, parse_verifier_key(log.verifier_key), chunk_size=chunk)
    assert not report.ok
    assert report.first_bad_index == index, report.problem


def mutate_lines(path: Path, kind: str, index: int) -> None:
    lines = path.read_bytes().split(b"\n")[:-1]
    if kind == "change":
        lines[index] = lines[index].replace(b"words", b"w0rds").replace(b'"n":', b'"n":9')
    elif kind == "drop":
        del lines[index]
    elif kind == "reorder":
        lines[index], lines[index + 1] = lines[index + 1], lines[index]
    else:
        lines.insert(index, lines[(index + 3) % len(lines)])
    path.write_bytes(b"".join(line + b"\n" for line in lines))


def test_every_mutation_of_a_bundle_is_caught_at_its_index(engine: Engine, tmp_path: Path) -> None:
    log = filled_log(engine)
    export_bundle(log, tmp_path / "clean")
    key = parse_verifier_key(log.verifier_key)
    assert verify_log(Bundle(tmp_path / "clean"), key).ok
    original = (tmp_path / "clean" / ENTRIES).read_bytes()
    for kind in ("change", "drop", "reorder", "insert"):
        for index in range(SIZE - 1 if kind == "reorder" else SIZE):
            (tmp_path / "clean" / ENTRIES).write_bytes(original)
            mutate_lines(tmp_path / "clean" / ENTRIES, kind, index)
            for chunk in (4, CHUNK):  # a bad entry at, before and after a chunk boundary
                report = verify_log(Bundle(tmp_path / "clean"), key, chunk_size=chunk)
                assert not report.ok, (kind, index, chunk)
                assert report.first_bad_index == index, (kind, index, chunk, report.problem)


@pytest.mark.parametrize("chunk", [2, 5, CHUNK])
def test_a_missing_leaf_hash_costs_only_its_own_entry_precision(engine: Engine, chunk: int) -> None:
    log = filled_log(engine)
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_nodes WHERE level = 0 AND idx IN (7, 8)"))
    key = parse_verifier_key(log.verifier_key)
    assert verify_log(log, key, chunk_size=chunk).ok
    mutate_rows(engine, "change", 13)  # its hash is still stored: named exactly
    report = verify_log(log, key, chunk_size=chunk)
    assert report.first_bad_index == 13 and "changed" in str(report.problem)
    mutate_rows(engine, "change", 8)  # no stored leaf hash: its stored parent names it
    report = verify_log(log, key, chunk_size=chunk)
    assert report.first_bad_index == 8 and "entries 8..9 were changed" in str(report.problem)
    with engine.begin() as conn:  # nor any stored node above it: its checkpoint range
        conn.execute(text("DELETE FROM audit_nodes WHERE level > 0"))
    report = verify_log(log, key, chunk_size=chunk)
    assert report.first_bad_index == 6 and "checkpoint of size 11" in str(report.problem)


def rewrite_entry(engine: Engine, index: int, old: bytes, new: bytes) -> None:
    with engine.begin() as conn:
        data = bytes(
            conn.execute(text(f"SELECT data FROM audit_entries WHERE idx = {index}")).one()[0]
        )
        conn.execute(
            text("UPDATE audit_entries SET data = :d WHERE idx = :i"),
            {"d": data.replace(old, new), "i": index},
        )


@pytest.mark.parametrize(("chunk", "workers"), [(3, 0), (CHUNK, 0), (3, 1)])
def test_an_entry_that_breaks_its_schema_is_named_by_either_pass(
    engine: Engine, chunk: int, workers: int
) -> None:
    log = filled_log(engine)
    key = parse_verifier_key(log.verifier_key)
    assert verify_log(log, key, chunk_size=chunk, schema_workers=workers).ok
    rewrite_entry(engine, 11, b'"n":', b'"n": ')  # same value, not canonical
    report = verify_log(log, key, chunk_size=chunk, schema_workers=workers)
    assert report.first_bad_index == 11, report.problem
    assert "entry 11 is not a valid entry" in str(report.problem)
    assert "canonical" in str(report.problem)
    rewrite_entry(engine, 4, b'"n":4', b'"n":40')  # valid, but not what was logged
    report = verify_log(log, key, chunk_size=chunk, schema_workers=workers)
    assert report.first_bad_index == 4 and "changed" in str(report.problem)
    rewrite_entry(engine, 4, b"message", b"massage")  # both: the schema is named first
    report = verify_log(log, key, chunk_size=chunk, schema_workers=workers)
    assert report.first_bad_index == 4, report.problem
    assert "unknown entry type 'massage'" in str(report.problem)
    assert verify_log(log, key, chunk_size=chunk, check_schema=False).first_bad_index == 4


def test_without_leaf_hashes_a_change_is_caught_in_its_checkpoint_range(
    engine: Engine, tmp_path: Path
) -> None:
    log = filled_log(engine)
    export_bundle(log, tmp_path)
    (tmp_path / LEAF_HASHES).unlink()
    mutate_lines(tmp_path / ENTRIES, "change", 12)
    report = verify_log(Bundle(tmp_path), parse_verifier_key(log.verifier_key))
    # Checkpoints at sizes 1, 6, 11, 16, ...: the change is pinned to [11, 16).
    assert not report.ok and report.first_bad_index == 11
    assert "checkpoint of size 16" in str(report.problem)


def test_forged_or_contradicting_checkpoints_fail(engine: Engine, tmp_path: Path) -> None:
    log = filled_log(engine)
    export_bundle(log, tmp_path)
    key = parse_verifier_key(log.verifier_key)
    notes = json.loads((tmp_path / "checkpoints.json").read_text())
    forger = generate_signer(ORIGIN)
    forged = sign_checkpoint(Checkpoint(ORIGIN, 3, bytes(32)), forger)
    for bad_list, needle in (
        ([*notes, forged], "not valid"),
        ([notes[-1], notes[0]], "went backwards"),
        ([*notes, notes[-1].replace("\n\n", "\nextension\n\n")], "not valid"),
    ):
        (tmp_path / "checkpoints.json").write_text(json.dumps(bad_list))
        report = verify_log(Bundle(tmp_path), key)
        assert not report.ok and needle in str(report.problem)
    (tmp_path / "checkpoints.json").write_text(json.dumps(notes))
    other_log_key = forger.verifier()
    assert not verify_log(Bundle(tmp_path), other_log_key).ok
    (tmp_path / "checkpoints.json").write_text("{")
    with pytest.raises(BundleError):
        Bundle(tmp_path)


def test_witness_cosignatures_are_checked(engine: Engine) -> None:
    log = filled_log(engine, 3)
    witness = generate_cosigner("ombudsman.example/w")
    opened = open_checkpoint(log.checkpoint(), parse_verifier_key(log.verifier_key))
    log.add_cosignature(
        sign_note(opened.note.text, [witness], opened.note.verified), witness.verifier()
    )
    key = parse_verifier_key(log.verifier_key)
    assert verify_log(log, key, witnesses=[witness.verifier()]).ok


# -- `opencounter audit verify`: the key, --since and --require-signed --------------------


@contextmanager
def serving(directory: Path) -> Iterator[str]:
    """A real HTTP server on 127.0.0.1 serving `directory` (a witness's published files)."""
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def run_verify(*arguments: str) -> tuple[int, str]:
    result = CliRunner().invoke(build_audit_cli(), ["verify", *arguments])
    return result.exit_code, " ".join(result.output.split())  # as read, not as wrapped


def test_verify_takes_the_key_from_the_caller_never_from_the_bundle(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = filled_log(engine)
    export_bundle(log, tmp_path / "bundle")
    monkeypatch.delenv("OPENCOUNTER_LOG_PUBLIC_KEY", raising=False)
    code, output = run_verify("--bundle", str(tmp_path / "bundle"))
    assert code == 2 and "--key" in output and "OPENCOUNTER_LOG_PUBLIC_KEY" in output
    # A forger re-signs the bundle and swaps its log.pub: the pinned key still decides.
    forger = generate_signer(ORIGIN)
    notes = json.loads((tmp_path / "bundle" / "checkpoints.json").read_text())
    resigned = [sign_checkpoint(parse_checkpoint(n.split("\n\n")[0] + "\n"), forger) for n in notes]
    (tmp_path / "bundle" / "checkpoints.json").write_text(json.dumps(resigned))
    (tmp_path / "bundle" / "log.pub").write_text(forger.verifier().to_string() + "\n")
    monkeypatch.setenv("OPENCOUNTER_LOG_PUBLIC_KEY", log.verifier_key)
    code, output = run_verify("--bundle", str(tmp_path / "bundle"))
    assert code == 1 and "checkpoint-invalid" in output


def test_verify_since_a_witnessed_checkpoint_from_a_file_or_url(
    engine: Engine, tmp_path: Path
) -> None:
    log = filled_log(engine)
    witnessed = log.checkpoint()  # size 23: what a witness saw and publishes
    published = tmp_path / "witness"
    published.mkdir()
    (published / "checkpoint").write_text(witnessed)
    export_bundle(log, tmp_path / "new")
    export_bundle(log, tmp_path / "old", covering=11)  # the operator hands out an older copy
    key = log.verifier_key
    with serving(published) as url:
        for since in (str(published / "checkpoint"), f"{url}/checkpoint"):
            code, output = run_verify(
                "--bundle", str(tmp_path / "new"), "--key", key, "--since", since
            )
            assert code == 0 and "extends the 1 checkpoint(s) seen earlier" in output, output
            code, output = run_verify(
                "--bundle", str(tmp_path / "old"), "--key", key, "--since", since
            )
            assert code == 1 and "rollback" in output and "rolled back" in output
        code, output = run_verify(
            "--bundle", str(tmp_path / "new"), "--key", key, "--since", f"{url}/none"
        )
        assert code == 2 and "404" in output
    code, output = run_verify(
        "--bundle", str(tmp_path / "new"), "--key", key, "--since", str(tmp_path)
    )
    assert code == 2 and "cannot read" in output


def test_verify_names_unsigned_entries_and_fails_on_them_when_asked(database_url: str) -> None:
    engine = create_engine(database_url)
    create_schema(engine)
    log = filled_log(engine)  # 23 entries, the newest checkpoint at 21
    key = log.verifier_key
    code, output = run_verify("--database-url", database_url, "--key", key)
    assert code == 0 and "2 entries not yet signed (from index 21)" in output
    code, output = run_verify("--database-url", database_url, "--key", key, "--require-signed")
    assert code == 1 and "First bad index: 21" in output and "2 entries not yet signed" in output
    log.checkpoint()
    code, output = run_verify("--database-url", database_url, "--key", key, "--require-signed")
    assert code == 0 and "not yet signed" not in output
    engine.dispose()


def test_verifying_a_log_while_it_grows_finds_nothing_wrong(sqlite_url: str) -> None:
    """A live log: entries, nodes and the state row move on between the verifier's reads."""
    engine = create_engine(sqlite_url)
    tune_engine(engine)
    create_schema(engine)
    log = filled_log(engine, 40)
    key = parse_verifier_key(log.verifier_key)
    stop = threading.Event()

    def keep_appending() -> None:
        n = 0
        while not stop.is_set():
            log.record([AuditEvent("message", f"live-{n % 3}", {"n": n}, f"more words {n}")])
            n += 1

    writer = threading.Thread(target=keep_appending)
    writer.start()
    try:
        checked = []
        for chunk in (3, 7, CHUNK, 3, 7):
            report = verify_log(LogReader(engine, tables=log_tables()), key, chunk_size=chunk)
            assert report.ok, report.problem
            checked.append(report.entries_checked)
        assert checked == sorted(checked) and checked[-1] > checked[0]  # it did grow
    finally:
        stop.set()
        writer.join()
    assert verify_log(LogReader(engine, tables=log_tables()), key).entries_checked == log.size()
    engine.dispose()
