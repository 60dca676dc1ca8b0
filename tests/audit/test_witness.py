"""A witness process cosigns a log served by another process on loopback."""

from __future__ import annotations

import base64
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine

from audit.checkpoint import generate_cosigner, open_checkpoint
from audit.faults import Fault
from audit.note import generate_signer, parse_signer_key, parse_verifier_key
from audit.remote import witness_log
from audit.sink import AuditEvent
from audit.storage.log import TransparencyLog
from audit.storage.log_reader import LogReader
from audit.storage.vault import Vault
from audit.verify import verify_log
from audit.witness import (
    InconsistentCheckpoint,
    WitnessError,
    WitnessState,
    cosigned_path,
)
from tests.schema import create_schema, log_tables

SERVER = Path(__file__).with_name("log_server_process.py")
REPO = Path(__file__).resolve().parents[2]
ORIGIN = "city.example/audit"


@contextmanager
def log_server(url: str, signer: str, master: bytes, witness_key: str) -> Iterator[str]:
    arguments = [url, signer, base64.b64encode(master).decode(), witness_key]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    with subprocess.Popen(
        [sys.executable, str(SERVER), *arguments], stdout=subprocess.PIPE, text=True, env=env
    ) as server:
        assert server.stdout is not None
        port = int(server.stdout.readline())
        try:
            yield f"http://127.0.0.1:{port}"
        finally:
            server.kill()
            server.wait()
            server.stdout.close()


def new_log(path: Path, signer_text: str, master: bytes) -> tuple[Engine, TransparencyLog]:
    engine = create_engine(f"sqlite:///{path}")
    create_schema(engine)
    signer = parse_signer_key(signer_text)
    return engine, TransparencyLog(
        engine, signer, ORIGIN, Vault(engine, master, tables=log_tables()), tables=log_tables()
    )


def append(log: TransparencyLog, count: int, tag: str) -> None:
    log.record([AuditEvent("message", tag, {"n": n}) for n in range(count)])


def test_witness_cosigns_growing_log_and_refuses_a_fork(tmp_path: Path) -> None:
    signer, master = generate_signer(ORIGIN).to_string(), os.urandom(32)
    witness = generate_cosigner("ombudsman.example/witness")
    wkey = witness.verifier().to_string()
    engine, log = new_log(tmp_path / "log.db", signer, master)
    log_key = parse_verifier_key(log.verifier_key)
    state = tmp_path / "witness" / "state.json"
    append(log, 5, "a")
    with log_server(f"sqlite:///{tmp_path / 'log.db'}", signer, master, wkey) as url:
        first = witness_log(url, log_key, witness, state)
        assert open_checkpoint(first, log_key, [witness.verifier()]).checkpoint.size == 5
        append(log, 8, "b")
        second = witness_log(url, log_key, witness, state)
        assert open_checkpoint(second, log_key, [witness.verifier()]).checkpoint.size == 13
        served = log.latest_checkpoint()
        assert served is not None
        assert len(open_checkpoint(served, log_key, [witness.verifier()]).note.verified) == 2
    saved = WitnessState.load(state)
    assert saved is not None and saved.size == 13 and saved.root == log.root()
    # The signed note it cosigned is kept beside its state: evidence for `verify --since`.
    kept = cosigned_path(state).read_text()
    assert kept == second
    report = verify_log(
        LogReader(engine, tables=log_tables()), log_key, witnesses=[witness.verifier()], seen=[kept]
    )
    assert report.ok, report.problem
    engine.dispose()

    # Same key, different history: the witness must refuse to cosign.
    fork_engine, fork = new_log(tmp_path / "fork.db", signer, master)
    append(fork, 20, "forged")
    forked = verify_log(LogReader(fork_engine, tables=log_tables()), log_key, seen=[kept])
    assert not forked.ok and forked.fault is Fault.FORK, forked.problem
    with log_server(f"sqlite:///{tmp_path / 'fork.db'}", signer, master, wkey) as url:
        with pytest.raises(InconsistentCheckpoint):
            witness_log(url, log_key, witness, state)
        other_key = generate_signer(ORIGIN).verifier()
        with pytest.raises(WitnessError, match="does not verify"):
            witness_log(url, other_key, witness, tmp_path / "fresh.json")
    fork_engine.dispose()
    with pytest.raises(WitnessError, match="could not reach"):
        witness_log(url, log_key, witness, tmp_path / "fresh.json")
