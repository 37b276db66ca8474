"""What the role and workspace tests share (no tests here): knowing when the bot has finished answering a
request, a Slack client of another workspace, what the fake Slack was sent since a point, and the database's
whole content to compare before and after."""

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import MetaData, func, select

from bot.services import Services
from storage.db import Database
from storage.outbox_models import PENDING, OutboxMessage
from tests.bot.conftest import SIGNING_SECRET, Bot
from tests.support.fake_slack import Call
from tests.support.signing import Response, SlackClientSim

OTHER_TEAM = "T0OTHER"
SKIPPED_TABLES = {"processed_events", "alembic_version", "outbox", "outbox_files"}


class Settled:
    """Knows when the bot has finished answering a request: Slack's HTTP 200 comes once the handler's transaction
    (with the replies it promised, in the outbox) is committed; the answer is out once the outbox is empty."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def after(self, send: Callable[[], Response], timeout: float = 10.0) -> Response:
        """Send a request and return once the bot has delivered its answer to it (a form's errors are the answer
        itself, in the HTTP response)."""
        response = send()
        if b"response_action" in response.body:
            return response
        deadline = time.monotonic() + timeout
        while self._waiting():
            if time.monotonic() > deadline:
                raise AssertionError(f"the bot delivered nothing within {timeout}s (HTTP {response.status})")
            time.sleep(0.005)
        return response

    def _waiting(self) -> int:
        with self.database.unit_of_work() as session:
            query = select(func.count()).select_from(OutboxMessage).where(OutboxMessage.state == PENDING)
            return int(session.scalar(query) or 0)


@pytest.fixture
def settled(bot: Bot) -> Settled:
    """Know when each request has been answered (every answer goes through the outbox)."""
    return Settled(bot.services.db)


def other_workspace(bot: Bot, team_id: str = OTHER_TEAM) -> SlackClientSim:
    """What Slack sends for people of another workspace, e.g. in a channel shared with Slack Connect."""
    return SlackClientSim(bot.url, SIGNING_SECRET, team_id=team_id, team_domain="annan", fake_slack=bot.fake)


@dataclass(frozen=True)
class Sent:
    """What the fake Slack received since a point: the calls, and the bytes of files uploaded."""

    calls: list[Call]
    files: list[bytes]

    @property
    def text(self) -> str:
        """Every call's arguments and every file as one text to search."""
        args = json.dumps([c.args for c in self.calls], ensure_ascii=False, default=str)
        return args + "\n".join(content.decode("utf-8", "replace") for content in self.files)

    def leaks(self, markers: tuple[str, ...]) -> list[str]:
        """The markers that were sent."""
        text = self.text
        return [marker for marker in markers if marker in text]


def mark(bot: Bot) -> tuple[int, set[str]]:
    """A point to look at what is sent after it."""
    return len(bot.fake.calls()), {f.file_id for f in bot.fake.uploaded_files(include_incomplete=True)}


def sent_since(bot: Bot, point: tuple[int, set[str]]) -> Sent:
    """The calls and uploads after the point."""
    calls, files = point
    uploads = [f.content for f in bot.fake.uploaded_files(include_incomplete=True) if f.file_id not in files]
    return Sent(bot.fake.calls()[calls:], uploads)


def snapshot(services: Services) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (but the delivery log), sorted, to see whether a request changed anything."""
    tables = _TABLES.get(id(services.db))
    if tables is None:
        tables = _TABLES[id(services.db)] = MetaData()
        tables.reflect(bind=services.db.engine)
    found: dict[str, list[tuple[Any, ...]]] = {}
    with services.db.unit_of_work() as session:
        for table in tables.sorted_tables:
            if table.name not in SKIPPED_TABLES:
                rows = session.execute(select(table)).all()
                found[table.name] = sorted((tuple(row) for row in rows), key=repr)
    return found


_TABLES: dict[int, MetaData] = {}


def changed_tables(before: dict[str, list[Any]], after: dict[str, list[Any]]) -> list[str]:
    """The tables whose rows differ."""
    return sorted(name for name in set(before) | set(after) if before.get(name) != after.get(name))
