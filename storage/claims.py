"""Insert a row unless its key is already there, in one statement, and say whether it was inserted."""

from functools import cache
from typing import Any

from sqlalchemy import Executable, Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session


@cache
def _insert_or_skip(table: Table, dialect: str) -> Executable:
    """The INSERT … ON CONFLICT DO NOTHING statement for a table, built once per dialect."""
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return insert(table).on_conflict_do_nothing().returning(*table.primary_key.columns)


def insert_or_skip(table: Table, session: Session) -> Executable:
    """The statement that inserts a row unless its key is there, returning the key when it did (cached)."""
    return _insert_or_skip(table, session.get_bind().dialect.name)


def insert_once(session: Session, *, table: Table, values: dict[str, Any]) -> bool:
    """True when this call inserted the row, False when a row with its key was already there."""
    statement = insert_or_skip(table, session)
    return session.connection().execute(statement, values).first() is not None
