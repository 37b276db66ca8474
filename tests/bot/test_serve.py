"""`lokusbot serve` as an administrator runs it: gunicorn on a port, driven only by signed HTTP requests."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.bot.conftest import SIGNING_SECRET
from tests.support.fake_slack import FakeSlack
from tests.support.signing import SlackClientSim


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(url: str, process: subprocess.Popen[str], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"lokusbot serve exited: {process.stderr.read() if process.stderr else ''}")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("lokusbot serve did not come up")


@pytest.fixture
def served(database_url: str, fake_slack: FakeSlack, tmp_path: Path) -> Iterator[str]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    env.update(
        SLACK_BOT_TOKEN=fake_slack.bot_token,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        SLACK_API_URL=fake_slack.url,
        DATABASE_URL=database_url,
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "2"],
        env=env,
        cwd=tmp_path,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url, process)
        yield url
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def test_serve_answers_signed_requests_and_refuses_unsigned(served: str, fake_slack: FakeSlack) -> None:
    sim = SlackClientSim(served, SIGNING_SECRET, fake_slack=fake_slack)
    assert sim.slash_command("UANNA", "CHEBY", "koppla Heby").status == 200
    [posted] = fake_slack.wait_for("chat.postMessage", timeout=15)
    assert posted.args["channel"] == "CHEBY"
    assert "kopplad till LOKUS-gruppen *Heby*" in str(posted.args["blocks"])
    assert sim.raw(b'{"type": "event_callback"}').status == 401
    sim.dm_message("UNEW", "hej", event_id="Ev0SERVE")
    sim.dm_message("UNEW", "hej", event_id="Ev0SERVE", retry_num=1)
    fake_slack.wait_for("chat.postMessage", count=2, timeout=15)
    time.sleep(0.5)
    assert len(fake_slack.calls("chat.postMessage")) == 2


def test_readyz_answers_once_the_database_its_schema_and_the_token_are_checked(
    served: str, fake_slack: FakeSlack
) -> None:
    with urllib.request.urlopen(served + "/readyz", timeout=5) as response:
        report = json.loads(response.read())
    assert response.status == 200
    assert report == {"ok": True, "database": True, "migrations": True, "slack_token": True, "worker": report["worker"]}
    assert len(fake_slack.calls("auth.test")) == 1  # once, before the workers were forked; no request waits for it


def test_serve_with_a_token_slack_refuses_stops_and_says_so(fake_slack: FakeSlack, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    env.update(
        SLACK_BOT_TOKEN="xoxb-not-the-right-one",
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        SLACK_API_URL=fake_slack.url,
        DATABASE_URL=f"sqlite:///{tmp_path}/x.db",
    )
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "serve", "--port", str(free_port())],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "Slack does not accept SLACK_BOT_TOKEN" in result.stderr
    assert "Traceback" not in result.stderr
    assert "xoxb-not-the-right-one" not in result.stderr + result.stdout


def test_serve_without_tokens_names_the_missing_variables(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path}/x.db"
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "serve"], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert "SLACK_BOT_TOKEN (or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET) and SLACK_SIGNING_SECRET" in result.stderr


def test_db_upgrade_without_a_database_says_so_without_a_traceback(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    env["DATABASE_URL"] = f"postgresql+psycopg://nobody@127.0.0.1:{free_port()}/lokusbot"
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "db", "upgrade"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "Jag når inte databasen" in result.stderr and "Traceback" not in result.stderr
