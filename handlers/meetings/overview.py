"""`/lokus möten`: this year's meetings with who came per party, and the year's goal ("3 av 4 möten hållna")."""

from datetime import datetime

from handlers import access
from handlers.context import Ctx
from handlers.errors import DomainError
from handlers.meetings.announcement import announcement
from handlers.meetings.group_settings import meeting_goal
from handlers.meetings.names import ATTENDING
from handlers.meetings.times import when_words
from handlers.parties import Party
from handlers.replies import Fields, Header, Note, Paragraph, Part, Send, reply, to_requester
from handlers.text import Join, t
from storage import meetings as repo
from storage.meeting_models import HELD, UPCOMING, Meeting


def list_meetings(ctx: Ctx, args: str) -> list[Send]:
    """The group's meetings this year, attendance per party, and how far the group is from its goal."""
    group = access.channel_group(ctx)
    access.require_member(ctx, group)
    local = ctx.local_now
    start = datetime(local.year, 1, 1, tzinfo=ctx.config.tz)
    meetings = repo.meetings_between(
        ctx.session, group=group, start=start, end=datetime(local.year + 1, 1, 1, tzinfo=ctx.config.tz)
    )
    held = sum(1 for m in meetings if m.status == HELD)
    planned = sum(1 for m in meetings if m.status in UPCOMING)
    parts: list[Part] = [Header(t("meetings.title", group=group.name, year=str(local.year)))]
    if meetings:
        parts.append(Fields(tuple((when_words(ctx, m.starts_at, m.ends_at), _line(m)) for m in meetings)))
    else:
        parts.append(Paragraph(t("meetings.none", year=str(local.year))))
    parts.append(Paragraph(t("meetings.goal", held=held, goal=meeting_goal(group), planned=planned)))
    parts.append(Note(t("meetings.hint")))
    return [to_requester(reply(*parts))]


def next_meeting(ctx: Ctx, args: str) -> list[Send]:
    """The group's next meeting as its announcement (with the answer buttons), privately."""
    group = access.channel_group(ctx)
    access.require_member(ctx, group)
    meeting = repo.next_meeting(ctx.session, group=group, after=ctx.now)
    if meeting is None:
        raise DomainError("meeting.none_planned", group=group.name)
    return [to_requester(announcement(ctx, meeting))]


def _line(meeting: Meeting) -> Join:
    counts = tuple(t("meetings.party_count", party=t(f"party.{p.value}"), count=_coming(meeting, p)) for p in Party)
    return Join((t(f"meetings.status.{meeting.status}"), Join(counts, sep=" · ")), sep="\n")


def _coming(meeting: Meeting, party: Party) -> int:
    return sum(1 for r in meeting.rsvps if r.party == party.value and r.answer in ATTENDING)
