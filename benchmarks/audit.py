"""Transparency-log benchmark: append rate, full verification, inclusion-proof latency.

Each figure is printed with the raw SHA-256 rate measured in the same run as baseline.
    python -m benchmarks.audit [--entries 1000000] [--postgres URL] [--writers 4]
(run as a module from the repository root: as a script, this file's name would hide
the `audit` package).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, insert, text, update

from audit.checkpoint import Checkpoint, sign_checkpoint
from audit.checkpoint_chain import previous_line
from audit.entries import build_entry, encode_entry
from audit.merkle import CompactRange, leaf_hash
from audit.note import generate_signer, parse_signer_key, parse_verifier_key
from audit.sink import AuditEvent
from audit.storage.log import TransparencyLog
from audit.storage.store import tune_engine
from audit.storage.vault import Vault
from audit.verify import verify_log
from tests.schema import create_schema, log_tables

ORIGIN = "bench.example/audit"


def sha256_rate(seconds: float = 1.0) -> float:
    """Leaf-sized (200-byte) SHA-256 hashes per second: the baseline."""
    data, count, start = os.urandom(200), 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for _ in range(10_000):
            hashlib.sha256(data).digest()
        count += 10_000
    return count / (time.perf_counter() - start)


def open_log(url: str, signer_text: str, master: bytes) -> TransparencyLog:
    engine = create_engine(url)
    tune_engine(engine)
    signer = parse_signer_key(signer_text)
    return TransparencyLog(
        engine,
        signer,
        ORIGIN,
        Vault(engine, master, tables=log_tables()),
        checkpoint_every=10_000,
        tables=log_tables(),
    )


def worker(url: str, signer_text: str, master_b64: str, count: int, batch: int, tag: str) -> None:
    log = open_log(url, signer_text, base64.b64decode(master_b64))
    log.size()  # connect before the clock starts
    # Interpreter start-up and imports take seconds here: wait for the parent's "go".
    print("ready", flush=True)
    sys.stdin.readline()
    for start in range(0, count, batch):
        log.record(
            [
                AuditEvent("message", f"{tag}-{(start + k) % 50}", {"n": start + k}, f"text {k}")
                for k in range(batch)
            ]
        )


def threaded_rate(url: str, threads: int, calls: int, per_call: int) -> float:
    """Entries/s when `threads` threads of one process each call record() with `per_call`
    events `calls` times, as web request handlers do (concurrent calls share commits)."""
    engine = create_engine(url)
    tune_engine(engine)
    create_schema(engine)
    log = TransparencyLog(
        engine,
        generate_signer(ORIGIN),
        ORIGIN,
        Vault(engine, os.urandom(32), tables=log_tables()),
        checkpoint_every=10_000,
        tables=log_tables(),
    )

    def citizen(name: str) -> None:
        for call in range(calls):
            log.record([AuditEvent("message", name, {"n": call}, f"turn {call}")] * per_call)

    workers = [threading.Thread(target=citizen, args=(f"t{n}",)) for n in range(threads)]
    start = time.perf_counter()
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    seconds = time.perf_counter() - start
    engine.dispose()
    return threads * calls * per_call / seconds


@contextmanager
def fresh_schema(base: str) -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a new schema, dropped afterwards."""
    schema = f"audit_bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in base else "?"
    try:
        yield f"{base}{separator}options={quote(f'-csearch_path={schema}')}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def on_each_database(
    measure: Callable[[str, Engine, int], None], count: int, postgres: str | None
) -> None:
    """Run `measure` on a fresh SQLite file, then in a fresh PostgreSQL schema if given."""
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory() as name:
        engine = create_engine(f"sqlite:///{Path(name) / 'bench.db'}")
        tune_engine(engine)
        measure("sqlite", engine, count)
    if postgres:
        with fresh_schema(postgres) as url:
            measure("postgresql", create_engine(url), count)


