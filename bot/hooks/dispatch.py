"""Delivering escalation notices in the background: each hook retried with exponential
back-off, then the notice goes to the dead-letter record. The citizen never waits for it."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from datetime import UTC, datetime

from bot.handoff.state import Handoff
from bot.hooks.dead_letters import DeadLetterStore
from bot.hooks.port import EscalationHook, EscalationNotice, HookDeliveryFailed

LOG = logging.getLogger("opencounter.hooks")


class HookDispatcher:
    """An `EscalationNotifier` that runs every hook on a small thread pool."""

    def __init__(
        self,
        hooks: Sequence[EscalationHook],
        dead_letters: DeadLetterStore,
        *,
        public_url: str,
        attempts: int = 4,
        backoff_s: float = 2.0,
        sleep: Callable[[float], object] | None = None,
    ) -> None:
        self.hooks = tuple(hooks)
        self._dead_letters = dead_letters
        self._public_url = public_url
        self._attempts = attempts
        self._backoff = backoff_s
        self._stopping = threading.Event()
        self._sleep = sleep or self._stopping.wait
        self._pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="opencounter-hook")
        self._pending: set[Future[None]] = set()
        self._lock = threading.Lock()
        self._failed: Callable[[str], None] = _ignore

    def observe(self, attempt_failed: Callable[[str], None]) -> None:
        """Tell `attempt_failed` the hook's name after each failed attempt (the app's metrics)."""
        self._failed = attempt_failed

    def notify(self, handoff: Handoff) -> None:
        if not self.hooks:
            return
        notice = EscalationNotice.of(handoff, self._public_url)
        for hook in self.hooks:
            future = self._pool.submit(self._deliver, hook, notice)
            with self._lock:
                self._pending.add(future)
            future.add_done_callback(self._forget)

    def drain(self, timeout_s: float = 30.0) -> None:
        """Wait for the deliveries under way (tests; a clean shutdown)."""
        with self._lock:
            pending = set(self._pending)
        wait(pending, timeout=timeout_s)

    def close(self) -> None:
        # Stop waiting between retries: what is not delivered now goes to the dead letters.
        self._stopping.set()
        self._pool.shutdown(wait=True)

    def _forget(self, future: Future[None]) -> None:
        with self._lock:
            self._pending.discard(future)

    def _deliver(self, hook: EscalationHook, notice: EscalationNotice) -> None:
        error, attempt = "not attempted", 0
        for attempt in range(1, self._attempts + 1):
            try:
                hook.deliver(notice)
                return
            except HookDeliveryFailed as exc:
                error = str(exc)
                LOG.warning("hook %s attempt %d failed: %s", hook.name, attempt, error)
                self._failed(hook.name)
            except Exception as exc:
                # A plugin's own bug: retrying will not help; keep the notice and say why.
                LOG.exception("hook %s raised", hook.name)
                self._failed(hook.name)
                error = f"{type(exc).__name__}: {exc}"
                break
            if attempt < self._attempts and not self._stopping.is_set():
                self._sleep(self._backoff * 2 ** (attempt - 1))
        self._dead_letters.add(
            hook.name, notice.handoff, notice.to_json(), error, attempt, datetime.now(UTC)
        )


def _ignore(hook_name: str) -> None:
    return None
