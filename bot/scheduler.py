"""Runs the router's scheduled work (pausing idle conversations, reminders, automatic summaries) every minute.

Every bot process runs one; the jobs claim their work in the database, so each runs once however many run.
In Slack mode the messages of the work go into the outbox in the same transaction (`store_due`), and each
round ends with a sweep of the outbox (bot/slack/app.py).
"""

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from bot.services import Services
from handlers.context import Actor, Ctx
from handlers.replies import Send

log = logging.getLogger("lokusbot.scheduler")
SYSTEM = "USLACKBOT"
_held: list["Scheduler"] | None = None  # while `held()` is open: the schedulers started meanwhile, not yet running


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

    def __init__(
        self, work: Callable[[], int], interval: float = 60.0, *, first: Callable[[], None] | None = None
    ) -> None:
        self.work = work
        self.first = first  # done once as the thread starts (in the process that runs it), before the first wait
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="lokusbot-scheduler", daemon=True)

    def start(self) -> "Scheduler":
        """Start the thread (inside `held()`: only note it, for the caller to start later)."""
        if _held is not None:
            _held.append(self)
        else:
            self._thread.start()
        return self

    def stop(self) -> None:
        """Stop after the current round."""
        self._stop.set()
        self._thread.join(timeout=5)

    def _loop(self) -> None:
        if self.first is not None:
            try:
                self.first()
            except Exception:  # the first round tries again; the log has the reason
                log.exception("the scheduler's first work failed")
        while not self._stop.wait(self.interval):
            try:
                self.work()
            except Exception:  # the next round tries again; the log has the reason
                log.exception("scheduled work failed")


@contextmanager
def held() -> Iterator[list[Scheduler]]:
    """Schedulers started inside the block do not run yet; the list holds them, to be started by the caller.

    `lokusbot serve` builds the app once in gunicorn's master process and forks the workers from it. A thread does
    not survive a fork (and one running at the fork can leave a lock held in the child), so the master builds the
    app inside this block and each worker starts its own copy of the held schedulers after the fork.
    """
    global _held
    previous, _held = _held, []
    try:
        yield _held
    finally:
        _held = previous
