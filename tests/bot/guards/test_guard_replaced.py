"""A copy of a message with runs replaced keeps where each of its characters came from."""

from __future__ import annotations

from bot.guards.replaced import replace_runs


def test_what_is_found_in_the_copy_is_placed_in_the_message() -> None:
    text = "call O7700 9OO123 or write"
    replaced = replace_runs(text, [(5, 17, "07700 900123")])
    assert replaced.text == "call 07700 900123 or write"
    assert replaced.spans == [(5, 17)]
    start, end = replaced.text.index("07700"), replaced.text.index(" or")
    assert replaced.original(start, end) == (5, 17)
    # Outside the runs the copy is the message itself.
    assert replaced.original(0, 4) == (0, 4)
    assert replaced.original(len(replaced.text) - 5, len(replaced.text)) == (21, 26)


def test_a_run_of_another_length_moves_what_follows_and_is_placed_whole() -> None:
    text = "my number is oh seven seven double oh nine, thanks"
    run_end = text.index(",")
    replaced = replace_runs(text, [(13, run_end, "077009")])
    assert replaced.text == "my number is 077009, thanks"
    at = replaced.text.index("077009")
    # Any part of the run's value stands for the whole run.
    assert replaced.original(at + 2, at + 4) == (13, run_end)
    tail = replaced.text.index("thanks")
    assert text[slice(*replaced.original(tail, tail + 6))] == "thanks"


def test_no_run_is_the_message_unchanged() -> None:
    replaced = replace_runs("nothing here", [])
    assert replaced.text == "nothing here" and replaced.spans == []
    assert replaced.original(0, 7) == (0, 7)
