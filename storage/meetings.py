"""Repository for meetings, agenda items and RSVPs. Functions flush, the unit of work commits."""

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from storage.clock import utcnow
from storage.meeting_models import CANCELLED, HELD, MOVED, UPCOMING, AgendaItem, Meeting, Rsvp
from storage.models import Group

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def create_meeting(
    session: Session,
    *,
    group: Group,
    starts_at: datetime,
    ends_at: datetime,
    place: str,
    convenor: str,
    minute_taker: str,
    now: datetime,
) -> Meeting:
    """A new meeting of the group; agenda items waiting for the next meeting are put on it."""
    meeting = Meeting(
        group=group,
        starts_at=starts_at,
        ends_at=ends_at,
        place=place,
        convenor=convenor,
        minute_taker=minute_taker,
        channel_id=group.channel_id or "",
        time_set_at=now,
        created_at=now,
        announcement_ts="",
        sequence=0,
    )
    session.add(meeting)
    session.flush()
    waiting = select(AgendaItem).where(AgendaItem.group_id == group.id, AgendaItem.meeting_id.is_(None))
    for item in session.scalars(waiting):
        item.meeting = meeting
    session.flush()
    return meeting


def get_meeting(session: Session, *, meeting_id: int) -> Meeting | None:
    """The meeting with the id, if any."""
    return session.get(Meeting, meeting_id)


def next_meetings(
    session: Session, *, after: datetime, group: Group | None = None, limit: int | None = None
) -> Sequence[Meeting]:
    """Meetings not cancelled or held that end after `after`, earliest first; of one group or of all."""
    stmt = select(Meeting).where(Meeting.status.in_(UPCOMING), Meeting.ends_at > after)
    if group is not None:
        stmt = stmt.where(Meeting.group_id == group.id)
    stmt = stmt.order_by(Meeting.starts_at, Meeting.id).limit(limit)
    return session.scalars(stmt).all()


def next_meeting(session: Session, *, group: Group, after: datetime) -> Meeting | None:
    """The group's next meeting that has not ended, if any."""
    found = next_meetings(session, after=after, group=group, limit=1)
    return found[0] if found else None


def previous_meeting_date(
    session: Session, group: Group, *, before: datetime | None = None, tz: ZoneInfo = STOCKHOLM
) -> date | None:
    """The local date of the group's latest meeting (not cancelled) that started before `before` (default now)."""
    stmt = (
        select(Meeting.starts_at)
        .where(Meeting.group_id == group.id, Meeting.status != CANCELLED, Meeting.starts_at < (before or utcnow()))
        .order_by(Meeting.starts_at.desc())
        .limit(1)
    )
    found = session.scalars(stmt).first()
    return found.astimezone(tz).date() if found is not None else None


def meetings_between(session: Session, *, group: Group, start: datetime, end: datetime) -> Sequence[Meeting]:
    """The group's meetings (any status) starting in [start, end), earliest first."""
    stmt = (
        select(Meeting)
        .where(Meeting.group_id == group.id, Meeting.starts_at >= start, Meeting.starts_at < end)
        .order_by(Meeting.starts_at, Meeting.id)
    )
    return session.scalars(stmt).all()


@dataclass(frozen=True)
class MeetingTimes:
    """What the scheduler decides by: a meeting's times, its last reminder, its group's settings."""

    id: int
    starts_at: datetime
    time_set_at: datetime
    last_reminder_days: int | None
    group_settings: dict[str, Any]


def times_starting_between(session: Session, *, start: datetime, end: datetime) -> list[MeetingTimes]:
    """The times of the meetings still to be held that start in [start, end), earliest first, as plain rows.

    The scheduler looks at two months of every group's meetings each minute and acts on a handful: deciding on
    these rows and loading only those (`with_groups`) is a third of loading them all (bench/scale.py, 670
    meetings at national scale).
    """
    stmt = (
        select(Meeting.id, Meeting.starts_at, Meeting.time_set_at, Meeting.last_reminder_days, Group.settings)
        .join(Group, Group.id == Meeting.group_id)
        .where(Meeting.status.in_(UPCOMING), Meeting.starts_at >= start, Meeting.starts_at < end)
        .order_by(Meeting.starts_at, Meeting.id)
    )
    return [MeetingTimes(*row) for row in session.execute(stmt)]


