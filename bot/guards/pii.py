"""All personal data in a message, without overlaps, and the text with it redacted."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from bot.guards.normalise import fold_aligned, lower_aligned
from bot.guards.pii_contact import find_emails, find_phones
from bot.guards.pii_files import find_file_references
from bot.guards.pii_identity import (
    find_credentials_and_documents,
    find_identity,
    private_street_ends,
    public_street_ends,
)
from bot.guards.pii_network import find_disguised_emails, find_ip_addresses, find_own_websites
from bot.guards.pii_numbers import (
    SHOWN_NOT_GIVEN,
    find_digit_identifiers,
    find_ibans,
    find_lettered_identifiers,
)
from bot.guards.pii_places import find_postcodes
from bot.guards.pii_spans import SpanTagger
from bot.guards.pii_spoken import find_spoken_phones
from bot.guards.policy import PIIPolicy
from bot.guards.verdict import PIIFinding


def _without_overlaps(findings: Iterable[PIIFinding]) -> tuple[PIIFinding, ...]:
    """Earlier detectors win: checksummed identifiers before contacts before identity.

    A later finding that overlaps kept ones gives them its extent, not its kind: "14 Elm Rise
    EX4" (an address) and "EX4 7QT" (a postcode) are one address to redact, never leaving
    "7QT" behind in what is kept."""
    kept: list[PIIFinding] = []
    for finding in findings:
        touched = [o for o in kept if not (finding.end <= o.start or finding.start >= o.end)]
        if not touched:
            kept.append(finding)
            continue
        first = touched[0]
        start = min(finding.start, *(o.start for o in touched))
        end = max(finding.end, *(o.end for o in touched))
        kept = [o for o in kept if o not in touched]
        kept.append(PIIFinding(first.kind, start, end))
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


# Kinds that are numbers: shown as an example or a sample, they locate no one.
_NUMBERS = frozenset(
    {
        "iban",
        "payment_card",
        "uk_nino",
        "fr_nir",
        "ca_sin",
        "nl_bsn",
        "ee_isikukood",
        "es_dni_nie",
        "uk_nhs_number",
        "phone",
        "document_number",
        "account_number",
        "bank_account",
    }
)
# A word, not part of an address: "example.net", "exemple.fr" and "www.sample.org" say nothing.
_EXAMPLE = re.compile(
    r"(?<![\w@./-])(?:examples?|samples?|made[- ]up|specimen|dummy|fictitious|fictional"
    r"|placeholder|exemples?|fictifs?|fictives?|sp[ée]cimen|factices?|ejemplo|beispiel|esempio"
    rf"|{SHOWN_NOT_GIVEN}|fake|pretend|invent[ée]e?s?"
    r"|e\.g\.?|eg|p\. ?ex\.?|par ex\.?|z\. ?b\.?)"
    r"(?![\w@/-]|\.\w)"
)
# The writer's own words: "for example, my mobile is …" gives one's own number.
_OWN = re.compile(
    r"\b(?:my|mine|me|i|i'm|i've|our|ours|mon|ma|mes|moi|je|j'|notre|nos|n[oô]tre"
    r"|mien|mienne|miens|miennes)\b"
)
# A sentence ends at a full stop, but not the one of an abbreviation ("e.g.", "p. ex.").
_SENTENCE_END = re.compile(
    r"(?<!e\.g)(?<!\bex)(?<!\bp)(?<!z\.b)(?<!z\. b)(?<!\bz)[.?!;:](?:\s|$)|\n"
)
# The example word may open the sentence well before the number: "The sample printed on the
# repeat prescription form has the NHS number set out as 612 …" (the sentence still ends at a
# full stop, and the writer's own words after the example word still make the number theirs).
_EXAMPLE_REACH = 120
# Between a number and an example word that stands in apposition to it: a comma, a bracket or
# a dash, an article and at most one word ("…, a made-up …", "… (un numéro fictif", "… – fake").
_APPOSED = re.compile(
    r"\s*[,(\u2013\u2014-]\s*(?:(?:a|an|the|this|un|une|le|la|ce|cet|cette)\s+)?"
    r"(?:(?!not\b|no\b|pas\b|never\b|jamais\b|isn)[^\W\d_][\w'-]*\s+)?"
)
# The writer's own words this close before the number make it theirs ("my mobile is …").
_OWN_RIGHT_BEFORE = 24


def _shown_as_example(folded: str, finding: PIIFinding) -> bool:
    """A number a form, a poster or a leaflet shows as an example, said so before it in its
    sentence ("the leaflet's sample NHS number, 943 …") or just after ("07700 900123 as an
    example"), with none of the writer's own words between."""
    if finding.kind not in _NUMBERS:
        return False
    before = folded[max(0, finding.start - _EXAMPLE_REACH) : finding.start]
    ends = list(_SENTENCE_END.finditer(before))
    if ends:
        before = before[ends[-1].end() :]
    said = list(_EXAMPLE.finditer(before))
    if said:
        return _OWN.search(before[said[-1].end() :]) is None
    after = folded[finding.end : finding.end + 24]
    told = _EXAMPLE.search(after)
    if told is None:
        return False
    # Said of the number in apposition (", a made-up number", "(un numéro fictif)"), the
    # example word describes it even after the writer's words about an object ("our worksheet
    # uses …"); "my number is" right before it, or a "not" before the word, keeps it theirs.
    if _APPOSED.fullmatch(after[: told.start()]):
        return _OWN.search(before[-_OWN_RIGHT_BEFORE:]) is None
    return _OWN.search(before) is None


# A line break between two runs of digits, as a phone's keyboard sends a number typed over
# several lines ("07700⏎900 418", an NHS number three digits a line: test22 forms).
_DIGIT_LINE_BREAK = re.compile(r"(?<=\d)[ \t]*(?:\r\n|\r|\n)[ \t]*(?=\d)")


def _digit_lines_joined(text: str) -> str:
    """The text with each line break between digits read as a space (offsets unchanged)."""
    return _DIGIT_LINE_BREAK.sub(lambda m: re.sub(r"[\r\n]", " ", m.group(0)), text)


# A table pasted as text, its cells between pipes or tabs: each value is read beside its
# column's header, as a labelled field ("| Account number |" over "| 58013376 |": test23 forms).
_CELL = re.compile(r"[^|\t\n]+")
_RULE_ROW = re.compile(r"[\s|:+-]*")


def _table_fields(text: str) -> Iterator[tuple[str, int, str]]:
    """(header, offset, value) for each cell under a header row of a pipe or tab table."""
    header: list[str] = []
    position = 0
    for line in text.split("\n"):
        start, position = position, position + len(line) + 1
        if "|" not in line and "\t" not in line:
            header = []
            continue
        if _RULE_ROW.fullmatch(line):
            continue  # "|---|---|" under a Markdown header
        cells = [(start + m.start(), m.group(0)) for m in _CELL.finditer(line)]
        cells = [(offset, value) for offset, value in cells if value.strip()]
        if len(cells) < 2:
            header = []
        elif not header or len(cells) != len(header):
            header = [value.strip() for _, value in cells]
        else:
            for name, (offset, value) in zip(header, cells, strict=True):
                yield name, offset + len(value) - len(value.lstrip()), value.strip()


def _found_in_tables(text: str, policy: PIIPolicy) -> Iterator[PIIFinding]:
    for name, offset, value in _table_fields(text):
        if not any(ch.isdigit() for ch in value):
            continue
        field = f"{name}: "
        for finding in find_pii(field + value, policy):
            if finding.start >= len(field):
                shift = offset - len(field)
                yield PIIFinding(finding.kind, finding.start + shift, finding.end + shift)


def find_pii(
    text: str, policy: PIIPolicy, tagger: SpanTagger | None = None
) -> tuple[PIIFinding, ...]:
    """Personal data of the kinds the policy enables; offsets index `text`.

    With a `tagger`, names and addresses that no rule introduced are found by the learned
    span tagger too (`pii_spans`), then judged by their context (`find_identity`).
    """
    aligned = _digit_lines_joined(fold_aligned(text))
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
    found += find_file_references(aligned)
    found += find_phones(aligned, folded, contact)
    found += find_spoken_phones(folded, contact)
    learned = tagger.spans(aligned) if tagger is not None else []
    found += find_identity(aligned, folded, learned)
    found += find_postcodes(
        aligned,
        folded,
        private_street_ends(aligned, folded),
        public_street_ends(aligned, folded),
    )
    found += _found_in_tables(text, policy)
    return _without_overlaps(
        _whole_words(text, f)
        for f in found
        if f.kind in policy.kinds and not _shown_as_example(folded, f)
    )


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
