"""Writing canvases: the one port through which the bot creates and rewrites a canvas (handlers' `CanvasEdit`).

Delivered after the request's unit of work committed, like every Send (bot/slack/delivery.py), so a canvas never
shows what was rolled back. A canvas is created whole in one call, so it is never half-written:
`conversations.canvases.create` makes it the channel's canvas; where the channel has one already, `canvases.create`
tabs a canvas of its own in the channel and `canvases.access.set` lets the channel read it. When the workspace
cannot have it (`not_allowed`, `free_team_not_allowed`, `team_tier_cannot_create_channel_canvases`, any error) the
bot carries on without and says so in the channel, once: no canvas id is kept, so nothing tries again.

A change rewrites each part it touched: the part's level-2 heading is found with `canvases.sections.lookup` and
replaced with `canvases.edit` (heading and body). When the heading is not found exactly once (edited by hand, or
two alike) or a part cannot be written, the whole canvas is replaced instead, in one call, so the canvas again
shows the plan as it stands. A canvas that cannot be written at all (deleted, access taken away) is left; the
log has it.
"""

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.catalogue import Catalogue
from bot.slack.origin import Origin
from handlers.replies import CanvasEdit, CanvasText, PostedHook, Reply

log = logging.getLogger("lokusbot.canvases")
OnCreated = Callable[[Origin, PostedHook, str, str], None]
Say = Callable[[WebClient, str, Reply], Any]
ALREADY = "channel_canvas_already_exists"


def canvas_words(catalogue: Catalogue) -> Catalogue:
    """The catalogue for canvas markdown: people as canvas mentions, user text as written (the handler escapes
    what it puts in a canvas)."""
    return replace(catalogue.for_files(), mention=lambda user_id: f"![](@{user_id})")


def markdown(text: CanvasText) -> str:
    """The whole canvas as markdown: the preface, then each part under its heading."""
    return "\n\n".join([text.preface, *(part(heading, body) for heading, body in text.parts)])


def part(heading: str, body: str) -> str:
    """One part: its level-2 heading and what stands under it."""
    return f"## {heading}\n\n{body}" if body else f"## {heading}"


def _content(text: str) -> dict[str, str]:
    return {"type": "markdown", "markdown": text}


class SlackCanvases:
    """Creates and rewrites canvases with a workspace's client; `on_created` learns a new canvas's id, `say`
    posts the note that a canvas could not be made."""

    def __init__(self, catalogue: Catalogue, on_created: OnCreated | None, say: Say) -> None:
        self.words = canvas_words(catalogue)
        self.on_created = on_created
        self.say = say

    def write(self, client: WebClient, origin: Origin, edit: CanvasEdit) -> None:
        """Create the canvas or bring the parts it names up to date."""
        text = edit.content(self.words.render)
        if edit.canvas_id:
            self._rewrite(client, edit, text)
            return
        canvas_id = self._create(client, edit.channel_id, text)
        if canvas_id is None:
            if edit.unavailable is not None:
                self.say(client, edit.channel_id, edit.unavailable)
        elif edit.created is not None and self.on_created is not None:
            self.on_created(origin, edit.created, edit.channel_id, canvas_id)

    def _create(self, client: WebClient, channel: str, text: CanvasText) -> str | None:
        whole = _content(markdown(text))
        try:
            return str(
                client.conversations_canvases_create(channel_id=channel, title=text.title, document_content=whole)[
                    "canvas_id"
                ]
            )
        except SlackApiError as error:
            if error.response.get("error") != ALREADY:
                log.warning("no canvas in channel %s: %s", channel, error.response.get("error"))
                return None
        try:
            canvas_id = str(
                client.canvases_create(title=text.title, document_content=whole, channel_id=channel)["canvas_id"]
            )
        except SlackApiError as error:
            log.warning("no canvas of its own in channel %s: %s", channel, error.response.get("error"))
            return None
        try:
            client.canvases_access_set(canvas_id=canvas_id, access_level="read", channel_ids=[channel])
        except SlackApiError as error:  # the canvas is there and shows the plan; only its access stays Slack's default
            log.warning("canvas %s: access not set: %s", canvas_id, error.response.get("error"))
        return canvas_id

    def _rewrite(self, client: WebClient, edit: CanvasEdit, text: CanvasText) -> None:
        numbers = edit.changed or tuple(range(len(text.parts)))
        try:
            for number in numbers:
                heading, body = text.parts[number]
                if not self._replace_part(client, edit.canvas_id, heading, body):
                    self._replace_all(client, edit.canvas_id, text)
                    return
        except SlackApiError as error:
            log.warning(
                "canvas %s: a part not written (%s); writing it whole", edit.canvas_id, error.response.get("error")
            )
            try:
                self._replace_all(client, edit.canvas_id, text)
            except SlackApiError as again:
                log.warning("canvas %s not written: %s", edit.canvas_id, again.response.get("error"))

    def _replace_part(self, client: WebClient, canvas_id: str, heading: str, body: str) -> bool:
        """Replace the part under its heading; False when the heading is not found exactly once."""
        criteria = {"section_types": ["h2"], "contains_text": heading}
        sections = client.canvases_sections_lookup(canvas_id=canvas_id, criteria=criteria).get("sections") or []
        if len(sections) != 1:
            return False
        change = {
            "operation": "replace",
            "section_id": sections[0]["id"],
            "document_content": _content(part(heading, body)),
        }
        client.canvases_edit(canvas_id=canvas_id, changes=[change])
        return True

    def _replace_all(self, client: WebClient, canvas_id: str, text: CanvasText) -> None:
        client.canvases_edit(
            canvas_id=canvas_id, changes=[{"operation": "replace", "document_content": _content(markdown(text))}]
        )
