"""Every party's approval: asked when all required sections are answered, recorded, withdrawn on a change."""

from bot.services import Services
from handlers.plans.names import PlanAction, pack
from storage import plans as repo
from tests.handlers.test_plan_helpers import (
    ANNA,
    BERTIL,
    CECILIA,
    DAVID,
    MEDEL,
    answer,
    answer_flow,
    approve,
    command,
    dm,
    dms_to,
    heby,
    in_channel,
    press,
    the_plan,
    type_in,
    write_verksamhetsplan,
)
from tests.support.talk import text_of


def _written_plan(services: Services) -> int:
    heby(services)
    command(services, ANNA, "plan ny verksamhetsplan 2028")
    plan_id = the_plan(services).id
    write_verksamhetsplan(services, plan_id)
    return plan_id


def test_the_last_required_section_asks_one_representative_of_each_party(services: Services) -> None:
    heby(services)
    command(services, ANNA, "plan ny verksamhetsplan 2028")
    plan = the_plan(services)
    assert "kan inte godkännas än" in text_of(press(services, BERTIL, PlanAction.APPROVE, pack(plan.id)))
    for key in ("mal", "malgrupper", "kon", "struktur", "kompetens"):
        answer(services, ANNA, plan.id, key, {key: f"Svar på {key}."})
    press(services, ANNA, PlanAction.WRITE, pack(plan.id, "medel"))
    answer_flow(services, ANNA, MEDEL, confirm=None)
    sends = dm(services, ANNA, "ja")
    assert sorted(dms_to(sends)) == sorted([ANNA, BERTIL, CECILIA, DAVID])
    channel = in_channel(sends)
    assert "Jag har bett om godkännande från: <@UBERTIL> – Arbetsförmedlingen" in channel
    request = text_of([s for s in sends if s.user_id == BERTIL])
    assert "Du är ombedd att godkänna planen för Arbetsförmedlingen" in request
    assert the_plan(services).approvals_requested_at is not None


def test_the_plan_is_complete_only_when_all_four_parties_have_approved(services: Services) -> None:
    plan_id = _written_plan(services)
    text = approve(services, BERTIL, plan_id, "Bertil Berg", "Arbetsförmedlingen Norra Uppland")
    assert "Godkänna Verksamhetsplan 2028 för Heby?" in text
    assert "Arbetsförmedlingen har godkänt planen (Bertil Berg, <@UBERTIL>). 1 av 4 parter har godkänt." in text
    approve(services, CECILIA, plan_id, "Cecilia Ek")
    approve(services, DAVID, plan_id, "David Lind", "LUL")
    assert the_plan(services).status == repo.OPEN
    status = in_channel(command(services, ANNA, "plan"))
    assert "Väntar på godkännande från: Kommun." in status
    assert "Arbetsförmedlingen: godkänd av Bertil Berg (<@UBERTIL>) 23 november 2026" in status
    last = approve(services, ANNA, plan_id, "Anna Ahl", "Heby kommun")
    assert "🎉 *Verksamhetsplan 2028 – Heby* är godkänd av alla parter och klar." in last
    plan = the_plan(services)
    assert plan.status == repo.COMPLETE
    assert [(a.party, a.name, a.organisation) for a in plan.approvals] == [
        ("af", "Bertil Berg", "Arbetsförmedlingen Norra Uppland"),
        ("fk", "Cecilia Ek", ""),
        ("region", "David Lind", "LUL"),
        ("kommun", "Anna Ahl", "Heby kommun"),
    ]


def test_a_party_approves_once_and_only_members_of_a_party_approve(services: Services) -> None:
    plan_id = _written_plan(services)
    approve(services, BERTIL, plan_id, "Bertil Berg")
    again = text_of(press(services, BERTIL, PlanAction.APPROVE, pack(plan_id)))
    assert "Arbetsförmedlingen har redan godkänt planen (Bertil Berg, 23 november 2026)." in again
    command(services, ANNA, "medlem <@UFRIDA|frida> FK förbund")
    command(services, ANNA, "medlem <@UEVA|eva> AF")
    assert "redan godkänt" in text_of(press(services, "UEVA", PlanAction.APPROVE, pack(plan_id)))
    assert "Du är inte medlem" in text_of(press(services, "UOKAND", PlanAction.APPROVE, pack(plan_id)))


def test_the_next_approval_offers_the_name_given_last_time(services: Services) -> None:
    plan_id = _written_plan(services)
    approve(services, BERTIL, plan_id, "Bertil Berg", "Arbetsförmedlingen Norra Uppland")
    type_in(services, ANNA, plan_id, "mal", ["ändra 1", "Nya mål."])
    offered = text_of(press(services, BERTIL, PlanAction.APPROVE, pack(plan_id)))
    assert "Namnförtydligande: Bertil Berg" in offered and "Organisation: Arbetsförmedlingen Norra Uppland" in offered


