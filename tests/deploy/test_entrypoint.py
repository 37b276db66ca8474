"""The deployment files: the compose file (bot and PostgreSQL), the Containerfile, and the image's entrypoint.

No container engine runs on these machines, so the entrypoint is run as a plain process, with the environment the
compose file gives the bot (its ${…} filled in as compose would), against an empty SQLite or PostgreSQL database:
it must migrate it and serve until GET /readyz says ready.
"""

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import create_engine, make_url, text

from bot.settings import Settings
from tests.bot.test_serve import free_port
from tests.conftest import BACKENDS, POSTGRES_URL
from tests.support.fake_slack import FakeSlack

ROOT = Path(__file__).resolve().parents[2]
ENTRYPOINT = ROOT / "deploy" / "entrypoint"
SECRET = "compose-signing-secret"
VARIABLE = re.compile(r"\$\{(\w+)(?::([-?])([^}]*))?\}")


def compose() -> dict[str, Any]:
    return dict(yaml.safe_load((ROOT / "compose.yaml").read_text("utf-8")))


def interpolated(value: str, given: dict[str, str]) -> str:
    """A compose value with ${NAME}, ${NAME:-default} and ${NAME:?error} filled in as compose fills them."""

    def fill(match: re.Match[str]) -> str:
        name, kind, rest = match.groups()
        if name in given:
            return given[name]
        if kind == "-":
            return rest
        raise AssertionError(f"compose would refuse to start: {rest or name}")

    return VARIABLE.sub(fill, value)


def bot_environment(given: dict[str, str]) -> dict[str, str]:
    return {
        name: interpolated(str(value), given) for name, value in compose()["services"]["bot"]["environment"].items()
    }


@pytest.fixture
def fake_slack() -> Iterator[FakeSlack]:
    """A fake Slack Web API server."""
    with FakeSlack() as fake:
        yield fake


@pytest.fixture(params=BACKENDS)
def empty_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty database (no tables, no migrations) of each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/lokusbot.db"
        return
    request.getfixturevalue("postgres_template")  # skips (or fails in CI) without PostgreSQL, as the other tests do
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    name = f"lokusbot_e_{uuid.uuid4().hex[:10]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def test_the_compose_file_is_the_bot_twice_and_postgresql_on_a_volume_with_healthchecks() -> None:
    spec = compose()
    services = spec["services"]
    assert set(services) == {"db", "bot"}
    assert "pgdata:/var/lib/postgresql/data" in services["db"]["volumes"] and "pgdata" in spec["volumes"]
    assert "pg_isready" in " ".join(services["db"]["healthcheck"]["test"])
    assert "/readyz" in " ".join(services["bot"]["healthcheck"]["test"])
    assert services["bot"]["depends_on"]["db"]["condition"] == "service_healthy"
    assert services["bot"]["deploy"]["replicas"] == 2
    assert services["bot"]["build"]["dockerfile"] == "Containerfile"


def test_every_variable_the_compose_file_sets_for_the_bot_is_a_setting() -> None:
    settings = {name.upper() for name in Settings.model_fields}
    assert set(compose()["services"]["bot"]["environment"]) <= settings
    environment = bot_environment({"POSTGRES_PASSWORD": "pw", "SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"})
    assert environment["DATABASE_URL"] == "postgresql+psycopg://lokusbot:pw@db:5432/lokusbot"
    assert (environment["LANGUAGE"], environment["TIMEZONE"]) == ("sv", "Europe/Stockholm")
    with pytest.raises(AssertionError, match="SLACK_BOT_TOKEN"):
        bot_environment({"POSTGRES_PASSWORD": "pw", "SLACK_SIGNING_SECRET": "s"})


def test_the_image_installs_the_locked_packages_by_hash_and_starts_with_the_entrypoint() -> None:
    containerfile = (ROOT / "Containerfile").read_text("utf-8")
    assert "pip install --require-hashes --no-deps -r /tmp/requirements.lock" in containerfile
    assert "--no-deps --no-build-isolation" in containerfile
    assert 'ENTRYPOINT ["lokusbot-entrypoint"]' in containerfile and "/readyz" in containerfile
    assert "COPY deploy/entrypoint /usr/local/bin/lokusbot-entrypoint" in containerfile
    assert os.access(ENTRYPOINT, os.X_OK)


def wait_for_ready(url: str, process: subprocess.Popen[str], timeout: float = 90) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the entrypoint exited ({process.returncode})")
        try:
            with urllib.request.urlopen(url + "/readyz", timeout=2) as response:
                return dict(json.loads(response.read()))
        except (OSError, urllib.error.HTTPError):
            time.sleep(0.2)
    raise AssertionError("/readyz never answered 200")


def entrypoint_env(database_url: str, fake_slack: FakeSlack) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_") and k != "DATABASE_URL"}
    env.update(
        bot_environment(
            {"POSTGRES_PASSWORD": "unused", "SLACK_BOT_TOKEN": fake_slack.bot_token, "SLACK_SIGNING_SECRET": SECRET}
        )
    )
    env["DATABASE_URL"] = database_url  # compose's points at its own db service
    env["SLACK_API_URL"] = fake_slack.url  # not in compose: Slack's own address is the default
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"  # where the image has lokusbot
    return env


def test_the_entrypoint_migrates_an_empty_database_and_serves_until_ready(
    empty_database: str, fake_slack: FakeSlack, tmp_path: Path
) -> None:
    port = free_port()
    command = [str(ENTRYPOINT), "serve", "--workers", "1", "--host", "127.0.0.1", "--port", str(port)]
    env = entrypoint_env(empty_database, fake_slack)
    process = subprocess.Popen(
        command, env=env, cwd=tmp_path, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        report = wait_for_ready(f"http://127.0.0.1:{port}", process)
    finally:
        process.send_signal(signal.SIGTERM)
        output, errors = process.communicate(timeout=30)
    assert report == {"ok": True, "database": True, "migrations": True, "slack_token": True, "worker": report["worker"]}
    assert "Databasen är uppdaterad." in output  # the migration ran, once, before lokusbot serve
    assert "Traceback" not in errors


def test_the_entrypoint_runs_any_other_lokusbot_command(
    empty_database: str, fake_slack: FakeSlack, tmp_path: Path
) -> None:
    env = entrypoint_env(empty_database, fake_slack)

    def run(*args: str) -> str:
        result = subprocess.run(
            [str(ENTRYPOINT), *args], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    assert "behöver uppgraderas" in run("db", "current")
    assert "Databasen är uppdaterad." in run("migrate")
    assert "aktuell" in run("db", "current")
