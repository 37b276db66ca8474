"""cases

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 08:31:29.781484
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.base

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("raised_on", sa.Date(), nullable=False),
        sa.Column("party", sa.String(length=16), nullable=False),
        sa.Column("unit", sa.String(length=120), nullable=False),
        sa.Column("gender", sa.String(length=24), nullable=False),
        sa.Column("age_band", sa.String(length=8), nullable=False),
        sa.Column("failure_text", sa.Text(), nullable=False),
        sa.Column("referred_tr", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("outcome", sa.String(length=24), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(length=32), nullable=False),
        sa.Column("created_at", storage.base.AwareDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", storage.base.AwareDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["group_id"], ["groups.id"], name=op.f("fk_cases_group_id_groups"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cases")),
        sa.UniqueConstraint("group_id", "number", name=op.f("uq_cases_group_id")),
    )
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.create_index("ix_cases_group_raised", ["group_id", "raised_on"], unique=False)

    op.create_table(
        "case_failures",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=48), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_failures_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("case_id", "code", name=op.f("pk_case_failures")),
    )
    with op.batch_alter_table("case_failures", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_failures_code"), ["code"], unique=False)

    op.create_table(
        "case_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("at", storage.base.AwareDateTime(timezone=True), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_notes_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_notes")),
    )
    with op.batch_alter_table("case_notes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_notes_case_id"), ["case_id"], unique=False)

    op.create_table(
        "case_target_groups",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=48), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_target_groups_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("case_id", "code", name=op.f("pk_case_target_groups")),
    )
    with op.batch_alter_table("case_target_groups", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_target_groups_code"), ["code"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("case_target_groups", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_target_groups_code"))

    op.drop_table("case_target_groups")
    with op.batch_alter_table("case_notes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_notes_case_id"))

    op.drop_table("case_notes")
    with op.batch_alter_table("case_failures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_failures_code"))

    op.drop_table("case_failures")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index("ix_cases_group_raised")

    op.drop_table("cases")
