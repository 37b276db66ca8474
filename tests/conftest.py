"""Shared fixtures: a freshly migrated database per test on SQLite and on PostgreSQL, a clock, services."""

import os
import shutil
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from bot.services import Services
from bot.settings import Settings
from handlers.app import build_router
from storage import migrate
from storage.db import Database, make_engine

POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "")
BACKENDS = ["sqlite", "postgresql"]


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        """Move time forward."""
        self.now += timedelta(**delta)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated once; each test gets a copy."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    engine = make_engine(f"sqlite:///{path}")
    migrate.upgrade(engine)
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def postgres_template() -> Iterator[str]:
    """A PostgreSQL database migrated once, used as the template of each test's database."""
    if not POSTGRES_URL:
        if os.environ.get("CI") == "true":
            pytest.fail("TEST_POSTGRES_URL is not set: CI must test against PostgreSQL")
        pytest.skip("TEST_POSTGRES_URL not set (scripts/test starts PostgreSQL when it is installed)")
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    name = f"lokusbot_tpl_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine = make_engine(make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False))
    migrate.upgrade(engine)
    engine.dispose()
    yield name
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a fresh, migrated database of each backend."""
    if request.param == "sqlite":
        path = tmp_path / "lokusbot.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        yield f"sqlite:///{path}"
        return
    template = request.getfixturevalue("postgres_template")
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    name = f"lokusbot_t_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    """A Database on a fresh schema."""
    db = Database.from_url(database_url)
    yield db
    db.dispose()


@pytest.fixture
def clock() -> FakeClock:
    """Monday 23 November 2026, 10:00 in Stockholm."""
    return FakeClock(datetime(2026, 11, 23, 9, 0, tzinfo=UTC))


@pytest.fixture
def settings(database_url: str) -> Settings:
    """Settings for tests: the test database, no Slack credentials."""
    return Settings(_env_file=None, database_url=database_url)  # type: ignore[call-arg]


@pytest.fixture
def services(settings: Settings, database: Database, clock: FakeClock) -> Iterator[Services]:
    """Services on the test database with the test clock (what a test starts on them is stopped after it)."""
    services = Services(settings, database, build_router(), settings.handler_config(), clock)
    yield services
    services.stop()
