"""A value corrected right after it: both values are personal data.

"07700 900417... sorry, no, use 07700 900 582", "né le 03/11/1987... non pardon, 03/11/1978",
"EX2 3NB, pardon, EX2 3BN": the writer gives a value, takes it back and gives another of the
same shape. The first is found by its detector; the second is often missed, as nothing labels
it any more. After a correction word, a value written with the same shape as a found one
(each digit a digit, each letter a letter, separators aside) is of the same kind (test27
forms, the twenty-second held-out set, spent on 6 December 2026). A partial correction
("… non, le 0310") has another shape and is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from bot.guards.verdict import PIIFinding

# Kinds whose values have a shape of their own; a name's has none.
_SHAPED = frozenset(
    {
        "phone",
        "email",
        "postcode",
        "name_dob_address",
        "uk_nino",
        "iban",
        "payment_card",
        "uk_nhs_number",
        "fr_nir",
        "ca_sin",
        "account_number",
        "bank_account",
        "document_number",
    }
)
_REACH = 80
_CUE = re.compile(
    r"(?i:\b(?:sorry|no\s+wait|wait|i\s+mean|i\s+meant|correction|actually|scratch\s+that"
    r"|my\s+mistake|typo|oops|not\s+that\s+one|pardon|d[ée]sol[ée]e?|je\s+veux\s+dire|plut[ôo]t"
    r"|oups|erreur|je\s+me\s+suis\s+tromp[ée]e?|je\s+me\s+trompe|non|no)\b)"
)
_TOKEN = re.compile(r"[\w@.+-]+(?:[ ./-][\w@.+-]+)*")


def _shape(value: str) -> str:
    """Each digit as 9 and each letter as a, separators dropped."""
    compact = re.sub(r"[\s./()-]", "", value)
    return re.sub(r"[^\W\d_]", "a", re.sub(r"\d", "9", compact))


def _dated(value: str) -> bool:
    return re.fullmatch(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}", value.strip()) is not None


def corrected_values(text: str, findings: Iterable[PIIFinding]) -> Iterator[PIIFinding]:
    """Values given after a correction word with the shape of a found one, of its kind."""
    for finding in findings:
        value = text[finding.start : finding.end]
        if finding.kind not in _SHAPED:
            continue
        if finding.kind == "name_dob_address" and not _dated(value):
            continue
        shape = _shape(value)
        if len(shape) < 5:
            continue
        after = text[finding.end : finding.end + _REACH]
        cue = _CUE.search(after)
        if cue is None:
            continue
        rest = finding.end + cue.end()
        for token in _TOKEN.finditer(text, rest, min(len(text), rest + _REACH)):
            words = token.group(0)
            # The corrected value may be a run of groups among words: try each tail and head.
            for match in re.finditer(r"[\w@.+-]+", words):
                for end_match in re.finditer(r"[\w@.+-]+", words[match.start() :]):
                    candidate = words[match.start() : match.start() + end_match.end()]
                    candidate = candidate.rstrip(".")
                    if _shape(candidate) == shape and candidate != value:
                        start = token.start() + match.start()
                        yield PIIFinding(finding.kind, start, start + len(candidate))
