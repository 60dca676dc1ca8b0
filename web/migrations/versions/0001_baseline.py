"""The schema as create_all made it before migrations: every table of the app's database.

A database made by create_all before this revision existed is stamped with it
(web/database.py), not created again.

Revision ID: 0001
Revises: (none)
Create Date: 2026-12-02 11:38:10.859327
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_checkpoints",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("audit_checkpoints", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_checkpoints_size"), ["size"], unique=False)

    op.create_table(
        "audit_conversation_keys",
        sa.Column("conversation_id", sa.String(length=200), nullable=False),
        sa.Column("wrapped_key", sa.LargeBinary(), nullable=True),
        sa.Column("salt", sa.LargeBinary(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("erased_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("conversation_id"),
    )
    with op.batch_alter_table("audit_conversation_keys", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_audit_conversation_keys_created_at"), ["created_at"], unique=False
        )

    op.create_table(
        "audit_entries",
        sa.Column("idx", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("conversation_id", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("idx"),
    )
    with op.batch_alter_table("audit_entries", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_audit_entries_conversation_id"), ["conversation_id"], unique=False
        )

    op.create_table(
        "audit_facet_days",
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("type", sa.String(length=32), nullable=False),
        sa.Column("dimension", sa.String(length=16), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.Column("count", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("day", "type", "dimension", "value"),
    )
    op.create_table(
        "audit_facet_state",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "audit_facets",
        sa.Column("idx", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("ts", sa.String(length=24), nullable=False),
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("conversation", sa.String(length=200), nullable=True),
        sa.Column("type", sa.String(length=32), nullable=False),
        sa.Column("decision", sa.String(length=16), nullable=True),
        sa.Column("reason", sa.String(length=200), nullable=True),
        sa.Column("topic", sa.String(length=200), nullable=True),
        sa.Column("lang", sa.String(length=8), nullable=True),
        sa.Column("kb_version", sa.String(length=200), nullable=True),
        sa.Column("model", sa.String(length=200), nullable=True),
        sa.Column("policy", sa.String(length=200), nullable=True),
        sa.Column("guard", sa.String(length=100), nullable=True),
        sa.Column("rating", sa.String(length=32), nullable=True),
        sa.Column("actor", sa.String(length=200), nullable=True),
        sa.Column("action", sa.String(length=32), nullable=True),
        sa.Column("latency_ms", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("idx"),
    )
    with op.batch_alter_table("audit_facets", schema=None) as batch_op:
        batch_op.create_index("ix_facets_conversation_idx", ["conversation", "idx"], unique=False)
        batch_op.create_index("ix_facets_day_type", ["day", "type"], unique=False)
        batch_op.create_index("ix_facets_decision_idx", ["decision", "idx"], unique=False)
        batch_op.create_index("ix_facets_kb_version_idx", ["kb_version", "idx"], unique=False)
        batch_op.create_index("ix_facets_lang_idx", ["lang", "idx"], unique=False)
        batch_op.create_index("ix_facets_model_idx", ["model", "idx"], unique=False)
        batch_op.create_index("ix_facets_policy_idx", ["policy", "idx"], unique=False)
        batch_op.create_index("ix_facets_reason_idx", ["reason", "idx"], unique=False)
        batch_op.create_index("ix_facets_topic_idx", ["topic", "idx"], unique=False)
        batch_op.create_index("ix_facets_ts", ["ts"], unique=False)
        batch_op.create_index("ix_facets_type_idx", ["type", "idx"], unique=False)

    op.create_table(
        "audit_nodes",
        sa.Column("level", sa.SmallInteger(), autoincrement=False, nullable=False),
        sa.Column("idx", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("hash", sa.LargeBinary(length=32), nullable=False),
        sa.PrimaryKeyConstraint("level", "idx"),
    )
    op.create_table(
        "audit_state",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("compact_range", sa.LargeBinary(), nullable=False),
        sa.Column("checkpoint_size", sa.BigInteger(), nullable=True),
        sa.Column("checkpoint_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "audit_texts",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("conversation_id", sa.String(length=200), nullable=False),
        sa.Column("entry_idx", sa.BigInteger(), nullable=False),
        sa.Column("nonce", sa.LargeBinary(), nullable=False),
        sa.Column("ciphertext", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("entry_idx"),
    )
    with op.batch_alter_table("audit_texts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_audit_texts_conversation_id"), ["conversation_id"], unique=False
        )

    op.create_table(
        "bot_answer_ratings",
        sa.Column("conversation_id", sa.String(length=64), nullable=False),
        sa.Column("log_index", sa.Integer(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint("conversation_id", "log_index"),
    )
    op.create_table(
        "bot_conversations",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("lang", sa.String(length=8), nullable=False),
        sa.Column("disclosure_version", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("low_confidence_streak", sa.Integer(), nullable=False),
        sa.Column("secret_digest", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "bot_drafts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("handoff_id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.String(length=64), nullable=False),
        sa.Column("text_id", sa.Integer(), nullable=True),
        sa.Column("log_index", sa.Integer(), nullable=False),
        sa.Column("lang", sa.String(length=8), nullable=False),
        sa.Column("mode", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.String(length=64), nullable=False),
        sa.Column("citations", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("caseworker", sa.String(length=64), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("bot_drafts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_bot_drafts_conversation_id"), ["conversation_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_bot_drafts_handoff_id"), ["handoff_id"], unique=False)

    op.create_table(
        "bot_handoff_notes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("handoff_id", sa.Integer(), nullable=False),
        sa.Column("caseworker", sa.String(length=64), nullable=False),
        sa.Column("text_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("bot_handoff_notes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_bot_handoff_notes_handoff_id"), ["handoff_id"], unique=False
        )

    op.create_table(
        "bot_handoffs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("conversation_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.String(length=64), nullable=False),
        sa.Column("topic", sa.String(length=128), nullable=False),
        sa.Column("lang", sa.String(length=8), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("team", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("caseworker", sa.String(length=64), nullable=True),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("outcome", sa.String(length=32), nullable=True),
        sa.Column("callback_text_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("bot_handoffs", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_bot_handoffs_conversation_id"), ["conversation_id"], unique=False
        )

    op.create_table(
        "bot_hook_dead_letters",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("hook", sa.String(length=64), nullable=False),
        sa.Column("handoff_id", sa.Integer(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "bot_switches",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("on", sa.Boolean(), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_by", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    op.create_table(
        "staff_accounts",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("password_hash", sa.String(length=256), nullable=True),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("team", sa.String(length=64), nullable=False),
        sa.Column("pseudonym", sa.String(length=32), nullable=False),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("pseudonym"),
        sa.UniqueConstraint("username"),
    )
    op.create_table(
        "staff_sessions",
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("account_id", sa.String(length=32), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("digest"),
    )
    with op.batch_alter_table("staff_sessions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_staff_sessions_account_id"), ["account_id"], unique=False
        )

    op.create_table(
        "audit_cosignatures",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column(
            "checkpoint_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("key_id", sa.String(length=8), nullable=False),
        sa.Column("line", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["checkpoint_id"],
            ["audit_checkpoints.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("checkpoint_id", "name", "key_id"),
    )
    op.create_table(
        "bot_turns",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("conversation_id", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("text_id", sa.Integer(), nullable=True),
        sa.Column("log_index", sa.Integer(), nullable=True),
        sa.Column("decision", sa.String(length=16), nullable=True),
        sa.Column("reason", sa.String(length=64), nullable=True),
        sa.Column("citations", sa.Text(), nullable=False),
        sa.Column("mode", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["bot_conversations.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    _seed_state_rows()


def _seed_state_rows() -> None:
    """The single state rows an empty log and an empty oversight index start from."""
    op.bulk_insert(
        sa.table("audit_state", sa.column("id"), sa.column("size"), sa.column("compact_range")),
        [{"id": 1, "size": 0, "compact_range": b""}],
    )
    op.bulk_insert(
        sa.table("audit_facet_state", sa.column("id"), sa.column("size")),
        [{"id": 1, "size": 0}],
    )


def downgrade() -> None:
    op.drop_table("bot_turns")
    op.drop_table("audit_cosignatures")
    with op.batch_alter_table("staff_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staff_sessions_account_id"))

    op.drop_table("staff_sessions")
    op.drop_table("staff_accounts")
    op.drop_table("bot_switches")
    op.drop_table("bot_hook_dead_letters")
    with op.batch_alter_table("bot_handoffs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bot_handoffs_conversation_id"))

    op.drop_table("bot_handoffs")
    with op.batch_alter_table("bot_handoff_notes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bot_handoff_notes_handoff_id"))

    op.drop_table("bot_handoff_notes")
    with op.batch_alter_table("bot_drafts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bot_drafts_handoff_id"))
        batch_op.drop_index(batch_op.f("ix_bot_drafts_conversation_id"))

    op.drop_table("bot_drafts")
    op.drop_table("bot_conversations")
    op.drop_table("bot_answer_ratings")
    with op.batch_alter_table("audit_texts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_texts_conversation_id"))

    op.drop_table("audit_texts")
    op.drop_table("audit_state")
    op.drop_table("audit_nodes")
    with op.batch_alter_table("audit_facets", schema=None) as batch_op:
        batch_op.drop_index("ix_facets_type_idx")
        batch_op.drop_index("ix_facets_ts")
        batch_op.drop_index("ix_facets_topic_idx")
        batch_op.drop_index("ix_facets_reason_idx")
        batch_op.drop_index("ix_facets_policy_idx")
        batch_op.drop_index("ix_facets_model_idx")
        batch_op.drop_index("ix_facets_lang_idx")
        batch_op.drop_index("ix_facets_kb_version_idx")
        batch_op.drop_index("ix_facets_decision_idx")
        batch_op.drop_index("ix_facets_day_type")
        batch_op.drop_index("ix_facets_conversation_idx")

    op.drop_table("audit_facets")
    op.drop_table("audit_facet_state")
    op.drop_table("audit_facet_days")
    with op.batch_alter_table("audit_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_entries_conversation_id"))

    op.drop_table("audit_entries")
    with op.batch_alter_table("audit_conversation_keys", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_conversation_keys_created_at"))

    op.drop_table("audit_conversation_keys")
    with op.batch_alter_table("audit_checkpoints", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_checkpoints_size"))

    op.drop_table("audit_checkpoints")
