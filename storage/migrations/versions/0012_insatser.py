"""insatser: a group's applications for funds, each party's approval, the förbund's decision, goals and reports

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01 18:55:58.096959
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.base

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "insatser",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("owner_party", sa.String(length=16), nullable=False),
        sa.Column("owner_user", sa.String(length=32), nullable=True),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("applied_kr", sa.Integer(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("submitted_at", storage.base.AwareDateTime(timezone=True), nullable=True),
        sa.Column("granted_kr", sa.Integer(), nullable=True),
        sa.Column("conditions", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("decided_by", sa.String(length=32), nullable=True),
        sa.Column("decided_at", storage.base.AwareDateTime(timezone=True), nullable=True),
        sa.Column("created_by", sa.String(length=32), nullable=False),
        sa.Column("created_at", storage.base.AwareDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"], ["groups.id"], name=op.f("fk_insatser_group_id_groups"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_insatser")),
    )
    with op.batch_alter_table("insatser", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_insatser_group_id"), ["group_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_insatser_owner_user"), ["owner_user"], unique=False)
        batch_op.create_index(batch_op.f("ix_insatser_status"), ["status"], unique=False)

    op.create_table(
        "insats_approvals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("insats_id", sa.Integer(), nullable=False),
        sa.Column("party", sa.String(length=16), nullable=False),
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("organisation", sa.String(length=120), nullable=False),
        sa.Column("approved_at", storage.base.AwareDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["insats_id"], ["insatser.id"], name=op.f("fk_insats_approvals_insats_id_insatser"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_insats_approvals")),
        sa.UniqueConstraint("insats_id", "party", name=op.f("uq_insats_approvals_insats_id")),
    )
    with op.batch_alter_table("insats_approvals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_insats_approvals_insats_id"), ["insats_id"], unique=False)

    op.create_table(
        "insats_goals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("insats_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("target", sa.Integer(), nullable=True),
        sa.Column("measure", sa.String(length=200), nullable=False),
        sa.Column("tie", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["insats_id"], ["insatser.id"], name=op.f("fk_insats_goals_insats_id_insatser"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_insats_goals")),
        sa.UniqueConstraint("insats_id", "position", name=op.f("uq_insats_goals_insats_id")),
    )
    with op.batch_alter_table("insats_goals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_insats_goals_insats_id"), ["insats_id"], unique=False)

    op.create_table(
        "insats_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("insats_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=True),
        sa.Column("answered_by", sa.String(length=32), nullable=True),
        sa.Column("answered_at", storage.base.AwareDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["insats_id"], ["insatser.id"], name=op.f("fk_insats_reports_insats_id_insatser"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_insats_reports")),
        sa.UniqueConstraint("insats_id", "kind", name=op.f("uq_insats_reports_insats_id")),
    )
    with op.batch_alter_table("insats_reports", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_insats_reports_due_on"), ["due_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_insats_reports_insats_id"), ["insats_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("insats_reports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_insats_reports_insats_id"))
        batch_op.drop_index(batch_op.f("ix_insats_reports_due_on"))

    op.drop_table("insats_reports")
    with op.batch_alter_table("insats_goals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_insats_goals_insats_id"))

    op.drop_table("insats_goals")
    with op.batch_alter_table("insats_approvals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_insats_approvals_insats_id"))

    op.drop_table("insats_approvals")
    with op.batch_alter_table("insatser", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_insatser_status"))
        batch_op.drop_index(batch_op.f("ix_insatser_owner_user"))
        batch_op.drop_index(batch_op.f("ix_insatser_group_id"))

    op.drop_table("insatser")
