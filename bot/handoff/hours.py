"""Opening hours of the people behind the assistant: when a live handoff can be answered.

The format is data from the settings: `mon-fri 09:00-17:00; sat 09:30-12:00`, in the
organisation's time zone (IANA name). An empty text means people are always there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class InvalidOpeningHours(ValueError):
    """The opening-hours text or time zone cannot be read."""


class UnknownTimeZone(InvalidOpeningHours):
    """The time zone is not an IANA name this system knows (the hours text may be fine)."""


@dataclass(frozen=True)
class OpeningHours:
    # One (opens, closes) list per weekday, Monday first.
    spans: tuple[tuple[tuple[time, time], ...], ...]
    zone: ZoneInfo
    always_open: bool = False

    @classmethod
    def parse(cls, text: str, zone: str = "UTC") -> OpeningHours:
        try:
            tz = ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise UnknownTimeZone(f"unknown time zone {zone!r}") from exc
        if not text.strip():
            return cls(spans=((),) * 7, zone=tz, always_open=True)
        days: list[list[tuple[time, time]]] = [[] for _ in DAYS]
        for raw in text.split(";"):
            part = raw.strip().lower()
            if not part:
                continue
            try:
                day_text, span_text = part.split()
                opens_text, closes_text = span_text.split("-")
                opens, closes = time.fromisoformat(opens_text), time.fromisoformat(closes_text)
            except ValueError as exc:
                raise InvalidOpeningHours(
                    f"cannot read {part!r}: write e.g. 'mon-fri 09:00-17:00'"
                ) from exc
            if closes <= opens:
                raise InvalidOpeningHours(f"{part!r} closes before it opens")
            for day in _day_range(day_text):
                days[day].append((opens, closes))
        return cls(spans=tuple(tuple(d) for d in days), zone=tz)

    def is_open(self, moment: datetime) -> bool:
        if self.always_open:
            return True
        local = moment.astimezone(self.zone)
        now = local.time()
        return any(opens <= now < closes for opens, closes in self.spans[local.weekday()])


def _day_range(text: str) -> list[int]:
    if "-" in text:
        first, last = text.split("-")
        start, end = _day(first), _day(last)
        if end < start:
            raise InvalidOpeningHours(f"day range {text!r} runs backwards")
        return list(range(start, end + 1))
    return [_day(text)]


def _day(text: str) -> int:
    if text not in DAYS:
        raise InvalidOpeningHours(f"unknown day {text!r}: use {', '.join(DAYS)}")
    return DAYS.index(text)
