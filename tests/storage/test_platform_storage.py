"""Storage on SQLite and PostgreSQL: migrations, aware timestamps, run-once claims, optimistic locking."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import inspect
from sqlalchemy.orm.exc import StaleDataError

from storage import conversations, migrate
from storage import groups as repo
from storage.conversations import ConversationKey
from storage.db import Database
from storage.events import claim_event, forget_events_before
from storage.jobs import claim_each, claim_once

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def test_migrations_create_every_table_and_are_current(database: Database) -> None:
    tables = set(inspect(database.engine).get_table_names())
    assert {"workspaces", "groups", "members", "conversations", "processed_events", "audit_log", "job_claims"} <= tables
    assert migrate.is_current(database.engine)


def test_downgrade_to_base_and_up_again(database: Database) -> None:
    migrate.downgrade(database.engine, "base")
    assert "groups" not in inspect(database.engine).get_table_names()
    migrate.upgrade(database.engine)
    assert migrate.is_current(database.engine)


def test_timestamps_come_back_timezone_aware(database: Database) -> None:
    key = ConversationKey("T1", "U1")
    with database.unit_of_work() as session:
        conversations.save_new(session, key=key, flow="f", state={"a": 1}, now=NOW)
    with database.unit_of_work() as session:
        loaded = conversations.load(session, key=key)
        assert loaded is not None and loaded.updated_at == NOW and loaded.updated_at.tzinfo is not None


def test_an_event_id_is_claimed_once_across_sessions(database: Database) -> None:
    with database.unit_of_work() as session:
        assert claim_event(session, event_id="Ev1") is True
    with database.unit_of_work() as session:
        assert claim_event(session, event_id="Ev1") is False
        assert claim_event(session, event_id="Ev2") is True
    with database.unit_of_work() as session:
        assert forget_events_before(session, cutoff=datetime.now(UTC) + timedelta(minutes=1)) == 2


def test_a_job_is_claimed_once(database: Database) -> None:
    with database.unit_of_work() as session:
        assert claim_once(session, key="meeting:1:reminder:7d") is True
        assert claim_once(session, key="meeting:1:reminder:7d") is False
    with database.unit_of_work() as session:
        assert claim_once(session, key="meeting:1:reminder:7d") is False


def test_many_jobs_are_claimed_in_one_go_each_once_whoever_claimed_it_first(database: Database) -> None:
    many = [f"plan:{n}:reminder:2026-12-15:30" for n in range(1200)]
    with database.unit_of_work() as session:
        assert claim_once(session, key=many[3]) is True
    with database.unit_of_work() as session:
        assert claim_each(session, keys=[*many, many[0]]) == set(many) - {many[3]}
        assert claim_each(session, keys=[]) == set()
    with database.unit_of_work() as session:
        assert claim_each(session, keys=[*many[:2], "plan:new"]) == {"plan:new"}
        assert claim_once(session, key=many[-1]) is False


def test_two_processes_writing_one_conversation_conflict_instead_of_losing_an_answer(database: Database) -> None:
    key = ConversationKey("T1", "U1")
    with database.unit_of_work() as session:
        conversations.save_new(session, key=key, flow="f", state={"answers": {}}, now=NOW)
    other = Database.from_url(database.engine.url.render_as_string(hide_password=False))
    with pytest.raises(StaleDataError), database.unit_of_work() as first:
        mine = conversations.load(first, key=key)
        assert mine is not None
        with other.unit_of_work() as second:
            theirs = conversations.load(second, key=key)
            assert theirs is not None
            conversations.store(second, conversation=theirs, state={"answers": {"a": 1}}, status="active", now=NOW)
        conversations.store(first, conversation=mine, state={"answers": {"b": 2}}, status="active", now=NOW)
    other.dispose()
    with database.unit_of_work() as session:
        loaded = conversations.load(session, key=key)
        assert loaded is not None and loaded.state == {"answers": {"a": 1}}


def test_group_names_are_unique_per_workspace_whatever_the_case(database: Database) -> None:
    with database.unit_of_work() as session:
        workspace = repo.get_or_create_workspace(session, team_id="T1")
        repo.create_group(session, workspace=workspace, name="Heby", channel_id="C1")
        assert repo.find_group_by_name(session, workspace=workspace, name="  HEBY ") is not None
        other = repo.get_or_create_workspace(session, team_id="T2")
        assert repo.find_group_by_name(session, workspace=other, name="Heby") is None


def test_a_failed_unit_of_work_leaves_nothing_behind(database: Database) -> None:
    with pytest.raises(RuntimeError), database.unit_of_work() as session:
        workspace = repo.get_or_create_workspace(session, team_id="T1")
        repo.create_group(session, workspace=workspace, name="Heby", channel_id="C1")
        raise RuntimeError("crash mid-request")
    with database.unit_of_work() as session:
        assert repo.find_group_by_channel(session, team_id="T1", channel_id="C1") is None
