"""Erasures waiting for their grace period

Slack's `user_change` with `deleted: true` says a person has left the workspace. The bot does not erase them at
once (a deactivation may be undone): it notes the workspace, the user and when the grace period
(ERASURE_GRACE_DAYS) is over, and the daily retention job erases them then. Only people the bot holds something
about are noted; a reactivation forgets the row; the erasure deletes it.

Downgrade drops the table: the pending erasures are forgotten (nobody is erased by them).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01 19:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from storage.base import AwareDateTime

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "pending_erasures",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("team_id", sa.String(32), nullable=False),
        sa.Column("user_id", sa.String(32), nullable=False),
        sa.Column("noticed_at", AwareDateTime(), nullable=False),
        sa.Column("due_at", AwareDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pending_erasures")),
        sa.UniqueConstraint("team_id", "user_id", name=op.f("uq_pending_erasures_team_id")),
    )
    op.create_index(op.f("ix_pending_erasures_due_at"), "pending_erasures", ["due_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_pending_erasures_due_at"), table_name="pending_erasures")
    op.drop_table("pending_erasures")
