"""Scheduled meeting work: reminders before a meeting, and asking for minutes after it. Each runs once.

Run by the scheduler every minute in every bot process; the work is claimed in the database (`claim_once`)
with keys that include the meeting's start time, so a moved meeting gets its reminders again at its new time.
"""

from datetime import UTC, timedelta

from handlers.context import Ctx
from handlers.meetings.announcement import announcement_sends, missing_parties, rsvp_buttons
from handlers.meetings.group_settings import reminder_days
from handlers.meetings.minutes import ask_for_minutes
from handlers.meetings.names import MAX_REMINDER_DAYS
from handlers.meetings.times import when_words
from handlers.replies import Paragraph, Send, in_workspace, reply, to_channel, to_user
from handlers.text import Listing, Text, t
from storage import meetings as repo
from storage.jobs import claim_once
from storage.meeting_models import HELD, Meeting


def send_reminders(ctx: Ctx) -> list[Send]:
    """Remind the channel, and by DM the members who have not answered, of meetings a set number of days ahead."""
    sends: list[Send] = []
    horizon = ctx.now + timedelta(days=MAX_REMINDER_DAYS + 1)
    for meeting in repo.starting_between(ctx.session, start=ctx.now, end=horizon):
        days = due_reminder(meeting, ctx)
        if days is None or not claim_once(ctx.session, key=_claim(meeting, f"reminder:{days}d")):
            continue
        repo.mark_reminded(ctx.session, meeting=meeting, days=days)
        sends.extend(in_workspace(reminder_sends(ctx, meeting, days), meeting.group.workspace.team_id))
    return sends


def due_reminder(meeting: Meeting, ctx: Ctx) -> int | None:
    """The reminder due now (days before), if any: the nearest one that has passed and was not sent yet.

    A reminder whose moment had passed before the meeting got its time is skipped, so a meeting called three
    days ahead gets no "in seven days" reminder.
    """
    for days in sorted(reminder_days(meeting.group)):
        moment = meeting.starts_at - timedelta(days=days)
        sent_later = meeting.last_reminder_days is not None and meeting.last_reminder_days <= days
        if meeting.time_set_at <= moment <= ctx.now and not sent_later:
            return days
    return None


def _claim(meeting: Meeting, job: str) -> str:
    start = meeting.starts_at.astimezone(UTC).strftime("%Y%m%dT%H%M")
    return f"meeting:{meeting.id}:{job}:{start}:v{meeting.sequence}"


def reminder_sends(ctx: Ctx, meeting: Meeting, days: int) -> list[Send]:
    """The reminder in the channel, and a DM with the answer buttons to each member who has not answered."""
    group = meeting.group
    when = when_words(ctx, meeting.starts_at, meeting.ends_at)
    soon = t("meeting.reminder_tomorrow") if days == 1 else t("meeting.reminder_in_days", days=days)
    answered = {r.user_id for r in meeting.rsvps}
    waiting = [m.user_id for m in group.members if m.user_id not in answered]
    text = t("meeting.reminder", group=group.name, when=when, soon=soon, place=meeting.place)
    buttons = rsvp_buttons(meeting)
    sends: list[Send] = []
    if meeting.channel_id:
        channel = reply(Paragraph(text), Paragraph(_missing(meeting)), buttons)
        sends.append(to_channel(channel, channel_id=meeting.channel_id))
    personal = t("meeting.reminder_dm", group=group.name, when=when, soon=soon, place=meeting.place)
    sends.extend(to_user(reply(Paragraph(personal), buttons), user_id) for user_id in waiting)
    return sends


def _missing(meeting: Meeting) -> Text:
    missing = missing_parties(meeting.rsvps)
    if not missing:
        return t("meeting.all_parties")
    return t("meeting.parties_missing", parties=Listing(tuple(t(f"party.{p.value}") for p in missing)))


def close_ended(ctx: Ctx) -> list[Send]:
    """Meetings whose end has passed become held; the announcement says so and the minute-taker is asked."""
    sends: list[Send] = []
    for meeting in repo.ended_unheld(ctx.session, now=ctx.now):
        if not claim_once(ctx.session, key=_claim(meeting, "held")):
            continue
        repo.set_status(ctx.session, meeting=meeting, status=HELD)
        team = meeting.group.workspace.team_id
        sends.extend(in_workspace([*announcement_sends(ctx, meeting), *ask_for_minutes(ctx, meeting)], team))
    return sends
