"""Repository for conversation state: one row per (workspace, user, channel or DM, thread)."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.exc import StaleDataError

from storage.models import Conversation

DM = "im"


@dataclass(frozen=True)
class ConversationKey:
    """Where a conversation lives; DMs use the channel "im" so a DM opened from a slash command is the same."""

    team_id: str
    user_id: str
    channel_id: str = DM
    thread_ts: str = ""


_AT_KEY = select(Conversation).where(
    Conversation.team_id == bindparam("team_id"),
    Conversation.user_id == bindparam("user_id"),
    Conversation.channel_id == bindparam("channel_id"),
    Conversation.thread_ts == bindparam("thread_ts"),
)


def load(session: Session, *, key: ConversationKey) -> Conversation | None:
    """The conversation at the key, whatever its status (one prepared statement: this runs every chat turn)."""
    params = {"team_id": key.team_id, "user_id": key.user_id, "channel_id": key.channel_id,
              "thread_ts": key.thread_ts}
    return session.scalars(_AT_KEY, params).one_or_none()


def save_new(
    session: Session, *, key: ConversationKey, flow: str, state: dict[str, Any], now: datetime
) -> Conversation:
    """Start a conversation at the key, replacing whatever was there before."""
    conversation = load(session, key=key)
    if conversation is None:
        conversation = Conversation(team_id=key.team_id, user_id=key.user_id, channel_id=key.channel_id,
                                    thread_ts=key.thread_ts, flow=flow, state=state, status="active",
                                    started_at=now, updated_at=now)
        session.add(conversation)
    else:
        conversation.flow = flow
        conversation.state = state
        conversation.status = "active"
        conversation.started_at = now
        conversation.updated_at = now
    session.flush()
    return conversation


_STORE = (
    update(Conversation)
    .where(Conversation.id == bindparam("conversation_id"), Conversation.version == bindparam("seen_version"))
    .values(state=bindparam("state"), status=bindparam("status"), updated_at=bindparam("updated_at"),
            version=bindparam("new_version"))
    .execution_options(synchronize_session=False)
)


def store(session: Session, *, conversation: Conversation, state: dict[str, Any], status: str, now: datetime) -> None:
    """Write the new state if nobody else has since this process read it, else raise StaleDataError.

    One prepared UPDATE guarded by the version (this runs every chat turn); the loaded object is kept in step.
    """
    session.flush()
    seen = conversation.version
    result = session.execute(_STORE, {"conversation_id": conversation.id, "seen_version": seen,
                                      "state": state, "status": status, "updated_at": now, "new_version": seen + 1})
    if getattr(result, "rowcount", 1) != 1:
        raise StaleDataError(f"conversation {conversation.id} was changed by another process")
    for name, value in (("state", state), ("status", status), ("updated_at", now), ("version", seen + 1)):
        set_committed_value(conversation, name, value)


def pause_idle(session: Session, *, idle_since: datetime) -> list[Conversation]:
    """Mark active conversations untouched since the cutoff as paused and return them."""
    stmt = select(Conversation).where(Conversation.status == "active", Conversation.updated_at < idle_since)
    idle = list(session.scalars(stmt).all())
    if idle:
        session.execute(
            update(Conversation)
            .where(Conversation.id.in_([c.id for c in idle]), Conversation.status == "active")
            .values(status="paused", version=Conversation.version + 1)
            .execution_options(synchronize_session=False)
        )
    return idle
