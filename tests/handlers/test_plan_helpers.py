"""Helpers for the plan tests: a Heby group with one member per party, and people talking to the bot."""

from collections.abc import Callable, Sequence

from bot.services import Services
from handlers.context import Actor, Ctx
from handlers.errors import DomainError
from handlers.plans.names import PlanAction, pack
from handlers.replies import Send, To, say, to_requester
from storage import plans as repo
from storage.groups import find_group_by_channel
from storage.plan_models import Plan
from tests.support.talk import actor, run, text_of

HEBY = "CHEBY"
ANNA, BERTIL, CECILIA, DAVID = "UANNA", "UBERTIL", "UCECILIA", "UDAVID"
PARTY_OF = {ANNA: "kommun", BERTIL: "AF", CECILIA: "FK", DAVID: "region"}
MEDEL_ROWS = [
    "Samverkanskoordinator",
    "75",
    "ok",
    "Besöka och informera om SK:s funktion hos parterna.",
    "hoppa över",
    "ok",
    "ja",
    "Tilläggsresurs",
    "50",
    "2027-01-01 – 2027-12-31",
    "25 personer per år",
    "10 personer till rätt insats",
    "ok",
    "nej",
]


def kindly(services: Services, who: Actor, handler: Callable[[Ctx], list[Send]]) -> list[Send]:
    """Run a handler; a domain error becomes the kind message the front doors show instead."""
    try:
        return run(services, who, handler)
    except DomainError as error:
        return [to_requester(say(error.text))]


def command(services: Services, user: str, text: str, channel: str = HEBY) -> list[Send]:
    """`/lokus <text>` typed by the user in the channel."""
    return kindly(services, actor(user, channel), lambda ctx: services.router.command(ctx, text))


def dm(services: Services, user: str, text: str) -> list[Send]:
    """The user writes to the bot in their DM."""
    return kindly(services, actor(user), lambda ctx: services.router.message(ctx, text))


def press(
    services: Services, user: str, action: str, value: str, channel: str = "", selected: list[str] | None = None
) -> list[Send]:
    """The user presses a button (in the DM unless a channel is given)."""
    return kindly(services, actor(user, channel), lambda ctx: services.router.action(ctx, action, value, selected))


def heby(services: Services) -> None:
    """Link #heby to Heby and add Anna (kommun, sammankallande), Bertil (AF), Cecilia (FK), David (Region)."""
    command(services, ANNA, "koppla Heby")
    for user, party in PARTY_OF.items():
        roles = " sammankallande" if user == ANNA else ""
        command(services, ANNA, f"medlem <@{user}|{user.lower()}> {party}{roles}")


def the_plan(services: Services, template: str = "verksamhetsplan", year: int = 2028) -> Plan:
    """The Heby plan of the template and year, read fresh (detached, with its sections and approvals loaded)."""
    with services.db.unit_of_work() as session:
        group = find_group_by_channel(session, team_id="T0LOKUS", channel_id=HEBY)
        assert group is not None
        plan = repo.find_plan(session, group=group, template=template, year=year)
        assert plan is not None
        for section in plan.sections:
            list(section.revisions)
        list(plan.approvals)
        session.expunge_all()
        return plan


def answer(
    services: Services, user: str, plan_id: int, section: str, answers: Sequence[str], confirm: bool = True
) -> str:
    """Press "Skriv" for the section in the DM, type each answer, and save; all the replies as text."""
    replies = press(services, user, PlanAction.WRITE, pack(plan_id, section))
    for text in [*answers, *(["ja"] if confirm else [])]:
        replies += dm(services, user, text)
    return text_of(replies)


def dms_to(sends: list[Send]) -> list[str]:
    """Who got a DM among the sends, in order."""
    return [s.user_id for s in sends if s.to == To.USER]


def in_channel(sends: list[Send]) -> str:
    """The text of the sends posted in a channel."""
    return text_of([s for s in sends if s.to == To.CHANNEL])


def approve(services: Services, user: str, plan_id: int, name: str, organisation: str = "hoppa över") -> str:
    """Press "Godkänn" in the DM, give the printed name and organisation, and confirm."""
    replies = press(services, user, PlanAction.APPROVE, pack(plan_id))
    for text in (name, organisation, "ja"):
        replies += dm(services, user, text)
    return text_of(replies)


def write_verksamhetsplan(services: Services, plan_id: int) -> None:
    """Bertil writes sections 1–2, Anna 3–6 (the resource table with two rows)."""
    answer(services, BERTIL, plan_id, "mal", ["Fungerande samverkan mellan de fyra myndigheterna."])
    answer(services, BERTIL, plan_id, "malgrupper", ["Unga 16–29 år med aktivitetsersättning."])
    answer(services, ANNA, plan_id, "kon", ["Nej. Lots-ärendena redovisas könsuppdelat."])
    answer(services, ANNA, plan_id, "struktur", ["Tydligare arbetsgång mellan AME och socialförvaltningen."])
    answer(services, ANNA, plan_id, "kompetens", ["SIP-utbildning för handläggare hos alla parter."])
    answer(services, ANNA, plan_id, "medel", MEDEL_ROWS)


def test_the_group_has_one_member_per_party(services: Services) -> None:
    heby(services)
    text = text_of(command(services, ANNA, "grupp"))
    assert "Alla fyra parter är företrädda." in text
