"""Talking to the bot in handler tests, with one argument order everywhere: (services, user, what, channel).

`command`, `dm` and `press` are one request each. `answer_flow` answers the open conversation by question key
("gender": "kvinna"), whatever order the flow asks in, so adding a question breaks only the tests about it:
questions the test does not name are answered with their default ("ok") or skipped when optional. `asked`
and `question_count` read where a conversation stands and how many questions a flow has, from the flow.
"""

from collections.abc import Callable, Mapping
from typing import Any

from bot.services import Services
from handlers.context import Actor, Ctx
from handlers.conversation.engine import OpenConversation
from handlers.conversation.state import KeyState, Phase, Progress, read_state
from handlers.errors import DomainError
from handlers.replies import Send, say, to_requester
from storage import conversations
from storage.conversations import DM, ConversationKey
from tests.support.talk import TEAM, actor, run, text_of


def kindly(services: Services, who: Actor, handler: Callable[[Ctx], list[Send]]) -> list[Send]:
    """Run a handler; a domain error becomes the kind message the front doors show instead."""
    try:
        return run(services, who, handler)
    except DomainError as error:
        return [to_requester(say(error.text))]


def command(services: Services, user: str, text: str, channel: str = "", *, kind: bool = False) -> list[Send]:
    """`/lokus <text>` typed by the user in the channel ("" for the DM); `kind` shows domain errors as text."""
    runner = kindly if kind else run
    return runner(services, actor(user, channel), lambda ctx: services.router.command(ctx, text))


def dm(services: Services, user: str, text: str, *, kind: bool = False) -> list[Send]:
    """A direct message to the bot."""
    runner = kindly if kind else run
    return runner(services, actor(user), lambda ctx: services.router.message(ctx, text))


def press(
    services: Services,
    user: str,
    action: str,
    value: str,
    channel: str = "",
    selected: list[str] | None = None,
    *,
    kind: bool = False,
) -> list[Send]:
    """A button pressed by the user in the DM (or in the channel)."""
    runner = kindly if kind else run
    return runner(services, actor(user, channel), lambda ctx: services.router.action(ctx, action, value, selected))


def dm_key(user: str, team: str = TEAM) -> ConversationKey:
    """The key of the user's DM conversation."""
    return ConversationKey(team, user, DM, "")


def asked(services: Services, user: str, key: ConversationKey | None = None) -> OpenConversation | None:
    """Where the user's DM conversation (or the one at `key`) stands, or None when none is open."""
    where = key or dm_key(user)
    return run(services, actor(user), lambda ctx: services.router.engine.open_conversation(ctx, where))


def question_count(services: Services, flow: str, answers: Mapping[str, Any] | None = None, user: str = "") -> int:
    """How many questions the flow asks given the answers (conditional questions count when they apply)."""
    found = services.router.engine.flows[flow]
    given = dict(answers or {})
    return sum(1 for q in found.questions if q.applies(given))


def answer_flow(
    services: Services,
    user: str,
    answers: Mapping[str, str],
    *,
    until: str | None = None,
    confirm: str | None = "ja",
    kind: bool = False,
) -> list[Send]:
    """Answer the user's open DM conversation question by question, by key, and confirm; every reply.

    Stops before the question `until` when given (to test that one), and at the summary without `confirm`.
    A question the test names no answer for gets its default ("ok") or is skipped; a required one without a
    default fails the test, naming it. An answer the bot refuses fails the test with the bot's reply.
    """
    replies: list[Send] = []
    for _ in range(200):
        where = asked(services, user)
        if where is None or where.phase == Phase.CONFIRM or where.question == until:
            break
        question = where.question or ""
        typed = answers[question] if question in answers else _unnamed(services, user, where)
        sent = dm(services, user, typed, kind=kind)
        replies += sent
        after = asked(services, user)
        if after is not None and after.question == question and after.phase == Phase.ASK:
            raise AssertionError(f"the bot did not take {typed!r} for {question!r}:\n{text_of(sent)}")
    else:
        raise AssertionError("the conversation never reached its summary")
    if until is None and confirm is not None:
        replies += dm(services, user, confirm, kind=kind)
    return replies


def _unnamed(services: Services, user: str, where: OpenConversation) -> str:
    flow = services.router.engine.flows[where.flow]
    question = flow.question(where.question or "")
    if question.default is not None:
        return "ok"
    if question.optional:
        return "hoppa över"
    raise AssertionError(f"the flow {where.flow!r} asks {question.key!r}, which the test gives no answer for")


def stored_state(services: Services, user: str, key: ConversationKey | None = None) -> tuple[str, KeyState]:
    """The row's status and typed state at the user's DM key (or `key`), read as the engine reads it."""
    with services.db.unit_of_work() as session:
        row = conversations.load(session, key=key or dm_key(user))
        assert row is not None, "no conversation was ever stored at the key"
        return row.status, read_state(row.flow, row.state, row.status)


def active(services: Services, user: str, key: ConversationKey | None = None) -> Progress:
    """The conversation being answered at the user's DM key (or `key`)."""
    _, state = stored_state(services, user, key)
    assert state.active is not None, "no conversation is active at the key"
    return state.active
