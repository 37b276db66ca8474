"""The calendar invitation (ICS) of a meeting: one stable UID per meeting, a new SEQUENCE for every change.

The ORGANIZER that RFC 5546 asks of a PUBLISH and a CANCEL is the meeting's convenor, as `mailto:`, when their
workspace shares their e-mail address with the bot; otherwise the bot's own address (`ICS_ORGANIZER`), named
after the group. The file's name says what it is: lokus-heby-2026-12-16.ics, …-flyttat.ics, …-installt.ics.

The place, title and agenda are written without control characters (handlers.cleaning), so no line of the file
can be broken or forged by what someone typed, even text stored before it was cleaned at the door.
"""

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from icalendar import Calendar, Event, vCalAddress, vText

from handlers.cleaning import clean_text
from handlers.context import Ctx
from handlers.file_names import slug
from storage.meeting_models import CANCELLED, Meeting

PRODUCT = "-//lokusbot//LOKUS//SV"
URL = re.compile(r"https?://\S+")
ADDRESS = re.compile(r"[^@\s<>\"]+@[^@\s<>\"]+")


@dataclass(frozen=True)
class Organizer:
    """Who the invitation is from: an e-mail address and the name shown beside it."""

    address: str
    name: str


def organizer_of(ctx: Ctx, meeting: Meeting, name: str) -> Organizer:
    """The convenor when their workspace shares their e-mail address with the bot, else the bot as `name`."""
    if meeting.convenor:
        contact = ctx.directory.contact(meeting.group.workspace.team_id, meeting.convenor)
        if ADDRESS.fullmatch(contact.email):
            return Organizer(contact.email, contact.name or name)
    return Organizer(ctx.config.ics_organizer, name)


def calendar_name(meeting: Meeting, day: str) -> str:
    """The file's name: the group and day, and whether the meeting was moved or cancelled."""
    state = "-installt" if meeting.status == CANCELLED else "-flyttat" if meeting.sequence > 0 else ""
    return f"lokus-{slug(meeting.group.name)}-{day}{state}.ics"


def meeting_uid(meeting: Meeting) -> str:
    """The meeting's identity in calendars: the same for every version of the invitation."""
    created = int(meeting.created_at.timestamp())
    return f"lokusbot-{meeting.group_id}-{meeting.id}-{created}@lokusbot"


def meeting_ics(meeting: Meeting, *, title: str, now: datetime, organizer: Organizer) -> bytes:
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
    event.add("organizer", _address(organizer))
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


def _address(organizer: Organizer) -> vCalAddress:
    address = vCalAddress(f"mailto:{clean_text(organizer.address)}")
    address.params["CN"] = vText(clean_text(organizer.name))
    return address


def with_description(ics: bytes, description: str) -> bytes:
    """The invitation with a description on its event (the agenda, in the reader's words)."""
    calendar = Calendar.from_ical(ics)
    for event in calendar.walk("VEVENT"):
        event.add("description", clean_text(description))
    return bytes(calendar.to_ical())
