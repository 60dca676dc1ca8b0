"""Numbers typed with an odd separator between their groups, read as if spaced: underscores
("2_84_05_69_…", "EX2_7LP", as a case system or a spreadsheet exports them), slashes and
dashes between short groups ("FR05/3000/4028/…" from a PDF, "JK-40-28-17-C").

The message is copied with each such run's separators read as spaces; every detector reads the
copy, and what it finds touching a run is given the run's place in the message, but only as an
identifier with a check that then holds (or a National Insurance number, whose letters are its
check) or, for underscores, a postcode: a reference ("PLN/2026/01734"), a file name
("bulky_waste_2026_03_14.csv") or a version ("7_2_19_4") stays what it is. Test35 forms (the
thirtieth held-out set, spent on 6 December 2026).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from bot.guards import checksums
from bot.guards.pii_numbers import CHECK_DIGITS
from bot.guards.replaced import replace_runs
from bot.guards.verdict import PIIFinding

Finder = Callable[[str], Iterable[PIIFinding]]

# Groups of letters and digits split by one kind of separator, the run holding a digit; for
# slashes and dashes, at least four groups of at most four characters (a date or a reference
# has three, or longer groups).
_UNDERSCORED = re.compile(r"(?<![\w/.-])[A-Za-z0-9]{1,5}(?:_[A-Za-z0-9]{1,5})+(?![\w/-]|\.\w)")
_SLASHED = re.compile(r"(?<![\w/.-])[A-Za-z0-9]{1,4}(?:/[A-Za-z0-9]{1,4}){3,}(?![\w/-]|\.\w)")
_DASHED = re.compile(r"(?<![\w/.-])[A-Za-z0-9]{1,4}(?:-[A-Za-z0-9]{1,4}){3,}(?![\w/-]|\.\w)")
# Dots (or commas, colons, semicolons) between the pairs of a National Insurance number, as
# typed on a phone in lower case ("ni no ab.12.34.56.c"): a run that starts with two letters
# and keeps one separator throughout (an IP address or a version starts with digits). Test44
# forms.
_DOTTED = re.compile(
    r"(?<![\w/.,:;-])[A-Za-z]{2}([.,:;])[A-Za-z0-9]{1,4}(?:\1[A-Za-z0-9]{1,4}){2,}(?![\w/-]|[.,:;]\w)"
)
# Bars between the groups of a number, as copied from a card or a booklet's boxes
# ("999|562|7183", "GB29|NWBK|6016|…"): three groups or more with no space, read spaced and
# kept only when a check holds, as the other separators' runs (test50, spent).
_PIPED = re.compile(r"(?<![\w|/.-])[A-Za-z0-9]{1,5}(?:\|[A-Za-z0-9]{1,5}){2,}(?![\w|/-]|\.\w)")
_MIN_DIGITS = 6

# What a run may be read as, with the check it must pass.
_CHECKED: dict[str, Callable[[str], bool]] = {
    **CHECK_DIGITS,
    "uk_nino": checksums.uk_nino_valid,
}


def _runs(text: str) -> Iterator[tuple[int, int, bool]]:
    """(start, end, underscored) of each run with odd separators."""
    for match in _UNDERSCORED.finditer(text):
        if any(ch.isdigit() for ch in match.group(0)):
            yield match.start(), match.end(), True
    for pattern in (_SLASHED, _DASHED, _DOTTED, _PIPED):
        for match in pattern.finditer(text):
            if sum(ch.isdigit() for ch in match.group(0)) >= _MIN_DIGITS:
                yield match.start(), match.end(), False


def find_across_separators(text: str, finder: Finder) -> Iterator[PIIFinding]:
    """Personal data found in the runs of `text` typed with odd separators, read spaced."""
    runs = sorted(_runs(text))
    if not runs:
        return
    kept: list[tuple[int, int, bool]] = []
    for run in runs:
        if not kept or run[0] >= kept[-1][1]:
            kept.append(run)
    replaced = replace_runs(
        text, [(start, end, re.sub(r"[_/.,:;|-]", " ", text[start:end])) for start, end, _ in kept]
    )
    copy = replaced.text
    placed = [(*span, run[2]) for span, run in zip(replaced.spans, kept, strict=True)]
    for finding in finder(copy):
        touched = [p for p in placed if finding.start < p[1] and p[0] < finding.end]
        if not touched:
            continue
        value = "".join(ch for ch in copy[finding.start : finding.end] if ch.isalnum())
        check = _CHECKED.get(finding.kind)
        postcode = finding.kind == "postcode" and all(underscored for *_, underscored in touched)
        if postcode or (check is not None and check(value.upper())):
            yield PIIFinding(finding.kind, *replaced.original(finding.start, finding.end))
