"""The content pass of verification: every entry canonical JSON of a valid entry, per chunk.

It also checks what needs the parsed entry: timestamps never go backwards within a chunk
(the caller checks across chunks) and, for a database, the entries table's conversation
column equals the entry's own conversation (the column is what receipts and erasure
look entries up by).

On a large log the pass runs in worker processes ahead of the tree pass, which hashes in
the calling process: on 2 cores the two passes overlap. While the caller would wait for
a worker, it checks the newest chunk no worker has been given, so neither core idles; a
chunk a worker loses (it died) is checked here. Either way each chunk's result is the
same, the offset of its first invalid entry and why, so verification still names the
exact first bad index.

A worker is a child Python running `serve()`: it reads chunks on stdin (a count, the
entries' lengths, their bytes) and writes one JSON line per chunk, null or [offset, why].
It is a plain subprocess, not multiprocessing, so the caller's main module is never re-run
and nothing is forked from a process that may hold threads.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import queue
import subprocess
import sys
import threading
from array import array
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from audit.entries import InvalidEntry, decode_entry
from audit.faults import Fault

# Below this many entries a worker's start-up costs more than it saves.
PARALLEL_MIN_ENTRIES = 100_000
MAX_WORKERS = 4
# Chunks handed to one worker and not yet answered: enough to keep it busy, few enough
# that the caller still finds chunks of its own to check while it waits.
IN_FLIGHT = 2
# A chunk's (index, entry bytes, conversation column) and its first invalid entry:
# (offset, fault, why) or None.
Row = tuple[int, bytes, str | None]
Chunk = list[Row]
Invalid = tuple[int, Fault, str] | None
# A column value that stands for SQL NULL in the worker protocol (never valid UTF-8).
_NULL = b"\xff"
_PACKAGE_ROOT = str(Path(__file__).resolve().parent.parent)
_WORKER = (
    "import sys; sys.path.insert(0, sys.argv[1]); from audit.schema_pass import serve; serve()"
)


def first_invalid(data: Sequence[bytes], columns: Sequence[str | None] | None = None) -> Invalid:
    """The first entry that is not canonical JSON of a valid entry, goes back in time or
    is filed under another conversation (when `columns` are given): offset, fault, why."""
    previous = ""
    for offset, item in enumerate(data):
        try:
            entry = decode_entry(item)
        except InvalidEntry as error:
            return offset, Fault.ENTRY_INVALID, str(error)
        timestamp = str(entry["ts"])
        if timestamp < previous:
            return offset, Fault.TIMESTAMP_BACKWARDS, backwards(timestamp, previous)
        previous = timestamp
        if columns is not None and columns[offset] != entry["conversation"]:
            return offset, Fault.CONVERSATION_COLUMN, misfiled(columns[offset], entry)
    return None


def backwards(timestamp: str, previous: str) -> str:
    return f"its time {timestamp} is earlier than the entry before it ({previous})"


def misfiled(column: str | None, entry: dict[str, object]) -> str:
    return (
        f"the entries table files it under conversation {column!r}, but the entry names "
        f"{entry['conversation']!r}"
    )


def default_workers(entries: int) -> int:
    """Worker processes for a log of `entries`: none when small or on one core."""
    if entries < PARALLEL_MIN_ENTRIES:
        return 0
    return max(0, min(MAX_WORKERS, (os.cpu_count() or 1) - 1))


@contextlib.contextmanager
def checked_chunks(
    rows: Iterable[Row], chunk_size: int, check: bool, workers: int, columns: bool = False
) -> Iterator[Iterator[tuple[Chunk, Invalid]]]:
    """The rows in chunks, in order, each with its content result (None when `check` is off).

    With `columns`, each row's conversation column is checked against its entry.
    """
    stream = iter(rows)
    chunks = iter(lambda: list(itertools.islice(stream, chunk_size)), [])
    if not check:
        yield ((chunk, None) for chunk in chunks)
    elif workers <= 0:
        yield ((chunk, _check(chunk, columns)) for chunk in chunks)
    else:
        try:
            parallel = ParallelPass(workers, columns)
        except OSError:  # no interpreter to start (an embedded Python): check here
            yield ((chunk, _check(chunk, columns)) for chunk in chunks)
            return
        try:
            yield parallel.results(chunks)
        finally:
            parallel.close()


def _check(chunk: Chunk, columns: bool) -> Invalid:
    return first_invalid([row[1] for row in chunk], [row[2] for row in chunk] if columns else None)


@dataclass
class _Pending:
    chunk: Chunk
    data: list[bytes]
    columns: list[str | None] | None
    worker: _Worker | None = None  # None: not given to a worker (or lost by one)
    done: bool = False
    result: Invalid = None


class ParallelPass:
    """Chunks checked by worker processes and by this one, results handed out in order."""

    def __init__(self, workers: int, columns: bool = False) -> None:
        self._columns = columns
        self._changed = threading.Condition()
        self.workers = [_Worker(self._changed) for _ in range(workers)]
        self.checked_here = 0

    def results(self, chunks: Iterator[Chunk]) -> Iterator[tuple[Chunk, Invalid]]:
        ahead: deque[_Pending] = deque()
        depth = (IN_FLIGHT + 1) * len(self.workers) + 1
        for chunk in chunks:
            columns = [row[2] for row in chunk] if self._columns else None
            ahead.append(_Pending(chunk, [row[1] for row in chunk], columns))
            self._hand_out(ahead)
            if len(ahead) > depth:
                yield self._settle(ahead)
        while ahead:
            yield self._settle(ahead)

    def close(self) -> None:
        for worker in self.workers:
            worker.stop()

    def _hand_out(self, ahead: deque[_Pending]) -> None:
        with self._changed:
            for pending in ahead:
                if pending.worker is None and not pending.done:
                    free = [w for w in self.workers if w.alive and len(w.waiting) < IN_FLIGHT]
                    if not free:
                        return
                    free[0].send(pending)

    def _settle(self, ahead: deque[_Pending]) -> tuple[Chunk, Invalid]:
        """The oldest chunk's result; while a worker is still on it, check a newer one here."""
        front = ahead.popleft()
        while True:
            with self._changed:
                if front.done or front.worker is None:
                    break
                spare = next((p for p in reversed(ahead) if p.worker is None and not p.done), None)
                if spare is None:
                    self._changed.wait(timeout=1.0)  # a worker answers or is found dead
                    continue
            self._check_here(spare)
        if not front.done:
            self._check_here(front)
        self._hand_out(ahead)
        return front.chunk, front.result

    def _check_here(self, pending: _Pending) -> None:
        pending.result, pending.done = first_invalid(pending.data, pending.columns), True
        self.checked_here += 1


