"""The insatser repository on SQLite and PostgreSQL: migration, a draft rewritten, one decision, reports, counts."""

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import inspect
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage import groups as groups_repo
from storage import insatser as repo
from storage import meetings as meetings_repo
from storage import migrate
from storage.db import Database
from storage.insats_models import DRAFT, FINAL, GRANTED, MIDTERM, REJECTED, SUBMITTED, Insats
from storage.insatser import Application, NewGoal
from storage.meeting_models import CANCELLED, HELD
from storage.models import Group

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
TABLES = {"insatser", "insats_goals", "insats_approvals", "insats_reports"}


def make_group(session: Session, team: str = "T1", name: str = "Älvkarleby", channel: str = "CALV") -> Group:
    workspace = groups_repo.get_or_create_workspace(session, team_id=team)
    return groups_repo.create_group(session, workspace=workspace, name=name, channel_id=channel)


def application(applied: int = 150_000, goals: int = 2) -> Application:
    made = (NewGoal("effekt", "Fyra genomförda lokusgruppsmöten under året", 4, "", "moten"),)
    made += tuple(NewGoal("insats", f"Mål {n}", None) for n in range(1, goals))
    return Application(
        "Lokussamordnare Älvkarleby",
        "struktur",
        "kommun",
        date(2018, 1, 1),
        date(2018, 12, 31),
        applied,
        {"k": 1},
        made,
    )


def make_insats(session: Session, group: Group | None = None) -> Insats:
    return repo.create_insats(
        session, group=group or make_group(session), application=application(), created_by="UANNA", now=NOW
    )


def test_the_migration_adds_the_insats_tables_and_goes_down_cleanly(database: Database) -> None:
    assert set(inspect(database.engine).get_table_names()) >= TABLES
    migrate.downgrade(database.engine, "0011")
    assert not TABLES & set(inspect(database.engine).get_table_names())
    migrate.upgrade(database.engine)
    assert migrate.is_current(database.engine)


def test_a_draft_is_stored_with_its_goals_in_order_and_rewritten_whole(database: Database) -> None:
    with database.unit_of_work() as session:
        insats = make_insats(session)
        repo.record_approval(
            session, insats=insats, party="af", user_id="UB", name="Bertil", organisation="AF", now=NOW
        )
        insats_id = insats.id
    with database.unit_of_work() as session:
        insats = repo.get_insats(session, insats_id=insats_id)
        assert insats is not None and insats.status == DRAFT
        assert [(g.position, g.kind, g.target, g.tie) for g in insats.goals] == [
            (1, "effekt", 4, "moten"),
            (2, "insats", None, ""),
        ]
        repo.rewrite(session, insats=insats, application=application(160_000, goals=3))
    with database.unit_of_work() as session:
        insats = repo.get_insats(session, insats_id=insats_id)
        assert insats is not None
        assert (insats.applied_kr, len(insats.goals), insats.approvals) == (160_000, 3, [])


def test_a_party_approves_once(database: Database) -> None:
    with pytest.raises(IntegrityError), database.unit_of_work() as session:
        insats = make_insats(session)
        for _ in range(2):
            repo.record_approval(session, insats=insats, party="fk", user_id="UC", name="C", organisation="", now=NOW)


def test_an_insats_is_decided_once_and_never_rewritten_after(database: Database) -> None:
    with database.unit_of_work() as session:
        insats = make_insats(session)
        with pytest.raises(ValueError):
            repo.decide(session, insats=insats, status=GRANTED, user_id="UF", now=NOW, granted_kr=1)
        repo.submit(session, insats=insats, owner_user="UANNA", now=NOW)
        assert insats.status == SUBMITTED
        repo.decide(session, insats=insats, status=REJECTED, user_id="UF", now=NOW, reason="Slut på medel")
        assert (insats.status, insats.granted_kr, insats.reason) == (REJECTED, None, "Slut på medel")
        with pytest.raises(ValueError):
            repo.decide(session, insats=insats, status=GRANTED, user_id="UF", now=NOW, granted_kr=1)
        with pytest.raises(ValueError):
            repo.rewrite(session, insats=insats, application=application())


def test_reports_due_are_the_unanswered_ones_of_granted_insatser(database: Database) -> None:
    with database.unit_of_work() as session:
        group = make_group(session)
        granted, rejected = make_insats(session, group), make_insats(session, group)
        for insats, status in ((granted, GRANTED), (rejected, REJECTED)):
            repo.submit(session, insats=insats, owner_user="UANNA", now=NOW)
            repo.decide(session, insats=insats, status=status, user_id="UF", now=NOW, granted_kr=100)
            repo.add_report(session, insats=insats, kind=MIDTERM, due_on=date(2018, 7, 2))
            repo.add_report(session, insats=insats, kind=FINAL, due_on=date(2019, 1, 1))
        assert [r.kind for r in repo.reports_due(session, today=date(2018, 7, 1))] == []
        due = repo.reports_due(session, today=date(2018, 7, 2))
        assert [(r.insats_id, r.kind) for r in due] == [(granted.id, MIDTERM)]
        repo.save_report(session, report=due[0], answers={"mal.1.status": "delvis"}, user_id="UANNA", now=NOW)
        assert repo.reports_due(session, today=date(2018, 7, 3)) == []
        owed = repo.reports_owed_by(session, team_id="T1", user_id="UANNA", today=date(2019, 1, 1))
        assert [(r.insats_id, r.kind) for r in owed] == [(granted.id, FINAL)]
        assert repo.reports_owed_by(session, team_id="T2", user_id="UANNA", today=date(2019, 1, 1)) == []


def test_meetings_held_counts_only_held_meetings_of_the_group_in_the_period(database: Database) -> None:
    with database.unit_of_work() as session:
        group, other = make_group(session), make_group(session, "T2", "Tierp", "CTIERP")
        start = datetime(2018, 2, 1, 12, tzinfo=UTC)
        for n, (where, status) in enumerate([(group, HELD), (group, HELD), (group, CANCELLED), (other, HELD)]):
            at = start + timedelta(days=30 * n)
            meeting = meetings_repo.create_meeting(
                session,
                group=where,
                starts_at=at,
                ends_at=at + timedelta(hours=2),
                place="Sal 3",
                convenor="UANNA",
                minute_taker="UANNA",
                now=NOW,
            )
            meetings_repo.set_status(session, meeting=meeting, status=status)
        year = (datetime(2018, 1, 1, tzinfo=UTC), datetime(2019, 1, 1, tzinfo=UTC))
        assert repo.meetings_held(session, group=group, start=year[0], end=year[1]) == 2
        assert repo.meetings_held(session, group=group, start=year[0], end=start + timedelta(days=1)) == 1
