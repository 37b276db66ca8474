"""the förbund role is workspace-wide, in a table of its own; a group remembers who linked it

`forbund_roles` holds the role per workspace and user, with who granted it and when. Until now it was one of a
member's roles in some group, which anyone could give themself (link a channel of their own, then
`/lokus medlem @me kommun förbund`), so none of the roles stored that way was given by someone trusted.

What happens to them: they are **not** carried into the new table. "förbund" is taken out of every member's
roles; a member who had no other role is taken out of that group (they were recorded only to hold the role).
Each one leaves an entry in the audit log (`role.forbund_not_carried`, by "migration", with the group and the
user), so the operator can see who had it and grant it again the trusted way:
`lokusbot roles grant förbund USER --team T`. No deployment had real data when this was written.

`groups.created_by` is who linked a new group: its manager until it has a sammankallande or samordnare.
Groups linked before this are left without one (nobody trusted can be named), so only the förbund manages them.

Downgrade puts "förbund" back on the memberships of the users who hold the role, where they are members.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24 09:00:00
"""

from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

import storage.base

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FORBUND = "förbund"
MEMBERS = sa.table(
    "members",
    sa.column("id", sa.Integer),
    sa.column("group_id", sa.Integer),
    sa.column("user_id", sa.String),
    sa.column("roles", sa.String),
)
GROUPS = sa.table("groups", sa.column("id", sa.Integer), sa.column("workspace_id", sa.Integer))
WORKSPACES = sa.table("workspaces", sa.column("id", sa.Integer), sa.column("team_id", sa.String))
ROLES = sa.table("forbund_roles", sa.column("workspace_id", sa.Integer), sa.column("user_id", sa.String))
AUDIT = sa.table(
    "audit_log",
    sa.column("team_id", sa.String),
    sa.column("user_id", sa.String),
    sa.column("action", sa.String),
    sa.column("entity", sa.String),
    sa.column("entity_id", sa.String),
    sa.column("detail", sa.JSON),
    sa.column("at", storage.base.AwareDateTime()),
)


def upgrade() -> None:
    op.create_table(
        "forbund_roles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("granted_by", sa.String(length=32), nullable=False),
        sa.Column("granted_at", storage.base.AwareDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspaces.id"],
            name=op.f("fk_forbund_roles_workspace_id_workspaces"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_forbund_roles")),
        sa.UniqueConstraint("workspace_id", "user_id", name=op.f("uq_forbund_roles_workspace_id")),
    )
    op.add_column("groups", sa.Column("created_by", sa.String(length=32), nullable=True))
    _drop_member_forbund_roles()


def _drop_member_forbund_roles() -> None:
    """Take "förbund" out of every membership, leaving a trace of each in the audit log."""
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(MEMBERS.c.id, MEMBERS.c.group_id, MEMBERS.c.user_id, MEMBERS.c.roles, WORKSPACES.c.team_id)
        .join(GROUPS, GROUPS.c.id == MEMBERS.c.group_id)
        .join(WORKSPACES, WORKSPACES.c.id == GROUPS.c.workspace_id)
        .where(MEMBERS.c.roles.like(f"%{FORBUND}%"))
    ).all()
    now = datetime.now(UTC)
    for member_id, group_id, user_id, roles, team_id in rows:
        kept = [role for role in roles.split(",") if role and role != FORBUND]
        if kept:
            bind.execute(sa.update(MEMBERS).where(MEMBERS.c.id == member_id).values(roles=",".join(kept)))
        else:
            bind.execute(sa.delete(MEMBERS).where(MEMBERS.c.id == member_id))
        detail = {"group": group_id, "user": user_id, "membership_kept": bool(kept)}
        bind.execute(
            sa.insert(AUDIT).values(
                team_id=team_id,
                user_id="migration",
                action="role.forbund_not_carried",
                entity="member",
                entity_id=str(member_id),
                detail=detail,
                at=now,
            )
        )


def downgrade() -> None:
    bind = op.get_bind()
    holders = bind.execute(sa.select(ROLES.c.workspace_id, ROLES.c.user_id)).all()
    for workspace_id, user_id in holders:
        memberships = bind.execute(
            sa.select(MEMBERS.c.id, MEMBERS.c.roles)
            .join(GROUPS, GROUPS.c.id == MEMBERS.c.group_id)
            .where(GROUPS.c.workspace_id == workspace_id, MEMBERS.c.user_id == user_id)
        ).all()
        for member_id, roles in memberships:
            if FORBUND not in roles.split(","):
                joined = ",".join(r for r in (*roles.split(","), FORBUND) if r)
                bind.execute(sa.update(MEMBERS).where(MEMBERS.c.id == member_id).values(roles=joined))
    # Not a batch rebuild: on SQLite that drops `groups`, and with foreign keys on that empties its children.
    op.execute("ALTER TABLE groups DROP COLUMN created_by")
    op.drop_table("forbund_roles")
