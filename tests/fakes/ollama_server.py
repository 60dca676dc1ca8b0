"""A fake Ollama HTTP server on 127.0.0.1 for tests: real uvicorn in a thread, scripted replies.

It speaks the parts of the Ollama API that our adapters use: `/api/chat` (NDJSON stream, or one
JSON object when the client sends `"stream": false`), `/api/embed` and `/api/tags`. Replies are
scripted; the server can also be slow (before the first token, between tokens) or answer with
garbage, which is how the outage tests make the real client fail.

    with start_fake_ollama("Bins are collected weekly [1].") as server:
        model = OllamaChatModel(server.base_url, "fake", timeout_s=5)
"""

from __future__ import annotations

import asyncio
import json
import re
import socket
import threading
import time
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, field
from types import TracebackType
from typing import Literal

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response, StreamingResponse
from starlette.routing import Route

# not_json: a 200 NDJSON stream whose lines are not JSON; wrong_shape: JSON lines without a
# message; html_500: an HTML error page with status 500, as a broken reverse proxy would send.
Garbage = Literal["not_json", "wrong_shape", "html_500"]
# What `/api/embed` gets wrong: error_500: an Ollama error; wrong_size: vectors of another
# dimension than before; nan: NaN in every vector. Slowness is `embed_delay_s`.
EmbedGarbage = Literal["error_500", "wrong_size", "nan"]

_TIMESTAMP = "2026-01-01T00:00:00Z"


@dataclass
class FakeOllamaBehaviour:
    """What the server does; tests may change the fields while it runs."""

    replies: list[str]
    first_token_delay_s: float = 0.0
    token_delay_s: float = 0.0
    garbage: Garbage | None = None
    models: tuple[str, ...] = ("fake:latest",)
    served: int = 0  # chat requests answered so far; the n-th gets replies[min(n, last)]
    embed_delay_s: float = 0.0
    embed_garbage: EmbedGarbage | None = None
    # The vector /api/embed returns for a text; default (len(text), 1, 0), which ranks nothing.
    embedding: Callable[[str], list[float]] | None = None

    def next_reply(self) -> str:
        reply = self.replies[min(self.served, len(self.replies) - 1)]
        self.served += 1
        return reply


@dataclass
class RunningFakeOllama:
    """A running fake server: its base URL, what it received, and how to stop it."""

    base_url: str
    behaviour: FakeOllamaBehaviour
    requests: list[dict[str, object]] = field(default_factory=list)
    _server: uvicorn.Server | None = None
    _thread: threading.Thread | None = None

    def stop(self) -> None:
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join(timeout=10)
            self._server = None

    def __enter__(self) -> RunningFakeOllama:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def reply_pieces(reply: str) -> list[str]:
    """Split a reply the way a model streams it: one word with its trailing space per piece."""
    return re.findall(r"\s*\S+\s*", reply) or [reply]


def _chat_line(model: str, content: str, *, done: bool) -> str:
    line: dict[str, object] = {
        "model": model,
        "created_at": _TIMESTAMP,
        "message": {"role": "assistant", "content": content},
        "done": done,
    }
    if done:
        line |= {"done_reason": "stop", "prompt_eval_count": 5, "eval_count": 1}
    return json.dumps(line) + "\n"


