"""The App Home tab: the person's dashboard (handlers/home), published with views.publish.

It is published when the person opens the tab, and again after a request that changed something on it (a
handler returns `home_changed(user)`; the delivery asks this module once per person). The view is read in a unit
of work of its own after the request's was committed, so it shows what was just saved.
"""

import logging
from typing import Any

from slack_sdk.errors import SlackApiError

from bot.blocks import BlockRenderer
from bot.services import Services
from bot.slack.clients import NotInstalled, SlackClients
from handlers.context import Actor
from handlers.errors import Unavailable
from handlers.home.layout import MAX_BLOCKS, dashboard
from handlers.replies import Note, Reply
from handlers.text import t

log = logging.getLogger("lokusbot.home")


def home_view(renderer: BlockRenderer, content: Reply) -> dict[str, Any]:
    """The Home tab view of a dashboard; never more blocks than Slack takes, whatever the layout made."""
    blocks = renderer.blocks(content)
    if len(blocks) > MAX_BLOCKS:  # the layout counts parts as blocks; a part of several blocks could overflow
        log.warning("a Home view of %d blocks was cut to %d", len(blocks), MAX_BLOCKS)
        blocks = [*blocks[: MAX_BLOCKS - 1], *renderer.blocks(Reply((Note(t("home.cut")),)))]
    return {"type": "home", "blocks": blocks}


class HomePublisher:
    """Builds a person's dashboard and publishes it in their workspace."""

    def __init__(self, services: Services, clients: SlackClients, renderer: BlockRenderer) -> None:
        self.services = services
        self.clients = clients
        self.renderer = renderer

    def publish(self, team_id: str, user_id: str, enterprise_id: str = "") -> None:
        """Publish the person's Home tab; a Slack error or no database is logged, never shown (it is a refresh)."""
        try:
            content = self.services.handle(Actor(team_id, user_id), dashboard)
            client = self.clients.for_team(team_id, enterprise_id)
            client.views_publish(user_id=user_id, view=home_view(self.renderer, content))
        except (SlackApiError, NotInstalled, Unavailable) as error:
            log.warning("the Home tab of %s was not published: %s", user_id, type(error).__name__)
