"""Reminders go by DM to exactly those with missing sections: at set days before the deadline, once, or now."""

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import text

from bot.scheduler import run_due
from bot.services import Services
from handlers.replies import Send, To
from storage.db import Database
from tests.conftest import FakeClock
from tests.handlers.test_plan_helpers import (
    ANNA,
    BERTIL,
    CECILIA,
    DAVID,
    answer,
    command,
    dms_to,
    heby,
    the_plan,
)
from tests.support.talk import text_of

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def _tick(services: Services) -> list[Send]:
    delivered: list[Send] = []
    run_due(services, "T0LOKUS", delivered.extend)
    return [s for s in delivered if s.to == To.USER and "Påminnelse" in text_of([s])]


def _assigned_plan(services: Services) -> int:
    """Verksamhetsplan 2028 (due 1 September 2027): Bertil has written his section, Cecilia and David not."""
    heby(services)
    command(services, ANNA, "plan ny verksamhetsplan 2028")
    command(services, ANNA, "plan tilldela 1 <@UBERTIL>")
    command(services, ANNA, "plan tilldela 2 3 <@UCECILIA>")
    command(services, ANNA, "plan tilldela 4 5 6 <@UDAVID>")
    plan_id = the_plan(services).id
    answer(services, BERTIL, plan_id, "mal", {"mal": "Målen."})
    return plan_id


def test_reminders_go_to_exactly_those_missing_at_each_set_day(services: Services, clock: FakeClock) -> None:
    _assigned_plan(services)
    clock.now = datetime(2027, 8, 2, 6, 59, tzinfo=UTC)
    assert _tick(services) == [], "30 days before at 09:00 Stockholm time is 07:00 UTC in summer"
    clock.now = datetime(2027, 8, 2, 7, 0, tzinfo=UTC)
    sends = _tick(services)
    assert sorted(dms_to(sends)) == [CECILIA, DAVID]
    cecilia = text_of([s for s in sends if s.user_id == CECILIA])
    assert "i *Verksamhetsplan 2028 – Heby* väntar ”Målgrupper” och ”Män och kvinnor” på dina svar" in cecilia
    assert "Sista dag: *1 september 2027* (om 30 dagar)." in cecilia
    assert "Skriv ”Målgrupper”" in cecilia
    clock.advance(hours=3)
    assert _tick(services) == []
    clock.now = datetime(2027, 8, 18, 7, 0, tzinfo=UTC)
    assert sorted(dms_to(_tick(services))) == [CECILIA, DAVID]


def test_a_reminder_is_sent_once_however_many_processes_run(
    services: Services, clock: FakeClock, database_url: str
) -> None:
    _assigned_plan(services)
    clock.now = datetime(2027, 8, 25, 8, 0, tzinfo=UTC)
    other = Services(services.settings, Database.from_url(database_url), services.router, services.config, clock)
    try:
        first, second = _tick(services), _tick(other)
    finally:
        other.db.dispose()
    assert sorted(dms_to(first)) == [CECILIA, DAVID] and second == []


def test_answered_sections_stop_the_reminders_and_unassigned_ones_go_to_the_convenor(
    services: Services, clock: FakeClock
) -> None:
    heby(services)
    command(services, ANNA, "plan ny verksamhetsplan 2028")
    command(services, ANNA, "plan tilldela 1 2 3 4 5 <@UDAVID>")
    plan_id = the_plan(services).id
    for key in ("mal", "malgrupper", "kon", "struktur", "kompetens"):
        answer(services, DAVID, plan_id, key, {key: "Svar."})
    clock.now = datetime(2027, 8, 31, 7, 30, tzinfo=UTC)
    sends = _tick(services)
    assert dms_to(sends) == [ANNA]
    assert "har ”Medel” ingen som skriver" in text_of(sends)


def test_reminders_due_before_the_plan_was_started_are_not_sent(services: Services, clock: FakeClock) -> None:
    heby(services)
    clock.now = datetime(2026, 12, 20, 10, 0, tzinfo=UTC)
    command(services, ANNA, "plan ny loksam 2027")
    command(services, ANNA, "plan tilldela 1 2 3 4 5 6 7 <@UCECILIA>")
    assert _tick(services) == [], "the 30- and 14-day reminders were due before the plan existed"
    clock.now = datetime(2026, 12, 24, 8, 0, tzinfo=UTC)
    sends = _tick(services)
    assert dms_to(sends) == [CECILIA]
    assert "LOKSAM-plan 2027 – Heby" in text_of(sends) and "31 december 2026" in text_of(sends)


def test_the_convenor_reminds_now_and_learns_who_got_it(services: Services) -> None:
    _assigned_plan(services)
    refused = text_of(command(services, CECILIA, "plan påminn"))
    assert "Bara sammankallande" in refused
    sends = command(services, ANNA, "plan påminn")
    assert sorted(dms_to(sends)) == [CECILIA, DAVID]
    said = text_of([s for s in sends if s.to == To.REQUESTER])
    assert "Påminnelse skickad till" in said and "<@UCECILIA>" in said and "<@UBERTIL>" not in said


def test_a_plan_whose_template_was_removed_is_left_out_and_the_others_are_reminded(
    services: Services, clock: FakeClock
) -> None:
    _assigned_plan(services)
    command(services, ANNA, "plan ny loksam 2028")
    with services.db.unit_of_work() as session:
        session.execute(text("UPDATE plans SET template = 'borttagen' WHERE template = 'verksamhetsplan'"))
    clock.now = datetime(2027, 8, 2, 7, 0, tzinfo=UTC)
    assert _tick(services) == [], "the verksamhetsplan's reminder day, but its template is gone"
    loksam = the_plan(services, template="loksam")
    assert loksam.deadline is not None
    clock.now = datetime.combine(loksam.deadline - timedelta(days=30), time(9), tzinfo=STOCKHOLM)
    assert _tick(services) != [], "the other plan is reminded of as before"
