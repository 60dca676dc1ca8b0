"""Outages: a model server that is down, hangs, is slow or answers garbage gives ModelUnavailable.

Every server here is real and on 127.0.0.1: the fake Ollama server, a TCP listener that never
answers (a hung server), and a small HTTP server that answers OpenAI routes with garbage.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import closing
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bot.models.ollama import OllamaChatModel
from bot.models.openai_compat import OpenAICompatibleChatModel
from bot.models.port import ChatMessage, ModelUnavailable
from tests.fakes.ollama_server import Garbage, free_port, start_fake_ollama

QUESTION = [ChatMessage("user", "When are bins collected?")]


@pytest.fixture
def hung_server_url() -> Iterator[str]:
    """A server that accepts connections (the kernel completes them) and never answers."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    listener.close()


class GarbageOpenAIHandler(BaseHTTPRequestHandler):
    """Answers every route with 200 and bytes that are not what an OpenAI client expects."""

    body = b"data: {this is not json\n\n"
    content_type = "text/event-stream"
    status = 200

    def do_GET(self) -> None:
        self._reply(b"<html>maintenance</html>", "text/html")

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        self.rfile.read(length)
        self._reply(self.body, self.content_type)

    def _reply(self, body: bytes, content_type: str) -> None:
        self.send_response(self.status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        return None


class ServerErrorHandler(GarbageOpenAIHandler):
    body = b'{"error": {"message": "model crashed"}}'
    content_type = "application/json"
    status = 500


def serve(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture
def garbage_openai_url() -> Iterator[str]:
    yield from serve(GarbageOpenAIHandler)


@pytest.fixture
def failing_openai_url() -> Iterator[str]:
    yield from serve(ServerErrorHandler)


def reason_of(model: OllamaChatModel | OpenAICompatibleChatModel) -> str:
    with pytest.raises(ModelUnavailable) as caught:
        list(model.stream(QUESTION, max_tokens=16))
    assert caught.value.model == model.name
    return caught.value.reason


# --- server down -------------------------------------------------------------------------


def test_ollama_down_is_unreachable_and_unavailable() -> None:
    with closing(OllamaChatModel(f"http://127.0.0.1:{free_port()}", "fake", timeout_s=5)) as model:
        assert reason_of(model) == "unreachable"
        assert not model.available()


def test_openai_compatible_down_is_unreachable_and_unavailable() -> None:
    url = f"http://127.0.0.1:{free_port()}/v1"
    with closing(OpenAICompatibleChatModel(url, "m", timeout_s=5)) as model:
        assert reason_of(model) == "unreachable"
        assert not model.available()


# --- hung or slow server -------------------------------------------------------------------


def test_ollama_hung_server_times_out(hung_server_url: str) -> None:
    with closing(OllamaChatModel(hung_server_url, "fake", timeout_s=0.5)) as model:
        assert reason_of(model) == "timeout"


def test_openai_compatible_hung_server_times_out(hung_server_url: str) -> None:
    with closing(OpenAICompatibleChatModel(f"{hung_server_url}/v1", "m", timeout_s=0.5)) as model:
        assert reason_of(model) == "timeout"


def test_probe_of_a_hung_server_says_unavailable(hung_server_url: str) -> None:
    with closing(OllamaChatModel(hung_server_url, "fake", probe_timeout_s=0.3)) as ollama:
        assert not ollama.available()
    openai_url = f"{hung_server_url}/v1"
    with closing(OpenAICompatibleChatModel(openai_url, "m", probe_timeout_s=0.3)) as compatible:
        assert not compatible.available()


def test_slow_first_token_times_out() -> None:
    with (
        start_fake_ollama("Bins are collected weekly.", first_token_delay_s=3) as server,
        closing(OllamaChatModel(server.base_url, "fake", timeout_s=0.5)) as model,
    ):
        assert reason_of(model) == "timeout"


def test_reply_longer_than_the_total_timeout_is_cut_off_after_some_text() -> None:
    reply = "one two three four five six seven eight nine ten"
    with (
        start_fake_ollama(reply, token_delay_s=0.3) as server,
        closing(
            OllamaChatModel(server.base_url, "fake", timeout_s=1.0, first_token_timeout_s=0.8)
        ) as model,
    ):
        received: list[str] = []
        with pytest.raises(ModelUnavailable) as caught:
            received.extend(model.stream(QUESTION))
        assert caught.value.reason == "timeout"
        assert 1 <= len(received) < 10


# --- garbage -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("garbage", "reason"),
    [("not_json", "malformed"), ("wrong_shape", "malformed"), ("html_500", "model_error")],
)
def test_ollama_garbage_is_unavailable(garbage: Garbage, reason: str) -> None:
    with (
        start_fake_ollama("Fine.", garbage=garbage) as server,
        closing(OllamaChatModel(server.base_url, "fake", timeout_s=5)) as model,
    ):
        assert reason_of(model) == reason
        assert not model.available()


def test_openai_compatible_garbage_is_malformed(garbage_openai_url: str) -> None:
    with closing(OpenAICompatibleChatModel(garbage_openai_url, "m", timeout_s=5)) as model:
        assert reason_of(model) == "malformed"
        assert not model.available()


def test_openai_compatible_server_error_is_model_error(failing_openai_url: str) -> None:
    with closing(OpenAICompatibleChatModel(failing_openai_url, "m", timeout_s=5)) as model:
        assert reason_of(model) == "model_error"


def test_empty_reply_is_unavailable() -> None:
    with (
        start_fake_ollama("   ") as server,
        closing(OllamaChatModel(server.base_url, "fake", timeout_s=5)) as model,
    ):
        assert reason_of(model) == "empty"


# --- health probe --------------------------------------------------------------------------


def test_ollama_probe_needs_the_model_to_be_pulled() -> None:
    with start_fake_ollama(models=("llama3.2:3b", "fake:latest")) as server:
        for name, expected in [("fake", True), ("llama3.2:3b", True), ("mistral", False)]:
            with closing(OllamaChatModel(server.base_url, name)) as model:
                assert model.available() is expected, name
