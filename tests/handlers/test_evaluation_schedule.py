"""The evaluation's scheduled work: counting waiting ballots, reminders to those missing, closing on its own."""

from sqlalchemy import func, select

from bot.services import Services
from handlers.conversation.actions import ConvAction, OfferChoice
from handlers.evaluation.names import EvaluationAction
from handlers.replies import Buttons, To
from storage.evaluation_models import Ballot, Tally
from tests.conftest import FakeClock
from tests.handlers.evaluation_helpers import STATEMENTS, answer, due, scores, started
from tests.handlers.test_meetings_schedule import ANNA, BERTIL, CECILIA, DAVID, HEBY
from tests.support.chat import asked, command, dm, press, stored_state
from tests.support.talk import text_of


def waiting(services: Services) -> int:
    with services.db.unit_of_work() as session:
        return int(session.scalar(select(func.count()).select_from(Ballot)) or 0)


def counted(services: Services) -> int:
    with services.db.unit_of_work() as session:
        return int(session.scalar(select(func.sum(Tally.count))) or 0)


def test_a_lone_ballot_waits_and_two_are_counted_together(services: Services) -> None:
    started(services)
    answer(services, BERTIL, scores("4"))
    due(services)
    assert (waiting(services), counted(services)) == (1, 0)
    answer(services, CECILIA, scores("2"))
    due(services)
    assert (waiting(services), counted(services)) == (0, 2 * len(STATEMENTS))


def test_reminders_go_once_to_those_who_have_not_answered_with_a_button_to_answer(
    services: Services, clock: FakeClock
) -> None:
    started(services, "2 december")  # nine days ahead of Monday 23 November
    answer(services, BERTIL, scores("4"))
    assert due(services) == []
    clock.advance(days=2)  # seven days before the close
    reminders = [s for s in due(services) if "evaluation.reminder" in str(s.reply)]
    assert {s.user_id for s in reminders if s.to == To.USER} == {ANNA, CECILIA, DAVID}
    assert "inte svarat på utvärderingen av LOKUS Heby" in text_of(reminders)
    assert "om 7 dagar" in text_of(reminders)
    assert not any("evaluation.reminder" in str(s.reply) for s in due(services))  # claimed: once
    button = next(p for s in reminders for p in s.reply.parts if isinstance(p, Buttons)).buttons[0]
    assert button.action == EvaluationAction.ANSWER
    dm(services, DAVID, "avbryt")
    again = press(services, DAVID, button.action, button.value)
    assert asked(services, DAVID) is not None and asked(services, DAVID).question == STATEMENTS[0]  # type: ignore[union-attr]
    assert again


def test_it_closes_by_itself_after_its_last_day_and_ends_unfinished_answers(
    services: Services, clock: FakeClock
) -> None:
    started(services, "25 november")
    for user, score in ((ANNA, "5"), (BERTIL, "4"), (CECILIA, "3")):
        answer(services, user, scores(score))
    dm(services, DAVID, "1")  # begun, never finished
    clock.advance(days=2)  # Wednesday: the last day is today, still open
    assert not any(s.to == To.CHANNEL for s in due(services))
    clock.advance(days=1)
    posted = due(services)
    channel = [s for s in posted if s.to == To.CHANNEL]
    assert len(channel) == 1 and channel[0].channel_id == HEBY and channel[0].team_id
    assert "Medelvärde *4* (3 svar) · 1: 0 · 2: 0 · 3: 1 · 4: 1 · 5: 1" in text_of(channel)
    status, state = stored_state(services, DAVID)
    assert state.active is None and status == "cancelled"
    assert due(services) == []
    assert "Ingen utvärdering pågår" in text_of(command(services, ANNA, "utvärdering status", HEBY))


def test_answers_put_aside_for_another_conversation_are_gone_when_it_closes(services: Services) -> None:
    started(services)
    dm(services, DAVID, "1")
    offered = text_of(command(services, DAVID, "ärende", HEBY))
    assert "Du har inte gjort klart utvärderingen" in offered
    press(services, DAVID, ConvAction.OFFER, OfferChoice.SET_ASIDE)
    _, state = stored_state(services, DAVID)
    assert state.active is not None and state.active.flow == "case"
    assert [p.answers for p in state.aside] == [{STATEMENTS[0]: "1"}]
    command(services, ANNA, "utvärdering avsluta", HEBY)
    _, state = stored_state(services, DAVID)
    assert state.aside == [] and state.active is not None and state.active.flow == "case"
