"""Each pytest-xdist worker gets a PostgreSQL database of its own.

`make test` runs the suite on two workers (pyproject.toml, `-n 2`). The PostgreSQL tests
already work in a fresh schema each, but a worker's tests must not meet the other worker's
in anything database-wide either, so each worker creates `<database>_<run>_<worker>` (e.g.
`test_1f2e3d4c_gw0`: two runs at once on one server do not meet either) on the server at
OPENCOUNTER_TEST_DATABASE_URL, points that variable at it for its tests and the servers they
start, and drops it at the end. Without xdist (`-n 0`, or
`-p no:xdist`) nothing changes: the tests use the database the variable names.
"""

from __future__ import annotations

import contextlib
import os
import re

from sqlalchemy import create_engine, make_url, text
from sqlalchemy.exc import OperationalError

VARIABLE = "OPENCOUNTER_TEST_DATABASE_URL"
_server: list[str] = []  # the URL VARIABLE held before this worker pointed it at its own


def worker_name() -> str | None:
    """`gw0`, `gw1`, … in an xdist worker; None in a run without workers."""
    return os.environ.get("PYTEST_XDIST_WORKER")


def use_worker_database() -> str | None:
    """Create this worker's database afresh and point VARIABLE at it; returns its name.

    Nothing happens outside a worker, without VARIABLE, or when the server does not answer
    (the PostgreSQL tests then fail with the message the unreachable server gives them).
    """
    worker, base = worker_name(), os.environ.get(VARIABLE)
    if worker is None or not base or not re.fullmatch(r"gw\d+", worker):
        return None
    url = make_url(base)
    run = re.sub(r"[^0-9a-f]", "", os.environ.get("PYTEST_XDIST_TESTRUNUID", ""))[:8]
    name = f"{url.database or 'postgres'}_{run or 'run'}_{worker}"
    try:
        # From template0, which takes no connections: from template1 (the default) the
        # workers' CREATE DATABASE statements, made at the same moment, refuse each other
        # ("source database is being accessed by other users").
        _run_on_server(
            base,
            f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)',
            f'CREATE DATABASE "{name}" TEMPLATE template0',
        )
    except OperationalError:
        return None
    os.environ[VARIABLE] = url.set(database=name).render_as_string(hide_password=False)
    _server.append(base)
    return name


def drop_worker_database() -> None:
    """Drop the database use_worker_database made, once the worker's tests are done."""
    url = os.environ.get(VARIABLE)
    if not _server or url is None:
        return
    base = _server.pop()
    os.environ[VARIABLE] = base
    name = make_url(url).database
    # WITH (FORCE): a server a test started and left may still hold a connection. If the
    # server is gone, the next run's use_worker_database drops the database before making it.
    with contextlib.suppress(OperationalError):
        _run_on_server(base, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _run_on_server(url: str, *statements: str) -> None:
    """Run database-wide statements (outside a transaction, as PostgreSQL requires)."""
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            for statement in statements:
                connection.execute(text(statement))
    finally:
        engine.dispose()
