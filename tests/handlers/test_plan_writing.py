"""Starting a plan, assigning sections and writing them in the DM: the engine's controls, tables, history."""

import pytest

from bot.services import Services
from handlers.plans.names import PlanAction, pack
from handlers.plans.tables import flat_rate_cost, totals
from handlers.plans.template_loader import find_template
from tests.handlers.test_plan_helpers import (
    ANNA,
    BERTIL,
    CECILIA,
    HEBY,
    MEDEL,
    answer,
    answer_flow,
    command,
    dm,
    dms_to,
    heby,
    in_channel,
    press,
    the_plan,
    type_in,
)
from tests.support.talk import text_of


@pytest.mark.parametrize(
    ("percent", "cost"),
    [(100, 600_000), (75, 450_000), (50, 300_000), (90, 540_000), (37.5, 225_000), (0, 0), (None, 0)],
)
def test_the_flat_rate_is_600_000_kr_per_full_time_year(percent: float | None, cost: int) -> None:
    assert flat_rate_cost(600_000, percent) == cost


def test_table_totals_add_the_total_columns_only() -> None:
    template = find_template("verksamhetsplan")
    assert template is not None
    table = template.sections[5].questions[0]
    rows = [
        {"resurs": "SK", "procent": 75, "kostnad": 450_000},
        {"resurs": "TR", "procent": 37.5, "kostnad": 225_000},
        {"resurs": "Övrigt", "procent": 0, "kostnad": 200_000},
    ]
    assert totals(table, rows) == {"procent": 112.5, "kostnad": 875_000}


def test_starting_a_plan_shows_every_section_the_deadline_and_days_left(services: Services) -> None:
    heby(services)
    sends = command(services, ANNA, "plan ny verksamhetsplan 2028")
    text = in_channel(sends)
    assert "<@UANNA> har startat *Verksamhetsplan 2028 – Heby*" in text
    assert "Sista dag: *1 september 2027* (om 282 dagar)." in text
    for title in (
        "1. Mål",
        "2. Målgrupper",
        "3. Män och kvinnor",
        "4. Strukturområden",
        "5. Kompetenshöjande insatser",
        "6. Medel",
    ):
        assert f"*{title}*" in text
    assert text.count("⬜ saknas · skriver: _ingen än_") == 6
    assert "0 av 6 obligatoriska avsnitt är besvarade." in text
    again = text_of(command(services, ANNA, "plan ny verksamhetsplan 2028"))
    assert "*Heby* har redan en Verksamhetsplan för 2028" in again


def test_only_a_convenor_starts_a_plan_and_a_bad_template_or_year_is_explained(services: Services) -> None:
    heby(services)
    assert "Bara sammankallande" in text_of(command(services, BERTIL, "plan ny verksamhetsplan 2028"))
    assert "Mallar: loksam, uppdrag, verksamhetsplan" in text_of(command(services, ANNA, "plan ny årsplan 2028"))
    assert "1999 är inget år" in text_of(command(services, ANNA, "plan ny loksam 1999"))
    assert "ingen plan än" in text_of(command(services, ANNA, "plan"))


def test_assigning_tells_the_channel_and_dms_the_assignee_with_buttons(services: Services) -> None:
    heby(services)
    command(services, ANNA, "plan ny verksamhetsplan 2028")
    sends = command(services, ANNA, "plan tilldela mål målgrupper <@UBERTIL|bertil>")
    assert dms_to(sends) == [BERTIL]
    assert "<@UANNA> har gett <@UBERTIL> att skriva ”Mål” och ”Målgrupper”" in in_channel(sends)
    dm_text = text_of([s for s in sends if s.user_id == BERTIL])
    assert "Sista dag: 1 september 2027" in dm_text and "Skriv ”Mål”" in dm_text
    plan = the_plan(services)
    assert {s.key: s.assignee for s in plan.sections}["malgrupper"] == BERTIL
    assert "Män och kvinnor" in text_of(command(services, ANNA, "plan tilldela 3 <@UCECILIA|cecilia>"))
    assert "inte medlem i *Heby*" in text_of(command(services, ANNA, "plan tilldela mål <@UEVA|eva>"))
    assert "inget avsnitt som heter ”budget”" in text_of(command(services, ANNA, "plan tilldela budget <@UBERTIL>"))


