"""The chat-model port: the messages a model reads, the pieces it streams, the error it raises."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

Role = Literal["system", "user", "assistant"]

# Why a model could not answer; logged with the fallback so operators can tell a dead server
# from a slow one from one that speaks the wrong protocol. model_error: the server or library
# answered with an error of its own (HTTP 5xx, prompt longer than the context window).
UnavailableReason = Literal["unreachable", "timeout", "malformed", "empty", "model_error"]


@dataclass(frozen=True)
class ChatMessage:
    """One turn of a chat prompt."""

    role: Role
    content: str


class ModelUnavailable(Exception):
    """The model gave no usable answer; the engine falls back to the extractive answer."""

    def __init__(self, model: str, reason: UnavailableReason, detail: str = "") -> None:
        self.model = model
        self.reason: UnavailableReason = reason
        self.detail = detail
        super().__init__(f"{model}: {reason}" + (f" ({detail})" if detail else ""))


class ChatModel(Protocol):
    """A chat model that streams its reply.

    `name` is logged with each answer, e.g. "ollama:llama3.2:3b".
    """

    name: str

    def stream(self, messages: Sequence[ChatMessage], *, max_tokens: int = 512) -> Iterator[str]:
        """Yield the reply in non-empty text pieces.

        Raises ModelUnavailable on connection errors, timeouts (first token and total, set at
        construction), malformed responses, or a reply with no text at all.
        """
        ...

    def available(self) -> bool:
        """A quick health probe with a short timeout; True only if the model answered it."""
        ...
