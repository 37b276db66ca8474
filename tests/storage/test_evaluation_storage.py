"""The evaluation repository on SQLite and PostgreSQL: the tables, ballots counted into tallies, nothing personal."""

from datetime import date

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from storage import evaluation as repo
from storage import groups as groups_repo
from storage import migrate
from storage.db import Database
from storage.evaluation_models import CLOSED, Ballot, FreeText, Survey, Tally
from storage.models import Group

QUESTIONS = [
    {"key": "moten", "kind": "statement", "text": "Mötena är väl förberedda."},
    {"key": "mal", "kind": "statement", "text": "Gruppen har tydliga mål."},
    {"key": "bra", "kind": "text", "text": "Vad fungerar bra?"},
]
TABLES = {
    "evaluation_surveys",
    "evaluation_respondents",
    "evaluation_ballots",
    "evaluation_tallies",
    "evaluation_texts",
}


def make_survey(session: Session, users: tuple[str, ...] = ("UANNA", "UBERTIL", "UCECILIA")) -> Survey:
    workspace = groups_repo.get_or_create_workspace(session, team_id="T1")
    group = groups_repo.create_group(session, workspace=workspace, name="Heby", channel_id="CHEBY")
    return repo.create_survey(
        session,
        group=group,
        survey_key="lokus",
        questions=QUESTIONS,
        opens_on=date(2026, 12, 1),
        closes_on=date(2026, 12, 15),
        started_by="UANNA",
        user_ids=users,
    )


def test_the_migration_adds_the_evaluation_tables_and_goes_down_cleanly(database: Database) -> None:
    assert set(inspect(database.engine).get_table_names()) >= TABLES
    migrate.downgrade(database.engine, "0010")
    assert not TABLES & set(inspect(database.engine).get_table_names())
    migrate.upgrade(database.engine)
    assert migrate.is_current(database.engine)


def test_a_new_survey_asks_everyone_and_starts_every_count_at_zero(database: Database) -> None:
    with database.unit_of_work() as session:
        survey = make_survey(session)
        assert repo.answered_count(session, survey=survey) == (0, 3)
        assert repo.tallies_of(session, survey=survey) == {
            key: dict.fromkeys(repo.SCORES, 0) for key in ("moten", "mal")
        }
        assert repo.open_survey_of(session, group=survey.group) is survey
        assert [r.user_id for r in repo.not_answered(session, survey=survey)] == ["UANNA", "UBERTIL", "UCECILIA"]


def test_ballots_are_counted_into_tallies_and_texts_and_then_deleted(database: Database) -> None:
    with database.unit_of_work() as session:
        survey = make_survey(session)
        for user, scores, text in (("UANNA", ("5", "4"), "Bra möten"), ("UBERTIL", ("4", "4"), None)):
            respondent = repo.find_respondent(session, survey=survey, user_id=user)
            assert respondent is not None
            answers = {"moten": scores[0], "mal": scores[1], "bra": text, "not_asked": "x"}
            repo.cast_ballot(session, survey=survey, respondent=respondent, answers=answers)
        assert repo.waiting_ballots(session, survey=survey) == 2
        assert repo.answered_count(session, survey=survey) == (2, 3)
        assert repo.count_ballots(session, survey=survey) == 2
        assert session.scalars(select(Ballot)).all() == []
        tallies = repo.tallies_of(session, survey=survey)
        assert tallies["moten"] == {1: 0, 2: 0, 3: 0, 4: 1, 5: 1}
        assert tallies["mal"] == {1: 0, 2: 0, 3: 0, 4: 2, 5: 0}
        assert repo.texts_of(session, survey=survey) == {"bra": ["Bra möten"]}
        assert survey.answered == 2
        assert [r.user_id for r in repo.not_answered(session, survey=survey)] == ["UCECILIA"]


def test_closing_counts_what_waits_and_the_closed_survey_is_found_by_year(database: Database) -> None:
    with database.unit_of_work() as session:
        survey = make_survey(session)
        respondent = repo.find_respondent(session, survey=survey, user_id="UCECILIA")
        assert respondent is not None
        repo.cast_ballot(session, survey=survey, respondent=respondent, answers={"moten": "2", "mal": "3"})
        repo.close_survey(session, survey=survey)
        group: Group = survey.group
        assert survey.status == CLOSED and survey.answered == 1
        assert repo.open_survey_of(session, group=group) is None
        assert repo.latest_closed(session, group=group, year=2026) is survey
        assert repo.latest_closed(session, group=group, year=2025) is None
        assert repo.open_surveys(session) == []


def test_no_answer_table_has_a_column_for_a_person_or_a_time(database: Database) -> None:
    inspector = inspect(database.engine)
    for table in (Ballot.__tablename__, Tally.__tablename__, FreeText.__tablename__):
        columns = {c["name"] for c in inspector.get_columns(table)}
        assert not {"user_id", "created_at", "answered_at", "at", "updated_at"} & columns, table
    respondent_columns = {c["name"] for c in inspector.get_columns("evaluation_respondents")}
    assert respondent_columns == {"id", "survey_id", "user_id", "has_answered", "reminded_on"}
