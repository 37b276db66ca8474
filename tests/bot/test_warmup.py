"""Warming up before the first request: everything runs, nothing is kept, nothing is sent, no thread crosses a fork."""

import threading
from datetime import UTC, datetime

from sqlalchemy import func, select

from bot import scheduler
from bot.scheduler import Scheduler
from bot.server import wsgi_app
from bot.services import Services
from bot.settings import Settings
from bot.slack.app import create_app
from bot.warmup import REHEARSAL, rehearse, start_threads, warm_up
from handlers.context import Ctx
from storage.base import Base
from storage.db import Database
from storage.models import Group
from tests.bot.conftest import SIGNING_SECRET
from tests.support.fake_slack import FakeSlack


def row_counts(database: Database) -> dict[str, int]:
    with database.unit_of_work() as session:
        return {t.name: session.scalar(select(func.count()).select_from(t)) or 0 for t in Base.metadata.sorted_tables}


def bot_settings(database_url: str, fake_slack: FakeSlack) -> Settings:
    return Settings(
        _env_file=None,
        database_url=database_url,  # type: ignore[call-arg]
        slack_bot_token=fake_slack.bot_token,
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=fake_slack.url,
    )


def test_the_warm_up_leaves_no_row_and_makes_no_call_to_slack(
    services: Services, database: Database, database_url: str, fake_slack: FakeSlack
) -> None:
    app = create_app(bot_settings(database_url, fake_slack), services)
    before = row_counts(database)
    seconds = warm_up(services, SIGNING_SECRET, wsgi_app(app, SIGNING_SECRET))
    assert seconds > 0
    assert row_counts(database) == before
    assert fake_slack.calls() == []


def test_the_rehearsal_does_what_a_first_morning_does_and_keeps_none_of_it(
    services: Services, database: Database
) -> None:
    with database.rolled_back() as session:
        services.router.command(Ctx(session, REHEARSAL, datetime.now(UTC), services.config), "koppla Uppvärmning")
        session.flush()
        assert session.scalar(select(func.count()).select_from(Group)) == 1
    before = row_counts(database)
    rehearse(services)
    assert row_counts(database) == before


def test_the_token_is_checked_when_the_app_is_built(
    services: Services, database_url: str, fake_slack: FakeSlack
) -> None:
    create_app(bot_settings(database_url, fake_slack), services, check_token=True)
    assert len(fake_slack.calls("auth.test")) == 1


def test_a_scheduler_started_while_held_waits_for_its_worker() -> None:
    ran = threading.Event()

    def work() -> int:
        ran.set()
        return 0

    with scheduler.held() as held:
        started = Scheduler(work, interval=0.01).start()
    assert held == [started]
    assert not ran.wait(0.1)
    held[0].start()
    assert ran.wait(5)
    started.stop()


def test_bolts_listener_threads_are_started_before_the_first_request(
    services: Services, database_url: str, fake_slack: FakeSlack
) -> None:
    app = create_app(bot_settings(database_url, fake_slack), services)
    before = threading.active_count()
    start_threads(app)
    assert threading.active_count() > before
