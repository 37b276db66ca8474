"""Moving and cancelling the group's next meeting: the announcement is updated and calendars get a new version."""

import json
from datetime import datetime, timedelta

from handlers import access
from handlers.context import Ctx
from handlers.dates import When, parse_when
from handlers.errors import DomainError
from handlers.meetings.announcement import announcement_sends, thread_notice
from handlers.meetings.names import ATTENDING, MeetingAction
from handlers.meetings.permissions import meeting_from, require_convenor
from handlers.meetings.times import refuse, when_words
from handlers.replies import Button, Buttons, Paragraph, Send, Style, reply, say, to_requester, to_user
from handlers.text import Mention, t
from storage import audit
from storage import meetings as repo
from storage.meeting_models import CANCELLED, UPCOMING, Meeting


def next_meeting_to_change(ctx: Ctx) -> Meeting:
    """The channel's group's next meeting, when the person may change it."""
    group = access.channel_group(ctx)
    require_convenor(ctx, group)
    meeting = repo.next_meeting(ctx.session, group=group, after=ctx.now)
    if meeting is None:
        raise DomainError("meeting.none_planned", group=group.name)
    return meeting


def move(ctx: Ctx, args: str) -> list[Send]:
    """`/lokus möte flytta <ny tid>`: the next meeting gets a new time (asked back when the time is ambiguous)."""
    meeting = next_meeting_to_change(ctx)
    if not args.strip():
        raise DomainError("meeting.move_usage")
    w = parse_when(args, ctx.now)
    if w is None:
        raise DomainError("meeting.when_unknown", given=args)
    if w.needs_day:
        raise DomainError("meeting.move_needs_day", given=args)
    if not w.alternatives:
        return _apply_move(ctx, meeting, w)
    buttons = tuple(
        Button(MeetingAction.MOVE_PICK, _pack(meeting, start, w), when_words(ctx, start, has_time=w.has_time))
        for start in (w.start, *w.alternatives)
    )
    return [to_requester(reply(Paragraph(t("meeting.move_which", given=args)), Buttons(buttons)))]


def _pack(meeting: Meeting, start: datetime, w: When) -> str:
    length = int((w.end - w.start).total_seconds() // 60) if w.end is not None else None
    return json.dumps({"meeting": meeting.id, "start": start.isoformat(), "length": length, "has_time": w.has_time})


def pick_move(ctx: Ctx, action_id: str, value: str, selected: list[str]) -> list[Send]:
    """One of the alternatives of an ambiguous new time was picked."""
    meeting_id, w = _unpack(value)
    meeting = meeting_from(ctx, meeting_id)
    require_convenor(ctx, meeting.group)
    if meeting.status not in UPCOMING:
        raise DomainError(f"meeting.rsvp_closed.{meeting.status}")
    return _apply_move(ctx, meeting, w)


def _unpack(value: str) -> tuple[str, When]:
    """The meeting id and the time a move button carries; anything else is not one of ours."""
    try:
        picked = json.loads(value)
        start = datetime.fromisoformat(picked["start"])
        length = picked["length"]
        if start.tzinfo is None or not (length is None or (type(length) is int and 0 < length <= 24 * 60)):
            raise ValueError("not a move button")
        end = start + timedelta(minutes=length) if length else None
        return str(picked["meeting"]), When(start=start, end=end, has_time=picked["has_time"] is True)
    except (ValueError, TypeError, KeyError, OverflowError) as error:  # overflow: a time past year 9999
        raise DomainError("action.unknown") from error


def _apply_move(ctx: Ctx, meeting: Meeting, w: When) -> list[Send]:
    tz = ctx.config.tz
    old_start, old_end = meeting.starts_at, meeting.ends_at
    start = w.start.astimezone(tz)
    if not w.has_time:
        start = datetime.combine(start.date(), old_start.astimezone(tz).time(), tzinfo=tz)
    end = w.end if w.end is not None and w.has_time else start + (old_end - old_start)
    refuse(When(start=start, has_time=True), ctx, DomainError)
    repo.move_meeting(ctx.session, meeting=meeting, starts_at=start, ends_at=end, now=ctx.now)
    audit.record(
        ctx.session,
        team_id=ctx.actor.team_id,
        user_id=ctx.actor.user_id,
        action="meeting.move",
        entity="meeting",
        entity_id=meeting.id,
        detail={"starts_at": start.isoformat()},
    )
    old, new = when_words(ctx, old_start, old_end), when_words(ctx, start, end)
    notice = t("meeting.moved_notice", old=old, new=new, user=Mention(ctx.actor.user_id))
    return [
        to_requester(say(t("meeting.moved", old=old, new=new))),
        *announcement_sends(ctx, meeting),
        *thread_notice(ctx, meeting, notice, with_calendar=True),
    ]


def cancel(ctx: Ctx, args: str) -> list[Send]:
    """`/lokus möte ställ in`: asks to confirm before the next meeting is cancelled."""
    meeting = next_meeting_to_change(ctx)
    value = str(meeting.id)
    question = t("meeting.cancel_confirm", when=when_words(ctx, meeting.starts_at, meeting.ends_at))
    buttons = Buttons(
        (
            Button(MeetingAction.CANCEL_CONFIRM, value, t("meeting.cancel_yes"), Style.DANGER),
            Button(MeetingAction.CANCEL_KEEP, value, t("meeting.cancel_no")),
        )
    )
    return [to_requester(reply(Paragraph(question), buttons))]


def confirm_cancel(ctx: Ctx, action_id: str, value: str, selected: list[str]) -> list[Send]:
    """The convenor confirmed: cancel, update the announcement, send the cancelling ICS, tell who was coming."""
    meeting = meeting_from(ctx, value)
    require_convenor(ctx, meeting.group)
    if meeting.status not in UPCOMING:
        raise DomainError(f"meeting.rsvp_closed.{meeting.status}")
    repo.set_status(ctx.session, meeting=meeting, status=CANCELLED)
    audit.record(
        ctx.session,
        team_id=ctx.actor.team_id,
        user_id=ctx.actor.user_id,
        action="meeting.cancel",
        entity="meeting",
        entity_id=meeting.id,
    )
    when = when_words(ctx, meeting.starts_at, meeting.ends_at)
    notice = t("meeting.cancelled_notice", when=when, group=meeting.group.name, user=Mention(ctx.actor.user_id))
    coming = [r.user_id for r in meeting.rsvps if r.answer in ATTENDING and r.user_id != ctx.actor.user_id]
    return [
        to_requester(say(t("meeting.cancelled", when=when))),
        *announcement_sends(ctx, meeting),
        *thread_notice(ctx, meeting, notice, with_calendar=True),
        *(to_user(say(notice), u) for u in coming),
    ]


def keep(ctx: Ctx, action_id: str, value: str, selected: list[str]) -> list[Send]:
    """The convenor changed their mind: nothing happens."""
    return [to_requester(say(t("meeting.cancel_kept")))]
