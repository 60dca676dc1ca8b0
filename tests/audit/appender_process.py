"""A separate process that appends to a log and prints each acknowledged index.

Used by the crash and concurrency tests: `python appender_process.py URL SIGNER MASTER
COUNT BATCH TAG` (COUNT 0 = until killed).
"""

from __future__ import annotations

import base64
import sys
from datetime import timedelta

from sqlalchemy import create_engine

from audit.note import parse_signer_key
from audit.sink import AuditEvent
from audit.storage.log import TransparencyLog
from audit.storage.store import tune_engine
from audit.storage.vault import Vault
from tests.schema import log_tables


def main(argv: list[str]) -> None:
    url, signer_text, master, count_text, batch_text, tag = argv
    engine = create_engine(url)
    tune_engine(engine)  # WAL + synchronous=NORMAL: the crash test checks what that keeps
    signer = parse_signer_key(signer_text)
    vault = Vault(engine, base64.b64decode(master), tables=log_tables())
    log = TransparencyLog(
        engine,
        signer,
        signer.name,
        vault,
        checkpoint_every=50,
        checkpoint_interval=timedelta(1),
        tables=log_tables(),
    )
    count, batch = int(count_text), int(batch_text)
    done = 0
    while count == 0 or done < count:
        events = [
            AuditEvent(
                "message", f"{tag}-{(done + k) % 7}", {"n": done + k}, f"{tag} says {done + k}"
            )
            for k in range(batch)
        ]
        for recorded in log.record(events):
            # Printed only after record() returned, i.e. after the commit.
            print(recorded.index, flush=True)
        done += batch
    engine.dispose()


if __name__ == "__main__":
    main(sys.argv[1:])
