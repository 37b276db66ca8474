"""A whole conversation over signed HTTP: typed answers, the offered buttons, an overlong answer, a crash."""

from typing import Any

from handlers.app import build_router
from handlers.conversation.state import read_state
from storage import conversations
from storage.conversations import ConversationKey
from tests.bot.conftest import Bot
from tests.handlers.test_engine import FLOW, SAVED
from tests.support.fake_slack import Call
from tests.support.slack_chat import answer_by_key, next_post, question_key
from tests.support.talk import actor


def buttons(call: Call) -> dict[str, dict[str, Any]]:
    """The buttons and menus of a posted message, by label."""
    found: dict[str, dict[str, Any]] = {}
    for block in call.args.get("blocks", []):
        for element in block.get("elements", []):
            if element.get("type") == "button":
                found[element["text"]["text"]] = element
            elif "options" in element:
                for option in element["options"]:
                    found[option["text"]["text"]] = {**element, "value": option["value"]}
    return found


def last_post(bot: Bot, count: int) -> Call:
    return bot.fake.wait_for("chat.postMessage", count=count)[-1]


def click(bot: Bot, call: Call, label: str) -> None:
    element = buttons(call)[label]
    response = bot.sim.block_action(
        "UANNA", call.args["channel"], element["action_id"], element["value"], message_ts=call.args.get("ts")
    )
    assert response.status == 200


def test_a_dm_conversation_with_buttons_typed_answers_and_an_overlong_answer(bot: Bot) -> None:
    SAVED.clear()
    bot.services.router.engine.flows[FLOW.name] = FLOW
    key = ConversationKey("T0LOKUS", "UANNA")
    bot.services.handle(actor(), lambda ctx: ctx.engine.start(ctx, key, FLOW.name))
    bot.sim.dm_message("UANNA", "igår")
    question = last_post(bot, 1)
    total = len([q for q in FLOW.questions if q.when is None])
    assert question_key(question) == "colour" and f"fråga 2 av {total}" in str(question.args["blocks"])
    click(bot, question, "Ja")
    overlong = "Väntan. " * 700
    typed = {"shades": "1, 3", "why": overlong, "ok": "japp", "count": "hoppa över", "cost": "450 000 kr"}
    summary = answer_by_key(bot, "UANNA", last_post(bot, 2), typed, confirm=None)
    section_texts = [f["text"] for b in summary.args["blocks"] for f in b.get("fields", [])]
    shown = next(text for text in section_texts if "Väntan." in text)
    assert len(shown) <= 2000 and "sparad hel" in shown
    click(bot, summary, "Spara")
    saved = bot.fake.wait_for("chat.postMessage", predicate=lambda c: "SPARAT" in str(c.args.get("blocks")))[-1]
    assert saved.args["channel"] == "DUANNA"
    assert SAVED[0]["why"] == overlong.strip() and SAVED[0]["cost"] == 450_000 and SAVED[0]["ok"] is True


def test_a_restarted_bot_continues_the_conversation_where_it_stopped(bot: Bot) -> None:
    bot.services.router.engine.flows[FLOW.name] = FLOW
    key = ConversationKey("T0LOKUS", "UANNA")
    bot.services.handle(actor(), lambda ctx: ctx.engine.start(ctx, key, FLOW.name))
    bot.sim.dm_message("UANNA", "idag")
    last_post(bot, 1)
    bot.services.router = build_router()
    bot.services.router.engine.flows[FLOW.name] = FLOW
    bot.sim.dm_message("UANNA", "blå")
    total = len([q for q in FLOW.questions if q.when is None])
    assert f"fråga 3 av {total}" in str(last_post(bot, 2).args["blocks"])
    with bot.services.db.unit_of_work() as session:
        stored = conversations.load(session, key=key)
        assert stored is not None
        active = read_state(stored.flow, stored.state, stored.status).active
        assert active is not None and active.answers["colour"] == "blue"


def test_a_second_conversation_over_slack_asks_first_and_the_first_is_taken_up_with_its_button(bot: Bot) -> None:
    """A case begun, then a meeting called in the middle of it: asked, set aside, saved, and the case taken up."""
    for text in ("koppla Heby", "medlem <@UANNA|anna> kommun sammankallande"):
        next_post(bot, lambda text=text: bot.sim.slash_command("UANNA", "CHEBY", text), "CHEBY")
    bot.sim.slash_command("UANNA", "CHEBY", "ärende")
    first = bot.fake.wait_for("chat.postMessage", count=2, predicate=lambda c: c.args.get("channel") == "DUANNA")[-1]
    assert question_key(first) == "raised_on"
    party = next_post(bot, lambda: bot.sim.dm_message("UANNA", "igår"), "DUANNA")
    assert question_key(party) == "party"
    offer = next_post(bot, lambda: bot.sim.slash_command("UANNA", "CHEBY", "möte tisdag nästa vecka kl 13"), "DUANNA")
    assert "Du har inte gjort klart lots-ärendet (fråga 2 av" in str(offer.args["blocks"])
    _press(bot, offer, "Börja med kallelsen till mötet")
    bot.fake.wait_for("chat.postMessage", predicate=lambda c: "sparar dina svar i lots-ärendet" in str(c.args))
    question = bot.fake.wait_for(
        "chat.postMessage", predicate=lambda c: "Var hålls mötet?" in str(c.args.get("blocks"))
    )[-1]
    summary = answer_by_key(bot, "UANNA", question, {"place": "Kommunhuset", "minute_taker": "jag"}, confirm=None)
    _press(bot, summary, "Spara")
    waiting = bot.fake.wait_for(
        "chat.postMessage", predicate=lambda c: "Du har också påbörjat lots-ärendet" in str(c.args.get("blocks"))
    )[-1]
    resumed = next_post(bot, lambda: _press(bot, waiting, "Fortsätt med lots-ärendet"), "DUANNA")
    assert "Välkommen tillbaka" in str(resumed.args["blocks"]) and question_key(resumed) == "party"


def _press(bot: Bot, call: Call, label: str) -> Any:
    element = buttons(call)[label]
    return bot.sim.block_action(
        "UANNA", call.args["channel"], element["action_id"], element["value"], message_ts=call.args.get("ts")
    )
