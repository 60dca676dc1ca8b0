"""Questions posted by the widget and waiting for their streamed answer (one process, short-lived).

The htmx widget posts a question, gets back the citizen's turn at once, then opens an SSE stream
with a one-time ticket to receive the answer as it is written. Tickets live in this process:
with several replicas, the load balancer must keep a citizen on one (sticky sessions), or the
stream answers "expired" and the citizen resends.
"""

from __future__ import annotations

import secrets
import threading
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class PendingQuestion:
    conversation_id: str
    text: str
    lang: str
    view: str
    created: float


class PendingQuestions:
    def __init__(self, ttl_s: float = 60.0, capacity: int = 10_000) -> None:
        self._ttl_s = ttl_s
        self._capacity = capacity
        self._items: dict[str, PendingQuestion] = {}
        self._lock = threading.Lock()

    def put(self, conversation_id: str, text: str, lang: str, view: str) -> str:
        ticket = secrets.token_urlsafe(16)
        now = time.monotonic()
        with self._lock:
            self._expire(now)
            if len(self._items) >= self._capacity:
                oldest = min(self._items, key=lambda t: self._items[t].created)
                del self._items[oldest]
            self._items[ticket] = PendingQuestion(conversation_id, text, lang, view, now)
        return ticket

    def peek(self, ticket: str) -> PendingQuestion | None:
        """The question for this ticket, left in place; None when unknown or expired."""
        with self._lock:
            self._expire(time.monotonic())
            return self._items.get(ticket)

    def take(self, ticket: str) -> PendingQuestion | None:
        """The question for this ticket, once; None when unknown or expired."""
        with self._lock:
            self._expire(time.monotonic())
            return self._items.pop(ticket, None)

    def _expire(self, now: float) -> None:
        for ticket in [t for t, q in self._items.items() if now - q.created > self._ttl_s]:
            del self._items[ticket]
