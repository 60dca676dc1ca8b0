"""Opening hours of the people behind the assistant: when a live handoff can be answered.

The format is data from the organisation file (`contact.opening`) or the settings:
`mon-fri 09:00-17:00; sat 09:30-12:00`, in the organisation's time zone (IANA name).
`always` (or an empty text) means people are always there. The same object decides the queue
and writes the hours the replies quote (`describe`), so the two cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
ALWAYS = "always"


@dataclass(frozen=True)
class _Wording:
    """How the hours read in a reply in one language: day names and the phrases around them."""

    days: tuple[str, str, str, str, str, str, str]
    single: str
    range: str
    span: str
    joiner: str
    always: str
    closed: str


_WORDING = {
    "en": _Wording(
        days=("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        single="{day}",
        range="{first} to {last}",
        span="{opens} to {closes}",
        joiner=" and ",
        always="every day, at any time",
        closed="no hours are set",
    ),
    "fr": _Wording(
        days=("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
        single="le {day}",
        range="du {first} au {last}",
        span="de {opens} à {closes}",
        joiner=" et ",
        always="tous les jours, à toute heure",
        closed="aucun horaire n'est fixé",
    ),
}


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
        if not text.strip() or text.strip().lower() == ALWAYS:
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

    def in_zone(self, zone: str) -> OpeningHours:
        """The same hours, read in another time zone (raises UnknownTimeZone)."""
        try:
            return replace(self, zone=ZoneInfo(zone))
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise UnknownTimeZone(f"unknown time zone {zone!r}") from exc

    def describe(self, lang: str) -> str:
        """The hours as a citizen reads them, e.g. "Monday to Friday 9:00 to 17:00".

        Consecutive days with the same hours are written as one range. Languages without a
        wording here (see `_WORDING`) get the English one.
        """
        words = _WORDING.get(lang, _WORDING["en"])
        if self.always_open:
            return words.always
        groups: list[tuple[int, int, tuple[tuple[time, time], ...]]] = []
        for day, spans in enumerate(self.spans):
            if not spans:
                continue
            if groups and groups[-1][1] == day - 1 and groups[-1][2] == spans:
                groups[-1] = (groups[-1][0], day, spans)
            else:
                groups.append((day, day, spans))
        if not groups:
            return words.closed
        parts = []
        for first, last, spans in groups:
            days = (
                words.single.format(day=words.days[first])
                if first == last
                else words.range.format(first=words.days[first], last=words.days[last])
            )
            hours = words.joiner.join(
                words.span.format(opens=_clock(opens, lang), closes=_clock(closes, lang))
                for opens, closes in spans
            )
            parts.append(f"{days} {hours}")
        return ", ".join(parts)

    def is_open(self, moment: datetime) -> bool:
        if self.always_open:
            return True
        local = moment.astimezone(self.zone)
        now = local.time()
        return any(opens <= now < closes for opens, closes in self.spans[local.weekday()])


def _clock(moment: time, lang: str) -> str:
    if lang == "fr":
        return f"{moment.hour} h" if moment.minute == 0 else f"{moment.hour} h {moment.minute:02d}"
    return f"{moment.hour}:{moment.minute:02d}"


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
