"""The app's database schema: one MetaData that the stores, the migrations and the checks share.

Each package says what its tables look like (a function that declares them on a MetaData it
is given) and queries the Table objects it is handed; this is the one place that declares them
all, on one MetaData per database. The composition root (web/bootstrap) builds one `Schema`
per process and hands each store its tables; Alembic (web/migrations) compares the same
declarations with the database. No store creates a table: the migrations do
(`opencounter db upgrade`).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import MetaData, Table

from audit.storage.store import AuditTables, audit_tables
from bot.conversations import ConversationTables, conversation_tables
from bot.handoff.draft_store import draft_table
from bot.handoff.store import HandoffTables, handoff_tables
from bot.hooks.dead_letters import dead_letter_table
from bot.switches import switch_table
from web.auth.accounts import AccountTables, account_tables
from web.oversight.facets import FacetTables, facet_tables


@dataclass(frozen=True)
class Schema:
    """Every table of the app's database, all on `metadata`."""

    metadata: MetaData
    audit: AuditTables
    facets: FacetTables
    conversations: ConversationTables
    handoffs: HandoffTables
    drafts: Table
    dead_letters: Table
    switches: Table
    accounts: AccountTables


def app_schema() -> Schema:
    """Declare every table of the app's database on one new MetaData."""
    metadata = MetaData()
    return Schema(
        metadata=metadata,
        audit=audit_tables(metadata),
        facets=facet_tables(metadata),
        conversations=conversation_tables(metadata),
        handoffs=handoff_tables(metadata),
        drafts=draft_table(metadata),
        dead_letters=dead_letter_table(metadata),
        switches=switch_table(metadata),
        accounts=account_tables(metadata),
    )


def app_metadata() -> MetaData:
    """The one MetaData of a new `app_schema()`: what Alembic and the schema check compare."""
    return app_schema().metadata
