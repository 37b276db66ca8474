"""Two conversations at one key: the engine asks before anything is set aside, and nothing is lost unasked.

Also what stays when a handler raises mid-conversation, rows stored before revision 0008, and the router
refusing two features that claim the same name.
"""

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import pytest

from bot.services import Services
from handlers.context import Ctx
from handlers.conversation.actions import ConvAction, OfferChoice
from handlers.conversation.flow import Flow, Kind, Question
from handlers.conversation.state import Phase
from handlers.replies import Send, say, to_requester
from handlers.router import Command, DuplicateName, Feature, Router
from handlers.text import t
from storage import conversations, migrate
from tests.handlers.test_engine import ANNA, FLOW, KEY, SAVED, TYPED
from tests.support.chat import active, answer_flow, asked, dm, dm_key, press, question_count, stored_state
from tests.support.talk import actor, run, text_of

SIGNED: list[dict[str, Any]] = []


def _sign(ctx: Ctx, answers: dict[str, Any], data: Mapping[str, Any]) -> list[Send]:
    SIGNED.append(dict(answers))
    return [to_requester(say(t("plan.approve.thanks", title="SIGNERAT")))]


def _crashing_check(value: Any, env: Any) -> Any:
    if value == "krascha":
        raise RuntimeError("a bug in a check")
    return value


SIGN = Flow(
    "sign",
    t("plan.approve.flow"),
    (
        Question("name", t("plan.approve.q.name.label"), t("plan.approve.q.name"), Kind.TEXT, check=_crashing_check),
        Question("organisation", t("plan.approve.q.organisation.label"), t("plan.approve.q.organisation"), Kind.TEXT),
    ),
    _sign,
)


@pytest.fixture
def two_flows(services: Services) -> Services:
    SAVED.clear()
    SIGNED.clear()
    services.router = Router([Feature(flows=(FLOW, SIGN))])
    return services


def start(services: Services, flow: str, data: dict[str, Any] | None = None) -> list[Send]:
    return run(services, actor(), lambda ctx: ctx.engine.start(ctx, KEY, flow, data=data))


def test_a_second_conversation_asks_first_and_the_first_is_kept_and_taken_up_again(two_flows: Services) -> None:
    start(two_flows, "test")
    answer_flow(two_flows, ANNA, TYPED, until="shades")
    before = active(two_flows, ANNA)
    total, signing = question_count(two_flows, "test", {"colour": "red"}), len(SIGN.questions)
    offer = text_of(start(two_flows, "sign"))
    assert "Du har inte gjort klart" in offer and f"fråga 3 av {total}" in offer
    assert "1) Fortsätt med" in offer and "2) Börja med godkännandet av planen" in offer
    assert active(two_flows, ANNA) == before, "asking changes nothing yet"
    begun = text_of(press(two_flows, ANNA, ConvAction.OFFER, OfferChoice.SET_ASIDE))
    assert "sparar dina svar" in begun and "Namnförtydligande" not in begun and f"(fråga 1 av {signing})" in begun
    done = text_of(answer_flow(two_flows, ANNA, {"name": "Anna Ahl", "organisation": "Heby kommun"}))
    assert "SIGNERAT" in done and "Du har också påbörjat" in done and f"fråga 3 av {total}" in done
    assert SIGNED == [{"name": "Anna Ahl", "organisation": "Heby kommun"}]
    unanswered = run(two_flows, actor(), lambda ctx: ctx.engine.handle_text(ctx, KEY, "något annat"))
    assert unanswered is None, "nothing is active: the text is no answer, the router decides what it is"
    resumed = text_of(dm(two_flows, ANNA, "fortsätt"))
    assert "Välkommen tillbaka" in resumed and f"(fråga 3 av {total})" in resumed
    assert active(two_flows, ANNA).answers == before.answers
    answer_flow(two_flows, ANNA, TYPED)
    assert SAVED[0]["colour"] == "red" and SAVED[0]["why"] == TYPED["why"]


@pytest.mark.parametrize("typed", ["1", "fortsätt", "ja"])
def test_keeping_the_first_drops_only_the_offer(two_flows: Services, typed: str) -> None:
    start(two_flows, "test")
    answer_flow(two_flows, ANNA, TYPED, until="colour")
    start(two_flows, "sign")
    kept = text_of(dm(two_flows, ANNA, typed))
    assert "Då fortsätter vi" in kept and "(fråga 2 av" in kept
    _, state = stored_state(two_flows, ANNA)
    assert state.offer is None and state.aside == [] and state.active is not None and state.active.flow == "test"


