"""The app's database schema: one MetaData built from every package's tables.

Each package defines its own tables (the stores query them); this is the one place that
gathers them, so that Alembic (web/migrations) and the schema check see the whole database.
"""

from __future__ import annotations

from sqlalchemy import MetaData

from audit.storage.store import audit_tables
from bot.conversations import metadata as conversations_metadata
from bot.handoff.draft_store import metadata as drafts_metadata
from bot.handoff.store import metadata as handoffs_metadata
from bot.hooks.dead_letters import metadata as dead_letters_metadata
from bot.switches import metadata as switches_metadata
from web.auth.accounts import metadata as accounts_metadata
from web.oversight.facet_days import days_table
from web.oversight.facets import facet_tables


def app_metadata() -> MetaData:
    """A fresh MetaData holding every table of the app's database, for migrations and checks."""
    metadata = MetaData()
    for table in audit_tables().metadata.sorted_tables:
        table.to_metadata(metadata)
    facet_tables(metadata)
    days_table(metadata)
    for source in (
        conversations_metadata,
        handoffs_metadata,
        drafts_metadata,
        dead_letters_metadata,
        switches_metadata,
        accounts_metadata,
    ):
        for table in source.sorted_tables:
            table.to_metadata(metadata)
    return metadata
