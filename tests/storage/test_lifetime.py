"""A unit of work holds its objects until its session is closed (storage/lifetime.py: the issue 12 crash)."""

import gc
import weakref
from typing import Any

from sqlalchemy import select

from storage import groups as repo
from storage.db import Database
from storage.models import Group, Member


def _group_with_members(database: Database, count: int) -> None:
    with database.unit_of_work() as session:
        workspace = repo.get_or_create_workspace(session, team_id="T0LIFE")
        group = repo.create_group(session, workspace=workspace, name="Heby", channel_id="C0LIFE", created_by="U0")
        for n in range(count):
            repo.upsert_member(session, group=group, user_id=f"U{n:04d}", party="af", roles=["ledamot"])


def _load_and_forget(session: Any) -> list[weakref.ref[Any]]:
    """What a handler does: load a group and its members, then return, leaving them to each other (a cycle)."""
    group = session.scalars(select(Group)).one()
    return [weakref.ref(group), *(weakref.ref(member) for member in group.members)]


def test_objects_in_a_cycle_outlive_the_handler_until_the_session_closes(database: Database) -> None:
    _group_with_members(database, 20)
    with database.unit_of_work() as session:
        refs = _load_and_forget(session)
        gc.collect()  # a collection in the middle of the unit of work (any thread's) must not free them
        assert all(ref() is not None for ref in refs)
        assert session.get(Member, refs[1]().id) is refs[1]()  # type: ignore[union-attr]
    gc.collect()
    assert all(ref() is None for ref in refs)  # released once the session is closed: nothing leaks


def test_objects_of_a_failed_unit_of_work_are_released_too(database: Database) -> None:
    _group_with_members(database, 3)
    refs: list[weakref.ref[Any]] = []
    try:
        with database.unit_of_work() as session:
            refs = _load_and_forget(session)
            raise RuntimeError("the handler failed")
    except RuntimeError:
        pass
    gc.collect()
    assert refs and all(ref() is None for ref in refs)
