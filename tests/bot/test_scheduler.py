"""Scheduled work: due work is done once, however many processes run it, and the thread keeps going."""

import threading

from bot.scheduler import Scheduler, held, run_due
from bot.services import Services
from handlers.replies import Send, To
from storage.db import Database
from tests.conftest import FakeClock
from tests.handlers.test_engine import FLOW, KEY
from tests.support.talk import actor


def start_conversation(services: Services) -> None:
    services.router.engine.flows[FLOW.name] = FLOW
    services.handle(actor(), lambda ctx: services.router.engine.start(ctx, KEY, FLOW.name))


def test_an_idle_conversation_is_paused_once_across_two_processes(
    services: Services, clock: FakeClock, database_url: str
) -> None:
    start_conversation(services)
    clock.advance(hours=25)
    other = Services(services.settings, Database.from_url(database_url), services.router, services.config, clock)
    delivered: list[Send] = []
    assert run_due(services, "", delivered.extend) == 1
    assert run_due(other, "", delivered.extend) == 0
    assert [(s.to, s.user_id) for s in delivered] == [(To.USER, "UANNA")]
    other.db.dispose()


def test_nothing_is_due_for_a_fresh_conversation(services: Services, clock: FakeClock) -> None:
    start_conversation(services)
    clock.advance(hours=1)
    assert run_due(services, "", lambda sends: None) == 0


def test_the_scheduler_thread_survives_a_failing_round() -> None:
    rounds: list[int] = []
    done = threading.Event()

    def work() -> int:
        rounds.append(1)
        if len(rounds) == 1:
            raise RuntimeError("database hiccup")
        done.set()
        return 0

    scheduler = Scheduler(work, interval=0.01).start()
    assert done.wait(5)
    scheduler.stop()
    assert len(rounds) >= 2


def test_first_runs_once_in_the_schedulers_thread_and_only_once_it_is_started() -> None:
    """The outbox's deliverer is woken this way: in the process that serves, never in gunicorn's master."""
    threads: list[str] = []
    woken = threading.Event()

    def first() -> None:
        threads.append(threading.current_thread().name)
        woken.set()

    with held() as waiting:
        scheduler = Scheduler(lambda: 0, interval=60, first=first).start()
    assert waiting == [scheduler] and not woken.wait(0.2)
    waiting[0].start()
    assert woken.wait(5)
    scheduler.stop()
    assert threads == ["lokusbot-scheduler"]
