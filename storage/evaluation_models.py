"""Tables of the yearly evaluation: a survey of a group, who has answered, and the answers with no person in them.

Anonymity is in the shape of the tables. `evaluation_respondents` knows who was asked and whether they have
answered, nothing else: no time, no answer. The answers never carry a user id or a time: a completed survey
becomes one `evaluation_ballots` row (a random id, the survey, the answers) that waits only until it is
counted, and counting (in the scheduler's tick, once two or more wait, and at the close) adds it to
`evaluation_tallies` (how many gave each score to each statement) and moves its free texts to
`evaluation_texts` (random ids, no time, in shuffled order), then deletes it. What is kept is counts and
texts that no column, id or order ties to the respondents' rows.
"""

from datetime import date
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.base import Base
from storage.models import Group

OPEN, CLOSED = "open", "closed"


class Survey(Base):
    """One evaluation of one group: which questions (as they were asked), when it opened and closes, its state."""

    __tablename__ = "evaluation_surveys"

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    survey_key: Mapped[str] = mapped_column(String(40))
    questions: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    opens_on: Mapped[date] = mapped_column(Date)
    closes_on: Mapped[date] = mapped_column(Date)
    started_by: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default=OPEN, index=True)
    answered: Mapped[int] = mapped_column(Integer, default=0)  # ballots counted into the tallies

    group: Mapped[Group] = relationship()
    respondents: Mapped[list["Respondent"]] = relationship(
        back_populates="survey", cascade="all, delete-orphan", order_by="Respondent.id"
    )


class Respondent(Base):
    """Someone asked to answer: only whether they have (for the reminders), never when or what."""

    __tablename__ = "evaluation_respondents"
    __table_args__ = (UniqueConstraint("survey_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("evaluation_surveys.id", ondelete="CASCADE"))
    user_id: Mapped[str] = mapped_column(String(32))
    has_answered: Mapped[bool] = mapped_column(default=False)
    reminded_on: Mapped[date | None] = mapped_column(Date)

    survey: Mapped[Survey] = relationship(back_populates="respondents")


class Ballot(Base):
    """One completed survey waiting to be counted: a random id, no person, no time."""

    __tablename__ = "evaluation_ballots"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("evaluation_surveys.id", ondelete="CASCADE"), index=True)
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Tally(Base):
    """How many answered one statement with one score."""

    __tablename__ = "evaluation_tallies"

    survey_id: Mapped[int] = mapped_column(ForeignKey("evaluation_surveys.id", ondelete="CASCADE"), primary_key=True)
    question: Mapped[str] = mapped_column(String(40), primary_key=True)
    score: Mapped[int] = mapped_column(Integer, primary_key=True)
    count: Mapped[int] = mapped_column(Integer, default=0)


class FreeText(Base):
    """One free-text answer, with a random id and no person or time."""

    __tablename__ = "evaluation_texts"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("evaluation_surveys.id", ondelete="CASCADE"), index=True)
    question: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text)
