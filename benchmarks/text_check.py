"""`audit verify --texts` benchmark: stored texts decrypted and checked per second.

    python -m benchmarks.text_check [--entries 100000] [--postgres URL]
Each entry carries a 300-character text in one of entries/10 conversations.
"""

from __future__ import annotations

import argparse
import os
import time
from datetime import timedelta

from sqlalchemy import Engine

from audit.note import generate_signer
from audit.sink import AuditEvent
from audit.storage.log import TransparencyLog
from audit.storage.text_check import check_texts
from audit.storage.vault import Vault
from benchmarks.audit import on_each_database
from tests.schema import create_schema, log_tables

ORIGIN = "bench.example/audit"


def measure(name: str, engine: Engine, entries: int) -> None:
    create_schema(engine)
    log = TransparencyLog(
        engine,
        generate_signer(ORIGIN),
        ORIGIN,
        Vault(engine, os.urandom(32), tables=log_tables()),
        checkpoint_interval=timedelta(days=1),
        tables=log_tables(),
    )
    start = time.perf_counter()
    conversations = max(1, entries // 10)
    for first in range(0, entries, 500):
        log.record(
            [
                AuditEvent("message", f"c{n % conversations}", {"n": n}, f"{n:08d} " + "w" * 291)
                for n in range(first, min(first + 500, entries))
            ]
        )
    print(
        f"{name}: fill {entries:,} entries with texts (setup): {time.perf_counter() - start:.1f} s"
    )
    start = time.perf_counter()
    report = check_texts(log, log.vault)
    seconds = time.perf_counter() - start
    assert report.ok, report.problem
    print(
        f"{name}: verify --texts {report.texts_checked:,} texts in {seconds:.1f} s "
        f"({report.texts_checked / seconds:,.0f} texts/s)"
    )
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--postgres", default=os.environ.get("OPENCOUNTER_TEST_DATABASE_URL"))
    args = parser.parse_args()
    on_each_database(measure, args.entries, args.postgres)


if __name__ == "__main__":
    main()
