"""Calling a meeting: the time in plain Swedish, the conversation in the DM, the announcement and its ICS file."""

from datetime import UTC, datetime

import pytest
from icalendar import Calendar

from bot.catalogue import Catalogue
from bot.services import Services
from handlers.dates import STOCKHOLM
from handlers.errors import DomainError, NotAllowed
from handlers.meetings.names import ANNOUNCED
from handlers.replies import Send, To
from storage import audit
from storage import groups as groups_repo
from storage import meetings as repo
from storage.meeting_models import Meeting
from tests.conftest import FakeClock
from tests.support.chat import active, answer_flow, command, dm, press
from tests.support.talk import actor, run, text_of

HEBY = "CHEBY"
ANNA, BERTIL, CECILIA, DAVID = "UANNA", "UBERTIL", "UCECILIA", "UDAVID"
POSTED_TS = "1700000000.000100"


def setup_group(services: Services) -> None:
    """Heby with anna (kommun, sammankallande), bertil (AF), cecilia (FK) and david (Region)."""
    command(services, ANNA, "koppla Heby", HEBY)
    for line in ("<@UANNA> kommun sammankallande", "<@UBERTIL> AF", "<@UCECILIA> FK", "<@UDAVID> region"):
        command(services, ANNA, f"medlem {line}", HEBY)


def deliver(services: Services, sends: list[Send], ts: str = POSTED_TS) -> list[Send]:
    """What a front door does after posting: tell each posted hook the message's ts."""
    for send in sends:
        if send.posted is not None:
            hook, channel = send.posted, send.channel_id
            run(services, actor(), lambda ctx, h=hook, c=channel: services.router.message_posted(ctx, h, c, ts))
    return sends


def schedule_meeting(
    services: Services, when: str = "tisdag nästa vecka kl 13", place: str = "Kommunhuset, sal 3"
) -> list[Send]:
    """Anna calls a meeting: the command with the time, then the place, the default length and herself."""
    command(services, ANNA, f"möte {when}", HEBY)
    answer_flow(services, ANNA, {"place": place, "length": "ok", "minute_taker": "jag"}, confirm=None)
    return deliver(services, dm(services, ANNA, "ja"))


def stored(services: Services) -> Meeting:
    with services.db.unit_of_work() as session:
        group = groups_repo.find_group_by_channel(session, team_id="T0LOKUS", channel_id=HEBY)
        assert group is not None
        [meeting] = repo.meetings_between(
            session, group=group, start=datetime(2026, 1, 1, tzinfo=UTC), end=datetime(2028, 1, 1, tzinfo=UTC)
        )
        _ = meeting.rsvps, meeting.agenda, meeting.group.name
        return meeting


FILE_WORDS = Catalogue.for_slack("sv").for_files().render


def ics_event(send: Send) -> tuple[Calendar, Calendar]:
    """The calendar and its one event from the ICS file a send carries."""
    [attachment] = send.reply.files
    assert attachment.filename.endswith(".ics")
    calendar = Calendar.from_ical(attachment.data(FILE_WORDS))
    [event] = calendar.walk("VEVENT")
    return calendar, event


