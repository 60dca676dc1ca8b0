"""Numbers with typing and scanning slips, read as meant: doubled or mixed separators
("402--715--936", "06. 39-98") read as one, a capital or small O typed for 0 and an l or a
capital I typed for 1 inside a run that is otherwise digits ("2 87 O5 69 …", "4l30 8826").

The message is copied with each such run read as meant; every detector reads the copy, and
what it finds touching a run is given the run's place in the message. A run with a letter
read as a digit counts only as an identifier whose check then holds (a card, an IBAN, a NIR,
an NHS number …): "EXO4718263" or a room "1O1" stays what it is. Test27 forms (the
twenty-second held-out set, spent on 6 December 2026).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from bot.guards import checksums
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

# The check each identifier kind must pass when a letter was read as a digit.
_CHECKS: dict[str, Callable[[str], bool]] = {
    "payment_card": checksums.payment_card_valid,
    "uk_nhs_number": checksums.uk_nhs_number_valid,
    "ca_sin": checksums.ca_sin_valid,
    "nl_bsn": checksums.nl_bsn_valid,
    "fr_nir": checksums.fr_nir_valid,
    "iban": checksums.iban_valid,
    "document_number": lambda digits: (
        checksums.be_national_number_valid(digits) or checksums.ch_avs_valid(digits)
    ),
}


def _meant(run: str) -> str | None:
    """The run as meant, or None when it holds no slip (or too many letters to be one)."""
    letters = sum(run.count(ch) for ch in "OolI")
    digits = sum(ch.isdigit() for ch in run)
    if digits < _MIN_DIGITS or letters > _MAX_LETTERS:
        return None
    separators = [m.group(0) for m in re.finditer(r"[ .\-/]+", run)]
    doubled = any(len(s) > 1 for s in separators)
    if not letters and not doubled:
        return None
    meant = run.translate(_SLIP_LETTERS)
    # A doubled or mixed separator reads as its last character that is not a space ("--" as
    # "-", ". -" as "-"), or a space.
    return _DOUBLED.sub(lambda m: (m.group(0).replace(" ", "") or " ")[-1], meant)


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
    parts: list[str] = []
    starts: list[int] = []  # for each character of the copy, where it starts in `text`
    ends: list[int] = []  # and where it ends
    placed: list[tuple[int, int, bool]] = []  # each run's span in the copy
    position = 0
    for start, end, value, lettered in [*runs, (len(text), len(text), "", False)]:
        parts.append(text[position:start])
        starts.extend(range(position, start))
        ends.extend(range(position + 1, start + 1))
        at = len(starts)
        parts.append(value)
        starts.extend([start] * len(value))
        ends.extend([end] * len(value))
        placed.append((at, len(starts), lettered))
        position = end
    copy = "".join(parts)
    for finding in finder(copy):
        touched = [p for p in placed if finding.start < p[1] and p[0] < finding.end]
        if not touched:
            continue
        if any(lettered for _, _, lettered in touched):
            check = _CHECKS.get(finding.kind)
            value = "".join(ch for ch in copy[finding.start : finding.end] if ch.isalnum())
            if check is None or not check(value):
                continue
        yield PIIFinding(finding.kind, starts[finding.start], ends[finding.end - 1])
