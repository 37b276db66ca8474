"""Scheduled work with many workspaces: each reminder goes out with the token of the workspace it is for, an
org-wide install's with the org's token acting in that workspace, and one for an uninstalled workspace is
dropped without stopping the rest."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import text

from bot.blocks import BlockRenderer
from bot.catalogue import Catalogue
from bot.scheduler import SYSTEM, run_due
from bot.slack.app import make_client
from bot.slack.delivery import SlackDelivery
from bot.slack.oauth import installed_clients
from bot.slack.origin import Origin
from handlers.context import Actor
from storage import meetings as meetings_repo
from storage.groups import find_group_by_channel, upsert_member
from tests.bot.conftest import Bot
from tests.bot.test_oauth_install import api_calls, bearer, sim
from tests.bot.test_oauth_workspaces import installed
from tests.conftest import FakeClock
from tests.support.browser import Browser, install
from tests.support.case_factory import make_group
from tests.support.fake_slack import Call

START = datetime(2026, 12, 1, 12, tzinfo=UTC)


def tick(bot: Bot) -> int:
    """One round of the scheduler as `lokusbot serve` runs it: due work, delivered with each workspace's client."""
    settings = bot.services.settings
    clients = installed_clients(settings, bot.services.db, lambda token, team: make_client(settings, token, team))
    delivery = SlackDelivery(clients, BlockRenderer(Catalogue.for_slack(settings.language)))
    system = Origin(Actor("", SYSTEM))
    return run_due(bot.services, "", lambda sends: delivery.deliver(system, sends))


def meeting_in(bot: Bot, team: str, channel: str, members: tuple[str, ...], *, linked: bool = False) -> None:
    """A group in the workspace (linked already, or made here) with members and a meeting on 1 December."""
    with bot.services.db.unit_of_work() as session:
        group = find_group_by_channel(session, team_id=team, channel_id=channel) if linked else None
        group = group or make_group(session, name=f"Grupp {channel}", channel=channel, team=team)
        for user in members:
            upsert_member(session, group=group, user_id=user, party="af", roles=["ledamot"])
        meetings_repo.create_meeting(
            session,
            group=group,
            starts_at=START,
            ends_at=START + timedelta(hours=2),
            place="Rådhuset",
            convenor=members[0],
            minute_taker=members[0],
            now=START - timedelta(days=30),
        )


def where(call: Call) -> str:
    return str(call.args.get("channel") or call.args.get("users") or "")


def test_a_reminder_for_each_workspace_goes_out_with_that_workspaces_token(oauth_bot: Bot, clock: FakeClock) -> None:
    bot = oauth_bot
    installed(bot, "T0HEBY", "T0TIERP")
    meeting_in(bot, "T0HEBY", "CHEBY", ("UANNA",))
    meeting_in(bot, "T0TIERP", "CTIERP", ("UBERTIL", "UCARL"))
    clock.now = START - timedelta(days=7) + timedelta(hours=1)
    before = len(bot.fake.calls())
    assert tick(bot) == 5  # per workspace: the channel's reminder and a DM to each member who has not answered
    sent = {where(c): bearer(c) for c in api_calls(bot, before) if c.method != "conversations.open"}
    opened = {where(c): bearer(c) for c in api_calls(bot, before) if c.method == "conversations.open"}
    heby, tierp = bot.fake.token_of("T0HEBY"), bot.fake.token_of("T0TIERP")
    assert sent == {"CHEBY": heby, "DUANNA": heby, "CTIERP": tierp, "DUBERTIL": tierp, "DUCARL": tierp}
    assert opened == {"UANNA": heby, "UBERTIL": tierp, "UCARL": tierp}


def test_an_org_wide_install_reminds_in_its_workspace_with_the_orgs_token(oauth_bot: Bot, clock: FakeClock) -> None:
    bot = oauth_bot
    bot.fake.add_org("E0REGION", "Region Uppsala", teams={"T0TIERP": "LOKUS Tierp"})
    install(Browser(), bot.url, "E0REGION")
    tierp = sim(bot, "T0TIERP", enterprise_id="E0REGION", org_install=True)
    tierp.slash_command("UANNA", "CTIERP", "koppla Tierp")  # the bot learns Tierp is of the org
    bot.fake.wait_for("chat.postMessage")
    meeting_in(bot, "T0TIERP", "CTIERP", ("UANNA",), linked=True)
    clock.now = START - timedelta(days=7) + timedelta(hours=1)
    before = len(bot.fake.calls())
    assert tick(bot) == 2
    calls = api_calls(bot, before)
    assert {bearer(c) for c in calls} == {bot.fake.token_of("E0REGION")}
    assert {c.args.get("team_id") for c in calls} == {"T0TIERP"}


def test_a_reminder_for_an_uninstalled_workspace_is_dropped_and_the_others_go_out(
    oauth_bot: Bot, clock: FakeClock
) -> None:
    bot = oauth_bot
    installed(bot, "T0HEBY", "T0TIERP")
    meeting_in(bot, "T0HEBY", "CHEBY", ("UANNA",))
    meeting_in(bot, "T0TIERP", "CTIERP", ("UBERTIL",))
    with bot.services.db.engine.begin() as connection:  # uninstalled from Heby while no process was listening
        connection.execute(text("DELETE FROM slack_bots WHERE team_id = 'T0HEBY'"))
    clock.now = START - timedelta(days=7) + timedelta(hours=1)
    before = len(bot.fake.calls())
    tick(bot)
    assert {where(c) for c in api_calls(bot, before) if c.method == "chat.postMessage"} == {"CTIERP", "DUBERTIL"}
