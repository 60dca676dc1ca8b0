"""Erasure benchmark: what one citizen's erase costs, and how much of it is the scrub.

The scrub (audit.storage.store.scrub_after_erase) runs after the erasing transaction: a WAL
TRUNCATE checkpoint on SQLite, VACUUM FULL of the key table and VACUUM of the text
table on PostgreSQL. Its cost grows with the number of conversations kept.
    python -m benchmarks.erasure [--conversations 100000] [--postgres URL]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, insert

from audit.note import generate_signer
from audit.sink import AuditEvent
from audit.storage.log import TransparencyLog
from audit.storage.store import scrub_after_erase
from audit.storage.vault import Vault
from benchmarks.audit import on_each_database
from tests.schema import create_schema, log_tables

ORIGIN = "bench.example/audit"
ROUNDS = 5


def seed(engine: Engine, conversations: int) -> TransparencyLog:
    """`conversations` key rows with one 300-byte text each, written directly (setup)."""
    tables = log_tables()
    now = datetime.now(UTC)
    with engine.begin() as conn:
        for start in range(0, conversations, 10_000):
            ids = range(start, min(start + 10_000, conversations))
            conn.execute(
                insert(tables.conversation_keys),
                [
                    {
                        "conversation_id": f"old-{n}",
                        "wrapped_key": os.urandom(60),
                        "salt": os.urandom(32),
                        "created_at": now,
                    }
                    for n in ids
                ],
            )
            conn.execute(
                insert(tables.texts),
                [
                    {
                        "conversation_id": f"old-{n}",
                        "entry_idx": 10_000_000 + n,  # no entries: this is storage only
                        "nonce": os.urandom(12),
                        "ciphertext": os.urandom(300),
                    }
                    for n in ids
                ],
            )
    log = TransparencyLog(
        engine,
        generate_signer(ORIGIN),
        ORIGIN,
        Vault(engine, os.urandom(32), tables=log_tables()),
        checkpoint_interval=timedelta(days=1),
        tables=log_tables(),
    )
    for n in range(ROUNDS):
        log.record(
            [AuditEvent("message", f"citizen-{n}", {"n": i}, "words " * 40) for i in range(4)]
        )
    return log


def measure(name: str, engine: Engine, conversations: int) -> None:
    create_schema(engine)
    start = time.perf_counter()
    log = seed(engine, conversations)
    print(
        f"{name}: seed {conversations:,} conversations (setup): {time.perf_counter() - start:.1f} s"
    )
    erase_ms, scrub_ms = [], []
    for n in range(ROUNDS):
        start = time.perf_counter()
        log.erase(f"citizen-{n}")
        erase_ms.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        problem = scrub_after_erase(engine, log_tables())
        scrub_ms.append((time.perf_counter() - start) * 1000)
        if problem is not None:
            print(f"{name}: scrub did not finish: {problem}")
    print(
        f"{name}: erase incl. scrub median {statistics.median(erase_ms):.0f} ms "
        f"(max {max(erase_ms):.0f}); scrub alone median {statistics.median(scrub_ms):.0f} ms"
    )
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--conversations", type=int, default=100_000)
    parser.add_argument("--postgres", default=os.environ.get("OPENCOUNTER_TEST_DATABASE_URL"))
    args = parser.parse_args()
    on_each_database(measure, args.conversations, args.postgres)


if __name__ == "__main__":
    main()