def test_the_person_picker_in_the_plan_message_assigns_a_section(services: Services) -> None:
    heby(services)
    command(services, ANNA, "plan ny verksamhetsplan 2028")
    plan = the_plan(services)
    refused = text_of(press(services, BERTIL, PlanAction.ASSIGN, pack(plan.id, "kon"), HEBY, [CECILIA]))
    assert "Bara sammankallande" in refused
    sends = press(services, ANNA, PlanAction.ASSIGN, pack(plan.id, "kon"), HEBY, [CECILIA])
    assert dms_to(sends) == [CECILIA]
    assert {s.key: s.assignee for s in the_plan(services).sections}["kon"] == CECILIA


def test_a_section_is_answered_in_the_dm_and_the_channel_sees_who_and_when(services: Services) -> None:
    heby(services)
    command(services, ANNA, "plan ny verksamhetsplan 2028")
    command(services, ANNA, "plan tilldela mål <@UBERTIL>")
    plan = the_plan(services)
    long = "Fungerande samverkan. " * 120
    text = answer(services, BERTIL, plan.id, "mal", {"mal": long})
    assert "Vilka mål har LOKUS-gruppen för arbetet 2028?" in text
    assert "Tack! Avsnittet ”Mål” i *Verksamhetsplan 2028 – Heby* är sparat." in text
    assert the_plan(services).sections[0].answers == {"mal": long.strip()}
    status = in_channel(command(services, ANNA, "plan"))
    assert "✅ besvarat av <@UBERTIL> 23 november 2026 · skriver: <@UBERTIL>" in status
    assert "1 av 6 obligatoriska avsnitt är besvarade." in status


def test_back_skip_change_and_stopping_midway_work_in_the_resource_table(services: Services) -> None:
    heby(services)
    command(services, ANNA, "plan ny verksamhetsplan 2028")
    plan = the_plan(services)
    first = text_of(press(services, ANNA, PlanAction.WRITE, pack(plan.id, "medel")))
    assert "Hur utifrån verksamhetsplanen önskar LOKUS-gruppen använda de medel" in first
    assert "Rad 1: Vilken resurs?" in first
    dm(services, ANNA, "Samverkanskoordinator")
    assert "Talet får inte vara större än 1 000." in text_of(dm(services, ANNA, "1500"))
    period = text_of(dm(services, ANNA, "75"))
    assert "Använd 2028" in period
    back = text_of(dm(services, ANNA, "tillbaka"))
    assert "Ditt tidigare svar var: 75 %" in back and "Rad 1: Hur många procent av heltid?" in back
    dm(services, ANNA, "75")
    dm(services, ANNA, "ok")
    assert "Rad 1: Bedömda effekter?" in text_of(dm(services, ANNA, "Besöka parterna"))
    cost = text_of(dm(services, ANNA, "hoppa över"))
    assert "Använd 450 000 kr" in cost
    assert "*** Här ska anges" not in cost and "**** Insatser inom långsiktig samverkan" in cost
    dm(services, ANNA, "ok")
    summary = text_of(dm(services, ANNA, "nej"))
    assert "Rad 1: Kostnader:****: 450 000 kr" in summary and "Rad 1: Procent av heltid: 75 %" in summary
    changed = text_of(dm(services, ANNA, "ändra 2"))
    assert "Ditt tidigare svar var: 75 %" in changed
    dm(services, ANNA, "50")
    assert "Använd 300 000 kr" in text_of(dm(services, ANNA, "ändra 6"))
    summary = text_of(dm(services, ANNA, "ok"))
    assert "Rad 1: Kostnader:****: 300 000 kr" in summary
    dm(services, ANNA, "ja")
    stored = the_plan(services).sections[5].answers
    assert stored == {
        "resurser": [
            {
                "resurs": "Samverkanskoordinator",
                "procent": 50,
                "tidsperiod": "2028",
                "resultatmal": "Besöka parterna",
                "effekter": None,
                "kostnad": 300_000,
            }
        ]
    }


