"""Per-client, per-conversation and per-account request limits, and a cap on open streams.

Token buckets kept in this process (see README, "Limits"): with several replicas each one
counts on its own, so the effective limit is the setting times the number of replicas. The
number of keys tracked is capped so a flood of new keys cannot grow memory without bound.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Refused:
    """The request is over a limit; `retry_after_s` is when one more will be accepted."""

    retry_after_s: int


@dataclass
class _Bucket:
    tokens: float
    at: float


class TokenBuckets:
    """`per_minute` requests a minute for each key, up to `per_minute` in a burst.

    A limit of 0 switches the bucket off. Thread-safe: sync routes run in a thread pool.
    """

    def __init__(
        self, per_minute: int, max_keys: int, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._capacity = float(per_minute)
        self._rate = per_minute / 60.0
        self._max_keys = max_keys
        self._clock = clock
        self._buckets: OrderedDict[str, _Bucket] = OrderedDict()
        self._lock = threading.Lock()

    def take(self, key: str) -> Refused | None:
        if self._capacity <= 0:
            return None
        now = self._clock()
        with self._lock:
            bucket = self._buckets.pop(key, None)
            if bucket is None:
                bucket = _Bucket(self._capacity, now)
            else:
                bucket.tokens = min(self._capacity, bucket.tokens + (now - bucket.at) * self._rate)
                bucket.at = now
            self._buckets[key] = bucket  # most recently used last
            while len(self._buckets) > self._max_keys:
                # The least recently seen key is forgotten; it starts again with a full bucket.
                self._buckets.popitem(last=False)
            if bucket.tokens >= 1.0:
                bucket.tokens -= 1.0
                return None
            return Refused(max(1, math.ceil((1.0 - bucket.tokens) / self._rate)))

    def __len__(self) -> int:
        return len(self._buckets)


class OpenStreams:
    """How many live streams each key holds open at once; `open` refuses beyond `per_key`."""

    # Streams end at their own pace; a refused client may try again after this.
    RETRY_AFTER_S = 10

    def __init__(self, per_key: int, max_keys: int) -> None:
        self._per_key = per_key
        self._max_keys = max_keys
        self._open: dict[str, int] = {}
        self._lock = threading.Lock()

    def open(self, key: str) -> Refused | None:
        if self._per_key <= 0:
            return None
        with self._lock:
            held = self._open.get(key, 0)
            if held >= self._per_key or (held == 0 and len(self._open) >= self._max_keys):
                return Refused(self.RETRY_AFTER_S)
            self._open[key] = held + 1
            return None

    def close(self, key: str) -> None:
        if self._per_key <= 0:
            return
        with self._lock:
            held = self._open.get(key, 0) - 1
            if held > 0:
                self._open[key] = held
            else:
                self._open.pop(key, None)

    def held(self, key: str) -> int:
        with self._lock:
            return self._open.get(key, 0)


@dataclass(frozen=True)
class RateLimits:
    """Every limit the app applies, built once per app from Settings."""

    per_client: TokenBuckets
    per_conversation: TokenBuckets
    per_account: TokenBuckets
    streams: OpenStreams


def limits_from(
    *,
    client_per_minute: int,
    conversation_per_minute: int,
    staff_per_minute: int,
    streams_per_client: int,
    tracked_keys: int,
) -> RateLimits:
    return RateLimits(
        per_client=TokenBuckets(client_per_minute, tracked_keys),
        per_conversation=TokenBuckets(conversation_per_minute, tracked_keys),
        per_account=TokenBuckets(staff_per_minute, tracked_keys),
        streams=OpenStreams(streams_per_client, tracked_keys),
    )
