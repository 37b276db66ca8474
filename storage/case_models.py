"""Tables of lots-ärenden: statistics about where cooperation failed, never about who the person is."""

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, ForeignKeyConstraint, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship

from storage.base import AwareDateTime, Base
from storage.clock import utcnow


class Case(Base):
    """One lots-ärende of a group, numbered within the group."""

    __tablename__ = "cases"
    __table_args__ = (
        UniqueConstraint("group_id", "number"),
        Index("ix_cases_group_raised", "group_id", "raised_on"),
        Index("ix_cases_code_key", "id", "group_id", "raised_on", unique=True),  # what a case code refers to
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    raised_on: Mapped[date] = mapped_column(Date)
    party: Mapped[str] = mapped_column(String(16))
    unit: Mapped[str] = mapped_column(String(120), default="")
    gender: Mapped[str] = mapped_column(String(24))
    age_band: Mapped[str] = mapped_column(String(8))
    failure_text: Mapped[str] = mapped_column(Text, default="")
    referred_tr: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(16), default="open")
    outcome: Mapped[str | None] = mapped_column(String(24))
    closed_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(AwareDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime(), default=utcnow)

    target_groups: Mapped[list["CaseTargetGroup"]] = relationship(
        cascade="all, delete-orphan", order_by="CaseTargetGroup.code"
    )
    failures: Mapped[list["CaseFailure"]] = relationship(cascade="all, delete-orphan", order_by="CaseFailure.code")
    notes: Mapped[list["CaseNote"]] = relationship(cascade="all, delete-orphan", order_by="CaseNote.id")


class _CaseCode:
    """A code of a many-valued answer of a case, with the case's group and day beside it.

    The summaries count codes per group and period; carrying `group_id` and `raised_on` here lets them walk
    one index of this table instead of joining every code to its case (measured at 100 000 cases: about
    0.27 s per table with the join). One foreign key on all three columns keeps the copies equal to the
    case's own: the database refuses a code whose group or day differs, follows a changed day (ON UPDATE
    CASCADE), and SQLAlchemy fills all three from the case when a code is added through the relationship.
    """

    case_id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(48), primary_key=True)
    group_id: Mapped[int] = mapped_column(Integer)
    raised_on: Mapped[date] = mapped_column(Date)

    @declared_attr.directive
    def __table_args__(cls) -> tuple[object, ...]:
        table = cls.__tablename__  # type: ignore[attr-defined]
        of_the_case = ["cases.id", "cases.group_id", "cases.raised_on"]
        return (
            ForeignKeyConstraint(
                ["case_id", "group_id", "raised_on"], of_the_case, ondelete="CASCADE", onupdate="CASCADE"
            ),
            Index(f"ix_{table}_stats", "group_id", "code", "raised_on"),
        )


class CaseTargetGroup(_CaseCode, Base):
    """A target group (målgrupp) a case belongs to; a case can have several."""

    __tablename__ = "case_target_groups"


class CaseFailure(_CaseCode, Base):
    """A category of what failed in the cooperation (brist); a case can have several."""

    __tablename__ = "case_failures"


class CaseNote(Base):
    """A follow-up note on a case, by whom and when."""

    __tablename__ = "case_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(AwareDateTime(), default=utcnow)
    text: Mapped[str] = mapped_column(Text)
