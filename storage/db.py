"""Engines, sessions and the unit of work: one transaction per incoming request."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url, text
from sqlalchemy.orm import Session, sessionmaker

from storage.lifetime import hold_until_closed, release

CONNECT_TIMEOUT_SECONDS = 5  # a database that does not answer: the request gets "try again", not a hung worker


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for the URL.

    SQLite gets foreign keys, a busy timeout and WAL so several processes can share it; with WAL, synchronous
    NORMAL keeps the file consistent on a crash and skips an fsync per commit (PostgreSQL is for production).

    PostgreSQL connections are tested when taken from the pool (`pool_pre_ping`): after the server restarted, a
    dead connection is replaced before a request uses it, and the whole pool is recycled when one is found dead.
    A connection attempt gives up after CONNECT_TIMEOUT_SECONDS unless the URL says otherwise.
    """
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 15}, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    connect_args: dict[str, Any] = {}
    if "connect_timeout" not in make_url(url).query:
        connect_args["connect_timeout"] = CONNECT_TIMEOUT_SECONDS
    return create_engine(url, pool_pre_ping=True, connect_args=connect_args, **kwargs)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


class Database:
    """An engine with its session factory; `unit_of_work()` commits on success and rolls back on error."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        hold_until_closed(self._sessions)

    @classmethod
    def from_url(cls, url: str) -> "Database":
        """A database for the URL."""
        return cls(make_engine(url))

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back when it raises.

        Its objects are released only after the session is closed (storage/lifetime.py says why).
        """
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()
            release(session)

    @contextmanager
    def rolled_back(self) -> Iterator[Session]:
        """A transaction that is always rolled back, whatever happens in it (a rehearsal that must leave no trace)."""
        session = self._sessions()
        try:
            yield session
        finally:
            session.rollback()
            session.close()
            release(session)

    def ping(self) -> None:
        """Open a connection (or take one from the pool) and ask the database something; raises when it cannot."""
        with self.engine.connect() as connection:
            connection.execute(text("SELECT 1"))

    def after_fork(self) -> None:
        """In a process forked from the one that made the engine: start a pool of its own.

        The connections inherited from the parent are left for the parent (never closed or used here), as
        SQLAlchemy advises for forked processes.
        """
        self.engine.dispose(close=False)

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()
