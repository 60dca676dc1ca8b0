"""The Ollama adapter: a ChatModel over an Ollama server, through langchain-ollama's ChatOllama.

langchain-ollama, ollama and httpx are imported here and nowhere else in the bot; their types and
errors stay inside this module (LangChain messages come from `langchain_messages`).
"""

from __future__ import annotations

import threading
from collections.abc import Generator, Iterator, Sequence
from typing import TYPE_CHECKING

import httpx
import ollama

from bot.models.deadline import ReplyDeadline
from bot.models.langchain_messages import chunk_text, to_langchain
from bot.models.port import ChatMessage, ModelUnavailable

if TYPE_CHECKING:
    from langchain_ollama import ChatOllama


class OllamaChatModel:
    """A model served by Ollama (`ollama serve`), e.g. `OllamaChatModel(url, "llama3.2:3b")`."""

    def __init__(
        self,
        base_url: str,
        model: str,
        timeout_s: float = 60.0,
        *,
        first_token_timeout_s: float | None = None,
        connect_timeout_s: float = 2.0,
        probe_timeout_s: float = 2.0,
        temperature: float = 0.0,
        num_ctx: int | None = None,
    ) -> None:
        self.name = f"ollama:{model}"
        self._model = model
        self._base_url = base_url
        self._deadline = ReplyDeadline(first_token_timeout_s or timeout_s, timeout_s)
        self._probe_timeout_s = probe_timeout_s
        self._options: dict[str, float | int] = {"temperature": temperature}
        if num_ctx is not None:
            self._options["num_ctx"] = num_ctx
        # The read timeout bounds each wait for bytes: the first token, then every stall.
        timeout = httpx.Timeout(self._deadline.first_token_s, connect=connect_timeout_s)
        self._timeout = timeout
        # Our own transport, so that close() can release its pooled connections.
        self._transport = httpx.HTTPTransport()
        # Built on the first answer: importing langchain-ollama takes over a second at start-up,
        # which an app that finds no server (extractive mode) never needs.
        self._chat: ChatOllama | None = None
        self._chat_lock = threading.Lock()

    def _client(self) -> ChatOllama:
        with self._chat_lock:
            if self._chat is None:
                from langchain_ollama import ChatOllama

                self._chat = ChatOllama(
                    model=self._model,
                    base_url=self._base_url,
                    client_kwargs={"timeout": self._timeout},
                    sync_client_kwargs={"transport": self._transport},
                )
            return self._chat

    def stream(self, messages: Sequence[ChatMessage], *, max_tokens: int = 512) -> Iterator[str]:
        return self._deadline.enforce(self.name, self._pieces(messages, max_tokens))

    def _pieces(
        self, messages: Sequence[ChatMessage], max_tokens: int
    ) -> Generator[str, None, None]:
        options = {**self._options, "num_predict": max_tokens}
        try:
            for chunk in self._client().stream(to_langchain(messages), options=options):
                text = chunk_text(chunk.content)
                if text is None:
                    raise ModelUnavailable(self.name, "malformed", "non-text content")
                yield text
        except httpx.TimeoutException as exc:
            raise ModelUnavailable(self.name, "timeout", str(exc)) from exc
        except (httpx.HTTPError, ConnectionError) as exc:
            raise ModelUnavailable(self.name, "unreachable", str(exc)) from exc
        except ollama.ResponseError as exc:
            raise ModelUnavailable(self.name, "model_error", str(exc)[:200]) from exc
        except ValueError as exc:  # JSON that does not parse, or not in Ollama's shape
            raise ModelUnavailable(self.name, "malformed", str(exc)[:200]) from exc

    def available(self) -> bool:
        """True when the server answers `/api/tags` in time and lists this model."""
        try:
            with ollama.Client(host=self._base_url, timeout=self._probe_timeout_s) as client:
                listed = client.list()
        except (httpx.HTTPError, ConnectionError, ollama.ResponseError, ValueError):
            return False
        names = {entry.model for entry in listed.models if entry.model}
        return self._model in names or f"{self._model}:latest" in names

    def close(self) -> None:
        """Close pooled connections (at shutdown; the model is not used afterwards)."""
        self._transport.close()
