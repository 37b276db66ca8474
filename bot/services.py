"""What both front doors share: the database, the router, the settings and the clock."""

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TypeVar

from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm.exc import StaleDataError

from bot.catalogue import label_names
from bot.settings import Settings
from handlers.admins import NO_ADMINS, WorkspaceAdmins
from handlers.app import build_router
from handlers.context import Actor, Config, Ctx
from handlers.directory import NO_DIRECTORY, Directory
from handlers.errors import DomainError, Unavailable
from handlers.router import Router
from storage import migrate
from storage.db import Database
from storage.events import claim_event

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]
T = TypeVar("T")
CONFLICT_ATTEMPTS = 3


def system_clock() -> datetime:
    """Now, timezone-aware."""
    return datetime.now(UTC)


@dataclass
class Services:
    """One per process: opens a unit of work per request and runs one handler in it. `admins` is how the front
    door answers whether someone is a workspace admin (Slack asks users.info; by default nobody is); `directory`
    what a workspace shares about a person (Slack's users.info again; by default nothing)."""

    settings: Settings
    db: Database
    router: Router
    config: Config
    clock: Clock = field(default=system_clock)
    admins: WorkspaceAdmins = field(default=NO_ADMINS)
    directory: Directory = field(default=NO_DIRECTORY)

    def __post_init__(self) -> None:
        self.router.engine.use_names(label_names())
        self._stops: list[Callable[[], None]] = []

    def on_stop(self, stop: Callable[[], None]) -> None:
        """Something to stop with these services (the outbox's deliverer threads)."""
        self._stops.append(stop)

    def stop(self) -> None:
        """Stop what runs in the background for these services."""
        for stop in self._stops:
            stop()

    def handle(self, actor: Actor, run: Callable[[Ctx], T], *, event_id: str = "", duplicate: T | None = None) -> T:
        """Run a handler in its own transaction; database trouble becomes Unavailable.

        With an event id, a delivery Slack already made is recognised in the same transaction and `duplicate`
        returned instead: the id is only remembered when the handling commits, so a failed one may be retried.

        When another request changed the same conversation meanwhile (two messages sent in quick succession,
        handled by two workers), nothing of this one was saved, so it is handled again on the fresh state: the
        second message then answers the question the first one led to. Handlers only return what to send, so
        running one again sends nothing twice. After CONFLICT_ATTEMPTS the user is asked to try again.

        A unique constraint met at the commit is the same race one level down (two people linking one channel at
        the same moment): the request that lost is handled again and then sees what the other one committed.
        """
        for attempt in range(1, CONFLICT_ATTEMPTS + 1):
            try:
                return self._handle_once(actor, run, event_id, duplicate)
            except (StaleDataError, IntegrityError) as error:
                if attempt == CONFLICT_ATTEMPTS:
                    raise DomainError("error.conflict") from error
                log.info("a concurrent change of the same data; handling again (attempt %d)", attempt + 1)
            except SQLiteBusy as busy:
                if attempt == CONFLICT_ATTEMPTS:
                    raise Unavailable() from busy.__cause__
                log.info("the SQLite file was busy; handling again (attempt %d)", attempt + 1)
        raise AssertionError("unreachable")

    def _handle_once(self, actor: Actor, run: Callable[[Ctx], T], event_id: str, duplicate: T | None) -> T:
        try:
            with self.db.unit_of_work() as session:
                if event_id and not claim_event(session, event_id=event_id):
                    log.info("ignored repeated delivery of event %s", event_id)
                    return duplicate  # type: ignore[return-value]
                return run(
                    Ctx(
                        session,
                        actor,
                        self.clock(),
                        self.config,
                        admins=self.admins,
                        engine=self.router.engine,
                        directory=self.directory,
                    )
                )
        except OperationalError as error:
            if "database is locked" in str(error.orig):  # SQLite: another writer won; nothing of this one was kept
                raise SQLiteBusy() from error
            log.warning("database unavailable: %s", type(error.orig).__name__)
            raise Unavailable() from error
        except DBAPIError as error:
            if not error.connection_invalidated:
                raise
            log.warning("database connection lost: %s", type(error.orig).__name__)
            raise Unavailable() from error


class SQLiteBusy(Exception):
    """SQLite refused a write while another transaction held the file (a read turned write under WAL is refused
    at once, whatever the busy timeout): the unit of work was rolled back and may be handled again."""


def build_services(settings: Settings, clock: Clock = system_clock, *, migrate_schema: bool = True) -> Services:
    """Services for the settings; brings the schema up to date unless told not to."""
    db = Database.from_url(settings.database_url)
    if migrate_schema:
        migrate.upgrade(db.engine)
    config = settings.handler_config()
    return Services(settings, db, build_router(config), config, clock)
