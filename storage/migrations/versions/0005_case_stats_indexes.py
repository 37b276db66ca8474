"""case statistics indexes

Two covering indexes for the summaries' grouped counts (storage/case_stats.py): each holds every column its
query reads, in the order the query groups by, so the counts need neither table lookups nor a sort.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 12:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.create_index(
            "ix_cases_stats",
            ["group_id", "party", "gender", "age_band", "referred_tr", "status", "raised_on"],
            unique=False,
        )
        batch_op.create_index(
            "ix_cases_closed", ["group_id", "status", "outcome", "closed_on", "raised_on"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index("ix_cases_closed")
        batch_op.drop_index("ix_cases_stats")
