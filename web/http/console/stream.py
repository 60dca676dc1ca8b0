"""Server-sent events for screens that update live: the queue, a transcript, the widget.

A screen subscribes to channels; on every event it re-renders its fragment from the store
and sends it as one named SSE event, which the htmx SSE extension swaps in.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterable

from fastapi import Request
from sse_starlette import EventSourceResponse, ServerSentEvent
from starlette.concurrency import run_in_threadpool

from web.events import Event, LiveEventBus

# Comments keep proxies from closing an idle stream; clients reconnect if it drops anyway.
PING_S = 15


def live_fragments(
    request: Request,
    events: LiveEventBus,
    channels: Iterable[str],
    name: str,
    render: Callable[[Event], str | None],
    *,
    first: bool = False,
    event_id: Callable[[], str] | None = None,
) -> EventSourceResponse:
    """An SSE response sending `render(event)` as event `name` after each event (None skips).

    `render` runs in the thread pool: it reads the database and may decrypt. With `first`,
    it is also called once on connecting, for what happened before the screen subscribed.
    `event_id` gives the SSE id to send, which the browser hands back on reconnecting.
    """
    subscription = events.subscribers.subscribe(channels)

    async def stream() -> AsyncIterator[ServerSentEvent]:
        pending: Event | None = {"kind": "connected"} if first else None
        try:
            while not await request.is_disconnected():
                event = pending or await subscription.next(timeout=1.0)
                pending = None
                if event is None:
                    continue
                html = await run_in_threadpool(render, event)
                if html is not None:
                    # SSE data lines cannot hold newlines; htmx joins them back with "\n".
                    ident = event_id() if event_id is not None else None
                    yield ServerSentEvent(data=html, event=name, id=ident)
        finally:
            events.subscribers.unsubscribe(subscription)

    return EventSourceResponse(stream(), ping=PING_S)
