"""Scheduled work answers no request, so each message it makes names the workspace whose token delivers it:
every tick (paused conversations, meeting reminders and minutes, automatic summaries, plan reminders)."""

from collections.abc import Callable
from datetime import timedelta

import pytest

from bot.scheduler import SYSTEM
from bot.services import Services
from handlers.context import Actor, Ctx
from handlers.meetings import reminders as meeting_reminders
from handlers.plans.reminders import due_reminders
from handlers.plans.template_loader import find_template
from handlers.replies import Send
from handlers.summaries.automatic import due_summaries
from storage import meetings as meetings_repo
from storage import plans as plans_repo
from storage.conversations import ConversationKey
from storage.groups import upsert_member
from tests.conftest import FakeClock
from tests.handlers.test_engine import FLOW
from tests.support.case_factory import make_group

TEAM = "T0OTHER"  # not the workspace of anything the scheduler's actor names: it names none
Tick = Callable[[Ctx], list[Send]]


@pytest.fixture
def due_everything(services: Services, clock: FakeClock) -> Services:
    """A workspace where, a day from now, every kind of scheduled work is due."""
    services.router.engine.flows[FLOW.name] = FLOW
    key = ConversationKey(TEAM, "UANNA")
    services.handle(Actor(TEAM, "UANNA"), lambda ctx: services.router.engine.start(ctx, key, FLOW.name))
    then = clock.now
    clock.advance(hours=25)
    with services.db.unit_of_work() as session:
        group = make_group(session, name="Sandviken", channel="CSANDVIKEN", team=TEAM)
        upsert_member(session, group=group, user_id="UANNA", party="kommun", roles=["sammankallande"])
        soon = clock.now + timedelta(days=2)  # a reminder (7 days before) and the summary (3 days before) are due
        ended = clock.now - timedelta(hours=3)
        for start in (soon, ended):
            meetings_repo.create_meeting(
                session,
                group=group,
                starts_at=start,
                ends_at=start + timedelta(hours=2),
                place="Rådhuset",
                convenor="UANNA",
                minute_taker="UANNA",
                now=then - timedelta(days=30),
            )
        template = find_template("verksamhetsplan")
        assert template is not None
        plans_repo.create_plan(
            session,
            group=group,
            template=template.key,
            year=2027,
            deadline=(clock.now + timedelta(days=5)).date(),
            section_keys=[s.key for s in template.sections],
            created_by="UANNA",
            now=then - timedelta(days=30),
        )
    return services


@pytest.mark.parametrize(
    "tick",
    [
        pytest.param(lambda ctx: ctx.engine.pause_idle(ctx), id="paused-conversation"),
        pytest.param(meeting_reminders.send_reminders, id="meeting-reminder"),
        pytest.param(meeting_reminders.close_ended, id="meeting-held"),
        pytest.param(due_summaries, id="automatic-summary"),
        pytest.param(due_reminders, id="plan-reminder"),
    ],
)
def test_every_message_of_a_tick_names_its_workspace(due_everything: Services, tick: Tick) -> None:
    sends = due_everything.handle(Actor("", SYSTEM), tick)
    assert sends, "nothing was due: the test would prove nothing"
    assert {send.team_id for send in sends} == {TEAM}


def test_the_routers_tick_runs_them_all(due_everything: Services) -> None:
    sends = due_everything.handle(Actor("", SYSTEM), due_everything.router.tick)
    assert len(sends) >= 5 and all(send.team_id == TEAM for send in sends)
