"""Erasures waiting for their grace period: Slack said a user was deleted (`user_change`); the daily job erases
them when the period is over, unless Slack says first that the user is back."""

from datetime import datetime

from sqlalchemy import String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import AwareDateTime, Base
from storage.clock import utcnow


class PendingErasure(Base):
    """A deleted Slack user of a workspace, to be erased from `due_at` on."""

    __tablename__ = "pending_erasures"
    __table_args__ = (UniqueConstraint("team_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(String(32))
    user_id: Mapped[str] = mapped_column(String(32))
    noticed_at: Mapped[datetime] = mapped_column(AwareDateTime(), default=utcnow)
    due_at: Mapped[datetime] = mapped_column(AwareDateTime(), index=True)
