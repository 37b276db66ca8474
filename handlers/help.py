"""`/lokus hjälp` and "hjälp" in a DM: what the bot can do."""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from handlers.replies import Fields, Header, Note, Paragraph, Reply, reply
from handlers.text import t

if TYPE_CHECKING:
    from handlers.router import Command


def help_reply(commands: Sequence["Command"]) -> Reply:
    """The help text: one line per subcommand, and how to talk to the bot in a DM."""
    items = tuple((t("help.command", name=c.name), c.help) for c in commands)
    return reply(Header(t("help.title")), Paragraph(t("help.intro")), Fields(items), Note(t("help.dm")))
