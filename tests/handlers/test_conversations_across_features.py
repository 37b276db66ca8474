"""Conversations of different features in one DM: none replaces another unasked, both ways round.

Heby with Anna (kommun, sammankallande), Bertil (AF), Cecilia (FK) and David (Region); a verksamhetsplan 2028
and one case of Anna's. Each conversation is started the way a person starts it: a command, a DM phrase or
a button.
"""

from collections.abc import Callable

import pytest

from bot.services import Services
from handlers.cases.actions import CaseAction
from handlers.conversation.actions import ConvAction, OfferChoice
from handlers.conversation.state import Phase
from handlers.plans.names import PlanAction, pack
from handlers.replies import Send
from tests.handlers.test_cases_helpers import CASE_ANSWERS, button, stored_cases
from tests.handlers.test_plan_helpers import MEDEL, the_plan
from tests.support.chat import active, answer_flow, command, dm, press, stored_state
from tests.support.talk import text_of

HEBY, ANNA = "CHEBY", "UANNA"
Start = Callable[[Services], list[Send]]


@pytest.fixture
def heby(services: Services) -> Services:
    command(services, ANNA, "koppla Heby", HEBY)
    for line in ("<@UANNA> kommun sammankallande", "<@UBERTIL> AF", "<@UCECILIA> FK", "<@UDAVID> region"):
        command(services, ANNA, f"medlem {line}", HEBY)
    command(services, ANNA, "plan ny verksamhetsplan 2028", HEBY)
    command(services, ANNA, "ärende", HEBY)
    answer_flow(services, ANNA, CASE_ANSWERS)
    return services


def start_case(services: Services) -> list[Send]:
    return dm(services, ANNA, "nytt ärende")


def start_section(services: Services) -> list[Send]:
    return press(services, ANNA, PlanAction.WRITE, pack(the_plan(services).id, "medel"))


def start_meeting(services: Services) -> list[Send]:
    return command(services, ANNA, "möte", HEBY)


def start_note(services: Services) -> list[Send]:
    listed = command(services, ANNA, "ärenden", HEBY)
    return press(services, ANNA, CaseAction.NOTE, button(listed, CaseAction.NOTE, 1).value, HEBY)


STARTS: dict[str, Start] = {
    "case": start_case,
    "section": start_section,
    "meeting": start_meeting,
    "note": start_note,
}
FIRST_ANSWER = {"case": "igår", "section": "Samverkanskoordinator", "meeting": "torsdag kl 13", "note": "Ringt AF"}
NOUN = {
    "case": "lots-ärendet",
    "section": "avsnittet ”Medel”",
    "meeting": "kallelsen till mötet",
    "note": "anteckningen",
}


@pytest.mark.parametrize("second", list(STARTS))
@pytest.mark.parametrize("first", list(STARTS))
def test_a_second_conversation_never_silently_replaces_the_first(heby: Services, first: str, second: str) -> None:
    STARTS[first](heby)
    dm(heby, ANNA, FIRST_ANSWER[first])
    before = active(heby, ANNA)
    assert len(before.answers) == 1
    reply = text_of(STARTS[second](heby))
    after = active(heby, ANNA)
    assert after == before, "the first conversation stands as it was"
    if first == second:
        assert "redan påbörjat" in reply
        return
    assert f"Du har inte gjort klart {NOUN[first]} (" in reply and NOUN[second] in reply
    assert stored_state(heby, ANNA)[1].offer is not None


def test_a_case_while_a_plan_section_is_open_and_the_section_after(heby: Services) -> None:
    start_section(heby)
    answer_flow(heby, ANNA, MEDEL, until="resurser.1.tidsperiod")
    start_case(heby)
    assert "Nu registrerar vi ett lots-ärende" in text_of(dm(heby, ANNA, "börja"))
    saved = text_of(answer_flow(heby, ANNA, CASE_ANSWERS))
    assert "Ärende #2 registrerat" in saved and "Du har också påbörjat avsnittet ”Medel”" in saved
    assert "Rad 1: Tidsperiod (under året)?" in text_of(press(heby, ANNA, ConvAction.RESUME, ""))
    answer_flow(heby, ANNA, MEDEL)
    rows = the_plan(heby).sections[5].answers["resurser"]
    assert [(r["resurs"], r["procent"]) for r in rows] == [("Samverkanskoordinator", 75), ("Tilläggsresurs", 50)]


