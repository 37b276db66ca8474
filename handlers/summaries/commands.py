"""`/lokus sammanfattning [period] [enheter]`, `/lokus sammanfattning alla` and the DM "sammanfattning Heby".

In a group's channel the summary is posted there, protected (small numbers hidden). In a DM it comes back
privately: exact for the group's samordnare, sammankallande and the förbund, protected for other members.
`alla` (the förbund role only) answers privately with every group together and one line per group.
"""

import re
from dataclasses import dataclass

from handlers import access
from handlers.context import Ctx
from handlers.errors import DomainError, NotAllowed, NotAMember
from handlers.identity_guard import guard_identity
from handlers.intents import Argument, Intent
from handlers.replies import Reply, Send, say, to_channel, to_requester
from handlers.router import Command, Feature, Router
from handlers.steps import Inputs, Step, StepResult, step_group
from handlers.summaries.compile import (
    PreviousMeeting,
    group_summary,
    no_previous_meeting,
    rollup_summary,
    summary_period,
)
from handlers.summaries.group_settings import settings_command
from handlers.summaries.periods import Period, parse_period, this_year
from handlers.summaries.published import keep_published
from handlers.text import Join, Listing, t
from storage import groups as groups_repo
from storage.models import Group

EVERYONE = ("alla", "all")
SUMMARY_STEP = "post_summary"
SUMMARY = (
    "sammanställning",
    "sammanfattning",
    "statistik",
    "sammanställning inför mötet",
    "visa statistiken för ärendena",
    "hur många ärenden har vi",
    "siffror till mötet",
    "summary",
    "statistics",
)
UNITS = re.compile(r"(?:\bper\s+)?\b(?:enheter|enhet|units)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Asked:
    """What follows the command word: all groups or one, per unit or not, and the words of the period."""

    everyone: bool
    with_units: bool
    rest: str


def read_args(args: str) -> Asked:
    """Split the words after `sammanfattning` into the options and the rest."""
    with_units = bool(UNITS.search(args))
    words = " ".join(UNITS.sub(" ", args).split())
    first, _, rest = words.partition(" ")
    if first.casefold() in EVERYONE:
        return Asked(True, with_units, rest)
    return Asked(False, with_units, words)


@dataclass(frozen=True)
class Summaries:
    """The summary commands, knowing how to find a group's previous meeting (the default period's start)."""

    previous_meeting: PreviousMeeting = no_previous_meeting

    def in_channel(self, ctx: Ctx, args: str) -> list[Send]:
        """`/lokus sammanfattning [period]`: post the group's protected summary in its channel (or change
        how the group's summaries are made: `gräns`, `dagar`, `inställningar`)."""
        first, _, rest = args.strip().partition(" ")
        changed = settings_command(ctx, first, rest)
        if changed is not None:
            return changed
        asked = read_args(args)
        if asked.everyone:
            return self.rollup(ctx, asked.rest)
        return self.to_group(ctx, asked.rest, with_units=asked.with_units)

    def to_group(self, ctx: Ctx, words: str, *, with_units: bool = False) -> list[Send]:
        """The channel's group's protected summary for the period the words name, posted in its channel."""
        group = access.channel_group(ctx)
        access.require_member(ctx, group)
        period = self.period(ctx, group, words)
        summary = group_summary(ctx, group, period, with_units=with_units)
        channel = group.channel_id or ""
        return [to_channel(keep_published(ctx, group, period, summary, trigger="command", channel_id=channel))]

    def step(self, ctx: Ctx, inputs: Inputs) -> StepResult:
        """The workflow step *Posta sammanfattning*: the summary posted as `/lokus sammanfattning <period>` does."""
        words = inputs.get("period", "")
        guard_identity(words)
        step_group(ctx)
        return StepResult({}, self.to_group(ctx, words))

    def in_dm(self, ctx: Ctx, args: str) -> list[Send]:
        """DM "sammanfattning Heby [period]": the summary privately (exact for those who keep the cases)."""
        asked = read_args(args)
        if asked.everyone:
            return self.rollup(ctx, asked.rest)
        group, rest = self._named_group(ctx, asked.rest)
        member = access.require_member(ctx, group)
        exact = access.is_forbund(ctx) or (
            member is not None and any(role in member.role_list for role in access.MANAGERS)
        )
        period = self.period(ctx, group, rest)
        return [to_requester(group_summary(ctx, group, period, exact=exact, with_units=asked.with_units))]

    def from_words(self, ctx: Ctx, args: str) -> list[Send]:
        """The summary asked for in everyday words: words that do not read as a period are set aside, with a
        note, and the default period used (the words came from a sentence, not a command)."""
        run = self.in_dm if ctx.actor.in_dm else self.in_channel
        try:
            return run(ctx, args)
        except DomainError as error:
            if error.text.key != "summary.period_unknown":
                raise
        return [to_requester(say(t("summary.period_set_aside"))), *run(ctx, "")]

    def rollup(self, ctx: Ctx, words: str) -> list[Send]:
        """`sammanfattning alla [period]`: every group of the workspace, for the förbund, privately."""
        if not access.is_forbund(ctx):
            raise NotAllowed("summary.forbund_only")
        today = ctx.local_now.date()
        period = parse_period(words, today) if words else this_year(today)
        return [to_requester(rollup_summary(ctx, access.visible_groups(ctx), period, exact=True))]

    def period(self, ctx: Ctx, group: Group, words: str) -> Period:
        """The period the words name, or the group's default period when there are none."""
        if words.strip():
            return parse_period(words, ctx.local_now.date())
        return summary_period(ctx, group, self.previous_meeting)

    def for_export(self, ctx: Ctx, *, group_name: str, words: str, exact: bool, with_units: bool) -> Reply:
        """The summary of a group named in the workspace, for the terminal (no membership needed there)."""
        workspace = groups_repo.get_or_create_workspace(ctx.session, team_id=ctx.actor.team_id)
        group = groups_repo.find_group_by_name(ctx.session, workspace=workspace, name=group_name)
        if group is None:
            names = [g.name for g in groups_repo.groups_of_workspace(ctx.session, workspace=workspace)]
            raise DomainError(
                "summary.group_unknown",
                given=group_name,
                groups=Join(tuple(names)) if names else t("summary.no_groups"),
            )
        return group_summary(ctx, group, self.period(ctx, group, words), exact=exact, with_units=with_units)

    def _named_group(self, ctx: Ctx, words: str) -> tuple[Group, str]:
        """The group whose name starts the words (and the words after it); a person's only group otherwise."""
        workspace = groups_repo.get_or_create_workspace(ctx.session, team_id=ctx.actor.team_id)
        every = sorted(
            groups_repo.groups_of_workspace(ctx.session, workspace=workspace),
            key=lambda g: len(g.name_key),
            reverse=True,
        )
        folded = " ".join(words.casefold().split())
        for group in every:
            if folded == group.name_key or folded.startswith(group.name_key + " "):
                return group, " ".join(words.split())[len(group.name_key) :].strip()
        mine = access.visible_groups(ctx)
        if len(mine) == 1:
            return mine[0], words
        if not mine:
            raise NotAMember("dm.not_member")
        raise DomainError("summary.which_group", example=mine[0].name, groups=Listing(tuple(g.name for g in mine)))


def feature(previous_meeting: PreviousMeeting = no_previous_meeting) -> Feature:
    """The summaries feature; give it the meetings' `previous_meeting(ctx, group)` once meetings exist."""
    summaries = Summaries(previous_meeting)
    summary = Intent(
        "summary",
        summaries.from_words,
        t("intent.summary"),
        SUMMARY,
        words=("sammanfattning", "sammanställning", "sammanstallning", "summary"),
        command="sammanfattning",
        argument=Argument.REST,
        shown=("sammanställning", "sammanfattning Heby hösten 2026"),
    )
    return Feature(
        commands=(
            Command(
                "sammanfattning",
                summaries.in_channel,
                t("help.sammanfattning"),
                words=("sammanställning", "sammanstallning", "summary"),
            ),
        ),
        intents=(summary,),
        steps=(Step(SUMMARY_STEP, ("period",), (), summaries.step),),
    )


def configured_summaries(router: Router) -> Summaries:
    """The summaries as the router was built with them, so the terminal uses the same previous-meeting hook."""
    command = router.commands.get("sammanfattning")
    owner = getattr(command.run, "__self__", None) if command else None
    return owner if isinstance(owner, Summaries) else Summaries()
