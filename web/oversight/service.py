"""What an oversight user does with the log: search it, read timelines, read a transcript for
a stated purpose (logged first), and keep the searchable projection caught up."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from audit.entries import RESERVED_KEYS, InvalidEntry, decode_entry
from audit.sink import AuditEvent
from audit.storage.log import TransparencyLog
from web.oversight.facets import FacetIndex, FacetPage, FacetQuery
from web.services import TurnView

# Why an oversight user may read a conversation's words. A fixed list keeps free text
# (and so personal data) out of the log; a case reference can name the file it belongs to.
PURPOSES: dict[str, str] = {
    "complaint": "Investigating a complaint about this conversation",
    "quality_review": "Quality review of the assistant's answers",
    "data_protection": "A data-protection request (access, rectification, erasure)",
    "incident": "Investigating an incident or a safety concern",
    "legal": "A legal or regulatory request",
}
_REFERENCE = re.compile(r"[A-Za-z0-9][A-Za-z0-9/_.-]{0,39}")
# Entries indexed per request at most; the app's background task does the rest.
REQUEST_BUDGET = 20_000
PAGE_SIZE = 50


class PurposeRequired(ValueError):
    """A transcript was asked for without a known purpose (or with a malformed reference)."""


class UnknownConversation(LookupError):
    """The log holds no entry for this conversation id."""


@dataclass(frozen=True)
class TimelineEntry:
    """One entry of a conversation, as metadata: labels and commitments, never words."""

    index: int
    ts: str
    type: str
    fields: dict[str, object]


@dataclass(frozen=True)
class SearchResult:
    page: FacetPage
    log_size: int

    @property
    def behind(self) -> int:
        """Entries the projection has not reached yet (they are not searched)."""
        return max(0, self.log_size - self.page.indexed)


# The log's entries carry Unix times, and the day after 9999-12-31 has no datetime: a day
# outside these is refused rather than overflowing further in.
FIRST_DAY = date(1970, 1, 1)
LAST_DAY = date(9998, 12, 31)


def parse_day(value: str | None) -> date | None:
    """A form's YYYY-MM-DD, or None when empty; raises ValueError with a usable message."""
    if not value:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a date: use YYYY-MM-DD, e.g. 2026-11-30") from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValueError(f"{value!r} is outside the log's days: use {FIRST_DAY} to {LAST_DAY}")
    return day


def day_bounds(since: date | None, until: date | None) -> tuple[datetime | None, datetime | None]:
    """Whole UTC days: from the start of `since` to the end of `until` (both included)."""
    start = datetime.combine(since, time(), UTC) if since else None
    end = datetime.combine(until, time(), UTC) + timedelta(days=1) if until else None
    return start, end


@dataclass
class Oversight:
    """The oversight side of one running app."""

    facets: FacetIndex
    log: TransparencyLog
    transcript_of: Callable[[str], list[TurnView]]

    def refresh(self, budget: int | None = REQUEST_BUDGET) -> int:
        """Index new entries (at most `budget`); returns how many entries are covered."""
        return self.facets.catch_up(self.log.size(), budget)

    def search(self, query: FacetQuery, before: int | None = None) -> SearchResult:
        self.refresh()
        page = self.facets.search(query, before=before, limit=PAGE_SIZE)
        return SearchResult(page, self.log.size())

    def timeline(self, conversation_id: str) -> list[TimelineEntry]:
        """The conversation's entries in log order; raises UnknownConversation."""
        stored = self.log.entries_for_conversation(conversation_id)
        if not stored:
            raise UnknownConversation(conversation_id)
        timeline = []
        for index, data in stored:
            try:
                entry = decode_entry(data)
            except InvalidEntry as error:
                # Shown as it is: `opencounter audit verify` names what is wrong with it.
                entry = {"type": "unreadable", "ts": "", "problem": str(error)}
            fields = {k: v for k, v in entry.items() if k not in RESERVED_KEYS}
            if "text_commitment" in entry:
                fields["text_commitment"] = entry["text_commitment"]
            timeline.append(
                TimelineEntry(index, str(entry.get("ts", "")), str(entry.get("type")), fields)
            )
        return timeline

    def read_transcript(
        self, conversation_id: str, accessor: str, purpose: str, reference: str = ""
    ) -> tuple[list[TurnView], int]:
        """Log the access, then return the words and the access entry's index.

        Raises PurposeRequired before anything is logged or read; LogUnavailable when the
        access could not be recorded (then nothing is shown).
        """
        if purpose not in PURPOSES:
            raise PurposeRequired("choose why you need to read this conversation")
        reference = reference.strip()
        if reference and not _REFERENCE.fullmatch(reference):
            raise PurposeRequired(
                "a case reference is up to 40 letters, digits and / _ . - (no names)"
            )
        if not self.log.entries_for_conversation(conversation_id):
            raise UnknownConversation(conversation_id)
        fields: dict[str, str] = {"accessor": accessor, "purpose": purpose, "role": "oversight"}
        if reference:
            fields["reference"] = reference
        recorded = self.log.record([AuditEvent("transcript_access", conversation_id, fields)])
        return self.transcript_of(conversation_id), recorded[0].index
