"""A person's name and shared e-mail address from users.info against the fake Slack: only of the workspace asked
about, cached ten minutes, nothing when Slack does not answer."""

from collections.abc import Iterator

import pytest
from slack_sdk import WebClient

from bot.slack.clients import OneToken
from bot.slack.directory import SlackDirectory, contact_of
from handlers.directory import Contact
from tests.bot.test_slack_admins import Clock
from tests.support.fake_slack import FakeSlack

TEAM = "T0LOKUS"


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as server:
        yield server


def directory(fake: FakeSlack, clock: Clock | None = None) -> SlackDirectory:
    return SlackDirectory(OneToken(WebClient(token=fake.bot_token, base_url=fake.url)), clock=clock or Clock())


def test_the_address_comes_only_when_the_workspace_shares_it(fake: FakeSlack) -> None:
    fake.add_user("UANNA", "anna", "Anna Ahl", email="anna.ahl@heby.se")
    fake.add_user("UBERTIL", "bertil", "Bertil Berg")  # without users:read.email Slack leaves the address out
    ask = directory(fake)
    assert ask.contact(TEAM, "UANNA") == Contact("Anna Ahl", "anna.ahl@heby.se")
    assert ask.contact(TEAM, "UBERTIL") == Contact("Bertil Berg", "")


def test_someone_of_another_workspace_a_bot_or_a_deleted_user_is_nobody(fake: FakeSlack) -> None:
    fake.add_user("UGUEST", "guest", "Gäst", email="gast@annat.se", team_id="T0OTHER")
    assert directory(fake).contact(TEAM, "UGUEST") == Contact()
    for flag in ("is_bot", "deleted"):
        user = {"team_id": TEAM, flag: True, "profile": {"real_name": "X", "email": "x@heby.se"}}
        assert contact_of(user, TEAM) == Contact()


def test_the_answer_is_kept_ten_minutes_and_an_error_is_nothing_known(fake: FakeSlack) -> None:
    fake.add_user("UANNA", "anna", "Anna Ahl", email="anna.ahl@heby.se")
    clock = Clock()
    ask = directory(fake, clock)
    fake.fail_next("users.info", "user_not_found")
    assert ask.contact(TEAM, "UANNA") == Contact()
    assert ask.contact(TEAM, "UANNA").email == "anna.ahl@heby.se" == ask.contact(TEAM, "UANNA").email
    assert len(fake.calls("users.info")) == 2
    clock.now += 601
    ask.contact(TEAM, "UANNA")
    assert len(fake.calls("users.info")) == 3
    assert ask.contact("", "UANNA") == ask.contact(TEAM, "") == Contact()
