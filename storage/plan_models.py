"""Tables of the yearly plans: a plan per group, template and year; its sections with every answer's history;
and each party's approval (the form's signature block)."""

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.base import AwareDateTime, Base
from storage.clock import utcnow
from storage.models import Group


class Plan(Base):
    """A group's plan for a year, written from a template (`verksamhetsplan`, `loksam` …)."""

    __tablename__ = "plans"
    __table_args__ = (UniqueConstraint("group_id", "template", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    template: Mapped[str] = mapped_column(String(24))
    year: Mapped[int] = mapped_column(Integer)
    deadline: Mapped[date | None] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(16), default="open")
    copied_from_year: Mapped[int | None] = mapped_column(Integer)
    approvals_requested_at: Mapped[datetime | None] = mapped_column(AwareDateTime())
    completed_at: Mapped[datetime | None] = mapped_column(AwareDateTime())
    created_by: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(AwareDateTime(), default=utcnow)
    canvas_id: Mapped[str | None] = mapped_column(String(32))  # the plan's canvas in the group's channel, if any

    group: Mapped[Group] = relationship()
    sections: Mapped[list["PlanSection"]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="PlanSection.position"
    )
    approvals: Mapped[list["PlanApproval"]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="PlanApproval.id"
    )


class PlanSection(Base):
    """One section of a plan: who writes it, its current answers, and last year's answers to review."""

    __tablename__ = "plan_sections"
    __table_args__ = (UniqueConstraint("plan_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(24))
    position: Mapped[int] = mapped_column(Integer)
    assignee: Mapped[str | None] = mapped_column(String(32), index=True)
    assigned_at: Mapped[datetime | None] = mapped_column(AwareDateTime())
    answers: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    answered_by: Mapped[str | None] = mapped_column(String(32))
    answered_at: Mapped[datetime | None] = mapped_column(AwareDateTime())
    proposal: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    plan: Mapped[Plan] = relationship(back_populates="sections")
    revisions: Mapped[list["PlanRevision"]] = relationship(
        back_populates="section", cascade="all, delete-orphan", order_by="PlanRevision.number"
    )


class PlanRevision(Base):
    """One saved version of a section's answers: who saved it and when; the one before holds the previous text."""

    __tablename__ = "plan_revisions"
    __table_args__ = (UniqueConstraint("section_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    section_id: Mapped[int] = mapped_column(ForeignKey("plan_sections.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)
    user_id: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(AwareDateTime(), default=utcnow)

    section: Mapped[PlanSection] = relationship(back_populates="revisions")


class PlanApproval(Base):
    """A party's approval of the plan: date, who, and the printed name and organisation they gave.

    A change to the plan afterwards withdraws it (withdrawn_at set); the row stays as a record.
    """

    __tablename__ = "plan_approvals"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    party: Mapped[str] = mapped_column(String(16))
    user_id: Mapped[str] = mapped_column(String(32), index=True)
    name: Mapped[str] = mapped_column(String(120))
    organisation: Mapped[str] = mapped_column(String(120))
    approved_at: Mapped[datetime] = mapped_column(AwareDateTime(), default=utcnow)
    withdrawn_at: Mapped[datetime | None] = mapped_column(AwareDateTime())
    withdrawn_because: Mapped[str | None] = mapped_column(String(24))

    plan: Mapped[Plan] = relationship(back_populates="approvals")
