"""Acceptance probe of issue 11: what a coordinator types in a conversation is answered, and a second
conversation never silently replaces the first (the probe's findings, each a test that failed before its fix).
"""

import json
import time
import unicodedata
from pathlib import Path

import pytest

from bot.cli import main
from bot.services import Services
from handlers.cases.actions import CaseAction
from handlers.replies import Send
from tests.bot.conftest import Bot
from tests.bot.test_cli_cases import cli
from tests.bot.test_e2e_platform import blocks_text
from tests.conftest import FakeClock
from tests.handlers.test_cases_form import FILLED
from tests.handlers.test_cases_helpers import CASE_ANSWERS, button
from tests.security.boundary import link_heby
from tests.support.chat import active, answer_flow, asked, command, dm, press
from tests.support.talk import actor, run, text_of

__all__ = ["cli"]

HEBY, ANNA = "CHEBY", "UANNA"
UNEXPECTED = "Oj, något gick fel"


@pytest.fixture
def heby(services: Services) -> Services:
    """Heby, with Anna its samordnare for the kommun."""
    command(services, ANNA, "koppla Heby", HEBY)
    command(services, ANNA, "medlem <@UANNA> kommun samordnare", HEBY)
    return services


@pytest.mark.parametrize("typed", ["²", "①", "⑵", "ändra ²", "ändra ³ till man", "²: man"])
def test_a_digit_python_calls_a_digit_but_no_number_is_answered_kindly(heby: Services, typed: str) -> None:
    """str.isdigit() is true for "²" and "①", which int() refuses: typed at a choice, they were a crash."""
    dm(heby, ANNA, "nytt ärende")
    dm(heby, ANNA, "ok")
    where = asked(heby, ANNA)
    assert where is not None and where.question == "party"
    said = text_of(dm(heby, ANNA, typed, kind=True))
    assert UNEXPECTED not in said
    assert asked(heby, ANNA) == where


def test_arabic_indic_digits_pick_an_option_as_their_number(heby: Services) -> None:
    dm(heby, ANNA, "nytt ärende")
    dm(heby, ANNA, "ok")
    dm(heby, ANNA, "٣")  # 3) Region
    where = asked(heby, ANNA)
    assert where is not None and where.question == "unit"