def _build_app(state: RunningFakeOllama) -> Starlette:
    behaviour = state.behaviour

    async def chat(request: Request) -> Response:
        body = await request.json()
        state.requests.append({"path": "/api/chat", **body})
        model = str(body.get("model", "fake"))
        # Like Ollama, stop after `num_predict` tokens (here: pieces) when the client sets it.
        limit = (body.get("options") or {}).get("num_predict")
        pieces = reply_pieces(behaviour.next_reply())[:limit]
        if behaviour.garbage == "html_500":
            return PlainTextResponse("<html><body>502 Bad Gateway</body></html>", status_code=500)
        if not body.get("stream", True):
            await asyncio.sleep(behaviour.first_token_delay_s)
            reply = "".join(pieces)
            return Response(_chat_line(model, reply, done=True), media_type="application/json")

        async def lines() -> AsyncIterator[str]:
            await asyncio.sleep(behaviour.first_token_delay_s)
            for index, piece in enumerate(pieces):
                if index:
                    await asyncio.sleep(behaviour.token_delay_s)
                if behaviour.garbage == "not_json":
                    yield "<<not json>> " + piece + "\n"
                elif behaviour.garbage == "wrong_shape":
                    yield json.dumps({"oops": piece, "done": "maybe"}) + "\n"
                else:
                    yield _chat_line(model, piece, done=False)
            yield _chat_line(model, "", done=True)

        return StreamingResponse(lines(), media_type="application/x-ndjson")

    async def embed(request: Request) -> Response:
        body = await request.json()
        state.requests.append({"path": "/api/embed", **body})
        inputs = body["input"] if isinstance(body["input"], list) else [body["input"]]
        await asyncio.sleep(behaviour.embed_delay_s)
        if behaviour.embed_garbage == "error_500":
            return JSONResponse({"error": "model runner has crashed"}, status_code=500)
        embedding = behaviour.embedding or (lambda text: [float(len(text)), 1.0, 0.0])
        vectors = [embedding(text) for text in inputs]
        if behaviour.embed_garbage == "wrong_size":
            vectors = [[*vector, 1.0, 1.0] for vector in vectors]
        elif behaviour.embed_garbage == "nan":
            # json.dumps writes NaN, which Python's JSON reader (and so the client) accepts.
            vectors = [[float("nan"), *vector[1:]] for vector in vectors]
        return Response(
            json.dumps({"model": body["model"], "embeddings": vectors}),
            media_type="application/json",
        )

    async def tags(request: Request) -> Response:
        if behaviour.garbage == "html_500":
            return PlainTextResponse("<html>502</html>", status_code=500)
        if behaviour.garbage is not None:
            return PlainTextResponse("<<not json>>")
        models = [
            {"name": name, "model": name, "size": 1, "digest": "0", "modified_at": _TIMESTAMP}
            for name in behaviour.models
        ]
        return JSONResponse({"models": models})

    return Starlette(
        routes=[
            Route("/api/chat", chat, methods=["POST"]),
            Route("/api/embed", embed, methods=["POST"]),
            Route("/api/tags", tags, methods=["GET"]),
        ]
    )


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def serve_on_loopback(app: Starlette, name: str) -> tuple[uvicorn.Server, threading.Thread, int]:
    """Run `app` with uvicorn in a daemon thread on a free 127.0.0.1 port, once it accepts."""
    port = free_port()
    config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=port,
        log_level="warning",
        lifespan="off",
        # A slow stream would otherwise hold the shutdown until it finished.
        timeout_graceful_shutdown=1,
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name=f"{name}-{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            msg = f"{name} did not start on port {port}"
            raise RuntimeError(msg)
        time.sleep(0.01)
    return server, thread, port


def start_fake_ollama(
    replies: str | Sequence[str] = "Paris is the capital of France.",
    *,
    first_token_delay_s: float = 0.0,
    token_delay_s: float = 0.0,
    garbage: Garbage | None = None,
    models: tuple[str, ...] = ("fake:latest",),
) -> RunningFakeOllama:
    """Start the fake on a free loopback port; returns once it accepts connections."""
    scripted = [replies] if isinstance(replies, str) else list(replies)
    behaviour = FakeOllamaBehaviour(
        replies=scripted,
        first_token_delay_s=first_token_delay_s,
        token_delay_s=token_delay_s,
        garbage=garbage,
        models=models,
    )
    state = RunningFakeOllama(base_url="", behaviour=behaviour)
    server, thread, port = serve_on_loopback(_build_app(state), "fake-ollama")
    state.base_url = f"http://127.0.0.1:{port}"
    state._server = server
    state._thread = thread
    return state
