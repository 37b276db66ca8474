"""The summary before each meeting: posted once, at the set number of days before, whatever the processes."""

from datetime import date, timedelta

from sqlalchemy import select

from bot.scheduler import run_due
from bot.services import Services
from handlers.replies import Header, Send, To
from storage import groups as groups_repo
from storage import meetings as meetings_repo
from storage.db import Database
from storage.models import Group
from tests.conftest import FakeClock
from tests.support.case_factory import CaseSpec, insert_cases, make_group, times
from tests.support.talk import actor, text_of


def schedule(
    services: Services,
    clock: FakeClock,
    *,
    days_ahead: float,
    settings: dict[str, int] | None = None,
    earlier_meeting_days_ago: float | None = None,
) -> int:
    with services.db.unit_of_work() as session:
        group = make_group(session, name="Heby", channel="CHEBY", settings=settings)
        insert_cases(session, group=group, specs=times(5, CaseSpec(raised_on=date(2026, 11, 2))))
        insert_cases(session, group=group, specs=times(4, CaseSpec(raised_on=date(2026, 9, 1), gender="man")))
        if earlier_meeting_days_ago is not None:
            start = clock.now - timedelta(days=earlier_meeting_days_ago)
            meetings_repo.create_meeting(
                session,
                group=group,
                starts_at=start,
                ends_at=start + timedelta(hours=2),
                place="Kommunhuset",
                convenor="UANNA",
                minute_taker="UANNA",
                now=start,
            )
        start = clock.now + timedelta(days=days_ahead)
        meeting = meetings_repo.create_meeting(
            session,
            group=group,
            starts_at=start,
            ends_at=start + timedelta(hours=2),
            place="Kommunhuset",
            convenor="UANNA",
            minute_taker="UANNA",
            now=clock.now,
        )
        return meeting.id


def due(services: Services) -> list[Send]:
    """The summaries among what the scheduler sends now (meeting reminders go out too)."""
    sent: list[Send] = []
    run_due(services, "", sent.extend)
    return [
        send
        for send in sent
        if any(isinstance(p, Header) and p.text.key.startswith("summary") for p in send.reply.parts)
    ]


def test_the_summary_comes_three_days_before_and_only_once(
    services: Services, clock: FakeClock, database_url: str
) -> None:
    schedule(services, clock, days_ahead=5)
    assert due(services) == []
    clock.advance(days=2, hours=1)
    [summary] = due(services)
    assert summary.to == To.CHANNEL and summary.channel_id == "CHEBY"
    assert "9" in text_of([summary]) and summary.reply.files[0].filename.endswith(".png")
    other = Services(services.settings, Database.from_url(database_url), services.router, services.config, clock)
    assert due(other) == [] and due(services) == []
    other.db.dispose()


def test_the_period_runs_from_the_previous_meeting(services: Services, clock: FakeClock) -> None:
    schedule(services, clock, days_ahead=2, earlier_meeting_days_ago=40)
    [summary] = due(services)
    text = text_of([summary])
    assert "14 oktober 2026" in text
    assert "5 " in text and "9 " not in text.split("ärenden")[0]


def test_a_group_can_choose_the_day_or_turn_it_off(services: Services, clock: FakeClock) -> None:
    schedule(services, clock, days_ahead=6, settings={"summary_days_before": 7})
    assert len(due(services)) == 1


def test_turned_off(services: Services, clock: FakeClock) -> None:
    schedule(services, clock, days_ahead=1, settings={"summary_days_before": 0})
    assert due(services) == []


def test_the_days_set_in_the_channel_decide_when_it_comes(services: Services, clock: FakeClock) -> None:
    schedule(services, clock, days_ahead=6)
    assert due(services) == [], "six days ahead is too early by default"
    with services.db.unit_of_work() as session:
        group = session.scalars(select(Group)).one()
        groups_repo.upsert_member(session, group=group, user_id="UANNA", party="kommun", roles=["sammankallande"])
    services.handle(actor("UANNA", "CHEBY"), lambda ctx: services.router.command(ctx, "sammanfattning dagar 7"))
    assert len(due(services)) == 1
