"""Every free-text answer the bot stores refuses identity written around the check: the meeting's place, the
minutes, a plan section, an approval's printed name and organisation, a follow-up note, a case's unit.

Each is asked again after a refusal, keeps nothing of what was refused, and takes an ordinary answer after.
"""

from collections.abc import Callable

import pytest

from bot.services import Services
from handlers.cases.actions import CaseAction
from handlers.plans.names import PlanAction, pack
from handlers.replies import Send
from tests.conftest import FakeClock
from tests.handlers import test_meetings_reminders as reminders
from tests.handlers import test_meetings_schedule as meetings
from tests.handlers import test_plan_helpers as plans
from tests.handlers.test_cases_helpers import (
    CASE_ANSWERS,
    HEBY,
    answer_flow,
    button,
    everything_stored,
    make_group,
    register_by_chat,
)
from tests.handlers.test_cases_helpers import command as case_command
from tests.handlers.test_cases_helpers import dm as case_dm
from tests.handlers.test_cases_helpers import press as case_press
from tests.support.talk import text_of

DODGED = [
    "811218-9877",
    "8503\u200b12-1231",
    "８５０３１２-１２３１",
    "85 03 12 - 12 31",
    "85.03.12-1231",
    "070.123.45.67",
    "zoltan [at] zqxw [dot] se",
    "zoltan @ zqxw.se",
]
Say = Callable[[str], list[Send]]


def _refuses_each_then_takes(say: Say, services: Services, ordinary: str) -> str:
    """Every dodged identity is refused and not quoted; then the ordinary answer is taken. Its reply's text."""
    for identity in DODGED:
        refused = text_of(say(f"Text {identity}"))
        assert "inte sparat" in refused and identity not in refused and "zqxw" not in refused, identity
    taken = text_of(say(ordinary))
    assert "inte sparat" not in taken
    stored = everything_stored(services)
    assert not any(identity in stored for identity in DODGED) and "zqxw" not in stored and "Text " not in stored
    return taken


def _anna_writes(services: Services) -> Say:
    return lambda text: meetings.dm(services, meetings.ANNA, text)


def test_the_meetings_place(services: Services) -> None:
    meetings.setup_group(services)
    assert "Var hålls mötet?" in text_of(
        meetings.command(services, meetings.ANNA, "möte tisdag nästa vecka kl 13", meetings.HEBY)
    )
    taken = _refuses_each_then_takes(
        lambda text: meetings.dm(services, meetings.ANNA, text), services, "Kommunhuset, sal 3"
    )
    assert "Hur länge" in taken


def test_the_minutes(services: Services, clock: FakeClock, called: int) -> None:
    reminders.at(clock, 2026, 12, 1, 15, 0)
    reminders.due(services)
    taken = _refuses_each_then_takes(
        lambda text: meetings.dm(services, meetings.ANNA, text), services, "Beslut: ny rutin 2027."
    )
    assert "stämmer det här?" in taken


called = reminders.called


def test_a_plan_section(services: Services) -> None:
    plans.heby(services)
    plans.command(services, plans.ANNA, "plan ny verksamhetsplan 2028")
    plan = plans.the_plan(services)
    plans.press(services, plans.BERTIL, PlanAction.WRITE, pack(plan.id, "mal"))
    taken = _refuses_each_then_takes(
        lambda text: plans.dm(services, plans.BERTIL, text), services, "Fler i arbete 2028: 34 %."
    )
    assert "stämmer det här?" in taken


@pytest.mark.parametrize("question", ["name", "organisation"])
def test_an_approvals_printed_name_and_organisation(services: Services, question: str) -> None:
    plans.heby(services)
    plans.command(services, plans.ANNA, "plan ny verksamhetsplan 2028")
    plan_id = plans.the_plan(services).id
    plans.write_verksamhetsplan(services, plan_id)
    plans.press(services, plans.BERTIL, PlanAction.APPROVE, pack(plan_id))
    if question == "organisation":
        plans.dm(services, plans.BERTIL, "Bertil Berg")

    def say(text: str) -> list[Send]:
        return plans.dm(services, plans.BERTIL, text)

    _refuses_each_then_takes(say, services, "Arbetsförmedlingen Uppsala" if question == "organisation" else "B. Berg")


def test_a_follow_up_note_and_a_cases_unit(services: Services) -> None:
    make_group(services, "Heby", HEBY, {"UANNA": "kommun samordnare"})
    register_by_chat(services)
    listed = case_command(services, "UANNA", "ärenden", HEBY)
    case_press(services, "UANNA", CaseAction.NOTE, button(listed, CaseAction.NOTE).value, HEBY)
    _refuses_each_then_takes(lambda text: case_dm(services, "UANNA", text), services, "Möte bokat 2026-12-01 kl 13-15")
    case_dm(services, "UANNA", "ja")
    case_command(services, "UANNA", "ärende", HEBY)
    answer_flow(services, "UANNA", CASE_ANSWERS, until="unit")
    _refuses_each_then_takes(lambda text: case_dm(services, "UANNA", text), services, "AME, 752 36 Uppsala")
