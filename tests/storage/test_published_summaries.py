"""Published summaries are kept (migration 0010): each one posted in a channel, read back as it was shown."""

from dataclasses import replace

from sqlalchemy import inspect, select

from bot.services import Services
from handlers.replies import Reply
from handlers.summaries.published import KEPT_PARTS, stored_reply
from storage import migrate
from storage.db import Database
from storage.summary_models import PublishedSummary
from tests.conftest import FakeClock
from tests.handlers.test_plan_helpers import ANNA, command, dm, heby
from tests.handlers.test_summaries_automatic import due, schedule
from tests.support.talk import text_of


def _kept(services: Services) -> list[PublishedSummary]:
    with services.db.unit_of_work() as session:
        rows = list(session.scalars(select(PublishedSummary).order_by(PublishedSummary.id)))
        session.expunge_all()
        return rows


def test_the_migration_adds_the_table_and_goes_down_cleanly(database: Database) -> None:
    assert "published_summaries" in inspect(database.engine).get_table_names()
    migrate.downgrade(database.engine, "0009")
    assert "published_summaries" not in inspect(database.engine).get_table_names()
    migrate.upgrade(database.engine)
    assert "published_summaries" in inspect(database.engine).get_table_names()


def test_a_summary_posted_in_the_channel_reads_back_as_it_was_shown(services: Services) -> None:
    heby(services)
    [posted] = command(services, ANNA, "sammanfattning i år")
    dm(services, ANNA, "sammanfattning Heby i år")
    [kept] = _kept(services)
    assert (kept.trigger, kept.requested_by, kept.channel_id, kept.threshold) == ("command", ANNA, "CHEBY", 3)
    assert (kept.period_start.isoformat(), kept.period_end.isoformat()) == ("2026-01-01", "2026-11-23")
    as_posted = Reply(tuple(p for p in posted.reply.parts if isinstance(p, KEPT_PARTS)))
    assert len(as_posted.parts) > 3
    assert text_of([replace(posted, reply=stored_reply(kept.content))]) == text_of([replace(posted, reply=as_posted)])


def test_the_automatic_summary_before_a_meeting_is_kept_once(services: Services, clock: FakeClock) -> None:
    schedule(services, clock, days_ahead=5)
    clock.advance(days=2, hours=1)
    [summary] = due(services)
    assert due(services) == []
    [kept] = _kept(services)
    assert (kept.trigger, kept.requested_by, kept.channel_id) == ("automatic", "", "CHEBY")
    assert "9" in text_of([summary])
