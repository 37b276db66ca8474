"""Per-group meeting settings kept in `Group.settings`: when reminders go out, and the year's meeting goal."""

from collections.abc import Mapping
from typing import Any

from handlers import access
from handlers.context import Ctx
from handlers.errors import DomainError
from handlers.groups import lock_settings, save_setting
from handlers.meetings.names import (
    DEFAULT_GOAL,
    DEFAULT_REMINDER_DAYS,
    GOAL_SETTING,
    MAX_REMINDER_DAYS,
    REMINDER_DAYS_SETTING,
)
from handlers.meetings.permissions import require_convenor
from handlers.numbers import whole_number
from handlers.replies import Send, say, to_channel
from handlers.text import Listing, Mention, t
from storage.models import Group

OFF_WORDS = {"av", "inga", "off", "none"}
MOST_REMINDERS = 5


def reminder_days(group: Group) -> list[int]:
    """How many days before a meeting reminders go out, largest first (default 7 and 1)."""
    return reminder_days_in(group.settings)


def reminder_days_in(settings: Mapping[str, Any]) -> list[int]:
    """The reminder days a group's settings hold, largest first (default 7 and 1)."""
    days = settings.get(REMINDER_DAYS_SETTING, list(DEFAULT_REMINDER_DAYS))
    return sorted({int(d) for d in days}, reverse=True)


def meeting_goal(group: Group) -> int:
    """How many meetings the group means to hold in a year (default 4)."""
    return int(group.settings.get(GOAL_SETTING, DEFAULT_GOAL))


def set_reminders(ctx: Ctx, args: str) -> list[Send]:
    """`/lokus möte påminnelser 7 1` (or `av`): the days before each meeting reminders go out."""
    group = lock_settings(ctx, access.channel_group(ctx))
    require_convenor(ctx, group)
    words = args.replace(",", " ").split()
    numbers = [whole_number(w) for w in words]
    if words and words[0].casefold() in OFF_WORDS:
        days: list[int] = []
    elif words and all(n is not None and 1 <= n <= MAX_REMINDER_DAYS for n in numbers) and len(words) <= MOST_REMINDERS:
        days = sorted({n for n in numbers if n is not None}, reverse=True)
    else:
        raise DomainError("meeting.reminders_usage", most=MAX_REMINDER_DAYS)
    save_setting(ctx, group, REMINDER_DAYS_SETTING, days)
    shown = (
        t("meeting.reminders_days", days=Listing(tuple(days)), count=days[0] if len(days) == 1 else len(days))
        if days
        else t("meeting.reminders_off")
    )
    return [to_channel(say(t("meeting.reminders_set", group=group.name, days=shown, user=Mention(ctx.actor.user_id))))]


def set_goal(ctx: Ctx, args: str) -> list[Send]:
    """`/lokus möte mål 4`: how many meetings the group means to hold this year."""
    group = lock_settings(ctx, access.channel_group(ctx))
    require_convenor(ctx, group)
    goal = whole_number(args)
    if goal is None or not 1 <= goal <= 52:
        raise DomainError("meeting.goal_usage")
    save_setting(ctx, group, GOAL_SETTING, goal)
    return [to_channel(say(t("meeting.goal_set", group=group.name, goal=goal, user=Mention(ctx.actor.user_id))))]