def test_a_meeting_typed_with_the_command_is_confirmed_in_words_and_announced(services: Services) -> None:
    setup_group(services)
    first = command(services, ANNA, "möte tisdag nästa vecka kl 13", HEBY)
    assert [s.to for s in first] == [To.REQUESTER, To.USER, To.USER]
    assert "i ett direktmeddelande" in text_of(first[:1])
    assert "Uppfattat: tisdag 1 december 2026 kl. 13.00." in text_of(first)
    assert "Var hålls mötet?" in text_of(first) and all(s.user_id == ANNA for s in first[1:])
    assert "Hur länge" in text_of(dm(services, ANNA, "Kommunhuset, sal 3"))
    assert "Vem skriver minnesanteckningar?" in text_of(dm(services, ANNA, "ok"))
    summary = text_of(dm(services, ANNA, "ok"))
    assert "tisdag 1 december 2026 kl. 13.00–15.00, stämmer det?" in summary
    sends = dm(services, ANNA, "ja")
    assert "Klart! Mötet för *Heby* är tisdag 1 december 2026 kl. 13.00–15.00." in text_of(sends[:1])
    announcement = sends[1]
    assert announcement.to == To.CHANNEL and announcement.channel_id == HEBY
    assert announcement.posted is not None and announcement.posted.name == ANNOUNCED
    shown = text_of([announcement])
    for expected in (
        "Möte i LOKUS Heby",
        "När: tisdag 1 december 2026 kl. 13.00–15.00",
        "Plats: Kommunhuset, sal 3",
        "1. Uppföljning av handlingsplanen",
        "2. Sammanställning av lots-ärenden",
        "3. Planens status",
        "Antecknar: <@UANNA>",
        "[:a Kommer]",
        "[:b Kommer inte]",
        "[:c Skickar ersättare]",
    ):
        assert expected in shown
    deliver(services, sends)
    meeting = stored(services)
    assert meeting.starts_at == datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    assert meeting.ends_at == datetime(2026, 12, 1, 14, 0, tzinfo=UTC)
    assert (meeting.place, meeting.convenor, meeting.minute_taker) == ("Kommunhuset, sal 3", ANNA, ANNA)
    assert (meeting.channel_id, meeting.announcement_ts, meeting.status) == (HEBY, POSTED_TS, "scheduled")


def test_the_ics_file_opens_in_a_calendar_library(services: Services) -> None:
    setup_group(services)
    sends = schedule_meeting(services, place="https://teams.microsoft.com/l/meetup-join/abc")
    calendar, event = ics_event(sends[1])
    assert str(calendar["METHOD"]) == "PUBLISH" and str(calendar["VERSION"]) == "2.0"
    assert event.decoded("DTSTART") == datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    assert event.decoded("DTEND") == datetime(2026, 12, 1, 14, 0, tzinfo=UTC)
    assert str(event["SUMMARY"]) == "LOKUS Heby"
    assert str(event["LOCATION"]) == "https://teams.microsoft.com/l/meetup-join/abc"
    assert str(event["URL"]) == "https://teams.microsoft.com/l/meetup-join/abc"
    assert int(event["SEQUENCE"]) == 0 and str(event["STATUS"]) == "CONFIRMED"
    assert str(event["UID"]).startswith("lokusbot-") and str(event["UID"]).endswith("@lokusbot")
    description = str(event["DESCRIPTION"])
    assert description.splitlines()[:4] == [
        "Dagordning",
        "1. Uppföljning av handlingsplanen",
        "2. Sammanställning av lots-ärenden",
        "3. Planens status",
    ]


def test_the_whole_conversation_without_a_time_and_with_another_minute_taker(services: Services) -> None:
    setup_group(services)
    first = text_of(command(services, ANNA, "möte", HEBY))
    assert "När ska mötet vara?" in first and "Uppfattat" not in first
    assert "Vilken tid börjar mötet?" in text_of(dm(services, ANNA, "torsdag 3 december"))
    assert "Var hålls mötet?" in text_of(dm(services, ANNA, "halv tre"))
    dm(services, ANNA, "Stadshuset")
    dm(services, ANNA, "90 min")
    summary = text_of(dm(services, ANNA, "<@UBERTIL|bertil>"))
    assert "torsdag 3 december 2026 kl. 14.30–16.00, stämmer det?" in summary
    assert "Längd: 1,5 timmar" in summary and "Antecknar: <@UBERTIL>" in summary
    deliver(services, dm(services, ANNA, "ja"))
    meeting = stored(services)
    assert meeting.starts_at == datetime(2026, 12, 3, 13, 30, tzinfo=UTC) and meeting.minute_taker == BERTIL


