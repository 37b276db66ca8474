"""Linking channels to groups, recording members, showing the group, and who may do it."""

import pytest

from bot.services import Services
from handlers.errors import DomainError, NotAllowed
from handlers.parties import Party, party_named
from handlers.replies import To
from storage import audit
from storage import groups as repo
from tests.support.talk import actor, run, text_of

HEBY = "CHEBY"


def command(services: Services, text: str, user: str = "UANNA", channel: str = HEBY) -> str:
    sends = run(services, actor(user, channel), lambda ctx: services.router.command(ctx, text))
    return text_of(sends)


def test_link_creates_the_group_and_announces_it_in_the_channel(services: Services) -> None:
    sends = run(services, actor("UANNA", HEBY), lambda ctx: services.router.command(ctx, "koppla  Heby "))
    assert [s.to for s in sends] == [To.CHANNEL]
    assert "kopplad till LOKUS-gruppen *Heby* (av <@UANNA>)" in text_of(sends)
    with services.db.unit_of_work() as session:
        group = repo.find_group_by_channel(session, team_id="T0LOKUS", channel_id=HEBY)
        assert group is not None and group.name == "Heby"
        assert [e.action for e in audit.entries_for(session, entity="group", entity_id=group.id)] == ["group.link"]


def test_link_refuses_a_second_group_in_the_same_channel(services: Services) -> None:
    command(services, "koppla Heby")
    with pytest.raises(DomainError) as raised:
        command(services, "koppla Tierp")
    assert raised.value.text.key == "group.channel_taken"


def test_link_needs_a_name_and_a_channel(services: Services) -> None:
    with pytest.raises(DomainError) as raised:
        command(services, "koppla")
    assert raised.value.text.key == "group.link_usage"
    with pytest.raises(DomainError) as raised:
        command(services, "koppla Heby", channel="")
    assert raised.value.text.key == "group.need_channel"


@pytest.mark.parametrize(
    ("name", "party"),
    [
        ("AF", Party.AF),
        ("kommunen.", Party.KOMMUN),
        ("Region Uppsala", Party.REGION),
        ("Heby kommun", Party.KOMMUN),
        ("Arbetsförmedlingen Uppsala", Party.AF),
        ("Försäkringskassan  lokalkontor", Party.FK),
        ("Skatteverket", None),
        ("Uppsala", None),
        ("Region Uppsala kommun", None),
        ("", None),
    ],
)
def test_an_organisations_own_name_means_its_party(name: str, party: Party | None) -> None:
    assert party_named(name) == party


@pytest.mark.parametrize(
    ("party", "stored"),
    [
        ("AF", "af"),
        ("Arbetsförmedlingen", "af"),
        ("fk", "fk"),
        ("Försäkringskassan", "fk"),
        ("Region", "region"),
        ("landstinget", "region"),
        ("kommun", "kommun"),
        ("Kommunen", "kommun"),
    ],
)
def test_member_accepts_the_usual_party_names(services: Services, party: str, stored: str) -> None:
    command(services, "koppla Heby")
    reply = command(services, f"medlem <@UBERTIL|bertil> {party} samordnare, ledamot")
    assert "<@UBERTIL> är medlem i *Heby*" in reply
    with services.db.unit_of_work() as session:
        group = repo.find_group_by_channel(session, team_id="T0LOKUS", channel_id=HEBY)
        assert group is not None
        member = repo.find_member(session, group=group, user_id="UBERTIL")
        assert member is not None and member.party == stored and member.role_list == ["samordnare", "ledamot"]


def test_a_member_given_a_new_party_without_roles_keeps_their_roles(services: Services) -> None:
    """Correcting someone's party is no demotion; taking a role away is said in words."""
    command(services, "koppla Heby")
    command(services, "medlem <@UANNA> kommun sammankallande")
    command(services, "medlem <@UBERTIL> AF samordnare")
    moved = command(services, "medlem <@UBERTIL> FK")
    assert "Försäkringskassan (samordnare)" in moved
    assert "Arbetsförmedlingen" not in moved
    assert "(ledamot)" in command(services, "medlem <@UBERTIL> FK ledamot")
    assert "(ledamot)" in command(services, "medlem <@UCECILIA> region")  # someone new is a ledamot


