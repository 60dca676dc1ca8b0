"""The log's recent entries, read backwards from the end: the cost follows the window, not the log.

Entries are appended in time order (timestamps are taken when `record` is called, so
entries of concurrent writers can be a few milliseconds out of order); the scan reads
batches from the newest index down and stops after the first batch that reaches before
the window. RFC 3339 timestamps in one fixed format sort as strings, so the window test
compares strings and parses no dates.

The newest knowledge-base version and configuration change may be older than the window:
the scan goes on looking for them (reading bytes, parsing only matches) down to the
index a previous scan already searched (`RareEntries.searched`), so only the first scan
of a process pays for the whole log.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice
from typing import Protocol

JsonEntry = dict[str, object]

_KB_MARK = b'"type":"kb_version"'  # canonical JSON has no spaces: a cheap pre-filter
_CONFIG_MARK = b'"type":"config_change"'
# Entries no figure counts (the most common is the citizen's message): skipped unparsed.
_UNCOUNTED = re.compile(rb'"type":"(?:message|feedback|transcript_access|erasure)"')


class EntrySource(Protocol):
    """What the scan needs of a log (`audit.storage.log_reader.LogReader` has it)."""

    def size(self) -> int: ...

    def entries(self, start: int = 0, batch: int = ...) -> Iterator[tuple[int, bytes]]: ...


@dataclass(frozen=True)
class RareEntries:
    """The newest kb_version and config_change entries among indexes below `searched`."""

    kb_version: JsonEntry | None = None
    config_change: JsonEntry | None = None
    searched: int = 0


@dataclass
class RecentLog:
    """Entries of the window, oldest first, and the newest entries of two rarer kinds."""

    since: datetime
    until: datetime
    entries: list[JsonEntry] = field(default_factory=list)
    rare: RareEntries = field(default_factory=RareEntries)
    scanned: int = 0
    # False when the scan bound stopped it before the window's start (figures undercount).
    complete: bool = True

    @property
    def kb_version(self) -> JsonEntry | None:
        return self.rare.kb_version

    @property
    def config_change(self) -> JsonEntry | None:
        return self.rare.config_change


def format_ts(moment: datetime) -> str:
    """The log's timestamp format (audit.entries): RFC 3339, UTC, milliseconds."""
    moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def entry_time(entry: JsonEntry) -> datetime:
    """The entry's "ts" as an aware datetime."""
    return datetime.fromisoformat(str(entry["ts"]))


class _Scan:
    """One backward scan's state: the window so far and the rare entries met."""

    def __init__(self, since: str, until: str) -> None:
        self.since, self.until = since, until
        self.newest_first: list[JsonEntry] = []
        self.kb: JsonEntry | None = None
        self.config: JsonEntry | None = None
        self.window_done = False

    def take(self, rows: list[tuple[int, bytes]]) -> None:
        for _, data in reversed(rows):
            if not self.window_done:
                if _UNCOUNTED.search(data):
                    continue
                entry: JsonEntry = json.loads(data.decode())
                if self.since <= str(entry["ts"]) <= self.until:
                    self.newest_first.append(entry)
                self._note(entry)
            elif _KB_MARK in data or _CONFIG_MARK in data:
                self._note(json.loads(data))
        if rows and str(json.loads(rows[0][1])["ts"]) < self.since:
            self.window_done = True

    def _note(self, entry: JsonEntry) -> None:
        kind = entry.get("type")
        if self.kb is None and kind == "kb_version":
            self.kb = entry
        elif self.config is None and kind == "config_change":
            self.config = entry

    def rare_found(self) -> bool:
        return self.kb is not None and self.config is not None


def read_recent(
    log: EntrySource,
    since: datetime,
    until: datetime,
    *,
    batch: int = 20_000,
    max_entries: int = 1_000_000,
    known: RareEntries | None = None,
) -> RecentLog:
    """Entries with `since <= ts <= until`, scanning at most `max_entries` from the end.

    Entries that no figure counts (messages, feedback, transcript reads, erasures) are left
    out of `entries`.
    """
    known = known or RareEntries()
    scan = _Scan(format_ts(since), format_ts(until))
    size = end = log.size()
    scanned = 0
    while end > 0 and scanned < max_entries:
        if scan.window_done and (scan.rare_found() or end <= known.searched):
            break
        start = max(0, end - batch, end - (max_entries - scanned))
        if scan.window_done:
            start = max(start, known.searched)
        rows = list(islice(log.entries(start, batch), end - start))
        scanned += len(rows)
        scan.take(rows)
        end = start
    rare_complete = scan.rare_found() or end <= known.searched
    scan.newest_first.reverse()
    return RecentLog(
        since=since,
        until=until,
        entries=scan.newest_first,
        rare=RareEntries(
            kb_version=scan.kb or known.kb_version,
            config_change=scan.config or known.config_change,
            searched=size if rare_complete else known.searched,
        ),
        scanned=scanned,
        complete=scan.window_done or end == 0,
    )
