"""The log's tables come from the caller, never from a MetaData of the audit package's own:
the app gives the one MetaData of web/schema.py, the standalone verifier one it declares
(`audit_tables(MetaData())`). A reader, vault or log built without them is refused at once,
so no store can query tables declared on a second, silent MetaData."""

from __future__ import annotations

import os
from typing import Any

import pytest
from sqlalchemy import Engine, MetaData

from audit.note import generate_signer
from audit.storage.log import TransparencyLog
from audit.storage.log_reader import LogReader
from audit.storage.store import audit_tables
from audit.storage.vault import Vault
from tests.schema import log_tables

ORIGIN = "test.example/tables"


def test_audit_tables_needs_the_metadata_to_declare_them_on() -> None:
    declare: Any = audit_tables
    with pytest.raises(TypeError):
        declare()
    metadata = MetaData()
    assert audit_tables(metadata).metadata is metadata
    assert set(metadata.tables) >= {"audit_entries", "audit_state", "audit_texts"}


def test_a_reader_a_vault_and_a_log_need_their_tables(engine: Engine) -> None:
    reader: Any = LogReader
    vault_type: Any = Vault
    log_type: Any = TransparencyLog
    with pytest.raises(TypeError):
        reader(engine)
    with pytest.raises(TypeError):
        vault_type(engine, os.urandom(32))
    vault = Vault(engine, os.urandom(32), tables=log_tables())
    with pytest.raises(TypeError):
        log_type(engine, generate_signer(ORIGIN), ORIGIN, vault)


def test_the_log_queries_the_tables_it_is_given(engine: Engine) -> None:
    tables = log_tables()
    vault = Vault(engine, os.urandom(32), tables=tables)
    log = TransparencyLog(engine, generate_signer(ORIGIN), ORIGIN, vault, tables=tables)
    assert log.size() == 0
    # A database copy read by the verifier alone: its own MetaData, the same table names.
    assert LogReader(engine, audit_tables(MetaData())).size() == 0
