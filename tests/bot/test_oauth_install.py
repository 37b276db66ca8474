"""Installing the bot into workspaces through Slack's OAuth flow, as a browser does it, against the fake Slack;
and what is refused: a forged, replayed or expired redirect, an install short of scopes, a cancelled one."""

import json
import urllib.error
import urllib.request
from urllib.parse import parse_qs, urlsplit

from sqlalchemy import text

from bot.slack.oauth import bot_scopes
from tests.bot.conftest import CLIENT_ID, CLIENT_SECRET, Bot
from tests.support.browser import Browser, at_slack, install, state_of
from tests.support.fake_slack import Call
from tests.support.fake_slack_oauth import basic_credentials
from tests.support.signing import SlackClientSim

COOKIE = "slack-app-oauth-state"


def tokens_of(bot: Bot) -> dict[str | None, str]:
    """The bot token stored for each team (or org, for an org-wide install)."""
    with bot.services.db.engine.connect() as connection:
        rows = connection.execute(text("SELECT team_id, enterprise_id, bot_token FROM slack_bots")).all()
    return {team or enterprise: token for team, enterprise, token in rows}


def bearer(call: Call) -> str:
    return call.headers.get("authorization", "").removeprefix("Bearer ")


def api_calls(bot: Bot, since: int = 0) -> list[Call]:
    """Web API calls (not posts to a response_url, not the browser's visit to Slack) since a point."""
    return [c for c in bot.fake.calls()[since:] if c.path.startswith("/api/")]


def sim(bot: Bot, team: str, **org: object) -> SlackClientSim:
    return SlackClientSim(bot.url, bot.sim.signing_secret, team_id=team, fake_slack=bot.fake, **org)  # type: ignore[arg-type]


