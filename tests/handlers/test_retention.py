"""The daily retention job removes exactly what the settings say and nothing else, once a day across processes,
and logs how many, never what."""

import logging
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.services import Services
from bot.settings import Settings
from handlers.app import build_router
from handlers.context import Ctx, Retention
from storage import cases as cases_repo
from storage import conversations
from storage import groups as groups_repo
from storage import people as people_repo
from storage.base import Base
from storage.case_models import Case, CaseNote
from storage.conversations import ConversationKey
from storage.db import Database
from tests.conftest import FakeClock
from tests.support.talk import TEAM, actor, run

KEPT_TABLES = {"conversations", "cases", "case_notes", "job_claims", "audit_log"}
NOTE = "Ringde handläggaren på AF om arbetsträning"


def conversation(ctx: Ctx, user: str, status: str, days: int, aside: bool = False) -> None:
    state: dict[str, Any] = {"form": 2, "active": None, "aside": [{"flow": "case"}] if aside else []}
    key = ConversationKey(TEAM, user)
    conversations.insert(
        ctx.session, key=key, flow="case", state=state, status=status, now=ctx.now - timedelta(days=days)
    )


def world(ctx: Ctx) -> list[object]:
    for user, status, days, aside in (
        ("UDONE31", "done", 31, False),
        ("UDONE29", "done", 29, False),
        ("UCANCEL31", "cancelled", 31, False),
        ("UASIDE31", "done", 31, True),
        ("UASIDE91", "done", 91, True),
        ("UPAUSED91", "paused", 91, False),
        ("UPAUSED89", "paused", 89, False),
        ("UACTIVE91", "active", 91, False),
    ):
        conversation(ctx, user, status, days, aside)
    workspace = groups_repo.get_or_create_workspace(ctx.session, team_id=TEAM)
    group = groups_repo.create_group(ctx.session, workspace=workspace, name="Heby", channel_id="CHEBY")
    for raised in (date(2023, 11, 22), date(2023, 11, 23), date(2025, 1, 10)):
        new = cases_repo.NewCase(
            raised_on=raised, party="fk", gender="kvinna", age_band="30-39", note=NOTE, failure_text="Ingen svarade"
        )
        case = cases_repo.add_case(ctx.session, group_id=group.id, case=new, created_by="UANNA", now=ctx.now)
        cases_repo.add_note(ctx.session, case=case, user_id="UANNA", text=NOTE, now=ctx.now)
    return []


def left(session: Session) -> tuple[list[str], list[tuple[date, str, str, int]]]:
    users = sorted(session.scalars(select(conversations.TABLE.c.user_id)).all())
    cases = [
        (c.raised_on, c.note, c.failure_text, len(c.notes)) for c in session.scalars(select(Case).order_by(Case.id))
    ]
    return users, cases


def others(session: Session) -> dict[str, list[str]]:
    return {
        t.name: sorted(map(repr, session.execute(select(t)).all()))
        for t in Base.metadata.sorted_tables
        if t.name not in KEPT_TABLES
    }


def tick(services: Services) -> None:
    run(services, actor("USLACKBOT"), services.router.tick)


def test_the_job_removes_exactly_what_the_defaults_say(services: Services, caplog: pytest.LogCaptureFixture) -> None:
    run(services, actor(), world)
    with services.db.unit_of_work() as session:
        before = others(session)
    caplog.set_level(logging.DEBUG)
    tick(services)
    with services.db.unit_of_work() as session:
        users, cases = left(session)
        assert users == ["UASIDE31", "UDONE29", "UPAUSED89"]
        assert cases == [
            (date(2023, 11, 22), "", "", 0),  # raised more than three years ago: its free text is cleared
            (date(2023, 11, 23), NOTE, "Ingen svarade", 1),  # three years ago today: kept
            (date(2025, 1, 10), NOTE, "Ingen svarade", 1),
        ]
        kept = session.scalars(select(Case).where(Case.raised_on == date(2023, 11, 22))).one()
        assert (kept.party, kept.gender, kept.age_band, kept.number) == ("fk", "kvinna", "30-39", 1)  # statistics
        assert others(session) == before  # minutes, plans, members and the rest as they were
        assert session.scalars(select(CaseNote)).all() != []
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "finished_conversations 2, unfinished_conversations 3, case_texts 1, case_notes 1" in logged
    assert NOTE not in logged and "Ingen svarade" not in logged


def test_it_runs_once_a_day_from_the_hour_set(services: Services, clock: FakeClock) -> None:
    run(services, actor(), world)
    clock.now = clock.now.replace(hour=1)  # 02:00 in Stockholm: before three
    tick(services)
    with services.db.unit_of_work() as session:
        assert len(left(session)[0]) == 8
    clock.now = clock.now.replace(hour=2)  # 03:00
    tick(services)
    run(services, actor(), lambda ctx: [conversation(ctx, "ULATE", "done", 40)])
    tick(services)  # another process, or the next minute: the day's job is claimed already
    with services.db.unit_of_work() as session:
        assert left(session)[0] == ["UASIDE31", "UDONE29", "ULATE", "UPAUSED89"]
    clock.advance(days=1)
    tick(services)
    with services.db.unit_of_work() as session:
        assert "ULATE" not in left(session)[0]


def test_the_settings_decide(settings: Settings, database: Database, clock: FakeClock) -> None:
    keep = Retention(finished_conversation_days=60, paused_conversation_days=30, case_text_years=1)
    config = replace(settings.handler_config(), retention=keep)
    services = Services(settings, database, build_router(), config, clock)
    run(services, actor(), world)
    tick(services)
    with services.db.unit_of_work() as session:
        users, cases = left(session)
        assert users == ["UCANCEL31", "UDONE29", "UDONE31"]
        assert [c[1] for c in cases] == ["", "", ""]


def test_a_deleted_user_is_erased_when_the_grace_period_is_over(services: Services, clock: FakeClock) -> None:
    run(services, actor(), world)
    soon, later = clock.now + timedelta(hours=1), clock.now + timedelta(days=2)
    run(
        services,
        actor(),
        lambda ctx: [people_repo.note_pending(ctx.session, team_id=TEAM, user_id="UDONE29", due_at=soon, now=ctx.now)],
    )
    run(
        services,
        actor(),
        lambda ctx: [
            people_repo.note_pending(ctx.session, team_id=TEAM, user_id="UPAUSED89", due_at=later, now=ctx.now)
        ],
    )
    clock.advance(days=1)
    tick(services)
    with services.db.unit_of_work() as session:
        assert left(session)[0] == ["UASIDE31", "UPAUSED89"]
        due = people_repo.due_erasures(session, now=clock.now + timedelta(days=5))
        assert [p.user_id for p in due] == ["UPAUSED89"]
