"""Appending: each conversation's entries are numbered 0, 1, 2, ... in the signed entry."""

from __future__ import annotations

import json
import os
from datetime import timedelta

from sqlalchemy import Engine

from audit.note import generate_signer
from audit.sink import AuditEvent
from audit.storage.log import TransparencyLog
from audit.storage.vault import Vault
from tests.schema import log_tables

ORIGIN = "city.example/audit"


def test_seq_counts_each_conversation_across_calls_and_batches(engine: Engine) -> None:
    log = TransparencyLog(
        engine,
        generate_signer(ORIGIN),
        ORIGIN,
        Vault(engine, os.urandom(32), tables=log_tables()),
        checkpoint_interval=timedelta(days=1),
        tables=log_tables(),
    )
    log.record([AuditEvent("message", "a", {}, "one"), AuditEvent("answer", "a", {}, "two")])
    log.record([AuditEvent("kb_version", None, {"version": "v1"})])
    log.record(
        [
            AuditEvent("message", "b", {}, "first of b"),
            AuditEvent("feedback", "a", {"rating": "helpful"}),
            AuditEvent("message", "b", {}, "second of b"),
        ]
    )
    log.erase("a")
    places = [
        (entry.get("conversation"), entry.get("seq"))
        for entry in (json.loads(data) for _, data in log.entries())
    ]
    assert places == [("a", 0), ("a", 1), (None, None), ("b", 0), ("a", 2), ("b", 1), ("a", 3)]
