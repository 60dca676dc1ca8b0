"""Crash and concurrency: kill -9 mid-append, and 4 processes appending to PostgreSQL."""

from __future__ import annotations

import base64
import os
import signal
import subprocess
import sys
from pathlib import Path

from sqlalchemy import Engine, create_engine

from audit.note import generate_signer, parse_signer_key, parse_verifier_key
from audit.storage.log import TransparencyLog
from audit.storage.store import tune_engine
from audit.storage.vault import Vault
from audit.verify import verify_log
from tests.schema import create_schema, log_tables

HELPER = Path(__file__).with_name("appender_process.py")
REPO = Path(__file__).resolve().parents[2]


def start_appender(
    url: str, signer: str, master: bytes, count: int, batch: int, tag: str
) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    arguments = [url, signer, base64.b64encode(master).decode(), str(count), str(batch), tag]
    return subprocess.Popen(
        [sys.executable, str(HELPER), *arguments],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )


def open_log(engine: Engine, signer_text: str, master: bytes) -> TransparencyLog:
    signer = parse_signer_key(signer_text)
    return TransparencyLog(
        engine, signer, signer.name, Vault(engine, master, tables=log_tables()), tables=log_tables()
    )


def initialise(url: str) -> Engine:
    engine = create_engine(url)
    tune_engine(engine)
    create_schema(engine)
    return engine


def test_kill_9_while_appending_loses_no_acknowledged_entry(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/crash.db"
    engine = initialise(url)
    signer, master = generate_signer("city.example/audit").to_string(), os.urandom(32)
    child = start_appender(url, signer, master, 0, 3, "crash")
    assert child.stdout is not None
    acknowledged: list[int] = []
    while len(acknowledged) < 150:
        line = child.stdout.readline()
        assert line, "the appender died before it was killed"
        acknowledged.append(int(line))
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    acknowledged += [int(line) for line in child.stdout.read().split()]
    child.stdout.close()
    log = open_log(engine, signer, master)
    stored = dict(log.entries())
    assert set(acknowledged) <= set(stored)
    assert log.size() == len(stored) >= len(acknowledged)
    report = verify_log(log, parse_verifier_key(log.verifier_key))
    engine.dispose()
    assert report.ok, report.problem
    log.record([])  # the log still accepts appends after the crash
    engine.dispose()


def test_four_processes_append_concurrently_to_postgres(postgres_url: str) -> None:
    engine = initialise(postgres_url)
    signer, master = generate_signer("city.example/audit").to_string(), os.urandom(32)
    children = [start_appender(postgres_url, signer, master, 60, 4, f"p{n}") for n in range(4)]
    indices: list[int] = []
    for child in children:
        with child:
            out, _ = child.communicate(timeout=120)
        assert child.returncode == 0
        indices += [int(line) for line in out.split()]
    assert sorted(indices) == list(range(240))
    log = open_log(engine, signer, master)
    assert log.size() == 240
    report = verify_log(log, parse_verifier_key(log.verifier_key))
    engine.dispose()
    assert report.ok, report.problem
