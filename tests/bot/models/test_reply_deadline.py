"""Reply deadlines: first token and total time, empty pieces dropped, generation closed."""

from __future__ import annotations

from collections.abc import Generator

import pytest

from bot.models.deadline import ReplyDeadline
from bot.models.port import ModelUnavailable


class SteppedClock:
    """A clock that advances by `step` seconds each time it is read."""

    def __init__(self, step: float) -> None:
        self.now = 0.0
        self.step = step

    def __call__(self) -> float:
        value = self.now
        self.now += self.step
        return value


class Reply:
    """A generator of pieces that records whether it was closed."""

    def __init__(self, pieces: list[str]) -> None:
        self.pieces = pieces
        self.closed = False

    def run(self) -> Generator[str, None, None]:
        try:
            yield from self.pieces
        finally:
            self.closed = True


def test_passes_pieces_through_and_drops_empty_ones() -> None:
    reply = Reply(["", "Bins ", "", "are weekly."])
    out = list(ReplyDeadline(5, 10).enforce("m", reply.run(), SteppedClock(0.1)))
    assert out == ["Bins ", "are weekly."]
    assert reply.closed


def test_first_token_too_late() -> None:
    reply = Reply(["late"])
    with pytest.raises(ModelUnavailable) as caught:
        list(ReplyDeadline(1, 10).enforce("m", reply.run(), SteppedClock(2)))
    assert caught.value.reason == "timeout"
    assert reply.closed


def test_leading_whitespace_is_not_a_first_token() -> None:
    reply = Reply(["\n", "\n", "late"])
    with pytest.raises(ModelUnavailable) as caught:
        list(ReplyDeadline(2.5, 10).enforce("m", reply.run(), SteppedClock(1)))
    assert caught.value.reason == "timeout"


def test_total_too_long_stops_the_generation() -> None:
    reply = Reply([f"w{i} " for i in range(100)])
    received: list[str] = []
    with pytest.raises(ModelUnavailable) as caught:
        received.extend(ReplyDeadline(1, 3).enforce("m", reply.run(), SteppedClock(1)))
    assert caught.value.reason == "timeout"
    assert received == ["w0 ", "w1 ", "w2 "]
    assert reply.closed


@pytest.mark.parametrize("pieces", [[], [""], ["  ", "\n"]])
def test_no_text_is_empty(pieces: list[str]) -> None:
    with pytest.raises(ModelUnavailable) as caught:
        list(ReplyDeadline(5, 10).enforce("m", Reply(pieces).run(), SteppedClock(0)))
    assert caught.value.reason == "empty"


def test_caller_stopping_early_closes_the_generation() -> None:
    reply = Reply(["a", "b", "c"])
    stream = ReplyDeadline(5, 10).enforce("m", reply.run(), SteppedClock(0))
    assert next(stream) == "a"
    stream.close()
    assert reply.closed


@pytest.mark.parametrize(("first", "total"), [(0, 1), (1, 0), (-1, 5)])
def test_timeouts_must_be_positive(first: float, total: float) -> None:
    with pytest.raises(ValueError, match="positive"):
        ReplyDeadline(first, total)
