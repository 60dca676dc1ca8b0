"""Numbers with typing and scanning slips, read as meant: doubled or mixed separators
("402--715--936", "06. 39-98") read as one, a capital or small O typed for 0 and an l or a
capital I typed for 1 inside a run that is otherwise digits ("2 87 O5 69 …", "4l30 8826").

The message is copied with each such run read as meant; every detector reads the copy, and
what it finds touching a run is given the run's place in the message. A run with a letter
read as a digit counts only as an identifier whose check then holds (a card, an IBAN, a NIR,
an NHS number …): "EXO4718263" or a room "1O1" stays what it is. Test27 forms (the
twenty-second held-out set, spent on 6 December 2026). A mobile number, usually a person's, is
read so too, even typed with letters for most of its zeros and ones ("O77OO 9OO 4l2"; test31's
spent forms): a run whose letters read as digits make a UK or French mobile.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from bot.guards import checksums
from bot.guards.pii_contact import is_mobile, national_form
from bot.guards.pii_numbers import CHECK_DIGITS
from bot.guards.replaced import replace_runs
from bot.guards.verdict import PIIFinding

Finder = Callable[[str], Iterable[PIIFinding]]

# A run of digit groups (O, o, l, I allowed in a group that holds a digit) split by
# separators, at least one of them doubled or mixed, or at least one letter in a group.
_GROUP = r"[0-9OolI]*[0-9][0-9OolI]*|[OolI]{1,2}(?=[0-9])[0-9OolI]*"
_SEPARATOR = r"(?:(?:[ ]?[.\-/]){1,2}[ ]?|[ ])"
_RUN = re.compile(rf"(?<![\w+.,-])(?:{_GROUP})(?:{_SEPARATOR}(?:{_GROUP}))*(?![\w])")
_SLIP_LETTERS = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1"})
_DOUBLED = re.compile(r"[ .\-/]{2,}")
_MIN_DIGITS = 6
_MAX_LETTERS = 3
# A mobile typed with letters: at least this many of its digits typed as digits.
_MOBILE_MIN_DIGITS = 3

# The check each identifier kind must pass when a letter was read as a digit.
_CHECKS: dict[str, Callable[[str], bool]] = {
    **CHECK_DIGITS,
    "document_number": lambda digits: (
        checksums.be_national_number_valid(digits) or checksums.ch_avs_valid(digits)
    ),
}


def _meant(run: str) -> str | None:
    """The run as meant, or None when it holds no slip (or too many letters to be one)."""
    letters = sum(run.count(ch) for ch in "OolI")
    digits = sum(ch.isdigit() for ch in run)
    few_slips = digits >= _MIN_DIGITS and letters <= _MAX_LETTERS
    if not few_slips and not (digits >= _MOBILE_MIN_DIGITS and _a_mobile(run)):
        return None
    separators = [m.group(0) for m in re.finditer(r"[ .\-/]+", run)]
    doubled = any(len(s) > 1 for s in separators)
    if not letters and not doubled:
        return None
    meant = run.translate(_SLIP_LETTERS)
    # A doubled or mixed separator reads as its last character that is not a space ("--" as
    # "-", ". -" as "-"), or a space.
    return _DOUBLED.sub(lambda m: (m.group(0).replace(" ", "") or " ")[-1], meant)


def _a_mobile(value: str) -> bool:
    """Whether `value`, its slip letters read as digits, is a UK or French mobile number."""
    meant = value.translate(_SLIP_LETTERS)
    digits = "".join(ch for ch in meant if ch.isdigit())
    international = meant.lstrip().startswith(("+", "00"))
    return is_mobile(national_form(digits, international))


def find_with_slips(text: str, finder: Finder) -> Iterator[PIIFinding]:
    """Personal data found in the runs of `text` with slips, read as meant."""
    runs: list[tuple[int, int, str, bool]] = []
    for match in _RUN.finditer(text):
        meant = _meant(match.group(0))
        if meant is not None:
            lettered = any(ch in match.group(0) for ch in "OolI")
            runs.append((match.start(), match.end(), meant, lettered))
    if not runs:
        return
    replaced = replace_runs(text, [(start, end, value) for start, end, value, _ in runs])
    copy = replaced.text
    placed = [(*span, run[3]) for span, run in zip(replaced.spans, runs, strict=True)]
    for finding in finder(copy):
        touched = [p for p in placed if finding.start < p[1] and p[0] < finding.end]
        if not touched:
            continue
        if any(lettered for _, _, lettered in touched):
            check = _CHECKS.get(finding.kind)
            value = "".join(ch for ch in copy[finding.start : finding.end] if ch.isalnum())
            mobile = finding.kind == "phone" and _a_mobile(copy[finding.start : finding.end])
            if not mobile and (check is None or not check(value)):
                continue
        yield PIIFinding(finding.kind, *replaced.original(finding.start, finding.end))
