"""Numbers a client writes (entry indexes, event ids): ASCII digits that fit a 64-bit column.

str.isdigit() says yes to "²", "①" and "٣", and int() reads "٣" but not "²"; a 5,000-digit
string is too long for int() and 2**64 too large for the database. Every such value is
refused here with a sentence, so it becomes a 422 instead of a 500 further in.
"""

from __future__ import annotations

import re

MAX_DIGITS = 18  # below 2**63 - 1, the largest BIGINT
LARGEST = 2**63 - 1
_WHOLE = re.compile(rf"[0-9]{{1,{MAX_DIGITS}}}")


class InvalidNumber(ValueError):
    """A value that is not a whole number we can look up; the message names the field."""


def is_whole_number(text: str) -> bool:
    return _WHOLE.fullmatch(text) is not None


def whole_number(text: str, what: str) -> int:
    """The value as an int; raises InvalidNumber saying what was expected."""
    if not _WHOLE.fullmatch(text):
        raise InvalidNumber(
            f"{what} must be a whole number written with the digits 0-9 "
            f"(at most {MAX_DIGITS} of them)"
        )
    return int(text)
