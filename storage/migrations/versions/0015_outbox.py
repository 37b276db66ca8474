"""the outbox: what the bot promised to send, kept with the change it reports

`outbox` holds one row per message a handler returned (a reply, a DM, a channel post, an update of an earlier
message, an App Home view), written in the handler's own transaction and delivered after the commit, in order
per destination and once (storage/outbox.py). `outbox_files` holds the files that go with a message; a file
made on delivery (a chart, a plan document) has no content until it is made.

Downgrade drops both tables; messages not yet delivered are lost then.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-01 18:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.base

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.String(length=32), nullable=False),
        sa.Column("enterprise_id", sa.String(length=32), nullable=False),
        sa.Column("destination", sa.String(length=160), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("due_at", storage.base.AwareDateTime(timezone=True), nullable=False),
        sa.Column("lease_until", storage.base.AwareDateTime(timezone=True), nullable=True),
        sa.Column("lease_token", sa.String(length=32), nullable=True),
        sa.Column("posted_ts", sa.String(length=32), nullable=True),
        sa.Column("last_error", sa.String(length=64), nullable=False),
        sa.Column("created_at", storage.base.AwareDateTime(timezone=True), nullable=False),
        sa.Column("sent_at", storage.base.AwareDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox")),
    )
    op.create_index("ix_outbox_state_destination_id", "outbox", ["state", "destination", "id"], unique=False)
    op.create_table(
        "outbox_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("message_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=True),
        sa.ForeignKeyConstraint(
            ["message_id"], ["outbox.id"], name=op.f("fk_outbox_files_message_id_outbox"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox_files")),
    )
    op.create_index(op.f("ix_outbox_files_message_id"), "outbox_files", ["message_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_outbox_files_message_id"), table_name="outbox_files")
    op.drop_table("outbox_files")
    op.drop_index("ix_outbox_state_destination_id", table_name="outbox")
    op.drop_table("outbox")
