"""Engines, sessions and the unit of work: one transaction per incoming request."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from storage.lifetime import hold_until_closed, release


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for the URL.

    SQLite gets foreign keys, a busy timeout and WAL so several processes can share it; with WAL, synchronous
    NORMAL keeps the file consistent on a crash and skips an fsync per commit (PostgreSQL is for production).
    """
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 15}, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, **kwargs)


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

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()