def test_member_refuses_unknown_party_role_and_plain_names(services: Services) -> None:
    command(services, "koppla Heby")
    for text, key in [
        ("medlem <@UB> Skatteverket", "party.unknown"),
        ("medlem <@UB> AF chef", "role.unknown"),
        ("medlem bertil AF", "mention.expected"),
        ("medlem <@UB>", "member.usage"),
    ]:
        with pytest.raises(DomainError) as raised:
            command(services, text)
        assert raised.value.text.key == key


def test_group_overview_lists_members_by_party_and_names_missing_parties(services: Services) -> None:
    command(services, "koppla Heby")
    command(services, "medlem <@UANNA> kommun sammankallande")
    command(services, "medlem <@UBERTIL> AF")
    overview = command(services, "grupp")
    assert "== LOKUS Heby ==" in overview
    assert "Arbetsförmedlingen: <@UBERTIL> – ledamot" in overview
    assert "Kommun: <@UANNA> – sammankallande" in overview
    assert "Saknas: Försäkringskassan och Region." in overview
    command(services, "medlem <@UCARL> FK")
    command(services, "medlem <@UDORA> Region")
    assert "Alla fyra parter är företrädda." in command(services, "grupp")


def test_only_managers_change_members_once_the_group_has_one(services: Services) -> None:
    command(services, "koppla Heby")
    command(services, "medlem <@UANNA> kommun sammankallande")
    command(services, "medlem <@UBERTIL> AF")
    with pytest.raises(NotAllowed):
        command(services, "medlem <@UCARL> FK", user="UBERTIL")
    with pytest.raises(NotAllowed):
        command(services, "medlem <@UCARL> FK", user="USTRANGER")
    assert "inte längre medlem" in command(services, "medlem bort <@UBERTIL>")


def test_until_the_group_has_a_manager_only_whoever_linked_it_changes_it(services: Services) -> None:
    command(services, "koppla Heby")
    command(services, "medlem <@UANNA> kommun")
    for user in ("USTRANGER", "UANNA2"):
        with pytest.raises(NotAllowed):
            command(services, "medlem <@UCARL> FK", user=user)
    assert "<@UCARL> är medlem" in command(services, "medlem <@UCARL> FK", user="UANNA")
    with pytest.raises(NotAllowed):
        command(services, "medlem <@UDORA> Region", user="UCARL")
    command(services, "medlem <@UBERTIL> AF samordnare")
    with pytest.raises(NotAllowed):
        command(services, "medlem <@UDORA> Region", user="UANNA")
    assert "<@UDORA> är medlem" in command(services, "medlem <@UDORA> Region", user="UBERTIL")


def test_group_commands_in_an_unlinked_channel_say_how_to_link(services: Services) -> None:
    with pytest.raises(DomainError) as raised:
        command(services, "grupp", channel="CNOWHERE")
    assert raised.value.text.key == "group.not_linked"


def test_unknown_subcommand_suggests_the_closest(services: Services) -> None:
    assert "Menade du något av det här?\n  /lokus grupp: Visa gruppens medlemmar" in command(services, "grup")
    assert "Jag känner inte igen ”xyzzy”" in command(services, "xyzzy")


def test_help_lists_every_subcommand(services: Services) -> None:
    reply = command(services, "hjälp")
    for name in ("/lokus koppla", "/lokus medlem", "/lokus grupp", "/lokus hjälp"):
        assert name in reply
    assert command(services, "") == reply


def test_dm_from_someone_in_no_group_says_how_to_get_added(services: Services) -> None:
    sends = run(services, actor("UNEW"), lambda ctx: services.router.message(ctx, "hej"))
    assert "inte medlem i någon LOKUS-grupp" in text_of(sends)
    sends = run(services, actor("UNEW"), lambda ctx: services.router.message(ctx, "hjälp"))
    assert "Det här kan du skriva till mig" in text_of(sends) and "”nytt ärende”" in text_of(sends)
