"""published summaries: what the bot posted in a channel, kept as a record for the archive

Before this revision a summary was compiled, posted and forgotten. From now on each summary posted in a group's
channel (asked for with `/lokus sammanfattning`, or automatic before a meeting) is kept with its parts as
catalogue texts, its period and the small-number threshold it was protected with. Summaries posted before
this revision were never stored: an archive of those years has none.

Downgrade drops the table (the kept summaries are lost).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 19:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.base

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "published_summaries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("channel_id", sa.String(length=32), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("threshold", sa.Integer(), nullable=False),
        sa.Column("trigger", sa.String(length=16), nullable=False),
        sa.Column("requested_by", sa.String(length=32), nullable=False),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.Column("published_at", storage.base.AwareDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"], ["groups.id"], name=op.f("fk_published_summaries_group_id_groups"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_published_summaries")),
    )
    op.create_index("ix_published_summaries_group_at", "published_summaries", ["group_id", "published_at"])


def downgrade() -> None:
    op.drop_index("ix_published_summaries_group_at", table_name="published_summaries")
    op.drop_table("published_summaries")
