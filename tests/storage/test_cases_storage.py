"""The cases repository on SQLite and PostgreSQL: numbering per group, listing, status, notes, migrations."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import insert, inspect, select, text
from sqlalchemy.exc import IntegrityError

from storage import cases as repo
from storage import groups, migrate
from storage.case_models import Case, CaseFailure, CaseNote, CaseTargetGroup
from storage.cases import NewCase
from storage.db import Database

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def new(day: int = 1, **changes: object) -> NewCase:
    base = {
        "raised_on": date(2026, 11, day),
        "party": "af",
        "gender": "kvinna",
        "age_band": "25-29",
        "target_groups": ("nyanlanda",),
        "failures": ("vantetider", "information"),
    }
    return NewCase(**{**base, **changes})  # type: ignore[arg-type]


def two_groups(database: Database) -> tuple[int, int]:
    with database.unit_of_work() as session:
        workspace = groups.get_or_create_workspace(session, team_id="T1")
        heby = groups.create_group(session, workspace=workspace, name="Heby", channel_id="C1")
        tierp = groups.create_group(session, workspace=workspace, name="Tierp", channel_id="C2")
        return heby.id, tierp.id


def test_numbers_are_per_group_and_continue_after_the_last(database: Database) -> None:
    heby, tierp = two_groups(database)
    with database.unit_of_work() as session:
        first = repo.add_case(session, group_id=heby, case=new(), created_by="U1", now=NOW)
        batch = repo.add_cases(session, group_id=heby, cases=[new(2), new(3)], created_by="U1", now=NOW)
        other = repo.add_case(session, group_id=tierp, case=new(), created_by="U2", now=NOW)
        assert [first.number, *(c.number for c in batch), other.number] == [1, 2, 3, 1]
    with database.unit_of_work() as session:
        stored = session.scalars(select(Case).where(Case.group_id == heby).order_by(Case.number)).all()
        assert [c.raised_on.day for c in stored] == [1, 2, 3]
        assert [t.code for t in stored[0].target_groups] == ["nyanlanda"]
        assert [f.code for f in stored[0].failures] == ["information", "vantetider"]


def test_a_number_cannot_be_used_twice_in_a_group(database: Database) -> None:
    heby, _ = two_groups(database)
    with database.unit_of_work() as session:
        repo.add_case(session, group_id=heby, case=new(), created_by="U1", now=NOW)
    with pytest.raises(IntegrityError), database.unit_of_work() as session:
        session.add(
            Case(
                group_id=heby,
                number=1,
                raised_on=date(2026, 1, 1),
                party="af",
                gender="man",
                age_band="okant",
                created_by="U1",
            )
        )
        session.flush()


def test_listing_puts_the_users_own_first_then_the_newest(database: Database) -> None:
    heby, tierp = two_groups(database)
    with database.unit_of_work() as session:
        repo.add_case(session, group_id=heby, case=new(1), created_by="UANNA", now=NOW)
        repo.add_case(session, group_id=heby, case=new(5), created_by="UBERTIL", now=NOW)
        repo.add_case(session, group_id=tierp, case=new(9), created_by="UBERTIL", now=NOW)
        repo.add_case(
            session, group_id=heby, case=new(3, status="closed", outcome="arbete"), created_by="UANNA", now=NOW
        )
    with database.unit_of_work() as session:
        page, total = repo.list_cases(session, group_ids=[heby, tierp], statuses=repo.OPEN_STATUSES, user_id="UANNA")
        assert total == 3 and [(c.group_id, c.raised_on.day) for c in page] == [(heby, 1), (tierp, 9), (heby, 5)]
        second, _ = repo.list_cases(
            session, group_ids=[heby, tierp], statuses=repo.OPEN_STATUSES, user_id="UANNA", offset=2, limit=2
        )
        assert [c.raised_on.day for c in second] == [5]
        closed, closed_total = repo.list_cases(session, group_ids=[heby], statuses=(repo.CLOSED,), user_id="U")
        assert closed_total == 1 and closed[0].outcome == "arbete"
        assert repo.list_cases(session, group_ids=[], statuses=repo.OPEN_STATUSES, user_id="U") == ([], 0)


def test_reopening_clears_the_outcome_and_notes_are_kept(database: Database) -> None:
    heby, _ = two_groups(database)
    with database.unit_of_work() as session:
        case = repo.add_case(session, group_id=heby, case=new(), created_by="U1", now=NOW)
        repo.set_status(session, case=case, status="closed", outcome="studier", closed_on=date(2026, 11, 23), now=NOW)
        assert (case.status, case.outcome, case.closed_on) == ("closed", "studier", date(2026, 11, 23))
        repo.add_note(session, case=case, user_id="U1", text="Uppföljning", now=NOW)
        repo.set_status(session, case=case, status="open", outcome="studier", now=NOW)
        case_id = case.id
    with database.unit_of_work() as session:
        case = repo.get_case(session, case_id=case_id)
        assert case is not None and (case.status, case.outcome, case.closed_on) == ("open", None, None)
        assert [n.text for n in case.notes] == ["Uppföljning"]


def test_removing_a_group_removes_its_cases(database: Database) -> None:
    heby, _ = two_groups(database)
    with database.unit_of_work() as session:
        case = repo.add_case(session, group_id=heby, case=new(), created_by="U1", now=NOW)
        repo.add_note(session, case=case, user_id="U1", text="x", now=NOW)
    with database.unit_of_work() as session:
        workspace = groups.get_or_create_workspace(session, team_id="T1")
        session.delete(groups.find_group_by_name(session, workspace=workspace, name="Heby"))
    with database.unit_of_work() as session:
        for model in (Case, CaseNote, CaseTargetGroup):
            assert session.scalars(select(model)).all() == []


def test_groups_named_finds_a_group_in_any_workspace(database: Database) -> None:
    two_groups(database)
    with database.unit_of_work() as session:
        other = groups.get_or_create_workspace(session, team_id="T2")
        groups.create_group(session, workspace=other, name="heby", channel_id=None)
        assert [g.workspace.team_id for g in repo.groups_named(session, name=" HEBY ")] == ["T1", "T2"]


def test_the_case_migration_goes_down_and_up(database: Database) -> None:
    assert {"cases", "case_target_groups", "case_failures", "case_notes"} <= set(
        inspect(database.engine).get_table_names()
    )
    migrate.downgrade(database.engine, "0001")
    assert "cases" not in inspect(database.engine).get_table_names()
    migrate.upgrade(database.engine)
    indexes = {ix["name"] for ix in inspect(database.engine).get_indexes("cases")}
    assert "ix_cases_group_raised" in indexes


def test_codes_carry_their_cases_group_and_day(database: Database) -> None:
    heby, tierp = two_groups(database)
    with database.unit_of_work() as session:
        repo.add_case(session, group_id=heby, case=new(4), created_by="U1", now=NOW)
        repo.add_case(session, group_id=tierp, case=new(9, failures=("regelverk",)), created_by="U1", now=NOW)
    with database.unit_of_work() as session:
        rows = session.execute(
            select(CaseFailure.group_id, CaseFailure.raised_on, CaseFailure.code).order_by(
                CaseFailure.group_id, CaseFailure.code
            )
        ).all()
        assert [tuple(row) for row in rows] == [
            (heby, date(2026, 11, 4), "information"),
            (heby, date(2026, 11, 4), "vantetider"),
            (tierp, date(2026, 11, 9), "regelverk"),
        ]
        targets = session.execute(select(CaseTargetGroup.group_id, CaseTargetGroup.raised_on)).all()
        assert [tuple(row) for row in targets] == [(heby, date(2026, 11, 4)), (tierp, date(2026, 11, 9))]


@pytest.mark.parametrize("wrong", [{"raised_on": date(2026, 1, 1)}, {"group_id": "other"}])
def test_the_database_refuses_a_code_whose_group_or_day_is_not_its_cases(
    database: Database, wrong: dict[str, object]
) -> None:
    heby, tierp = two_groups(database)
    with database.unit_of_work() as session:
        case_id = repo.add_case(session, group_id=heby, case=new(4), created_by="U1", now=NOW).id
    values = {"case_id": case_id, "code": "regelverk", "group_id": heby, "raised_on": date(2026, 11, 4)}
    values.update({key: tierp if value == "other" else value for key, value in wrong.items()})
    with pytest.raises(IntegrityError), database.unit_of_work() as session:
        session.execute(insert(CaseFailure).values(values))


def test_the_codes_follow_a_case_whose_day_is_corrected(database: Database) -> None:
    heby, _ = two_groups(database)
    with database.unit_of_work() as session:
        case = repo.add_case(session, group_id=heby, case=new(4), created_by="U1", now=NOW)
        case.raised_on = date(2026, 10, 30)
    with database.unit_of_work() as session:
        days = session.scalars(select(CaseFailure.raised_on).union_all(select(CaseTargetGroup.raised_on))).all()
        assert days == [date(2026, 10, 30)] * 3


def test_the_migration_gives_existing_codes_their_cases_group_and_day(database: Database) -> None:
    heby, _ = two_groups(database)
    migrate.downgrade(database.engine, "0005")
    with database.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO cases (id, group_id, number, raised_on, party, unit, gender, age_band, failure_text, "
                "referred_tr, status, note, created_by, created_at, updated_at) VALUES (41, :g, 1, '2026-03-02', 'af', "
                "'', 'kvinna', '30-39', '', false, 'open', '', 'U1', '2026-03-02 09:00:00', '2026-03-02 09:00:00')"
            ),
            {"g": heby},
        )
        connection.execute(text("INSERT INTO case_failures (case_id, code) VALUES (41, 'regelverk'), (41, 'annat')"))
        connection.execute(text("INSERT INTO case_target_groups (case_id, code) VALUES (41, 'nyanlanda')"))
    migrate.upgrade(database.engine)
    with database.unit_of_work() as session:
        failures = session.execute(
            select(CaseFailure.code, CaseFailure.group_id, CaseFailure.raised_on).order_by(CaseFailure.code)
        ).all()
        assert [tuple(row) for row in failures] == [
            ("annat", heby, date(2026, 3, 2)),
            ("regelverk", heby, date(2026, 3, 2)),
        ]
        assert session.execute(select(CaseTargetGroup.group_id, CaseTargetGroup.raised_on)).one() == (
            heby,
            date(2026, 3, 2),
        )
    assert {"ix_case_failures_stats"} <= {ix["name"] for ix in inspect(database.engine).get_indexes("case_failures")}
