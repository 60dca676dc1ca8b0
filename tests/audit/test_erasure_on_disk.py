"""Erasure leaves nothing readable in the database files (issue 11).

What is searched for: the erased conversation's wrapped key, salt and ciphertexts as
they were stored (the words themselves are never stored in clear; they are searched
for too). SQLite: the database file and its WAL, read as raw bytes. PostgreSQL: every
page of the key and text tables as the server holds them (pageinspect's
`get_raw_page`), after the erase and its VACUUM; the server's own WAL files and
backups are outside what a test can read (the README says what remains there).
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.exc import SQLAlchemyError

from audit.note import generate_signer
from audit.sink import AuditEvent
from audit.storage.log import TransparencyLog
from audit.storage.store import tune_engine
from audit.storage.vault import Vault
from tests.needs import missing
from tests.schema import create_schema, log_tables

ORIGIN = "city.example/audit"
# The long one spills into overflow pages (SQLite) and TOAST (PostgreSQL).
WORDS = ["my daughter Alice Martin has asthma", "we live at 14 rue des Lilas " * 300]


def chatty_log(engine: Engine) -> TransparencyLog:
    log = TransparencyLog(
        engine,
        generate_signer(ORIGIN),
        ORIGIN,
        Vault(engine, os.urandom(32), tables=log_tables()),
        checkpoint_interval=timedelta(days=1),
        tables=log_tables(),
    )
    for n, words in enumerate(WORDS):
        # "kept" first: the erased key row is then the last one written to its page,
        # where a plain VACUUM's compaction leaves its bytes in the freed space.
        log.record([AuditEvent("message", "kept", {"n": n}, f"kept words {n}")])
        log.record([AuditEvent("message", "gone", {"n": n}, words)])
    return log


def sqlite_chatty_log(path: Path) -> tuple[Engine, TransparencyLog]:
    """A SQLite log at `path`, tuned as the app's, holding `chatty_log`'s conversations."""
    engine = create_engine(f"sqlite:///{path}")
    tune_engine(engine)
    create_schema(engine)
    return engine, chatty_log(engine)


def snapshot_holder(engine: Engine) -> Connection:
    """A connection in a transaction that has read the texts: it holds a snapshot (a reader of
    the SQLite WAL) until it is rolled back."""
    reader = engine.connect()
    reader.exec_driver_sql("BEGIN")
    reader.exec_driver_sql("SELECT count(*) FROM audit_texts").all()
    return reader


@contextmanager
def postgres_snapshot_holder(engine: Engine, name: str) -> Iterator[Connection]:
    """Another session, named `name`, holding a REPEATABLE READ snapshot until the block ends
    (a report or a pg_dump would)."""
    with engine.connect() as holder:
        holder.exec_driver_sql(f"SET application_name = '{name}'")
        holder.exec_driver_sql("BEGIN ISOLATION LEVEL REPEATABLE READ")
        holder.exec_driver_sql("SELECT count(*) FROM audit_texts").all()
        try:
            yield holder
        finally:
            holder.rollback()


def stored_secrets(connection: Connection, conversation: str) -> list[bytes]:
    """The bytes an erasure must leave nowhere: wrapped key, salt, ciphertexts."""
    key, salt = connection.execute(
        text("SELECT wrapped_key, salt FROM audit_conversation_keys WHERE conversation_id = :c"),
        {"c": conversation},
    ).one()
    sealed = connection.execute(
        text("SELECT ciphertext FROM audit_texts WHERE conversation_id = :c"), {"c": conversation}
    ).all()
    return [bytes(key), bytes(salt), *(bytes(row[0]) for row in sealed)]


def found_in(raw: bytes, secrets: list[bytes]) -> list[str]:
    needles = [*secrets, *(w.encode() for w in WORDS)]
    # 16 bytes of a random key or ciphertext cannot turn up by chance.
    return [needle[:16].hex() for needle in needles if needle[:16] in raw]


def test_sqlite_files_hold_nothing_of_an_erased_conversation(tmp_path: Path) -> None:
    path = tmp_path / "audit.db"
    engine, log = sqlite_chatty_log(path)
    with engine.connect() as connection:
        gone, kept = stored_secrets(connection, "gone"), stored_secrets(connection, "kept")
        # Into the main file too, so both the file and the WAL have held the secrets.
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    log.record([AuditEvent("message", "gone", {"n": 9}, "one more, in the WAL only")])
    with engine.connect() as connection:
        gone += stored_secrets(connection, "gone")[2:]
    raw = path.read_bytes() + Path(f"{path}-wal").read_bytes()
    assert found_in(raw, kept) and found_in(raw, gone)  # the search does find stored bytes

    log.erase("gone")

    wal = Path(f"{path}-wal")
    raw = path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
    assert found_in(raw, gone) == []
    assert found_in(raw, kept)  # the other conversation is untouched
    engine.dispose()


def raw_pages(connection: Connection, table: str) -> bytes:
    try:
        connection.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pageinspect SCHEMA public")
    except SQLAlchemyError as error:
        missing(f"pageinspect is not available: {error}")
    blocks = connection.execute(
        text("SELECT pg_relation_size(CAST(:t AS regclass)) / current_setting('block_size')::int"),
        {"t": table},
    ).scalar_one()
    pages = [
        bytes(
            connection.execute(
                text("SELECT public.get_raw_page(:t, :b)"), {"t": table, "b": block}
            ).scalar_one()
        )
        for block in range(int(blocks))
    ]
    return b"".join(pages)


def row_versions(connection: Connection, table: str) -> int:
    """The row versions (live or dead) the table's pages hold, read with pageinspect."""
    counted = connection.execute(
        text(
            "SELECT count(*) FROM generate_series(0, pg_relation_size(CAST(:t AS regclass)) / "
            "current_setting('block_size')::int - 1) AS block, "
            "public.heap_page_items(public.get_raw_page(CAST(:t AS text), CAST(block AS int))) "
            "WHERE lp_flags = 1 AND t_data IS NOT NULL"
        ),
        {"t": table},
    ).scalar_one()
    return int(counted)