def test_an_ambiguous_day_is_asked_back_with_buttons(services: Services) -> None:
    setup_group(services)
    sends = command(services, ANNA, "möte nästa tisdag kl 10", HEBY)
    shown = text_of(sends)
    assert "Det kan betyda flera dagar" in shown
    assert "1) tisdag 24 november 2026 kl. 10.00" in shown and "2) tisdag 1 december 2026 kl. 10.00" in shown
    press(services, ANNA, "conv.choose", "which|2026-12-01T10:00:00+01:00")
    dm(services, ANNA, "Kommunhuset")
    dm(services, ANNA, "ok")
    assert "tisdag 1 december 2026 kl. 10.00–12.00, stämmer det?" in text_of(dm(services, ANNA, "jag"))


def test_a_range_needs_no_length(services: Services) -> None:
    setup_group(services)
    command(services, ANNA, "möte fredag 10–12", HEBY)
    assert "Vem skriver" in text_of(dm(services, ANNA, "Kommunhuset"))
    assert "fredag 27 november 2026 kl. 10.00–12.00, stämmer det?" in text_of(dm(services, ANNA, "mig"))


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("igår kl 13", "har redan varit"),
        ("idag kl 9", "har redan varit"),
        ("1 januari 2030 kl 10", "mer än två år bort"),
        ("någon gång snart", "förstod inte"),
    ],
)
def test_past_far_or_unclear_times_are_refused_kindly_and_asked_again(
    services: Services, typed: str, expected: str
) -> None:
    setup_group(services)
    reply = text_of(command(services, ANNA, f"möte {typed}", HEBY))
    assert expected in reply and "När ska mötet vara?" in reply
    assert "Var hålls mötet?" in text_of(dm(services, ANNA, "tisdag nästa vecka kl 13"))


def test_bad_lengths_are_explained(services: Services) -> None:
    setup_group(services)
    command(services, ANNA, "möte tisdag nästa vecka kl 13", HEBY)
    dm(services, ANNA, "Kommunhuset")
    assert "förstod inte ”länge” som en längd" in text_of(dm(services, ANNA, "länge"))
    assert "mellan 15 minuter och 12 timmar" in text_of(dm(services, ANNA, "14 timmar"))
    assert "Vem skriver" in text_of(dm(services, ANNA, "1,5 h"))
    assert "Längd: 1,5 timmar" in text_of(dm(services, ANNA, "ok"))


def test_only_the_convenor_may_call_a_meeting(services: Services) -> None:
    setup_group(services)
    with pytest.raises(NotAllowed) as raised:
        command(services, BERTIL, "möte tisdag nästa vecka kl 13", HEBY)
    assert raised.value.text.key == "meeting.convenor_only"


def test_a_meeting_is_called_from_the_groups_channel(services: Services) -> None:
    with pytest.raises(DomainError) as raised:
        command(services, ANNA, "möte tisdag nästa vecka kl 13")
    assert raised.value.text.key == "group.need_channel"


def test_another_conversation_in_the_dm_is_not_thrown_away(services: Services) -> None:
    """A half-registered case stays: calling a meeting asks first, and the case is taken up after."""
    setup_group(services)
    command(services, ANNA, "ärende", HEBY)
    answer_flow(services, ANNA, {"raised_on": "idag", "party": "AF", "unit": "AME"}, until="gender")
    asked = text_of(command(services, ANNA, "möte tisdag nästa vecka kl 13", HEBY))
    assert "Du har inte gjort klart lots-ärendet (fråga 4 av" in asked and "kallelsen till mötet" in asked
    assert active(services, ANNA).flow == "case"
    begun = text_of(dm(services, ANNA, "börja"))
    assert "Uppfattat: tisdag 1 december 2026 kl. 13.00." in begun and "Var hålls mötet?" in begun
    done = text_of(answer_flow(services, ANNA, {"place": "Kommunhuset", "minute_taker": "jag"}))
    assert "Klart! Mötet för *Heby*" in done and "Du har också påbörjat lots-ärendet (fråga 4 av" in done
    assert "Personens kön?" in text_of(dm(services, ANNA, "fortsätt"))
    assert active(services, ANNA).answers["unit"] == "AME"


