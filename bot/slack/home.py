"""The App Home tab: what the bot is and how to start."""

from typing import Any

from bot.blocks import BlockRenderer
from handlers.replies import Header, Note, Paragraph, reply
from handlers.text import t


def home_view(renderer: BlockRenderer) -> dict[str, Any]:
    """The Home tab view."""
    content = reply(Header(t("home.title")), Paragraph(t("home.intro")), Note(t("home.hint")))
    return {"type": "home", "blocks": renderer.blocks(content)}