def test_a_person_can_stop_and_continue_later_where_they_were(services: Services) -> None:
    heby(services)
    command(services, ANNA, "plan ny verksamhetsplan 2028")
    plan = the_plan(services)
    press(services, ANNA, PlanAction.WRITE, pack(plan.id, "medel"))
    answer_flow(services, ANNA, MEDEL, until="resurser.1.resultatmal")
    again = text_of(press(services, ANNA, PlanAction.WRITE, pack(plan.id, "medel")))
    assert "Rad 1: Resultatmål?" in again and "redan påbörjat" in again
    rest = text_of(press(services, ANNA, PlanAction.WRITE, pack(plan.id, "medel")))
    assert "Rad 1: Resultatmål?" in rest
    answer_flow(services, ANNA, MEDEL)
    rows = the_plan(services).sections[5].answers["resurser"]
    assert [(r["resurs"], r["procent"], r["kostnad"]) for r in rows] == [
        ("Samverkanskoordinator", 75, 450_000),
        ("Tilläggsresurs", 50, 300_000),
    ]


def test_identity_data_in_an_answer_is_refused_and_nothing_is_saved(services: Services) -> None:
    heby(services)
    command(services, ANNA, "plan ny loksam 2027")
    plan = the_plan(services, "loksam", 2027)
    press(services, ANNA, PlanAction.WRITE, pack(plan.id, "deltagare"))
    refused = text_of(dm(services, ANNA, "Bertil Berg, sektionschef, 070-123 45 67"))
    assert "telefonnummer" in refused and "inte sparat" in refused
    assert the_plan(services, "loksam", 2027).sections[0].answers is None


def test_every_save_is_kept_with_who_when_and_the_previous_text(services: Services) -> None:
    heby(services)
    command(services, ANNA, "plan ny verksamhetsplan 2028")
    plan = the_plan(services)
    answer(services, BERTIL, plan.id, "mal", {"mal": "Första versionen av målen."})
    text = type_in(services, ANNA, plan.id, "mal", ["ändra 1", "Andra versionen av målen."])
    assert "Ditt tidigare svar var: Första versionen av målen." in text
    shown = text_of(command(services, CECILIA, "plan visa mål"))
    assert "Andra versionen av målen." in shown and "Första" not in shown
    assert "Senast ändrat av <@UANNA> 23 november 2026 (version 2)" in shown
    history = text_of(command(services, CECILIA, "plan historik mål"))
    assert "*Version 2* – <@UANNA>, 23 november 2026" in history
    assert "Tidigare text: Första versionen av målen." in history
    assert "*Version 1* – <@UBERTIL>, 23 november 2026" in history
    revisions = the_plan(services).sections[0].revisions
    assert [(r.number, r.user_id, r.answers["mal"]) for r in revisions] == [
        (1, BERTIL, "Första versionen av målen."),
        (2, ANNA, "Andra versionen av målen."),
    ]


def test_saving_unchanged_answers_adds_no_version(services: Services) -> None:
    heby(services)
    command(services, ANNA, "plan ny verksamhetsplan 2028")
    plan = the_plan(services)
    answer(services, BERTIL, plan.id, "mal", {"mal": "Målen."})
    text = type_in(services, BERTIL, plan.id, "mal", [])
    assert "Inget ändrades" in text
    assert len(the_plan(services).sections[0].revisions) == 1


def test_my_sections_lists_what_is_left_to_write(services: Services) -> None:
    heby(services)
    command(services, ANNA, "plan ny verksamhetsplan 2028")
    command(services, ANNA, "plan tilldela mål målgrupper <@UBERTIL>")
    assert "Du har 2 avsnitt att skriva" in text_of(dm(services, BERTIL, "mina avsnitt"))
    answer(services, BERTIL, the_plan(services).id, "mal", {"mal": "Målen."})
    listed = text_of(dm(services, BERTIL, "mina avsnitt"))
    assert "Du har 1 avsnitt att skriva" in listed and "Målgrupper (Verksamhetsplan 2028)" in listed
    assert "inga obesvarade avsnitt" in text_of(dm(services, CECILIA, "mina avsnitt"))


