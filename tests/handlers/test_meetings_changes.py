"""After the call: answers per party, agenda items, moving, cancelling, this year's meetings, group settings."""

from datetime import UTC, datetime

import pytest

from bot.services import Services
from handlers.errors import DomainError, NotAllowed, NotAMember
from handlers.meetings.names import MeetingAction
from handlers.replies import Send, To
from storage import groups as groups_repo
from tests.handlers.test_meetings_schedule import (
    ANNA,
    BERTIL,
    CECILIA,
    DAVID,
    HEBY,
    POSTED_TS,
    command,
    deliver,
    ics_event,
    press,
    schedule_meeting,
    setup_group,
    stored,
)
from tests.support.chat import answer_flow
from tests.support.talk import text_of


def update_of(sends: list[Send]) -> Send:
    [update] = [s for s in sends if s.update_ts]
    assert (update.to, update.channel_id, update.update_ts) == (To.CHANNEL, HEBY, POSTED_TS)
    return update


@pytest.fixture
def called(services: Services) -> int:
    """Heby with its members and a meeting on 1 December 13–15, announced; the meeting's id."""
    setup_group(services)
    schedule_meeting(services)
    return stored(services).id


def test_answers_update_the_announcement_per_party(services: Services, called: int) -> None:
    sends = press(services, BERTIL, MeetingAction.RSVP_YES, str(called), HEBY)
    assert "Tack! Du är anmäld till mötet i *Heby* tisdag 1 december 2026 kl. 13.00–15.00." in text_of(sends)
    shown = text_of([update_of(sends)])
    assert "Arbetsförmedlingen: <@UBERTIL> kommer" in shown
    assert "Ingen kommer än från: Försäkringskassan, Region och Kommun." in shown
    press(services, CECILIA, MeetingAction.RSVP_DEPUTY, str(called))
    press(services, ANNA, MeetingAction.RSVP_YES, str(called))
    shown = text_of([update_of(press(services, DAVID, MeetingAction.RSVP_NO, str(called)))])
    assert "Försäkringskassan: <@UCECILIA> skickar ersättare" in shown
    assert "Region: <@UDAVID> kommer inte" in shown
    assert "Ingen kommer än från: Region." in shown
    shown = text_of([update_of(press(services, DAVID, MeetingAction.RSVP_YES, str(called)))])
    assert "Alla fyra parter kommer." in shown and "kommer inte" not in shown
    assert sorted((r.user_id, r.party, r.answer) for r in stored(services).rsvps) == [
        (ANNA, "kommun", "kommer"),
        (BERTIL, "af", "kommer"),
        (CECILIA, "fk", "ersattare"),
        (DAVID, "region", "kommer"),
    ]


def test_someone_outside_the_group_cannot_answer(services: Services, called: int) -> None:
    with pytest.raises(NotAMember):
        press(services, "UOKAND", MeetingAction.RSVP_YES, str(called), HEBY)
    with pytest.raises(DomainError) as raised:
        press(services, BERTIL, MeetingAction.RSVP_YES, "999")
    assert raised.value.text.key == "meeting.gone"


def test_an_announcement_not_yet_posted_is_posted_rather_than_updated(services: Services) -> None:
    setup_group(services)
    command(services, ANNA, "möte tisdag nästa vecka kl 13", HEBY)
    answer_flow(services, ANNA, {"place": "Kommunhuset", "length": "ok", "minute_taker": "jag"})
    sends = press(services, BERTIL, MeetingAction.RSVP_YES, str(stored(services).id))
    [posted] = [s for s in sends if s.to == To.CHANNEL]
    assert posted.update_ts == "" and posted.posted is not None and posted.reply.files


