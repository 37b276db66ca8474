"""Run-once claims for scheduled work: the first process to claim a key does the job, the others skip it."""

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage.models import JobClaim


def claim_once(session: Session, *, key: str) -> bool:
    """True for the one caller that claims the key first; False for everyone after, in any process."""
    try:
        with session.begin_nested():
            session.add(JobClaim(key=key))
    except IntegrityError:
        return False
    return True
