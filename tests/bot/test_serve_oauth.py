"""`lokusbot serve` with the OAuth install, as an operator runs it: two gunicorn workers, so the install page,
Slack's redirect and the requests after it may each meet another process – the state and the tokens are in the
database, not in a worker."""

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.bot.conftest import CLIENT_ID, CLIENT_SECRET, SIGNING_SECRET
from tests.bot.test_serve import free_port, wait_until_up
from tests.support.browser import Browser, install
from tests.support.fake_slack import FakeSlack
from tests.support.signing import SlackClientSim


@pytest.fixture
def served(database_url: str, fake_slack: FakeSlack, tmp_path: Path) -> Iterator[str]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    fake_slack.register_app(CLIENT_ID, CLIENT_SECRET, f"{url}/slack/oauth_redirect")
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    env.update(
        SLACK_CLIENT_ID=CLIENT_ID,
        SLACK_CLIENT_SECRET=CLIENT_SECRET,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        SLACK_API_URL=fake_slack.url,
        DATABASE_URL=database_url,
    )
    command = [sys.executable, "-m", "bot.cli", "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "2"]
    process = subprocess.Popen(
        command, env=env, cwd=tmp_path, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        wait_until_up(url, process)
        yield url
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def test_two_workspaces_install_and_are_answered_across_workers(served: str, fake_slack: FakeSlack) -> None:
    for team in ("T0HEBY", "T0TIERP"):
        fake_slack.add_workspace(team, f"LOKUS {team}")
        for _ in range(3):  # each step may land on either worker
            assert "lokusbot är installerad" in install(Browser(), served, team).text
    for team, user in (("T0HEBY", "UANNA"), ("T0TIERP", "UBERTIL")):
        SlackClientSim(served, SIGNING_SECRET, team_id=team, fake_slack=fake_slack).dm_message(user, "hjälp")
        [answer] = fake_slack.wait_for(
            "chat.postMessage", timeout=15, predicate=lambda c, u=user: c.args["channel"] == f"D{u}"
        )
        assert answer.headers["authorization"] == f"Bearer {fake_slack.token_of(team)}"
