"""Phone numbers spelt out in words, as people dictate them or write them to dodge a filter.

"my number is oh seven seven double oh nine double oh three one two", "zéro six trente-neuf
quatre-vingt-dix-huit quarante et un vingt-sept": a run of number words is read into digits
(English one digit a word, with "oh", "double" and "triple"; French one digit a word or the
pairs a French number is read in, "trente-neuf", "quatre-vingt-dix-huit", "soixante et onze"),
and a run that reads as a phone number (10 to 11 digits from a 0, or from 44 / 33 after "plus"
or "double zero") is a phone unless the policy lists it as public. Organisations write their
numbers in digits; a number spelt out in a message is the writer's or someone they know.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence

from bot.guards.pii_contact import ContactPolicy, national_form
from bot.guards.verdict import PIIFinding

_EN_DIGITS = {
    "zero": "0",
    "oh": "0",
    "o": "0",
    "nought": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
}
_FR_UNITS = {
    "zero": 0,
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
}
_FR_TEENS = {
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "treize": 13,
    "quatorze": 14,
    "quinze": 15,
    "seize": 16,
}
_FR_TENS = {"vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60}
_REPEAT = {"double": 2, "triple": 3}
# "nine hundred" after a digit, as the UK's 07700 900… is read aloud: the digit and two zeros.
_HUNDREDS = {"hundred": "00", "thousand": "000"}
_NUMBER_WORDS = (
    set(_EN_DIGITS)
    | set(_FR_UNITS)
    | set(_FR_TEENS)
    | set(_FR_TENS)
    | set(_REPEAT)
    | set(_HUNDREDS)
) | {"vingts", "et", "plus"}
# Words that may sit inside a run without ending it ("et" in "quarante et un").
_JOINERS = {"et"}
_TOKEN = re.compile(r"[^\W\d_]+")
_MIN_DIGITS = 10
_MAX_DIGITS = 13


def _plain(word: str) -> str:
    """The word without accents ("zéro" -> "zero")."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _runs(folded: str) -> Iterator[list[re.Match[str]]]:
    """Maximal runs of number words separated only by spaces, hyphens and commas."""
    run: list[re.Match[str]] = []
    for match in _TOKEN.finditer(folded):
        word = _plain(match.group(0))
        gap = folded[run[-1].end() : match.start()] if run else ""
        if word in _NUMBER_WORDS and (not run or re.fullmatch(r"[\s,.-]{1,3}", gap)):
            run.append(match)
            continue
        if run:
            yield run
        run = [match] if word in _NUMBER_WORDS else []
    if run:
        yield run


def _french_pair(words: Sequence[str], i: int) -> tuple[int, int] | None:
    """A French number from 10 to 99 starting at words[i]: (value, words used)."""
    word = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if word == "quatre" and nxt in ("vingt", "vingts"):
        base, used = 80, 2
    elif word == "dix" and nxt in ("sept", "huit", "neuf"):
        return 10 + _FR_UNITS[nxt], 2
    elif word in _FR_TEENS:
        return _FR_TEENS[word], 1
    elif word in _FR_TENS:
        base, used = _FR_TENS[word], 1
    else:
        return None
    rest = words[i + used :]
    if rest and rest[0] == "et":
        rest, used = rest[1:], used + 1
    if base in (60, 80) and rest:
        teen = _french_pair(rest, 0) if rest[0] in _FR_TEENS or rest[0] == "dix" else None
        if teen is not None and teen[0] < 20:
            return base + teen[0], used + teen[1]
    if rest and rest[0] in _FR_UNITS and rest[0] != "zero":
        return base + _FR_UNITS[rest[0]], used + 1
    return base, used


def _digits(words: Sequence[str]) -> tuple[str, bool] | None:
    """The digits the words read as, and whether they began with "plus"; None if they do not
    read as one number."""
    out: list[str] = []
    international = False
    i = 0
    while i < len(words):
        word = words[i]
        if word == "plus" and not out:
            international = True
            i += 1
        elif word in _HUNDREDS and out and words[i - 1] in _EN_DIGITS:
            out.append(_HUNDREDS[word])
            i += 1
        elif word in _REPEAT and i + 1 < len(words) and words[i + 1] in _EN_DIGITS:
            out.append(_EN_DIGITS[words[i + 1]] * _REPEAT[word])
            i += 2
        elif (pair := _french_pair(words, i)) is not None:
            out.append(f"{pair[0]:02d}")
            i += pair[1]
        elif word in _EN_DIGITS:
            out.append(_EN_DIGITS[word])
            i += 1
        elif word in _FR_UNITS:
            out.append(str(_FR_UNITS[word]))
            i += 1
        elif word in _JOINERS:
            i += 1
        else:
            return None
    return "".join(out), international


def find_spoken_phones(folded: str, policy: ContactPolicy) -> Iterator[PIIFinding]:
    """Phone numbers written as words; offsets index `folded` (aligned with the text)."""
    for run in _runs(folded):
        read = _digits([_plain(m.group(0)) for m in run])
        if read is None:
            continue
        digits, international = read
        if digits.startswith("00"):
            digits, international = digits[2:], True
        if not _MIN_DIGITS - 1 <= len(digits) <= _MAX_DIGITS:
            continue
        if not international and not digits.startswith("0"):
            continue
        if international and not digits.startswith(("44", "33", "1")):
            continue
        national = national_form(digits, international)
        if not _MIN_DIGITS <= len(national) <= 11:
            continue
        if digits in policy.public_numbers or national in policy.public_numbers:
            continue
        yield PIIFinding("phone", run[0].start(), run[-1].end())
