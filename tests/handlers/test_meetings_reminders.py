"""Scheduled meeting work with a controllable clock and two bot processes: reminders once, then the minutes."""

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from bot.scheduler import run_due
from bot.services import Services
from handlers.conversation.actions import ConvAction, OfferChoice
from handlers.errors import DomainError, NotAllowed
from handlers.meetings.names import MeetingAction
from handlers.replies import Buttons, Send, To
from storage.db import Database
from tests.conftest import FakeClock
from tests.handlers.test_meetings_schedule import (
    ANNA,
    BERTIL,
    CECILIA,
    DAVID,
    HEBY,
    POSTED_TS,
    command,
    dm,
    press,
    schedule_meeting,
    setup_group,
    stored,
)
from tests.support.chat import active, answer_flow
from tests.support.talk import text_of


@pytest.fixture
def other(services: Services, database_url: str) -> Iterator[Services]:
    """A second bot process on the same database and clock."""
    second = Services(
        services.settings, Database.from_url(database_url), services.router, services.config, services.clock
    )
    yield second
    second.db.dispose()


def due(services: Services) -> list[Send]:
    """What the scheduler sends now, less the automatic summary before the meeting (tested on its own)."""
    delivered: list[Send] = []
    run_due(services, "", delivered.extend)
    return [send for send in delivered if not _is_summary(send)]


def _is_summary(send: Send) -> bool:
    return any(getattr(getattr(part, "text", None), "key", "") == "summary.title" for part in send.reply.parts)


def at(clock: FakeClock, year: int, month: int, day: int, hour: int, minute: int = 0) -> None:
    """Set the clock to a wall-clock time in Stockholm (winter time, UTC+1)."""
    clock.now = datetime(year, month, day, hour - 1, minute, tzinfo=UTC)


@pytest.fixture
def called(services: Services) -> int:
    """A meeting on Tuesday 1 December 13–15, called on Monday 23 November; bertil has answered."""
    setup_group(services)
    schedule_meeting(services)
    meeting_id = stored(services).id
    press(services, BERTIL, MeetingAction.RSVP_YES, str(meeting_id))
    return meeting_id


def test_reminders_go_out_once_seven_days_and_one_day_before(
    services: Services, other: Services, clock: FakeClock, called: int
) -> None:
    at(clock, 2026, 11, 24, 12, 59)
    assert due(services) == [] and due(other) == []
    at(clock, 2026, 11, 24, 13, 0)
    sends = due(other)
    assert due(services) == [] and due(other) == []
    [channel] = [s for s in sends if s.to == To.CHANNEL]
    assert channel.channel_id == HEBY
    assert (
        "Påminnelse: *Heby* har möte om 7 dagar, tisdag 1 december 2026 kl. 13.00–15.00 – Kommunhuset, sal 3."
        in text_of([channel])
    )
    assert "Ingen kommer än från: Försäkringskassan, Region och Kommun." in text_of([channel])
    dms = [s for s in sends if s.to == To.USER]
    assert sorted(s.user_id for s in dms) == [ANNA, CECILIA, DAVID]
    assert "Du har inte svarat än: kommer du?" in text_of(dms[:1])
    assert any(isinstance(p, Buttons) for p in dms[0].reply.parts)
    at(clock, 2026, 11, 30, 12, 59)
    assert due(services) == []
    at(clock, 2026, 11, 30, 13, 1)
    sends = due(services)
    assert "har möte imorgon" in text_of([s for s in sends if s.to == To.CHANNEL])
    assert due(other) == [] and due(services) == []


def test_an_answer_from_the_reminder_dm_updates_the_announcement(
    services: Services, clock: FakeClock, called: int
) -> None:
    at(clock, 2026, 11, 24, 13, 0)
    due(services)
    sends = press(services, DAVID, MeetingAction.RSVP_YES, str(called))
    [update] = [s for s in sends if s.update_ts == POSTED_TS]
    assert "Region: <@UDAVID> kommer" in text_of([update])
    at(clock, 2026, 11, 30, 13, 0)
    dms = [s for s in due(services) if s.to == To.USER]
    assert sorted(s.user_id for s in dms) == [ANNA, CECILIA]


def test_reminders_follow_a_moved_meeting(services: Services, clock: FakeClock, called: int) -> None:
    at(clock, 2026, 11, 24, 13, 0)
    assert due(services)
    at(clock, 2026, 11, 24, 14, 0)
    command(services, ANNA, "möte flytta torsdag 10 december kl 13", HEBY)
    at(clock, 2026, 11, 30, 13, 0)
    assert due(services) == [], "the old one-day reminder is gone with the old time"
    at(clock, 2026, 12, 3, 13, 0)
    assert "om 7 dagar, torsdag 10 december 2026" in text_of([s for s in due(services) if s.to == To.CHANNEL])
    at(clock, 2026, 12, 9, 13, 0)
    assert "har möte imorgon" in text_of([s for s in due(services) if s.to == To.CHANNEL])


def test_a_meeting_called_three_days_ahead_gets_only_the_one_day_reminder(services: Services, clock: FakeClock) -> None:
    setup_group(services)
    schedule_meeting(services, when="torsdag kl 13")
    assert due(services) == []
    at(clock, 2026, 11, 25, 13, 0)
    assert "har möte imorgon" in text_of([s for s in due(services) if s.to == To.CHANNEL])


def test_reminder_days_come_from_the_group_settings(services: Services, clock: FakeClock, called: int) -> None:
    command(services, ANNA, "möte påminnelser 2", HEBY)
    at(clock, 2026, 11, 24, 13, 0)
    assert due(services) == []
    at(clock, 2026, 11, 29, 13, 0)
    assert "om 2 dagar" in text_of([s for s in due(services) if s.to == To.CHANNEL])
    command(services, ANNA, "möte påminnelser av", HEBY)
    at(clock, 2026, 11, 30, 13, 0)
    assert due(services) == []


