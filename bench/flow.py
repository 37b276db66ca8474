"""The conversation the chat-turn benchmark talks to: a free-text question, as in a case's "what failed"."""

from collections.abc import Mapping
from typing import Any

from bot.services import Services
from handlers.context import Actor, Ctx
from handlers.conversation.flow import Flow, Kind, Question
from handlers.replies import Send
from handlers.text import t
from storage.conversations import ConversationKey

TEAM = "T0LOKUS"


def _finish(ctx: Ctx, answers: dict[str, Any], data: Mapping[str, Any]) -> list[Send]:
    return []


BENCH_FLOW = Flow(
    "bench",
    t("help.title"),
    (
        Question("first", t("help.title"), t("help.title"), Kind.TEXT),
        Question("failure", t("help.title"), t("help.title"), Kind.TEXT),
        Question("note", t("help.title"), t("help.title"), Kind.TEXT, optional=True),
    ),
    _finish,
)


def start_bench_conversation(services: Services, user_id: str) -> None:
    """Start the benchmark flow in the user's DM and answer its first question."""
    services.router.engine.flows[BENCH_FLOW.name] = BENCH_FLOW
    key = ConversationKey(TEAM, user_id)
    services.handle(Actor(TEAM, user_id), lambda ctx: services.router.engine.start(ctx, key, BENCH_FLOW.name))
    services.handle(Actor(TEAM, user_id), lambda ctx: services.router.message(ctx, "Första svaret"))
