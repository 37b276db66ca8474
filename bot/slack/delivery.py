"""What goes to Slack at once rather than through the outbox: forms, and everything when there is no database.

A form opens as a modal with the request's trigger_id, which Slack accepts for 3 seconds only, so it cannot wait
for the outbox. `deliver` sends Sends straight away, rendered exactly as the outbox would (bot/slack/outbox.py,
bot/slack/sending.py): for the kind words when the database is away, and for tests and tools that deliver
what a handler returned themselves. Each Send goes out with the client of its workspace (`Send.team_id`, else
the request's; bot/slack/clients.py).
"""

import logging
from collections.abc import Callable

from slack_sdk import WebClient

from bot.blocks import BlockRenderer
from bot.slack.clients import NotInstalled, SlackClients
from bot.slack.forms import modal_view
from bot.slack.metadata import MetadataSeal
from bot.slack.origin import Origin
from bot.slack.outbox import SlackOutbox, org_of
from bot.slack.sending import SlackSender
from bot.slack.uploads import Upload
from handlers.replies import Form, PostedHook, Send
from storage.clock import utcnow
from storage.outbox import Claimed

log = logging.getLogger("lokusbot.delivery")
OnPosted = Callable[[Origin, PostedHook, str, str], None]


class SlackDelivery:
    """Opens forms, and sends Sends directly; the renderer decides the words and blocks."""

    def __init__(
        self,
        clients: SlackClients,
        renderer: BlockRenderer,
        on_posted: OnPosted | None = None,
        *,
        seal: MetadataSeal | None = None,
    ) -> None:
        self.clients = clients
        self.renderer = renderer
        self.on_posted = on_posted
        self.seal = seal
        self._rows = SlackOutbox(renderer)
        self._sender = SlackSender(clients)

    def open_forms(self, origin: Origin, sends: list[Send]) -> None:
        """Open each form as a modal for the person who asked, now."""
        for send in sends:
            if send.form is not None:
                team = send.team_id or origin.actor.team_id
                self.open_form(self.clients.for_team(team, org_of(origin, team)), origin, send.form)

    def open_form(self, client: WebClient, origin: Origin, form: Form) -> None:
        """Open a form as a modal for the person who asked, its metadata sealed for them."""
        if self.seal is None:
            raise RuntimeError("forms need a MetadataSeal: create the delivery with seal=")
        metadata = self.seal.close(form, origin.actor)
        client.views_open(trigger_id=origin.trigger_id, view=modal_view(form, self.renderer.catalogue, metadata))

    def deliver(self, origin: Origin, sends: list[Send], *, response_url: str = "") -> None:
        """Send every Send now, in order, each with the client of its workspace (no outbox, no retry later); one
        for a workspace with no installation any more is skipped: nothing can reach it."""
        render = self.renderer.catalogue.for_files().render
        for send in sends:
            try:
                if send.form is not None and origin.trigger_id:
                    self.open_forms(origin, [send])
                    continue
                kind, destination, payload = self._rows.row(origin, send, response_url)
                team = send.team_id or origin.actor.team_id
                row = Claimed(0, "", team, org_of(origin, team), destination, kind, payload, utcnow())
                files = [Upload(f.filename, render(f.title), f.data(render)) for f in send.reply.files]
                self._sender.send(row, files, self._posted(origin, send.posted))
            except NotInstalled:
                log.warning("a message for team %s not sent: nothing is installed there", send.team_id or "-")

    def _posted(self, origin: Origin, hook: PostedHook | None) -> Callable[[str, str], None]:
        on_posted = self.on_posted
        if hook is None or on_posted is None:
            return lambda channel, ts: None
        return lambda channel, ts: on_posted(origin, hook, channel, ts)
