"""Repository for the förbund role: one row per workspace and user, with who granted it and when."""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import ForbundRole, Workspace


def holds_forbund(session: Session, *, team_id: str, user_id: str) -> bool:
    """Whether the user has the förbund role in the workspace (one row, by its unique key)."""
    stmt = (
        select(ForbundRole.id)
        .join(Workspace, Workspace.id == ForbundRole.workspace_id)
        .where(Workspace.team_id == team_id, ForbundRole.user_id == user_id)
        .limit(1)
    )
    return session.scalars(stmt).first() is not None


def find_forbund(session: Session, *, workspace: Workspace, user_id: str) -> ForbundRole | None:
    """The user's förbund role in the workspace, if they have it."""
    stmt = select(ForbundRole).where(ForbundRole.workspace_id == workspace.id, ForbundRole.user_id == user_id)
    return session.scalars(stmt).one_or_none()


def grant_forbund(
    session: Session, *, workspace: Workspace, user_id: str, granted_by: str, now: datetime
) -> tuple[ForbundRole, bool]:
    """Give the user the förbund role; the row, and whether it is new (an existing grant is kept as it was)."""
    existing = find_forbund(session, workspace=workspace, user_id=user_id)
    if existing is not None:
        return existing, False
    role = ForbundRole(workspace_id=workspace.id, user_id=user_id, granted_by=granted_by, granted_at=now)
    session.add(role)
    session.flush()
    return role, True


def revoke_forbund(session: Session, *, workspace: Workspace, user_id: str) -> ForbundRole | None:
    """Take the role away; the row it was (None when the user did not have it)."""
    role = find_forbund(session, workspace=workspace, user_id=user_id)
    if role is not None:
        session.delete(role)
        session.flush()
    return role


def forbund_holders(session: Session, *, workspace: Workspace) -> Sequence[ForbundRole]:
    """Everyone with the förbund role in the workspace, in the order they got it."""
    stmt = select(ForbundRole).where(ForbundRole.workspace_id == workspace.id).order_by(ForbundRole.id)
    return session.scalars(stmt).all()
