"""Deadlines on a streamed reply: first token and total time, shared by every chat adapter."""

from __future__ import annotations

import time
from collections.abc import Callable, Generator
from dataclasses import dataclass

from bot.models.port import ModelUnavailable


@dataclass(frozen=True)
class ReplyDeadline:
    """How long a model may take: to its first text piece, and to the end of its reply.

    The checks run when a piece arrives, so a server that stalls completely is caught by the
    adapter's transport timeout (set to `first_token_s`), not here; a total overrun is at most
    one such stall long.
    """

    first_token_s: float
    total_s: float

    def __post_init__(self) -> None:
        if self.first_token_s <= 0 or self.total_s <= 0:
            msg = "model timeouts must be positive"
            raise ValueError(msg)

    def enforce(
        self,
        model: str,
        pieces: Generator[str, None, None],
        clock: Callable[[], float] = time.monotonic,
    ) -> Generator[str, None, None]:
        """Pass non-empty pieces through; raise ModelUnavailable on a deadline or no text."""
        started = clock()
        produced = False
        try:
            for piece in pieces:
                elapsed = clock() - started
                if not produced and elapsed > self.first_token_s:
                    raise ModelUnavailable(
                        model, "timeout", f"no text after {self.first_token_s} s"
                    )
                if elapsed > self.total_s:
                    raise ModelUnavailable(model, "timeout", f"reply took over {self.total_s} s")
                if piece:
                    # Whitespace alone is no reply yet (some models open with a newline).
                    produced = produced or not piece.isspace()
                    yield piece
        finally:
            # Closing stops the generation now (and frees its connection or model lock), whether
            # we gave up on a deadline or the caller stopped reading.
            pieces.close()
        if not produced:
            raise ModelUnavailable(model, "empty", "the reply had no text")