def test_after_the_meeting_the_minute_taker_is_asked_and_the_minutes_posted(
    services: Services, other: Services, clock: FakeClock, called: int
) -> None:
    at(clock, 2026, 12, 1, 14, 59)
    assert due(services) == []
    at(clock, 2026, 12, 1, 15, 0)
    sends = [s for s in due(services) if s.to != To.CHANNEL or s.update_ts]
    assert due(other) == []
    [update] = [s for s in sends if s.update_ts]
    assert "Hållet möte i LOKUS Heby" in text_of([update]) and "[:a Kommer]" not in text_of([update])
    asked = [s for s in sends if s.to == To.USER]
    assert {s.user_id for s in asked} == {ANNA}
    assert "Du skriver minnesanteckningarna" in text_of(asked)
    assert "Skriv eller klistra in minnesanteckningarna" in text_of(asked)
    assert "stämmer det här?" in text_of(dm(services, ANNA, "Vi gick igenom handlingsplanen.\nBeslut: ny rutin."))
    posted = dm(services, ANNA, "ja")
    assert "Minnesanteckningarna för *Heby* är sparade" in text_of(posted[:1])
    [thread] = [s for s in posted if s.to == To.CHANNEL]
    assert (thread.channel_id, thread.thread_ts) == (HEBY, POSTED_TS)
    assert "Vi gick igenom handlingsplanen.\nBeslut: ny rutin." in text_of([thread])
    meeting = stored(services)
    assert meeting.status == "held" and meeting.minutes == "Vi gick igenom handlingsplanen.\nBeslut: ny rutin."
    assert meeting.minutes_by == ANNA and meeting.minutes_at == clock.now
    at(clock, 2026, 12, 2, 15, 0)
    assert due(services) == []


def test_long_minutes_are_posted_whole_in_pieces(services: Services, clock: FakeClock, called: int) -> None:
    at(clock, 2026, 12, 1, 15, 0)
    due(services)
    minutes = "\n".join(f"Punkt {n}: " + "diskussion " * 40 for n in range(20))
    dm(services, ANNA, minutes)
    [thread] = [s for s in dm(services, ANNA, "ja") if s.to == To.CHANNEL]
    assert len(thread.reply.parts) >= 4
    assert "".join(text_of([thread]).split()).endswith("".join(minutes.split()))


def test_a_busy_minute_taker_gets_a_button_instead_of_losing_their_conversation(
    services: Services, clock: FakeClock, called: int
) -> None:
    command(services, ANNA, "ärende", HEBY)
    answer_flow(services, ANNA, {"raised_on": "idag", "party": "AF"}, until="unit")
    at(clock, 2026, 12, 1, 15, 0)
    [asked] = [s for s in due(services) if s.to == To.USER and "Du skriver minnesanteckningarna" in text_of([s])]
    assert "Tryck på knappen" in text_of([asked]) and asked.user_id == ANNA
    assert active(services, ANNA).flow == "case"
    offered = text_of(press(services, ANNA, MeetingAction.MINUTES_START, str(called)))
    assert "Du har inte gjort klart lots-ärendet" in offered and active(services, ANNA).flow == "case"
    started = text_of(press(services, ANNA, ConvAction.OFFER, OfferChoice.SET_ASIDE))
    assert "Skriv eller klistra in minnesanteckningarna" in started
    saved = text_of(answer_flow(services, ANNA, {"minutes": "Vi gick igenom lots-ärendena."}))
    assert "Du har också påbörjat lots-ärendet (fråga 3 av" in saved
    dm(services, ANNA, "fortsätt")
    assert active(services, ANNA).current == "unit"


def test_minutes_can_be_started_from_the_channel_by_the_writer_only(
    services: Services, clock: FakeClock, called: int
) -> None:
    with pytest.raises(DomainError) as raised:
        command(services, ANNA, "möte anteckningar", HEBY)
    assert raised.value.text.key == "minutes.nothing_to_write"
    at(clock, 2026, 12, 1, 15, 0)
    due(services)
    with pytest.raises(NotAllowed):
        command(services, BERTIL, "möte anteckningar", HEBY)
    sends = command(services, ANNA, "möte anteckningar", HEBY)
    assert [s.to for s in sends] == [To.REQUESTER, To.USER]
    dm(services, ANNA, "Kort möte.")
    dm(services, ANNA, "ja")
    with pytest.raises(DomainError):
        command(services, ANNA, "möte anteckningar", HEBY)


def test_a_cancelled_meeting_gets_no_reminders_and_no_minutes(
    services: Services, clock: FakeClock, called: int
) -> None:
    press(services, ANNA, MeetingAction.CANCEL_CONFIRM, str(called), HEBY)
    for day in (24, 30):
        at(clock, 2026, 11, day, 13, 0)
        assert due(services) == []
    at(clock, 2026, 12, 1, 16, 0)
    assert due(services) == []


@pytest.mark.parametrize(("typed", "saved"), [("japp", True), ("ja tack", True), ("nej tack", False)])
def test_the_minutes_confirmation_takes_yes_and_no_in_words(
    services: Services, clock: FakeClock, called: int, typed: str, saved: bool
) -> None:
    at(clock, 2026, 12, 1, 15, 0)
    due(services)
    answer_flow(services, ANNA, {"minutes": "Vi gick igenom lots-ärendena."}, confirm=None)
    reply = text_of(dm(services, ANNA, typed))
    assert ("Minnesanteckningarna för *Heby* är sparade" in reply) is saved
    assert ("Vilket svar vill du ändra?" in reply) is not saved
