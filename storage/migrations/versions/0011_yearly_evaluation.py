"""yearly evaluation: surveys, who has answered, and answers kept apart from anyone

A survey of a group (`evaluation_surveys`, its questions as they were asked), who was asked and whether they
have answered (`evaluation_respondents`: no time, no answer), completed surveys waiting to be counted
(`evaluation_ballots`: a random id, no person, no time), the counts per statement and score
(`evaluation_tallies`) and the free texts (`evaluation_texts`: random ids, no person, no time).

Downgrade drops the tables: every evaluation and its results are lost.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 19:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _survey_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["survey_id"],
        ["evaluation_surveys.id"],
        name=op.f(f"fk_{table}_survey_id_evaluation_surveys"),
        ondelete="CASCADE",
    )


def upgrade() -> None:
    op.create_table(
        "evaluation_surveys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("survey_key", sa.String(length=40), nullable=False),
        sa.Column("questions", sa.JSON(), nullable=False),
        sa.Column("opens_on", sa.Date(), nullable=False),
        sa.Column("closes_on", sa.Date(), nullable=False),
        sa.Column("started_by", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("answered", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"], ["groups.id"], name=op.f("fk_evaluation_surveys_group_id_groups"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluation_surveys")),
    )
    with op.batch_alter_table("evaluation_surveys", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_evaluation_surveys_group_id"), ["group_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_evaluation_surveys_status"), ["status"], unique=False)

    op.create_table(
        "evaluation_respondents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("survey_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("has_answered", sa.Boolean(), nullable=False),
        sa.Column("reminded_on", sa.Date(), nullable=True),
        _survey_fk("evaluation_respondents"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluation_respondents")),
        sa.UniqueConstraint("survey_id", "user_id", name=op.f("uq_evaluation_respondents_survey_id")),
    )
    op.create_table(
        "evaluation_ballots",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("survey_id", sa.Integer(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        _survey_fk("evaluation_ballots"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluation_ballots")),
    )
    with op.batch_alter_table("evaluation_ballots", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_evaluation_ballots_survey_id"), ["survey_id"], unique=False)

    op.create_table(
        "evaluation_tallies",
        sa.Column("survey_id", sa.Integer(), nullable=False),
        sa.Column("question", sa.String(length=40), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        _survey_fk("evaluation_tallies"),
        sa.PrimaryKeyConstraint("survey_id", "question", "score", name=op.f("pk_evaluation_tallies")),
    )
    op.create_table(
        "evaluation_texts",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("survey_id", sa.Integer(), nullable=False),
        sa.Column("question", sa.String(length=40), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        _survey_fk("evaluation_texts"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluation_texts")),
    )
    with op.batch_alter_table("evaluation_texts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_evaluation_texts_survey_id"), ["survey_id"], unique=False)


def downgrade() -> None:
    for table in ("evaluation_texts", "evaluation_tallies", "evaluation_ballots", "evaluation_respondents"):
        op.drop_table(table)
    op.drop_table("evaluation_surveys")
