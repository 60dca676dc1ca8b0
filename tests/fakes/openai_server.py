"""A fake OpenAI-compatible server on 127.0.0.1 for tests: `/v1/models` and streamed
`/v1/chat/completions` (server-sent events), with scripted replies, in a uvicorn thread.

    with start_fake_openai("Bins are collected weekly [1].", model="fake") as server:
        model = OpenAICompatibleChatModel(server.base_url, "fake")
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from types import TracebackType

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from tests.fakes.ollama_server import reply_pieces, serve_on_loopback


@dataclass
class RunningFakeOpenAI:
    """A running fake: its base URL (ending in /v1), what it received, and how to stop it."""

    base_url: str
    replies: list[str]
    model: str
    requests: list[dict[str, object]] = field(default_factory=list)
    authorizations: list[str] = field(default_factory=list)  # the Authorization headers seen
    served: int = 0
    # When set, the reply is computed from the request body (an echoing model, say).
    reply_to: Callable[[dict[str, object]], str] | None = None
    _server: uvicorn.Server | None = None
    _thread: threading.Thread | None = None

    def next_reply(self) -> str:
        reply = self.replies[min(self.served, len(self.replies) - 1)]
        self.served += 1
        return reply

    def stop(self) -> None:
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join(timeout=10)
            self._server = None

    def __enter__(self) -> RunningFakeOpenAI:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def _chunk(model: str, content: str | None, finish: str | None) -> str:
    delta = {} if content is None else {"role": "assistant", "content": content}
    body = {
        "id": "chatcmpl-fake",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }
    return f"data: {json.dumps(body)}\n\n"


def _build_app(state: RunningFakeOpenAI) -> Starlette:
    async def models(request: Request) -> Response:
        entry = {"id": state.model, "object": "model", "created": 0, "owned_by": "fake"}
        return JSONResponse({"object": "list", "data": [entry]})

    async def chat(request: Request) -> Response:
        body = await request.json()
        state.requests.append(body)
        state.authorizations.append(request.headers.get("authorization", ""))
        # Like llama.cpp's server, stop after `max_tokens` tokens (here: pieces).
        limit = body.get("max_tokens") or body.get("max_completion_tokens")
        reply = state.reply_to(body) if state.reply_to is not None else state.next_reply()
        pieces = reply_pieces(reply)[:limit]
        if not body.get("stream"):
            message = {"role": "assistant", "content": "".join(pieces)}
            return JSONResponse(
                {
                    "id": "chatcmpl-fake",
                    "object": "chat.completion",
                    "created": 0,
                    "model": state.model,
                    "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
                }
            )

        def events() -> Iterator[str]:
            for piece in pieces:
                yield _chunk(state.model, piece, None)
            yield _chunk(state.model, None, "stop")
            yield "data: [DONE]\n\n"

        return StreamingResponse(events(), media_type="text/event-stream")

    return Starlette(
        routes=[
            Route("/v1/models", models, methods=["GET"]),
            Route("/v1/chat/completions", chat, methods=["POST"]),
        ]
    )


def start_fake_openai(
    replies: str | Sequence[str] = "Paris is the capital of France.",
    *,
    model: str = "fake",
    reply_to: Callable[[dict[str, object]], str] | None = None,
) -> RunningFakeOpenAI:
    """Start the fake on a free loopback port; returns once it accepts connections."""
    scripted = [replies] if isinstance(replies, str) else list(replies)
    state = RunningFakeOpenAI(base_url="", replies=scripted, model=model, reply_to=reply_to)
    server, thread, port = serve_on_loopback(_build_app(state), "fake-openai")
    state.base_url = f"http://127.0.0.1:{port}/v1"
    state._server = server
    state._thread = thread
    return state
