"""The content pass: each chunk's first invalid entry, the same checked here or in workers."""

from __future__ import annotations

import io
import os
import signal
from array import array
from datetime import UTC, datetime

from audit.entries import build_entry, encode_entry
from audit.faults import Fault
from audit.schema_pass import (
    PARALLEL_MIN_ENTRIES,
    ParallelPass,
    checked_chunks,
    default_workers,
    first_invalid,
    serve,
)

MOMENT = datetime(2026, 8, 2, tzinfo=UTC)
NOT_CANONICAL = (
    b'{"conversation":"c","n": 1,"ts":"2026-08-02T00:00:00.000Z","type":"message","v":1}'
)
UNKNOWN_TYPE = encode_entry(build_entry("message", MOMENT, "c", {})).replace(b"message", b"mess")


def valid(n: int) -> bytes:
    return encode_entry(build_entry("message", MOMENT, f"c{n % 3}", {"n": n}))


UNKNOWN = (Fault.ENTRY_INVALID, "unknown entry type 'mess'")
Row = tuple[int, bytes, str | None]


def log_with(
    bad: dict[int, bytes], size: int = 50, column: dict[int, str | None] | None = None
) -> list[Row]:
    moved = column or {}
    return [(n, bad.get(n, valid(n)), moved.get(n, f"c{n % 3}")) for n in range(size)]


def chunked(entries: list[Row], size: int) -> list[list[Row]]:
    return [entries[n : n + size] for n in range(0, len(entries), size)]


def test_first_invalid_names_the_offset_and_why() -> None:
    assert first_invalid([valid(0), valid(1)]) is None
    offset, fault, why = first_invalid([valid(0), NOT_CANONICAL, UNKNOWN_TYPE]) or (0, None, "")
    assert offset == 1 and fault is Fault.ENTRY_INVALID and "canonical form" in why
    assert first_invalid([valid(0), UNKNOWN_TYPE]) == (1, *UNKNOWN)


def test_time_going_back_and_a_misfiled_column_are_named() -> None:
    later = encode_entry(build_entry("message", MOMENT.replace(hour=1), "c1", {}))
    found = first_invalid([later, valid(0)])
    assert found is not None and found[:2] == (1, Fault.TIMESTAMP_BACKWARDS)
    assert "earlier than the entry before it" in found[2]
    assert first_invalid([valid(0), valid(1)], ["c0", "c1"]) is None
    found = first_invalid([valid(0), valid(1)], ["c0", None])
    assert found is not None and found[:2] == (1, Fault.CONVERSATION_COLUMN)


def test_workers_give_the_same_chunks_and_results_as_this_process() -> None:
    entries = log_with(
        {0: UNKNOWN_TYPE, 7: NOT_CANONICAL, 8: UNKNOWN_TYPE, 31: UNKNOWN_TYPE},
        column={17: "someone else", 18: None},
    )
    runs = []
    for workers in (0, 1, 2):
        with checked_chunks(entries, 4, True, workers, columns=True) as chunks:
            runs.append(list(chunks))
    assert runs[0] == runs[1] == runs[2]
    assert [chunk for chunk, _ in runs[0]] == chunked(entries, 4)
    found = [n * 4 + r[0] for n, (_, r) in enumerate(runs[0]) if r is not None]
    assert found == [0, 7, 8, 17, 31]  # the first of each chunk: 7 and 8 are in two chunks
    with checked_chunks(entries, 4, True, 1) as chunks:  # no column to check (a bundle)
        assert [n * 4 + r[0] for n, (_, r) in enumerate(chunks) if r is not None] == [0, 7, 8, 31]
    with checked_chunks(entries, 4, False, 1) as chunks:
        assert all(result is None for _, result in chunks)


def test_the_first_chunk_is_always_a_workers_and_its_answer_is_used() -> None:
    entries = log_with({3: NOT_CANONICAL, 77: UNKNOWN_TYPE}, size=400)
    parallel = ParallelPass(1)
    try:
        results = [result for _, result in parallel.results(iter(chunked(entries, 10)))]
    finally:
        parallel.close()
    assert results[0] is not None and results[0][0] == 3
    assert results[7] == (7, *UNKNOWN)
    assert [n for n, r in enumerate(results) if r is not None] == [0, 7]
    assert parallel.checked_here < len(results)  # chunk 0 at least came from the worker


def test_chunks_of_a_dead_worker_are_checked_here() -> None:
    entries = log_with({12: UNKNOWN_TYPE}, size=60)
    parallel = ParallelPass(1)
    try:
        os.kill(parallel.workers[0].pid, signal.SIGKILL)  # as the system would
        results = [result for _, result in parallel.results(iter(chunked(entries, 5)))]
    finally:
        parallel.close()
    assert results == [None, None, (2, *UNKNOWN), *[None] * 9]
    assert parallel.checked_here == 12 and not parallel.workers[0].alive


def test_the_worker_protocol_round_trip() -> None:
    # Each frame: entry count, column count (0: none to check), lengths, then the bytes.
    chunks = [
        ([valid(0), UNKNOWN_TYPE], []),
        ([valid(1)], [b"c1"]),
        ([valid(2)], [b"\xff"]),
        ([], []),
    ]
    frames = b"".join(
        len(data).to_bytes(8, "little")
        + len(columns).to_bytes(8, "little")
        + array("Q", map(len, data + columns)).tobytes()
        + b"".join(data + columns)
        for data, columns in chunks
    )
    answers = io.BytesIO()
    serve(io.BytesIO(frames), answers)
    lines = answers.getvalue().decode().splitlines()
    assert lines[0] == '[1, "entry-invalid", "unknown entry type \'mess\'"]'
    assert lines[1] == "null" and lines[3] == "null"
    assert lines[2].startswith('[0, "conversation-column", ')


def test_workers_only_for_a_large_log() -> None:
    assert default_workers(PARALLEL_MIN_ENTRIES - 1) == 0
    assert default_workers(PARALLEL_MIN_ENTRIES) >= 0
