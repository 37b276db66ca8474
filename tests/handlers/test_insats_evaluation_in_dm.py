"""Insatser and the evaluation asked for in the DM, in people's own words: the same as the `/lokus` commands."""

from bot.services import Services
from tests.handlers import evaluation_helpers as evaluation
from tests.handlers.insats_helpers import ANNA, APPLICATION, BERTIL, alvkarleby, the_insats
from tests.handlers.test_meetings_schedule import ANNA as HEBY_ANNA
from tests.support import chat
from tests.support.chat import dm
from tests.support.talk import text_of


def test_an_application_begun_in_the_dm_in_own_words_is_saved_and_listed(services: Services) -> None:
    alvkarleby(services)
    begun = text_of(dm(services, ANNA, "jag vill söka pengar för en ny insats"))
    assert "ansökan om medel" in begun and "Älvkarleby" in begun
    chat.answer_flow(services, ANNA, APPLICATION, kind=True)
    assert the_insats(services).name == "Lokussamordnare Älvkarleby"
    listed = text_of(dm(services, ANNA, "vilka insatser har vi?"))
    assert "Insatser i Älvkarleby" in listed and "Lokussamordnare Älvkarleby" in listed


def test_a_member_who_may_not_apply_is_told_so_in_the_dm_as_by_the_command(services: Services) -> None:
    alvkarleby(services)
    said = text_of(dm(services, BERTIL, "ny ansökan", kind=True))
    assert chat.asked(services, BERTIL) is None
    assert "sammankallande" in said or "samordnare" in said


def test_how_many_have_answered_and_the_results_are_there_in_own_words(services: Services) -> None:
    evaluation.started(services)  # every member, Anna too, has the survey's first question in the DM
    evaluation.answer(services, HEBY_ANNA, evaluation.scores("4"))
    assert "*1 av 4* har svarat" in text_of(dm(services, HEBY_ANNA, "hur många har svarat på utvärderingen?"))
    assert "*1 av 4* har svarat" in text_of(dm(services, HEBY_ANNA, "utvärdering"))
    assert "ingen avslutad utvärdering" in text_of(dm(services, HEBY_ANNA, "visa resultatet av utvärderingen"))
