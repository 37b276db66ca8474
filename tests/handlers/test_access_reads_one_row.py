"""A manager check reads the person's own membership, never the group's member list (issue 12: workers died
loading a group's 1 000 members for every `/lokus medlem`; bench/members_load.py is the load test)."""

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from bot.services import Services
from handlers.access import has_managing_role
from storage import groups as repo
from storage.models import Member
from tests.support.talk import actor, run, text_of

HEBY = "CHEBY"
MEMBERS = 300


@pytest.fixture
def big_group(services: Services) -> Services:
    """Heby, linked by Anna (its samordnare), with MEMBERS members."""
    run(services, actor("UANNA", HEBY), lambda ctx: services.router.command(ctx, "koppla Heby"))
    run(services, actor("UANNA", HEBY), lambda ctx: services.router.command(ctx, "medlem <@UANNA> kommun samordnare"))
    with services.db.unit_of_work() as session:
        group = repo.find_group_by_channel(session, team_id="T0LOKUS", channel_id=HEBY)
        assert group is not None
        for n in range(MEMBERS):
            repo.upsert_member(session, group=group, user_id=f"UM{n:04d}", party="af", roles=["ledamot"])
    return services


@pytest.fixture
def members_loaded() -> Iterator[list[str]]:
    """The user ids of every Member row any session loads while the test runs."""
    loaded: list[str] = []

    def count(_session: Session, instance: Any) -> None:
        if isinstance(instance, Member):
            loaded.append(instance.user_id)

    event.listen(Session, "loaded_as_persistent", count)
    yield loaded
    event.remove(Session, "loaded_as_persistent", count)


def test_the_manager_check_loads_one_membership_of_a_big_group(big_group: Services, members_loaded: list[str]) -> None:
    def check(ctx: Any) -> list[Any]:
        group = repo.find_group_by_channel(ctx.session, team_id="T0LOKUS", channel_id=HEBY)
        assert group is not None and has_managing_role(ctx, group)
        assert "members" not in inspect(group).dict  # the collection was never loaded
        return []

    run(big_group, actor("UANNA", HEBY), check)
    assert members_loaded == ["UANNA"]


def test_adding_a_member_to_a_big_group_loads_two_rows_at_most(big_group: Services, members_loaded: list[str]) -> None:
    sends = run(
        big_group, actor("UANNA", HEBY), lambda ctx: big_group.router.command(ctx, "medlem <@UNY|ny> AF ledamot")
    )
    assert "UNY" in text_of(sends)
    assert set(members_loaded) <= {"UANNA", "UNY"} and len(members_loaded) <= 2
