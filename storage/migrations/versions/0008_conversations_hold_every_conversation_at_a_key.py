"""conversations hold every conversation at a key

A row's `state` held one conversation (answers, trail, phase, current, pending, data) of the flow in the
`flow` column. It now holds, as {"form": 2, "active": …, "aside": […], "offer": …}, the conversation being
answered, those set aside for it (taken up again with *fortsätt*) and a start waiting for the person's yes;
each conversation names its flow and calls the ticked options "ticked". The columns are unchanged.

Upgrade rewrites each row in the new form (an ended row keeps its last conversation nowhere: it had none
open). Downgrade writes the active conversation back in the old form; conversations set aside are lost then,
as the old form has no place for them. The engine reads both forms, so rows written by a process still on the
old code during a deploy resume too.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 12:00:00
"""

import json
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OPEN = ("active", "paused")
TABLE = sa.table(
    "conversations",
    sa.column("id", sa.Integer()),
    sa.column("flow", sa.String()),
    sa.column("status", sa.String()),
    sa.column("state", sa.JSON()),
)


def _loaded(value: Any) -> dict[str, Any]:
    if isinstance(value, str):  # some drivers hand JSON back as text
        value = json.loads(value)
    return dict(value or {})


def new_form(flow: str, status: str, old: dict[str, Any]) -> dict[str, Any]:
    """One conversation of the old form as the state of its key."""
    if old.get("form") == 2:
        return old
    active = {
        "flow": flow,
        "answers": old.get("answers") or {},
        "trail": old.get("trail") or [],
        "phase": old.get("phase") or "ask",
        "current": old.get("current"),
        "ticked": old.get("pending") or [],
        "data": old.get("data") or {},
        "proposal": None,
    }
    return {"form": 2, "active": active if status in OPEN else None, "aside": [], "offer": None}


def old_form(new: dict[str, Any]) -> dict[str, Any]:
    """The active conversation of a key in the old form (an empty one when none is active)."""
    if new.get("form") != 2:
        return new
    active = new.get("active") or {}
    return {
        "answers": active.get("answers") or {},
        "trail": active.get("trail") or [],
        "phase": active.get("phase") or "ask",
        "current": active.get("current"),
        "pending": active.get("ticked") or [],
        "data": active.get("data") or {},
    }


def _rewrite(change: Any) -> None:
    connection = op.get_bind()
    rows = connection.execute(sa.select(TABLE.c.id, TABLE.c.flow, TABLE.c.status, TABLE.c.state)).all()
    for row in rows:
        state = change(row.flow, row.status, _loaded(row.state))
        connection.execute(sa.update(TABLE).where(TABLE.c.id == row.id).values(state=state))


def upgrade() -> None:
    _rewrite(new_form)


def downgrade() -> None:
    _rewrite(lambda flow, status, state: old_form(state))