def test_scheduling_is_audited_and_the_time_rechecked_at_save(services: Services, clock: FakeClock) -> None:
    setup_group(services)
    command(services, ANNA, "möte imorgon kl 13", HEBY)
    dm(services, ANNA, "Kommunhuset")
    dm(services, ANNA, "ok")
    dm(services, ANNA, "jag")
    clock.advance(hours=28)
    assert "Välkommen tillbaka" in text_of(dm(services, ANNA, "ja"))
    assert "tisdag 24 november 2026 kl. 13.00 har redan varit" in text_of(dm(services, ANNA, "ja"))
    assert "När ska mötet vara?" in text_of(dm(services, ANNA, "ändra 1"))
    assert "torsdag 26 november 2026 kl. 13.00–15.00, stämmer det?" in text_of(dm(services, ANNA, "torsdag kl 13"))
    deliver(services, dm(services, ANNA, "ja"))
    meeting = stored(services)
    with services.db.unit_of_work() as session:
        assert [e.action for e in audit.entries_for(session, entity="meeting", entity_id=meeting.id)] == [
            "meeting.schedule"
        ]


def test_the_minute_taker_must_be_in_the_group(services: Services) -> None:
    setup_group(services)
    command(services, ANNA, "möte tisdag nästa vecka kl 13", HEBY)
    dm(services, ANNA, "Kommunhuset")
    asked = text_of(dm(services, ANNA, "ok"))
    assert "Skriv *jag*, eller @" in asked and "[:a Använd du själv = ok]" in asked
    assert "förstod inte vem ”bertil” är" in text_of(dm(services, ANNA, "bertil"))
    assert "<@UOKAND> är inte medlem i *Heby*" in text_of(dm(services, ANNA, "<@UOKAND>"))
    summary = text_of(dm(services, ANNA, "<@UCECILIA>"))
    assert "Antecknar: <@UCECILIA>" in summary
    deliver(services, dm(services, ANNA, "ja"))
    assert stored(services).minute_taker == CECILIA


def test_changing_the_day_afterwards_drops_answers_that_no_longer_apply(services: Services) -> None:
    setup_group(services)
    command(services, ANNA, "möte torsdag 3 december", HEBY)
    answer_flow(
        services, ANNA, {"at": "halv tre", "place": "Stadshuset", "length": "ok", "minute_taker": "jag"}, confirm=None
    )
    assert "När ska mötet vara?" in text_of(dm(services, ANNA, "ändra 1"))
    summary = text_of(dm(services, ANNA, "fredag 4 december kl 10"))
    assert "fredag 4 december 2026 kl. 10.00–12.00, stämmer det?" in summary and "Klockan" not in summary
    deliver(services, dm(services, ANNA, "ja"))
    assert stored(services).starts_at == datetime(2026, 12, 4, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("typed", "offered", "day", "expected"),
    [
        ("i januari", ["måndag 4 januari 2027", "tisdag 5 januari 2027"], "tisdag", "tisdag 5 januari 2027 kl. 13.00"),
        ("om en månad", ["måndag 21 december 2026"], "2", "tisdag 22 december 2026 kl. 13.00"),
        ("början av februari", ["måndag 1 februari 2027"], "den 4", "torsdag 4 februari 2027 kl. 13.00"),
        ("nästa vecka", ["måndag 30 november 2026", "fredag 4 december 2026"], "4", "torsdag 3 december 2026"),
        ("i vår", ["måndag 4 januari 2027"], "12 mars", "fredag 12 mars 2027 kl. 13.00"),
    ],
)
def test_a_period_is_understood_and_the_day_asked_with_its_weekdays(
    services: Services, typed: str, offered: list[str], day: str, expected: str
) -> None:
    setup_group(services)
    asked = text_of(command(services, ANNA, f"möte {typed}", HEBY))
    assert "Vilken dag blir det?" in asked and "Uppfattat" not in asked and "förstod inte" not in asked
    for shown in offered:
        assert shown in asked
    summary = text_of(answer_flow(services, ANNA, {"day": day, "at": "13", "place": "Kommunhuset"}, confirm=None))
    assert f"{expected}" in summary and "stämmer det?" in summary
    deliver(services, dm(services, ANNA, "ja"))
    assert stored(services).starts_at.astimezone(STOCKHOLM).hour == 13


