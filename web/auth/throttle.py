"""Login throttling: too many failures for one account (or, for names that are no account,
one address) lock it for a while.

Counts are kept per process; behind several replicas an attacker gets at most `max_failures`
tries per replica per window, which still defeats online guessing of Argon2 hashes.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass


class TooManyAttempts(Exception):
    """Sign-in is locked for this user name or address; `retry_after_s` says for how long."""

    def __init__(self, retry_after_s: int) -> None:
        super().__init__(f"too many failed sign-ins; try again in {retry_after_s} s")
        self.retry_after_s = retry_after_s


@dataclass
class _Failures:
    count: int
    first_at: float


class LoginThrottle:
    def __init__(
        self,
        max_failures: int = 5,
        window_s: float = 900.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._max = max_failures
        self._window = window_s
        self._clock = clock
        self._failures: dict[str, _Failures] = {}
        self._lock = threading.Lock()

    @staticmethod
    def keys(username: str, address: str) -> tuple[str, str]:
        return f"user:{username.strip().lower()}", f"addr:{address}"

    def check(self, *keys: str) -> None:
        """Raise `TooManyAttempts` if any key is locked."""
        now = self._clock()
        with self._lock:
            for key in keys:
                entry = self._failures.get(key)
                if entry is None:
                    continue
                if now - entry.first_at >= self._window:
                    del self._failures[key]
                elif entry.count >= self._max:
                    raise TooManyAttempts(max(1, int(entry.first_at + self._window - now)))

    def failed(self, *keys: str) -> None:
        now = self._clock()
        with self._lock:
            for key in keys:
                entry = self._failures.get(key)
                if entry is None or now - entry.first_at >= self._window:
                    self._failures[key] = _Failures(1, now)
                else:
                    entry.count += 1

    def succeeded(self, *keys: str) -> None:
        with self._lock:
            for key in keys:
                self._failures.pop(key, None)
