"""Repository for conversation state: one row per (workspace, user, channel or DM, thread)."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from storage.models import Conversation

DM = "im"


@dataclass(frozen=True)
class ConversationKey:
    """Where a conversation lives; DMs use the channel "im" so a DM opened from a slash command is the same."""

    team_id: str
    user_id: str
    channel_id: str = DM
    thread_ts: str = ""


def _where(key: ConversationKey) -> Any:
    return (
        (Conversation.team_id == key.team_id)
        & (Conversation.user_id == key.user_id)
        & (Conversation.channel_id == key.channel_id)
        & (Conversation.thread_ts == key.thread_ts)
    )


def load(session: Session, *, key: ConversationKey) -> Conversation | None:
    """The conversation at the key, whatever its status."""
    return session.scalars(select(Conversation).where(_where(key))).one_or_none()


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


def store(session: Session, *, conversation: Conversation, state: dict[str, Any], status: str, now: datetime) -> None:
    """Write the new state; a concurrent change by another process raises StaleDataError."""
    conversation.state = dict(state)
    conversation.status = status
    conversation.updated_at = now
    session.flush()


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
