"""GET /healthz and GET /readyz: is the process up, and may it be given requests.

/healthz answers 200 as long as a worker can answer at all. /readyz answers 200 only when the database answers,
its schema is at the migrations' head, and the bot token was checked with Slack at start (with OAuth there is
no single token to check); otherwise 503, naming what is not ready. Both name the worker that answered.
"""

import logging
import os
from dataclasses import dataclass
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from storage import migrate
from storage.db import Database

log = logging.getLogger("lokusbot.health")


@dataclass(frozen=True)
class Readiness:
    """What /readyz checks: the database and its schema now, the Slack token as it was checked at start."""

    database: Database
    heads: frozenset[str]
    token_checked: bool | None  # None: no single token to check (OAuth)

    def report(self) -> dict[str, Any]:
        """The checks, each true or false, and `ok` when all hold."""
        reachable, at_head = self._database()
        token = self.token_checked is not False
        return {
            "ok": reachable and at_head and token,
            "database": reachable,
            "migrations": at_head,
            "slack_token": self.token_checked,
            "worker": os.getpid(),
        }

    def _database(self) -> tuple[bool, bool]:
        try:
            with self.database.engine.connect() as connection:
                return True, migrate.current_heads(connection) == self.heads
        except SQLAlchemyError as error:
            log.warning("not ready: the database does not answer (%s)", type(error).__name__)
            return False, False


def alive() -> dict[str, Any]:
    """The answer of /healthz."""
    return {"ok": True, "worker": os.getpid()}
