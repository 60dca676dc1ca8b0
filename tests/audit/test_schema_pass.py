"""The schema pass: each chunk's first invalid entry, the same checked here or in workers."""

from __future__ import annotations

from collections import deque
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from datetime import UTC, datetime

from audit.entries import build_entry, encode_entry
from audit.schema_pass import (
    PARALLEL_MIN_ENTRIES,
    Invalid,
    _Pending,
    _settle,
    checked_chunks,
    default_workers,
    first_invalid,
)

MOMENT = datetime(2026, 8, 2, tzinfo=UTC)
NOT_CANONICAL = (
    b'{"conversation":"c","n": 1,"ts":"2026-08-02T00:00:00.000Z","type":"message","v":1}'
)
UNKNOWN_TYPE = encode_entry(build_entry("message", MOMENT, "c", {})).replace(b"message", b"mess")


def valid(n: int) -> bytes:
    return encode_entry(build_entry("message", MOMENT, f"c{n % 3}", {"n": n}))


def log_with(bad: dict[int, bytes], size: int = 50) -> list[tuple[int, bytes]]:
    return [(n, bad.get(n, valid(n))) for n in range(size)]


def test_first_invalid_names_the_offset_and_why() -> None:
    assert first_invalid([valid(0), valid(1)]) is None
    offset, why = first_invalid([valid(0), NOT_CANONICAL, UNKNOWN_TYPE]) or (None, "")
    assert offset == 1 and "canonical form" in why
    assert first_invalid([valid(0), UNKNOWN_TYPE]) == (1, "unknown entry type 'mess'")


def test_workers_give_the_same_chunks_and_results_as_this_process() -> None:
    entries = log_with({7: NOT_CANONICAL, 8: UNKNOWN_TYPE, 31: UNKNOWN_TYPE})
    runs = []
    for workers in (0, 1):
        with checked_chunks(entries, 4, True, workers) as chunks:
            runs.append(list(chunks))
    assert runs[0] == runs[1]
    assert [chunk for chunk, _ in runs[0]] == [entries[n : n + 4] for n in range(0, 50, 4)]
    found = [(n * 4 + r[0], r[1]) for n, (_, r) in enumerate(runs[0]) if r is not None]
    assert [index for index, _ in found] == [7, 8, 31]  # one per chunk: 7 and 8 are apart
    with checked_chunks(entries, 4, False, 1) as chunks:
        assert all(result is None for _, result in chunks)


def test_workers_only_for_a_large_log() -> None:
    assert default_workers(PARALLEL_MIN_ENTRIES - 1) == 0
    assert default_workers(PARALLEL_MIN_ENTRIES) >= 0


def pending(data: list[bytes], future: Future[Invalid] | None) -> _Pending:
    return _Pending([(n, item) for n, item in enumerate(data)], data, future)


def test_a_worker_result_is_used_and_an_unstarted_chunk_is_checked_here() -> None:
    finished: Future[Invalid] = Future()
    finished.set_running_or_notify_cancel()
    finished.set_result((0, "as the worker found"))
    unstarted: Future[Invalid] = Future()
    queue = deque([pending([valid(0)], finished), pending([UNKNOWN_TYPE], unstarted)])
    assert _settle(queue)[1] == (0, "as the worker found")
    assert _settle(queue)[1] == (0, "unknown entry type 'mess'")
    assert unstarted.cancelled()  # withdrawn from the pool, checked here


def test_while_a_worker_is_busy_the_newest_chunk_is_checked_here() -> None:
    busy: Future[Invalid] = Future()
    busy.set_running_or_notify_cancel()
    newest: Future[Invalid] = Future()
    # The worker finishes when this process has taken the newest chunk over.
    newest.add_done_callback(lambda _: busy.set_result(None))
    queue = deque(
        [pending([valid(0)], busy), pending([valid(1)], Future()), pending([UNKNOWN_TYPE], newest)]
    )
    assert _settle(queue) == ([(0, valid(0))], None)
    assert newest.cancelled() and queue[-1].done_here
    assert queue[0].future is not None and not queue[0].future.cancelled()
    assert _settle(queue)[1] is None
    assert _settle(queue)[1] == (0, "unknown entry type 'mess'")


def test_a_dead_worker_costs_nothing_but_time() -> None:
    broken: Future[Invalid] = Future()
    broken.set_running_or_notify_cancel()
    broken.set_exception(BrokenProcessPool("a worker died"))
    queue = deque([pending([valid(0), UNKNOWN_TYPE], broken), pending([NOT_CANONICAL], None)])
    assert _settle(queue)[1] == (1, "unknown entry type 'mess'")
    assert _settle(queue)[1] is not None
