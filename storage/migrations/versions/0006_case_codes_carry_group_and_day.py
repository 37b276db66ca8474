"""case codes carry their case's group and day

The target groups and failures of a case get the case's `group_id` and `raised_on` beside them, bound to the
case by one foreign key on all three columns, and an index (group_id, code, raised_on): the summaries count
codes per group and period from that index alone instead of joining every code to its case.

`cases` gets the unique index the foreign key refers to. It is an index, not a constraint, so SQLite adds it
without rebuilding `cases` (a rebuild would drop the table and, with foreign keys on, cascade to its codes).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 12:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CODE_TABLES = ("case_target_groups", "case_failures")


def upgrade() -> None:
    op.create_index("ix_cases_code_key", "cases", ["id", "group_id", "raised_on"], unique=True)
    for table in CODE_TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("group_id", sa.Integer(), nullable=True))
            batch_op.add_column(sa.Column("raised_on", sa.Date(), nullable=True))
        op.execute(
            f"UPDATE {table} SET "
            f"group_id = (SELECT cases.group_id FROM cases WHERE cases.id = {table}.case_id), "
            f"raised_on = (SELECT cases.raised_on FROM cases WHERE cases.id = {table}.case_id)"
        )
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column("group_id", existing_type=sa.Integer(), nullable=False)
            batch_op.alter_column("raised_on", existing_type=sa.Date(), nullable=False)
            batch_op.drop_constraint(f"fk_{table}_case_id_cases", type_="foreignkey")
            batch_op.create_foreign_key(
                f"fk_{table}_case_id_cases",
                "cases",
                ["case_id", "group_id", "raised_on"],
                ["id", "group_id", "raised_on"],
                ondelete="CASCADE",
                onupdate="CASCADE",
            )
            batch_op.drop_index(f"ix_{table}_code")
            batch_op.create_index(f"ix_{table}_stats", ["group_id", "code", "raised_on"], unique=False)


def downgrade() -> None:
    for table in CODE_TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(f"ix_{table}_stats")
            batch_op.create_index(f"ix_{table}_code", ["code"], unique=False)
            batch_op.drop_constraint(f"fk_{table}_case_id_cases", type_="foreignkey")
            batch_op.create_foreign_key(f"fk_{table}_case_id_cases", "cases", ["case_id"], ["id"], ondelete="CASCADE")
            batch_op.drop_column("raised_on")
            batch_op.drop_column("group_id")
    op.drop_index("ix_cases_code_key", table_name="cases")
