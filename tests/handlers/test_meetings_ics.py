"""The meeting invitation read by three calendar libraries (icalendar, vobject, ics): ORGANIZER as RFC 5546 asks,
and a file name that says whether the meeting was called, moved or cancelled."""

from dataclasses import dataclass, replace
from datetime import UTC, datetime

import ics
import pytest
import vobject
from icalendar import Calendar

from bot.services import Services
from handlers.directory import Contact
from handlers.meetings.names import MeetingAction
from handlers.replies import Send
from tests.handlers.test_meetings_schedule import ANNA, HEBY, schedule_meeting, setup_group, stored
from tests.support.chat import command, press
from tests.support.talk import TEAM

FILE_WORDS_LANGUAGE = "sv"


@dataclass
class SharedAddresses:
    """A workspace that shares its people's e-mail addresses with the bot (what users:read.email gives)."""

    people: dict[tuple[str, str], Contact]

    def contact(self, team_id: str, user_id: str) -> Contact:
        return self.people.get((team_id, user_id), Contact())


def invitation(sends: list[Send]) -> tuple[str, str]:
    """The file name and text of the one ICS file among the sends."""
    from bot.catalogue import Catalogue

    words = Catalogue.for_slack(FILE_WORDS_LANGUAGE).for_files().render
    [attachment] = [f for s in sends for f in s.reply.files if f.filename.endswith(".ics")]
    return attachment.filename, attachment.data(words).decode("utf-8")


def called_moved_cancelled(services: Services) -> list[tuple[str, str]]:
    """Heby's meeting called for 1 December, moved to the 3rd, then cancelled: each invitation."""
    setup_group(services)
    files = [invitation(schedule_meeting(services))]
    files.append(invitation(command(services, ANNA, "möte flytta torsdag nästa vecka kl 10", HEBY)))
    files.append(invitation(press(services, ANNA, MeetingAction.CANCEL_CONFIRM, str(stored(services).id), HEBY)))
    return files


def test_the_file_name_says_which_group_which_day_and_what_happened(services: Services) -> None:
    names = [name for name, _ in called_moved_cancelled(services)]
    assert names == [
        "lokus-heby-2026-12-01.ics",
        "lokus-heby-2026-12-03-flyttat.ics",
        "lokus-heby-2026-12-03-installt.ics",
    ]


def test_without_the_convenors_address_the_bot_is_the_organizer(services: Services) -> None:
    services.config = replace(services.config, ics_organizer="lokusbot@samordningsforbundet.se")
    for _, text in called_moved_cancelled(services):
        [event] = Calendar.from_ical(text).walk("VEVENT")
        assert str(event["ORGANIZER"]) == "mailto:lokusbot@samordningsforbundet.se"
        assert str(event["ORGANIZER"].params["CN"]) == "LOKUS Heby"


def test_the_convenor_is_the_organizer_when_the_workspace_shares_the_address(services: Services) -> None:
    services.directory = SharedAddresses({(TEAM, ANNA): Contact("Anna Ahl", "anna.ahl@heby.se")})
    texts = [text for _, text in called_moved_cancelled(services)]
    for text in texts:
        [event] = Calendar.from_ical(text).walk("VEVENT")
        assert (str(event["ORGANIZER"]), str(event["ORGANIZER"].params["CN"])) == (
            "mailto:anna.ahl@heby.se",
            "Anna Ahl",
        )


def test_an_address_of_another_workspace_or_a_name_without_address_is_not_used(services: Services) -> None:
    shared = {("TOTHER", ANNA): Contact("Anna", "anna@annat.se"), (TEAM, ANNA): Contact("Anna", "inte en adress")}
    services.directory = SharedAddresses(shared)
    setup_group(services)
    _, text = invitation(schedule_meeting(services))
    [event] = Calendar.from_ical(text).walk("VEVENT")
    assert str(event["ORGANIZER"]) == "mailto:noreply@lokusbot.invalid", "the default ICS_ORGANIZER"
    assert str(event["ORGANIZER"].params["CN"]) == "LOKUS Heby", "the bot speaks for the group"


@pytest.mark.parametrize("library", ["icalendar", "vobject", "ics"])
def test_every_invitation_reads_the_same_in_three_calendar_libraries(services: Services, library: str) -> None:
    services.directory = SharedAddresses({(TEAM, ANNA): Contact("Anna Ahl", "anna.ahl@heby.se")})
    read = [READERS[library](text) for _, text in called_moved_cancelled(services)]
    start = datetime(2026, 12, 3, 9, tzinfo=UTC)
    assert read == [
        ("PUBLISH", "anna.ahl@heby.se", 0, datetime(2026, 12, 1, 12, tzinfo=UTC), "LOKUS Heby"),
        ("PUBLISH", "anna.ahl@heby.se", 1, start, "LOKUS Heby"),
        ("CANCEL", "anna.ahl@heby.se", 2, start, "LOKUS Heby"),
    ]


def _icalendar(text: str) -> tuple[str, str, int, datetime, str]:
    calendar = Calendar.from_ical(text)
    [event] = calendar.walk("VEVENT")
    address = str(event["ORGANIZER"]).removeprefix("mailto:")
    return str(calendar["METHOD"]), address, int(event["SEQUENCE"]), event.decoded("DTSTART"), str(event["SUMMARY"])


def _vobject(text: str) -> tuple[str, str, int, datetime, str]:
    calendar = vobject.readOne(text)
    event = calendar.vevent
    address = event.organizer.value.removeprefix("mailto:")
    return calendar.method.value, address, int(event.sequence.value), event.dtstart.value, event.summary.value


def _ics(text: str) -> tuple[str, str, int, datetime, str]:
    calendar = ics.Calendar(text)
    [event] = list(calendar.events)
    sequence = int(next(line.value for line in event.extra if line.name == "SEQUENCE"))
    return str(calendar.method), event.organizer.email, sequence, event.begin.datetime, event.name


READERS = {"icalendar": _icalendar, "vobject": _vobject, "ics": _ics}
