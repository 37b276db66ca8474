"""Answering a conversation by question key over signed Slack requests, for the end-to-end tests.

The question a posted message asks is read from its own buttons: every engine button carries the question's
key in its value ("gender|kvinna", "unit|"), and a summary's buttons carry none. So a test answers
{"gender": "kvinna", ...} whatever order the flow asks in, as tests/support/chat.py does for handler tests.
"""

from collections.abc import Callable, Mapping
from typing import Any, Protocol

from tests.support.fake_slack import Call, FakeSlack
from tests.support.signing import Response, SlackClientSim

CONVERSATION = "conv."
SEPARATOR = "|"


class BotLike(Protocol):
    """What these helpers need of tests/bot/conftest.py's Bot."""

    fake: FakeSlack
    sim: SlackClientSim


def elements(call: Call) -> list[dict[str, Any]]:
    """Every button and menu option of a posted message, as {"action_id", "value", "label"}."""
    found: list[dict[str, Any]] = []
    for block in call.args.get("blocks", []):
        for element in [*block.get("elements", []), *([block["accessory"]] if "accessory" in block else [])]:
            if element.get("type") == "button":
                found.append({"action_id": element["action_id"], "value": element.get("value", ""), "label": ""})
            for option in element.get("options", []):
                found.append({"action_id": element["action_id"], "value": option["value"], "label": ""})
    return found


def question_key(call: Call) -> str | None:
    """The key of the question a posted message asks, or None (a summary, or no question)."""
    keys = {
        e["value"].partition(SEPARATOR)[0]
        for e in elements(call)
        if e["action_id"].startswith(CONVERSATION) and SEPARATOR in e["value"]
    }
    return keys.pop() if len(keys) == 1 else None


def offers(call: Call, action: str) -> bool:
    """Whether the message has a button of the engine action (e.g. "conv.default", "conv.skip", "conv.save")."""
    return any(e["action_id"].split("#")[0] == action for e in elements(call))


def next_post(bot: BotLike, do: Callable[[], Response], channel: str) -> Call:
    """Do something and wait for the bot's next post in the channel."""
    before = {id(c) for c in bot.fake.calls()}
    assert do().status == 200
    return bot.fake.wait_for(
        "chat.postMessage", predicate=lambda c: id(c) not in before and c.args.get("channel") == channel
    )[-1]


def answer_by_key(
    bot: BotLike, user: str, asked: Call, answers: Mapping[str, str], *, confirm: str | None = "ja"
) -> Call:
    """From the posted question `asked`, type each answer by its key until the summary; confirm; the last post.

    A question the test names no answer for gets "ok" when it offers a default and "hoppa över" when it may be
    skipped; otherwise the test fails naming it.
    """
    channel = f"D{user}"
    post = asked
    for _ in range(100):
        key = question_key(post)
        if key is None:
            break
        if key in answers:
            typed = answers[key]
        elif offers(post, "conv.default"):
            typed = "ok"
        elif offers(post, "conv.skip"):
            typed = "hoppa över"
        else:
            raise AssertionError(f"the bot asks {key!r}, which the test gives no answer for")
        post = next_post(bot, lambda text=typed: bot.sim.dm_message(user, text), channel)
    assert offers(post, "conv.save"), "the conversation did not reach its summary"
    if confirm is None:
        return post
    return next_post(bot, lambda: bot.sim.dm_message(user, confirm), channel)
