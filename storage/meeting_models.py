"""Tables of meetings: when and where a group meets, its agenda, who comes, and the minutes."""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.base import AwareDateTime, Base
from storage.clock import utcnow
from storage.models import Group

SCHEDULED, MOVED, CANCELLED, HELD = "scheduled", "moved", "cancelled", "held"
UPCOMING = (SCHEDULED, MOVED)


class Meeting(Base):
    """One meeting of a group: its time, place, status, announcement message and minutes."""

    __tablename__ = "meetings"
    __table_args__ = (
        Index("ix_meetings_group_starts", "group_id", "starts_at"),
        Index("ix_meetings_status_starts", "status", "starts_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
    starts_at: Mapped[datetime] = mapped_column(AwareDateTime())
    ends_at: Mapped[datetime] = mapped_column(AwareDateTime())
    place: Mapped[str] = mapped_column(String(500))
    status: Mapped[str] = mapped_column(String(16), default=SCHEDULED)
    convenor: Mapped[str] = mapped_column(String(32))
    minute_taker: Mapped[str] = mapped_column(String(32))
    channel_id: Mapped[str] = mapped_column(String(32), default="")
    announcement_ts: Mapped[str] = mapped_column(String(32), default="")
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    time_set_at: Mapped[datetime] = mapped_column(AwareDateTime(), default=utcnow)
    last_reminder_days: Mapped[int | None] = mapped_column(Integer)
    minutes: Mapped[str | None] = mapped_column(Text)
    minutes_by: Mapped[str | None] = mapped_column(String(32))
    minutes_at: Mapped[datetime | None] = mapped_column(AwareDateTime())
    created_at: Mapped[datetime] = mapped_column(AwareDateTime(), default=utcnow)

    group: Mapped[Group] = relationship()
    agenda: Mapped[list["AgendaItem"]] = relationship(back_populates="meeting", order_by="AgendaItem.id")
    rsvps: Mapped[list["Rsvp"]] = relationship(cascade="all, delete-orphan", order_by="Rsvp.answered_at")


class AgendaItem(Base):
    """A point a member put on the agenda; without a meeting it waits for the group's next one."""

    __tablename__ = "meeting_agenda_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(String(300))
    added_by: Mapped[str] = mapped_column(String(32))
    added_at: Mapped[datetime] = mapped_column(AwareDateTime(), default=utcnow)

    meeting: Mapped[Meeting | None] = relationship(back_populates="agenda")


class Rsvp(Base):
    """A member's answer to a meeting: kommer, kommer inte or skickar ersättare, with the party they represent."""

    __tablename__ = "meeting_rsvps"

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    party: Mapped[str] = mapped_column(String(32))
    answer: Mapped[str] = mapped_column(String(16))
    answered_at: Mapped[datetime] = mapped_column(AwareDateTime(), default=utcnow)
