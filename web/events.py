"""Live events between app processes: in-process by default, PostgreSQL LISTEN/NOTIFY across
replicas. Payloads carry ids and kinds only; screens re-read the store when told to.

`publish` may be called from any thread (sync routes run in a thread pool); subscribers are
asyncio queues that live in the server's event loop.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

import psycopg
from psycopg import sql
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

Event = dict[str, str]
LOG = logging.getLogger("opencounter.events")
# NOTIFY payloads are limited to 8000 bytes; ours are a few ids, so anything longer is a bug.
MAX_PAYLOAD_BYTES = 7900


class EventsUnavailable(Exception):
    """The event channel could not carry the event (the database refused the NOTIFY)."""


@dataclass
class Subscription:
    """One screen's stream: the events of its channels, in the order they arrived."""

    channels: frozenset[str]
    loop: asyncio.AbstractEventLoop
    queue: asyncio.Queue[Event] = field(default_factory=asyncio.Queue)

    async def next(self, timeout: float) -> Event | None:
        try:
            return await asyncio.wait_for(self.queue.get(), timeout)
        except TimeoutError:
            return None


class Subscribers:
    """The subscriptions of this process; both adapters deliver through it."""

    def __init__(self) -> None:
        self._subscriptions: list[Subscription] = []
        self._lock = threading.Lock()

    def subscribe(self, channels: Iterable[str]) -> Subscription:
        """Call from inside the event loop that will read the subscription."""
        subscription = Subscription(frozenset(channels), asyncio.get_running_loop())
        with self._lock:
            self._subscriptions.append(subscription)
        return subscription

    def unsubscribe(self, subscription: Subscription) -> None:
        with self._lock:
            if subscription in self._subscriptions:
                self._subscriptions.remove(subscription)

    def deliver(self, channel: str, event: Mapping[str, str]) -> None:
        message = {**event, "channel": channel}
        with self._lock:
            targets = [s for s in self._subscriptions if channel in s.channels]
        for subscription in targets:
            try:
                subscription.loop.call_soon_threadsafe(subscription.queue.put_nowait, message)
            except RuntimeError:
                # The loop has closed (server shutting down): nobody is reading any more.
                self.unsubscribe(subscription)

    def __len__(self) -> int:
        with self._lock:
            return len(self._subscriptions)


class LiveEventBus(Protocol):
    """The live events port: publish from anywhere, subscribe from the server's loop."""

    subscribers: Subscribers

    def publish(self, channel: str, event: Mapping[str, str]) -> None: ...

    def start(self) -> None: ...

    def close(self) -> None: ...


class InProcessEvents:
    """One process (SQLite, tests, a single replica): events go straight to subscribers."""

    def __init__(self) -> None:
        self.subscribers = Subscribers()

    def publish(self, channel: str, event: Mapping[str, str]) -> None:
        self.subscribers.deliver(channel, event)

    def start(self) -> None:
        return None

    def close(self) -> None:
        return None


def _encode(channel: str, event: Mapping[str, str]) -> str:
    payload = json.dumps({"c": channel, "e": dict(event)}, separators=(",", ":"))
    if len(payload.encode()) > MAX_PAYLOAD_BYTES:
        raise EventsUnavailable("event too large for NOTIFY")
    return payload


def _decode(payload: str) -> tuple[str, Event] | None:
    try:
        data = json.loads(payload)
        channel, event = data["c"], data["e"]
    except (ValueError, KeyError, TypeError):
        return None
    if not isinstance(channel, str) or not isinstance(event, dict):
        return None
    return channel, {str(k): str(v) for k, v in event.items()}


def libpq_conninfo(sqlalchemy_url: str) -> str:
    """`postgresql+psycopg://...` as the plain URI libpq takes (options are kept)."""
    url = make_url(sqlalchemy_url).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


class PostgresEvents:
    """Several processes on one PostgreSQL: NOTIFY on publish, one LISTEN thread per process.

    A process's own events come back to it through LISTEN too, so every subscriber sees
    every event exactly once, whichever process published it.
    """

    def __init__(self, engine: Engine, channel: str, *, poll_s: float = 0.5) -> None:
        self.subscribers = Subscribers()
        self._engine = engine
        self._channel = channel
        self._poll_s = poll_s
        self._stop = threading.Event()
        self._listening = threading.Event()
        self._thread: threading.Thread | None = None

    def publish(self, channel: str, event: Mapping[str, str]) -> None:
        try:
            with self._engine.begin() as db:
                db.execute(
                    text("SELECT pg_notify(:channel, :payload)"),
                    {"channel": self._channel, "payload": _encode(channel, event)},
                )
        except SQLAlchemyError as exc:
            raise EventsUnavailable(f"NOTIFY failed: {exc}") from exc

    def start(self, timeout_s: float = 10.0) -> None:
        """Start listening; returns once LISTEN is in place, so no later event is missed."""
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._listen, name="opencounter-listen", daemon=True)
        self._thread.start()
        if not self._listening.wait(timeout_s):
            raise EventsUnavailable("could not LISTEN on the database within the time limit")

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5 * self._poll_s + 5)
            self._thread = None

    def _listen(self) -> None:
        conninfo = libpq_conninfo(self._engine.url.render_as_string(hide_password=False))
        while not self._stop.is_set():
            try:
                with psycopg.connect(conninfo, autocommit=True) as conn:
                    conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(self._channel)))
                    self._listening.set()
                    while not self._stop.is_set():
                        for notice in conn.notifies(timeout=self._poll_s):
                            decoded = _decode(notice.payload)
                            if decoded is not None:
                                self.subscribers.deliver(*decoded)
            except psycopg.Error as exc:
                # Events sent while reconnecting are lost; screens also refresh on their own.
                LOG.warning("LISTEN connection lost (%s); reconnecting", exc)
                self._stop.wait(1.0)
