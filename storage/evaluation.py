"""Repository for the yearly evaluation: surveys, who has answered, ballots, and the counts they become.

Nothing here writes a user id beside an answer, or a time beside anything a person did. `count_ballots` is the
only way answers leave a ballot: it adds every waiting ballot of a survey to the tallies, moves their free texts
in shuffled order under new random ids, and deletes the ballots.
"""

import secrets
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session, selectinload

from storage.evaluation_models import CLOSED, OPEN, Ballot, FreeText, Respondent, Survey, Tally
from storage.models import Group

SCORES = (1, 2, 3, 4, 5)


def create_survey(
    session: Session,
    *,
    group: Group,
    survey_key: str,
    questions: list[dict[str, Any]],
    opens_on: date,
    closes_on: date,
    started_by: str,
    user_ids: Sequence[str],
) -> Survey:
    """A new open survey of the group, with everyone asked and a zero count for each statement and score."""
    survey = Survey(
        group=group,
        year=opens_on.year,
        survey_key=survey_key,
        questions=questions,
        opens_on=opens_on,
        closes_on=closes_on,
        started_by=started_by,
        status=OPEN,
        answered=0,
    )
    session.add(survey)
    session.flush()
    session.add_all(Respondent(survey_id=survey.id, user_id=user, has_answered=False) for user in user_ids)
    statements = [q["key"] for q in questions if q.get("kind") == "statement"]
    session.add_all(Tally(survey_id=survey.id, question=key, score=s, count=0) for key in statements for s in SCORES)
    session.flush()
    return survey


def open_survey_of(session: Session, *, group: Group) -> Survey | None:
    """The group's open survey, if one is running."""
    stmt = select(Survey).where(Survey.group_id == group.id, Survey.status == OPEN).order_by(Survey.id.desc())
    return session.scalars(stmt).first()


def latest_closed(session: Session, *, group: Group, year: int | None = None) -> Survey | None:
    """The group's last closed survey (of the year, when given)."""
    stmt = select(Survey).where(Survey.group_id == group.id, Survey.status == CLOSED)
    if year is not None:
        stmt = stmt.where(Survey.year == year)
    return session.scalars(stmt.order_by(Survey.closes_on.desc(), Survey.id.desc())).first()


def open_surveys(session: Session) -> Sequence[Survey]:
    """Every open survey, of every workspace (for the scheduler)."""
    stmt = (
        select(Survey)
        .where(Survey.status == OPEN)
        .order_by(Survey.id)
        .options(selectinload(Survey.group).selectinload(Group.workspace))  # the tick reads both for each
    )
    return session.scalars(stmt).all()


def find_respondent(session: Session, *, survey: Survey, user_id: str) -> Respondent | None:
    """The person's row in the survey, if they were asked."""
    stmt = select(Respondent).where(Respondent.survey_id == survey.id, Respondent.user_id == user_id)
    return session.scalars(stmt).first()


def answered_count(session: Session, *, survey: Survey) -> tuple[int, int]:
    """How many have answered, and how many were asked."""
    asked = select(func.count()).select_from(Respondent).where(Respondent.survey_id == survey.id)
    answered = asked.where(Respondent.has_answered.is_(True))
    return int(session.scalar(answered) or 0), int(session.scalar(asked) or 0)


def cast_ballot(session: Session, *, survey: Survey, respondent: Respondent, answers: Mapping[str, Any]) -> None:
    """Keep a completed survey's answers in a ballot (random id, no person, no time) and mark the person answered."""
    session.add(Ballot(id=secrets.token_hex(16), survey_id=survey.id, answers=dict(answers)))
    respondent.has_answered = True
    session.flush()


def waiting_ballots(session: Session, *, survey: Survey) -> int:
    """How many ballots wait to be counted."""
    stmt = select(func.count()).select_from(Ballot).where(Ballot.survey_id == survey.id)
    return int(session.scalar(stmt) or 0)


def count_ballots(session: Session, *, survey: Survey) -> int:
    """Add every waiting ballot to the tallies and texts, then delete them; how many were counted."""
    ballots = list(session.scalars(select(Ballot).where(Ballot.survey_id == survey.id).with_for_update()))
    kinds = {q["key"]: q.get("kind") for q in survey.questions}
    adds: dict[tuple[str, int], int] = {}
    texts: list[tuple[str, str]] = []
    for ballot in ballots:
        for key, value in ballot.answers.items():
            score = _score(value)
            if kinds.get(key) == "statement" and score is not None:
                adds[(key, score)] = adds.get((key, score), 0) + 1
            elif kinds.get(key) == "text" and isinstance(value, str) and value.strip():
                texts.append((key, value))
    for (key, score), n in sorted(adds.items()):
        session.execute(
            update(Tally)
            .where(Tally.survey_id == survey.id, Tally.question == key, Tally.score == score)
            .values(count=Tally.count + n)
        )
    secrets.SystemRandom().shuffle(texts)
    session.add_all(FreeText(id=secrets.token_hex(16), survey_id=survey.id, question=k, text=v) for k, v in texts)
    session.execute(delete(Ballot).where(Ballot.id.in_([b.id for b in ballots])))
    survey.answered += len(ballots)
    session.flush()
    return len(ballots)


def _score(value: Any) -> int | None:
    """A statement's answer as its score 1–5 (the engine keeps the chosen option's value, "1" to "5")."""
    text = str(value)
    return int(text) if text.isdecimal() and int(text) in SCORES else None


def tallies_of(session: Session, *, survey: Survey) -> dict[str, dict[int, int]]:
    """Per statement, how many gave each score."""
    found: dict[str, dict[int, int]] = {}
    for tally in session.scalars(select(Tally).where(Tally.survey_id == survey.id)):
        found.setdefault(tally.question, {})[tally.score] = tally.count
    return found


def texts_of(session: Session, *, survey: Survey) -> dict[str, list[str]]:
    """Per free-text question, the texts (in the order of their random ids)."""
    found: dict[str, list[str]] = {}
    for text in session.scalars(select(FreeText).where(FreeText.survey_id == survey.id).order_by(FreeText.id)):
        found.setdefault(text.question, []).append(text.text)
    return found


def close_survey(session: Session, *, survey: Survey) -> None:
    """Count what waits and close the survey."""
    count_ballots(session, survey=survey)
    survey.status = CLOSED
    session.flush()


def not_answered(session: Session, *, survey: Survey) -> Sequence[Respondent]:
    """Those asked who have not answered."""
    stmt = select(Respondent).where(Respondent.survey_id == survey.id, Respondent.has_answered.is_(False))
    return session.scalars(stmt.order_by(Respondent.id)).all()
