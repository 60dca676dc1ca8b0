"""National identity numbers of the countries people move to Exampleton from, confirmed by
their check digits: the Belgian national register number, the Swiss AVS number, the Irish PPS
number; and an NHS number printed 3-3-4 whose first digit is below 4, in a message that names
the NHS number.

Each is personal data only when its check holds, and only where it is printed in its own
grouping or a word near it names it: a number that fails its check (a key the form says is
wrong) is left alone, as are numbers of the same length in other shapes (a phone number, a
reference). Found as `document_number`, "an identity document or account number" (the
twenty-second held-out set, test27, spent on 6 December 2026).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.guards import checksums
from bot.guards.verdict import PIIFinding

_WINDOW = 48

# YY.MM.DD-SSS.CC, as the Belgian eID card prints it, or other single separators, or none.
_BE_NUMBER = re.compile(
    r"(?<![\w.,/-])(\d{2})[. ]?(\d{2})[. ]?(\d{2})[ .-]?(\d{3})[ .-]?(\d{2})(?![\w/-]|[.,]\d)"
)
_BE_PRINTED = re.compile(r"\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}")
_BE_WORDS = re.compile(
    r"\b(?:registre national|num[eé]ro national|rijksregister\w*|national regist\w+"
    r"|national number|niss|insz|belg\w*|eid)\b"
)
# 756.XXXX.XXXX.XX, or the thirteen digits with single spaces or none.
_CH_NUMBER = re.compile(r"(?<![\w.,/-])756([. ]?)\d{4}\1\d{4}\1\d{2}(?![\w/-]|[.,]\d)")
_CH_WORDS = re.compile(
    r"\b(?:avs|ahv|avs/ahv|ahv/avs|oasi|assurance[- ]vieillesse|alters\w*|swiss|suisse"
    r"|switzerland|social security|s[eé]curit[eé] sociale|s[eé]cu)\b"
)
# Seven digits and the check letter, an optional second letter; a space before the letters.
_IE_NUMBER = re.compile(r"(?<![\w.,/-])(\d{7}) ?([A-Wa-w][A-Za-z]?)(?![\w-])")
_IE_WORDS = re.compile(
    r"\b(?:pps|ppsn|personal public service|irish|ireland|irlande|irlandais\w*|social welfare)\b"
)
_NHS_LOW = re.compile(r"(?<![\w.,/+-])[1-3]\d{2}([ -])\d{3}\1\d{4}(?![\w/-]|[.,]\d)")
_NHS_WORD = re.compile(r"\bnhs\b")


def _named(folded: str, start: int, end: int, words: re.Pattern[str]) -> bool:
    """A word naming the identifier just before it or just after it."""
    around = folded[max(0, start - _WINDOW) : start] + " " + folded[end : end + _WINDOW // 2]
    return words.search(around) is not None


def _be_date_plausible(month: str, day: str) -> bool:
    """A month up to 12 (plus 20 or 40 for a bis number, 00 unknown) and a day up to 31."""
    return int(month) % 20 <= 12 and int(day) <= 31


def _belgian(text: str, folded: str) -> Iterator[PIIFinding]:
    for match in _BE_NUMBER.finditer(text):
        digits = "".join(match.groups())
        if not _be_date_plausible(match.group(2), match.group(3)):
            continue
        if not checksums.be_national_number_valid(digits):
            continue
        printed = _BE_PRINTED.fullmatch(match.group(0)) is not None
        if printed or _named(folded, match.start(), match.end(), _BE_WORDS):
            yield PIIFinding("document_number", match.start(), match.end())


def _swiss(text: str, folded: str) -> Iterator[PIIFinding]:
    for match in _CH_NUMBER.finditer(text):
        if not checksums.ch_avs_valid(re.sub(r"\D", "", match.group(0))):
            continue
        if match.group(1) == "." or _named(folded, match.start(), match.end(), _CH_WORDS):
            yield PIIFinding("document_number", match.start(), match.end())


def _irish(text: str, folded: str) -> Iterator[PIIFinding]:
    for match in _IE_NUMBER.finditer(text):
        if not checksums.ie_ppsn_valid(match.group(1) + match.group(2)):
            continue
        if _named(folded, match.start(), match.end(), _IE_WORDS):
            yield PIIFinding("document_number", match.start(), match.end())


def _nhs_low(text: str, folded: str) -> Iterator[PIIFinding]:
    if _NHS_WORD.search(folded) is None:
        return
    for match in _NHS_LOW.finditer(text):
        if checksums.uk_nhs_number_valid(re.sub(r"\D", "", match.group(0))):
            yield PIIFinding("uk_nhs_number", match.start(), match.end())


def find_national_numbers(text: str, folded: str) -> Iterator[PIIFinding]:
    """Belgian, Swiss and Irish identity numbers, and NHS numbers starting 1 to 3."""
    yield from _belgian(text, folded)
    yield from _swiss(text, folded)
    yield from _irish(text, folded)
    yield from _nhs_low(text, folded)
