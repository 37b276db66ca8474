"""Text typed at the summary is never silently dropped: yes, no, a change, a new answer, or a clear note."""

import pytest

from bot.catalogue import label_names
from bot.services import Services
from handlers.conversation.actions import ConvAction, pack
from handlers.conversation.state import Phase
from handlers.router import Feature, Router
from tests.handlers.test_engine import ANNA, FLOW, KEY, SAVED, TYPED
from tests.handlers.test_engine_switching import SIGN, SIGNED
from tests.support.chat import active, answer_flow, dm, press
from tests.support.talk import actor, run, text_of


@pytest.fixture
def at_summary(services: Services) -> Services:
    """The test flow answered (red, so "why" is asked) and its summary shown."""
    SAVED.clear()
    SIGNED.clear()
    services.router = Router([Feature(flows=(FLOW, SIGN))])
    run(services, actor(), lambda ctx: ctx.engine.start(ctx, KEY, "test"))
    answer_flow(services, ANNA, TYPED, confirm=None)
    assert active(services, ANNA).phase == Phase.CONFIRM
    return services


@pytest.mark.parametrize("typed", ["ja", "Japp!", "jajamän", "j", "absolut", "ja tack", "stämmer", "spara"])
def test_yes_in_the_words_people_use_saves(at_summary: Services, typed: str) -> None:
    assert "SPARAT" in text_of(dm(at_summary, ANNA, typed))
    assert len(SAVED) == 1


@pytest.mark.parametrize("typed", ["nej", "nej tack", "n", "absolut inte", "Nä."])
def test_no_saves_nothing_and_asks_what_to_change(at_summary: Services, typed: str) -> None:
    reply = text_of(dm(at_summary, ANNA, typed))
    assert "Vilket svar vill du ändra?" in reply and "1) lokusbot" in reply
    assert SAVED == [] and active(at_summary, ANNA).phase == Phase.CONFIRM


def test_a_number_asks_that_question_again(at_summary: Services) -> None:
    reply = text_of(dm(at_summary, ANNA, "2"))
    assert "tidigare svar var" in reply and active(at_summary, ANNA).current == "colour"


@pytest.mark.parametrize("typed", ["ändra 2 till blå", "ändra colour till blå", "colour: blå", "Ändra 2: blå"])
def test_a_change_with_its_new_answer_is_made_and_said(at_summary: Services, typed: str) -> None:
    reply = text_of(dm(at_summary, ANNA, typed))
    progress = active(at_summary, ANNA)
    assert progress.answers["colour"] == "blue" and progress.phase == Phase.CONFIRM
    assert "Ändrat:" in reply and "är nu" in reply and "stämmer det här?" in reply
    dm(at_summary, ANNA, "ja")
    assert "why" not in SAVED[0], "red's question no longer applies"


def test_a_change_that_does_not_parse_changes_nothing_and_says_why(at_summary: Services) -> None:
    reply = text_of(dm(at_summary, ANNA, "ändra 2 till lila"))
    assert "Inget ändrades" in reply and "finns inte bland alternativen" in reply
    assert active(at_summary, ANNA).answers["colour"] == "red"


def test_a_plain_new_answer_only_one_question_takes_replaces_it(at_summary: Services) -> None:
    reply = text_of(dm(at_summary, ANNA, "300 tkr"))
    assert "300 000 kr" in reply and "var 450 000 kr" in reply
    assert active(at_summary, ANNA).answers["cost"] == 300_000


def test_a_plain_answer_several_questions_could_take_is_placed_by_the_person(at_summary: Services) -> None:
    """ "blå" is a colour and also a shade: the bot asks which, and changes only that one."""
    asked = text_of(dm(at_summary, ANNA, "blå"))
    assert "Vilket svar ska det du skrev ersätta?" in asked
    assert active(at_summary, ANNA).answers["colour"] == "red"
    placed = text_of(press(at_summary, ANNA, ConvAction.PLACE, pack("shades")))
    assert "Ändrat:" in placed and active(at_summary, ANNA).answers["shades"] == ["blue"]
    assert active(at_summary, ANNA).answers["colour"] == "red"


def test_text_no_question_takes_is_answered_with_how_to_change(at_summary: Services) -> None:
    dm(at_summary, ANNA, "ändra 2 till grön")  # no "why" any more: no free-text question at all
    reply = text_of(dm(at_summary, ANNA, "vet inte riktigt"))
    assert "Inget ändrades" in reply and "ändra 3 till" in reply and "stämmer det här?" in reply
    assert SAVED == []


def test_identity_typed_at_the_summary_is_refused_and_not_kept(at_summary: Services) -> None:
    reply = text_of(dm(at_summary, ANNA, "19121212-1212"))
    assert "personnummer" in reply and "1212" not in reply
    assert active(at_summary, ANNA).proposal is None


def test_two_free_text_answers_the_person_says_which_one_is_new(services: Services) -> None:
    """The approval's case: name and organisation are both text, so "Region Uppsala" could be either."""
    SIGNED.clear()
    services.router = Router([Feature(flows=(FLOW, SIGN))])
    answers = {"name": "Anna Ahl", "organisation": "Heby kommun"}
    run(services, actor(), lambda ctx: ctx.engine.start(ctx, KEY, "sign", answers=answers))
    asked = text_of(dm(services, ANNA, "Region Uppsala"))
    assert "1) Namnförtydligande" in asked and "2) Organisation" in asked
    press(services, ANNA, ConvAction.PLACE, pack("organisation"))
    dm(services, ANNA, "ja")
    assert SIGNED == [{"name": "Anna Ahl", "organisation": "Region Uppsala"}]


def test_questions_are_named_by_their_label(services: Services) -> None:
    SIGNED.clear()
    services.router = Router([Feature(flows=(FLOW, SIGN))])
    services.router.engine.use_names(label_names())
    answers = {"name": "Anna Ahl", "organisation": "Heby kommun"}
    run(services, actor(), lambda ctx: ctx.engine.start(ctx, KEY, "sign", answers=answers))
    dm(services, ANNA, "ändra organisation till Region Uppsala")
    dm(services, ANNA, "namn: Anna Andersson")
    dm(services, ANNA, "ja")
    assert SIGNED == [{"name": "Anna Andersson", "organisation": "Region Uppsala"}]


def test_a_change_to_the_same_answer_says_nothing_changed(at_summary: Services) -> None:
    reply = text_of(dm(at_summary, ANNA, "ändra 2 till röd"))
    assert "är redan" in reply and "inget ändrades" in reply and "Ändrat" not in reply


def test_which_answer_a_text_replaces_is_said_by_number_or_name(services: Services) -> None:
    SIGNED.clear()
    services.router = Router([Feature(flows=(FLOW, SIGN))])
    services.router.engine.use_names(label_names())
    answers = {"name": "Anna Ahl", "organisation": "Heby kommun"}
    run(services, actor(), lambda ctx: ctx.engine.start(ctx, KEY, "sign", answers=answers))
    dm(services, ANNA, "Region Uppsala")
    assert "Ändrat:" in text_of(dm(services, ANNA, "organisation"))
    dm(services, ANNA, "Anna Andersson")
    dm(services, ANNA, "1")
    dm(services, ANNA, "ja")
    assert SIGNED == [{"name": "Anna Andersson", "organisation": "Region Uppsala"}]