def test_a_plan_section_while_a_case_is_open_and_the_case_after(heby: Services) -> None:
    start_case(heby)
    answer_flow(heby, ANNA, CASE_ANSWERS, until="gender")
    assert "Du har inte gjort klart lots-ärendet (fråga 4 av" in text_of(start_section(heby))
    assert "Medel – Verksamhetsplan 2028 – Heby" in text_of(press(heby, ANNA, ConvAction.OFFER, OfferChoice.SET_ASIDE))
    saved = text_of(answer_flow(heby, ANNA, MEDEL))
    assert "Avsnittet ”Medel”" in saved and "Du har också påbörjat lots-ärendet (fråga 4 av" in saved
    assert "Personens kön?" in text_of(dm(heby, ANNA, "fortsätt"))
    answer_flow(heby, ANNA, {**CASE_ANSWERS, "gender": "man"})
    assert [(c.number, c.unit, c.gender) for c in stored_cases(heby)] == [(1, "AME", "kvinna"), (2, "AME", "man")]


def test_a_meeting_while_a_case_ends_the_case_only_when_chosen(heby: Services) -> None:
    start_case(heby)
    answer_flow(heby, ANNA, CASE_ANSWERS, until="unit")
    start_meeting(heby)
    assert "När ska mötet vara?" in text_of(dm(heby, ANNA, "avsluta"))
    state = stored_state(heby, ANNA)[1]
    assert state.aside == [] and state.active is not None and state.active.flow == "meeting"
    assert len(stored_cases(heby)) == 1


def test_a_follow_up_note_while_a_meeting_is_called_and_the_meeting_after(heby: Services) -> None:
    command(heby, ANNA, "möte tisdag nästa vecka kl 13", HEBY)
    dm(heby, ANNA, "Kommunhuset")
    assert "Du har inte gjort klart kallelsen till mötet" in text_of(start_note(heby))
    assert "Anteckning till ärende #1" in text_of(dm(heby, ANNA, "2"))
    saved = text_of(answer_flow(heby, ANNA, {"text": "Ringt AF om läget."}))
    assert "Anteckningen är sparad" in saved and "Du har också påbörjat kallelsen till mötet (fråga 3 av" in saved
    assert stored_cases(heby)[0].notes[0].text == "Ringt AF om läget."
    resumed = text_of(dm(heby, ANNA, "fortsätt"))
    assert "Hur länge håller mötet?" in resumed
    done = text_of(answer_flow(heby, ANNA, {"minute_taker": "jag"}))
    assert "Klart! Mötet för *Heby* är tisdag 1 december 2026 kl. 13.00–15.00." in done


# -- every flow's confirmation, by text, and yes/no questions by number --------------------------------------


def case_summary(services: Services) -> None:
    start_case(services)
    answer_flow(services, ANNA, CASE_ANSWERS, confirm=None)


def note_summary(services: Services) -> None:
    start_note(services)
    answer_flow(services, ANNA, {"text": "Ringt AF."}, confirm=None)


def meeting_summary(services: Services) -> None:
    command(services, ANNA, "möte torsdag kl 13", HEBY)
    answer_flow(services, ANNA, {"place": "Kommunhuset", "minute_taker": "jag"}, confirm=None)


def section_summary(services: Services) -> None:
    start_section(services)
    answer_flow(services, ANNA, MEDEL, confirm=None)


SUMMARIES: dict[str, Callable[[Services], None]] = {
    "case": case_summary,
    "note": note_summary,
    "meeting": meeting_summary,
    "section": section_summary,
}
SAVED_SAYS = {
    "case": "Ärende #2 registrerat",
    "note": "Anteckningen är sparad",
    "meeting": "Klart! Mötet för *Heby*",
    "section": "Avsnittet ”Medel”",
}


@pytest.mark.parametrize("yes", ["ja", "Japp!", "jajamän", "j", "absolut"])
@pytest.mark.parametrize("flow", list(SUMMARIES))
def test_yes_at_every_flows_confirmation_saves(heby: Services, flow: str, yes: str) -> None:
    SUMMARIES[flow](heby)
    assert active(heby, ANNA).phase == Phase.CONFIRM
    assert SAVED_SAYS[flow] in text_of(dm(heby, ANNA, yes))
    assert stored_state(heby, ANNA)[1].active is None


@pytest.mark.parametrize("no", ["nej", "nej tack", "absolut inte", "n"])
@pytest.mark.parametrize("flow", list(SUMMARIES))
def test_no_at_every_flows_confirmation_saves_nothing_and_asks_what_to_change(
    heby: Services, flow: str, no: str
) -> None:
    SUMMARIES[flow](heby)
    reply = text_of(dm(heby, ANNA, no))
    assert "Vilket svar vill du ändra?" in reply and SAVED_SAYS[flow] not in reply
    assert active(heby, ANNA).phase == Phase.CONFIRM


@pytest.mark.parametrize(("typed", "meant"), [("1", True), ("2", False), ("j", True), ("nej tack", False)])
def test_the_cases_yes_no_question_by_number_and_word(heby: Services, typed: str, meant: bool) -> None:
    start_case(heby)
    answer_flow(heby, ANNA, {**CASE_ANSWERS, "referred_tr": typed})
    assert stored_cases(heby)[-1].referred_tr is meant