def test_a_workspace_installs_as_a_browser_would_and_is_answered_with_its_own_token(oauth_bot: Bot) -> None:
    bot, browser = oauth_bot, Browser()
    bot.fake.add_workspace("T0HEBY", "LOKUS Heby")
    page = browser.get(f"{bot.url}/slack/install")
    assert page.status == 200 and "Lägg till i Slack" in page.text and 'lang="sv"' in page.text
    authorize = urlsplit(page.link())
    query = parse_qs(authorize.query)
    assert authorize.path == "/oauth/v2/authorize" and authorize.netloc == urlsplit(bot.fake.url).netloc
    assert query["client_id"] == [CLIENT_ID] and query["scope"] == [",".join(bot_scopes())]
    assert browser.cookies[COOKIE] == query["state"][0]

    back = browser.get(page.link() + "&team=T0HEBY")
    assert back.location.startswith(f"{bot.url}/slack/oauth_redirect?code=")
    done = browser.get(back.location)
    assert done.status == 200 and "lokusbot är installerad" in done.text and "LOKUS Heby" in done.text
    assert COOKIE not in browser.cookies  # the state is used: the cookie is deleted
    [exchange] = bot.fake.calls("oauth.v2.access")
    assert basic_credentials(exchange.headers) == {"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET}
    token = bot.fake.token_of("T0HEBY")
    assert tokens_of(bot) == {"T0HEBY": token}

    before = len(bot.fake.calls())
    heby = sim(bot, "T0HEBY")
    assert heby.slash_command("UANNA", "CHEBY", "koppla Heby").status == 200
    bot.fake.wait_for("chat.postMessage", predicate=lambda c: c.args.get("channel") == "CHEBY")
    assert heby.dm_message("UANNA", "hjälp").status == 200
    bot.fake.wait_for("chat.postMessage", predicate=lambda c: c.args.get("channel") == "DUANNA")
    calls = api_calls(bot, before)
    assert calls and {bearer(c) for c in calls} == {token}


def test_two_workspaces_each_get_their_own_token(oauth_bot: Bot) -> None:
    bot = oauth_bot
    bot.fake.add_workspace("T0HEBY", "LOKUS Heby")
    bot.fake.add_workspace("T0TIERP", "LOKUS Tierp")
    assert install(Browser(), bot.url, "T0HEBY").status == 200
    assert install(Browser(), bot.url, "T0TIERP").status == 200
    heby, tierp = bot.fake.token_of("T0HEBY"), bot.fake.token_of("T0TIERP")
    assert heby != tierp and tokens_of(bot) == {"T0HEBY": heby, "T0TIERP": tierp}
    for team, user, token in (("T0HEBY", "UANNA", heby), ("T0TIERP", "UBERTIL", tierp), ("T0HEBY", "UCARL", heby)):
        before = len(bot.fake.calls())
        sim(bot, team).dm_message(user, "hjälp")
        bot.fake.wait_for("chat.postMessage", predicate=lambda c, u=user: c.args.get("channel") == f"D{u}")
        assert {bearer(c) for c in api_calls(bot, before)} == {token}


def test_a_redirect_without_the_browsers_state_is_refused(oauth_bot: Bot) -> None:
    bot = oauth_bot
    bot.fake.add_workspace("T0HEBY", "LOKUS Heby")
    victim = Browser()
    back = at_slack(victim, bot.url, "T0HEBY").location  # a real code and state, taken to another browser
    attacker = Browser()
    refused = attacker.get(back)
    assert refused.status == 400 and "Installationen blev inte av" in refused.text
    assert state_of(back) not in refused.text and "code" not in refused.text
    attacker.cookies[COOKIE] = "gissat-varde"
    assert attacker.get(back.replace(state_of(back), "gissat-varde")).status == 400  # a state never issued
    assert bot.fake.calls("oauth.v2.access") == [] and tokens_of(bot) == {}
    assert victim.get(back).status == 200  # the state is still good for the browser it was given to


def test_a_replayed_redirect_is_refused(oauth_bot: Bot) -> None:
    bot, browser = oauth_bot, Browser()
    bot.fake.add_workspace("T0HEBY", "LOKUS Heby")
    back = at_slack(browser, bot.url, "T0HEBY").location
    cookie = browser.cookies[COOKIE]
    assert browser.get(back).status == 200
    browser.cookies[COOKIE] = cookie  # the same redirect, with the same cookie, again
    replayed = browser.get(back)
    assert replayed.status == 400 and "redan använts" in replayed.text
    assert len(bot.fake.calls("oauth.v2.access")) == 1 and len(tokens_of(bot)) == 1


def test_an_expired_state_is_refused(oauth_bot: Bot) -> None:
    bot, browser = oauth_bot, Browser()
    bot.fake.add_workspace("T0HEBY", "LOKUS Heby")
    back = at_slack(browser, bot.url, "T0HEBY").location
    states = bot.services.db.engine
    with states.begin() as connection:
        connection.execute(text("UPDATE slack_oauth_states SET expire_at = '2020-01-01 00:00:00'"))
    assert browser.get(back).status == 400
    assert tokens_of(bot) == {}


def test_expired_states_are_cleared_when_new_installs_begin(oauth_bot: Bot) -> None:
    bot = oauth_bot
    for _ in range(3):
        Browser().get(f"{bot.url}/slack/install")
    with bot.services.db.engine.begin() as connection:
        connection.execute(text("UPDATE slack_oauth_states SET expire_at = '2020-01-01 00:00:00'"))
    Browser().get(f"{bot.url}/slack/install")
    with bot.services.db.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM slack_oauth_states")).scalar_one() == 1


def test_an_install_short_of_scopes_is_refused_with_a_swedish_page(oauth_bot: Bot) -> None:
    bot = oauth_bot
    bot.fake.add_workspace("T0HEBY", "LOKUS Heby")
    bot.fake.withhold_scopes("im:history", "files:write")
    refused = install(Browser(), bot.url, "T0HEBY")
    assert refused.status == 403
    assert "fick inte alla behörigheter" in refused.text and "files:write och im:history" in refused.text
    assert tokens_of(bot) == {}
    [revoke] = bot.fake.calls("auth.revoke")
    assert bot.fake.installed(bearer(revoke)) is None  # the token Slack issued was handed back


def test_an_install_cancelled_in_slack_installs_nothing(oauth_bot: Bot) -> None:
    bot = oauth_bot
    bot.fake.add_workspace("T0HEBY", "LOKUS Heby")
    bot.fake.deny_next()
    cancelled = install(Browser(), bot.url, "T0HEBY")
    assert cancelled.status == 200 and "avbröts i Slack" in cancelled.text and "access_denied" not in cancelled.text
    assert tokens_of(bot) == {} and bot.fake.calls("oauth.v2.access") == []


def test_a_reinstall_replaces_the_token_at_once(oauth_bot: Bot) -> None:
    bot = oauth_bot
    bot.fake.add_workspace("T0HEBY", "LOKUS Heby")
    install(Browser(), bot.url, "T0HEBY")
    sim(bot, "T0HEBY").dm_message("UANNA", "hjälp")
    bot.fake.wait_for("chat.postMessage")
    first = bot.fake.token_of("T0HEBY")
    bot.fake.revoke(first)  # reinstalling through Slack: the old token is gone, a new one issued
    install(Browser(), bot.url, "T0HEBY")
    second = bot.fake.token_of("T0HEBY")
    before = len(bot.fake.calls())
    sim(bot, "T0HEBY").dm_message("UANNA", "hjälp")
    bot.fake.wait_for("chat.postMessage", count=2)
    assert {bearer(c) for c in api_calls(bot, before)} == {second}


def test_only_get_reaches_the_install_and_nothing_else_unsigned_gets_in(oauth_bot: Bot) -> None:
    bot = oauth_bot
    for path in ("/slack/install", "/slack/oauth_redirect"):
        request = urllib.request.Request(f"{bot.url}{path}", data=b"{}", method="POST")
        assert _status(request) == 405
    assert _status(urllib.request.Request(f"{bot.url}/slack/events")) == 405
    assert _status(urllib.request.Request(f"{bot.url}/slack/installera")) == 404
    unsigned = json.dumps({"type": "event_callback", "team_id": "T0HEBY"}).encode()
    assert bot.sim.raw(unsigned).status == 401
    assert bot.fake.calls() == []


def test_single_token_mode_has_no_install_routes(bot: Bot) -> None:
    assert _status(urllib.request.Request(f"{bot.url}/slack/install")) == 404
    assert _status(urllib.request.Request(f"{bot.url}/slack/oauth_redirect?code=x&state=y")) == 404


def _status(request: urllib.request.Request) -> int:
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code
