"""The OpenAI-compatible adapter: a ChatModel over vLLM, llama.cpp's server or any `/v1` API.

langchain-openai and openai are imported here and nowhere else in the bot; their types and
errors stay inside this module (LangChain messages come from `langchain_messages`).
"""

from __future__ import annotations

import json
from collections.abc import Generator, Iterator, Sequence

import openai
from langchain_openai import ChatOpenAI
from pydantic import SecretStr

from bot.models.deadline import ReplyDeadline
from bot.models.langchain_messages import chunk_text, to_langchain
from bot.models.port import ChatMessage, ModelUnavailable


class OpenAICompatibleChatModel:
    """A model behind an OpenAI-compatible chat-completions endpoint (base URL ends in `/v1`)."""

    def __init__(
        self,
        base_url: str,
        model: str,
        api_key: str = "unused",
        timeout_s: float = 60.0,
        *,
        first_token_timeout_s: float | None = None,
        connect_timeout_s: float = 2.0,
        probe_timeout_s: float = 2.0,
        temperature: float = 0.0,
    ) -> None:
        self.name = f"openai:{model}"
        self._deadline = ReplyDeadline(first_token_timeout_s or timeout_s, timeout_s)
        # The read timeout bounds each wait for bytes: the first token, then every stall.
        timeout = openai.Timeout(self._deadline.first_token_s, connect=connect_timeout_s)
        # Our own HTTP client, so that close() can release its pooled connections.
        self._http = openai.DefaultHttpxClient(timeout=timeout)
        # No retries: a dead server must fail fast so the citizen gets the extractive answer.
        self._chat = ChatOpenAI(
            base_url=base_url,
            api_key=SecretStr(api_key),
            model=model,
            temperature=temperature,
            timeout=timeout,
            max_retries=0,
            streaming=True,
            http_client=self._http,
        )
        self._probe = openai.OpenAI(
            base_url=base_url,
            api_key=api_key,
            timeout=openai.Timeout(probe_timeout_s, connect=probe_timeout_s),
            max_retries=0,
        )

    def stream(self, messages: Sequence[ChatMessage], *, max_tokens: int = 512) -> Iterator[str]:
        return self._deadline.enforce(self.name, self._pieces(messages, max_tokens))

    def _pieces(
        self, messages: Sequence[ChatMessage], max_tokens: int
    ) -> Generator[str, None, None]:
        # Older servers (llama.cpp's among them) read `max_tokens`; newer ones read
        # `max_completion_tokens`, which langchain-openai sends: send both.
        try:
            for chunk in self._chat.stream(
                to_langchain(messages),
                max_completion_tokens=max_tokens,
                extra_body={"max_tokens": max_tokens},
            ):
                text = chunk_text(chunk.content)
                if text is None:
                    raise ModelUnavailable(self.name, "malformed", "non-text content")
                yield text
        except openai.APITimeoutError as exc:
            raise ModelUnavailable(self.name, "timeout", str(exc)) from exc
        except openai.APIConnectionError as exc:
            raise ModelUnavailable(self.name, "unreachable", str(exc)) from exc
        except openai.APIStatusError as exc:
            raise ModelUnavailable(self.name, "model_error", str(exc)[:200]) from exc
        except (openai.APIError, ValueError) as exc:  # bytes that are not chat-completion chunks
            raise ModelUnavailable(self.name, "malformed", str(exc)[:200]) from exc

    def available(self) -> bool:
        """True when the server lists its models (`GET /v1/models`) within the probe timeout."""
        try:
            # Parsed here, not by the client: it breaks on an HTML maintenance page.
            response = self._probe.models.with_raw_response.list()
            payload = json.loads(response.text)
        except (openai.APIError, ValueError):
            return False
        models = payload.get("data") if isinstance(payload, dict) else None
        return isinstance(models, list) and len(models) > 0

    def close(self) -> None:
        """Close pooled connections (at shutdown; the model is not used afterwards)."""
        self._http.close()
        self._probe.close()
