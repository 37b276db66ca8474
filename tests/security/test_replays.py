"""A signed request replayed within Slack's five minutes is answered 200 and does nothing the second time.

Slash commands, buttons and form submissions are remembered by trigger_id (one per interaction), events by
event_id, in the same transaction as what they did. Someone who captured a request can resend its exact bytes
and headers; the bot must not add a second agenda item, open a second form or save a second case.
"""

import json
import time

from sqlalchemy import func, select

from storage.meeting_models import AgendaItem
from tests.bot.conftest import Bot
from tests.bot.test_e2e_conversation import buttons
from tests.security.boundary import (
    A_CASE,
    FORM,
    command_body,
    filled_state,
    interactive_body,
    link_heby,
    open_case_form,
    signed_headers,
    stored_case_count,
)

SETTLE = 0.5


def _agenda_items(bot: Bot, text: str) -> int:
    with bot.services.db.unit_of_work() as session:
        query = select(func.count()).select_from(AgendaItem).where(AgendaItem.text == text)
        return int(session.scalar(query) or 0)


def test_a_replayed_slash_command_adds_one_agenda_item(bot: Bot) -> None:
    link_heby(bot)
    bot.fake.reset()
    body = command_body(bot, "möte punkt Budget 2027")
    headers = signed_headers(body)
    assert bot.sim.raw(body, FORM, headers).status == 200
    bot.fake.wait_for("response_url")
    assert bot.sim.raw(body, FORM, headers).status == 200
    time.sleep(SETTLE)
    assert _agenda_items(bot, "Budget 2027") == 1
    assert len(bot.fake.calls("response_url")) == 1, "the replay is not answered again"


def test_the_same_command_typed_twice_is_two_commands(bot: Bot) -> None:
    """The control: two interactions (two trigger_ids) with the same text both run."""
    link_heby(bot)
    for _ in range(2):
        assert bot.sim.raw(command_body(bot, "möte punkt Budget 2027"), FORM, signed=True).status == 200
    bot.fake.wait_for("response_url", count=2)
    assert _agenda_items(bot, "Budget 2027") == 2


def test_a_replayed_button_click_opens_one_form(bot: Bot) -> None:
    link_heby(bot)
    bot.sim.slash_command("UANNA", "CHEBY", "ärende")
    intro = bot.fake.wait_for(
        "chat.postMessage", predicate=lambda c: "Fyll i ett formulär" in json.dumps(c.args, ensure_ascii=False)
    )[0]
    button = buttons(intro)["Fyll i ett formulär i stället"]
    payload = bot.sim.block_actions_payload(
        "UANNA", "DUANNA", button["action_id"], button["value"], message_ts=intro.args.get("ts") or "1.000001"
    )
    body = interactive_body(payload)
    headers = signed_headers(body)
    assert bot.sim.raw(body, FORM, headers).status == 200
    bot.fake.wait_for("views.open")
    assert bot.sim.raw(body, FORM, headers).status == 200
    time.sleep(SETTLE)
    assert len(bot.fake.calls("views.open")) == 1


def test_a_replayed_form_submission_saves_one_case(bot: Bot) -> None:
    link_heby(bot)
    view = open_case_form(bot)
    payload = {
        "type": "view_submission",
        "team": {"id": "T0LOKUS", "domain": "lokus"},
        "user": {"id": "UANNA", "team_id": "T0LOKUS"},
        "trigger_id": bot.sim.new_trigger_id(),
        "view": {
            "id": "V0CASE",
            "type": "modal",
            "callback_id": view["callback_id"],
            "private_metadata": view["private_metadata"],
            "state": {"values": filled_state(view, A_CASE)},
        },
    }
    body = interactive_body(payload)
    headers = signed_headers(body)
    first = bot.sim.raw(body, FORM, headers)
    assert first.status == 200 and not first.body
    bot.fake.wait_for("chat.postMessage", predicate=lambda c: c.args.get("channel") == "DUANNA")
    second = bot.sim.raw(body, FORM, headers)
    assert second.status == 200 and not second.body, "the replay closes the form like the first"
    time.sleep(SETTLE)
    assert stored_case_count(bot.services) == 1
    saved = [c for c in bot.fake.calls("chat.postMessage") if "registrerat" in json.dumps(c.args, ensure_ascii=False)]
    assert len(saved) == 1
