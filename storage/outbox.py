"""The outbox's rows: added in the unit of work that promised them, claimed by one deliverer at a time.

A row is claimed only when it is the oldest pending row of its destination, so a DM, a channel or a thread gets
its messages in the order they were promised, and only while no other deliverer holds it: a claim is a lease
(`lease_until`, `lease_token`) taken in one short transaction, `SELECT … FOR UPDATE SKIP LOCKED` on PostgreSQL
(SQLite has one writer). Every later change names the token, so a deliverer whose lease ran out changes nothing.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Table, delete, func, or_, select, update
from sqlalchemy.orm import Session, aliased

from storage.outbox_models import FAILED, PENDING, SENT, OutboxFile, OutboxMessage

TABLE: Table = OutboxMessage.__table__  # type: ignore[assignment]


@dataclass
class Claimed:
    """A message a deliverer holds the lease of (`token`): what it needs to send it, and how far it got."""

    id: int
    token: str
    team_id: str
    enterprise_id: str
    destination: str
    kind: str
    payload: dict[str, Any]
    created_at: datetime
    attempts: int = 1
    posted_ts: str | None = None
    files: int = 0

    @classmethod
    def of(cls, row: OutboxMessage, token: str, files: int) -> "Claimed":
        """The claim of a row just leased with `token`."""
        return cls(
            row.id,
            token,
            row.team_id,
            row.enterprise_id,
            row.destination,
            row.kind,
            dict(row.payload),
            row.created_at,
            row.attempts,
            row.posted_ts,
            files,
        )


@dataclass(frozen=True)
class NewFile:
    """A file of a new message: its name, its title as the reader sees it, its bytes (None: made on delivery)."""

    filename: str
    title: str
    content: bytes | None


def add_message(
    session: Session,
    *,
    team_id: str,
    destination: str,
    kind: str,
    payload: dict[str, Any],
    now: datetime,
    files: Sequence[NewFile] = (),
    enterprise_id: str = "",
    lease: tuple[str, datetime] | None = None,
) -> int:
    """Add a message to send after the commit; returns its id. With a lease (token, until) it is already claimed
    by whoever will send it right after the commit (it must then be the oldest pending one of its destination)."""
    token, until = lease or (None, None)
    message = OutboxMessage(
        team_id=team_id,
        enterprise_id=enterprise_id,
        destination=destination,
        kind=kind,
        payload=payload,
        state=PENDING,
        due_at=now,
        created_at=now,
        attempts=1 if lease else 0,
        lease_token=token,
        lease_until=until,
    )
    session.add(message)
    session.flush()
    for position, file in enumerate(files):
        session.add(OutboxFile(message_id=message.id, position=position, **file.__dict__))
    if files:
        session.flush()
    return message.id


def has_pending(session: Session, *, destination: str) -> bool:
    """Whether the destination has a message not yet sent (a new one must then wait its turn)."""
    query = select(OutboxMessage.id).where(OutboxMessage.state == PENDING, OutboxMessage.destination == destination)
    return session.scalar(query.limit(1)) is not None


def claim_heads(session: Session, *, now: datetime, lease_until: datetime, token: str, limit: int) -> list[Claimed]:
    """Lease up to `limit` due messages, each the oldest pending one of its destination, oldest first."""
    earlier = aliased(OutboxMessage)
    blocked = (
        select(earlier.id)
        .where(
            earlier.destination == OutboxMessage.destination, earlier.state == PENDING, earlier.id < OutboxMessage.id
        )
        .exists()
    )
    free = or_(OutboxMessage.lease_until.is_(None), OutboxMessage.lease_until < now)
    candidates = (
        select(OutboxMessage.id)
        .where(OutboxMessage.state == PENDING, OutboxMessage.due_at <= now, free, ~blocked)
        .order_by(OutboxMessage.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    ids = list(session.scalars(candidates))
    if not ids:
        return []
    taken = session.execute(
        update(TABLE)
        .where(
            TABLE.c.id.in_(ids), TABLE.c.state == PENDING, or_(TABLE.c.lease_until.is_(None), TABLE.c.lease_until < now)
        )
        .values(lease_until=lease_until, lease_token=token, attempts=TABLE.c.attempts + 1)
        .returning(TABLE.c.id)
    )
    claimed = list(taken.scalars())
    if not claimed:
        return []
    rows = session.scalars(select(OutboxMessage).where(OutboxMessage.id.in_(claimed)).order_by(OutboxMessage.id)).all()
    files = select(OutboxFile.message_id, func.count()).where(OutboxFile.message_id.in_(claimed))
    counts = {message_id: count for message_id, count in session.execute(files.group_by(OutboxFile.message_id))}
    return [Claimed.of(row, token, counts.get(row.id, 0)) for row in rows]


def renew(session: Session, *, message_id: int, token: str, lease_until: datetime) -> bool:
    """Extend a lease before a long step; False when the lease is no longer this token's."""
    return _update(session, message_id, token, lease_until=lease_until)


