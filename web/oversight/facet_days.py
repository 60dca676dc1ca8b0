"""Per-day counts of the oversight projection, kept up with it in the same transactions.

Statistics over weeks of a busy log would otherwise read every entry of the range. Each
indexed entry adds one to (day, type, "all", "") and to (day, type, label, value) for each
label it carries; `latency_ms` is counted by its exact value, so percentiles stay exact.
A month of statistics then reads a few thousand rows, whatever the traffic.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import BigInteger, Column, Connection, MetaData, String, Table, select
from sqlalchemy.dialects import postgresql, sqlite

DAYS_TABLE = "audit_facet_days"
# The labels counted per day (facet column names); "all" counts the entries themselves.
DIMENSIONS = ("decision", "reason", "guard", "rating", "kb_version", "model", "latency_ms")
ALL = "all"


def days_table(metadata: MetaData) -> Table:
    return Table(
        DAYS_TABLE,
        metadata,
        Column("day", String(10), primary_key=True),
        Column("type", String(32), primary_key=True),
        Column("dimension", String(16), primary_key=True),
        Column("value", String(200), primary_key=True),
        Column("count", BigInteger, nullable=False),
    )


def day_counts(records: Iterable[Mapping[str, object]]) -> Counter[tuple[str, str, str, str]]:
    """(day, type, dimension, value) -> how many of these facet rows have it."""
    counts: Counter[tuple[str, str, str, str]] = Counter()
    for record in records:
        day, entry_type = str(record["day"]), str(record["type"])
        counts[(day, entry_type, ALL, "")] += 1
        for dimension in DIMENSIONS:
            value = record.get(dimension)
            if value is not None:
                counts[(day, entry_type, dimension, str(value)[:200])] += 1
    return counts


def add_counts(conn: Connection, table: Table, counts: Counter[tuple[str, str, str, str]]) -> None:
    """Add `counts` to the stored ones (insert, or add to the existing row)."""
    if not counts:
        return
    rows = [
        {"day": day, "type": kind, "dimension": dimension, "value": value, "count": n}
        for (day, kind, dimension, value), n in counts.items()
    ]
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(table)
    upsert = statement.on_conflict_do_update(
        index_elements=["day", "type", "dimension", "value"],
        set_={"count": table.c.count + statement.excluded.count},
    )
    conn.execute(upsert, rows)


def read_counts(
    conn: Connection,
    table: Table,
    first_day: str,
    last_day: str,
    types: Sequence[str],
    dimension: str,
) -> list[tuple[str, str, int]]:
    """(day, value, count) for `types` and `dimension` over the days, both included."""
    statement = select(table.c.day, table.c.value, table.c["count"]).where(
        table.c.day >= first_day,
        table.c.day <= last_day,
        table.c.type.in_(types),
        table.c.dimension == dimension,
    )
    return [(str(day), str(value), int(n)) for day, value, n in conn.execute(statement)]
