"""Runs the router's scheduled work (pausing idle conversations, reminders, automatic summaries) every minute.

Every bot process runs one; the jobs claim their work in the database, so each runs once however many run.
"""

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from bot.services import Services
from handlers.context import Actor
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


class Scheduler:
    """A daemon thread that calls run_due at an interval until stopped."""

    def __init__(self, work: Callable[[], int], interval: float = 60.0) -> None:
        self.work = work
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