def test_agenda_items_go_on_the_next_meeting_or_wait_for_one(services: Services) -> None:
    setup_group(services)
    waiting = text_of(command(services, BERTIL, "möte punkt Nya rutiner för remisser", HEBY))
    assert "har inget möte inplanerat" in waiting
    sends = schedule_meeting(services)
    assert "4. Nya rutiner för remisser _(från <@UBERTIL>)_" in text_of(sends)
    sends = command(services, CECILIA, "möte punkt Samverkan kring unga 16–29", HEBY)
    assert "står nu på dagordningen för mötet tisdag 1 december" in text_of(sends[:1])
    assert "5. Samverkan kring unga 16–29 _(från <@UCECILIA>)_" in text_of([update_of(sends)])


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("", "meeting.item_usage"),
        ("x" * 301, "meeting.item_too_long"),
        ("Ring 070-123 45 67 om detta", "identity.refused"),
    ],
)
def test_bad_agenda_items_are_refused(services: Services, called: int, text: str, key: str) -> None:
    with pytest.raises(DomainError) as raised:
        command(services, BERTIL, f"möte punkt {text}", HEBY)
    assert raised.value.text.key == key
    assert stored(services).agenda == []


def test_outsiders_cannot_add_agenda_items(services: Services, called: int) -> None:
    with pytest.raises(NotAMember):
        command(services, "UOKAND", "möte punkt Hej", HEBY)


def test_moving_updates_the_announcement_and_bumps_the_calendar_sequence(services: Services, called: int) -> None:
    sends = command(services, ANNA, "möte flytta torsdag nästa vecka kl 10", HEBY)
    assert (
        "flyttat från tisdag 1 december 2026 kl. 13.00–15.00 till torsdag 3 december 2026 kl. 10.00–12.00"
        in text_of(sends[:1])
    )
    shown = text_of([update_of(sends)])
    assert "När: torsdag 3 december 2026 kl. 10.00–12.00" in shown and "Mötet har flyttats" in shown
    [notice] = [s for s in sends if s.thread_ts == POSTED_TS]
    assert "Här är en ny kalenderinbjudan" in text_of([notice])
    calendar, event = ics_event(notice)
    assert int(event["SEQUENCE"]) == 1 and str(calendar["METHOD"]) == "PUBLISH"
    assert event.decoded("DTSTART") == datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
    meeting = stored(services)
    assert (meeting.status, meeting.sequence) == ("moved", 1)


def test_moving_to_another_day_keeps_the_time_and_the_length(services: Services, called: int) -> None:
    command(services, ANNA, "möte flytta onsdag 2 december", HEBY)
    meeting = stored(services)
    assert (meeting.starts_at, meeting.ends_at) == (
        datetime(2026, 12, 2, 12, tzinfo=UTC),
        datetime(2026, 12, 2, 14, tzinfo=UTC),
    )


def test_an_ambiguous_new_time_is_asked_back(services: Services, called: int) -> None:
    sends = command(services, ANNA, "möte flytta nästa tisdag kl 9", HEBY)
    assert "kan betyda flera dagar" in text_of(sends)
    buttons = sends[0].reply.parts[1].buttons  # type: ignore[union-attr]
    assert [b.action for b in buttons] == [MeetingAction.MOVE_PICK, MeetingAction.MOVE_PICK]
    press(services, ANNA, MeetingAction.MOVE_PICK, buttons[1].value, HEBY)
    assert stored(services).starts_at == datetime(2026, 12, 1, 8, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("möte flytta", "meeting.move_usage"),
        ("möte flytta vid tillfälle", "meeting.when_unknown"),
        ("möte flytta igår kl 13", "meeting.when_past"),
    ],
)
def test_bad_new_times_are_refused(services: Services, called: int, text: str, key: str) -> None:
    with pytest.raises(DomainError) as raised:
        command(services, ANNA, text, HEBY)
    assert raised.value.text.key == key
    assert stored(services).sequence == 0


