"""SQLAlchemy Core tables of the transparency log and the text vault (SQLite and PostgreSQL).

`audit_tables(metadata)` declares them on the MetaData it is given: the app's one MetaData
(web/schema.py), which its migrations create; a reader of a database copy (`opencounter-audit
verify --database-url`) declares them on its own. Importing this module creates nothing, and
nothing here creates a table; table names all start with `audit_`.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    DateTime,
    Engine,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    Select,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
    and_,
    bindparam,
    event,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.exc import SQLAlchemyError

from audit.merkle import NodeId

ENTRIES_TABLE = "audit_entries"
NODES_TABLE = "audit_nodes"
# SQLite only auto-increments an INTEGER PRIMARY KEY; PostgreSQL gets a BIGINT identity.
_ROW_ID = BigInteger().with_variant(Integer, "sqlite")
# How long a SQLite writer waits for another to commit before giving up.
SQLITE_BUSY_TIMEOUT_MS = 30_000
# How long the scrub after an erase waits for the key table (PostgreSQL VACUUM FULL);
# SQLite's WAL checkpoint waits a fifth of it for readers.
SCRUB_LOCK_TIMEOUT_MS = 5_000
# pg_advisory_xact_lock key for appends: "OCaudit1" read as a signed 64-bit integer.
APPEND_LOCK_KEY = int.from_bytes(b"OCaudit1", "big", signed=True)


@dataclass(frozen=True)
class AuditTables:
    metadata: MetaData
    entries: Table
    nodes: Table
    state: Table
    checkpoints: Table
    cosignatures: Table
    conversation_keys: Table
    texts: Table


def audit_tables(metadata: MetaData) -> AuditTables:
    """Declare the audit tables on `metadata`: the app's one MetaData (web/schema.py), or for
    a reader of a database copy, one of its own (`audit_tables(MetaData())`)."""
    stamp = DateTime(timezone=True)
    return AuditTables(
        metadata=metadata,
        entries=Table(
            ENTRIES_TABLE,
            metadata,
            Column("idx", BigInteger, primary_key=True, autoincrement=False),
            Column("data", LargeBinary, nullable=False),
            Column("conversation_id", String(200), index=True),
        ),
        # Hashes of every perfect subtree (level 0 = leaf hashes): O(log n) proofs.
        nodes=Table(
            NODES_TABLE,
            metadata,
            Column("level", SmallInteger, primary_key=True, autoincrement=False),
            Column("idx", BigInteger, primary_key=True, autoincrement=False),
            Column("hash", LargeBinary(32), nullable=False),
        ),
        state=Table(
            "audit_state",
            metadata,
            Column("id", Integer, primary_key=True, autoincrement=False),
            Column("size", BigInteger, nullable=False),
            Column("compact_range", LargeBinary, nullable=False),
            Column("checkpoint_size", BigInteger),
            Column("checkpoint_at", stamp),
        ),
        checkpoints=Table(
            "audit_checkpoints",
            metadata,
            Column("id", _ROW_ID, primary_key=True, autoincrement=True),
            Column("size", BigInteger, nullable=False, index=True),
            Column("note", Text, nullable=False),
            Column("created_at", stamp, nullable=False),
        ),
        cosignatures=Table(
            "audit_cosignatures",
            metadata,
            Column("id", _ROW_ID, primary_key=True, autoincrement=True),
            Column("checkpoint_id", ForeignKey("audit_checkpoints.id"), nullable=False),
            Column("name", String(200), nullable=False),
            Column("key_id", String(8), nullable=False),
            Column("line", Text, nullable=False),
            Column("created_at", stamp, nullable=False),
            UniqueConstraint("checkpoint_id", "name", "key_id"),
        ),
        # Crypto-shredding: erasing a conversation nulls its wrapped key and salt.
        conversation_keys=Table(
            "audit_conversation_keys",
            metadata,
            Column("conversation_id", String(200), primary_key=True),
            Column("wrapped_key", LargeBinary),
            Column("salt", LargeBinary),
            Column("created_at", stamp, nullable=False, index=True),
            Column("erased_at", stamp),
        ),
        texts=Table(
            "audit_texts",
            metadata,
            Column("id", _ROW_ID, primary_key=True, autoincrement=True),
            Column("conversation_id", String(200), nullable=False, index=True),
            # The entry whose commitment this text opens; with the conversation it is the
            # ciphertext's associated data, so a text moved to another entry fails to open.
            Column("entry_idx", BigInteger, nullable=False, unique=True),
            Column("nonce", LargeBinary, nullable=False),
            Column("ciphertext", LargeBinary, nullable=False),
        ),
    )


def copy_tables() -> AuditTables:
    """The log's tables on a MetaData of their own, for a reader of a database copy (the
    standalone verifier), which has no app schema to take them from."""
    return audit_tables(MetaData())


def tune_engine(engine: Engine) -> None:
    """Set up a SQLite engine for the log; call once, before its first connection.

    Every new SQLite connection gets `journal_mode=WAL`, `synchronous=NORMAL`,
    `secure_delete=ON` and a 30 s busy timeout. Why: in WAL mode a commit appends to the
    write-ahead log without an fsync (one fsync per WAL checkpoint instead of several per
    commit), readers do not block the writer, and several writer processes wait for each
    other instead of failing with "database is locked". `secure_delete` zeroes deleted
    content in the file, so an erased key leaves no readable copy (see `scrub_after_erase`).
    The durability trade-off: every committed transaction survives an application crash
    (kill -9: the WAL is in the OS page cache and is replayed on the next open); a power
    loss or OS crash may lose the last transactions committed before the last fsync,
    never corrupt the file. PostgreSQL needs nothing
    here: this does nothing for other dialects.
    """
    if engine.dialect.name != "sqlite":
        return
    if not event.contains(engine, "connect", _tune_sqlite_connection):
        event.listen(engine, "connect", _tune_sqlite_connection)


def _tune_sqlite_connection(dbapi_connection: DBAPIConnection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    try:
        # busy_timeout first: switching to WAL itself needs the lock another writer may hold.
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        # Erased keys and ciphertexts are overwritten with zeros in the file, not just
        # unlinked from the b-tree (see `scrub_after_erase` for the WAL).
        cursor.execute("PRAGMA secure_delete = ON")
    finally:
        cursor.close()


def erasing_transaction(connection: Connection) -> int | None:
    """The id of the transaction `connection` is in (PostgreSQL; None elsewhere).

    Call inside an erase: `scrub_after_erase` needs it to tell whether a snapshot that
    can still see the erased rows is open somewhere.
    """
    if connection.dialect.name != "postgresql":
        return None
    return int(connection.exec_driver_sql("SELECT txid_current()").scalar_one())


# Who keeps PostgreSQL from removing a row version deleted by transaction :x (its 32-bit
# xid; `age` compares xids across wraparound):
# - a transaction older than :x still running, in any database of the server: every new
#   snapshot's xmin (VACUUM FULL's own among them) stops at the oldest running xid, so it
#   holds the horizon here too (`_OLDEST_RUNNING` sees it without privileges; this query
#   names it where it can);
# - a session of this database, or a walsender, whose snapshot is older than :x (autovacuum
#   workers included: an automatic ANALYZE holds one like any reader);
# - a replication slot or a prepared transaction as old;
# - a session of this database that the app's role may not inspect (without
#   pg_read_all_stats another role's session shows no backend_type, state or xmin).
_SNAPSHOT_HOLDERS = """
SELECT concat_ws(' ', 'pid', pid, datname, usename, nullif(application_name, ''),
                 coalesce(state, 'cannot be inspected by this role'))
