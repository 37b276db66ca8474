"""GET /healthz and GET /readyz: ready means the database answers, its schema is at the head, the token checked."""

import json
from collections.abc import Iterable
from io import BytesIO
from pathlib import Path
from typing import Any

from bot.health import Readiness
from bot.server import Wsgi, wsgi_app
from bot.services import Services
from bot.settings import Settings
from bot.slack.app import create_app
from storage import migrate
from storage.db import Database
from tests.bot.conftest import SIGNING_SECRET
from tests.support.fake_slack import FakeSlack


def get(application: Wsgi, path: str, method: str = "GET") -> tuple[str, Any]:
    statuses: list[str] = []
    environ = {"PATH_INFO": path, "REQUEST_METHOD": method, "wsgi.input": BytesIO(b""), "CONTENT_LENGTH": "0"}
    body: Iterable[bytes] = application(environ, lambda status, headers, exc_info=None: statuses.append(status))
    raw = b"".join(body)
    return statuses[0], json.loads(raw) if raw.startswith(b"{") else raw


def application(services: Services, fake_slack: FakeSlack, readiness: Readiness) -> Wsgi:
    settings = Settings(
        _env_file=None,
        database_url="sqlite://",  # type: ignore[call-arg]
        slack_bot_token=fake_slack.bot_token,
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=fake_slack.url,
    )
    return wsgi_app(create_app(settings, services), SIGNING_SECRET, readiness)


def test_ready_when_the_database_answers_at_the_head(
    services: Services, database: Database, fake_slack: FakeSlack
) -> None:
    app = application(services, fake_slack, Readiness(database, migrate.heads(), True))
    status, report = get(app, "/readyz")
    assert status == "200 OK"
    assert (report["ok"], report["database"], report["migrations"], report["slack_token"]) == (True, True, True, True)
    assert get(app, "/healthz")[0] == "200 OK"


def test_not_ready_when_the_schema_is_behind(services: Services, database: Database, fake_slack: FakeSlack) -> None:
    migrate.downgrade(database.engine, "-1")
    status, report = get(application(services, fake_slack, Readiness(database, migrate.heads(), True)), "/readyz")
    assert status == "503 Service Unavailable"
    assert (report["ok"], report["database"], report["migrations"]) == (False, True, False)


def test_not_ready_when_the_database_does_not_answer(services: Services, fake_slack: FakeSlack, tmp_path: Path) -> None:
    gone = Database.from_url(f"sqlite:///{tmp_path}/no/such/dir/x.db")
    status, report = get(application(services, fake_slack, Readiness(gone, migrate.heads(), True)), "/readyz")
    assert status == "503 Service Unavailable"
    assert (report["ok"], report["database"], report["migrations"]) == (False, False, False)
    assert get(application(services, fake_slack, Readiness(gone, migrate.heads(), True)), "/healthz")[0] == "200 OK"


def test_with_oauth_there_is_no_token_to_wait_for(
    services: Services, database: Database, fake_slack: FakeSlack
) -> None:
    status, report = get(application(services, fake_slack, Readiness(database, migrate.heads(), None)), "/readyz")
    assert (status, report["slack_token"]) == ("200 OK", None)


def test_readyz_is_only_a_get(services: Services, database: Database, fake_slack: FakeSlack) -> None:
    app = application(services, fake_slack, Readiness(database, migrate.heads(), True))
    assert get(app, "/readyz", "POST")[0].startswith("404")
