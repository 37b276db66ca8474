"""The evaluation's commands and button as rows of the role matrix (no tests here)."""

from typing import Any

from sqlalchemy import delete, select

from handlers.evaluation.survey_loader import configured_survey
from storage import evaluation as repo
from storage.evaluation_models import Survey
from storage.models import Group
from tests.security.matrix import Cell, Row, changes, forbund, group_member, in_db, member, says
from tests.security.matrix_rows import button, slash


def starter(role: str, scope: str) -> bool:
    """The group's sammankallande, or the förbund of its workspace."""
    return scope != "otherws" and (role == "förbund" or (scope == "own" and role == "sammankallande"))


def _surveys(status: str) -> Any:
    """A fresh survey of the status in every group of the world, asking its members (none answered)."""

    def change(session: Any, cell: Cell) -> None:
        session.execute(delete(Survey))
        questions = [q.stored("sv") for q in configured_survey("").questions]
        for place in (cell.world.own, cell.world.other, cell.world.remote):
            group = session.get(Group, place.group_id)
            survey = repo.create_survey(
                session,
                group=group,
                survey_key="lokus",
                questions=questions,
                opens_on=cell.bot.services.clock().date(),
                closes_on=cell.bot.services.clock().date().replace(day=28),
                started_by="cli",
                user_ids=[m.user_id for m in group.members],
            )
            survey.status = status

    return in_db(change)


def _no_surveys(session: Any, cell: Cell) -> None:
    session.execute(delete(Survey))


def _target_survey(cell: Cell) -> str:
    with cell.bot.services.db.unit_of_work() as session:
        stmt = select(Survey.id).where(Survey.group_id == cell.target.group_id)
        return str(session.scalars(stmt).one())


EVALUATION = [
    Row(
        "command:utvärdering",
        "utvärdering starta",
        slash("utvärdering starta"),
        starter,
        changes("evaluation_surveys", "evaluation_respondents"),
        in_db(_no_surveys),
    ),
    Row(
        "command:utvärdering",
        "utvärdering status",
        slash("utvärdering status"),
        member,
        says("har svarat"),
        _surveys("open"),
    ),
    Row(
        "command:utvärdering",
        "utvärdering avsluta",
        slash("utvärdering avsluta"),
        starter,
        changes("evaluation_surveys"),
        _surveys("open"),
    ),
    Row(
        "command:utvärdering",
        "utvärdering resultat",
        slash("utvärdering resultat"),
        member,
        says(lambda cell: f"LOKUS {cell.target.name}"),
        _surveys("closed"),
    ),
    Row(
        "command:utvärdering",
        "utvärdering resultat alla",
        slash("utvärdering resultat alla"),
        forbund,
        says("alla grupper"),
        _surveys("closed"),
    ),
    Row(
        "action:evaluation.answer",
        "knapp svara på utvärderingen",
        button("evaluation.answer", _target_survey),
        group_member,
        changes("conversations"),
        _surveys("open"),
    ),
]
