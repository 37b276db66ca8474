"""What the role and workspace tests share (no tests here): knowing when the bot has finished answering a
request, a Slack client of another workspace, what the fake Slack was sent since a point, and the database's
whole content to compare before and after."""

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import MetaData, select

from bot.services import Services
from bot.slack.delivery import SlackDelivery
from tests.bot.conftest import SIGNING_SECRET, Bot
from tests.support.fake_slack import Call
from tests.support.signing import Response, SlackClientSim

OTHER_TEAM = "T0OTHER"
SKIPPED_TABLES = {"processed_events", "alembic_version"}


class Settled:
    """Counts the bot's finished deliveries, so a test can wait until a request has been answered."""

    def __init__(self) -> None:
        self._done = 0
        self._cond = threading.Condition()

    def wrap(self, deliver: Callable[..., None]) -> Callable[..., None]:
        """SlackDelivery.deliver, counting each call once it returns (or fails)."""

        def counted(delivery: SlackDelivery, *args: Any, **kwargs: Any) -> None:
            try:
                deliver(delivery, *args, **kwargs)
            finally:
                with self._cond:
                    self._done += 1
                    self._cond.notify_all()

        return counted

    @property
    def done(self) -> int:
        """How many deliveries have finished."""
        with self._cond:
            return self._done

    def after(self, send: Callable[[], Response], timeout: float = 10.0) -> Response:
        """Send a request and return once the bot has delivered its answer to it (a form's errors are the answer
        itself, in the HTTP response)."""
        before = self.done
        response = send()
        if b"response_action" in response.body:
            return response
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._done <= before:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"the bot delivered nothing within {timeout}s (HTTP {response.status})")
                self._cond.wait(remaining)
        return response


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> Settled:
    """Know when each request has been answered (every listener ends in SlackDelivery.deliver)."""
    tracker = Settled()
    monkeypatch.setattr(SlackDelivery, "deliver", tracker.wrap(SlackDelivery.deliver))
    return tracker


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
