"""Group commit: batches that threads submit at the same time share one write transaction.

The first thread to take the write lock becomes the leader: it drains every request
queued so far and writes them together; the others find their request already done when
they get the lock. A commit costs the same for one event or a hundred, so under load
many chat messages are acknowledged by one commit, each still only after that commit.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from audit.sink import LogUnavailable
from audit.storage.failures import storage_failure

_In = TypeVar("_In")
_Out = TypeVar("_Out")

# Writes every queued item in one transaction; returns, per item in order, its result or
# the typed error that item alone failed with (the others are still written).
GroupWriter = Callable[[Sequence[_In]], list["_Out | Exception"]]


class _Request(Generic[_In, _Out]):
    __slots__ = ("done", "item", "outcome")

    def __init__(self, item: _In) -> None:
        self.item = item
        self.done = False
        self.outcome: _Out | Exception = LogUnavailable("the request was never written")


class GroupCommit(Generic[_In, _Out]):
    """Runs `writer` over whatever requests are waiting, one transaction at a time."""

    def __init__(self, writer: GroupWriter[_In, _Out], *, max_group: int = 1000) -> None:
        self._writer = writer
        self._max_group = max_group
        self._queue: list[_Request[_In, _Out]] = []
        # Waiters sleep on the condition and are woken when their request is done, not by
        # taking the write lock one after another (which would let each one lead a group
        # of one).
        self._changed = threading.Condition()
        self._leading = False
        self.write_lock = threading.Lock()  # also held by writes that bypass the queue

    def queued(self) -> int:
        """How many requests wait for the next transaction."""
        with self._changed:
            return len(self._queue)

    def submit(self, item: _In) -> _Out:
        """Queue `item`, wait until a transaction holding it has committed, return its result."""
        request: _Request[_In, _Out] = _Request(item)
        with self._changed:
            self._queue.append(request)
            while not request.done:
                if self._leading:
                    self._changed.wait()
                    continue
                self._leading = True
                self._changed.release()
                try:
                    self._lead()
                finally:
                    self._changed.acquire()
        if isinstance(request.outcome, Exception):
            raise request.outcome
        return request.outcome

    def _lead(self) -> None:
        with self._changed:
            group = self._queue[: self._max_group]
            del self._queue[: self._max_group]
        try:
            with self.write_lock:
                self._write(group)
        finally:
            with self._changed:
                # Even on KeyboardInterrupt no member may wait for a write that ended.
                for request in group:
                    request.done = True
                self._leading = False
                self._changed.notify_all()

    def _write(self, group: list[_Request[_In, _Out]]) -> None:
        try:
            outcomes = self._writer([request.item for request in group])
            for request, outcome in zip(group, outcomes, strict=True):
                request.outcome = outcome
        except Exception as error:
            # Nothing of the group was committed: every member fails, each with its own
            # exception object (one object raised in several threads would share a traceback).
            for request in group:
                request.outcome = _copy_failure(error)


def _copy_failure(error: Exception) -> Exception:
    if isinstance(error, LogUnavailable):
        # Of the same type: a blocked log stays "blocked" for every member.
        copy = type(error)(*error.args)
        copy.__cause__ = error.__cause__
        return copy
    doing = "the transparency log could not record"
    failure = storage_failure(error, doing) or LogUnavailable(f"{doing}: {error}")
    failure.__cause__ = error
    return failure