def mark_posted(session: Session, *, message_id: int, token: str, ts: str) -> bool:
    """Remember that the message itself is posted (its ts), so a retry only sends what is left."""
    return _update(session, message_id, token, posted_ts=ts)


def mark_sent(session: Session, *, message_id: int, token: str, now: datetime) -> bool:
    """The message and its files have arrived: it no longer holds up its destination, and what it said (its
    text, files and response_url) is no longer kept; its id, destination and times are, for a while."""
    done = _update(session, message_id, token, state=SENT, sent_at=now, lease_until=None, lease_token=None, payload={})
    if done:
        session.execute(delete(OutboxFile).where(OutboxFile.message_id == message_id))
    return done


def retry_later(session: Session, *, message_id: int, token: str, due_at: datetime, error: str) -> bool:
    """Let go of the lease and try again from `due_at`."""
    return _update(session, message_id, token, due_at=due_at, lease_until=None, lease_token=None, last_error=error)


def give_up(session: Session, *, message_id: int, token: str, error: str) -> bool:
    """Stop trying: the message is marked failed, no longer holds up its destination, and is not kept."""
    values: dict[str, Any] = {"state": FAILED, "lease_until": None, "lease_token": None, "last_error": error}
    values["payload"] = {}
    done = _update(session, message_id, token, **values)
    if done:
        session.execute(delete(OutboxFile).where(OutboxFile.message_id == message_id))
    return done


def release(session: Session, *, message_id: int, token: str) -> bool:
    """Give a lease back unused (the deliverer is stopping): the next deliverer takes the message at once."""
    return _update(session, message_id, token, lease_until=None, lease_token=None)


def _update(session: Session, message_id: int, token: str, **values: Any) -> bool:
    result = session.execute(
        update(TABLE).where(TABLE.c.id == message_id, TABLE.c.lease_token == token).values(**values)
    )
    return bool(getattr(result, "rowcount", 0))


def files_of(session: Session, *, message_id: int) -> Sequence[OutboxFile]:
    """The files of a message, in order."""
    query = select(OutboxFile).where(OutboxFile.message_id == message_id).order_by(OutboxFile.position)
    return session.scalars(query).all()


def store_content(session: Session, *, file_id: int, content: bytes) -> None:
    """Keep a file's bytes once made, so a retry (in any process) uploads the same file."""
    session.execute(update(OutboxFile).where(OutboxFile.id == file_id).values(content=content))


def next_due(session: Session) -> datetime | None:
    """When the earliest pending message is due (or None): how long a deliverer may sleep."""
    return session.scalar(select(func.min(OutboxMessage.due_at)).where(OutboxMessage.state == PENDING))


def forget_sent_before(session: Session, *, cutoff: datetime) -> int:
    """Drop sent and given-up messages older than the cutoff (and their files); returns how many."""
    done = select(OutboxMessage.id).where(OutboxMessage.state.in_((SENT, FAILED)), OutboxMessage.created_at < cutoff)
    ids = list(session.scalars(done))
    if not ids:
        return 0
    session.execute(delete(OutboxFile).where(OutboxFile.message_id.in_(ids)))
    session.execute(delete(OutboxMessage).where(OutboxMessage.id.in_(ids)))
    return len(ids)
