"""The Home tab's read model and layout: a fixed number of queries, another workspace's groups never shown,
and Block Kit's limits kept whatever the counts."""

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event, func, select

from bot.services import Services
from handlers.cases import follow_up
from handlers.home.layout import MAX_BLOCKS, dashboard
from handlers.replies import Reply, Send, To, to_requester
from storage import groups as groups_repo
from storage.case_models import Case
from tests.support.home_world import group_with
from tests.support.talk import actor, run, text_of

ANNA = "UANNA"


@contextmanager
def counted(services: Services) -> Iterator[list[str]]:
    """Every SQL statement the engine runs inside the block."""
    statements: list[str] = []

    def note(conn: object, cursor: object, statement: str, *args: object) -> None:
        statements.append(statement)

    event.listen(services.db.engine, "before_cursor_execute", note)
    try:
        yield statements
    finally:
        event.remove(services.db.engine, "before_cursor_execute", note)


def home(services: Services, user: str = ANNA, team: str = "T0LOKUS") -> Reply:
    return services.handle(actor(user, team=team), dashboard)


def shown(reply: Reply) -> str:
    sends: list[Send] = [to_requester(reply)]
    return text_of(sends)


def test_the_dashboard_costs_the_same_few_queries_for_one_group_or_thirty(services: Services) -> None:
    with services.db.unit_of_work() as session:
        group_with(session, "Heby", ANNA, cases=5, owed=("mal",), approvals_asked=True)
    with counted(services) as one:
        home(services)
    with services.db.unit_of_work() as session:
        for number in range(29):
            group_with(session, f"Grupp {number:02d}", ANNA, cases=20, owed=("mal", "kon"), approvals_asked=True)
    with counted(services) as thirty:
        home(services)
    assert len(thirty) == len(one) <= 10, thirty


def test_only_the_requests_workspace_is_shown(services: Services) -> None:
    with services.db.unit_of_work() as session:
        group_with(session, "Heby", ANNA, cases=2)
        other = groups_repo.get_or_create_workspace(session, team_id="T0OTHER")
        elsewhere = groups_repo.create_group(session, workspace=other, name="Sandviken", channel_id="CSAND")
        groups_repo.upsert_member(session, group=elsewhere, user_id=ANNA, party="af", roles=[])
    text = shown(home(services))
    assert "Heby" in text and "Sandviken" not in text
    assert "Sandviken" in shown(home(services, team="T0OTHER")) and "Heby" not in shown(home(services, team="T0OTHER"))


def test_a_busy_member_is_summarised_within_100_parts(services: Services) -> None:
    with services.db.unit_of_work() as session:
        for number in range(30):
            group_with(session, f"Grupp {number:02d}", ANNA, cases=500 if number == 0 else 4, owed=("mal", "kon"))
    reply = home(services)
    assert len(reply.parts) <= MAX_BLOCKS
    text = shown(reply)
    assert "500. Här visas de 3 senaste" in text and "Fler grupper" in text
    assert text.count("Grupp ") >= 30  # every group at least in brief


def test_someone_in_no_group_gets_how_to_start(services: Services) -> None:
    text = shown(home(services))
    assert "Så kommer du i gång" in text and "/lokus koppla" in text


def test_a_closed_case_leaves_the_count_and_refreshes_the_home_tab(services: Services) -> None:
    with services.db.unit_of_work() as session:
        placed = group_with(session, "Heby", ANNA, cases=2)
        case_id = session.scalar(select(func.min(Case.id)).where(Case.group_id == placed.group_id))
    assert "Dina öppna lots-ärenden:* 2" in shown(home(services))
    close = f"{case_id}|arbete"
    sends = run(services, actor(ANNA), lambda ctx: follow_up.outcome_action(ctx, "case.outcome", close, []))
    assert [s.user_id for s in sends if s.to == To.HOME] == [ANNA]
    assert "Dina öppna lots-ärenden:* 1" in shown(home(services))
