"""Meetings: calling them in plain Swedish, the announcement with agenda and RSVPs, reminders, minutes, the goal."""

from collections.abc import Callable

from handlers.context import Ctx
from handlers.meetings import agenda_items, changes, group_settings, minutes, overview, reminders, rsvp, schedule
from handlers.meetings.intents import intents
from handlers.meetings.names import ANNOUNCED, MeetingAction
from handlers.replies import Send
from handlers.router import Command, Feature
from handlers.text import t

SUBCOMMANDS: dict[str, Callable[[Ctx, str], list[Send]]] = {
    "punkt": agenda_items.add_item,
    "flytta": changes.move,
    "ställ in": changes.cancel,
    "stall in": changes.cancel,
    "ställin": changes.cancel,
    "anteckningar": minutes.start_from_command,
    "minnesanteckningar": minutes.start_from_command,
    "påminnelser": group_settings.set_reminders,
    "paminnelser": group_settings.set_reminders,
    "mål": group_settings.set_goal,
    "mal": group_settings.set_goal,
}


def meeting_command(ctx: Ctx, args: str) -> list[Send]:
    """`/lokus möte …`: call a meeting, or punkt / flytta / ställ in / anteckningar / påminnelser / mål."""
    text = " ".join(args.split())
    lowered = text.casefold()
    for word in sorted(SUBCOMMANDS, key=len, reverse=True):
        if lowered == word or lowered.startswith(word + " "):
            return SUBCOMMANDS[word](ctx, text[len(word) :].strip())
    return schedule.schedule(ctx, text)


def feature() -> Feature:
    """Everything meetings add to the router."""
    return Feature(
        commands=(
            Command("möte", meeting_command, t("help.möte"), words=("mote", "meeting")),
            Command("möten", overview.list_meetings, t("help.möten"), words=("moten", "meetings")),
        ),
        flows=(schedule.SCHEDULE, minutes.MINUTES),
        intents=intents(),
        actions={
            MeetingAction.RSVP_YES: rsvp.answer,
            MeetingAction.RSVP_NO: rsvp.answer,
            MeetingAction.RSVP_DEPUTY: rsvp.answer,
            MeetingAction.MOVE_PICK: changes.pick_move,
            MeetingAction.CANCEL_CONFIRM: changes.confirm_cancel,
            MeetingAction.CANCEL_KEEP: changes.keep,
            MeetingAction.MINUTES_START: minutes.start_from_button,
        },
        ticks=(reminders.send_reminders, reminders.close_ended),
        posted={ANNOUNCED: rsvp.announced},
    )