class _Worker:
    """One `python -m audit.schema_pass` child: a thread writes chunks, one reads results."""

    def __init__(self, changed: threading.Condition) -> None:
        self.waiting: deque[_Pending] = deque()  # sent, not yet answered, in order
        self.alive = True
        self._changed = changed
        self._outbox: queue.SimpleQueue[_Pending | None] = queue.SimpleQueue()
        self._process = subprocess.Popen(
            [sys.executable, "-c", _WORKER, _PACKAGE_ROOT],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        self._threads = [
            threading.Thread(target=self._write, daemon=True),
            threading.Thread(target=self._read, daemon=True),
        ]
        for thread in self._threads:
            thread.start()

    @property
    def pid(self) -> int:
        """The child's process id: a worker can die (killed, out of memory) at any time."""
        return self._process.pid

    def send(self, pending: _Pending) -> None:
        """Give the worker a chunk (the caller holds the condition's lock)."""
        pending.worker = self
        self.waiting.append(pending)
        self._outbox.put(pending)

    def stop(self) -> None:
        self._outbox.put(None)
        self._process.kill()  # its answers, if any are left, are no longer needed
        self._process.wait(timeout=30)
        for thread in self._threads:
            thread.join(timeout=30)
        if self._process.stdout is not None:
            self._process.stdout.close()

    def _write(self) -> None:
        stdin = self._process.stdin
        assert stdin is not None
        try:
            while (pending := self._outbox.get()) is not None:
                # Entries, then (when checked) their columns as UTF-8, NULL as one 0xff byte.
                parts = list(pending.data)
                if pending.columns is not None:
                    parts += [_NULL if c is None else c.encode() for c in pending.columns]
                lengths = array("Q", map(len, parts))
                header = len(pending.data).to_bytes(8, "little")
                header += (len(parts) - len(pending.data)).to_bytes(8, "little")
                stdin.write(header + lengths.tobytes())
                stdin.write(b"".join(parts))
                stdin.flush()
        except OSError:
            self._process.kill()  # the reader then sees the end and hands the chunks back
        finally:
            with contextlib.suppress(OSError):  # already broken: nothing more to flush
                stdin.close()

    def _read(self) -> None:
        stdout = self._process.stdout
        assert stdout is not None
        try:
            for line in stdout:
                answer = json.loads(line)
                result = (
                    None if answer is None else (int(answer[0]), Fault(answer[1]), str(answer[2]))
                )
                with self._changed:
                    pending = self.waiting.popleft()
                    pending.result, pending.done = result, True
                    self._changed.notify_all()
        except (ValueError, TypeError, IndexError, OSError):
            self._process.kill()  # a garbled answer: trust none of what follows
        with self._changed:  # the worker ended: what it had not answered is checked here
            self.alive = False
            while self.waiting:
                self.waiting.popleft().worker = None
            self._changed.notify_all()


def serve(source: BinaryIO | None = None, sink: BinaryIO | None = None) -> None:
    """The worker's loop: read chunks until the input ends, answer each with one line."""
    source = source or sys.stdin.buffer
    sink = sink or sys.stdout.buffer
    while header := source.read(16):
        if len(header) != 16:
            raise EOFError("the chunk header ended early")
        count = int.from_bytes(header[:8], "little")
        column_count = int.from_bytes(header[8:], "little")
        lengths = array("Q")
        lengths.frombytes(_read_exactly(source, 8 * (count + column_count)))
        payload = _read_exactly(source, sum(lengths))
        parts, start = [], 0
        for length in lengths:
            parts.append(payload[start : start + length])
            start += length
        columns = [None if c == _NULL else c.decode() for c in parts[count:]]
        result = first_invalid(parts[:count], columns if column_count else None)
        sink.write(json.dumps(result).encode() + b"\n")
        sink.flush()


def _read_exactly(source: BinaryIO, size: int) -> bytes:
    data = source.read(size)
    if len(data) != size:
        raise EOFError("the chunk ended early")
    return data