def test_no_to_the_offer_asks_again_and_says_why(two_flows: Services) -> None:
    start(two_flows, "test")
    answer_flow(two_flows, ANNA, TYPED, until="colour")
    start(two_flows, "sign")
    again = text_of(dm(two_flows, ANNA, "nej"))
    assert "kan betyda båda" in again and "1) Fortsätt med" in again
    _, state = stored_state(two_flows, ANNA)
    assert state.offer is not None and state.active is not None and state.active.flow == "test"


def test_ending_the_first_is_a_choice_the_person_makes(two_flows: Services) -> None:
    start(two_flows, "test")
    answer_flow(two_flows, ANNA, TYPED, until="colour")
    start(two_flows, "sign")
    ended = text_of(dm(two_flows, ANNA, "3"))
    assert "har avslutat" in ended and f"(fråga 1 av {len(SIGN.questions)})" in ended
    _, state = stored_state(two_flows, ANNA)
    assert state.aside == [] and state.active is not None and state.active.flow == "sign"


def test_an_answer_typed_instead_of_choosing_answers_the_first(two_flows: Services) -> None:
    start(two_flows, "test")
    answer_flow(two_flows, ANNA, TYPED, until="colour")
    start(two_flows, "sign")
    dm(two_flows, ANNA, "blå")
    progress = active(two_flows, ANNA)
    assert progress.flow == "test" and progress.answers["colour"] == "blue"
    assert stored_state(two_flows, ANNA)[1].offer is None


def test_starting_the_open_conversation_again_continues_it(two_flows: Services) -> None:
    start(two_flows, "test")
    answer_flow(two_flows, ANNA, TYPED, until="ok")
    again = text_of(start(two_flows, "test"))
    assert "redan påbörjat" in again and active(two_flows, ANNA).current == "ok"


def test_starting_a_conversation_that_waits_aside_takes_it_up(two_flows: Services) -> None:
    start(two_flows, "test")
    answer_flow(two_flows, ANNA, TYPED, until="ok")
    start(two_flows, "sign")
    press(two_flows, ANNA, ConvAction.OFFER, OfferChoice.SET_ASIDE)
    dm(two_flows, ANNA, "avbryt")
    taken_up = text_of(start(two_flows, "test"))
    assert "redan påbörjat" in taken_up and active(two_flows, ANNA).current == "ok"
    assert stored_state(two_flows, ANNA)[1].aside == []


def test_a_crash_in_a_check_keeps_every_earlier_answer(two_flows: Services) -> None:
    start(two_flows, "sign")
    with pytest.raises(RuntimeError):
        dm(two_flows, ANNA, "krascha")
    progress = active(two_flows, ANNA)
    assert progress.current == "name" and progress.answers == {}
    answer_flow(two_flows, ANNA, {"name": "Anna Ahl", "organisation": "Heby kommun"}, confirm=None)
    assert active(two_flows, ANNA).phase == Phase.CONFIRM


def test_a_crash_when_saving_leaves_the_summary_with_every_answer(two_flows: Services) -> None:
    start(two_flows, "sign")
    answer_flow(two_flows, ANNA, {"name": "Anna Ahl", "organisation": "Heby kommun"}, confirm=None)

    def broken(ctx: Ctx, answers: dict[str, Any], data: Mapping[str, Any]) -> list[Send]:
        raise RuntimeError("the database went away mid-save")

    object.__setattr__(SIGN, "finish", broken)  # the flow is frozen; a crash is put in for this test only
    try:
        with pytest.raises(RuntimeError):
            dm(two_flows, ANNA, "ja")
    finally:
        object.__setattr__(SIGN, "finish", _sign)
    progress = active(two_flows, ANNA)
    assert progress.phase == Phase.CONFIRM and progress.answers == {"name": "Anna Ahl", "organisation": "Heby kommun"}
    assert "SIGNERAT" in text_of(dm(two_flows, ANNA, "ja"))


