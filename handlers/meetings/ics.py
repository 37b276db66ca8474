"""The calendar invitation (ICS) of a meeting: one stable UID per meeting, a new SEQUENCE for every change.

The place, title and agenda are written without control characters (handlers.cleaning), so no line of the file
can be broken or forged by what someone typed, even text stored before it was cleaned at the door.
"""

import re
from datetime import UTC, datetime

from icalendar import Calendar, Event

from handlers.cleaning import clean_text
from storage.meeting_models import CANCELLED, Meeting

PRODUCT = "-//lokusbot//LOKUS//SV"
URL = re.compile(r"https?://\S+")


def meeting_uid(meeting: Meeting) -> str:
    """The meeting's identity in calendars: the same for every version of the invitation."""
    created = int(meeting.created_at.timestamp())
    return f"lokusbot-{meeting.group_id}-{meeting.id}-{created}@lokusbot"


def meeting_ics(meeting: Meeting, *, title: str, now: datetime) -> bytes:
    """An iCalendar file Outlook and Google Calendar import; a cancelled meeting gives METHOD:CANCEL."""
    cancelled = meeting.status == CANCELLED
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "CANCEL" if cancelled else "PUBLISH")
    event = Event()
    event.add("uid", meeting_uid(meeting))
    event.add("dtstamp", now.astimezone(UTC))
    event.add("dtstart", meeting.starts_at.astimezone(UTC))
    event.add("dtend", meeting.ends_at.astimezone(UTC))
    event.add("sequence", meeting.sequence)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    place = clean_text(meeting.place)
    event.add("summary", clean_text(title))
    event.add("location", place)
    link = URL.search(place)
    if link is not None:
        event.add("url", link.group(0))
    calendar.add_component(event)
    ical: bytes = calendar.to_ical()
    return ical


def with_description(ics: bytes, description: str) -> bytes:
    """The invitation with a description on its event (the agenda, in the reader's words)."""
    calendar = Calendar.from_ical(ics)
    for event in calendar.walk("VEVENT"):
        event.add("description", clean_text(description))
    return bytes(calendar.to_ical())
