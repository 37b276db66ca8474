"""The plan's canvas: the id of the canvas that shows a plan in its group's channel

When a plan is started the bot creates a canvas for it in the group's channel and rewrites it after every
change (bot/slack/canvases.py). `plans.canvas_id` is that canvas; empty when the workspace has no canvases, the
group no channel, or the plan was started before there were canvases. The database stays the record: nothing is
read back from the canvas.

Downgrade drops the column (the canvases stay in Slack, no longer written to).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01 19:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("plans") as batch:
        batch.add_column(sa.Column("canvas_id", sa.String(length=32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("plans") as batch:
        batch.drop_column("canvas_id")
