"""The schema pass of verification: every entry canonical JSON of a valid entry, per chunk.

On a large log the pass runs in worker processes ahead of the tree pass, which hashes in
the calling process: on 2 cores the two passes overlap. While the caller would wait for
a worker, it checks the newest chunk no worker has started itself, so neither core
idles. Either way each chunk's result is the same: the offset of its first invalid
entry and why, so verification still names the exact first bad index.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass

from audit.entries import InvalidEntry, decode_entry

# Below this many entries a worker's start-up costs more than it saves.
PARALLEL_MIN_ENTRIES = 100_000
MAX_WORKERS = 4
# A chunk's (index, entry bytes) and its first invalid entry: (offset, why) or None.
Chunk = list[tuple[int, bytes]]
Invalid = tuple[int, str] | None


def first_invalid(data: Sequence[bytes]) -> Invalid:
    """The offset of the first entry that is not canonical JSON of a valid entry, and why."""
    for offset, item in enumerate(data):
        try:
            decode_entry(item)
        except InvalidEntry as error:
            return offset, str(error)
    return None


def default_workers(entries: int) -> int:
    """Worker processes for a log of `entries`: none when small or on one core."""
    if entries < PARALLEL_MIN_ENTRIES:
        return 0
    return max(0, min(MAX_WORKERS, (os.cpu_count() or 1) - 1))


@contextmanager
def checked_chunks(
    entries: Iterable[tuple[int, bytes]], chunk_size: int, check: bool, workers: int
) -> Iterator[Iterator[tuple[Chunk, Invalid]]]:
    """The entries in chunks, in order, each with its schema result (None when `check` is off)."""
    stream = iter(entries)
    chunks = iter(lambda: list(itertools.islice(stream, chunk_size)), [])
    if not check:
        yield ((chunk, None) for chunk in chunks)
    elif workers <= 0:
        yield ((chunk, first_invalid([item[1] for item in chunk])) for chunk in chunks)
    else:
        # spawn, not fork: the caller may be a threaded server, and fork copies its locks.
        pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
        try:
            yield _ahead(pool, chunks, 2 * workers + 2)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


@dataclass
class _Pending:
    chunk: Chunk
    data: list[bytes]
    future: Future[Invalid] | None
    result: Invalid = None
    done_here: bool = False


def _ahead(
    pool: ProcessPoolExecutor, chunks: Iterator[Chunk], depth: int
) -> Iterator[tuple[Chunk, Invalid]]:
    queue: deque[_Pending] = deque()
    broken = False
    for chunk in chunks:
        data = [item[1] for item in chunk]
        future = None
        if not broken:
            try:
                future = pool.submit(first_invalid, data)
            except BrokenProcessPool:
                broken = True  # a worker died: the rest is checked here
        queue.append(_Pending(chunk, data, future))
        if len(queue) > depth:
            yield _settle(queue)
    while queue:
        yield _settle(queue)


def _settle(queue: deque[_Pending]) -> tuple[Chunk, Invalid]:
    """The oldest chunk's result; while a worker is still on it, check a newer one here."""
    front = queue.popleft()
    while front.future is not None and not front.future.done():
        spare = next((p for p in reversed(queue) if not p.done_here and _take_over(p)), None)
        if spare is None:
            break  # every newer chunk is with a worker: wait for this one
        spare.result, spare.done_here = first_invalid(spare.data), True
    if front.done_here:
        return front.chunk, front.result
    future = front.future
    if future is not None and not future.cancel():  # a worker has it, or is done with it
        try:
            return front.chunk, future.result()
        except BrokenProcessPool:
            pass  # a worker died: check the chunk here
    return front.chunk, first_invalid(front.data)


def _take_over(pending: _Pending) -> bool:
    """True if no worker has this chunk (none was asked, or it is withdrawn before it starts)."""
    return pending.future is None or pending.future.cancel()
