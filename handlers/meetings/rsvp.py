"""Answers to a meeting (kommer / kommer inte / skickar ersättare), and remembering where it was announced."""

from handlers import access
from handlers.context import Ctx
from handlers.errors import DomainError, NotAMember
from handlers.meetings.announcement import announcement_sends, thread_notice
from handlers.meetings.names import ANSWER_OF_ACTION, MeetingAction
from handlers.meetings.permissions import meeting_from
from handlers.meetings.times import when_words
from handlers.replies import Send, home_changed, say, to_requester
from handlers.text import Mention, t
from storage import meetings as repo
from storage.meeting_models import UPCOMING


def answer(ctx: Ctx, action_id: str, value: str, selected: list[str]) -> list[Send]:
    """A member pressed kommer, kommer inte or skickar ersättare (on the announcement, a reminder or a DM)."""
    meeting = meeting_from(ctx, value)
    if meeting.status not in UPCOMING:
        raise DomainError(f"meeting.rsvp_closed.{meeting.status}")
    member = access.member_of(ctx, meeting.group)
    if member is None:
        raise NotAMember("group.not_member", group=meeting.group.name)
    choice = ANSWER_OF_ACTION[MeetingAction(action_id)]
    before = next((r.answer for r in meeting.rsvps if r.user_id == member.user_id), None)
    repo.set_rsvp(ctx.session, meeting=meeting, user_id=member.user_id, party=member.party, answer=choice, now=ctx.now)
    thanks = t(
        f"meeting.rsvp_thanks.{choice}",
        when=when_words(ctx, meeting.starts_at, meeting.ends_at),
        group=meeting.group.name,
    )
    sends = [home_changed(member.user_id), to_requester(say(thanks)), *announcement_sends(ctx, meeting)]
    if before is not None and before != choice:  # a changed answer is said in the announcement's thread
        changed = t(f"meeting.rsvp_changed.{choice}", user=Mention(member.user_id))
        sends.extend(thread_notice(ctx, meeting, changed))
    return sends


def announced(ctx: Ctx, value: str, channel_id: str, ts: str) -> None:
    """The announcement was posted: remember its channel and ts to update it later."""
    meeting = repo.get_meeting(ctx.session, meeting_id=int(value))
    if meeting is not None:
        repo.set_announcement(ctx.session, meeting=meeting, channel_id=channel_id, ts=ts)
