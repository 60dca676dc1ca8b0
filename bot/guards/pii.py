"""All personal data in a message, without overlaps, and the text with it redacted."""

from __future__ import annotations

from collections.abc import Iterable

from bot.guards.normalise import fold_aligned, lower_aligned
from bot.guards.pii_contact import find_emails, find_phones
from bot.guards.pii_identity import (
    find_credentials_and_documents,
    find_identity,
    private_street_ends,
)
from bot.guards.pii_network import find_disguised_emails, find_ip_addresses, find_own_websites
from bot.guards.pii_numbers import find_digit_identifiers, find_ibans, find_lettered_identifiers
from bot.guards.pii_places import find_postcodes
from bot.guards.pii_spans import SpanTagger
from bot.guards.policy import PIIPolicy
from bot.guards.verdict import PIIFinding


def _without_overlaps(findings: Iterable[PIIFinding]) -> tuple[PIIFinding, ...]:
    """Earlier detectors win: checksummed identifiers before contacts before identity."""
    kept: list[PIIFinding] = []
    for finding in findings:
        if all(finding.end <= other.start or finding.start >= other.end for other in kept):
            kept.append(finding)
    return tuple(sorted(kept, key=lambda f: (f.start, f.end)))


_WORDY = frozenset({"name", "address", "name_dob_address"})


def _whole_words(text: str, finding: PIIFinding) -> PIIFinding:
    """A name or address widened to whole words ("Oona Mac" of "Oona MacLeod" is redacted
    as the whole name, never leaving "Leod" behind)."""
    if finding.kind not in _WORDY:
        return finding
    start, end = finding.start, finding.end
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return PIIFinding(finding.kind, start, end)


def find_pii(
    text: str, policy: PIIPolicy, tagger: SpanTagger | None = None
) -> tuple[PIIFinding, ...]:
    """Personal data of the kinds the policy enables; offsets index `text`.

    With a `tagger`, names and addresses that no rule introduced are found by the learned
    span tagger too (`pii_spans`), then judged by their context (`find_identity`).
    """
    aligned = fold_aligned(text)
    folded = lower_aligned(aligned)
    contact = policy.contact
    found: list[PIIFinding] = []
    found += find_ibans(aligned, folded)
    found += find_lettered_identifiers(aligned, folded)
    found += find_digit_identifiers(aligned, folded)
    found += find_emails(aligned, contact)
    found += find_disguised_emails(aligned, folded, contact)
    found += find_own_websites(aligned, folded)
    found += find_ip_addresses(aligned, folded)
    found += find_credentials_and_documents(aligned)
    found += find_phones(aligned, folded, contact)
    learned = tagger.spans(aligned) if tagger is not None else []
    found += find_identity(aligned, folded, learned)
    found += find_postcodes(aligned, folded, private_street_ends(aligned, folded))
    return _without_overlaps(_whole_words(text, f) for f in found if f.kind in policy.kinds)


def redact(text: str, findings: Iterable[PIIFinding]) -> str:
    """The text with each finding replaced by a placeholder such as [IBAN]."""
    parts: list[str] = []
    position = 0
    for finding in sorted(findings, key=lambda f: f.start):
        parts.append(text[position : finding.start])
        parts.append(f"[{finding.kind.upper()}]")
        position = finding.end
    parts.append(text[position:])
    return "".join(parts)
