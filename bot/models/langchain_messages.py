"""Our chat messages as LangChain messages, for the two adapters built on LangChain chat models.

langchain-core is imported here only; the Ollama and OpenAI-compatible adapters share it, and
nothing outside those adapters sees a LangChain type.
"""

from __future__ import annotations

from collections.abc import Sequence

from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage

from bot.models.port import ChatMessage


def to_langchain(messages: Sequence[ChatMessage]) -> list[BaseMessage]:
    converted: list[BaseMessage] = []
    for message in messages:
        if message.role == "system":
            converted.append(SystemMessage(content=message.content))
        elif message.role == "user":
            converted.append(HumanMessage(content=message.content))
        else:
            converted.append(AIMessage(content=message.content))
    return converted


def chunk_text(content: object) -> str | None:
    """The text of a streamed chunk's content, or None when it is not plain text."""
    return content if isinstance(content, str) else None
