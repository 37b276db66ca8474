"""What bench/scale.py times in its own process: the scheduler's minute, the förbund's summary, the App Home.

Each is timed over repeats with the clock at `NOW`, counting the SQL statements it sends. The minute tick runs
in a transaction that is rolled back, so every repeat has the same minute's work to do.
"""

import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
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
from handlers.replies import Send


@dataclass(frozen=True)
class Figure:
    """One measured thing: its repeats (seconds), the statements each sent, its target (seconds)."""

    name: str
    seconds: list[float]
    statements: int
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


def repeat(run: Callable[[], object], counter: StatementCounter, repeats: int) -> tuple[list[float], int]:
    """Run once to warm up (counting its statements), then time each repeat."""
    with counter.counting():
        run()
    statements = counter.count
    seconds = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        seconds.append(time.perf_counter() - started)
    return seconds, statements


def minute_tick(services: Services) -> list[Send]:
    """The scheduler's minute at NOW (what `run_due` does), in a transaction rolled back afterwards."""
    with Session(services.db.engine, expire_on_commit=False) as session:
        ctx = Ctx(
            session,
            Actor("", SYSTEM),
            NOW,
            services.config,
            admins=services.admins,
            engine=services.router.engine,
            directory=services.directory,
        )
        try:
            return services.router.tick(ctx)
        finally:
            session.rollback()


def forbund_summary(services: Services, renderer: BlockRenderer) -> list[dict[str, Any]]:
    """`/lokus sammanfattning alla` by the förbund of 20 groups, rendered as the Block Kit Slack gets."""
    actor = Actor(TEAM, FORBUND_USER, "CG00000")
    sends = services.handle(actor, lambda ctx: services.router.command(ctx, "sammanfattning alla"))
    return [block for send in sends for block in renderer.blocks(send.reply)]


def build_home(services: Services, renderer: BlockRenderer, actor: Actor) -> dict[str, Any]:
    """The App Home view of a person, built as the `app_home_opened` listener builds it, in a unit of work."""
    return services.handle(actor, lambda ctx: home_view(renderer))  # the Home builder measured (see README)


def measure_in_process(services: Services, repeats: int) -> list[Figure]:
    """The three in-process figures, each over `repeats` runs."""
    counter = StatementCounter(services)
    renderer = BlockRenderer(Catalogue.for_slack("sv"))
    sends = minute_tick(services)
    tick, tick_statements = repeat(lambda: minute_tick(services), counter, repeats)
    rollup, rollup_statements = repeat(lambda: forbund_summary(services, renderer), counter, repeats)
    home_actor = Actor(TEAM, HOME_USER)
    home, home_statements = repeat(lambda: build_home(services, renderer, home_actor), counter, repeats * 2)
    return [
        Figure("scheduler minute tick", tick, tick_statements, 0.5, f"{len(sends)} messages due"),
        Figure(f"sammanfattning alla ({FORBUND_GROUPS} groups)", rollup, rollup_statements, 1.0),
        Figure("App Home, member of 3 groups", home, home_statements, 0.2),
    ]
