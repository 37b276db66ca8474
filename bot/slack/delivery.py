"""Delivers handler replies through the Slack Web API: DMs, ephemeral answers, channel posts and files.

Each Send goes out with the client of its workspace (`Send.team_id`, else the request's): one token for all in
single-token mode, each workspace's own after an OAuth install (bot/slack/clients.py). A Send that carries a
canvas goes to the canvas port (bot/slack/canvases.py) instead of becoming a message.
"""

import logging
from collections.abc import Callable
from typing import Any

from slack_sdk import WebClient

from bot.blocks import BlockRenderer
from bot.slack.canvases import SlackCanvases
from bot.slack.clients import NotInstalled, SlackClients
from bot.slack.forms import modal_view
from bot.slack.metadata import MetadataSeal
from bot.slack.origin import Origin
from handlers.pseudonyms import is_pseudonym
from handlers.replies import Attachment, Form, PostedHook, Reply, Send, To

log = logging.getLogger("lokusbot.delivery")
Respond = Callable[..., Any]
OnPosted = Callable[[Origin, PostedHook, str, str], None]
OnHome = Callable[[str, str, str], None]  # (team, user, enterprise): refresh that person's Home tab


class SlackDelivery:
    """Posts each Send where it belongs; the renderer decides the words and blocks."""

    def __init__(
        self,
        clients: SlackClients,
        renderer: BlockRenderer,
        on_posted: OnPosted | None = None,
        *,
        seal: MetadataSeal | None = None,
        on_home: OnHome | None = None,
    ) -> None:
        self.clients = clients
        self.renderer = renderer
        self.on_posted = on_posted
        self.seal = seal
        self.on_home = on_home
        self.canvases = SlackCanvases(renderer.catalogue, on_posted, self.post)

    def deliver(self, origin: Origin, sends: list[Send], respond: Respond | None = None) -> None:
        """Deliver every Send in order, each with the client of its workspace (one with no installation any more
        is skipped: nothing can reach it). Home tabs that changed are refreshed last, once per person."""
        homes: list[tuple[str, str]] = []
        for send in sends:
            if send.to == To.USER and is_pseudonym(send.user_id):
                continue  # an erased person (a reminder to a former minute-taker): nobody to reach
            team = send.team_id or origin.actor.team_id
            if send.to == To.HOME:
                if (team, send.user_id) not in homes:
                    homes.append((team, send.user_id))
                continue
            try:
                client = self.clients.for_team(team, origin.enterprise_id if team == origin.actor.team_id else "")
            except NotInstalled:
                log.warning("a message for team %s not sent: nothing is installed there", team or "-")
                continue
            if send.canvas is not None:
                self.canvases.write(client, origin, send.canvas)
            elif send.form is not None and origin.trigger_id:
                self.open_form(client, origin, send.form)
            elif send.to == To.REQUESTER:
                self._to_requester(client, origin, send.reply, respond)
            elif send.to == To.CHANNEL and send.update_ts:
                self.update(client, send.channel_id or origin.actor.channel_id, send.update_ts, send.reply)
            else:
                self._post_send(client, origin, send)
        for team, user_id in homes:
            if self.on_home is not None:
                self.on_home(team, user_id, origin.enterprise_id if team == origin.actor.team_id else "")

    def open_form(self, client: WebClient, origin: Origin, form: Form) -> None:
        """Open a form as a modal for the person who asked, its metadata sealed for them."""
        if self.seal is None:
            raise RuntimeError("forms need a MetadataSeal: create the delivery with seal=")
        metadata = self.seal.close(form, origin.actor)
        client.views_open(trigger_id=origin.trigger_id, view=modal_view(form, self.renderer.catalogue, metadata))

    def _post_send(self, client: WebClient, origin: Origin, send: Send) -> None:
        channel = (
            self.dm_channel(client, send.user_id)
            if send.to == To.USER
            else send.channel_id or origin.actor.channel_id or origin.dm_channel
        )
        hook, on_posted = send.posted, self.on_posted
        report = (lambda ts: on_posted(origin, hook, channel, ts)) if hook and on_posted else None
        self.post(client, channel, send.reply, thread_ts=send.thread_ts, on_ts=report)

    def _to_requester(self, client: WebClient, origin: Origin, reply: Reply, respond: Respond | None) -> None:
        actor = origin.actor
        if origin.dm_channel:
            self.post(client, origin.dm_channel, reply)
        elif not actor.channel_id:  # a submitted modal comes from no channel: answer in the person's DM
            self.post(client, self.dm_channel(client, actor.user_id), reply)
        elif not origin.ephemeral:
            self.post(client, actor.channel_id, reply, thread_ts=actor.thread_ts)
        else:
            blocks, text = self.renderer.blocks(reply), self.renderer.fallback(reply)
            if respond is not None:
                respond(text=text, blocks=blocks, response_type="ephemeral", replace_original=False)
            else:
                client.chat_postEphemeral(channel=actor.channel_id, user=actor.user_id, text=text, blocks=blocks)
            if reply.files:
                self.upload(client, self.dm_channel(client, actor.user_id), reply.files)

    def post(
        self,
        client: WebClient,
        channel: str,
        reply: Reply,
        thread_ts: str = "",
        on_ts: Callable[[str], None] | None = None,
    ) -> str:
        """Post a reply visibly; its files go into the message's thread. Returns the message ts.

        `on_ts` learns the ts as soon as the message is posted, before its files are uploaded.
        """
        response = client.chat_postMessage(
            channel=channel,
            text=self.renderer.fallback(reply),
            blocks=self.renderer.blocks(reply),
            thread_ts=thread_ts or None,
            unfurl_links=False,
            unfurl_media=False,
        )
        ts = str(response["ts"])
        if on_ts is not None:
            on_ts(ts)
        if reply.files:
            self.upload(client, str(response["channel"]), reply.files, thread_ts=thread_ts or ts)
        return ts

    def update(self, client: WebClient, channel: str, ts: str, reply: Reply) -> None:
        """Replace an earlier message with the reply (chat.update); its files go into that message's thread."""
        client.chat_update(
            channel=channel, ts=ts, text=self.renderer.fallback(reply), blocks=self.renderer.blocks(reply)
        )
        if reply.files:
            self.upload(client, channel, reply.files, thread_ts=ts)

    def upload(
        self, client: WebClient, channel: str, files: tuple[Attachment, ...], thread_ts: str | None = None
    ) -> None:
        """Upload files with Slack's current flow (files_upload_v2)."""
        render = self.renderer.catalogue.for_files().render
        uploads = [{"content": f.data(render), "filename": f.filename, "title": render(f.title)} for f in files]
        client.files_upload_v2(channel=channel, thread_ts=thread_ts, file_uploads=uploads)

    def dm_channel(self, client: WebClient, user_id: str) -> str:
        """The id of the DM channel with a user."""
        return str(client.conversations_open(users=user_id)["channel"]["id"])
