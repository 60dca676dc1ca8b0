"""The rule behind each figure published from the log, written once.

`/transparency` (and `opencounter transparency show`) and `/oversight/statistics` read the
log differently (a backwards scan of raw entries; the oversight projection's rows and day
counts), but both decide what an entry counts as here, so the public and the oversight body
read the same numbers from the same entries:

- **Conversations**: `disclosure` entries (every conversation opens with one).
- **Replies by decision**: `answer`, `refusal` and `escalation` entries whose `decision` is
  one of `DECISIONS`. A callback request is an `escalation` entry without a decision: the
  citizen's details were taken, nothing was replied, so it is no reply.
- **Time to a person**: per conversation, from its first request for a person to the first
  entry in which a person is in touch with the citizen. A request for a person is any
  `escalation` entry: the engine's `escalate` decision, or a callback request, which also
  waits for a person (out of hours it may be the only request). A person is in touch when a
  caseworker takes the conversation (`takeover`, action `claim`) or writes to the citizen
  (`staff_reply`, action `reply`); entries logged before actions were labelled count by
  their type. Nothing else stops the clock: an internal note does not reach the citizen;
  forwarding, handing back and closing follow a claim (the clock stopped already), and a
  close on its own is no contact; a draft decision checks the assistant's answer, it does
  not hand the conversation to a person. The figure is the median of those waits, in
  seconds, to the millisecond the entries carry.

Each conversation counts once, by the entries in the range the caller read: a request
before the range is not seen, so a person's action in the range without one is not a wait.
- **Energy per day**: the sum of the estimates (`energy_uwh`, `energy_uwh_low`,
  `energy_uwh_high`, in microwatt-hours; bot/energy.py) that reply entries carry, by the UTC
  day of the entry, with the number of entries that carried one. An entry without the three
  whole numbers (logged before estimates were made, or malformed) is not counted, so the
  figures say how many replies they cover. Emissions are the energy times the grid's carbon
  intensity (a setting, in gCO2e per kWh), computed where shown: the log keeps energy only.

"The last N days" is whole UTC days, today included (`last_days`): the range the oversight
statistics show by default, so both pages count the same entries.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from statistics import median

CONVERSATION_STARTED = "disclosure"
REPLY_TYPES = ("answer", "refusal", "escalation")
DECISIONS = ("answer", "refuse", "escalate", "block_pii")
ASKS_FOR_A_PERSON = "escalation"
# The entry type and the action of each way a person gets in touch with the citizen.
REACHES_A_PERSON: Mapping[str, str] = {"takeover": "claim", "staff_reply": "reply"}
# What a reader must fetch to measure the time to a person.
PERSON_TYPES = (ASKS_FOR_A_PERSON, *REACHES_A_PERSON)


def last_days(now: datetime, days: int) -> datetime:
    """The start of the last `days` whole UTC days up to `now`, today included."""
    first = (now.astimezone(UTC) - timedelta(days=max(days, 1) - 1)).date()
    return datetime.combine(first, time(), UTC)


def reply_decision(entry: Mapping[str, object]) -> str | None:
    """The decision an entry replied to the citizen with; None when it is no reply."""
    if entry.get("type") not in REPLY_TYPES:
        return None
    decision = entry.get("decision")
    return decision if isinstance(decision, str) and decision in DECISIONS else None


def reaches_a_person(entry: Mapping[str, object]) -> bool:
    action = REACHES_A_PERSON.get(str(entry.get("type")))
    if action is None:
        return False
    return entry.get("action") in (None, action)


ENERGY_FIELDS = ("energy_uwh", "energy_uwh_low", "energy_uwh_high")


@dataclass(frozen=True)
class DayEnergy:
    """The energy estimates of one UTC day's replies, in microwatt-hours (central, low, high)."""

    day: str
    replies: int
    uwh: int
    uwh_low: int
    uwh_high: int

    def __add__(self, other: DayEnergy) -> DayEnergy:
        return DayEnergy(
            self.day,
            self.replies + other.replies,
            self.uwh + other.uwh,
            self.uwh_low + other.uwh_low,
            self.uwh_high + other.uwh_high,
        )


def _energy(entry: Mapping[str, object]) -> tuple[int, int, int] | None:
    values = [entry.get(name) for name in ENERGY_FIELDS]
    found = [v for v in values if isinstance(v, int) and not isinstance(v, bool) and v >= 0]
    return (found[0], found[1], found[2]) if len(found) == 3 else None


def energy_by_day(entries: Iterable[Mapping[str, object]]) -> list[DayEnergy]:
    """Each UTC day's summed reply estimates, oldest day first; days without any are left out."""
    days: dict[str, DayEnergy] = {}
    for entry in entries:
        estimate, stamp = _energy(entry), entry.get("ts")
        if estimate is None or not isinstance(stamp, str) or len(stamp) < 10:
            continue
        day = stamp[:10]
        days[day] = days.get(day, DayEnergy(day, 0, 0, 0, 0)) + DayEnergy(day, 1, *estimate)
    return [days[day] for day in sorted(days)]


def energy_total(days: Iterable[DayEnergy], label: str = "total") -> DayEnergy:
    """The days' estimates summed."""
    total = DayEnergy(label, 0, 0, 0, 0)
    for day in days:
        total = total + day
    return total


def grams_co2e(uwh: int, grid_g_per_kwh: float) -> float:
    """Grams of CO2e for `uwh` microwatt-hours at the grid's intensity (gCO2e per kWh)."""
    return uwh / 1e9 * grid_g_per_kwh


@dataclass(frozen=True)
class PersonWaits:
    """Conversations that asked for a person, and the waits of those a person reached."""

    asked: int
    waits: tuple[float, ...]  # seconds, in the order people reached them

    @property
    def reached(self) -> int:
        return len(self.waits)

    @property
    def median_seconds(self) -> float | None:
        return round(median(self.waits), 3) if self.waits else None


def _moment(entry: Mapping[str, object]) -> datetime | None:
    stamp = entry.get("ts")
    if not isinstance(stamp, str):
        return None
    try:
        return datetime.fromisoformat(stamp)
    except ValueError:
        return None


def time_to_a_person(entries: Iterable[Mapping[str, object]]) -> PersonWaits:
    """The waits in `entries` (log order, oldest first); other entry types are ignored."""
    asked_at: dict[str, datetime] = {}
    waits: dict[str, float] = {}
    for entry in entries:
        conversation, moment = entry.get("conversation"), _moment(entry)
        if not isinstance(conversation, str) or moment is None or conversation in waits:
            continue
        if entry.get("type") == ASKS_FOR_A_PERSON:
            asked_at.setdefault(conversation, moment)
        elif conversation in asked_at and reaches_a_person(entry):
            waits[conversation] = (moment - asked_at[conversation]).total_seconds()
    return PersonWaits(asked=len(asked_at), waits=tuple(waits.values()))
