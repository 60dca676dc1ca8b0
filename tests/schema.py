"""The app's schema for tests that build stores by hand: made by the migrations, as
`opencounter db upgrade` makes it (tests/web/test_database.py checks them against the one
MetaData of web/schema.py). No store creates its own tables."""

from __future__ import annotations

from sqlalchemy import Engine

from web.database import upgrade_schema


def create_schema(engine: Engine) -> None:
    """Every table of the app's database, with the rows the migrations seed (the log's state)."""
    upgrade_schema(engine)
