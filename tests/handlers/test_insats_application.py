"""Writing an application: who may, what is asked again (a period that ends before it starts, a budget over the
ceiling, identity data, text too long), changing it before the decision, and each party's approval once."""

from dataclasses import replace

import pytest
from sqlalchemy import select

from bot.services import Services
from handlers.insats.names import InsatsAction
from handlers.replies import To
from storage.insats_models import DRAFT, Insats
from tests.handlers.insats_helpers import (
    ALVKARLEBY,
    ANNA,
    APPLICATION,
    BERTIL,
    CECILIA,
    FORB,
    alvkarleby,
    apply,
    approve,
    said,
    the_insats,
)
from tests.handlers.test_identity import PHONES, VALID
from tests.support import chat
from tests.support.chat import command, dm, press


def _until(services: Services, question: str) -> None:
    command(services, ANNA, "insats ny", ALVKARLEBY)
    chat.answer_flow(services, ANNA, APPLICATION, until=question)


def _stored(services: Services) -> list[Insats]:
    with services.db.unit_of_work() as session:
        return list(session.scalars(select(Insats)).all())


def test_only_a_convenor_samordnare_or_the_forbund_starts_an_application(services: Services) -> None:
    alvkarleby(services)
    refused = said(command(services, BERTIL, "insats ny", ALVKARLEBY, kind=True))
    assert "sammankallande" in refused or "samordnare" in refused
    assert chat.asked(services, BERTIL) is None
    command(services, FORB, "insats ny", ALVKARLEBY)
    assert chat.asked(services, FORB) is not None


def test_a_period_that_ends_before_it_starts_is_asked_again(services: Services) -> None:
    alvkarleby(services)
    _until(services, "slut")
    reply = said(dm(services, ANNA, "2026-12-31"))
    assert "Slutdatumet ligger före startdatumet (1 januari 2027). Vilket datum slutar insatsen?" in reply
    where = chat.asked(services, ANNA)
    assert where is not None and where.question == "slut"
    chat.answer_flow(services, ANNA, APPLICATION)
    assert the_insats(services).ends_on.isoformat() == "2027-12-31"


def test_a_budget_over_the_ceiling_is_asked_again_and_nothing_is_lost(services: Services) -> None:
    services.config = replace(services.config, insats_ceiling_kr=140_000)
    alvkarleby(services)
    _until(services, "kostnad.1.belopp")
    reply = said(dm(services, ANNA, "30000"))
    assert "Budgeten blir 150 000 kr, men förbundet beviljar högst 140 000 kr per insats." in reply
    where = chat.asked(services, ANNA)
    assert where is not None and where.question == "kostnad.1.belopp"
    chat.answer_flow(services, ANNA, {**APPLICATION, "kostnad.1.belopp": "20 000"})
    assert the_insats(services).applied_kr == 140_000


def test_without_a_ceiling_any_budget_is_taken(services: Services) -> None:
    alvkarleby(services)
    apply(services, {**APPLICATION, "tjanst": "100", "kostnad.1.belopp": "2 tkr"})
    assert the_insats(services).applied_kr == 602_000


@pytest.mark.parametrize("identity", [VALID[0][0], PHONES[0]])
@pytest.mark.parametrize("question", ["namn", "effekt.1.text", "kostnad.1.text"])
def test_identity_data_in_a_free_text_is_refused_and_never_stored(
    services: Services, identity: str, question: str
) -> None:
    alvkarleby(services)
    _until(services, question)
    reply = said(dm(services, ANNA, f"Insats för {identity}"))
    assert "inte sparat" in reply and identity not in reply
    chat.answer_flow(services, ANNA, APPLICATION)
    assert identity not in str([(i.name, i.answers) for i in _stored(services)])


def test_an_overlong_name_is_asked_again(services: Services) -> None:
    alvkarleby(services)
    _until(services, "namn")
    assert "högst 120 tecken" in said(dm(services, ANNA, "x" * 121))


def test_the_application_asks_each_party_and_names_them_in_the_channel(services: Services) -> None:
    alvkarleby(services)
    sends = apply(services)
    assert sorted(s.user_id for s in sends if s.to == To.USER and "Godkänn för min part" in said([s])) == sorted(
        ["UANNA", "UBERTIL", "UCECILIA", "UDAVID"]
    )
    channel = said([s for s in sends if s.to == To.CHANNEL])
    assert "har skickats för godkännande till: <@UBERTIL> – Arbetsförmedlingen" in channel
    assert "Målgrupper: Unga med funktionsnedsättning och/eller aktivitetsersättning (16–29 år) och Personer med " in (
        said(sends)
    )


def test_a_party_approves_once_and_a_non_member_not_at_all(services: Services) -> None:
    alvkarleby(services)
    apply(services)
    insats_id = the_insats(services).id
    approve(services, BERTIL, insats_id)
    again = said(press(services, BERTIL, InsatsAction.APPROVE, str(insats_id), kind=True))
    assert "Arbetsförmedlingen har redan godkänt ansökan (Bertil Berg, 23 november 2026)." in again
    outsider = said(press(services, "UOUTSIDER", InsatsAction.APPROVE, str(insats_id), kind=True))
    assert "inte" in outsider and "Lokussamordnare" not in outsider
    forbund = said(press(services, FORB, InsatsAction.APPROVE, str(insats_id), kind=True))
    assert "Du företräder ingen part i gruppen som ska godkänna #1 Lokussamordnare Älvkarleby." in forbund
    assert [a.party for a in the_insats(services).approvals] == ["af"]


def test_a_change_before_the_decision_takes_the_approvals_back(services: Services) -> None:
    alvkarleby(services)
    apply(services)
    insats_id = the_insats(services).id
    approve(services, BERTIL, insats_id)
    approve(services, CECILIA, insats_id)
    command(services, ANNA, f"insats ändra {insats_id}", ALVKARLEBY)
    changed = said(dm(services, ANNA, "ändra belopp för kostnad 1 till 40 000"))
    assert "Ändrat: *Belopp för kostnad 1* är nu 40 000 kr (var 30 000 kr)." in changed
    dm(services, ANNA, "ja")
    insats = the_insats(services)
    assert (insats.status, insats.applied_kr, insats.approvals, len(insats.goals)) == (DRAFT, 160_000, [], 3)