def append_rate(url: str, writers: int, per_writer: int, batch: int) -> float:
    create_schema(create_engine(url))
    signer, master = generate_signer(ORIGIN).to_string(), base64.b64encode(os.urandom(32)).decode()
    arguments = [url, signer, master, str(per_writer), str(batch)]
    children = [
        subprocess.Popen(
            [sys.executable, "-m", "benchmarks.audit", "--worker", *arguments, f"w{n}"],
            cwd=Path(__file__).resolve().parents[1],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for n in range(writers)
    ]
    for child in children:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    start = time.perf_counter()
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.close()
    failed = sum(child.wait() != 0 for child in children)
    if failed:
        print(f"  ({failed} writer(s) failed: see their errors above)")
    return writers * per_writer / (time.perf_counter() - start)


def fill(url: str, entries: int, every: int = 1000) -> TransparencyLog:
    """Write entries straight into the tables (faster than record()), a checkpoint every 1000."""
    engine = create_engine(url)
    tune_engine(engine)
    create_schema(engine)
    tables = log_tables()
    signer = generate_signer(ORIGIN)
    log = TransparencyLog(
        engine,
        signer,
        ORIGIN,
        Vault(engine, os.urandom(32), tables=log_tables()),
        tables=log_tables(),
    )
    compact = CompactRange()
    moment = datetime(2026, 8, 2, tzinfo=UTC)
    chunk = 50_000
    previous: tuple[str, int] | None = None
    with engine.begin() as conn:
        for start in range(0, entries, chunk):
            rows, nodes, notes = [], [], []
            for n in range(start, min(entries, start + chunk)):
                entry = build_entry(
                    "message", moment + timedelta(seconds=n), f"c{n % 997}", {"n": n}, "ab" * 32
                )
                data = encode_entry(entry)
                rows.append({"idx": n, "data": data, "conversation_id": f"c{n % 997}"})
                nodes += [
                    {"level": node.level, "idx": node.index, "hash": value}
                    for node, value in compact.append(leaf_hash(data))
                ]
                if compact.size % every == 0:
                    # Chained as the log chains them: each names the one before it.
                    link = () if previous is None else (previous_line(*previous),)
                    checkpoint = Checkpoint(ORIGIN, compact.size, compact.root(), link)
                    note = sign_checkpoint(checkpoint, signer)
                    previous = (checkpoint.text(), compact.size)
                    notes.append({"size": compact.size, "note": note, "created_at": moment})
            conn.execute(insert(tables.entries), rows)
            conn.execute(insert(tables.nodes), nodes)
            if notes:
                conn.execute(insert(tables.checkpoints), notes)
        conn.execute(
            update(tables.state).values(
                size=compact.size,
                compact_range=compact.to_bytes(),
                checkpoint_size=compact.size - compact.size % every,
                checkpoint_at=moment,
            )
        )
    log.checkpoint()
    return log


def append_figures(args: argparse.Namespace, directory: Path, baseline: float) -> None:
    for writers in (1, args.writers):
        url = f"sqlite:///{directory / f'append{writers}.db'}"
        rate = append_rate(url, writers, args.appends, args.batch)
        print(
            f"append SQLite, {writers} writer process(es), batches of {args.batch}: "
            f"{rate:,.0f}/s (target >= 5,000/s; {rate / baseline:.4f} x SHA-256 rate)"
        )
    url = f"sqlite:///{directory / 'threads.db'}"
    rate = threaded_rate(url, args.threads, args.calls, 2)
    print(
        f"append SQLite, {args.threads} threads x {args.calls} record() calls of 2 events "
        f"(web-like): {rate:,.0f}/s ({rate / baseline:.4f} x SHA-256 rate)"
    )
    if not args.postgres:
        print("append PostgreSQL: skipped (no --postgres / OPENCOUNTER_TEST_DATABASE_URL)")
        return
    with fresh_schema(args.postgres) as url:
        rate = append_rate(url, args.writers, args.appends, args.batch)
    print(
        f"append PostgreSQL, {args.writers} writer processes, batches of {args.batch}: "
        f"{rate:,.0f}/s (target >= 2,000/s; {rate / baseline:.4f} x SHA-256 rate)"
    )
    with fresh_schema(args.postgres) as url:
        rate = threaded_rate(url, args.threads, args.calls, 2)
    print(
        f"append PostgreSQL, {args.threads} threads x {args.calls} record() calls of 2 events "
        f"(web-like): {rate:,.0f}/s ({rate / baseline:.4f} x SHA-256 rate)"
    )


def cpu_seconds() -> tuple[float, float]:
    """CPU time (user + system) of this process and of its ended children."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def verify_figures(log: TransparencyLog, entries: int, baseline: float) -> None:
    key = parse_verifier_key(log.verifier_key)
    checkpoints = len(log.checkpoints())
    # Schema pass off; in this process only; and as `verify` runs it (workers on a big log).
    for schema, workers, label in (
        (False, 0, "off"),
        (True, 0, "on, one process"),
        (True, None, "on, default workers"),
    ):
        start, cpu = time.perf_counter(), cpu_seconds()
        report = verify_log(log, key, check_schema=schema, schema_workers=workers)
        seconds = time.perf_counter() - start
        own, children = (after - before for after, before in zip(cpu_seconds(), cpu, strict=True))
        assert report.ok, report.problem
        hashing = 2 * entries / baseline  # leaf + about one node hash per entry
        print(
            f"verify {entries:,} entries, {checkpoints:,} checkpoints (schema check "
            f"{label}): {seconds:.2f} s (target <= 5 s; pure hashing would take "
            f"{hashing:.2f} s, ratio {seconds / hashing:.1f}; CPU {own:.2f} s here + "
            f"{children:.2f} s in workers)"
        )


def proof_figures(log: TransparencyLog, baseline: float) -> None:
    size = log.size()
    checkpoint_size = size - size % 1000
    for label, at in (
        ("the current size", None),
        (f"checkpoint size {checkpoint_size:,}", checkpoint_size),
    ):
        samples = []
        for _ in range(2_000):
            index = random.randrange(at or size)
            start = time.perf_counter()
            log.inclusion_proof(index, at)
            samples.append(time.perf_counter() - start)
        samples.sort()
        p50, p95 = samples[len(samples) // 2], samples[int(len(samples) * 0.95)]
        print(
            f"inclusion proof at {size:,} entries, {label}: p50 {p50 * 1000:.3f} ms, "
            f"p95 {p95 * 1000:.3f} ms (target <= 1 ms; {p95 * baseline:,.0f} SHA-256 times)"
        )


def load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--appends", type=int, default=2_000, help="entries per writer")
    parser.add_argument("--batch", type=int, default=50)
    parser.add_argument("--threads", type=int, default=16, help="threads in the web-like run")
    parser.add_argument("--calls", type=int, default=100, help="record() calls per thread")
    parser.add_argument("--postgres", default=os.environ.get("OPENCOUNTER_TEST_DATABASE_URL"))
    parser.add_argument("--worker", nargs=6)
    parser.add_argument("--skip-appends", action="store_true", help="only verify and proofs")
    args = parser.parse_args()
    if args.worker:
        url, signer, master, count, batch, tag = args.worker
        worker(url, signer, master, int(count), int(batch), tag)
        return

    print(f"load average before: {load_average()} on {os.cpu_count()} CPUs")
    baseline = sha256_rate()
    print(f"baseline: raw SHA-256 of 200-byte leaves: {baseline:,.0f}/s")
    with tempfile.TemporaryDirectory() as name:
        directory = Path(name)
        if not args.skip_appends:
            append_figures(args, directory, baseline)
        start = time.perf_counter()
        log = fill(f"sqlite:///{directory / 'verify.db'}", args.entries)
        print(f"fill {args.entries:,} entries (setup): {time.perf_counter() - start:.1f} s")
        verify_figures(log, args.entries, baseline)
        proof_figures(log, baseline)
    print(f"load average after: {load_average()}")


if __name__ == "__main__":
    main()