@pytest.mark.postgres
def test_row_versions_counts_a_deleted_row_until_a_full_vacuum(postgres_url: str) -> None:
    """The check below can fail: a deleted row's version stays on its page until a vacuum."""
    engine = create_engine(postgres_url)
    try:
        with engine.begin() as connection:
            raw_pages(connection, "pg_class")  # creates pageinspect, or skips where it is absent
            connection.exec_driver_sql("DROP TABLE IF EXISTS versions_probe")
            connection.exec_driver_sql("CREATE TABLE versions_probe (n int)")
            connection.exec_driver_sql("INSERT INTO versions_probe VALUES (1), (2), (3)")
            connection.exec_driver_sql("DELETE FROM versions_probe WHERE n = 2")
        with engine.begin() as connection:
            assert row_versions(connection, "versions_probe") == 3
        with engine.connect() as connection:
            connection.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql(
                "VACUUM FULL versions_probe"
            )
            assert row_versions(connection, "versions_probe") == 2
            connection.exec_driver_sql("DROP TABLE versions_probe")
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_postgres_key_table_holds_no_erased_key(postgres_url: str) -> None:
    """The wrapped key and salt are gone from every page of the key table.

    What this cannot see: the server's WAL and backups (the README says how long they
    keep the key), and stale ciphertext bytes in the free space of text pages, which a
    plain VACUUM does not zero; without the key they cannot be opened.
    """
    engine = create_engine(postgres_url)
    try:
        create_schema(engine)
        log = chatty_log(engine)
        with engine.connect() as connection:
            gone, kept = stored_secrets(connection, "gone"), stored_secrets(connection, "kept")
        with engine.begin() as connection:
            assert found_in(raw_pages(connection, "audit_conversation_keys"), gone[:2])
        # VACUUM FULL keeps a deleted row that another session's snapshot may still see: the
        # property holds when no other session of the database holds one (the product's gap
        # when one does is in the issue-13 notes), so wait for any (e.g. a server an earlier
        # test started, still stopping) and name them if they stay.
        held = _wait_for_other_snapshots(engine, seconds=30.0)
        assert held == [], f"other sessions hold snapshots in the test database: {held}"

        log.erase("gone")
        # An automatic ANALYZE of the fresh tables holds a snapshot too: the product then says
        # "not yet scrubbed" and retries, as the app does every checkpoint interval.
        assert _scrubbed_within(log, seconds=30.0), log.scrub_problem

        with engine.begin() as connection:
            raw = raw_pages(connection, "audit_conversation_keys")
            texts = connection.execute(
                text("SELECT count(*) FROM audit_texts WHERE conversation_id = 'gone'")
            ).scalar_one()
            # Row versions on the pages themselves (pageinspect), against the live rows: the
            # statistics view's n_dead_tup was read here before, but a backend sends its counts
            # up to a second after its transaction, so a DELETE's count could land after the
            # vacuum's report and read 1 on a busy machine with no dead version on disk.
            versions = row_versions(connection, "audit_conversation_keys")
            live = connection.execute(
                text("SELECT count(*) FROM audit_conversation_keys")
            ).scalar_one()
        assert found_in(raw, gone[:2]) == []  # neither the wrapped key nor the salt
        assert found_in(raw, kept[:2])  # the search finds what is still there
        assert texts == 0
        assert versions == live  # no row version of the key table waits for a vacuum
    finally:  # also after a failed assertion: no open connection left for the next test
        engine.dispose()