def test_holidays_are_not_offered_as_meeting_days(services: Services) -> None:
    setup_group(services)
    asked = text_of(command(services, ANNA, "möte i januari", HEBY))
    assert "fredag 1 januari" not in asked and "onsdag 6 januari" not in asked
    assert all(f"{day} januari 2027" in asked for day in ("4", "5", "7", "8", "11"))


def test_a_day_and_time_typed_for_a_period_needs_no_clock_question(services: Services) -> None:
    setup_group(services)
    command(services, ANNA, "möte i januari", HEBY)
    asked = text_of(dm(services, ANNA, "fredag kl 10"))
    assert "Var hålls mötet?" in asked
    summary = text_of(answer_flow(services, ANNA, {"place": "Kommunhuset"}, confirm=None))
    assert "fredag 1 januari 2027 kl. 10.00–12.00, stämmer det?" in summary
    assert "förstod inte" in text_of(dm(services, ANNA, "ändra dag till någon gång"))


def test_moving_a_meeting_to_a_period_asks_for_the_day(services: Services) -> None:
    setup_group(services)
    schedule_meeting(services)
    with pytest.raises(DomainError) as raised:
        command(services, ANNA, "möte flytta i januari", HEBY)
    assert raised.value.text.key == "meeting.move_needs_day"


def test_a_day_picked_across_the_change_to_winter_time_keeps_its_date(services: Services) -> None:
    setup_group(services)
    command(services, ANNA, "möte hösten 2027 kl 13", HEBY)
    summary = text_of(answer_flow(services, ANNA, {"day": "14 december", "place": "Kommunhuset"}, confirm=None))
    assert "tisdag 14 december 2027 kl. 13.00–15.00, stämmer det?" in summary


def test_a_no_with_a_correction_at_the_summary_never_lands_in_the_place(services: Services) -> None:
    """The review's "nej, kl 15" at the summary became the meeting's place. A no with a text is a correction: the
    place would take the whole text too, so it is not what was meant; the time is what changes."""
    setup_group(services)
    command(services, ANNA, "möte tisdag kl 13", HEBY)
    answer_flow(services, ANNA, {"place": "Stadshuset", "length": "ok", "minute_taker": "jag"}, confirm=None)
    changed = text_of(dm(services, ANNA, "nej, kl 15"))
    assert "Ändrat: *När*" in changed and "kl. 15.00–17.00, stämmer det?" in changed and "Plats: nej" not in changed
    deliver(services, dm(services, ANNA, "ja"))
    assert stored(services).place == "Stadshuset"
    assert stored(services).starts_at.astimezone(STOCKHOLM).hour == 15


@pytest.mark.parametrize("typed", ["nej, Kommunhuset", "nej det var fel"])
def test_a_no_with_a_text_only_the_place_takes_asks_which_answer_it_replaces(services: Services, typed: str) -> None:
    setup_group(services)
    command(services, ANNA, "möte tisdag kl 13", HEBY)
    answer_flow(services, ANNA, {"place": "Stadshuset", "length": "ok", "minute_taker": "jag"}, confirm=None)
    asked = text_of(dm(services, ANNA, typed))
    assert "Vilket svar ska det du skrev ersätta?" in asked and "Ändrat" not in asked
