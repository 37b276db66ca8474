"""The audit log: who changed what. Details hold ids and field names, never free text."""

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import AuditEntry


def record(
    session: Session,
    *,
    team_id: str,
    user_id: str,
    action: str,
    entity: str,
    entity_id: str | int,
    detail: dict[str, Any] | None = None,
) -> AuditEntry:
    """Add one entry to the audit log."""
    entry = AuditEntry(
        team_id=team_id, user_id=user_id, action=action, entity=entity, entity_id=str(entity_id), detail=detail or {}
    )
    session.add(entry)
    session.flush()
    return entry


def entries_for(session: Session, *, entity: str, entity_id: str | int) -> Sequence[AuditEntry]:
    """The entries about one thing, oldest first."""
    stmt = (
        select(AuditEntry)
        .where(AuditEntry.entity == entity, AuditEntry.entity_id == str(entity_id))
        .order_by(AuditEntry.id)
    )
    return session.scalars(stmt).all()


def entries_between(session: Session, *, team_id: str, start: datetime, end: datetime) -> Sequence[AuditEntry]:
    """The workspace's entries with start <= at < end, oldest first (the archive picks a group's from them)."""
    stmt = (
        select(AuditEntry)
        .where(AuditEntry.team_id == team_id, AuditEntry.at >= start, AuditEntry.at < end)
        .order_by(AuditEntry.at, AuditEntry.id)
    )
    return session.scalars(stmt).all()
