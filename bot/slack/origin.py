"""Who and where a Slack payload comes from, as the Actor handlers understand and the place to answer."""

from dataclasses import dataclass

from bot.slack.payloads import BlockActions, Container, EventCallback, Interaction, Message, SlashCommand
from handlers.cleaning import clean_text
from handlers.context import Actor


@dataclass(frozen=True)
class Origin:
    """The actor, plus what delivery needs: the DM channel id, whether to answer ephemerally, and the Enterprise
    Grid org of the actor's workspace (empty outside one), whose installation may be the one that answers."""

    actor: Actor
    dm_channel: str = ""
    ephemeral: bool = False
    trigger_id: str = ""
    enterprise_id: str = ""


def typed_text(text: str) -> str:
    """What the person typed, from the text of a slash command or message as Slack sends it.

    Slack sends the three characters it uses for markup as entities ("Rehab &amp; arbete"); its own markup
    (<@U…|name> mentions, links) stays as it is. Entities are turned back into characters, "&amp;" last so
    that a typed "&lt;" stays "&lt;". Everything shown in Slack is escaped again on the way out. Characters no
    file or database can hold (controls, noncharacters, lone surrogates) are taken out (handlers.cleaning).
    """
    return clean_text(text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))


def _is_dm(channel_id: str, channel_name: str = "") -> bool:
    return channel_id.startswith("D") or channel_name == "directmessage"


def from_command(command: SlashCommand) -> Origin:
    """A slash command: in a DM it answers in the DM, in a channel privately to the person."""
    channel = command.channel_id
    dm = _is_dm(channel, command.channel_name)
    actor = Actor(team_id=command.team_id, user_id=command.user_id, channel_id="" if dm else channel)
    return Origin(
        actor,
        dm_channel=channel if dm else "",
        ephemeral=not dm,
        trigger_id=command.trigger_id,
        enterprise_id=command.enterprise_id,
    )


def from_event(callback: EventCallback) -> Origin:
    """A message event: a DM, or a thread in a channel."""
    event = callback.event
    dm = event.channel_type == "im" or _is_dm(event.channel)
    actor = Actor(
        team_id=callback.team_id,
        user_id=event.user,
        channel_id="" if dm else event.channel,
        thread_ts="" if dm else event.thread_ts,
    )
    return Origin(actor, dm_channel=event.channel if dm else "", enterprise_id=callback.enterprise_id or "")


def from_interaction(payload: Interaction) -> Origin:
    """A button, menu or modal: where the message with it was, or the DM for a modal."""
    channel, thread, ephemeral = "", "", False
    if isinstance(payload, BlockActions):
        container, message = payload.container or Container(), payload.message or Message()
        channel = (payload.channel.id if payload.channel else "") or container.channel_id
        thread, ephemeral = message.thread_ts or container.thread_ts, container.is_ephemeral
    dm = _is_dm(channel) if channel else True
    actor = Actor(
        team_id=(payload.team.id if payload.team else "") or payload.user.team_id,
        user_id=payload.user.id,
        channel_id="" if dm else channel,
        thread_ts="" if dm else thread,
    )
    enterprise = (payload.enterprise.id if payload.enterprise else "") or (
        payload.team.enterprise_id if payload.team else ""
    )
    return Origin(
        actor,
        dm_channel=channel if dm else "",
        ephemeral=ephemeral or (not dm and not thread),
        trigger_id=payload.trigger_id,
        enterprise_id=enterprise or "",
    )
