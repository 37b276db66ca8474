"""The fake Slack's OAuth side, driven by slack_sdk: the authorize page, oauth.v2.access as Slack documents it,
and a token per install that auth.test knows and auth.revoke ends."""

import urllib.error
import urllib.request
from collections.abc import Iterator
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from tests.support.fake_slack import FakeSlack

CLIENT, SECRET, REDIRECT = "1.2", "hemligt", "http://127.0.0.1:9/slack/oauth_redirect"


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as server:
        server.register_app(CLIENT, SECRET, REDIRECT)
        server.add_workspace("T0HEBY", "LOKUS Heby")
        server.add_org("E0REGION", "Region Uppsala", teams={"T0TIERP": "LOKUS Tierp"})
        yield server


class _Stay(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def approve(fake: FakeSlack, team: str, scope: str = "commands,chat:write", **extra: str) -> tuple[int, str]:
    """The installer at the authorize page: HTTP status and where they are sent."""
    query = urlencode({"client_id": CLIENT, "scope": scope, "state": "s1", "team": team, **extra})
    try:
        urllib.request.build_opener(_Stay).open(f"{fake.root_url}oauth/v2/authorize?{query}", timeout=5)
    except urllib.error.HTTPError as answer:
        return answer.code, answer.headers.get("Location") or ""
    raise AssertionError("the authorize page always answers with a redirect or an error")


def code_of(location: str) -> str:
    return parse_qs(urlsplit(location).query)["code"][0]


def test_an_approval_is_a_code_that_works_once(fake: FakeSlack) -> None:
    status, location = approve(fake, "T0HEBY")
    assert status == 302 and location.startswith(REDIRECT + "?") and "state=s1" in location
    client = WebClient(base_url=fake.url)
    answer = client.oauth_v2_access(client_id=CLIENT, client_secret=SECRET, code=code_of(location))
    assert answer["team"] == {"name": "LOKUS Heby", "id": "T0HEBY"} and answer["enterprise"] is None
    assert answer["is_enterprise_install"] is False and answer["token_type"] == "bot"
    assert answer["scope"] == "commands,chat:write" and answer["authed_user"] == {"id": "UINSTALLER"}
    assert answer["access_token"] == fake.token_of("T0HEBY") and answer["bot_user_id"] == "UT0HEBYBOT"
    with pytest.raises(SlackApiError) as again:
        client.oauth_v2_access(client_id=CLIENT, client_secret=SECRET, code=code_of(location))
    assert again.value.response["error"] == "invalid_code"


def test_the_app_must_prove_who_it_is(fake: FakeSlack) -> None:
    code = code_of(approve(fake, "T0HEBY")[1])
    client = WebClient(base_url=fake.url)
    for client_id, secret, error in ((CLIENT, "fel", "bad_client_secret"), ("9.9", SECRET, "invalid_client_id")):
        with pytest.raises(SlackApiError) as refused:
            client.oauth_v2_access(client_id=client_id, client_secret=secret, code=code)
        assert refused.value.response["error"] == error
    assert client.oauth_v2_access(client_id=CLIENT, client_secret=SECRET, code=code)["ok"] is True


def test_an_org_wide_install_has_no_team(fake: FakeSlack) -> None:
    code = code_of(approve(fake, "E0REGION")[1])
    answer = WebClient(base_url=fake.url).oauth_v2_access(client_id=CLIENT, client_secret=SECRET, code=code)
    assert answer["team"] is None and answer["enterprise"] == {"name": "Region Uppsala", "id": "E0REGION"}
    assert answer["is_enterprise_install"] is True
    test = WebClient(base_url=fake.url, token=answer["access_token"]).auth_test()
    assert test["enterprise_id"] == "E0REGION" and test["is_enterprise_install"] is True


def test_each_token_is_its_workspaces_until_revoked(fake: FakeSlack) -> None:
    client = WebClient(base_url=fake.url)
    for team in ("T0HEBY", "T0TIERP"):
        client.oauth_v2_access(client_id=CLIENT, client_secret=SECRET, code=code_of(approve(fake, team)[1]))
    heby = WebClient(base_url=fake.url, token=fake.token_of("T0HEBY"))
    assert heby.auth_test()["team_id"] == "T0HEBY"
    assert WebClient(base_url=fake.url, token=fake.token_of("T0TIERP")).auth_test()["team_id"] == "T0TIERP"
    assert heby.auth_revoke()["revoked"] is True
    with pytest.raises(SlackApiError) as revoked:
        heby.chat_postMessage(channel="C1", text="hej")
    assert revoked.value.response["error"] == "invalid_auth"


def test_the_authorize_page_refuses_what_slack_refuses(fake: FakeSlack) -> None:
    assert approve(fake, "T0HEBY", redirect_uri="https://elak.example/")[0] == 400
    assert approve(fake, "T0OKAND")[0] == 400
    fake.withhold_scopes("chat:write")
    code = code_of(approve(fake, "T0HEBY")[1])
    answer = WebClient(base_url=fake.url).oauth_v2_access(client_id=CLIENT, client_secret=SECRET, code=code)
    assert answer["scope"] == "commands"
    fake.deny_next()
    status, location = approve(fake, "T0HEBY")
    assert status == 302 and parse_qs(urlsplit(location).query) == {"error": ["access_denied"], "state": ["s1"]}
