"""The transparency log: appends events as Merkle leaves, signs checkpoints, serves proofs.

Appends are all-or-nothing per `record` call and acknowledged only after commit: texts
go to the vault, entries, tree nodes, the compact range and any due checkpoint are
written in one transaction under the log's write lock. Calls that arrive while another
transaction is writing are grouped into the next one (`commit_group`), so a busy
service pays one commit for many messages.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, Engine, RootTransaction, delete, insert, select, update
from sqlalchemy.exc import SQLAlchemyError

from audit.checkpoint import CosignatureVerifier, open_checkpoint, sign_checkpoint
from audit.merkle import CompactRange
from audit.note import Ed25519Signer
from audit.sink import AuditEvent, LogUnavailable, Recorded, UnitOfWork
from audit.storage.appending import PreparedEvent, append_batches, prepare_event
from audit.storage.commit_group import GroupCommit
from audit.storage.failures import storage_failure
from audit.storage.log_reader import LogReader, LogState, aware
from audit.storage.signing import checkpoint_to_sign
from audit.storage.store import (
    AuditTables,
    erasing_transaction,
    lock_for_append,
    scrub_after_erase,
)
from audit.storage.vault import Vault, VaultError

# What one transaction does with the write lock held: (connection, compact range to
# advance, time of the append) -> an outcome per request.
_Work = Callable[[Connection, CompactRange, datetime], list["list[Recorded] | Exception"]]


def _utc_now() -> datetime:
    return datetime.now(UTC)


class TransparencyLog(LogReader):
    """An append-only RFC 9162 log over SQLAlchemy, implementing `AuditSink`.

    `signer` is required: a log that cannot sign checkpoints must not start. Its key
    name must be the log's `origin`. A checkpoint is issued after `checkpoint_every`
    new entries or once `checkpoint_interval` has passed since the last one (checked
    on append and by `checkpoint_if_due`), and on demand with `checkpoint()`.
    """

    def __init__(
        self,
        engine: Engine,
        signer: Ed25519Signer,
        origin: str,
        vault: Vault,
        *,
        tables: AuditTables,
        clock: Callable[[], datetime] = _utc_now,
        checkpoint_every: int = 1000,
        checkpoint_interval: timedelta = timedelta(seconds=60),
        lock_wait: timedelta = timedelta(seconds=30),
    ) -> None:
        if signer.name != origin:
            raise ValueError(f"the log key is named {signer.name!r}, not the origin {origin!r}")
        if checkpoint_every < 1:
            raise ValueError("checkpoint_every must be at least 1")
        super().__init__(engine, tables)
        self._signer = signer
        self.origin = origin
        self._vault = vault
        self._clock = clock
        self._every = checkpoint_every
        self._interval = checkpoint_interval
        # How long an append waits for another writer's lock before it fails as `LogBlocked`.
        self._lock_wait_ms = max(1, round(lock_wait.total_seconds() * 1000))
        # Erased here with `scrub=False` (or a scrub that could not finish) since the last
        # scrub that did: `scrub_if_pending` (the app's background task) finishes the job.
        self._scrub_pending = False
        # PostgreSQL: the newest erasing transaction not yet scrubbed (see `scrub_after_erase`).
        self._erased_in: int | None = None
        self._scrub_problem: str | None = None
        # One write transaction at a time per process (SQLite connections of one process
        # would otherwise wait on each other's file lock); waiting batches are grouped.
        self._group: GroupCommit[Sequence[PreparedEvent], list[Recorded]] = GroupCommit(
            self._write_group
        )
        # The thread inside `unit_of_work`, if any: its own `record` would wait forever
        # for the write lock it holds, so that is refused instead.
        self._unit_thread: int | None = None

    @property
    def vault(self) -> Vault:
        """Where this log keeps conversation texts."""
        return self._vault

    @property
    def verifier_key(self) -> str:
        """The log's public key as a note verifier key string (publish this)."""
        return self._signer.verifier().to_string()

    # -- appending -------------------------------------------------------------------

    def record(self, events: Sequence[AuditEvent]) -> list[Recorded]:
        """Append `events` in order, all or nothing; returns after commit.

        Raises `InvalidEntry` for an event that breaks its schema (nothing written) and
        `LogUnavailable` when storage fails (nothing written).
        """
        if not events:
            return []
        self._refuse_inside_unit()
        now = self._clock()
        prepared = [prepare_event(event, now) for event in events]
        return self._group.submit(prepared)

    @contextmanager
    def unit_of_work(self) -> Iterator[UnitOfWork]:
        """One transaction, under the log's write lock, for a state change and its entries.

        The lock is taken first (before the caller's writes), so units and appends of
        all processes queue in one order and the state row is read only under it. The
        entries skip group commit: the transaction commits once, when the block ends,
        together with the caller's writes, the compact range and any due checkpoint.
        An exception in the block, or a failure to lock, append or commit, rolls all of
        it back (the state row included); storage failures raise `LogUnavailable`.
        """
        self._refuse_inside_unit()
        with self._group.write_lock:
            self._unit_thread = threading.get_ident()
            try:
                with self._engine.connect() as conn:
                    yield from self._run_unit(conn)
            except (SQLAlchemyError, VaultError, OSError) as error:
                raise _could_not_record(error) from error
            finally:
                self._unit_thread = None

    def _run_unit(self, conn: Connection) -> Iterator[UnitOfWork]:
        # Errors of the caller's block pass through unchanged (a conflict stays a conflict);
        # the connection, closed by the caller, discards whatever was not committed.
        transaction = conn.begin()
        lock_for_append(conn, self._tables, self._lock_wait_ms)
        state, newest = self._state_and_newest_time(conn)
        compact = CompactRange.from_bytes(state.size, state.compact_range)
        now = max(self._clock(), newest)
        unit = _LogUnit(conn, compact, now, self._append_one)
        try:
            yield unit
            unit.closed = True
            if unit.broken:
                # An append failed half-way: the compact range in hand may not match the rows.
                raise LogUnavailable("an append in this unit of work failed; nothing was kept")
            self._advance(conn, state, compact, now)
            transaction.commit()
        except BaseException:
            unit.closed = True
            _discard(conn, transaction)
            raise

    def _append_one(
        self, conn: Connection, compact: CompactRange, now: datetime, events: Sequence[AuditEvent]
    ) -> list[Recorded]:
        prepared = [prepare_event(event, now) for event in events]
        try:
            outcome = append_batches(conn, self._tables, self._vault, compact, now, [prepared])[0]
        except (SQLAlchemyError, VaultError, OSError) as error:
            raise _could_not_record(error) from error
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    def probe(self, wait: timedelta = timedelta(seconds=1)) -> None:
        """Take the log's write lock and let it go, writing nothing; for readiness checks.

        Raises the typed fault an append would meet now (`LogBlocked` when another writer
        holds the lock past `wait`, `StorageUnreachable`, `StorageReadOnly`, ...).
        """
        try:
            with self._engine.connect() as conn:
                transaction = conn.begin()
                try:
                    lock_for_append(conn, self._tables, round(wait.total_seconds() * 1000))
                finally:
                    _discard(conn, transaction)
        except (SQLAlchemyError, OSError) as error:
            raise _could_not_record(error) from error

    def _refuse_inside_unit(self) -> None:
        if self._unit_thread == threading.get_ident():
            raise RuntimeError("inside a unit of work, record through the unit, not the log")

    def erase(
        self,
        conversation_id: str,
        reason: str = "citizen_request",
        *,
        scrub: bool = True,
        also: Callable[[Connection], None] | None = None,
    ) -> Recorded:
        """Crypto-shred a conversation's texts and log an erasure entry, atomically.

        `also` runs in the same transaction (the caller's own state change, e.g. marking the
        conversation erased): all of it commits, or none of it does.
        Then, unless `scrub` is False (erasing many: call `scrub_erased` once after),
        scrub the old bytes from the database files (`scrub_after_erase`).
        """
        prepared = prepare_event(
            AuditEvent("erasure", conversation_id, {"reason": reason}), self._clock()
        )

        erased_in: list[int | None] = []

        def shred_and_log(
            conn: Connection, compact: CompactRange, now: datetime
        ) -> list[list[Recorded] | Exception]:
            self._vault.erase(conversation_id, connection=conn)
            erased_in[:] = [erasing_transaction(conn)]
            if also is not None:
                also(conn)
            return append_batches(conn, self._tables, self._vault, compact, now, [[prepared]])

        outcome = self._write(shred_and_log)[0]
        if isinstance(outcome, Exception):
            raise outcome
        if erased_in and erased_in[0] is not None:
            self._erased_in = max(self._erased_in or 0, erased_in[0])
        if scrub:
            self.scrub_erased(f"conversation {conversation_id}")
        else:
            self._scrub_pending = True
        return outcome[0]

    @property
    def scrub_pending(self) -> bool:
        """True while an erase made here has old bytes not yet scrubbed from the files."""
        return self._scrub_pending

    @property
    def scrub_problem(self) -> str | None:
        """Why the last scrub could not finish (what held it), or None."""
        return self._scrub_problem

    def scrub_if_pending(self) -> bool | None:
        """Scrub if this process erased without a finished scrub since; None if nothing was due.

        The app calls it every checkpoint interval (`web.app`), so a scrub that an open
        reader or snapshot held back finishes once that has ended; a caller may also erase
        with `scrub=False` (on PostgreSQL the scrub locks the key table for a while) and
        leave the scrub to it.
        """
        if not self._scrub_pending:
            return None
        return self.scrub_erased()

    def scrub_erased(self, erased: str = "erased conversations") -> bool:
        """Remove shredded keys' old bytes from the database files; False if it could not.

        After commit, they may still sit in the WAL (SQLite) or as dead row versions
        (PostgreSQL). Best effort: the erasure is logged and the key is unreachable
        through the database either way; a failure is said in the log, not hidden.
        """
        self._scrub_pending = False
        erased_in = self._erased_in
        problem = scrub_after_erase(self._engine, self._tables, erased_in)
        said, self._scrub_problem = self._scrub_problem, problem
        log = logging.getLogger("opencounter.audit")
        if problem is None:
            if self._erased_in == erased_in:  # not a newer erase's, made meanwhile
                self._erased_in = None
            if said is not None:
                log.info("old bytes of erased conversations are now scrubbed (%s)", erased)
        else:
            self._scrub_pending = True
            # Said once per cause: the app retries every checkpoint interval, and an hour of
            # pg_dump would otherwise repeat the same warning sixty times.
            if problem != said:
                log.warning(
                    "%s erased, but old bytes are not yet scrubbed from the database files "
                    "(%s); the next scrub (erase, retention run or the app, every checkpoint "
                    "interval) removes them",
                    erased,
                    problem,
                )
        return problem is None

    def checkpoint(self) -> str:
        """Sign, store and return a checkpoint of the current tree now.

        If the newest checkpoint already covers the current size it is returned as is
        (with its cosignatures): Ed25519 is deterministic, so a new one would be identical.
        """
        notes: list[str] = []

        def issue(
            conn: Connection, compact: CompactRange, now: datetime
        ) -> list[list[Recorded] | Exception]:
            latest = self._latest(conn)
            if latest is not None and latest[1] == compact.size:
                notes.append(latest[2])
            else:
                notes.append(self._issue_checkpoint(conn, compact, now))
            return []

        self._write(issue)
        return notes[0]

    def checkpoint_if_due(self) -> str | None:
        """Issue a checkpoint if entries arrived since the last and the interval passed."""
        with self._engine.connect() as conn:
            state = self._state(conn)
        last_size, last_at = state.checkpoint_size, state.checkpoint_at
        if last_size == state.size:
            return None
        if last_at is not None and self._clock() - aware(last_at) < self._interval:
            return None
        return self.checkpoint()

    def time_to_next_checkpoint(self) -> timedelta:
        """At most how long until the log's own schedule signs the entries not yet covered.

        A checkpoint is due `checkpoint_interval` after the last one and is signed at the
        next append or `checkpoint_if_due` tick (the app ticks every interval), so by one
        more interval at the latest. At least a second. Receipts say when to come back.
        """
        with self._engine.connect() as conn:
            state = self._state(conn)
        last = self._clock() if state.checkpoint_at is None else aware(state.checkpoint_at)
        latest = last + 2 * self._interval
        return max(timedelta(seconds=1), latest - self._clock())

    def add_cosignature(self, cosigned: str, witness: CosignatureVerifier) -> None:
        """Store one witness's cosignature of one of our checkpoints (opened and checked)."""
        self.add_cosignatures(cosigned, [witness])

    def add_cosignatures(
        self, cosigned: str, witnesses: Sequence[CosignatureVerifier]
    ) -> list[str]:
        """Store the cosignatures of configured `witnesses` on one of our checkpoints.

        Returns the names of the witnesses whose cosignature is new (empty: all were
        stored already). Raises `ValueError`, storing nothing, when the note carries a
        line from a key that is not a configured witness (unless we stored and served
        that line ourselves), or no configured witness's cosignature at all: an answer
        of "stored" must never cover a signature that was not stored.
        """
        opened = open_checkpoint(cosigned, self._signer.verifier(), witnesses)
        own = next(s for s in opened.note.verified if s.key_id == self._signer.key_id)
        theirs = [s for s in opened.note.verified if s is not own]
        if not theirs:
            raise ValueError("the note carries no valid cosignature from a configured witness")
        note = opened.note.text + "\n" + own.line()
        table, cosignatures = self._tables.checkpoints, self._tables.cosignatures
        try:
            with self._engine.begin() as conn:
                row = conn.execute(
                    select(table.c.id).where(table.c.note == note).order_by(table.c.id.desc())
                ).first()
                if row is None:
                    raise ValueError("the cosigned checkpoint was not issued by this log")
                stored = {
                    str(line)
                    for line in conn.execute(
                        select(cosignatures.c.line).where(cosignatures.c.checkpoint_id == row.id)
                    ).scalars()
                }
                strangers = [s.name for s in opened.note.unverified if s.line() not in stored]
                if strangers:
                    raise ValueError(
                        f"{', '.join(strangers)}: not a configured witness; nothing was stored"
                    )
                new = [s for s in theirs if s.line() not in stored]
                for signature in new:
                    conn.execute(
                        delete(cosignatures).where(
                            cosignatures.c.checkpoint_id == row.id,
                            cosignatures.c.key_id == signature.key_id.hex(),
                            cosignatures.c.name == signature.name,
                        )
                    )  # a witness's newer cosignature of the same checkpoint replaces its older
                    conn.execute(
                        insert(cosignatures).values(
                            checkpoint_id=row.id,
                            name=signature.name,
                            key_id=signature.key_id.hex(),
                            line=signature.line(),
                            created_at=self._clock(),
                        )
                    )
        except SQLAlchemyError as error:
            raise LogUnavailable("could not store the cosignature") from error
        return [signature.name for signature in new]

    def _write_group(
        self, batches: Sequence[Sequence[PreparedEvent]]
    ) -> list[list[Recorded] | Exception]:
        def append(
            conn: Connection, compact: CompactRange, now: datetime
        ) -> list[list[Recorded] | Exception]:
            return append_batches(conn, self._tables, self._vault, compact, now, batches)

        return self._transaction(append)

    def _write(self, work: _Work) -> list[list[Recorded] | Exception]:
        self._refuse_inside_unit()
        with self._group.write_lock:
            return self._transaction(work)

    def _transaction(self, work: _Work) -> list[list[Recorded] | Exception]:
        try:
            with self._engine.begin() as conn:
                lock_for_append(conn, self._tables, self._lock_wait_ms)
                state, newest = self._state_and_newest_time(conn)
                compact = CompactRange.from_bytes(state.size, state.compact_range)
                # Entry times never go back (verification checks it), even if the clock does.
                now = max(self._clock(), newest)
                outcomes = work(conn, compact, now)
                self._advance(conn, state, compact, now)
                return outcomes
        except (SQLAlchemyError, VaultError, OSError) as error:
            raise _could_not_record(error) from error

    def _advance(
        self, conn: Connection, state: LogState, compact: CompactRange, now: datetime
    ) -> None:
        """Store the grown compact range and sign a checkpoint if one is due (same transaction)."""
        if compact.size == state.size:
            return
        conn.execute(
            update(self._tables.state)
            .where(self._tables.state.c.id == 1)
            .values(size=compact.size, compact_range=compact.to_bytes())
        )
        if self._checkpoint_due(state.checkpoint_size, state.checkpoint_at, compact, now):
            self._issue_checkpoint(conn, compact, now)

    def _checkpoint_due(
        self, last_size: int | None, last_at: datetime | None, compact: CompactRange, now: datetime
    ) -> bool:
        if last_size is None or last_at is None:
            return True
        if compact.size - last_size >= self._every:
            return True
        return now - aware(last_at) >= self._interval

    def _issue_checkpoint(self, conn: Connection, compact: CompactRange, now: datetime) -> str:
        # Sign a root recomputed from the entries, linked to the previous checkpoint;
        # `TreeMismatch` (nothing signed, the transaction rolled back) if storage disagrees.
        checkpoint = checkpoint_to_sign(
            conn, self._tables, compact, self.origin, self._signer.verifier()
        )
        note = sign_checkpoint(checkpoint, self._signer)
        conn.execute(
            insert(self._tables.checkpoints).values(size=compact.size, note=note, created_at=now)
        )
        conn.execute(
            update(self._tables.state)
            .where(self._tables.state.c.id == 1)
            .values(checkpoint_size=compact.size, checkpoint_at=now)
        )
        return note


