"""The outbox: what the bot has promised to send, written in the same transaction as the change it reports.

A deliverer sends each row after the commit, in order per destination (a DM, a channel, a thread), once, and
retries with backoff when Slack cannot take it (storage/outbox.py, bot/slack/deliverer.py).
"""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import AwareDateTime, Base
from storage.clock import utcnow

PENDING, SENT, FAILED = "pending", "sent", "failed"


class OutboxMessage(Base):
    """One message to deliver: where (its workspace and destination), how (kind and payload), and how far."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_state_destination_id", "state", "destination", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(String(32))
    enterprise_id: Mapped[str] = mapped_column(String(32), default="")
    # What must arrive in order: "dm:T:U", "ch:T:C:thread", "eph:T:C:U", "home:T:U".
    destination: Mapped[str] = mapped_column(String(160))
    kind: Mapped[str] = mapped_column(String(16))  # post, update, ephemeral, home
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    state: Mapped[str] = mapped_column(String(16), default=PENDING)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    due_at: Mapped[datetime] = mapped_column(AwareDateTime(), default=utcnow)
    lease_until: Mapped[datetime | None] = mapped_column(AwareDateTime())
    lease_token: Mapped[str | None] = mapped_column(String(32))
    posted_ts: Mapped[str | None] = mapped_column(String(32))  # once posted: its files and hook come next
    last_error: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(AwareDateTime(), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(AwareDateTime())


class OutboxFile(Base):
    """A file that goes with an outbox message; `content` is empty until it is made (off the request path)."""

    __tablename__ = "outbox_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("outbox.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    filename: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(500))
    content: Mapped[bytes | None] = mapped_column(LargeBinary)