def test_cancelling_asks_first_then_sends_a_cancelling_calendar_file(services: Services, called: int) -> None:
    press(services, BERTIL, MeetingAction.RSVP_YES, str(called))
    asked = command(services, ANNA, "möte ställ in", HEBY)
    assert "Vill du ställa in mötet tisdag 1 december 2026 kl. 13.00–15.00?" in text_of(asked)
    assert "Okej, mötet står kvar." in text_of(press(services, ANNA, MeetingAction.CANCEL_KEEP, str(called)))
    assert stored(services).status == "scheduled"
    sends = press(services, ANNA, MeetingAction.CANCEL_CONFIRM, str(called), HEBY)
    shown = text_of([update_of(sends)])
    assert "INSTÄLLT: möte i LOKUS Heby" in shown and "[:a Kommer]" not in shown
    [notice] = [s for s in sends if s.thread_ts == POSTED_TS]
    calendar, event = ics_event(notice)
    assert str(calendar["METHOD"]) == "CANCEL" and str(event["STATUS"]) == "CANCELLED"
    assert int(event["SEQUENCE"]) == 1
    assert [(s.to, s.user_id) for s in sends if s.to == To.USER] == [(To.USER, BERTIL)]
    with pytest.raises(DomainError) as raised:
        press(services, CECILIA, MeetingAction.RSVP_YES, str(called))
    assert raised.value.text.key == "meeting.rsvp_closed.cancelled"


def test_only_the_convenor_moves_or_cancels(services: Services, called: int) -> None:
    for text in ("möte flytta torsdag kl 10", "möte ställ in"):
        with pytest.raises(NotAllowed):
            command(services, BERTIL, text, HEBY)
    with pytest.raises(NotAllowed):
        press(services, BERTIL, MeetingAction.CANCEL_CONFIRM, str(called))


def test_nothing_to_move_without_a_meeting(services: Services) -> None:
    setup_group(services)
    with pytest.raises(DomainError) as raised:
        command(services, ANNA, "möte ställ in", HEBY)
    assert raised.value.text.key == "meeting.none_planned"


def test_this_years_meetings_with_attendance_and_the_goal(services: Services, called: int) -> None:
    press(services, BERTIL, MeetingAction.RSVP_YES, str(called))
    press(services, CECILIA, MeetingAction.RSVP_DEPUTY, str(called))
    shown = text_of(command(services, DAVID, "möten", HEBY))
    assert "Möten 2026 – LOKUS Heby" in shown
    assert "tisdag 1 december 2026 kl. 13.00–15.00: Inplanerat" in shown
    assert "Arbetsförmedlingen 1 · Försäkringskassan 1 · Region 0 · Kommun 0" in shown
    assert "*0 av 4 möten hållna* i år. Inplanerade framåt: 1." in shown
    command(services, ANNA, "möte mål 3", HEBY)
    assert "*0 av 3 möten hållna*" in text_of(command(services, ANNA, "möten", HEBY))


def test_reminder_days_and_goal_are_group_settings(services: Services, called: int) -> None:
    assert "14 och 2 dagar före" in text_of(command(services, ANNA, "möte påminnelser 2, 14", HEBY))
    assert "inga påminnelser" in text_of(command(services, ANNA, "möte påminnelser av", HEBY))
    for bad in (
        "möte påminnelser 0",
        "möte påminnelser imorgon",
        "möte påminnelser 7 ²",
        "möte mål 0",
        "möte mål många",
        "möte mål ²",
    ):
        with pytest.raises(DomainError):
            command(services, ANNA, bad, HEBY)
    with pytest.raises(NotAllowed):
        command(services, BERTIL, "möte mål 5", HEBY)
    with services.db.unit_of_work() as session:
        group = groups_repo.find_group_by_channel(session, team_id="T0LOKUS", channel_id=HEBY)
        assert group is not None and group.settings == {"meeting_reminder_days": []}


def test_posting_records_where_the_announcement_is(services: Services) -> None:
    setup_group(services)
    sends = schedule_meeting(services)
    deliver(services, sends, ts="1700000000.000999")
    assert stored(services).announcement_ts == "1700000000.000999"