def test_an_imported_age_written_as_a_superscript_is_a_row_error_not_a_traceback(
    cli: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "logg.csv"
    log.write_text("datum;part;kon;aldersgrupp\n2026-09-01;AF;man;2³\n", encoding="utf-8")
    assert main(["import", "cases", str(log), "--group", "Heby"]) == 1
    printed = capsys.readouterr()
    assert "Rad 2, kolumn aldersgrupp" in printed.err
    assert "Traceback" not in printed.out + printed.err


def _case_form_sent(services: Services, sends: list[Send]) -> list[Send]:
    """Fill in and send the case form of these sends, as Slack hands it back."""
    form = next(send.form for send in sends if send.form is not None)
    values = {**FILLED, "target_groups": ["nyanlanda"], "failures": ["vantetider"]}
    _, sent = run(
        services, actor(ANNA), lambda ctx: services.router.view(ctx, form.callback, values, json.loads(form.metadata))
    )
    return sent


def test_a_case_sent_by_another_form_leaves_the_case_begun_in_the_chat_and_says_so(heby: Services) -> None:
    """Registering one case by form while another is half-way in the chat threw the chat away unasked."""
    dm(heby, ANNA, "nytt ärende")
    for typed in ("ok", "fk", "psykiatrin", "kvinna", "25"):
        dm(heby, ANNA, typed)
    before = asked(heby, ANNA)
    assert before is not None and before.question == "target_groups"
    said = text_of(_case_form_sent(heby, command(heby, ANNA, "ärende form", HEBY)))
    assert "Ärende #1 registrerat" in said
    assert "är inte sparat och väntar kvar" in said
    assert asked(heby, ANNA) == before


def test_the_form_asked_for_instead_of_the_chat_still_replaces_it(heby: Services) -> None:
    started = dm(heby, ANNA, "nytt ärende")
    dm(heby, ANNA, "ok")
    form = press(heby, ANNA, CaseAction.FORM, button(started, CaseAction.FORM).value)
    said = text_of(_case_form_sent(heby, form))
    assert "Ärende #1 registrerat" in said and "väntar kvar" not in said
    assert asked(heby, ANNA) is None


def _case_at_summary(services: Services) -> None:
    dm(services, ANNA, "nytt ärende")
    answer_flow(services, ANNA, CASE_ANSWERS, confirm=None)


def test_ok_at_a_question_asked_again_keeps_its_answer(heby: Services) -> None:
    """Asked again from the summary ("3"), a text question took *ok* as its new text: the unit became "ok"."""
    _case_at_summary(heby)
    asked_again = text_of(dm(heby, ANNA, "3"))
    assert "Ditt tidigare svar var: AME" in asked_again and "Behåll AME" in asked_again
    summary = text_of(dm(heby, ANNA, "ok"))
    assert "Enhet: AME" in summary
    assert active(heby, ANNA).answers["unit"] == "AME"


def test_behall_keeps_an_answer_that_has_a_default_too(heby: Services) -> None:
    _case_at_summary(heby)
    asked_again = text_of(dm(heby, ANNA, "ändra 1"))
    assert "Använd 23 november 2026" in asked_again and "Behåll 22 november 2026" in asked_again
    dm(heby, ANNA, "behåll")
    assert active(heby, ANNA).answers["raised_on"] == "2026-11-22"


def test_going_back_from_a_question_asked_again_keeps_its_answer(heby: Services) -> None:
    """ "tillbaka" from a question asked again left it unanswered, and its earlier answer was gone."""
    _case_at_summary(heby)
    dm(heby, ANNA, "ändra 2")
    dm(heby, ANNA, "tillbaka")
    assert active(heby, ANNA).answers["party"] == "af"


def test_a_plan_section_asked_again_keeps_its_text_with_ok(heby: Services) -> None:
    command(heby, ANNA, "plan ny verksamhetsplan 2028", HEBY)
    command(heby, ANNA, "plan svara mål", HEBY)
    answer_flow(heby, ANNA, {"mal": "Färre ärenden mellan stolarna"}, confirm="ja")
    command(heby, ANNA, "plan svara mål", HEBY)
    dm(heby, ANNA, "ändra 1")
    assert "2028?: Färre ärenden mellan stolarna" in text_of(dm(heby, ANNA, "ok"))


def _meeting_at_summary(services: Services) -> None:
    command(services, ANNA, "möte tisdag nästa vecka kl 13", HEBY)  # tisdag 1 december 2026
    answer_flow(services, ANNA, {"place": "Kommunhuset", "length": "ok", "minute_taker": "jag"}, confirm=None)


def test_a_new_time_alone_at_the_summary_keeps_the_meetings_day(heby: Services) -> None:
    """ "ändra när till kl 14" moved the meeting of tisdag 1 december to the next 14.00 from now (måndag)."""
    _meeting_at_summary(heby)
    changed = text_of(dm(heby, ANNA, "ändra när till kl 14"))
    assert "är nu tisdag 1 december 2026 kl. 14.00" in changed


def test_a_new_day_alone_at_the_summary_keeps_the_meetings_time(heby: Services) -> None:
    _meeting_at_summary(heby)
    changed = text_of(dm(heby, ANNA, "ändra när till torsdag nästa vecka"))
    assert "är nu torsdag 3 december 2026 kl. 13.00" in changed


NOT_YET = "found by the acceptance probe of issue 11; needs a design decision, see the probe's report"


def test_a_correction_starting_with_no_at_the_summary_is_not_a_new_place(heby: Services) -> None:
    _meeting_at_summary(heby)
    dm(heby, ANNA, "nej, kl 14 istället")
    assert active(heby, ANNA).answers["place"] == "Kommunhuset"


def test_a_label_no_question_has_at_the_summary_is_not_a_new_place(heby: Services) -> None:
    _meeting_at_summary(heby)
    dm(heby, ANNA, "tid: onsdag kl 10")
    assert active(heby, ANNA).answers["place"] == "Kommunhuset"


@pytest.mark.parametrize(
    "typed",
    ["boka möte tisdag nästa vecka kl 13", "Boka möte på tisdag kl 13", "möte tisdag kl 13", "nytt möte tisdag kl 13"],
)
def test_a_command_word_with_its_argument_interrupts_a_question_it_cannot_answer(heby: Services, typed: str) -> None:
    dm(heby, ANNA, "nytt ärende")
    dm(heby, ANNA, "ok")
    said = text_of(dm(heby, ANNA, typed))
    assert "Du har inte gjort klart lots-ärendet" in said
    assert active(heby, ANNA).flow == "case" and active(heby, ANNA).current == "party"  # nothing answered by it
    begun = text_of(dm(heby, ANNA, "börja"))
    assert active(heby, ANNA).flow == "meeting"
    assert "kl. 13.00" in begun, "the wish's own words (the time) are not lost on the way"
    assert UNEXPECTED not in said + begun


def test_a_command_word_with_a_past_day_is_no_meeting_to_call(heby: Services) -> None:
    """ "möte igår" is something that happened: at the case's date it is no wish to call a meeting."""
    dm(heby, ANNA, "nytt ärende")
    said = text_of(dm(heby, ANNA, "möte igår"))
    assert "Du har inte gjort klart" not in said and active(heby, ANNA).flow == "case"


def test_a_command_word_with_its_argument_interrupts_a_paused_conversation(heby: Services, clock: FakeClock) -> None:
    """A paused conversation does not use what is typed to it, so the wish is not lost to it."""
    dm(heby, ANNA, "nytt ärende")
    dm(heby, ANNA, "ok")
    clock.advance(hours=25)
    run(heby, actor(), lambda ctx: ctx.engine.pause_idle(ctx))
    said = text_of(dm(heby, ANNA, "boka möte tisdag kl 13"))
    assert "Du har inte gjort klart lots-ärendet" in said


def test_the_command_word_of_the_meeting_at_its_own_time_question_answers_it(heby: Services) -> None:
    """ "möte fredag kl 13" at "När ska mötet vara?" is its answer, not a second meeting."""
    dm(heby, ANNA, "boka möte")
    assert active(heby, ANNA).current == "when"
    said = text_of(dm(heby, ANNA, "möte fredag kl 13"))
    assert "Jag förstod inte" not in said and "inte använt" not in said and "inte gjort klart" not in said
    assert active(heby, ANNA).current == "place" and "when" in active(heby, ANNA).answers


def test_a_command_word_at_a_free_text_question_is_its_answer(heby: Services) -> None:
    """At a question any text answers ("Beskriv …"), "möte med handläggaren …" is what happened, not a wish."""
    dm(heby, ANNA, "nytt ärende")
    answer_flow(heby, ANNA, {**CASE_ANSWERS}, until="failure_text")
    dm(heby, ANNA, "möte med handläggaren dröjde tre veckor")
    progress = active(heby, ANNA)
    assert progress.flow == "case" and progress.answers["failure_text"] == "möte med handläggaren dröjde tre veckor"


def test_a_command_word_with_a_time_at_the_summary_offers_the_meeting_and_keeps_the_case(heby: Services) -> None:
    """At the summary the bot waits for *ja*, *ändra* or *avbryt*: "boka möte på torsdag kl 9.30" is the
    meeting, not a new Enhet (it used to ask which answer the text replaces)."""
    _case_at_summary(heby)
    said = text_of(dm(heby, ANNA, "boka möte på torsdag kl 9.30"))
    assert "Du har inte gjort klart lots-ärendet" in said and UNEXPECTED not in said
    dm(heby, ANNA, "fortsätt")
    assert active(heby, ANNA).flow == "case" and active(heby, ANNA).answers["unit"] == CASE_ANSWERS["unit"]
    assert "registrerat" in text_of(dm(heby, ANNA, "ja"))


def test_an_answer_edited_in_slack_is_not_dropped_without_a_word(bot: Bot) -> None:
    link_heby(bot)
    bot.sim.dm_message(ANNA, "nytt ärende")
    bot.fake.wait_for("chat.postMessage", count=2, predicate=lambda c: c.args.get("channel") == f"D{ANNA}")
    typed = bot.sim.message_event(ANNA, f"D{ANNA}", "igår", "im")
    bot.sim.send_event(typed)
    posted = len(
        bot.fake.wait_for("chat.postMessage", count=3, predicate=lambda c: c.args.get("channel") == f"D{ANNA}")
    )
    edited = {
        "type": "message",
        "subtype": "message_changed",
        "channel": f"D{ANNA}",
        "channel_type": "im",
        "hidden": True,
        "ts": bot.sim.new_ts(),
        "message": {**typed, "text": "förrgår", "edited": {"user": ANNA, "ts": bot.sim.new_ts()}},
        "previous_message": typed,
    }
    assert bot.sim.send_event(edited).status == 200
    told = bot.fake.wait_for(
        "chat.postMessage", count=posted + 1, timeout=5, predicate=lambda c: c.args.get("channel") == f"D{ANNA}"
    )
    assert "ändringar läser jag inte" in blocks_text(told[-1])
    unfurled = {**edited, "ts": bot.sim.new_ts(), "message": {**typed, "attachments": [{"title": "en länk"}]}}
    assert bot.sim.send_event(unfurled).status == 200  # the same text (a link's preview): nothing to say
    time.sleep(0.5)
    assert len([c for c in bot.fake.calls("chat.postMessage") if c.args.get("channel") == f"D{ANNA}"]) == posted + 1


@pytest.mark.parametrize(
    ("typed", "answered"),
    [
        ("målgrupper", "Unga utan gymnasieutbildning"),
        ("sammanfattning förra året", "förra året (2025)"),
        ("medlem <@UBERTIL> Försäkringskassan", "för Försäkringskassan"),
    ],
)
def test_a_command_pasted_in_decomposed_letters_is_understood(bot: Bot, typed: str, answered: str) -> None:
    """ "ö" as "o" and a combining diaeresis (as some programs paste it) made "målgrupper" an unknown command."""
    link_heby(bot)
    before = len(bot.fake.calls("response_url")) + len(bot.fake.calls("chat.postMessage"))
    assert bot.sim.slash_command(ANNA, HEBY, unicodedata.normalize("NFD", typed)).status == 200
    deadline = time.monotonic() + 5
    while len(bot.fake.calls("response_url")) + len(bot.fake.calls("chat.postMessage")) == before:
        assert time.monotonic() < deadline, "no answer"
        time.sleep(0.02)
    time.sleep(0.1)
    said = " ".join(blocks_text(c) for c in [*bot.fake.calls("response_url"), *bot.fake.calls("chat.postMessage")])
    assert answered in said, said
