"""How an answer is written from retrieved passages: the port, the extractive and model writers."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from bot.energy import ModelMeter, ModelUse
from bot.extractive import extractive_answer
from bot.grounding.answer import (
    AnswerFinished,
    AnswerRetracted,
    SentencePassed,
    stream_grounded_answer,
)
from bot.models.port import ChatModel
from knowledge.types import Passage


@dataclass(frozen=True)
class DraftAnswer:
    """An answer whose sentences cite passages as [n]; `cited` are 1-based passage numbers."""

    text: str
    cited: tuple[int, ...]
    mode: str  # "extractive" or the model's name
    fallback_reason: str | None = None  # why a model answer was replaced by the extractive one
    # What a model read and wrote for it (estimated tokens), even when it fell back; None
    # when no model was called. `model_use` also needs the model's size (bot/energy.py).
    model_tokens: tuple[int, int] | None = None
    model_use: ModelUse | None = None


@dataclass(frozen=True)
class Retraction:
    """Everything streamed so far is withdrawn (the model's attempt failed its check)."""


# A stream yields text pieces, perhaps retractions, and last exactly one DraftAnswer.
WriterEvent = str | Retraction | DraftAnswer


class AnswerWriter(Protocol):
    @property
    def mode(self) -> str:
        """ "extractive" or the model's name, for the log."""
        ...

    def write(self, question: str, passages: Sequence[Passage], lang: str) -> DraftAnswer: ...

    def stream(
        self, question: str, passages: Sequence[Passage], lang: str
    ) -> Iterator[WriterEvent]: ...


class ExtractiveWriter:
    """Quotes the best-matching sentences of the top passages; always available, never invents."""

    mode = "extractive"

    def write(self, question: str, passages: Sequence[Passage], lang: str) -> DraftAnswer:
        answer = extractive_answer(question, passages)
        return DraftAnswer(text=answer.text, cited=answer.cited, mode=self.mode)

    def stream(
        self, question: str, passages: Sequence[Passage], lang: str
    ) -> Iterator[WriterEvent]:
        answer = extractive_answer(question, passages)
        for n, quoted in enumerate(answer.quoted):
            yield ("" if n == 0 else "\n\n") + quoted.text
        yield DraftAnswer(text=answer.text, cited=answer.cited, mode=self.mode)


class ModelWriter:
    """A chat model writes from the passages; only sentences that pass the citation check are
    streamed; a failed check or an outage falls back to the extractive answer, and the reason is
    kept for the log."""

    def __init__(self, model: ChatModel, max_tokens: int = 400) -> None:
        self._model = model
        self._max_tokens = max_tokens
        self.mode = model.name

    def write(self, question: str, passages: Sequence[Passage], lang: str) -> DraftAnswer:
        final: DraftAnswer | None = None
        for event in self.stream(question, passages, lang):
            if isinstance(event, DraftAnswer):
                final = event
        if final is None:  # stream() always ends with a DraftAnswer
            raise RuntimeError("the writer's stream ended without an answer")
        return final

    def stream(
        self, question: str, passages: Sequence[Passage], lang: str
    ) -> Iterator[WriterEvent]:
        shown = False
        # Counts what the model reads and writes for this answer alone: its energy estimate.
        meter = ModelMeter(self._model)
        events = stream_grounded_answer(
            meter, question, passages, lang, max_tokens=self._max_tokens
        )
        for event in events:
            if isinstance(event, SentencePassed):
                yield (" " if shown else "") + event.sentence.text.strip()
                shown = True
            elif isinstance(event, AnswerRetracted) and shown:
                yield Retraction()
                shown = False
            elif isinstance(event, AnswerFinished):
                result = event.answer
                if not result.fell_back:
                    yield DraftAnswer(
                        text=result.text,
                        cited=tuple(i + 1 for i in result.cited),
                        mode=self.mode,
                        model_tokens=meter.tokens(),
                        model_use=meter.use(),
                    )
                    return
                if shown:
                    yield Retraction()
                for piece in ExtractiveWriter().stream(question, passages, lang):
                    if isinstance(piece, DraftAnswer):
                        yield DraftAnswer(
                            piece.text,
                            piece.cited,
                            piece.mode,
                            fallback_reason=result.reason,
                            model_tokens=meter.tokens(),
                            model_use=meter.use(),
                        )
                    else:
                        yield piece
                return


class SwitchableWriter:
    """The model writer while the model switch is on, the extractive writer while it is off."""

    def __init__(self, model_writer: AnswerWriter, model_on: Callable[[], bool]) -> None:
        self._model_writer = model_writer
        self._extractive = ExtractiveWriter()
        self._model_on = model_on

    @property
    def mode(self) -> str:
        return self._current().mode

    def _current(self) -> AnswerWriter:
        return self._model_writer if self._model_on() else self._extractive

    def write(self, question: str, passages: Sequence[Passage], lang: str) -> DraftAnswer:
        return self._current().write(question, passages, lang)

    def stream(
        self, question: str, passages: Sequence[Passage], lang: str
    ) -> Iterator[WriterEvent]:
        return self._current().stream(question, passages, lang)
