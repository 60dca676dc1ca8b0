"""Handoff transitions as units of work: what a claim and a hand back cost with the real log.

Each transition is one transaction holding the log's write lock: the handoff's new state,
the conversation's status, the entry, its tree nodes and the compact range commit together.
    python -m benchmarks.handoff_units [--cycles 200] [--postgres URL]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from sqlalchemy import Engine, create_engine

from audit.note import generate_signer
from audit.storage.log import TransparencyLog
from audit.storage.store import tune_engine
from audit.storage.vault import Vault
from benchmarks.audit import fresh_schema
from bot.conversations import ConversationStore
from bot.handoff.desk import HandoffDesk
from bot.handoff.hours import OpeningHours
from bot.handoff.store import HandoffStore
from tests.schema import log_tables, tables
from web.database import upgrade_schema

ORIGIN = "bench.example/audit"


class _NoScreens:
    def publish(self, channel: str, event: object) -> None:
        pass


def measure(name: str, engine: Engine, cycles: int) -> None:
    tune_engine(engine)
    upgrade_schema(engine)  # the app's schema, from the migrations
    conversations, handoffs = (
        ConversationStore(engine, tables().conversations),
        HandoffStore(engine, tables().handoffs),
    )
    log = TransparencyLog(
        engine,
        generate_signer(ORIGIN),
        ORIGIN,
        Vault(engine, os.urandom(32), tables=log_tables()),
        checkpoint_interval=timedelta(minutes=5),
        tables=log_tables(),
    )
    desk = HandoffDesk(
        store=handoffs,
        conversations=conversations,
        sink=log,
        events=_NoScreens(),
        hours=OpeningHours.parse(""),
    )
    conversations.create("c1", "en", "v1", "d" * 64)
    started = time.perf_counter()
    for _ in range(cycles):
        handoff = desk.open("c1", reason="person.button", lang="en", topic="general")
        desk.claim(handoff.id, "staff-1")
        desk.hand_back(handoff.id, "staff-1")
    elapsed = time.perf_counter() - started
    print(
        f"{name}: {cycles} open+claim+hand_back cycles in {elapsed:.2f} s, "
        f"{elapsed / cycles * 1000:.1f} ms per cycle ({log.size()} entries)"
    )
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cycles", type=int, default=200)
    parser.add_argument("--postgres", default=os.environ.get("OPENCOUNTER_TEST_DATABASE_URL"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        measure("sqlite", create_engine(f"sqlite:///{Path(folder) / 'bench.db'}"), args.cycles)
    if args.postgres:
        with fresh_schema(args.postgres) as url:
            measure("postgresql", create_engine(url), args.cycles)


if __name__ == "__main__":
    main()
