"""Tables of insatser: a group's application for funds, each party's approval, the förbund's decision, the goals
and the follow-up reports (seeds 003 and 004)."""

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.base import AwareDateTime, Base
from storage.clock import utcnow
from storage.models import Group

DRAFT, SUBMITTED, GRANTED, REJECTED = "draft", "submitted", "granted", "rejected"
DECIDED = (GRANTED, REJECTED)
MIDTERM, FINAL = "delrapport", "slutrapport"


class Insats(Base):
    """One application of a group, from draft to the förbund's decision; the flow's answers as written."""

    __tablename__ = "insatser"

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(16))
    owner_party: Mapped[str] = mapped_column(String(16))
    owner_user: Mapped[str | None] = mapped_column(String(32), index=True)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    applied_kr: Mapped[int] = mapped_column(Integer)
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(16), default=DRAFT, index=True)
    submitted_at: Mapped[datetime | None] = mapped_column(AwareDateTime())
    granted_kr: Mapped[int | None] = mapped_column(Integer)
    conditions: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str | None] = mapped_column(Text)
    decided_by: Mapped[str | None] = mapped_column(String(32))
    decided_at: Mapped[datetime | None] = mapped_column(AwareDateTime())
    created_by: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(AwareDateTime(), default=utcnow)

    group: Mapped[Group] = relationship()
    goals: Mapped[list["InsatsGoal"]] = relationship(
        back_populates="insats", cascade="all, delete-orphan", order_by="InsatsGoal.position"
    )
    approvals: Mapped[list["InsatsApproval"]] = relationship(
        back_populates="insats", cascade="all, delete-orphan", order_by="InsatsApproval.id"
    )
    reports: Mapped[list["InsatsReport"]] = relationship(
        back_populates="insats", cascade="all, delete-orphan", order_by="InsatsReport.due_on"
    )


class InsatsGoal(Base):
    """An effektmål or insatsmål: its text, a target number and what measures it, and a figure it may be tied to."""

    __tablename__ = "insats_goals"
    __table_args__ = (UniqueConstraint("insats_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    insats_id: Mapped[int] = mapped_column(ForeignKey("insatser.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    target: Mapped[int | None] = mapped_column(Integer)
    measure: Mapped[str] = mapped_column(String(200), default="")
    tie: Mapped[str] = mapped_column(String(16), default="")

    insats: Mapped[Insats] = relationship(back_populates="goals")


class InsatsApproval(Base):
    """A party's approval of the application: who, when, and the printed name and organisation given."""

    __tablename__ = "insats_approvals"
    __table_args__ = (UniqueConstraint("insats_id", "party"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    insats_id: Mapped[int] = mapped_column(ForeignKey("insatser.id", ondelete="CASCADE"), index=True)
    party: Mapped[str] = mapped_column(String(16))
    user_id: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(120))
    organisation: Mapped[str] = mapped_column(String(120))
    approved_at: Mapped[datetime] = mapped_column(AwareDateTime(), default=utcnow)

    insats: Mapped[Insats] = relationship(back_populates="approvals")


class InsatsReport(Base):
    """A delrapport or slutrapport owed on a day: asked of the owner until answered; the answers goal by goal."""

    __tablename__ = "insats_reports"
    __table_args__ = (UniqueConstraint("insats_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    insats_id: Mapped[int] = mapped_column(ForeignKey("insatser.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    due_on: Mapped[date] = mapped_column(Date, index=True)
    answers: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    answered_by: Mapped[str | None] = mapped_column(String(32))
    answered_at: Mapped[datetime | None] = mapped_column(AwareDateTime())

    insats: Mapped[Insats] = relationship(back_populates="reports")
