"""The meetings repository on SQLite and PostgreSQL: migration, queries the summaries use, answers, agenda."""

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from storage import groups as groups_repo
from storage import meetings as repo
from storage import migrate
from storage.db import Database
from storage.meeting_models import CANCELLED, HELD, Meeting
from storage.models import Group

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def make_group(session: Session, name: str = "Heby", channel: str = "CHEBY") -> Group:
    workspace = groups_repo.get_or_create_workspace(session, team_id="T1")
    return groups_repo.create_group(session, workspace=workspace, name=name, channel_id=channel)


def make_meeting(session: Session, group: Group, days: float, status: str = "scheduled") -> Meeting:
    start = NOW + timedelta(days=days)
    meeting = repo.create_meeting(
        session,
        group=group,
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        place="Kommunhuset",
        convenor="UANNA",
        minute_taker="UANNA",
        now=NOW,
    )
    if status != "scheduled":
        repo.set_status(session, meeting=meeting, status=status)
    return meeting


def test_the_migration_adds_the_meeting_tables_and_goes_down_cleanly(database: Database) -> None:
    assert {"meetings", "meeting_agenda_items", "meeting_rsvps"} <= set(inspect(database.engine).get_table_names())
    migrate.downgrade(database.engine, "0002")
    assert "meetings" not in inspect(database.engine).get_table_names()
    migrate.upgrade(database.engine)
    assert migrate.is_current(database.engine)


def test_times_come_back_aware_and_waiting_agenda_items_join_the_next_meeting(database: Database) -> None:
    with database.unit_of_work() as session:
        group = make_group(session)
        repo.add_agenda_item(session, group=group, meeting=None, text="Remisser", user_id="UBERTIL", now=NOW)
        assert [i.text for i in repo.waiting_agenda(session, group=group)] == ["Remisser"]
        meeting_id = make_meeting(session, group, 8).id
    with database.unit_of_work() as session:
        meeting = repo.get_meeting(session, meeting_id=meeting_id)
        assert meeting is not None and meeting.starts_at == NOW + timedelta(days=8)
        assert meeting.starts_at.tzinfo is not None
        assert [i.text for i in meeting.agenda] == ["Remisser"]
        group = meeting.group
        assert repo.waiting_agenda(session, group=group) == []


def test_next_meetings_skip_cancelled_held_and_ended_ones(database: Database) -> None:
    with database.unit_of_work() as session:
        heby, tierp = make_group(session), make_group(session, "Tierp", "CTIERP")
        later, sooner = make_meeting(session, heby, 40), make_meeting(session, heby, 8)
        make_meeting(session, heby, 20, status=CANCELLED)
        make_meeting(session, heby, -30, status=HELD)
        make_meeting(session, heby, -10)
        elsewhere = make_meeting(session, tierp, 3)
        assert [m.id for m in repo.next_meetings(session, after=NOW, group=heby)] == [sooner.id, later.id]
        assert [m.id for m in repo.next_meetings(session, after=NOW)] == [elsewhere.id, sooner.id, later.id]
        assert repo.next_meeting(session, group=heby, after=NOW) is sooner
        assert repo.next_meetings(session, after=NOW, group=heby, limit=1) == [sooner]


def test_previous_meeting_date_is_the_latest_not_cancelled_one_before(database: Database) -> None:
    with database.unit_of_work() as session:
        group = make_group(session)
        assert repo.previous_meeting_date(session, group, before=NOW) is None
        make_meeting(session, group, -60, status=HELD)
        make_meeting(session, group, -10, status=HELD)
        make_meeting(session, group, -5, status=CANCELLED)
        make_meeting(session, group, 8)
        assert repo.previous_meeting_date(session, group, before=NOW) == date(2026, 11, 13)
        assert repo.previous_meeting_date(session, group=group, before=NOW - timedelta(days=20)) == date(2026, 9, 24)


def test_an_answer_is_changed_not_duplicated(database: Database) -> None:
    with database.unit_of_work() as session:
        meeting = make_meeting(session, make_group(session), 8)
        repo.set_rsvp(session, meeting=meeting, user_id="UBERTIL", party="af", answer="kommer", now=NOW)
        repo.set_rsvp(
            session, meeting=meeting, user_id="UBERTIL", party="af", answer="kommer_inte", now=NOW + timedelta(hours=1)
        )
        assert [(r.user_id, r.answer) for r in meeting.rsvps] == [("UBERTIL", "kommer_inte")]


def test_moving_bumps_the_sequence_and_forgets_the_reminders_sent(database: Database) -> None:
    with database.unit_of_work() as session:
        meeting = make_meeting(session, make_group(session), 8)
        repo.mark_reminded(session, meeting=meeting, days=7)
        later = NOW + timedelta(days=10)
        repo.move_meeting(
            session, meeting=meeting, starts_at=later, ends_at=later + timedelta(hours=1), now=NOW + timedelta(days=1)
        )
        assert (meeting.status, meeting.sequence, meeting.last_reminder_days) == ("moved", 1, None)
        assert meeting.time_set_at == NOW + timedelta(days=1)
        repo.set_status(session, meeting=meeting, status=CANCELLED)
        assert meeting.sequence == 2


def test_the_scheduler_decides_on_plain_times_and_loads_only_the_meetings_it_acts_on(database: Database) -> None:
    with database.unit_of_work() as session:
        heby, tierp = make_group(session), make_group(session, "Tierp", "CTIERP")
        tierp.settings = {"reminder_days": [3]}
        later = make_meeting(session, heby, 5)
        sooner = make_meeting(session, tierp, 2)
        make_meeting(session, heby, 1, status=CANCELLED)
        make_meeting(session, heby, -1)
        make_meeting(session, heby, 40)
        session.flush()
        ids = {"later": later.id, "sooner": sooner.id}
    with database.unit_of_work() as session:
        times = repo.times_starting_between(session, start=NOW, end=NOW + timedelta(days=30))
        assert [t.id for t in times] == [ids["sooner"], ids["later"]]
        assert times[0].group_settings == {"reminder_days": [3]} and times[1].group_settings == {}
        assert times[0].starts_at == NOW + timedelta(days=2) and times[0].time_set_at == NOW
        assert times[0].last_reminder_days is None
        loaded = repo.with_groups(session, ids={ids["later"], ids["sooner"]})
        assert [(m.id, m.group.name, m.group.workspace.team_id) for m in loaded] == [
            (ids["sooner"], "Tierp", "T1"),
            (ids["later"], "Heby", "T1"),
        ]
        assert repo.with_groups(session, ids=[]) == []
