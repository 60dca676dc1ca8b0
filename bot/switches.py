"""Kill switches an operator flips at run time: the model (off: quote the pages) and the chat
(off: citizens see how to reach a person). Every change is written to the transparency log,
in one unit of work with the switch's new state: both commit, or neither does."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Literal

from sqlalchemy import Boolean, Column, DateTime, Engine, MetaData, String, Table, select

from audit.sink import AuditEvent, AuditSink

SwitchName = Literal["model", "chat"]
SWITCHES: tuple[SwitchName, ...] = ("model", "chat")


def switch_table(metadata: MetaData) -> Table:
    """Declare the table of the switches' stored states on `metadata`."""
    return Table(
        "bot_switches",
        metadata,
        Column("name", String(32), primary_key=True),
        Column("on", Boolean, nullable=False),
        Column("changed_at", DateTime(timezone=True), nullable=False),
        Column("changed_by", String(64), nullable=False),
    )


def _utc_now() -> datetime:
    return datetime.now(UTC)


class Switchboard:
    """Reads switches from the database (shared by every app process), cached for a second.

    `clock` stamps each change and ages the cache: a test moves it on to see another
    process's flip, instead of waiting or clearing the cache by hand.
    """

    def __init__(
        self,
        engine: Engine,
        table: Table,
        defaults: dict[SwitchName, bool],
        cache_s: float = 1.0,
        *,
        clock: Callable[[], datetime] = _utc_now,
    ) -> None:
        self._engine = engine
        self.table = table
        self._defaults = defaults
        self._cache_for = timedelta(seconds=cache_s)
        self._clock = clock
        self._cached: tuple[datetime, dict[str, bool]] | None = None

    def states(self) -> dict[SwitchName, bool]:
        now = self._clock()
        # A clock set back (a corrected wall clock) reads again rather than trusting the cache.
        if self._cached is None or not self._cached[0] <= now <= self._cached[0] + self._cache_for:
            with self._engine.connect() as db:
                rows = db.execute(select(self.table.c.name, self.table.c.on)).all()
            self._cached = (now, {r.name: bool(r.on) for r in rows})
        stored = self._cached[1]
        return {name: stored.get(name, self._defaults.get(name, True)) for name in SWITCHES}

    def is_on(self, name: SwitchName) -> bool:
        return self.states()[name]

    def set(self, name: SwitchName, on: bool, actor: str, sink: AuditSink) -> bool:
        """Flip a switch and log it; returns False when it was already in that state."""
        with sink.unit_of_work() as unit:
            db = unit.connection
            # Read in the unit, not from the cache: another process may have flipped it.
            row = db.execute(select(self.table.c.on).where(self.table.c.name == name))
            stored = row.scalar()
            current = self._defaults.get(name, True) if stored is None else bool(stored)
            if current == on:
                return False
            unit.record(
                [
                    AuditEvent(
                        type="config_change",
                        fields={
                            "setting": f"switch.{name}",
                            "value": "on" if on else "off",
                            "actor": actor,
                        },
                    )
                ]
            )
            db.execute(self.table.delete().where(self.table.c.name == name))
            db.execute(
                self.table.insert().values(
                    name=name, on=on, changed_at=self._clock(), changed_by=actor
                )
            )
        self._cached = None
        return True