def test_a_row_stored_in_the_form_before_0008_resumes(two_flows: Services) -> None:
    """Written as the engine wrote it until now: one conversation's state at the top, "pending" for ticks."""
    legacy = {
        "answers": {"when": "2026-11-20", "colour": "red"},
        "trail": ["when", "colour"],
        "phase": "ask",
        "current": "shades",
        "pending": ["green"],
        "data": {},
    }
    with two_flows.db.unit_of_work() as session:
        conversations.save_new(session, key=dm_key(ANNA), flow="test", state=legacy, now=datetime.now(UTC))
    where = asked(two_flows, ANNA)
    assert where is not None and where.question == "shades" and where.position == 3
    dm(two_flows, ANNA, "1, 2")
    progress = active(two_flows, ANNA)
    assert progress.answers == {"when": "2026-11-20", "colour": "red", "shades": ["red", "blue"]}
    assert progress.current == "why" and stored_state(two_flows, ANNA)[1].form == 2


def test_migration_0008_rewrites_an_old_row_which_then_resumes_and_downgrades_back(two_flows: Services) -> None:
    legacy = {
        "answers": {"when": "2026-11-20"},
        "trail": ["when"],
        "phase": "ask",
        "current": "colour",
        "pending": [],
        "data": {"group_id": 7},
    }
    migrate.downgrade(two_flows.db.engine, "0007")
    with two_flows.db.unit_of_work() as session:
        conversations.save_new(session, key=dm_key(ANNA), flow="test", state=legacy, now=datetime.now(UTC))
    migrate.upgrade(two_flows.db.engine)
    with two_flows.db.unit_of_work() as session:
        row = conversations.load(session, key=dm_key(ANNA))
        assert row is not None and row.state["form"] == 2 and row.state["active"]["data"] == {"group_id": 7}
    dm(two_flows, ANNA, "röd")
    assert active(two_flows, ANNA).answers == {"when": "2026-11-20", "colour": "red"}
    migrate.downgrade(two_flows.db.engine, "0007")
    with two_flows.db.unit_of_work() as session:
        row = conversations.load(session, key=dm_key(ANNA))
        assert row is not None and row.state["answers"] == {"when": "2026-11-20", "colour": "red"}
        assert row.state["current"] == "shades" and "form" not in row.state
    migrate.upgrade(two_flows.db.engine)


def test_the_router_refuses_two_features_claiming_one_name() -> None:
    def run_(ctx: Ctx, args: str) -> list[Send]:
        return []

    def act(ctx: Ctx, action: str, value: str, selected: list[str]) -> list[Send]:
        return []

    with pytest.raises(DuplicateName, match="command word 'möte'"):
        Router(
            [
                Feature(commands=(Command("möte", run_, t("help.möte")),)),
                Feature(commands=(Command("x", run_, t("help.möte"), words=("möte",)),)),
            ]
        )
    with pytest.raises(DuplicateName, match="flow 'test'"):
        Router([Feature(flows=(FLOW,)), Feature(flows=(FLOW,))])
    with pytest.raises(DuplicateName, match="action id 'case.new'"):
        Router([Feature(actions={"case.new": act}), Feature(actions={"case.new": act})])
    with pytest.raises(DuplicateName, match="conv"):
        Router([Feature(actions={"conv.save": act})])
    with pytest.raises(DuplicateName, match="hjälp"):
        Router([Feature(commands=(Command("hjälp", run_, t("help.möte")),))])


def test_every_name_of_the_real_bot_has_one_owner() -> None:
    from handlers.app import build_router

    router = build_router()
    assert {"case", "case_note", "meeting", "meeting_minutes", "plan_approve"} <= set(router.engine.flows)


def test_a_change_naming_no_question_is_an_answer_while_asking(two_flows: Services) -> None:
    start(two_flows, "sign")
    dm(two_flows, ANNA, "Ändra Andersson")
    assert active(two_flows, ANNA).answers == {"name": "Ändra Andersson"}, "no question is called so: an answer"


def test_what_is_typed_with_the_command_of_the_open_conversation_is_used_or_said_unused(two_flows: Services) -> None:
    assert "(fråga 1 av" in text_of(start(two_flows, "test"))
    again = text_of(run(two_flows, actor(), lambda ctx: ctx.engine.start(ctx, KEY, "test", first_answer="2026-11-20")))
    assert "Du har redan påbörjat" in again and active(two_flows, ANNA).answers["when"] == "2026-11-20"
    later = text_of(run(two_flows, actor(), lambda ctx: ctx.engine.start(ctx, KEY, "test", first_answer="blå")))
    assert "Du har redan påbörjat" in later and "(”blå”) har jag inte använt" in later
    assert active(two_flows, ANNA).answers == {"when": "2026-11-20"}, "a later question is not answered with it"