FROM pg_stat_activity
WHERE pid <> pg_backend_pid()
  AND ((backend_xid IS NOT NULL AND age(backend_xid) >= age(CAST(:x AS xid)))
       OR ((datname = current_database() OR backend_type = 'walsender')
           AND backend_xmin IS NOT NULL AND age(backend_xmin) >= age(CAST(:x AS xid)))
       OR (backend_type IS NULL AND datname = current_database()))
UNION ALL
SELECT 'replication slot ' || slot_name FROM pg_replication_slots
WHERE xmin IS NOT NULL AND age(xmin) >= age(CAST(:x AS xid))
UNION ALL
SELECT 'prepared transaction ' || gid FROM pg_prepared_xacts
WHERE age(transaction) >= age(CAST(:x AS xid))
"""
# The oldest transaction still running on the whole server (epoch-extended, as txid_current).
_OLDEST_RUNNING = "SELECT txid_snapshot_xmin(txid_current_snapshot())"


def _snapshot_holders(connection: Connection, erased_in: int) -> list[str]:
    xid = str(erased_in % 2**32)  # txid_current() counts epochs; a row's xid does not
    held = [str(who) for who in connection.execute(text(_SNAPSHOT_HOLDERS), {"x": xid}).scalars()]
    oldest_running = int(connection.exec_driver_sql(_OLDEST_RUNNING).scalar_one())
    if oldest_running <= erased_in and not held:
        held.append("a transaction older than the erase is still running on the server")
    return held


def _may_vacuum(connection: Connection, table: str) -> bool:
    """Whether this role may VACUUM `table`: its owner (or a member of the owning role) or a
    superuser."""
    return bool(
        connection.execute(
            text(
                "SELECT pg_has_role(current_user, relowner, 'MEMBER') OR "
                "(SELECT rolsuper FROM pg_roles WHERE rolname = current_user) "
                "FROM pg_class WHERE oid = CAST(:t AS regclass)"
            ),
            {"t": table},
        ).scalar_one()
    )


def scrub_after_erase(
    engine: Engine, tables: AuditTables, erased_in: int | None = None
) -> str | None:
    """Make erased keys unreadable in the database files; None, or why not (best effort).

    Call after the erasing transaction committed; it cannot run inside one. `erased_in`
    is the newest erasing transaction's `erasing_transaction` (PostgreSQL); without it, no
    snapshot older than the scrub itself may be open.

    SQLite (with `secure_delete`) has zeroed the rows in its pages, but the WAL still
    holds page images from before the erase: a TRUNCATE checkpoint copies the pages back
    and empties the WAL file. It cannot finish while a reader holds an older snapshot;
    then the old frames stay until SQLite overwrites them after a later checkpoint, or
    deletes the WAL when the last connection closes.

    PostgreSQL never overwrites a row in place: the row version holding the wrapped key
    stays in the page as a dead tuple, and plain VACUUM frees its space without zeroing
    it. VACUUM FULL rewrites the key table into a new file (one short row per
    conversation, so this is quick; it waits at most `lock_timeout` for the table).
    The texts table gets a plain VACUUM: its stale ciphertext bytes may stay in free
    page space until overwritten, but they cannot be opened once the key is gone.
    VACUUM FULL copies a deleted row that some snapshot may still see into the new file
    (another session's open REPEATABLE READ transaction, a pg_dump, a standby's
    feedback): while one from before `erased_in` is open, this says so and names it
    instead of vacuuming in vain, and the caller tries again later.
    """
    try:
        if engine.dialect.name == "sqlite":
            with engine.connect() as connection:
                # A TRUNCATE checkpoint waits for readers through the busy handler: give
                # them a moment, not the 30 s a writer waits, so an erase is not held up.
                connection.exec_driver_sql(f"PRAGMA busy_timeout = {SCRUB_LOCK_TIMEOUT_MS // 5}")
                try:
                    busy, _, _ = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
                finally:
                    connection.exec_driver_sql(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
            return None if busy == 0 else "a reader held the WAL open; it is emptied later"
        if engine.dialect.name == "postgresql":
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
                if not _may_vacuum(connection, tables.conversation_keys.name):
                    # VACUUM by another role only warns and skips the table.
                    return (
                        "the app's database role does not own the key table, so VACUUM FULL "
                        "would skip it: run the app as the role that ran `opencounter db upgrade`"
                    )
                if erased_in is None:
                    # Erased by another process, or when: any snapshot older than now may
                    # still see it, so none may be open.
                    erased_in = int(
                        connection.exec_driver_sql("SELECT txid_current()").scalar_one()
                    )
                held = _snapshot_holders(connection, erased_in)
                if held:
                    return "a snapshot from before the erase is open: " + "; ".join(held)
                connection.exec_driver_sql(f"SET lock_timeout = {SCRUB_LOCK_TIMEOUT_MS}")
                try:
                    connection.exec_driver_sql(f"VACUUM FULL {tables.conversation_keys.name}")
                    connection.exec_driver_sql(f"VACUUM {tables.texts.name}")
                finally:
                    connection.exec_driver_sql("RESET lock_timeout")
    except SQLAlchemyError as error:
        return str(error).splitlines()[0]
    return None


def lock_for_append(
    connection: Connection, tables: AuditTables, wait_ms: int = SQLITE_BUSY_TIMEOUT_MS
) -> None:
    """Take the log's write lock for the rest of this transaction: one appender at a time.

    A lock held by another writer is waited for at most `wait_ms`; then the driver fails
    (SQLite "database is locked", PostgreSQL lock_not_available), which the log reports
    as `LogBlocked` rather than keeping the citizen waiting without end.
    """
    if connection.dialect.name == "postgresql":
        # Transaction-scoped: the app's other statements keep the server's own setting. Both
        # in one round trip (two statements, no parameters: both values are integers made
        # here), the wait set before the lock is asked for.
        connection.exec_driver_sql(
            f"SET LOCAL lock_timeout = {int(wait_ms)}; "
            f"SELECT pg_advisory_xact_lock({int(APPEND_LOCK_KEY)})"
        )
    else:
        # The busy handler is the connection's; every append sets it to the log's wait.
        connection.exec_driver_sql(f"PRAGMA busy_timeout = {int(wait_ms)}")
        # A write as the first statement makes SQLite take its RESERVED lock now, so two
        # appenders never both read the state and then race to upgrade.
        connection.execute(
            update(tables.state).where(tables.state.c.id == 1).values(size=tables.state.c.size)
        )


def read_nodes(connection: Connection, nodes: Table, ids: Sequence[NodeId]) -> list[bytes]:
    """Stored perfect-subtree hashes for `ids`, in the order asked, in one query."""
    if not ids:
        return []
    params: dict[str, int] = {}
    for n, node in enumerate(ids):
        params[f"l{n}"] = node.level
        params[f"i{n}"] = node.index
    rows = connection.execute(_node_query(nodes, len(ids)), params)
    found = {NodeId(int(level), int(idx)): bytes(value) for level, idx, value in rows}
    missing = [node for node in ids if node not in found]
    if missing:
        raise LookupError(f"tree nodes missing from storage: {missing[:3]}")
    return [found[node] for node in ids]


@functools.lru_cache(maxsize=256)
def _node_query(nodes: Table, count: int) -> Select[int, int, bytes]:
    # One primary-key probe per node (an OR of equalities): a row-value IN list makes
    # SQLite scan the whole table. Built once per node count with bound parameters, as
    # building the expression anew costs more than running the query.
    probes = (
        and_(nodes.c.level == bindparam(f"l{n}"), nodes.c.idx == bindparam(f"i{n}"))
        for n in range(count)
    )
    return select(nodes.c.level, nodes.c.idx, nodes.c.hash).where(or_(*probes))


def fetch_raw_rows(connection: Connection, query: Select[Any]) -> list[tuple[Any, ...]]:
    """All rows of `query` as the driver's plain tuples, fetched at once on its cursor.

    For scans of millions of rows (verification): row objects would cost more than the
    hashing they feed.
    """
    compiled = query.compile(dialect=connection.dialect)
    params = compiled.params
    arguments = (
        [params[name] for name in compiled.positiontup or ()] if compiled.positional else params
    )
    cursor = connection.connection.cursor()
    try:
        cursor.execute(str(compiled), arguments)
        return list(cursor.fetchall())
    finally:
        cursor.close()


def scan_column(
    connection: Connection, table: Table, column: str, level: int | None, start: int, limit: int
) -> list[tuple[int, bytes]]:
    """(idx, value) of up to `limit` rows of `table` from `start` in index order.

    Runs on the driver's cursor and fetches all rows at once: verification reads
    millions of them, and row objects would cost more than the hashing.
    """
    query = select(table.c.idx, table.c[column]).where(table.c.idx >= start)
    if level is not None:
        query = query.where(table.c.level == level)
    rows = cast(
        list[tuple[int, bytes]],
        fetch_raw_rows(connection, query.order_by(table.c.idx).limit(limit)),
    )
    if rows and type(rows[0][1]) is not bytes:
        rows = [(int(idx), bytes(value)) for idx, value in rows]
    return rows
