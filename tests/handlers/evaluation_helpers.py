"""Shared steps of the evaluation tests: a group, a started survey, everyone's answers by question key."""

from datetime import UTC, datetime

from bot.scheduler import run_due
from bot.services import Services
from handlers.evaluation.survey_loader import configured_survey
from handlers.evaluation.survey_schema import AnswerKind
from handlers.replies import Send
from storage import groups as groups_repo
from storage import roles as roles_repo
from tests.handlers.test_meetings_schedule import ANNA, HEBY, setup_group
from tests.support.chat import answer_flow, command
from tests.support.talk import TEAM

FORBUND = "UFORBUND"
STATEMENTS = tuple(q.key for q in configured_survey("").questions if q.kind == AnswerKind.STATEMENT)
TEXTS = tuple(q.key for q in configured_survey("").questions if q.kind == AnswerKind.TEXT)


def scores(score: str, **texts: str) -> dict[str, str]:
    """The same answer to every statement, and the free texts given (the others skipped)."""
    return {**dict.fromkeys(STATEMENTS, score), **texts}


def started(services: Services, when: str = "15 december") -> list[Send]:
    """Heby with four members, and its evaluation started by anna, the sammankallande."""
    setup_group(services)
    return command(services, ANNA, f"utvärdering starta {when}", HEBY)


def answer(services: Services, user: str, answers: dict[str, str]) -> list[Send]:
    """The user answers the survey in their DM and confirms."""
    return answer_flow(services, user, answers)


def grant_forbund(services: Services, user: str = FORBUND) -> None:
    """Give the user the förbund role of the test workspace."""
    with services.db.unit_of_work() as session:
        workspace = groups_repo.get_or_create_workspace(session, team_id=TEAM)
        roles_repo.grant_forbund(session, workspace=workspace, user_id=user, granted_by="cli", now=datetime.now(UTC))


def due(services: Services) -> list[Send]:
    """What the scheduler sends now."""
    delivered: list[Send] = []
    run_due(services, "", delivered.extend)
    return delivered
