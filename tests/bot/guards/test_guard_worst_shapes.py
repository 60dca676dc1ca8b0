"""The guard's worst case per message: the shapes `benchmarks/guard_worst.py` times are as long
as the engine accepts, and the keypad-letter reader reads the message once however many
numbers end in letters (one reading per number cost 2 s of CPU for a 2,000-character message).
Times are the benchmark's; these tests count readings and check what is found."""

from __future__ import annotations

from collections.abc import Iterable

from benchmarks.guard_worst import shapes
from bot.engine import EnginePolicy
from bot.guards.pii import find_pii
from bot.guards.pii_encoded import find_keypad_phones
from bot.guards.policy import GuardPolicy
from bot.guards.verdict import PIIFinding


def test_every_shape_is_as_long_as_the_engine_accepts() -> None:
    limit = EnginePolicy().max_message_chars
    built = shapes(limit)
    assert len(built) >= 20
    assert {len(text) for text in built.values()} == {limit}


class CountingFinder:
    """The real finder, counting how often it is asked to read a copy."""

    def __init__(self) -> None:
        self.readings = 0
        self.policy = GuardPolicy.default().pii

    def __call__(self, copy: str) -> Iterable[PIIFinding]:
        self.readings += 1
        return find_pii(copy, self.policy, read_out=False)


def test_many_keypad_numbers_are_read_in_one_copy() -> None:
    text = " ".join(["ring 07700 900 CAT or 01632 960 DOG"] * 40)
    finder = CountingFinder()
    found = list(find_keypad_phones(text, finder))
    assert finder.readings == 1
    assert len(found) == 80
    assert all(f.kind == "phone" for f in found)


def test_each_keypad_number_is_found_at_its_own_place() -> None:
    text = "Text me on 07700 900 CAT, or my wife on 07700 900 BED after six."
    finder = CountingFinder()
    spans = [text[f.start : f.end] for f in find_keypad_phones(text, finder)]
    assert spans == ["07700 900 CAT", "07700 900 BED"]


def test_no_keypad_number_no_reading() -> None:
    finder = CountingFinder()
    assert list(find_keypad_phones("Is the tip open on Sunday? TIA", finder)) == []
    assert finder.readings == 0
