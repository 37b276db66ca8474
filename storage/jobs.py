"""Run-once claims for scheduled work: the first process to claim a key does the job, the others skip it."""

from sqlalchemy.orm import Session

from storage.claims import insert_once
from storage.clock import utcnow
from storage.models import JobClaim


def claim_once(session: Session, *, key: str) -> bool:
    """True for the one caller that claims the key first; False for everyone after, in any process."""
    values = {"key": key, "claimed_at": utcnow()}
    return insert_once(session, table=JobClaim.__table__, values=values)  # type: ignore[arg-type]