def test_a_change_after_approval_withdraws_the_approvals_and_says_so(services: Services) -> None:
    plan_id = _written_plan(services)
    approve(services, BERTIL, plan_id, "Bertil Berg")
    approve(services, CECILIA, plan_id, "Cecilia Ek")
    refused = answer(services, DAVID, plan_id, "kompetens", {}, confirm=False)
    assert "Bara sammankallande" in refused
    text = type_in(services, ANNA, plan_id, "kompetens", ["ändra 1", "SIP-utbildning och Granskning uppdrag."])
    assert (
        "<@UANNA> ändrade avsnittet ”Kompetenshöjande insatser” efter att *Verksamhetsplan 2028 – Heby* "
        "godkänts, så godkännandena från Arbetsförmedlingen och Försäkringskassan har dragits tillbaka."
    ) in text
    plan = the_plan(services)
    assert repo.active_approvals(plan) == []
    assert [(a.party, a.withdrawn_because) for a in plan.approvals] == [("af", "change"), ("fk", "change")]
    status = in_channel(command(services, ANNA, "plan"))
    assert "Väntar på godkännande från: Arbetsförmedlingen, Försäkringskassan, Region och Kommun." in status
    assert "Jag har bett om godkännande från" in text
    for user, name in ((BERTIL, "Bertil Berg"), (CECILIA, "Cecilia Ek"), (DAVID, "David Lind")):
        approve(services, user, plan_id, name)
    assert "klar" in approve(services, ANNA, plan_id, "Anna Ahl")
    done = type_in(services, ANNA, plan_id, "mal", ["ändra 1", "Ändrat efter att allt var klart."])
    assert "godkännandena från Arbetsförmedlingen, Försäkringskassan, Region och Kommun har dragits tillbaka" in done
    assert the_plan(services).status == repo.OPEN


def test_a_group_missing_a_party_is_told_who_to_add(services: Services) -> None:
    command(services, ANNA, "koppla Heby")
    command(services, ANNA, "medlem <@UANNA> kommun sammankallande")
    command(services, ANNA, "medlem <@UBERTIL> AF")
    command(services, ANNA, "plan ny verksamhetsplan 2028")
    plan_id = the_plan(services).id
    for key in ("mal", "malgrupper", "kon", "struktur", "kompetens"):
        answer(services, ANNA, plan_id, key, {key: "Svar."})
    text = answer(services, ANNA, plan_id, "medel", MEDEL)
    assert "Ingen medlem företräder Försäkringskassan och Region än" in text
    assert "Jag har bett om godkännande från: <@UBERTIL> – Arbetsförmedlingen, <@UANNA> – Kommun." in text


def test_an_assignment_plan_is_approved_without_its_follow_up_reports(services: Services) -> None:
    heby(services)
    command(services, ANNA, "plan ny uppdrag 2027")
    plan = the_plan(services, "uppdrag", 2027)
    answer(
        services,
        ANNA,
        plan.id,
        "uppdrag",
        {
            "start": "2027-02-01",
            "slut": "2027-12-15",
            "vad": "Unga med aktivitetsersättning",
            "personer": "En från varje part, Anna sammankallande",
            "avrapportering": "Vid varje LOKUS-möte",
            "mal": "Fler unga i praktik",
            "resurser": "hoppa över",
            "slutrapportering": "Skriftlig slutrapport",
        },
    )
    text = answer(
        services,
        ANNA,
        plan.id,
        "handlingsplan",
        {"vem": "Anna bokar träffar, Bertil ordnar praktik.", "matas": "Antal unga i praktik."},
    )
    assert "Jag har bett om godkännande" in text
    for user, name in ((ANNA, "Anna Ahl"), (BERTIL, "Bertil Berg"), (CECILIA, "Cecilia Ek"), (DAVID, "David Lind")):
        approve(services, user, plan.id, name)
    assert the_plan(services, "uppdrag", 2027).status == repo.COMPLETE
    report = answer(
        services,
        ANNA,
        plan.id,
        "avrapportering",
        {"fortgar": "Enligt plan.", "fungerar": "Samarbetet fungerar bra.", "tidsplan": "ja"},
    )
    assert "dragits tillbaka" not in report
    assert the_plan(services, "uppdrag", 2027).status == repo.COMPLETE


def test_an_organisation_typed_anew_at_the_approval_goes_into_the_signature_block(services: Services) -> None:
    """The earlier name and organisation are offered; the one typed at the summary is the one signed with."""
    plan_id = _written_plan(services)
    approve(services, BERTIL, plan_id, "Bertil Berg", "Arbetsförmedlingen Norra Uppland")
    type_in(services, ANNA, plan_id, "mal", ["Nya mål."])
    offered = text_of(press(services, BERTIL, PlanAction.APPROVE, pack(plan_id)))
    assert "Organisation: Arbetsförmedlingen Norra Uppland" in offered
    which = text_of(dm(services, BERTIL, "Arbetsförmedlingen Uppsala"))
    assert "Vilket svar ska det du skrev ersätta?" in which and "2) Organisation" in which
    assert "Organisation är nu Arbetsförmedlingen Uppsala" in text_of(dm(services, BERTIL, "2")).replace("*", "")
    dm(services, BERTIL, "ja")
    [_, again] = the_plan(services).approvals
    assert (again.name, again.organisation) == ("Bertil Berg", "Arbetsförmedlingen Uppsala")


def test_an_approval_changed_by_name_at_the_summary(services: Services) -> None:
    plan_id = _written_plan(services)
    press(services, CECILIA, PlanAction.APPROVE, pack(plan_id))
    answer_flow(services, CECILIA, {"name": "Cecilia Ek", "organisation": "FK Uppsala"}, confirm=None)
    assert "Ändrat:" in text_of(dm(services, CECILIA, "ändra organisation till Försäkringskassan Uppsala"))
    dm(services, CECILIA, "jajamän")
    [approval] = the_plan(services).approvals
    assert approval.organisation == "Försäkringskassan Uppsala"
