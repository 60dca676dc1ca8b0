"""Name a storage failure for what it is: the log blocked, the database down, the disk full.

The driver's exception says what happened only in its SQLSTATE (PostgreSQL), its message
(SQLite) or its errno (files); `storage_failure` reads those and returns the typed error of
`audit.sink`, so the edge can tell a citizen "the disk is full" rather than "unavailable".
"""

from __future__ import annotations

import errno

from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from audit.sink import (
    LogBlocked,
    LogOverloaded,
    LogUnavailable,
    StorageFull,
    StorageReadOnly,
    StorageUnreachable,
)

# PostgreSQL SQLSTATE codes (Appendix A of its manual) and the fault each one is.
_SQLSTATE: dict[str, type[LogUnavailable]] = {
    "55P03": LogBlocked,  # lock_not_available: lock_timeout passed waiting for the log's lock
    "57014": LogBlocked,  # query_canceled: statement_timeout passed (waiting, most often)
    "40P01": LogBlocked,  # deadlock_detected
    "53100": StorageFull,  # disk_full
    "53200": LogOverloaded,  # out_of_memory
    "53300": LogOverloaded,  # too_many_connections
    "25006": StorageReadOnly,  # read_only_sql_transaction (a standby, or read-only mode)
    "57P01": StorageUnreachable,  # admin_shutdown
    "57P02": StorageUnreachable,  # crash_shutdown
    "57P03": StorageUnreachable,  # cannot_connect_now (starting up or shutting down)
}

# SQLite says what went wrong only in the message (the result code is not exposed).
_SQLITE_MESSAGES: tuple[tuple[str, type[LogUnavailable]], ...] = (
    ("database is locked", LogBlocked),
    ("database table is locked", LogBlocked),
    ("database or disk is full", StorageFull),
    ("readonly database", StorageReadOnly),
    ("read-only file system", StorageReadOnly),
    ("unable to open database file", StorageUnreachable),
)

_ERRNO: dict[int, type[LogUnavailable]] = {
    errno.ENOSPC: StorageFull,
    errno.EDQUOT: StorageFull,
    errno.EROFS: StorageReadOnly,
    errno.EACCES: StorageReadOnly,
    errno.EPERM: StorageReadOnly,
}


def failure_kind(error: BaseException) -> type[LogUnavailable] | None:
    """The typed error `error` is a case of, or None when it is no storage failure."""
    if isinstance(error, LogUnavailable):
        return type(error)
    if isinstance(error, OSError):
        return _ERRNO.get(error.errno or 0, LogUnavailable)
    if isinstance(error, PoolTimeout):
        return LogOverloaded  # every pooled connection busy for pool_timeout
    if isinstance(error, DBAPIError):
        return _driver_kind(error)
    return LogUnavailable if isinstance(error, SQLAlchemyError) else None


def _driver_kind(error: DBAPIError) -> type[LogUnavailable]:
    original = error.orig
    sqlstate = getattr(original, "sqlstate", None)
    if isinstance(sqlstate, str) and sqlstate.startswith("08"):
        return StorageUnreachable  # connection exception class
    found = _SQLSTATE.get(sqlstate) if isinstance(sqlstate, str) else None
    message = str(original).lower()
    for fragment, kind in _SQLITE_MESSAGES:
        if found is None and fragment in message:
            found = kind
    if found is None and isinstance(original, OSError):
        found = _ERRNO.get(original.errno or 0)
    if found is None and sqlstate is None and type(original).__module__.startswith("psycopg"):
        # psycopg has no SQLSTATE when no server answered (refused, reset, closed).
        found = StorageUnreachable
    if found is None and error.connection_invalidated:
        found = StorageUnreachable
    return found or LogUnavailable


def storage_failure(error: BaseException, doing: str) -> LogUnavailable | None:
    """The typed error for `error`, saying what could not be done; None if not storage."""
    if isinstance(error, LogUnavailable):
        return error
    kind = failure_kind(error)
    if kind is None:
        return None
    first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    failure = kind(f"{doing}: {first_line}")
    failure.__cause__ = error
    return failure
