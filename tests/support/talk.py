"""Helpers for handler tests: run a handler in a unit of work and read its replies as plain text."""

from collections.abc import Callable

from bot.catalogue import Catalogue, load_messages
from bot.console_render import render_text
from bot.services import Services
from handlers.context import Actor, Ctx
from handlers.formatting import NO_BREAK
from handlers.replies import Send

TEAM = "T0LOKUS"


def actor(user: str = "UANNA", channel: str = "", thread: str = "", team: str = TEAM) -> Actor:
    """An actor in a channel, or in the DM when channel is empty."""
    return Actor(team, user, channel, thread)


def run(services: Services, who: Actor, handler: Callable[[Ctx], list[Send]]) -> list[Send]:
    """Run a handler in its own unit of work."""
    return services.handle(who, handler)


def text_of(sends: list[Send], language: str = "sv", *, no_break: bool = False) -> str:
    """Every message's text as the console lays it out, unescaped, with mentions written as Slack does.

    The no-break spaces in numbers ("600 000 kr", "59 %") read as spaces unless `no_break` keeps them: the tests
    of how numbers are written (tests/handlers/test_formatting.py and those passing no_break=True) look at them.
    """
    catalogue = Catalogue(language, load_messages(language), escape=lambda s: s, mention=lambda u: f"<@{u}>")
    text = "\n".join("\n".join(render_text(send.reply, catalogue).lines) for send in sends)
    return text if no_break else text.replace(NO_BREAK, " ")