def test_next_years_plan_starts_from_last_years_answers_to_review(services: Services) -> None:
    heby(services)
    command(services, ANNA, "plan ny verksamhetsplan 2027")
    old = the_plan(services, year=2027)
    answer(services, BERTIL, old.id, "mal", {"mal": "Målen för 2027."})
    started = in_channel(command(services, ANNA, "plan ny verksamhetsplan 2028 --från 2027"))
    assert "utifrån svaren från 2027" in started and "📝 förra årets svar, att granska" in started
    plan = the_plan(services)
    assert plan.sections[0].proposal == {"mal": "Målen för 2027."} and plan.sections[0].answers is None
    review = text_of(press(services, BERTIL, PlanAction.WRITE, pack(plan.id, "mal")))
    assert "svaren från 2027 som förslag" in review and "Målen för 2027." in review
    dm(services, BERTIL, "ja")
    assert the_plan(services).sections[0].answers == {"mal": "Målen för 2027."}
    assert "har ingen Verksamhetsplan för 2020" in text_of(
        command(services, ANNA, "plan ny verksamhetsplan 2026 --från 2020")
    )


def test_an_unfinished_conversation_is_not_thrown_away_by_starting_a_section(services: Services) -> None:
    heby(services)
    command(services, ANNA, "plan ny verksamhetsplan 2028")
    plan = the_plan(services)
    press(services, ANNA, PlanAction.WRITE, pack(plan.id, "medel"))
    answer_flow(services, ANNA, MEDEL, until="resurser.1.tidsperiod")
    busy = text_of(press(services, ANNA, PlanAction.WRITE, pack(plan.id, "mal")))
    assert "Du har inte gjort klart avsnittet ”Medel” (fråga 3 av" in busy
    assert "Rad 1: Tidsperiod (under året)?" in text_of(dm(services, ANNA, "fortsätt"))
    dm(services, ANNA, "avbryt")
    assert "Vilka mål har LOKUS-gruppen" in text_of(press(services, ANNA, PlanAction.WRITE, pack(plan.id, "mal")))


def test_a_section_rewritten_by_dm_is_saved_after_the_confirmation(services: Services) -> None:
    """Typed at the summary of an answered section, the new text replaces the old (it was "Inget ändrades")."""
    heby(services)
    command(services, ANNA, "plan ny verksamhetsplan 2028")
    plan = the_plan(services)
    answer(services, ANNA, plan.id, "mal", {"mal": "Fungerande samverkan."})
    reply = type_in(services, ANNA, plan.id, "mal", ["Bättre samverkan mellan parterna, med fokus på unga."])
    assert "Ändrat:" in reply and "Inget ändrades" not in reply and "är sparat" in reply
    assert the_plan(services).sections[0].answers == {"mal": "Bättre samverkan mellan parterna, med fokus på unga."}
    assert len(the_plan(services).sections[0].revisions) == 2


@pytest.mark.parametrize("typed", ["ja", "Japp", "jajamän", "absolut", "ja tack"])
def test_yes_at_a_sections_confirmation_in_the_words_people_use(services: Services, typed: str) -> None:
    heby(services)
    command(services, ANNA, "plan ny verksamhetsplan 2028")
    plan = the_plan(services)
    press(services, ANNA, PlanAction.WRITE, pack(plan.id, "mal"))
    answer_flow(services, ANNA, {"mal": "Målen."}, confirm=typed)
    assert the_plan(services).sections[0].answers == {"mal": "Målen."}


@pytest.mark.parametrize(("more", "rows"), [("1", 2), ("2", 1), ("j", 2), ("nej tack", 1), ("japp", 2)])
def test_another_table_row_by_number_or_word(services: Services, more: str, rows: int) -> None:
    heby(services)
    command(services, ANNA, "plan ny verksamhetsplan 2028")
    plan = the_plan(services)
    press(services, ANNA, PlanAction.WRITE, pack(plan.id, "medel"))
    answer_flow(services, ANNA, {**MEDEL, "resurser.1.mer": more})
    assert len(the_plan(services).sections[5].answers["resurser"]) == rows
