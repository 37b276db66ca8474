"""After the decision: the förbund's report of the year against its split, who owes which report, and who writes it."""

from dataclasses import replace
from datetime import UTC, date, datetime

from bot.services import Services
from handlers.home.layout import dashboard
from handlers.insats.names import InsatsAction
from handlers.insats.owed import reports_owed
from handlers.replies import to_requester
from tests.conftest import FakeClock
from tests.handlers.insats_helpers import (
    ANNA,
    APPLICATION,
    BERTIL,
    CECILIA,
    DAVID,
    FORB,
    alvkarleby,
    apply,
    approve_all,
    grant,
    said,
    the_insats,
)
from tests.support import chat
from tests.support.chat import command, press
from tests.support.talk import TEAM, actor, text_of

TIERP = "CTIERP"


def _granted_in_two_groups(services: Services) -> None:
    """Älvkarleby's lokussamordnare (struktur, 150 000 kr) and Tierp's individual support (individ, 300 000 kr)."""
    alvkarleby(services)
    apply(services)
    approve_all(services, the_insats(services).id)
    grant(services, the_insats(services).id)
    command(services, ANNA, "koppla Tierp", TIERP)
    for user, party in ((ANNA, "kommun sammankallande"), (BERTIL, "AF"), (CECILIA, "FK"), (DAVID, "region")):
        command(services, ANNA, f"medlem <@{user}> {party}", TIERP)
    command(services, ANNA, "insats ny", TIERP)
    tierp = {
        **APPLICATION,
        "namn": "Stöd till arbete Tierp",
        "slag": "individinriktad",
        "malgrupper": "1",
        "tjanst": "50",
        "tjanst_titel": "arbetscoach",
        "kostnad.1.text": "hoppa över",
    }
    chat.answer_flow(services, ANNA, tierp)
    for user in (BERTIL, CECILIA, DAVID, ANNA):
        press(services, user, InsatsAction.APPROVE, "2")
        chat.answer_flow(services, user, {"name": "Namn", "organisation": "hoppa över"})
    grant(services, 2)


def test_the_forbunds_report_shows_the_split_against_its_target(services: Services) -> None:
    _granted_in_two_groups(services)
    report = said(command(services, FORB, "insatser alla 2027"))
    assert "2 insatser i 2 grupper, varav 2 beviljade." in report
    assert "Älvkarleby: #1 Lokussamordnare Älvkarleby – Strukturövergripande, beviljad, 150 000 kr" in report
    assert "Tierp: #2 Stöd till arbete Tierp – Individinriktad, beviljad, 300 000 kr" in report
    assert "*Beviljade medel per typ* (totalt 450 000 kr), andel mot förbundets fördelning:" in report
    assert "Individinriktad: 300 000 kr – 67 % (riktmärke 60 %)" in report
    assert "Strukturövergripande: 150 000 kr – 33 % (riktmärke 30 %)" in report
    assert "Kompetenshöjande: 0 kr – 0 % (riktmärke 10 %)" in report
    assert "2 av 2 beviljade insatser riktar sig mot förbundets prioriterade målgrupper." in report
    assert "(6 mål utan rapport än)" in report
    assert (
        "för få avslutade ärenden för att visa en andel (färre än 3). Riksgenomsnitt: 34 % (2015), källa: "
        "Samordningsförbundets inriktning 2018."
    ) in report


def test_the_split_and_the_benchmark_are_settings(services: Services) -> None:
    services.config = replace(
        services.config, funding_split=(50, 40, 10), national_work_share=41, national_work_share_year=2024
    )
    _granted_in_two_groups(services)
    report = said(command(services, FORB, "insatser alla 2027"))
    assert "Individinriktad: 300 000 kr – 67 % (riktmärke 50 %)" in report
    assert "Riksgenomsnitt: 41 % (2024)" in report


def test_the_report_of_the_year_is_the_forbunds_alone(services: Services) -> None:
    alvkarleby(services)
    refused = said(command(services, ANNA, "insatser alla", kind=True))
    assert refused == "Det är bara den som har förbundets roll som kan göra det."
    assert "Skriv året med fyra siffror" in said(command(services, FORB, "insatser alla förra", kind=True))


def test_who_owes_a_report_and_only_the_owner_writes_it(services: Services, clock: FakeClock) -> None:
    alvkarleby(services)
    apply(services)
    insats_id = the_insats(services).id
    approve_all(services, insats_id)
    grant(services, insats_id)
    with services.db.unit_of_work() as session:
        assert reports_owed(session, TEAM, ANNA, date(2027, 7, 1)) == []
        owed = reports_owed(session, TEAM, ANNA, date(2027, 7, 2))
        assert [(o.kind, o.insats_name, o.group_name, o.due_on) for o in owed] == [
            ("delrapport", "Lokussamordnare Älvkarleby", "Älvkarleby", date(2027, 7, 2))
        ]
        assert reports_owed(session, TEAM, BERTIL, date(2027, 7, 2)) == []
        assert reports_owed(session, "T0OTHER", ANNA, date(2027, 7, 2)) == []
    clock.now = datetime(2027, 7, 2, 8, tzinfo=UTC)
    refused = said(press(services, BERTIL, InsatsAction.REPORT, str(owed[0].report_id), kind=True))
    assert "Rapporten om #1 Lokussamordnare Älvkarleby skrivs av insatsens ägare." in refused
    assert chat.asked(services, BERTIL) is None


def test_a_report_owed_is_on_the_owners_home_tab_with_its_button(services: Services, clock: FakeClock) -> None:
    alvkarleby(services)
    apply(services)
    insats_id = the_insats(services).id
    approve_all(services, insats_id)
    grant(services, insats_id)
    clock.now = datetime(2027, 7, 2, 8, tzinfo=UTC)
    tab = services.handle(actor(ANNA), dashboard)
    shown = text_of([to_requester(tab)])
    assert "*Att rapportera:* delrapporten för #1 Lokussamordnare Älvkarleby, sedan 2 juli 2027" in shown
    assert "Skriv rapporten" in shown
    assert "Att rapportera" not in text_of([to_requester(services.handle(actor(BERTIL), dashboard))])
