"""Make the database fail at one step of a log unit of work: locking, appending, committing.

The faults are raised as the driver's errors would be (`OperationalError`), from SQLAlchemy
engine events, so the real log and stores meet them where a real outage would hit.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Literal

from sqlalchemy import Engine, event
from sqlalchemy.exc import OperationalError

Step = Literal["begin", "append", "commit"]
STEPS: tuple[Step, ...] = ("begin", "append", "commit")


def _broken(why: str) -> OperationalError:
    return OperationalError("injected fault", {}, Exception(why))


@contextmanager
def failing(engine: Engine, step: Step) -> Iterator[None]:
    """While open, the log's write lock ("begin"), its entry inserts ("append") or every
    commit ("commit") fails on `engine`."""

    def on_statement(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        sql = " ".join(statement.split()).lower()
        if step == "begin" and ("pg_advisory_xact_lock" in sql or "update audit_state" in sql):
            raise _broken("the log's write lock could not be taken")
        if step == "append" and sql.startswith("insert into audit_entries"):
            raise _broken("the entry could not be written")

    def on_commit(_conn: Any) -> None:
        if step == "commit":
            raise _broken("the connection was lost at commit")

    event.listen(engine, "before_cursor_execute", on_statement)
    event.listen(engine, "commit", on_commit)
    try:
        yield
    finally:
        event.remove(engine, "before_cursor_execute", on_statement)
        event.remove(engine, "commit", on_commit)
