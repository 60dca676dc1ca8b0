"""Staff accounts made by single sign-on: the provider's (issuer, subject) for each.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02 13:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "staff_identities",
        sa.Column("issuer", sa.String(length=255), nullable=False),
        sa.Column("subject", sa.String(length=255), nullable=False),
        sa.Column("account_id", sa.String(length=32), nullable=False),
        sa.Column("display_name", sa.String(length=120), nullable=False),
        sa.PrimaryKeyConstraint("issuer", "subject"),
        sa.UniqueConstraint("account_id"),
    )


def downgrade() -> None:
    op.drop_table("staff_identities")
