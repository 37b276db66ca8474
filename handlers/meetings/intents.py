"""How people ask for meetings in a DM: each intent, its handler and everyday phrasings."""

from datetime import datetime

from handlers.context import Ctx
from handlers.dates import parse_when
from handlers.errors import DomainError
from handlers.intents import Argument, Intent
from handlers.meetings import agenda_items, minutes, overview, schedule
from handlers.meetings.names import SCHEDULE_FLOW
from handlers.replies import Send
from handlers.text import t

BOOK = (
    "boka möte",
    "kalla till möte",
    "nytt möte",
    "boka ett nytt möte",
    "planera ett möte",
    "skicka kallelse till mötet",
    "boka in nästa lokusmöte",
    "book a meeting",
    "schedule a meeting",
)
NEXT = (
    "nästa möte",
    "när är nästa möte",
    "kommande möte",
    "när är mötet",
    "tid för nästa möte",
    "next meeting",
)
ITEM = (
    "lägg till punkt på dagordningen",
    "ny punkt på dagordningen",
    "punkt till mötet",
    "föreslå en punkt",
    "dagordning",
    "ta upp en punkt på mötet",
    "agenda item",
)
MINUTES = (
    "minnesanteckningar",
    "skriva minnesanteckningar",
    "protokoll",
    "skriv protokollet",
    "anteckningar från mötet",
    "minutes",
)
MEETINGS = (
    "möten",
    "årets möten",
    "alla möten",
    "visa möten",
    "hur många möten har vi haft",
    "mötena i år",
    "meetings",
)


def book(ctx: Ctx, args: str) -> list[Send]:
    """Call a meeting; words that read as a time answer the first question."""
    when = args if args.strip() and parse_when(args, ctx.now) is not None else ""
    return schedule.schedule(ctx, when)


def is_a_time(args: str, now: datetime) -> bool:
    """Whether the words after "boka möte" read as a time a meeting can still have: today or later ("möte igår"
    is something that happened, not a meeting to call)."""
    when = parse_when(args, now)
    if when is None:
        return False
    today = now.astimezone(when.start.tzinfo).date()
    return (when.period_end or when.start.date()) >= today


def add_item(ctx: Ctx, args: str) -> list[Send]:
    """Put a point on the agenda; without a text, say how to write one."""
    if not args.strip():
        raise DomainError("meeting.item_usage_dm")
    return agenda_items.add_item(ctx, args)


def write_minutes(ctx: Ctx, args: str) -> list[Send]:
    """Write the minutes of the group's latest held meeting."""
    return minutes.start_from_command(ctx, "")


def intents() -> tuple[Intent, ...]:
    """What the meetings feature answers to in a DM."""
    return (
        Intent(
            "meeting.book",
            book,
            t("intent.meeting.book"),
            BOOK,
            words=("möte", "mote", "boka möte", "kalla till möte", "nytt möte", "book meeting", "meeting"),
            command="möte",
            argument=Argument.REST,
            needs_group=True,
            shown=("boka möte", "boka möte tisdag nästa vecka kl 13"),
            interrupts=is_a_time,
            flow=SCHEDULE_FLOW,
        ),
        Intent(
            "meeting.next", overview.next_meeting, t("intent.meeting.next"), NEXT, command="möten", needs_group=True
        ),
        Intent(
            "meeting.item",
            add_item,
            t("intent.meeting.item"),
            ITEM,
            words=("punkt", "ny punkt", "möte punkt", "mote punkt", "dagordningspunkt"),
            command="möte punkt",
            argument=Argument.REST,
            needs_group=True,
            shown=("punkt Nya rutiner för remisser",),
        ),
        Intent(
            "meeting.minutes",
            write_minutes,
            t("intent.meeting.minutes"),
            MINUTES,
            words=("möte anteckningar",),
            command="möte anteckningar",
            needs_group=True,
        ),
        Intent(
            "meeting.list",
            overview.list_meetings,
            t("intent.meeting.list"),
            MEETINGS,
            words=("möten", "moten", "meetings"),
            command="möten",
            needs_group=True,
        ),
    )