def _could_not_record(error: BaseException) -> LogUnavailable:
    """The typed failure (blocked, unreachable, full, read-only) the append ran into."""
    doing = "the transparency log could not record"
    return storage_failure(error, doing) or LogUnavailable(f"{doing}: {error}")


def _discard(conn: Connection, transaction: RootTransaction) -> None:
    """Roll back for certain, also after a failed commit (closing alone may not, on SQLite)."""
    try:
        transaction.rollback()
    except SQLAlchemyError:
        conn.invalidate()  # the database connection is dropped, and its transaction with it


class _LogUnit:
    """The `UnitOfWork` a `TransparencyLog` hands out: appends go into its transaction."""

    def __init__(
        self,
        connection: Connection,
        compact: CompactRange,
        now: datetime,
        append: Callable[
            [Connection, CompactRange, datetime, Sequence[AuditEvent]], list[Recorded]
        ],
    ) -> None:
        self._connection = connection
        self._compact = compact
        self._now = now
        self._append = append
        self.closed = False
        self.broken = False

    @property
    def connection(self) -> Connection:
        return self._connection

    def record(self, events: Sequence[AuditEvent]) -> list[Recorded]:
        if self.closed:
            raise RuntimeError("this unit of work has ended; open another")
        if not events:
            return []
        try:
            return self._append(self._connection, self._compact, self._now, events)
        except Exception:
            self.broken = True  # the whole unit fails, even if the caller catches this
            raise
