"""Vehicle registration numbers: personal data, as they identify a vehicle's keeper.

Two formats are read, in capitals, with or without their separators: the UK's current one
since 2001 (two letters, two digits, three letters: "KX19 WBT") and France's since 2009 (two
letters, three digits, two letters: "GH-317-PZ", "FG 907 LM"). Either is a plate only when its
sentence speaks of a vehicle (a car, a van, a plate, a registration, parked, a wreck,
"immatriculée", "épave"): the same shapes are references, room codes and postcodes elsewhere.
A form's sample ("AB12 CDE", "AA-123-AA": the same letter twice, or the letters in order) is
nobody's. Issue 12: test57 and test58 (spent) each held a plate, and no reader found one.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from bot.guards.verdict import PIIFinding

_UK = re.compile(r"(?<![\w-])([A-Z]{2})(\d{2}) ?([A-Z]{3})(?![\w-])")
_FR = re.compile(r"(?<![\w-])([A-Z]{2})[- ](\d{3})[- ]([A-Z]{2})(?![\w-])")
# Words of a vehicle, on folded text (lower case, no accents), in the plate's sentence.
_VEHICLE = re.compile(
    r"\b(?:cars?|vans?|vehicles?|motorbikes?|motorcycles?|scooters?|lorr(?:y|ies)|trucks?"
    r"|taxis?|caravans?|campervans?|hatchback|saloon|estate\s+car|pick-?up|plates?|reg"
    r"|registration|number\s+plates?|parked|parking|parks|tow(?:ed)?|clamped|abandoned"
    r"|driveway|drive|wreck|voitures?|vehicules?|camionnettes?|fourgons?|motos?|camions?"
    r"|plaques?|immatricul\w*|garee?s?|stationn\w*|epaves?|fourriere|enlev\w*)\b"
)
_SENTENCE_END = re.compile(r"[.!?\n]")
_REACH = 80


def _a_sample(letters: str, digits: str) -> bool:
    """A form's sample: its letters all one ("AA", "XX") or in order ("AB … CD", "AB … CDE"),
    or its digits all one or in order ("000", "123")."""
    joined = letters.replace(" ", "")
    in_order = all(ord(b) - ord(a) == 1 for a, b in itertools.pairwise(joined))
    same = len(set(joined)) == 1
    digits_plain = len(set(digits)) == 1 or digits in "0123456789"
    return same or in_order or (digits_plain and len(set(joined)) <= 2)


def _in_a_vehicle_s_sentence(folded: str, start: int, end: int) -> bool:
    before = folded[max(0, start - _REACH) : start]
    ends = list(_SENTENCE_END.finditer(before))
    if ends:
        before = before[ends[-1].end() :]
    after = folded[end : end + _REACH]
    stop = _SENTENCE_END.search(after)
    if stop is not None:
        after = after[: stop.start()]
    return _VEHICLE.search(before) is not None or _VEHICLE.search(after) is not None


def find_vehicle_plates(text: str, folded: str) -> Iterator[PIIFinding]:
    """UK and French registration numbers in a sentence about a vehicle; `folded` is `text`
    folded with its offsets kept."""
    for pattern in (_UK, _FR):
        for match in pattern.finditer(text):
            first, digits, last = match.groups()
            if _a_sample(first + last, digits):
                continue
            if _in_a_vehicle_s_sentence(folded, match.start(), match.end()):
                yield PIIFinding("vehicle_plate", match.start(), match.end())
