"""Many workspaces after the OAuth install: an uninstall or a revocation takes the tokens away, a workspace with
no installation is acknowledged and told nothing more, and an org-wide install answers every workspace of its org."""

import json
import time
from collections.abc import Callable

from sqlalchemy import text

from tests.bot.conftest import Bot
from tests.bot.test_oauth_install import api_calls, bearer, sim, tokens_of
from tests.support.browser import Browser, install
from tests.support.signing import SlackClientSim


def installed(bot: Bot, *teams: str) -> None:
    for team in teams:
        bot.fake.add_workspace(team, f"LOKUS {team}")
        assert install(Browser(), bot.url, team).status == 200


def eventually(check: Callable[[], bool], timeout: float = 5.0) -> None:
    """Wait for what a listener does after Bolt has acknowledged the event."""
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "not done in time"
        time.sleep(0.02)


def installations(bot: Bot) -> int:
    with bot.services.db.engine.connect() as connection:
        return int(connection.execute(text("SELECT count(*) FROM slack_installations")).scalar_one())


def answered(bot: Bot, who: SlackClientSim, user: str, text: str = "hjälp") -> None:
    assert who.dm_message(user, text).status == 200
    bot.fake.wait_for("chat.postMessage", predicate=lambda c: c.args.get("channel") == f"D{user}")


def test_an_uninstalled_workspace_loses_its_tokens_and_the_other_keeps_its_own(oauth_bot: Bot) -> None:
    bot = oauth_bot
    installed(bot, "T0HEBY", "T0TIERP")
    heby, tierp = sim(bot, "T0HEBY"), sim(bot, "T0TIERP")
    answered(bot, heby, "UANNA")  # the client is cached now: the uninstall must drop it
    assert heby.send_event({"type": "app_uninstalled"}).status == 200
    eventually(lambda: installations(bot) == 1)
    assert set(tokens_of(bot)) == {"T0TIERP"}
    before = len(bot.fake.calls())
    assert heby.dm_message("UANNA", "hjälp").status == 200
    answered(bot, tierp, "UBERTIL")
    assert [bearer(c) for c in api_calls(bot, before)] == [bot.fake.token_of("T0TIERP")]


def test_a_revoked_bot_token_is_deleted(oauth_bot: Bot) -> None:
    bot = oauth_bot
    installed(bot, "T0HEBY")
    heby = sim(bot, "T0HEBY")
    answered(bot, heby, "UANNA")
    revoked = {"type": "tokens_revoked", "tokens": {"oauth": [], "bot": ["UT0HEBYBOT"]}}
    assert heby.send_event(revoked).status == 200
    eventually(lambda: installations(bot) == 0)
    assert tokens_of(bot) == {}


def test_a_revoked_user_token_leaves_the_bot_installed(oauth_bot: Bot) -> None:
    bot = oauth_bot
    installed(bot, "T0HEBY")
    heby = sim(bot, "T0HEBY")
    revoked = {"type": "tokens_revoked", "tokens": {"oauth": ["UINSTALLER"], "bot": []}}
    assert heby.send_event(revoked).status == 200
    eventually(lambda: installations(bot) == 0)  # the installer's row (it held no user token)
    assert set(tokens_of(bot)) == {"T0HEBY"}
    answered(bot, heby, "UANNA")


def test_a_workspace_with_no_installation_is_acknowledged_and_nothing_else(oauth_bot: Bot) -> None:
    bot = oauth_bot
    installed(bot, "T0HEBY")
    stranger, before = sim(bot, "T0NOWHERE"), len(bot.fake.calls())
    for _ in range(3):
        assert stranger.dm_message("UANNA", "nytt ärende").status == 200
        assert stranger.app_home_opened("UANNA").status == 200
    assert bot.fake.calls()[before:] == []
    with bot.services.db.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM conversations")).scalar_one() == 0
    response_url = bot.fake.new_response_url()
    assert stranger.slash_command("UANNA", "CHEBY", "ärende", response_url=response_url).status == 200
    [told] = bot.fake.wait_for("response_url")
    assert "inte installerad i den här arbetsytan" in told.args["text"]
    assert [c.method for c in api_calls(bot)] == ["oauth.v2.access", "auth.test"]


def test_an_org_wide_install_answers_every_workspace_of_the_org_with_the_orgs_token(oauth_bot: Bot) -> None:
    bot = oauth_bot
    bot.fake.add_org("E0REGION", "Region Uppsala", teams={"T0TIERP": "LOKUS Tierp", "T0ENKPG": "LOKUS Enköping"})
    done = install(Browser(), bot.url, "E0REGION")
    assert done.status == 200 and "organisationen Region Uppsala" in done.text
    token = bot.fake.token_of("E0REGION")
    assert tokens_of(bot) == {"E0REGION": token}
    tierp = sim(bot, "T0TIERP", enterprise_id="E0REGION", org_install=True)
    enkoping = sim(bot, "T0ENKPG", enterprise_id="E0REGION", org_install=True)
    before = len(bot.fake.calls())
    assert tierp.slash_command("UANNA", "CTIERP", "koppla Tierp").status == 200
    [linked] = bot.fake.wait_for("chat.postMessage", predicate=lambda c: c.args.get("channel") == "CTIERP")
    answered(bot, enkoping, "UBERTIL")
    calls = api_calls(bot, before)
    assert {bearer(c) for c in calls} == {token}
    assert {c.args.get("team_id") for c in calls} == {"T0TIERP", "T0ENKPG"}  # an org token names the workspace
    assert linked.args["team_id"] == "T0TIERP"
    with bot.services.db.engine.connect() as connection:
        orgs = dict(connection.execute(text("SELECT team_id, enterprise_id FROM workspaces")).all())
    assert orgs == {"T0TIERP": "E0REGION", "T0ENKPG": "E0REGION"}


def test_an_org_wide_uninstall_takes_the_orgs_token(oauth_bot: Bot) -> None:
    bot = oauth_bot
    bot.fake.add_org("E0REGION", "Region Uppsala", teams={"T0TIERP": "LOKUS Tierp"})
    install(Browser(), bot.url, "E0REGION")
    tierp = sim(bot, "T0TIERP", enterprise_id="E0REGION", org_install=True)
    answered(bot, tierp, "UANNA")
    uninstalled = tierp.event_envelope({"type": "app_uninstalled"})
    uninstalled["team_id"] = None  # an org-level event names no workspace
    assert tierp.raw(json.dumps(uninstalled).encode(), signed=True).status == 200
    eventually(lambda: installations(bot) == 0)
    assert tokens_of(bot) == {}
    before = len(bot.fake.calls())
    assert tierp.dm_message("UANNA", "hjälp").status == 200
    assert api_calls(bot, before) == []


def test_a_workspace_of_an_org_with_its_own_install_uses_its_own_token(oauth_bot: Bot) -> None:
    bot = oauth_bot
    bot.fake.add_org("E0REGION", "Region Uppsala", teams={"T0TIERP": "LOKUS Tierp", "T0ENKPG": "LOKUS Enköping"})
    install(Browser(), bot.url, "E0REGION")
    install(Browser(), bot.url, "T0TIERP")  # this workspace also installed the app by itself
    before = len(bot.fake.calls())
    answered(bot, sim(bot, "T0TIERP", enterprise_id="E0REGION"), "UANNA")
    answered(bot, sim(bot, "T0ENKPG", enterprise_id="E0REGION", org_install=True), "UBERTIL")
    tokens = [bearer(c) for c in api_calls(bot, before) if c.method == "chat.postMessage"]
    assert tokens == [bot.fake.token_of("T0TIERP"), bot.fake.token_of("E0REGION")]
