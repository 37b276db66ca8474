"""A person's records, found and erased through the registry in storage/personal_data.py."""

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, delete, func, select, update
from sqlalchemy.orm import Session

from storage.personal_data import PLACES, How, Place, table, where_held


@dataclass(frozen=True)
class Found:
    """The rows of one place that hold the person's id: the row's key and the columns the place shows."""

    place: Place
    rows: list[dict[str, Any]]


def count_held(session: Session, *, user_id: str, team_id: str | None) -> int:
    """How many rows hold the id anywhere the registry knows, in the workspace (every workspace for None)."""
    total = 0
    for place in PLACES:
        stmt = select(func.count()).select_from(table(place)).where(where_held(place, user_id, team_id))
        total += session.execute(stmt).scalar_one()
    return total


def held_rows(session: Session, *, user_id: str, team_id: str | None) -> list[Found]:
    """Every row linked to the id, place by place (names typed beside the id are shown with their row)."""
    found = []
    for place in PLACES:
        if place.how == How.NAME:
            continue
        of = table(place)
        columns = [*of.primary_key.columns, *(of.c[name] for name in place.shows if name not in of.primary_key.c)]
        stmt = select(*columns).where(where_held(place, user_id, team_id)).order_by(*of.primary_key.columns)
        rows = [dict(row) for row in session.execute(stmt).mappings()]
        if rows:
            found.append(Found(place, rows))
    return found


def erase(session: Session, *, user_id: str, team_id: str | None, pseudonym: str) -> dict[str, int]:
    """Delete the person's own rows and put the pseudonym wherever their id was; how many rows, by place."""
    swap = replacer(user_id, pseudonym)
    session.flush()
    counts: dict[str, int] = {}
    for place in sorted(PLACES, key=lambda p: p.how != How.NAME):  # a name is found by the id beside it
        of = table(place)
        held = where_held(place, user_id, team_id)
        if place.how == How.DELETE:
            changed = session.connection().execute(delete(of).where(held)).rowcount
        elif place.how in (How.REPLACE, How.NAME, How.CLEAR):
            value = None if place.how == How.CLEAR else pseudonym
            changed = session.connection().execute(update(of).where(held).values({place.column: value})).rowcount
        else:
            changed = _rewrite(session, of, place.column, held, lambda value: walk(value, swap))
        if changed:
            counts[place.name] = changed
    session.expire_all()  # the ORM's copies of the rows are read again
    return counts


def replacer(user_id: str, pseudonym: str) -> Callable[[str], str]:
    """Text with every mention of the id ("<@U123>", "<@U123|anna>", "U123") made the pseudonym."""
    mention = re.compile(rf"<@{re.escape(user_id)}(\|[^>]*)?>")
    return lambda text: mention.sub(f"<@{pseudonym}>", text).replace(user_id, pseudonym)


def walk(value: Any, swap: Callable[[str], str]) -> Any:
    """JSON (or text) with the replacement applied to every string in it, keys too."""
    if isinstance(value, str):
        return swap(value)
    if isinstance(value, list):
        return [walk(item, swap) for item in value]
    if isinstance(value, dict):
        return {swap(key): walk(item, swap) for key, item in value.items()}
    return value


def _rewrite(session: Session, of: Table, column: str, held: Any, change: Callable[[Any], Any]) -> int:
    keys = list(of.primary_key.columns)
    changed = 0
    for row in session.execute(select(*keys, of.c[column]).where(held)).all():
        new = change(row[-1])
        if new != row[-1]:
            match = [key == row[i] for i, key in enumerate(keys)]
            session.connection().execute(update(of).where(*match).values({column: new}))
            changed += 1
    return changed
