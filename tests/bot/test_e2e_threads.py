"""What is said about one meeting stays in its announcement's thread: a changed answer, and the summary posted
before the meeting with its chart (the moved-meeting notice and the minutes: tests/bot/test_e2e_meetings.py)."""

from datetime import UTC, date, datetime

from slack_sdk import WebClient

from bot.blocks import BlockRenderer
from bot.catalogue import Catalogue
from bot.scheduler import run_due
from bot.slack.clients import OneToken
from bot.slack.delivery import SlackDelivery
from bot.slack.origin import Origin
from handlers.context import Actor
from storage import groups as groups_repo
from tests.bot.conftest import Bot
from tests.bot.test_e2e_meetings import HEBY, click, schedule
from tests.bot.test_e2e_platform import blocks_text
from tests.conftest import FakeClock
from tests.support.case_factory import CaseSpec, insert_cases, spread, times, vary


def test_a_changed_answer_is_said_in_the_announcements_thread_a_first_one_is_not(bot: Bot) -> None:
    announcement, ts = schedule(bot)
    click(bot, announcement, "Kommer", user="UBERTIL", message_ts=ts)
    bot.fake.wait_for("chat.update")
    in_thread = [c for c in bot.fake.calls("chat.postMessage") if c.args.get("thread_ts") == ts]
    assert in_thread == []  # a first answer only updates the announcement
    click(bot, announcement, "Kommer inte", user="UBERTIL", message_ts=ts)
    [notice] = bot.fake.wait_for("chat.postMessage", predicate=lambda c: c.args.get("thread_ts") == ts)
    assert notice.args["channel"] == HEBY
    assert "<@UBERTIL> har ändrat sitt svar och kommer inte till mötet." in blocks_text(notice)
    assert "<@UBERTIL> kommer inte" in blocks_text(bot.fake.wait_for("chat.update", count=2)[-1])


def test_the_summary_before_the_meeting_and_its_chart_come_in_the_announcements_thread(
    bot: Bot, clock: FakeClock
) -> None:
    announcement, ts = schedule(bot)
    with bot.services.db.unit_of_work() as session:
        group = groups_repo.find_group_by_channel(session, team_id="T0LOKUS", channel_id=HEBY)
        assert group is not None
        parties = spread({"af": 3, "fk": 3, "region": 3, "kommun": 3})
        specs = vary(times(12, CaseSpec(raised_on=date(2026, 11, 2))), "party", parties)
        insert_cases(session, group=group, specs=specs)
    client = WebClient(token=bot.fake.bot_token, base_url=bot.fake.url)
    delivery = SlackDelivery(OneToken(client), BlockRenderer(Catalogue.for_slack("sv")))
    clock.now = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)  # three days before the meeting
    run_due(bot.services, "", lambda sends: delivery.deliver(Origin(Actor("", "USLACKBOT")), sends))
    [summary] = bot.fake.wait_for("chat.postMessage", predicate=lambda c: "Lots-ärenden –" in blocks_text(c))
    assert (summary.args["channel"], summary.args["thread_ts"]) == (HEBY, ts)
    bot.fake.wait_for("files.completeUploadExternal", count=2, timeout=30)  # the chart is drawn when uploaded
    chart = [f for f in bot.fake.uploaded_files() if f.filename.endswith(".png")]
    assert chart and all((f.channel_id, f.thread_ts) == (HEBY, ts) for f in chart)