def _scrubbed_within(log: TransparencyLog, seconds: float) -> bool:
    """Retry a pending scrub, as the app does, until it is done or `seconds` have passed."""
    deadline = time.monotonic() + seconds
    while log.scrub_pending:
        if log.scrub_if_pending() is not False or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    return not log.scrub_pending


def _wait_for_other_snapshots(engine: Engine, seconds: float) -> list[str]:
    """Other client sessions of this database that hold a snapshot, after waiting up to
    `seconds` for them to end; [] when there are none."""
    deadline = time.monotonic() + seconds
    while True:
        with engine.connect() as connection:
            held = list(
                connection.execute(
                    text(
                        "SELECT concat_ws(' ', application_name, state, left(query, 80)) "
                        "FROM pg_stat_activity WHERE datname = current_database() "
                        "AND pid <> pg_backend_pid() AND backend_type = 'client backend' "
                        "AND backend_xmin IS NOT NULL"
                    )
                ).scalars()
            )
        if not held or time.monotonic() > deadline:
            return held
        time.sleep(0.2)


def test_every_sqlite_connection_deletes_securely(tmp_path: Path) -> None:
    # Some SQLite builds turn secure_delete on by default (Debian's); others do not.
    engine = create_engine(f"sqlite:///{tmp_path / 'audit.db'}")
    tune_engine(engine)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
    engine.dispose()


