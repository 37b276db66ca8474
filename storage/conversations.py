"""Repository for conversation state: one row per (workspace, user, channel or DM, thread).

Every chat turn reads and writes one row, so these use prepared Core statements on the session's connection
and hand back a small dataclass rather than an ORM object. The state is JSON the engine reads and writes
(handlers/conversation/state.py); this module does not look inside it.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Row, Table, bindparam, select, update
from sqlalchemy import insert as insert_into
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from storage.models import Conversation

DM = "im"
TABLE: Table = Conversation.__table__  # type: ignore[assignment]


@dataclass(frozen=True)
class ConversationKey:
    """Where a conversation lives; DMs use the channel "im" so a DM opened from a slash command is the same."""

    team_id: str
    user_id: str
    channel_id: str = DM
    thread_ts: str = ""


@dataclass
class StoredConversation:
    """A conversation row as read; `version` tells whether someone else has written it since."""

    id: int
    key: ConversationKey
    flow: str
    state: dict[str, Any]
    status: str
    updated_at: datetime
    version: int

    @property
    def user_id(self) -> str:
        """The person in the conversation."""
        return self.key.user_id

    @property
    def channel_id(self) -> str:
        """The channel ("im" for the DM)."""
        return self.key.channel_id

    @property
    def thread_ts(self) -> str:
        """The thread, empty for the DM."""
        return self.key.thread_ts


_AT_KEY = select(TABLE).where(
    TABLE.c.team_id == bindparam("team_id"),
    TABLE.c.user_id == bindparam("user_id"),
    TABLE.c.channel_id == bindparam("channel_id"),
    TABLE.c.thread_ts == bindparam("thread_ts"),
)
_INSERT = insert_into(TABLE)
_STORE = (
    update(TABLE)
    .where(TABLE.c.id == bindparam("conversation_id"), TABLE.c.version == bindparam("seen_version"))
    .values(
        flow=bindparam("flow"),
        state=bindparam("state"),
        status=bindparam("status"),
        updated_at=bindparam("updated_at"),
        version=bindparam("new_version"),
    )
)


def _stored(row: Row[Any]) -> StoredConversation:
    key = ConversationKey(row.team_id, row.user_id, row.channel_id, row.thread_ts)
    return StoredConversation(row.id, key, row.flow, row.state, row.status, row.updated_at, row.version)


def load(session: Session, *, key: ConversationKey) -> StoredConversation | None:
    """The conversation at the key, whatever its status."""
    params = {"team_id": key.team_id, "user_id": key.user_id, "channel_id": key.channel_id, "thread_ts": key.thread_ts}
    row = session.connection().execute(_AT_KEY, params).first()
    return _stored(row) if row is not None else None


def save_new(
    session: Session, *, key: ConversationKey, flow: str, state: dict[str, Any], now: datetime
) -> StoredConversation:
    """Start a conversation at the key, replacing whatever was there before."""
    existing = load(session, key=key)
    if existing is not None:
        existing.flow = flow
        store(session, conversation=existing, state=state, status="active", now=now)
        return existing
    return insert(session, key=key, flow=flow, state=state, status="active", now=now)


def insert(
    session: Session, *, key: ConversationKey, flow: str, state: dict[str, Any], status: str, now: datetime
) -> StoredConversation:
    """The first row at a key (the caller has seen there is none)."""
    values = {
        "team_id": key.team_id,
        "user_id": key.user_id,
        "channel_id": key.channel_id,
        "thread_ts": key.thread_ts,
        "flow": flow,
        "state": state,
        "status": status,
        "started_at": now,
        "updated_at": now,
        "version": 1,
    }
    new_id = session.connection().execute(_INSERT.values(**values).returning(TABLE.c.id)).scalar_one()
    return StoredConversation(new_id, key, flow, state, status, now, 1)


def store(
    session: Session, *, conversation: StoredConversation, state: dict[str, Any], status: str, now: datetime
) -> None:
    """Write the new state if nobody else has since it was read, else raise StaleDataError."""
    seen = conversation.version
    result = session.connection().execute(
        _STORE,
        {
            "conversation_id": conversation.id,
            "seen_version": seen,
            "flow": conversation.flow,
            "state": state,
            "status": status,
            "updated_at": now,
            "new_version": seen + 1,
        },
    )
    if result.rowcount != 1:
        raise StaleDataError(f"conversation {conversation.id} was changed by another process")
    conversation.state, conversation.status, conversation.updated_at = state, status, now
    conversation.version = seen + 1


def pause_idle(session: Session, *, idle_since: datetime) -> list[StoredConversation]:
    """Mark active conversations untouched since the cutoff as paused and return them."""
    rows = (
        session.connection()
        .execute(select(TABLE).where(TABLE.c.status == "active", TABLE.c.updated_at < idle_since))
        .all()
    )
    idle = [_stored(row) for row in rows]
    for conversation in idle:
        result = session.connection().execute(
            update(TABLE)
            .where(TABLE.c.id == conversation.id, TABLE.c.version == conversation.version)
            .values(status="paused", version=conversation.version + 1)
        )
        conversation.status, conversation.version = "paused", conversation.version + 1
        if result.rowcount != 1:
            conversation.status = "changed"
    return [c for c in idle if c.status == "paused"]
