"""Run-once claims for scheduled work: the first process to claim a key does the job, the others skip it."""

from collections.abc import Collection

from sqlalchemy import String, Table, any_, bindparam, select
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Session

from storage.claims import insert_once, insert_or_skip
from storage.clock import utcnow
from storage.models import JobClaim

TABLE: Table = JobClaim.__table__  # type: ignore[assignment]
_CLAIMED_ANY = select(TABLE.c.key).where(TABLE.c.key == any_(bindparam("keys", type_=postgresql.ARRAY(String))))
SQLITE_CHUNK = 500


def claim_once(session: Session, *, key: str) -> bool:
    """True for the one caller that claims the key first; False for everyone after, in any process."""
    values = {"key": key, "claimed_at": utcnow()}
    return insert_once(session, table=TABLE, values=values)


def claim_each(session: Session, *, keys: Collection[str]) -> set[str]:
    """Of many keys, the ones this call claimed first (each as `claim_once` would).

    The scheduler checks every open plan each minute, and nearly all were claimed long ago: the claimed ones
    are read in one statement and only the rest inserted, instead of a round trip each (measured at 1 000
    plans: 1 000 round trips a minute; one INSERT of 1 000 rows was no better, its text parsed afresh).
    """
    wanted = set(keys) - already_claimed(session, keys=keys)
    if not wanted:
        return set()
    now = utcnow()
    rows = [{"key": key, "claimed_at": now} for key in sorted(wanted)]
    return set(session.connection().execute(insert_or_skip(TABLE, session), rows).scalars())


def already_claimed(session: Session, *, keys: Collection[str]) -> set[str]:
    """The keys that have been claimed (PostgreSQL: one array parameter; SQLite: an IN list per 500)."""
    ordered = sorted(set(keys))
    if session.get_bind().dialect.name == "postgresql":
        return set(session.execute(_CLAIMED_ANY, {"keys": ordered}).scalars())
    found: set[str] = set()
    for start in range(0, len(ordered), SQLITE_CHUNK):
        chunk = ordered[start : start + SQLITE_CHUNK]
        found.update(session.execute(select(TABLE.c.key).where(TABLE.c.key.in_(chunk))).scalars())
    return found
