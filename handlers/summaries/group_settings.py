"""Per-group summary settings kept in `Group.settings`: the small-number threshold and the automatic summary.

    /lokus sammanfattning inställningar     what the group has now
    /lokus sammanfattning gräns 5           counts below 5 are shown as "färre än 5" in the channel
    /lokus sammanfattning dagar 3           posted by itself 3 days before each meeting (0 or "av": never)

Only those who manage the group (sammankallande, samordnare, förbundet) may change them; every change is
announced in the channel and audited.
"""

from handlers import access
from handlers.context import Ctx
from handlers.errors import DomainError
from handlers.groups import save_setting
from handlers.replies import Send, say, to_channel, to_requester
from handlers.text import Mention, Text, t
from storage.models import Group

THRESHOLD_SETTING = "small_number_threshold"
DAYS_BEFORE_SETTING = "summary_days_before"
DEFAULT_DAYS_BEFORE = 3
THRESHOLDS = range(2, 21)
MAX_DAYS_BEFORE = 30
OFF_WORDS = {"av", "aldrig", "inga", "off", "never"}

SHOW_WORDS = ("inställningar", "installningar", "settings")
THRESHOLD_WORDS = ("gräns", "grans", "threshold")
DAYS_WORDS = ("dagar", "days")


def threshold_of(ctx: Ctx, group: Group) -> int:
    """The group's small-number threshold (its setting, else the configured default)."""
    value = (group.settings or {}).get(THRESHOLD_SETTING)
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value
    return ctx.config.small_number_threshold


def days_before(group: Group) -> int:
    """How many days before a meeting the group gets its summary (group setting, default 3; 0 turns it off)."""
    return int((group.settings or {}).get(DAYS_BEFORE_SETTING, DEFAULT_DAYS_BEFORE))


def settings_command(ctx: Ctx, word: str, args: str) -> list[Send] | None:
    """The settings command the first word names (None when it names none, e.g. a period)."""
    folded = word.casefold()
    if folded in SHOW_WORDS:
        group = access.channel_group(ctx)
        access.require_member(ctx, group)
        return [to_requester(say(t("summary.settings", group=group.name, threshold=threshold_of(ctx, group),
                                   automatic=_automatic(days_before(group)))))]
    if folded in THRESHOLD_WORDS:
        return set_threshold(ctx, args)
    if folded in DAYS_WORDS:
        return set_days_before(ctx, args)
    return None


def set_threshold(ctx: Ctx, args: str) -> list[Send]:
    """`/lokus sammanfattning gräns 5`: counts below 5 are protected in what the channel reads."""
    group = access.channel_group(ctx)
    access.require_manager(ctx, group)
    word = args.strip()
    if not word.isdigit() or int(word) not in THRESHOLDS:
        raise DomainError("summary.threshold_usage", lowest=THRESHOLDS[0], highest=THRESHOLDS[-1])
    save_setting(ctx, group, THRESHOLD_SETTING, int(word))
    return [to_channel(say(t("summary.threshold_set", group=group.name, threshold=int(word),
                             user=Mention(ctx.actor.user_id))))]


def set_days_before(ctx: Ctx, args: str) -> list[Send]:
    """`/lokus sammanfattning dagar 3` (or `av`): when the summary is posted by itself before a meeting."""
    group = access.channel_group(ctx)
    access.require_manager(ctx, group)
    word = args.strip().casefold()
    if word in OFF_WORDS:
        days = 0
    elif word.isdigit() and int(word) <= MAX_DAYS_BEFORE:
        days = int(word)
    else:
        raise DomainError("summary.days_usage", most=MAX_DAYS_BEFORE)
    save_setting(ctx, group, DAYS_BEFORE_SETTING, days)
    return [to_channel(say(t("summary.days_set", group=group.name, automatic=_automatic(days),
                             user=Mention(ctx.actor.user_id))))]


def _automatic(days: int) -> Text:
    if days <= 0:
        return t("summary.automatic_off")
    return t("summary.automatic_one" if days == 1 else "summary.automatic_days", days=days)
