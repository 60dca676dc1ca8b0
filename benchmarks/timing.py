"""What the speed benchmarks share: calls timed one by one, percentiles, load and memory."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

import numpy as np

T = TypeVar("T")
R = TypeVar("R")


def timed_calls(run: Callable[[T], R], items: Sequence[T]) -> tuple[list[R], list[float]]:
    """`run` on each item after one warm-up call on the first: the results and milliseconds."""
    run(items[0])
    results: list[R] = []
    times: list[float] = []
    for item in items:
        begin = time.perf_counter()
        results.append(run(item))
        times.append((time.perf_counter() - begin) * 1000)
    return results, times


def p50_p95(times: Sequence[float]) -> tuple[float, float]:
    return float(np.percentile(times, 50)), float(np.percentile(times, 95))


def load_average() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:.2f}/{five:.2f}"


def rss_mb() -> tuple[float, float]:
    """This process's resident memory now and its peak so far, in MB (Linux /proc)."""
    now = peak = 0.0
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            now = int(line.split()[1]) / 1024
        elif line.startswith("VmHWM:"):
            peak = int(line.split()[1]) / 1024
    return now, peak
