"""The förbund role and who manages a group: who may give what, to whom, and what it opens."""

from dataclasses import dataclass, replace

import pytest
from sqlalchemy import select

from bot.catalogue import load_messages
from bot.services import Services
from handlers.errors import DomainError, NotAllowed
from storage import audit
from storage import roles as roles_repo
from storage.models import AuditEntry
from tests.support.roles import grant_forbund
from tests.support.talk import TEAM, actor, run, text_of

HEBY = "CHEBY"


@dataclass(frozen=True)
class Admins:
    """A workspace that says who its admins are."""

    user_ids: frozenset[str]

    def is_admin(self, team_id: str, user_id: str) -> bool:
        return team_id == TEAM and user_id in self.user_ids


@pytest.fixture
def workspace(services: Services) -> Services:
    """UADMIN is an admin of the Slack workspace."""
    return replace(services, admins=Admins(frozenset({"UADMIN"})))


def say(services: Services, user: str, text: str, channel: str = HEBY) -> str:
    return text_of(run(services, actor(user, channel), lambda ctx: services.router.command(ctx, text)))


def holds(services: Services, user: str, team: str = TEAM) -> bool:
    with services.db.unit_of_work() as session:
        return roles_repo.holds_forbund(session, team_id=team, user_id=user)


def test_a_slack_admin_gives_the_role_and_a_holder_gives_it_on(workspace: Services) -> None:
    assert "<@UFORA> har nu förbundsrollen" in say(workspace, "UADMIN", "förbund <@UFORA|fora>", channel="")
    assert holds(workspace, "UFORA") and not holds(workspace, "UADMIN"), "the admin does not get it by giving it"
    sends = run(workspace, actor("UFORA"), lambda ctx: workspace.router.command(ctx, "förbund <@UFRIDA|frida>"))
    assert [s.user_id for s in sends if s.user_id] == ["UFRIDA"], "the new holder is told in a DM"
    assert "<@UFORA> har gett dig förbundsrollen" in text_of(sends)
    listed = say(workspace, "UBERTIL", "förbund")
    assert "<@UFORA> – given av <@UADMIN>" in listed and "<@UFRIDA> – given av <@UFORA>" in listed
    with workspace.db.unit_of_work() as session:
        stmt = select(AuditEntry).where(AuditEntry.action == "role.grant").order_by(AuditEntry.id)
        entries = session.scalars(stmt).all()
        assert [(e.user_id, e.detail["user"], e.detail["trust"]) for e in entries] == [
            ("UADMIN", "UFORA", "workspace_admin"),
            ("UFORA", "UFRIDA", "forbund"),
        ]


def test_nobody_else_gives_or_takes_the_role_not_even_to_themself(workspace: Services) -> None:
    say(workspace, "UANNA", "koppla Heby")
    say(workspace, "UANNA", "medlem <@UANNA|anna> kommun samordnare")
    grant_forbund(workspace, "UFORA")
    for user, text in (
        ("UANNA", "förbund <@UANNA|anna>"),
        ("UANNA", "förbund <@UBERTIL|b>"),
        ("UBERTIL", "förbund <@UBERTIL|b>"),
        ("UANNA", "förbund bort <@UFORA|f>"),
    ):
        with pytest.raises(NotAllowed) as raised:
            say(workspace, user, text)
        assert raised.value.text.key == "forbund.not_trusted"
    assert not holds(workspace, "UANNA") and not holds(workspace, "UBERTIL") and holds(workspace, "UFORA")


def test_the_role_of_one_workspace_is_nothing_in_another(workspace: Services) -> None:
    grant_forbund(workspace, "UFORA", team="T0OTHER")
    assert not holds(workspace, "UFORA")
    with pytest.raises(NotAllowed):
        say(workspace, "UFORA", "förbund <@UFRIDA|f>")


def test_the_role_is_taken_away_and_giving_it_twice_says_so(workspace: Services) -> None:
    say(workspace, "UADMIN", "förbund <@UFORA|f>")
    assert "redan förbundsrollen" in say(workspace, "UADMIN", "förbund <@UFORA|f>")
    assert "inte längre förbundsrollen" in say(workspace, "UADMIN", "förbund bort <@UFORA|f>")
    assert not holds(workspace, "UFORA")
    with pytest.raises(DomainError) as raised:
        say(workspace, "UADMIN", "förbund bort <@UFORA|f>")
    assert raised.value.text.key == "forbund.not_held"
    with pytest.raises(DomainError) as raised:
        say(workspace, "UADMIN", "förbund fora")
    assert raised.value.text.key == "mention.expected"
    assert "Ingen har förbundsrollen" in say(workspace, "UBERTIL", "förbund")


def test_the_forbund_role_is_no_group_role_any_more(workspace: Services) -> None:
    say(workspace, "UANNA", "koppla Heby")
    with pytest.raises(NotAllowed) as raised:
        say(workspace, "UANNA", "medlem <@UANNA|anna> kommun förbund")
    assert raised.value.text.key == "member.forbund_is_workspace_wide"
    with pytest.raises(DomainError) as raised:
        say(workspace, "UANNA", "medlem <@UB|b> AF chef")
    assert raised.value.text.key == "role.unknown" and "förbund" not in load_messages("sv")["role.unknown"]
    assert not holds(workspace, "UANNA")


def test_the_förbund_manages_every_group_of_its_workspace_without_being_a_member(workspace: Services) -> None:
    say(workspace, "UANNA", "koppla Heby")
    say(workspace, "UANNA", "medlem <@UANNA|anna> kommun samordnare")
    grant_forbund(workspace, "UFORA")
    assert "<@UBERTIL> är medlem i *Heby*" in say(workspace, "UFORA", "medlem <@UBERTIL|b> AF samordnare")
    assert "flyttad hit av <@UFORA>" in say(workspace, "UFORA", "koppla heby", channel="CNYA")


def test_the_last_manager_stays_until_someone_else_has_the_role(services: Services) -> None:
    say(services, "UANNA", "koppla Heby")
    say(services, "UANNA", "medlem <@UANNA|anna> kommun samordnare")
    say(services, "UANNA", "medlem <@UBERTIL|b> AF")
    for text in ("medlem <@UANNA|anna> kommun ledamot", "medlem bort <@UANNA|anna>"):
        with pytest.raises(DomainError) as raised:
            say(services, "UANNA", text)
        assert raised.value.text.key == "member.last_manager"
    say(services, "UANNA", "medlem <@UBERTIL|b> AF sammankallande")
    assert "(ledamot)" in say(services, "UANNA", "medlem <@UANNA|anna> kommun ledamot")
    assert "inte längre medlem" in say(services, "UBERTIL", "medlem bort <@UANNA|anna>")


def test_whoever_links_a_group_manages_it_until_it_has_a_manager_and_moving_it_takes_one(services: Services) -> None:
    assert "är det <@UANNA> som lägger till medlemmar" in say(services, "UANNA", "koppla Heby")
    for user in ("UBERTIL", "UANNA"):
        say(services, "UANNA", f"medlem <@{user}|x> AF")
    with pytest.raises(NotAllowed):
        say(services, "UBERTIL", "koppla Heby", channel="CBERTIL")
    assert "flyttad hit av <@UANNA>" in say(services, "UANNA", "koppla Heby", channel="CNYA")
    with services.db.unit_of_work() as session:
        entries = audit.entries_for(session, entity="group", entity_id=1)
        assert [(e.action, e.detail["channel"]) for e in entries] == [("group.link", HEBY), ("group.link", "CNYA")]
