"""Slack event ids already handled, so a retried delivery is not acted on twice, even across processes."""

from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.orm import Session

from storage.claims import insert_once
from storage.clock import utcnow
from storage.models import ProcessedEvent


def claim_event(session: Session, *, event_id: str) -> bool:
    """True the first time an event id is claimed, False for every later delivery of it."""
    values = {"event_id": event_id, "received_at": utcnow()}
    return insert_once(session, table=ProcessedEvent.__table__, values=values)  # type: ignore[arg-type]


def forget_events_before(session: Session, *, cutoff: datetime) -> int:
    """Drop remembered ids older than the cutoff (Slack retries within minutes)."""
    result = session.execute(delete(ProcessedEvent).where(ProcessedEvent.received_at < cutoff))
    return int(getattr(result, "rowcount", 0) or 0)
