"""The summary posted by itself in the group's channel a set number of days before each meeting."""

from dataclasses import replace
from datetime import date, timedelta

from handlers.context import Ctx
from handlers.replies import Send, To, in_workspace
from handlers.summaries.compile import summary_period, summary_sends
from handlers.summaries.group_settings import MAX_DAYS_BEFORE, days_before_in
from storage import meetings as meetings_repo
from storage.jobs import claim_once
from storage.meeting_models import Meeting
from storage.meetings import MeetingTimes
from storage.models import Group


def previous_meeting(ctx: Ctx, group: Group) -> date | None:
    """The date of the group's latest meeting before now: the default summary covers the time since."""
    return meetings_repo.previous_meeting_date(ctx.session, group, before=ctx.now, tz=ctx.config.tz)


def _in_thread(sends: list[Send], meeting: Meeting) -> list[Send]:
    """The summary before a meeting, and so its chart, in the thread of the meeting's announcement (where it has
    one in the same channel), with everything else about that meeting."""
    if not meeting.announcement_ts:
        return sends
    return [
        replace(s, thread_ts=meeting.announcement_ts)
        if s.to == To.CHANNEL and s.channel_id == meeting.channel_id and not s.update_ts
        else s
        for s in sends
    ]


def due_summaries(ctx: Ctx) -> list[Send]:
    """Summaries whose moment has come, each claimed once per meeting time however many processes look."""
    horizon = ctx.now + timedelta(days=MAX_DAYS_BEFORE + 1)
    due = [
        times.id
        for times in meetings_repo.times_starting_between(ctx.session, start=ctx.now, end=horizon)
        if _due(times, ctx)
    ]
    sends: list[Send] = []
    for meeting in meetings_repo.with_groups(ctx.session, ids=due):
        if claim_once(ctx.session, key=f"summary:meeting:{meeting.id}:{meeting.starts_at.isoformat()}"):
            group = meeting.group
            summary = summary_sends(ctx, group, summary_period(ctx, group, previous_meeting))
            sends.extend(in_workspace(_in_thread(summary, meeting), group.workspace.team_id))
    return sends


def _due(meeting: MeetingTimes, ctx: Ctx) -> bool:
    """Whether the meeting's summary is due: within its group's days before it, and it has not begun."""
    days = days_before_in(meeting.group_settings)
    return days > 0 and meeting.starts_at - timedelta(days=days) <= ctx.now < meeting.starts_at
