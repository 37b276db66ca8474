"""The summaries the bot published in a group's channel, kept as records: what was shown, for which period."""

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.base import AwareDateTime, Base
from storage.clock import utcnow
from storage.models import Group


class PublishedSummary(Base):
    """One summary as it was posted: its parts as catalogue texts (JSON), the period and the threshold used.

    Kept from migration 0010 on; summaries posted before it were not stored and cannot be archived.
    """

    __tablename__ = "published_summaries"
    __table_args__ = (Index("ix_published_summaries_group_at", "group_id", "published_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
    channel_id: Mapped[str] = mapped_column(String(32))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    threshold: Mapped[int] = mapped_column(Integer)
    trigger: Mapped[str] = mapped_column(String(16))  # "command" (someone asked) or "automatic" (before a meeting)
    requested_by: Mapped[str] = mapped_column(String(32), default="")
    content: Mapped[dict[str, Any]] = mapped_column(JSON)
    published_at: Mapped[datetime] = mapped_column(AwareDateTime(), default=utcnow)

    group: Mapped[Group] = relationship()
