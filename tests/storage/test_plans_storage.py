"""The plans repository on SQLite and PostgreSQL: migration, sections, answer history, approvals, queries."""

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import inspect, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage import groups as groups_repo
from storage import migrate
from storage import plans as repo
from storage.db import Database
from storage.models import Group
from storage.plan_models import Plan, PlanRevision

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
SECTIONS = ["mal", "malgrupper", "medel"]


def make_group(session: Session, name: str = "Heby", channel: str = "CHEBY") -> Group:
    workspace = groups_repo.get_or_create_workspace(session, team_id="T1")
    return groups_repo.create_group(session, workspace=workspace, name=name, channel_id=channel)


def make_plan(
    session: Session, group: Group, year: int = 2028, deadline: date | None = date(2027, 9, 1), **extra: object
) -> Plan:
    return repo.create_plan(
        session,
        group=group,
        template="verksamhetsplan",
        year=year,
        deadline=deadline,
        section_keys=SECTIONS,
        created_by="UANNA",
        now=NOW,
        **extra,
    )  # type: ignore[arg-type]


def test_the_migration_adds_the_plan_tables_and_goes_down_cleanly(database: Database) -> None:
    tables = {"plans", "plan_sections", "plan_revisions", "plan_approvals"}
    assert tables <= set(inspect(database.engine).get_table_names())
    migrate.downgrade(database.engine, "0002")
    assert not tables & set(inspect(database.engine).get_table_names())
    migrate.upgrade(database.engine)
    assert migrate.is_current(database.engine)


def test_a_plan_gets_one_section_per_key_and_one_plan_per_group_template_and_year(database: Database) -> None:
    with database.unit_of_work() as session:
        group = make_group(session)
        plan = make_plan(session, group, proposals={"mal": {"mal": "Förra årets mål."}}, copied_from_year=2027)
        assert [(s.key, s.position, s.proposal) for s in plan.sections] == [
            ("mal", 0, {"mal": "Förra årets mål."}),
            ("malgrupper", 1, None),
            ("medel", 2, None),
        ]
        assert repo.find_plan(session, group=group, template="verksamhetsplan", year=2028) is plan
    with pytest.raises(IntegrityError), database.unit_of_work() as session:
        group = groups_repo.find_group_by_channel(session, team_id="T1", channel_id="CHEBY")
        assert group is not None
        make_plan(session, group)


def test_every_save_is_a_numbered_revision_and_the_section_holds_the_newest(database: Database) -> None:
    with database.unit_of_work() as session:
        plan = make_plan(session, make_group(session), proposals={"medel": {"resurser": []}})
        section = plan.sections[2]
        repo.save_answers(
            session,
            section=section,
            answers={"resurser": [{"resurs": "SK", "kostnad": 450_000}]},
            user_id="UANNA",
            now=NOW,
        )
        repo.save_answers(
            session, section=section, answers={"resurser": []}, user_id="UBERTIL", now=NOW + timedelta(hours=1)
        )
        plan_id = plan.id
    with database.unit_of_work() as session:
        plan = repo.get_plan(session, plan_id=plan_id)
        assert plan is not None
        section = plan.sections[2]
        assert (section.answers, section.answered_by, section.proposal) == ({"resurser": []}, "UBERTIL", None)
        assert section.answered_at == NOW + timedelta(hours=1)
        revisions = session.scalars(select(PlanRevision).order_by(PlanRevision.number)).all()
        assert [(r.number, r.user_id, r.answers) for r in revisions] == [
            (1, "UANNA", {"resurser": [{"resurs": "SK", "kostnad": 450_000}]}),
            (2, "UBERTIL", {"resurser": []}),
        ]


def test_approvals_are_recorded_withdrawn_and_remembered(database: Database) -> None:
    with database.unit_of_work() as session:
        plan = make_plan(session, make_group(session))
        repo.record_approval(
            session,
            plan=plan,
            party="af",
            user_id="UBERTIL",
            name="Bertil Berg",
            organisation="AF Norra Uppland",
            now=NOW,
        )
        repo.mark(session, plan=plan, status=repo.COMPLETE, now=NOW)
        assert plan.completed_at == NOW
        withdrawn = repo.withdraw_approvals(session, plan=plan, because="change", now=NOW + timedelta(days=1))
        assert [a.party for a in withdrawn] == ["af"]
        assert (plan.status, plan.completed_at, repo.active_approvals(plan)) == (repo.OPEN, None, [])
        repo.record_approval(
            session,
            plan=plan,
            party="af",
            user_id="UBERTIL",
            name="Bertil B. Berg",
            organisation="",
            now=NOW + timedelta(days=2),
        )
        assert [a.name for a in repo.active_approvals(plan)] == ["Bertil B. Berg"]
        last = repo.last_signature_of(session, user_id="UBERTIL")
        assert last is not None and last.name == "Bertil B. Berg"
        assert repo.last_signature_of(session, user_id="UNOBODY") is None


def test_reminder_and_my_sections_queries(database: Database) -> None:
    with database.unit_of_work() as session:
        group = make_group(session)
        due = make_plan(session, group)
        make_plan(session, group, year=2027, deadline=date(2026, 9, 1))
        make_plan(session, group, year=2029, deadline=None)
        done = make_plan(session, make_group(session, "Tierp", "CTIERP"))
        repo.mark(session, plan=done, status=repo.COMPLETE, now=NOW)
        repo.assign_section(session, section=due.sections[1], user_id="UBERTIL", now=NOW)
        repo.assign_section(session, section=done.sections[0], user_id="UBERTIL", now=NOW)
        assert [p.id for p in repo.open_plans_due_from(session, today=date(2026, 11, 23))] == [due.id]
        mine = repo.sections_assigned_to(session, team_id="T1", user_id="UBERTIL")
        assert [(s.plan_id, s.key) for s in mine] == [(due.id, "malgrupper")]
        assert repo.sections_assigned_to(session, team_id="T2", user_id="UBERTIL") == []
        assert [p.year for p in repo.plans_of_group(session, group=group)] == [2029, 2028, 2027]


def test_removing_a_group_removes_its_plans(database: Database) -> None:
    with database.unit_of_work() as session:
        group = make_group(session)
        plan = make_plan(session, group)
        repo.save_answers(session, section=plan.sections[0], answers={"mal": "x"}, user_id="UANNA", now=NOW)
        session.delete(group)
    with database.unit_of_work() as session:
        assert session.scalars(select(Plan)).all() == [] and session.scalars(select(PlanRevision)).all() == []
