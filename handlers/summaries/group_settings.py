"""Per-group summary settings kept in `Group.settings`: the small-number threshold, the automatic summary, and
what the period is compared with.

    /lokus sammanfattning inställningar     what the group has now
    /lokus sammanfattning gräns 5           counts below 5 are shown as "färre än 5" in the channel
    /lokus sammanfattning dagar 3           posted by itself 3 days before each meeting (0 or "av": never)
    /lokus sammanfattning jämför period     compared with the period of the same length just before
    /lokus sammanfattning jämför år         compared with the same period a year earlier (the default)

Only the group's sammankallande, samordnare or the förbund may change them; every change is announced in the
channel and audited. The threshold can be raised, never set below the deployment's SMALL_NUMBER_THRESHOLD.
"""

from handlers import access
from handlers.context import Ctx
from handlers.errors import DomainError
from handlers.groups import lock_settings, save_setting
from handlers.numbers import whole_number
from handlers.replies import Send, say, to_channel, to_requester
from handlers.summaries.periods import Comparison
from handlers.text import Mention, Text, t
from storage.models import Group

THRESHOLD_SETTING = "small_number_threshold"
DAYS_BEFORE_SETTING = "summary_days_before"
COMPARISON_SETTING = "summary_compared_with"
DEFAULT_DAYS_BEFORE = 3
HIGHEST_THRESHOLD = 20
MAX_DAYS_BEFORE = 30
OFF_WORDS = {"av", "aldrig", "inga", "off", "never"}

SHOW_WORDS = ("inställningar", "installningar", "settings")
THRESHOLD_WORDS = ("gräns", "grans", "threshold")
DAYS_WORDS = ("dagar", "days")
COMPARE_WORDS = ("jämför", "jamfor", "jämförelse", "compare")
COMPARISON_WORDS = {
    Comparison.YEAR: ("år", "året", "förra året", "året innan", "samma period", "ett år tidigare", "year"),
    Comparison.PREVIOUS: ("period", "perioden", "perioden innan", "föregående", "föregående period", "previous"),
}


def threshold_of(ctx: Ctx, group: Group) -> int:
    """The group's small-number threshold: its own setting, never below the configured default."""
    value = (group.settings or {}).get(THRESHOLD_SETTING)
    own = value if isinstance(value, int) and not isinstance(value, bool) else 0
    return max(own, ctx.config.small_number_threshold)


def days_before(group: Group) -> int:
    """How many days before a meeting the group gets its summary (group setting, default 3; 0 turns it off)."""
    return int((group.settings or {}).get(DAYS_BEFORE_SETTING, DEFAULT_DAYS_BEFORE))


def comparison_of(group: Group) -> Comparison:
    """What the group's summaries compare their period with (group setting, default the same period a year ago)."""
    value = (group.settings or {}).get(COMPARISON_SETTING)
    return Comparison(value) if value in tuple(Comparison) else Comparison.YEAR


def settings_command(ctx: Ctx, word: str, args: str) -> list[Send] | None:
    """The settings command the first word names (None when it names none, e.g. a period)."""
    folded = word.casefold()
    if folded in SHOW_WORDS:
        group = access.channel_group(ctx)
        access.require_member(ctx, group)
        return [
            to_requester(
                say(
                    t(
                        "summary.settings",
                        group=group.name,
                        threshold=threshold_of(ctx, group),
                        automatic=_automatic(days_before(group)),
                        comparison=t(f"summary.compared.{comparison_of(group)}"),
                    )
                )
            )
        ]
    if folded in THRESHOLD_WORDS:
        return set_threshold(ctx, args)
    if folded in DAYS_WORDS:
        return set_days_before(ctx, args)
    if folded in COMPARE_WORDS:
        return set_comparison(ctx, args)
    return None


def set_threshold(ctx: Ctx, args: str) -> list[Send]:
    """`/lokus sammanfattning gräns 5`: counts below 5 are protected in what the channel reads."""
    group = lock_settings(ctx, access.channel_group(ctx))
    access.require_manager(ctx, group)
    lowest = ctx.config.small_number_threshold
    threshold = whole_number(args)
    if threshold is None or not lowest <= threshold <= HIGHEST_THRESHOLD:
        raise DomainError("summary.threshold_usage", lowest=lowest, highest=HIGHEST_THRESHOLD)
    save_setting(ctx, group, THRESHOLD_SETTING, threshold)
    return [
        to_channel(
            say(t("summary.threshold_set", group=group.name, threshold=threshold, user=Mention(ctx.actor.user_id)))
        )
    ]


def set_days_before(ctx: Ctx, args: str) -> list[Send]:
    """`/lokus sammanfattning dagar 3` (or `av`): when the summary is posted by itself before a meeting."""
    group = lock_settings(ctx, access.channel_group(ctx))
    access.require_manager(ctx, group)
    days = 0 if args.strip().casefold() in OFF_WORDS else whole_number(args)
    if days is None or days > MAX_DAYS_BEFORE:
        raise DomainError("summary.days_usage", most=MAX_DAYS_BEFORE)
    save_setting(ctx, group, DAYS_BEFORE_SETTING, days)
    return [
        to_channel(
            say(t("summary.days_set", group=group.name, automatic=_automatic(days), user=Mention(ctx.actor.user_id)))
        )
    ]


def set_comparison(ctx: Ctx, args: str) -> list[Send]:
    """`/lokus sammanfattning jämför period` (or `år`): what the group's summaries compare their period with."""
    group = lock_settings(ctx, access.channel_group(ctx))
    access.require_manager(ctx, group)
    words = " ".join(args.casefold().split()).removeprefix("med ")
    chosen = next((c for c, known in COMPARISON_WORDS.items() if words in known), None)
    if chosen is None:
        raise DomainError("summary.compare_usage")
    save_setting(ctx, group, COMPARISON_SETTING, chosen.value)
    compared = t(f"summary.compared.{chosen}")
    return [
        to_channel(
            say(t("summary.compare_set", group=group.name, comparison=compared, user=Mention(ctx.actor.user_id)))
        )
    ]


def _automatic(days: int) -> Text:
    if days <= 0:
        return t("summary.automatic_off")
    return t("summary.automatic_one" if days == 1 else "summary.automatic_days", days=days)
