"""What bench/scale.py times in its own process: the scheduler's minute, the förbund's summary, the App Home.

Each is timed over repeats with the clock at `NOW`, counting the SQL statements it sends. The minute tick runs
in a transaction that is rolled back, so every repeat has the same minute's work to do.
"""

import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from bench.scale_data import FORBUND_GROUPS, FORBUND_USER, HOME_USER, NOW, TEAM
from bot.blocks import BlockRenderer
from bot.catalogue import Catalogue
from bot.scheduler import SYSTEM
from bot.services import Services
from bot.slack.home import home_view
from handlers.context import Actor, Ctx
from handlers.home.layout import dashboard


@dataclass(frozen=True)
class Figure:
    """One measured thing: its repeats (seconds), the statements it sent (None: not counted), its target."""

    name: str
    seconds: list[float]
    statements: int | None
    target: float
    note: str = ""

    @property
    def median(self) -> float:
        """The median of the repeats."""
        return statistics.median(self.seconds)

    @property
    def p99(self) -> float:
        """The 99th percentile of the repeats (the slowest of fewer than a hundred)."""
        ordered = sorted(self.seconds)
        return ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]

    @property
    def met(self) -> bool:
        """Whether the p99 is within the target."""
        return self.p99 <= self.target


class StatementCounter:
    """Counts the SQL statements an engine sends while counting."""

    def __init__(self, services: Services) -> None:
        self.count = 0
        self.on = False
        event.listen(services.db.engine, "before_cursor_execute", self._seen)

    def _seen(self, *_: Any) -> None:
        if self.on:
            self.count += 1

    @contextmanager
    def counting(self) -> Iterator[None]:
        """Count the statements sent inside the block (from zero)."""
        self.count, self.on = 0, True
        try:
            yield
        finally:
            self.on = False


def repeat(run: Callable[[], float | object], counter: StatementCounter, repeats: int) -> tuple[list[float], int]:
    """Run once to warm up (counting its statements), then time each repeat (a run may time itself)."""
    with counter.counting():
        run()
    statements = counter.count
    seconds = []
    for _ in range(repeats):
        started = time.perf_counter()
        timed = run()
        seconds.append(timed if isinstance(timed, float) else time.perf_counter() - started)
    return seconds, statements


def minute_tick(services: Services, *, then_quiet: bool = False) -> float:
    """The scheduler's minute at NOW (what `run_due` does), in a transaction rolled back afterwards; its seconds.

    With `then_quiet`, the seconds of the minute after it instead (in the same transaction: the work of NOW
    claimed and done, nothing new due), which is what most minutes are.
    """
    with Session(services.db.engine, expire_on_commit=False) as session:
        try:
            started = time.perf_counter()
            services.router.tick(_system_ctx(services, session, NOW))
            if then_quiet:
                session.flush()
                session.expunge_all()  # as a new unit of work would start, in the same transaction
                started = time.perf_counter()
                services.router.tick(_system_ctx(services, session, NOW + timedelta(minutes=1)))
            return time.perf_counter() - started
        finally:
            session.rollback()


def due_now(services: Services) -> int:
    """How many messages the minute at NOW sends."""
    with Session(services.db.engine, expire_on_commit=False) as session:
        try:
            return len(services.router.tick(_system_ctx(services, session, NOW)))
        finally:
            session.rollback()


def _system_ctx(services: Services, session: Session, now: datetime) -> Ctx:
    return Ctx(
        session,
        Actor("", SYSTEM),
        now,
        services.config,
        admins=services.admins,
        engine=services.router.engine,
        directory=services.directory,
    )


def forbund_summary(services: Services, renderer: BlockRenderer) -> list[dict[str, Any]]:
    """`/lokus sammanfattning alla` by the förbund of 20 groups, rendered as the Block Kit Slack gets."""
    actor = Actor(TEAM, FORBUND_USER, "CG00000")
    sends = services.handle(actor, lambda ctx: services.router.command(ctx, "sammanfattning alla"))
    return [block for send in sends for block in renderer.blocks(send.reply)]


def build_home(services: Services, renderer: BlockRenderer, actor: Actor) -> dict[str, Any]:
    """The App Home view of a person, built as the `app_home_opened` listener builds it, in a unit of work."""
    return services.handle(actor, lambda ctx: home_view(renderer, dashboard(ctx)))  # the dashboard, as published


def measure_in_process(services: Services, repeats: int) -> list[Figure]:
    """The in-process figures, each over `repeats` runs (the Home's over twice as many)."""
    counter = StatementCounter(services)
    renderer = BlockRenderer(Catalogue.for_slack("sv"))
    due = due_now(services)
    tick, tick_statements = repeat(lambda: minute_tick(services), counter, repeats)
    quiet, _ = repeat(lambda: minute_tick(services, then_quiet=True), counter, repeats)
    rollup, rollup_statements = repeat(lambda: forbund_summary(services, renderer), counter, repeats)
    home_actor = Actor(TEAM, HOME_USER)
    home, home_statements = repeat(lambda: build_home(services, renderer, home_actor), counter, repeats * 2)
    return [
        Figure("scheduler minute tick, busy minute", tick, tick_statements, 0.5, f"{due} messages due"),
        Figure("scheduler minute tick, nothing new", quiet, None, 0.5, "the minute after"),
        Figure(f"sammanfattning alla ({FORBUND_GROUPS} groups)", rollup, rollup_statements, 1.0),
        Figure("App Home, member of 3 groups", home, home_statements, 0.2, "the dashboard"),
    ]
