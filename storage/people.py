"""Repository of what erasure and a person's export need beside the registry: their party, pending erasures."""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from storage.models import Group, Member, Workspace
from storage.people_models import PendingErasure


def latest_party(session: Session, *, user_id: str, team_id: str | None) -> str | None:
    """The party of the person's newest membership (in the workspace, or any for None)."""
    stmt = select(Member.party).join(Group).join(Workspace).where(Member.user_id == user_id)
    if team_id is not None:
        stmt = stmt.where(Workspace.team_id == team_id)
    return session.scalars(stmt.order_by(Member.created_at.desc(), Member.id.desc()).limit(1)).first()


def group_names(session: Session, *, group_ids: set[int]) -> dict[int, str]:
    """The names of the groups, by id."""
    if not group_ids:
        return {}
    rows = session.execute(select(Group.id, Group.name).where(Group.id.in_(group_ids))).all()
    return {row.id: row.name for row in rows}


def note_pending(session: Session, *, team_id: str, user_id: str, due_at: datetime, now: datetime) -> None:
    """Remember that the user is to be erased from the date on (a second notice keeps the first date)."""
    stmt = select(PendingErasure).where(PendingErasure.team_id == team_id, PendingErasure.user_id == user_id)
    if session.scalars(stmt).first() is None:
        session.add(PendingErasure(team_id=team_id, user_id=user_id, noticed_at=now, due_at=due_at))
        session.flush()


def cancel_pending(session: Session, *, team_id: str, user_id: str) -> int:
    """Forget a pending erasure (the user is back); how many there were."""
    stmt = delete(PendingErasure).where(PendingErasure.team_id == team_id, PendingErasure.user_id == user_id)
    return session.connection().execute(stmt).rowcount


def due_erasures(session: Session, *, now: datetime) -> Sequence[PendingErasure]:
    """The pending erasures whose grace period is over, oldest first."""
    stmt = select(PendingErasure).where(PendingErasure.due_at <= now).order_by(PendingErasure.due_at)
    return session.scalars(stmt).all()
