"""Whether someone is an admin of their Slack workspace: users.info against the fake Slack, cached briefly,
and "no" whenever there is any doubt."""

import socket
from collections.abc import Iterator

import pytest
from slack_sdk import WebClient

from bot.slack.admins import SlackWorkspaceAdmins, is_workspace_admin
from bot.slack.clients import OneToken
from tests.support.fake_slack import FakeSlack

TEAM = "T0LOKUS"


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as server:
        yield server


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def admins(fake: FakeSlack, clock: Clock | None = None) -> SlackWorkspaceAdmins:
    client = WebClient(token=fake.bot_token, base_url=fake.url)
    return SlackWorkspaceAdmins(OneToken(client), ttl=60, clock=clock or Clock())


def test_admins_and_owners_are_admins_and_others_are_not(fake: FakeSlack) -> None:
    fake.add_user("UADMIN", is_admin=True)
    fake.add_user("UOWNER", is_owner=True)
    fake.add_user("UPRIMARY", is_primary_owner=True)
    fake.add_user("UPLAIN")
    ask = admins(fake)
    assert [ask.is_admin(TEAM, u) for u in ("UADMIN", "UOWNER", "UPRIMARY", "UPLAIN", "UNKNOWN")] == [
        True,
        True,
        True,
        False,
        False,
    ]


def test_an_admin_of_another_workspace_is_no_admin_here(fake: FakeSlack) -> None:
    fake.add_user("U2ADMIN", is_admin=True, team_id="T0OTHER")
    ask = admins(fake)
    assert not ask.is_admin(TEAM, "U2ADMIN")
    assert ask.is_admin("T0OTHER", "U2ADMIN")


@pytest.mark.parametrize("flag", ["deleted", "is_bot", "is_restricted", "is_ultra_restricted"])
def test_a_deleted_guest_or_bot_admin_is_no_admin(flag: str) -> None:
    user = {"team_id": TEAM, "is_admin": True, flag: True}
    assert not is_workspace_admin(user, TEAM)
    assert is_workspace_admin({"team_id": TEAM, "is_admin": True}, TEAM)
    assert not is_workspace_admin({"team_id": TEAM, "is_admin": "true"}, TEAM), "only a real true counts"


def test_the_answer_is_kept_a_minute(fake: FakeSlack) -> None:
    fake.add_user("UADMIN", is_admin=True)
    clock = Clock()
    ask = admins(fake, clock)
    assert ask.is_admin(TEAM, "UADMIN") and ask.is_admin(TEAM, "UADMIN")
    assert len(fake.calls("users.info")) == 1
    fake.add_user("UADMIN")  # no longer an admin
    clock.now += 61
    assert not ask.is_admin(TEAM, "UADMIN")
    assert len(fake.calls("users.info")) == 2


def test_a_slack_error_means_no_and_is_asked_again_next_time(fake: FakeSlack) -> None:
    fake.add_user("UADMIN", is_admin=True)
    ask = admins(fake)
    fake.fail_next("users.info", "user_not_found")
    assert not ask.is_admin(TEAM, "UADMIN")
    assert ask.is_admin(TEAM, "UADMIN")


def test_no_answer_from_slack_means_no() -> None:
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    client = WebClient(token="xoxb-x", base_url=f"http://127.0.0.1:{port}/api/", timeout=2)
    ask = SlackWorkspaceAdmins(OneToken(client))
    assert not ask.is_admin(TEAM, "UADMIN")
    assert not ask.is_admin("", "UADMIN") and not ask.is_admin(TEAM, "")
