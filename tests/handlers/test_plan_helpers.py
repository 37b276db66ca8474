"""Helpers for the plan tests: a Heby group with one member per party, and people talking to the bot."""

from collections.abc import Mapping, Sequence

from bot.services import Services
from handlers.plans.names import PlanAction, pack
from handlers.replies import Send, To
from storage import plans as repo
from storage.groups import find_group_by_channel
from storage.plan_models import Plan
from tests.support import chat
from tests.support.talk import text_of

HEBY = "CHEBY"
ANNA, BERTIL, CECILIA, DAVID = "UANNA", "UBERTIL", "UCECILIA", "UDAVID"
PARTY_OF = {ANNA: "kommun", BERTIL: "AF", CECILIA: "FK", DAVID: "region"}
# The resource table of the verksamhetsplan, two rows, by question key (a cell is "<table>.<row>.<column>").
MEDEL: dict[str, str] = {
    "resurser.1.resurs": "Samverkanskoordinator",
    "resurser.1.procent": "75",
    "resurser.1.tidsperiod": "ok",
    "resurser.1.resultatmal": "Besöka och informera om SK:s funktion hos parterna.",
    "resurser.1.effekter": "hoppa över",
    "resurser.1.kostnad": "ok",
    "resurser.1.mer": "ja",
    "resurser.2.resurs": "Tilläggsresurs",
    "resurser.2.procent": "50",
    "resurser.2.tidsperiod": "2027-01-01 – 2027-12-31",
    "resurser.2.resultatmal": "25 personer per år",
    "resurser.2.effekter": "10 personer till rätt insats",
    "resurser.2.kostnad": "ok",
    "resurser.2.mer": "nej",
}
MEDEL_ROWS = list(MEDEL.values())  # the same typed in order, for console scripts


def command(services: Services, user: str, text: str, channel: str = HEBY) -> list[Send]:
    """`/lokus <text>` typed by the user in the channel; a domain error becomes its kind message."""
    return chat.command(services, user, text, channel, kind=True)


def dm(services: Services, user: str, text: str) -> list[Send]:
    """The user writes to the bot in their DM; a domain error becomes its kind message."""
    return chat.dm(services, user, text, kind=True)


def press(
    services: Services, user: str, action: str, value: str, channel: str = "", selected: list[str] | None = None
) -> list[Send]:
    """The user presses a button (in the DM unless a channel is given); a domain error becomes its message."""
    return chat.press(services, user, action, value, channel, selected, kind=True)


def answer_flow(
    services: Services, user: str, answers: Mapping[str, str], *, until: str | None = None, confirm: str | None = "ja"
) -> list[Send]:
    """Answer the user's open DM conversation by question key (tests/support/chat.py), errors shown kindly."""
    return chat.answer_flow(services, user, answers, until=until, confirm=confirm, kind=True)


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
    services: Services, user: str, plan_id: int, section: str, answers: Mapping[str, str], confirm: bool = True
) -> str:
    """Press "Skriv" for the section in the DM, answer its questions by key, and save; all the replies as text."""
    replies = press(services, user, PlanAction.WRITE, pack(plan_id, section))
    if chat.asked(services, user) is not None:
        replies += chat.answer_flow(services, user, answers, confirm="ja" if confirm else None, kind=True)
    return text_of(replies)


def type_in(services: Services, user: str, plan_id: int, section: str, texts: Sequence[str]) -> str:
    """Press "Skriv" for the section, type each text as it comes (a new answer at the summary, "ändra 1"), save."""
    replies = press(services, user, PlanAction.WRITE, pack(plan_id, section))
    for text in [*texts, "ja"]:
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
    if chat.asked(services, user) is not None:
        answers = {"name": name, "organisation": organisation}
        replies += chat.answer_flow(services, user, answers, kind=True)
    return text_of(replies)


def write_verksamhetsplan(services: Services, plan_id: int) -> None:
    """Bertil writes sections 1–2, Anna 3–6 (the resource table with two rows)."""
    answer(services, BERTIL, plan_id, "mal", {"mal": "Fungerande samverkan mellan de fyra myndigheterna."})
    answer(services, BERTIL, plan_id, "malgrupper", {"malgrupper": "Unga 16–29 år med aktivitetsersättning."})
    answer(services, ANNA, plan_id, "kon", {"kon": "Nej. Lots-ärendena redovisas könsuppdelat."})
    answer(
        services, ANNA, plan_id, "struktur", {"struktur": "Tydligare arbetsgång mellan AME och socialförvaltningen."}
    )
    answer(services, ANNA, plan_id, "kompetens", {"kompetens": "SIP-utbildning för handläggare hos alla parter."})
    answer(services, ANNA, plan_id, "medel", MEDEL)


def test_the_group_has_one_member_per_party(services: Services) -> None:
    heby(services)
    text = text_of(command(services, ANNA, "grupp"))
    assert "Alla fyra parter är företrädda." in text
