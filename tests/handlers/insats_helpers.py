"""The Älvkarleby group and its application (seed 004) for the insats tests, answered by question key."""

from bot.scheduler import run_due
from bot.services import Services
from handlers.insats.names import InsatsAction
from handlers.replies import Send
from storage import insatser as repo
from storage.groups import find_group_by_channel
from storage.insats_models import Insats
from tests.support import chat
from tests.support.chat import command, dm, press
from tests.support.roles import grant_forbund
from tests.support.talk import TEAM, text_of

ALVKARLEBY = "CALVKARLEBY"
ANNA, BERTIL, CECILIA, DAVID, FORB = "UANNA", "UBERTIL", "UCECILIA", "UDAVID", "UFORB"
PARTY_OF = {ANNA: "kommun", BERTIL: "AF", CECILIA: "FK", DAVID: "region"}
SIGNERS = {
    ANNA: ("Anna Ahl", "Älvkarleby kommun"),
    BERTIL: ("Bertil Berg", "Arbetsförmedlingen"),
    CECILIA: ("Cecilia Ek", "Försäkringskassan"),
    DAVID: ("David Lind", "Region Uppsala"),
}
CONDITION = (
    "finansieringen av insatsen gäller under förutsättning att förbundet beviljas medel från "
    "medlemsorganisationerna framöver"
)
# Seed 004: a 20 % lokussamordnare (120 000 kr at the flat rate) and two competence-raising events: 150 000 kr.
APPLICATION: dict[str, str] = {
    "namn": "Lokussamordnare Älvkarleby",
    "slag": "strukturövergripande",
    "agare": "kommun",
    "malgrupper": "1, 2",
    "start": "2027-01-01",
    "slut": "2027-12-31",
    "tjanst": "20",
    "tjanst_titel": "lokussamordnare",
    "kostnad.1.text": "Två kompetenshöjande insatser",
    "kostnad.1.belopp": "30 000 kr",
    "kostnad.1.mer": "nej",
    "effekt.1.text": "Fyra genomförda lokusgruppsmöten under året",
    "effekt.1.mal": "4",
    "effekt.1.koppling": "2",
    "effekt.1.mer": "nej",
    "insats.1.text": "Sammankalla, göra dagordning och föra protokoll under fyra lokusgruppsmöten under året",
    "insats.1.mal": "4",
    "insats.1.koppling": "2",
    "insats.1.mer": "ja",
    "insats.2.text": "Utifrån lokusgruppens riktlinjer planera och genomföra två kompetenshöjande insatser under året",
    "insats.2.mal": "2",
    "insats.2.koppling": "1",
    "insats.2.matt": "genomförda kompetenshöjande insatser",
    "insats.2.mer": "nej",
}


def alvkarleby(services: Services) -> None:
    """#alvkarleby linked to Älvkarleby: Anna (kommun, sammankallande), Bertil, Cecilia, David; Förb the förbund."""
    command(services, ANNA, "koppla Älvkarleby", ALVKARLEBY)
    for user, party in PARTY_OF.items():
        roles = " sammankallande" if user == ANNA else ""
        command(services, ANNA, f"medlem <@{user}> {party}{roles}", ALVKARLEBY)
    grant_forbund(services, FORB)


def apply(services: Services, answers: dict[str, str] | None = None) -> list[Send]:
    """Anna writes the application in the DM and saves it."""
    sends = command(services, ANNA, "insats ny", ALVKARLEBY)
    return sends + chat.answer_flow(services, ANNA, answers or APPLICATION, kind=True)


def approve(services: Services, user: str, insats_id: int) -> list[Send]:
    """A party's representative presses "Godkänn" and signs with name and organisation."""
    sends = press(services, user, InsatsAction.APPROVE, str(insats_id), kind=True)
    name, organisation = SIGNERS[user]
    if chat.asked(services, user) is not None:
        sends += chat.answer_flow(services, user, {"name": name, "organisation": organisation}, kind=True)
    return sends


def approve_all(services: Services, insats_id: int) -> list[Send]:
    """Every party approves; the last one sends it to the förbund."""
    return [send for user in (BERTIL, CECILIA, DAVID, ANNA) for send in approve(services, user, insats_id)]


def grant(services: Services, insats_id: int, amount: str = "ok", conditions: str = CONDITION) -> list[Send]:
    """The förbund presses "Bevilja" and answers amount and conditions."""
    sends = press(services, FORB, InsatsAction.GRANT, str(insats_id), kind=True)
    if chat.asked(services, FORB) is not None:
        sends += chat.answer_flow(services, FORB, {"belopp": amount, "villkor": conditions}, kind=True)
    return sends


def the_insats(services: Services) -> Insats:
    """Älvkarleby's one insats, read fresh (detached, with goals, approvals and reports loaded)."""
    with services.db.unit_of_work() as session:
        group = find_group_by_channel(session, team_id=TEAM, channel_id=ALVKARLEBY)
        assert group is not None
        found = repo.group_insatser(session, group=group)
        assert len(found) == 1
        insats = found[0]
        list(insats.goals), list(insats.approvals), list(insats.reports)
        session.expunge_all()
        return insats


def tick(services: Services) -> list[Send]:
    """One scheduler tick, every send it delivered."""
    delivered: list[Send] = []
    run_due(services, TEAM, delivered.extend)
    return delivered


def said(sends: list[Send]) -> str:
    """All the sends as text."""
    return text_of(sends)


__all__ = ["dm"]
