"""Runs the router's scheduled work (pausing idle conversations, reminders, automatic summaries) every minute.

Every bot process runs one; the jobs claim their work in the database, so each runs once however many run.
In Slack mode the messages of the work go into the outbox in the same transaction (`store_due`), and each
round ends with a sweep of the outbox (bot/slack/app.py).
"""

import logging
import threading
from collections.abc import Callable

from bot.services import Services
from handlers.context import Actor, Ctx
from handlers.replies import Send

log = logging.getLogger("lokusbot.scheduler")
SYSTEM = "USLACKBOT"


def run_due(services: Services, team_id: str, deliver: Callable[[list[Send]], None]) -> int:
    """Do the work that is due now and deliver its messages; returns how many were sent."""
    sends = services.handle(Actor(team_id, SYSTEM), services.router.tick)
    if sends:
        deliver(sends)
    return len(sends)


def store_due(services: Services, team_id: str, store: Callable[[Ctx, list[Send]], object]) -> int:
    """Do the work that is due now, handing its messages to `store` in the same transaction (the outbox);
    returns how many there were."""

    def tick(ctx: Ctx) -> int:
        sends = services.router.tick(ctx)
        store(ctx, sends)
        return len(sends)

    return services.handle(Actor(team_id, SYSTEM), tick)


class Scheduler:
    """A daemon thread that calls run_due at an interval until stopped."""

    def __init__(self, work: Callable[[], int], interval: float = 60.0) -> None:
        self.work = work
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="lokusbot-scheduler", daemon=True)

    def start(self) -> "Scheduler":
        """Start the thread."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop after the current round."""
        self._stop.set()
        self._thread.join(timeout=5)

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.work()
            except Exception:  # the next round tries again; the log has the reason
                log.exception("scheduled work failed")
