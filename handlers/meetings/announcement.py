"""The announcement in the group's channel: time, place, agenda, who comes per party, and the RSVP buttons.

It is posted once (with the calendar file in its thread) and then updated in place whenever something changes.
"""

from collections.abc import Sequence

from handlers.context import Ctx
from handlers.meetings.ics import calendar_name, meeting_ics, organizer_of, with_description
from handlers.meetings.names import ANNOUNCED, ATTENDING, Answer, MeetingAction
from handlers.meetings.times import when_words
from handlers.parties import Party
from handlers.replies import (
    Attachment,
    Button,
    Buttons,
    Fields,
    Header,
    Note,
    Paragraph,
    Part,
    PostedHook,
    Reply,
    Send,
    Style,
    To,
    update_message,
)
from handlers.text import Join, Listing, Mention, Text, t
from storage.meeting_models import CANCELLED, HELD, MOVED, UPCOMING, Meeting, Rsvp

STANDING_ITEMS = ("meeting.standing.plan_followup", "meeting.standing.cases", "meeting.standing.plan_status")
HEADERS = {CANCELLED: "meeting.header_cancelled", HELD: "meeting.header_held"}
STATUS_NOTES = {MOVED: "meeting.note_moved", CANCELLED: "meeting.note_cancelled", HELD: "meeting.note_held"}


def announcement(ctx: Ctx, meeting: Meeting) -> Reply:
    """The announcement as it should look now."""
    parts: list[Part] = [Header(t(HEADERS.get(meeting.status, "meeting.header"), group=meeting.group.name))]
    parts.append(
        Fields(
            (
                (t("meeting.field.when"), when_words(ctx, meeting.starts_at, meeting.ends_at)),
                (t("meeting.field.place"), meeting.place),
                (t("meeting.field.convenor"), Mention(meeting.convenor)),
                (t("meeting.field.minute_taker"), Mention(meeting.minute_taker)),
            )
        )
    )
    if meeting.status in STATUS_NOTES:
        parts.append(Note(t(STATUS_NOTES[meeting.status])))
    parts.append(Paragraph(agenda(meeting)))
    parts.extend(attendance(meeting.rsvps))
    if meeting.status in UPCOMING:
        parts.append(rsvp_buttons(meeting))
        parts.append(Note(t("meeting.add_item_hint")))
    return Reply(tuple(parts))


def agenda(meeting: Meeting, *, for_calendar: bool = False) -> Join:
    """The numbered agenda: the standing items, then the members' own. In Slack with who added each item; in
    a calendar plain text, without the mentions and markup a calendar cannot show."""
    lines: list[Text] = [t("meeting.ics_agenda_title" if for_calendar else "meeting.agenda_title")]
    lines += [t("meeting.agenda_line", number=n, item=t(key)) for n, key in enumerate(STANDING_ITEMS, start=1)]
    lines += [
        t("meeting.agenda_line", number=n, item=item.text)
        if for_calendar
        else t("meeting.agenda_member_line", number=n, item=item.text, user=Mention(item.added_by))
        for n, item in enumerate(meeting.agenda, start=len(STANDING_ITEMS) + 1)
    ]
    return Join(tuple(lines), sep="\n")


def attendance(rsvps: Sequence[Rsvp]) -> list[Part]:
    """Who answered, per party, and which parties nobody comes from."""
    items = []
    for party in Party:
        answers = [r for r in rsvps if r.party == party.value]
        cell = (
            Join(tuple(t(f"meeting.rsvp_line.{r.answer}", user=Mention(r.user_id)) for r in answers), sep="\n")
            if answers
            else t("meeting.nobody_yet")
        )
        items.append((t(f"party.{party.value}"), cell))
    missing = missing_parties(rsvps)
    summary = (
        t("meeting.parties_missing", parties=Listing(tuple(t(f"party.{p.value}") for p in missing)))
        if missing
        else t("meeting.all_parties")
    )
    return [Paragraph(t("meeting.attendance_title")), Fields(tuple(items)), Paragraph(summary)]


def missing_parties(rsvps: Sequence[Rsvp]) -> list[Party]:
    """The parties nobody has said they come from (in person or by a deputy)."""
    return [p for p in Party if not any(r.party == p.value and r.answer in ATTENDING for r in rsvps)]


def rsvp_buttons(meeting: Meeting) -> Buttons:
    """Kommer / kommer inte / skickar ersättare."""
    value = str(meeting.id)
    return Buttons(
        (
            Button(MeetingAction.RSVP_YES, value, t(f"meeting.rsvp.{Answer.KOMMER}"), Style.PRIMARY),
            Button(MeetingAction.RSVP_NO, value, t(f"meeting.rsvp.{Answer.KOMMER_INTE}")),
            Button(MeetingAction.RSVP_DEPUTY, value, t(f"meeting.rsvp.{Answer.ERSATTARE}")),
        )
    )


def calendar_file(ctx: Ctx, meeting: Meeting) -> Attachment:
    """The meeting's ICS invitation as a file to upload."""
    day = meeting.starts_at.astimezone(ctx.config.tz).date().isoformat()
    title = f"LOKUS {meeting.group.name}"
    ics = meeting_ics(meeting, title=title, now=ctx.now, organizer=organizer_of(ctx, meeting, title))
    description = agenda(meeting, for_calendar=True)
    return Attachment(
        calendar_name(meeting, day), lambda words: with_description(ics, words(description)), t("meeting.ics_title")
    )


def announcement_sends(ctx: Ctx, meeting: Meeting) -> list[Send]:
    """Update the announcement; post it (with the calendar file) when it has not been posted yet."""
    if not meeting.channel_id:
        return []
    reply = announcement(ctx, meeting)
    if meeting.announcement_ts:
        return [update_message(reply, meeting.channel_id, meeting.announcement_ts)]
    return [
        Send(
            Reply(reply.parts, (calendar_file(ctx, meeting),)),
            To.CHANNEL,
            channel_id=meeting.channel_id,
            posted=PostedHook(ANNOUNCED, str(meeting.id)),
        )
    ]


def thread_notice(
    ctx: Ctx, meeting: Meeting, text: Text, *, with_calendar: bool = False, more: tuple[Part, ...] = ()
) -> list[Send]:
    """A message in the announcement's thread (in the channel when there is none), with the new ICS if asked."""
    if not meeting.channel_id:
        return []
    files = (calendar_file(ctx, meeting),) if with_calendar else ()
    return [
        Send(
            Reply((Paragraph(text), *more), files),
            To.CHANNEL,
            channel_id=meeting.channel_id,
            thread_ts=meeting.announcement_ts,
        )
    ]
