"""Data typed into a form's boxes, one character a box, read as the words it spells.

A PDF form copied out, or a scan read letter by letter, gives each character on its own: split
by bars ("|R|I|V|O|A|L|L|A|N| |Y|A|N|N|"), or by single spaces ("T H E O D O R A   B L A C
K"), its words split by an empty box ("| |") or a wider gap (two spaces or more). Such a run is
read as its words ("RIVOALLAN YANN", "THEODORA BLACK"), a date as a date ("1 4 / 0 2 / 1 9 9
0" as "14/02/1990"), a National Insurance number as one ("J Z 4 7 …" as "JZ47…"); a wide gap
after the run ends the field, as the next box on a form does, so each label keeps its own value.
Every detector but the tagger reads that copy, and what it finds touching a run is given the
run's place in the message (issue 12, fixer P7, after test59).

Ordinary text is left as written: a run needs four characters or more and a word of three or
more ("options a b c", "I / O" are no run), and only what the finders find in it counts, by the
same checks and labels as typed whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from bot.guards.pii_fields import kind_by_label
from bot.guards.replaced import replace_runs
from bot.guards.verdict import PIIFinding

Finder = Callable[[str], Iterable[PIIFinding]]

# One character of a box: anything but a space, a bar or the colon (or the like) that ends a
# label before the boxes ("Date of birth : 0 7 / …").
_CH = r"[^\s|:;,=]"
# A word one character a box, split by bars, and a run of such words split by an empty box,
# with the bars that open and close it.
_BARRED_WORD = rf"{_CH}(?:\|{_CH})+"
_BARRED = re.compile(
    rf"(?<![^\s:(\[])\|(?P<run>{_BARRED_WORD}(?:\|[ ]*\|{_BARRED_WORD})*)\|(?![^\s.,;:)\]])"
)
# Or split by single spaces, words split by two to six spaces; the bars of a box around the
# whole run, with a space inside, go with it.
_SPACED_WORD = rf"{_CH}(?: {_CH})+"
_SPACED = re.compile(
    rf"(?:(?<![^\s:(\[])\|[ ]{{1,3}})?(?<!\S)(?P<run>{_SPACED_WORD}(?:[ ]{{2,6}}{_SPACED_WORD})*)"
    rf"(?!\S)(?:[ ]{{1,3}}\|(?![^\s.,;:)\]]))?"
)
_GAP = re.compile(r"\|[ ]*\||[ ]{2,}")
_WIDE_GAP_AFTER = re.compile(r"[ \t]{2,}(?=\S)")
# The label right before a run, on its line, after any earlier field or aside ("Section B -
# Child's date of birth: …").
_LABEL_BEFORE = re.compile(
    r"(?:^|[\n.;!?]|[ \t][\u2013\u2014-][ \t]|[ \t]{2,})[ \t]*(?P<label>[^\W\d_][^\n:=|]{0,60}?)"
    r"[ \t]*[:=][ \t]*$"
)
_MIN_CHARACTERS = 4
_MIN_LONGEST_WORD = 3


def _words(run: str) -> list[str]:
    """The words a run spells, its characters joined."""
    return [re.sub(r"[ |]", "", word) for word in _GAP.split(run) if word.strip(" |")]


def _runs(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, the words it spells) of each run typed one character a box."""
    for pattern in (_BARRED, _SPACED):
        for match in pattern.finditer(text):
            words = _words(match.group("run"))
            if (
                sum(len(word) for word in words) >= _MIN_CHARACTERS
                and max(len(word) for word in words) >= _MIN_LONGEST_WORD
            ):
                yield match.start(), match.end(), " ".join(words)


def find_in_boxes(text: str, finder: Finder) -> Iterator[PIIFinding]:
    """Personal data found in the runs of `text` typed one character a box, read joined."""
    kept: list[tuple[int, int, str]] = []
    for run in sorted(_runs(text)):
        if not kept or run[0] >= kept[-1][1]:
            kept.append(run)
    if not kept:
        return
    replacements: list[tuple[int, int, str]] = []
    for start, end, words in kept:
        replacements.append((start, end, words))
        # A wide gap after the run ends its field, as the next box on a form does.
        gap = _WIDE_GAP_AFTER.match(text, end)
        if gap is not None:
            replacements.append((gap.start(), gap.end(), "\n"))
    for start, end, words in kept:
        label = _LABEL_BEFORE.search(text, max(0, start - 80), start)
        kind = kind_by_label(label.group("label"), words) if label is not None else None
        if kind is not None:
            yield PIIFinding(kind, start, end)
    replaced = replace_runs(text, replacements)
    words_at = [
        span
        for span, (_, _, value) in zip(replaced.spans, replacements, strict=True)
        if value != "\n"
    ]
    for finding in finder(replaced.text):
        if any(finding.start < end and start < finding.end for start, end in words_at):
            yield PIIFinding(finding.kind, *replaced.original(finding.start, finding.end))
