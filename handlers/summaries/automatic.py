"""The summary posted by itself in the group's channel a set number of days before each meeting."""

from datetime import date, timedelta

from handlers.context import Ctx
from handlers.replies import Send, in_workspace
from handlers.summaries.compile import summary_period, summary_sends
from handlers.summaries.group_settings import MAX_DAYS_BEFORE, days_before
from storage import meetings as meetings_repo
from storage.jobs import claim_once
from storage.models import Group


def previous_meeting(ctx: Ctx, group: Group) -> date | None:
    """The date of the group's latest meeting before now: the default summary covers the time since."""
    return meetings_repo.previous_meeting_date(ctx.session, group, before=ctx.now, tz=ctx.config.tz)


def due_summaries(ctx: Ctx) -> list[Send]:
    """Summaries whose moment has come, each claimed once per meeting time however many processes look."""
    sends: list[Send] = []
    horizon = ctx.now + timedelta(days=MAX_DAYS_BEFORE + 1)
    for meeting in meetings_repo.starting_between(ctx.session, start=ctx.now, end=horizon):
        days = days_before(meeting.group)
        if days <= 0 or not (meeting.starts_at - timedelta(days=days) <= ctx.now < meeting.starts_at):
            continue
        if claim_once(ctx.session, key=f"summary:meeting:{meeting.id}:{meeting.starts_at.isoformat()}"):
            group = meeting.group
            summary = summary_sends(ctx, group, summary_period(ctx, group, previous_meeting))
            sends.extend(in_workspace(summary, group.workspace.team_id))
    return sends