def test_a_scrub_that_cannot_finish_is_said(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "audit.db"
    engine, log = sqlite_chatty_log(path)
    reader = snapshot_holder(engine)
    with engine.connect() as connection:
        gone = stored_secrets(connection, "gone")
    with caplog.at_level(logging.WARNING, logger="opencounter.audit"):
        log.erase("gone")
    assert "not yet scrubbed" in caplog.text and "gone" in caplog.text
    reader.rollback()
    reader.close()
    assert log.scrub_if_pending() is True  # the app's background task finishes the job
    raw = path.read_bytes() + Path(f"{path}-wal").read_bytes()
    assert found_in(raw, gone) == []
    engine.dispose()


def test_many_erasures_scrub_once(tmp_path: Path) -> None:
    """Retention erases many conversations; one scrub afterwards covers them all."""
    path = tmp_path / "audit.db"
    engine, log = sqlite_chatty_log(path)
    with engine.connect() as connection:
        secrets = stored_secrets(connection, "gone") + stored_secrets(connection, "kept")
    log.erase("gone", scrub=False)
    log.erase("kept", scrub=False)
    assert found_in(Path(f"{path}-wal").read_bytes(), secrets)  # not scrubbed yet
    assert log.scrub_if_pending() is True
    assert log.scrub_if_pending() is None  # nothing left to do
    wal = Path(f"{path}-wal")
    raw = path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
    assert found_in(raw, secrets) == []
    engine.dispose()


@pytest.mark.postgres
def test_postgres_scrub_is_not_reported_while_a_snapshot_keeps_the_key(
    postgres_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    """Another session's snapshot from before the erase makes VACUUM FULL copy the deleted
    key row into the new file: the scrub must say it is not done, and finish later."""
    engine = create_engine(postgres_url)
    reader = create_engine(postgres_url, isolation_level="REPEATABLE READ")
    try:
        create_schema(engine)
        log = chatty_log(engine)
        with engine.connect() as connection:
            gone = stored_secrets(connection, "gone")
        held = _wait_for_other_snapshots(engine, seconds=30.0)
        assert held == [], f"other sessions hold snapshots in the test database: {held}"
        with reader.connect() as holder:
            holder.exec_driver_sql("SET application_name = 'nightly-report'")
            holder.exec_driver_sql("SELECT count(*) FROM audit_texts").all()  # snapshot taken
            with caplog.at_level(logging.WARNING, logger="opencounter.audit"):
                log.erase("gone")
            assert "not yet scrubbed" in caplog.text and "nightly-report" in caplog.text
            with engine.begin() as connection:
                # What the old scrub reported as gone is still in the key table's pages.
                assert found_in(raw_pages(connection, "audit_conversation_keys"), gone[:2])
            holder.rollback()
        # The app's retry finishes the job (an automatic ANALYZE may hold it a moment longer).
        assert _scrubbed_within(log, seconds=30.0), log.scrub_problem
        assert log.scrub_if_pending() is None
        with engine.begin() as connection:
            assert found_in(raw_pages(connection, "audit_conversation_keys"), gone[:2]) == []
    finally:
        reader.dispose()
        engine.dispose()


@pytest.mark.postgres
def test_postgres_scrub_as_a_role_that_sees_less_claims_nothing(postgres_url: str) -> None:
    """A role that does not own the key table cannot VACUUM it (PostgreSQL only warns and
    skips): the scrub says so. An app role without pg_read_all_stats sees another role's
    session with no state or snapshot: that session counts as one that may hold a snapshot."""
    from sqlalchemy import make_url

    from audit.storage.store import scrub_after_erase

    role = f"oc_scrub_{os.urandom(4).hex()}"
    engine = create_engine(postgres_url)
    restricted = create_engine(make_url(postgres_url).set(username=role))
    try:
        create_schema(engine)
        with engine.begin() as connection:
            connection.exec_driver_sql(f'CREATE ROLE "{role}" LOGIN')
            schema = connection.exec_driver_sql("SELECT current_schema()").scalar_one()
            connection.exec_driver_sql(f'GRANT USAGE ON SCHEMA "{schema}" TO "{role}"')
            connection.exec_driver_sql(
                f'GRANT SELECT ON ALL TABLES IN SCHEMA "{schema}" TO "{role}"'
            )
        not_owner = scrub_after_erase(restricted, log_tables())
        assert not_owner is not None and "does not own the key table" in not_owner
        with engine.begin() as connection:
            for table in ("audit_conversation_keys", "audit_texts"):
                connection.exec_driver_sql(f'ALTER TABLE {table} OWNER TO "{role}"')
        with postgres_snapshot_holder(engine, "admin-console"):
            unseen = scrub_after_erase(restricted, log_tables())
        assert unseen is not None and "cannot be inspected by this role" in unseen, unseen
    finally:
        restricted.dispose()
        with engine.begin() as connection:
            connection.exec_driver_sql(f'DROP OWNED BY "{role}"')
            connection.exec_driver_sql(f'DROP ROLE IF EXISTS "{role}"')
        engine.dispose()


@pytest.mark.postgres
def test_postgres_scrub_of_an_unknown_erase_waits_for_every_older_snapshot(
    postgres_url: str,
) -> None:
    """A scrub run by another process (`audit retention`, a restart) does not know when the
    erase was: any snapshot open before the scrub counts."""
    from audit.storage.store import scrub_after_erase

    engine = create_engine(postgres_url)
    try:
        create_schema(engine)
        held = _wait_for_other_snapshots(engine, seconds=30.0)
        assert held == [], f"other sessions hold snapshots in the test database: {held}"
        with postgres_snapshot_holder(engine, "long-report"):
            problem = scrub_after_erase(engine, log_tables())
        assert problem is not None and "long-report" in problem
        deadline = time.monotonic() + 30.0  # an automatic ANALYZE may hold it a moment too
        while (problem := scrub_after_erase(engine, log_tables())) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert problem is None
    finally:
        engine.dispose()


def test_a_scrub_held_by_the_same_reader_is_said_once_then_its_end(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The app retries every checkpoint interval: the same cause is not repeated each time."""
    engine, log = sqlite_chatty_log(tmp_path / "audit.db")
    reader = snapshot_holder(engine)
    with caplog.at_level(logging.INFO, logger="opencounter.audit"):
        log.erase("gone")
        for _ in range(3):
            assert log.scrub_if_pending() is False
        reader.rollback()
        reader.close()
        assert log.scrub_if_pending() is True
    said = [r.getMessage() for r in caplog.records if r.name == "opencounter.audit"]
    assert sum("not yet scrubbed" in m for m in said) == 1, said
    assert any("now scrubbed" in m for m in said), said
    engine.dispose()


@pytest.mark.postgres
def test_postgres_scrub_waits_for_an_older_transaction_in_another_database(
    postgres_url: str,
) -> None:
    """A transaction older than the erase, running in another database of the server, holds
    every new snapshot's xmin, VACUUM FULL's own included: the deleted key row is copied
    again. (Found under two test workers, each with a database of its own.)"""
    from sqlalchemy import make_url

    other = f"oc_other_{os.urandom(4).hex()}"
    server = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    engine = create_engine(postgres_url)
    elsewhere: Engine | None = None
    try:
        with server.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{other}"')
        elsewhere = create_engine(make_url(postgres_url).set(database=other, query={}))
        create_schema(engine)
        log = chatty_log(engine)
        with engine.connect() as connection:
            gone = stored_secrets(connection, "gone")
        with elsewhere.connect() as older:
            older.exec_driver_sql("SET application_name = 'month-end-batch'")
            older.exec_driver_sql("SELECT txid_current()").scalar_one()  # holds an xid
            log.erase("gone")
            assert log.scrub_pending, "a scrub was reported done while an older transaction ran"
            assert "month-end-batch" in (log.scrub_problem or ""), log.scrub_problem
            older.commit()
        assert _scrubbed_within(log, seconds=30.0), log.scrub_problem
        with engine.begin() as connection:
            assert found_in(raw_pages(connection, "audit_conversation_keys"), gone[:2]) == []
    finally:
        if elsewhere is not None:
            elsewhere.dispose()
        engine.dispose()
        with server.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{other}" WITH (FORCE)')
        server.dispose()