def with_groups(session: Session, *, ids: Collection[int]) -> Sequence[Meeting]:
    """The meetings with these ids, earliest first, with their groups and workspaces joined in."""
    if not ids:
        return []
    stmt = (
        select(Meeting)
        .where(Meeting.id.in_(sorted(ids)))
        .order_by(Meeting.starts_at, Meeting.id)
        .options(joinedload(Meeting.group).joinedload(Group.workspace))
    )
    return session.scalars(stmt).all()


def ended_unheld(session: Session, *, now: datetime) -> Sequence[Meeting]:
    """Meetings still marked scheduled or moved whose end has passed."""
    stmt = select(Meeting).where(Meeting.status.in_(UPCOMING), Meeting.ends_at <= now).order_by(Meeting.ends_at)
    return session.scalars(stmt).all()


def last_without_minutes(session: Session, *, group: Group) -> Meeting | None:
    """The group's latest held meeting that has no minutes yet."""
    stmt = (
        select(Meeting)
        .where(Meeting.group_id == group.id, Meeting.status == HELD, Meeting.minutes.is_(None))
        .order_by(Meeting.starts_at.desc())
        .limit(1)
    )
    return session.scalars(stmt).first()


def move_meeting(session: Session, *, meeting: Meeting, starts_at: datetime, ends_at: datetime, now: datetime) -> None:
    """Give the meeting a new time; calendars learn it from the bumped sequence."""
    meeting.starts_at, meeting.ends_at = starts_at, ends_at
    meeting.status = MOVED
    meeting.sequence += 1
    meeting.time_set_at = now
    meeting.last_reminder_days = None
    session.flush()


def set_status(session: Session, *, meeting: Meeting, status: str) -> None:
    """Mark the meeting cancelled or held; a cancellation is a new version for calendars."""
    if status == CANCELLED:
        meeting.sequence += 1
    meeting.status = status
    session.flush()


def mark_reminded(session: Session, *, meeting: Meeting, days: int) -> None:
    """Remember the reminder sent so that the earlier ones are not sent after it."""
    meeting.last_reminder_days = days
    session.flush()


def set_announcement(session: Session, *, meeting: Meeting, channel_id: str, ts: str) -> None:
    """Remember the message that announced the meeting, to update it later."""
    meeting.channel_id, meeting.announcement_ts = channel_id, ts
    session.flush()


def add_agenda_item(
    session: Session, *, group: Group, meeting: Meeting | None, text: str, user_id: str, now: datetime
) -> AgendaItem:
    """A point on the meeting's agenda, or waiting for the group's next meeting when there is none."""
    item = AgendaItem(group_id=group.id, meeting=meeting, text=text, added_by=user_id, added_at=now)
    session.add(item)
    session.flush()
    return item


def waiting_agenda(session: Session, *, group: Group) -> Sequence[AgendaItem]:
    """Agenda items waiting for the group's next meeting."""
    stmt = (
        select(AgendaItem)
        .where(AgendaItem.group_id == group.id, AgendaItem.meeting_id.is_(None))
        .order_by(AgendaItem.id)
    )
    return session.scalars(stmt).all()


def set_rsvp(session: Session, *, meeting: Meeting, user_id: str, party: str, answer: str, now: datetime) -> Rsvp:
    """Record or change a member's answer to the meeting."""
    rsvp = session.get(Rsvp, (meeting.id, user_id))
    if rsvp is None:
        rsvp = Rsvp(meeting_id=meeting.id, user_id=user_id, party=party, answer=answer, answered_at=now)
        session.add(rsvp)
    else:
        rsvp.party, rsvp.answer, rsvp.answered_at = party, answer, now
    session.flush()
    session.refresh(meeting, ["rsvps"])
    return rsvp


def save_minutes(session: Session, *, meeting: Meeting, text: str, user_id: str, now: datetime) -> None:
    """Store the meeting's minutes and who wrote them when."""
    meeting.minutes, meeting.minutes_by, meeting.minutes_at = text, user_id, now
    session.flush()
