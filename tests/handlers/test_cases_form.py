"""Registering a lots-ärende by form: the same questions and checks as the chat, errors on the fields."""

import json
from typing import Any

import pytest

from bot.services import Services
from handlers.cases.actions import CaseAction
from handlers.replies import Send
from storage import conversations
from storage.conversations import DM, ConversationKey
from tests.handlers.test_cases_helpers import (
    CASE_ANSWERS,
    HEBY,
    TIERP,
    answer_flow,
    button,
    choices,
    command,
    dm,
    everything_stored,
    make_group,
    press,
    stored_cases,
)
from tests.support.talk import TEAM, actor, run, text_of

FILLED = {
    "raised_on": "2026-11-20",
    "party": "af",
    "unit": "AME",
    "gender": "kvinna",
    "age_band": "25-29",
    "target_groups": ["nyanlanda", "psykisk_ohalsa"],
    "failures": ["vantetider"],
    "failure_text": "Väntat på beslut",
    "referred_tr": "ja",
    "note": None,
}


@pytest.fixture
def heby(services: Services) -> Services:
    make_group(services, "Heby", HEBY, {"UANNA": "kommun samordnare"})
    return services


def submit(
    services: Services, sends: list[Send], values: dict[str, Any], user: str = "UANNA", metadata: str | None = None
) -> tuple[dict[str, Any], list[Send]]:
    [send] = sends
    assert send.form is not None
    form = send.form
    data = json.loads(form.metadata if metadata is None else metadata)  # what the front door vouches for
    return run(services, actor(user), lambda ctx: services.router.view(ctx, form.callback, values, data))


def test_the_form_has_every_question_and_saves_a_case(heby: Services) -> None:
    sends = command(heby, "UANNA", "ärende form", HEBY)
    form = sends[0].form
    assert form is not None and form.callback == "form.case"
    assert [f.key for f in form.fields] == list(FILLED)
    assert [f.kind for f in form.fields] == [
        "date",
        "choice",
        "text",
        "choice",
        "choice",
        "multi",
        "multi",
        "text",
        "yes_no",
        "text",
    ]
    assert form.fields[0].initial == "2026-11-23" and [f.optional for f in form.fields].count(True) == 3
    assert json.loads(form.metadata)["via"] == "form"
    assert "bara i Slack" in text_of(sends), "the console shows the fallback"
    errors, saved = submit(heby, sends, FILLED)
    assert errors == {} and "Ärende #1 registrerat för LOKUS Heby" in text_of(saved)
    [case] = stored_cases(heby)
    assert (case.party, case.unit, case.referred_tr, case.note) == ("af", "AME", True, "")
    assert [t.code for t in case.target_groups] == ["nyanlanda", "psykisk_ohalsa"]


def test_errors_are_shown_on_the_fields_and_nothing_is_saved(heby: Services) -> None:
    sends = command(heby, "UANNA", "ärende form", HEBY)
    bad = {
        **FILLED,
        "raised_on": "2026-12-24",
        "gender": None,
        "failure_text": "Gäller 811218-9876",
        "unit": "ring 070-123 45 67",
        "age_band": "99-100",
    }
    errors, saved = submit(heby, sends, bad)
    assert saved == []
    assert {key: text.key for key, text in errors.items()} == {
        "raised_on": "case.date_future",
        "gender": "form.required",
        "failure_text": "identity.refused",
        "unit": "identity.refused",
        "age_band": "answer.choice_unknown",
    }
    assert stored_cases(heby) == []
    assert "811218" not in everything_stored(heby)


def test_the_form_asks_which_group_when_there_are_several(heby: Services) -> None:
    make_group(heby, "Tierp", TIERP, {"UCECILIA": "FK", "UANNA": "kommun"})
    picker = dm(heby, "UANNA", "nytt ärende")
    asked = press(heby, "UANNA", CaseAction.FORM, button(picker, CaseAction.FORM).value)
    [options] = choices(asked)
    tierp = next(o.value for o in options.options if o.label == "Tierp")
    form_sends = press(heby, "UANNA", CaseAction.FORM, tierp)
    errors, saved = submit(heby, form_sends, FILLED)
    assert errors == {} and "registrerat för LOKUS Tierp" in text_of(saved)


def test_a_form_for_someone_elses_group_is_refused(heby: Services) -> None:
    make_group(heby, "Tierp", TIERP, {"UCECILIA": "FK"})
    sends = command(heby, "UCECILIA", "ärende form", TIERP)
    heby_metadata = json.dumps({"group_id": 1, "via": "form"})
    errors, saved = submit(heby, sends, FILLED, user="UCECILIA", metadata=heby_metadata)
    assert saved == [] and errors["raised_on"].key == "group.not_member"
    assert stored_cases(heby) == []


def test_a_form_sent_ends_the_chat_begun_for_the_same_case(heby: Services) -> None:
    started = command(heby, "UANNA", "ärende", HEBY)
    answer_flow(heby, "UANNA", CASE_ANSWERS, until="gender")
    form_sends = press(heby, "UANNA", CaseAction.FORM, button(started, CaseAction.FORM).value)
    submit(heby, form_sends, FILLED)
    with heby.db.unit_of_work() as session:
        chat = conversations.load(session, key=ConversationKey(TEAM, "UANNA", DM, ""))
        assert chat is not None and chat.status == "cancelled"
    assert len(stored_cases(heby)) == 1
