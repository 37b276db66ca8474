"""Following up lots-ärenden: the list (own first), status, notes, closing with an outcome, reopening, audit."""

from datetime import date

import pytest
from sqlalchemy import select

from bot.services import Services
from handlers.cases.actions import CaseAction
from handlers.errors import DomainError, NotAMember
from handlers.replies import To
from storage.models import AuditEntry
from tests.handlers.test_cases_helpers import (
    CASE_ANSWERS,
    HEBY,
    TIERP,
    button,
    buttons,
    command,
    dm,
    everything_stored,
    make_group,
    press,
    register_by_chat,
    stored_cases,
)
from tests.support.roles import grant_forbund
from tests.support.talk import text_of


@pytest.fixture
def heby(services: Services) -> Services:
    """Heby with Anna and Bertil, Tierp with Cecilia; Bertil's case #1 and Anna's #2 in Heby, #1 in Tierp."""
    make_group(services, "Heby", HEBY, {"UANNA": "kommun samordnare", "UBERTIL": "AF"})
    make_group(services, "Tierp", TIERP, {"UCECILIA": "FK samordnare"})
    register_by_chat(services, user="UBERTIL")
    register_by_chat(services, user="UANNA", answers={**CASE_ANSWERS, "raised_on": "2026-10-01"})
    register_by_chat(services, user="UCECILIA", channel=TIERP)
    return services


def audit_actions(services: Services) -> list[tuple[str, str, dict]]:
    with services.db.unit_of_work() as session:
        return [
            (a.action, a.user_id, a.detail)
            for a in session.scalars(select(AuditEntry).order_by(AuditEntry.id))
            if a.action.startswith("case.")
        ]


def test_the_list_shows_the_groups_open_cases_own_first(heby: Services) -> None:
    listed = command(heby, "UANNA", "ärenden", HEBY)
    text = text_of(listed)
    assert "Öppna lots-ärenden (2)" in text
    assert text.index("#2 Heby") < text.index("#1 Heby"), "Anna's own case comes first though it is older"
    assert "(ditt)" in text.split("#1 Heby")[0] and "Tierp" not in text
    assert "Arbetsförmedlingen, AME" in text and "Kvinna, 25–29" in text and "_Öppen_" in text
    assert [b.action for b in buttons(listed)] == [CaseAction.STATUS, CaseAction.NOTE, CaseAction.CLOSE] * 2


def test_the_forbund_role_lists_every_group_and_others_see_only_their_own(heby: Services) -> None:
    grant_forbund(heby, "UFORB")
    everything = text_of(dm(heby, "UFORB", "ärenden"))
    assert "Öppna lots-ärenden (3)" in everything and "#1 Tierp" in everything and "#2 Heby" in everything
    assert "Tierp" not in text_of(dm(heby, "UBERTIL", "ärenden"))
    with pytest.raises(NotAMember):
        command(heby, "UCECILIA", "ärenden", HEBY)


def test_long_lists_come_in_pages(heby: Services) -> None:
    for _ in range(8):
        register_by_chat(heby, user="UBERTIL")
    first = command(heby, "UANNA", "ärenden", HEBY)
    assert text_of(first).count(" Heby*") == 8 and "Visa fler (2 till)" in text_of(first)
    rest = press(heby, "UANNA", CaseAction.MORE, button(first, CaseAction.MORE).value, HEBY)
    assert text_of(rest).count(" Heby*") == 2 and "Visa fler" not in text_of(rest)
    assert "#1 Heby" in text_of(rest), "the oldest of the others' cases comes last"


def test_status_goes_to_in_progress_and_back_and_is_audited(heby: Services) -> None:
    listed = command(heby, "UANNA", "ärenden", HEBY)
    to_progress = button(listed, CaseAction.STATUS, 1)
    assert "har nu status: Pågår" in text_of(press(heby, "UANNA", CaseAction.STATUS, to_progress.value, HEBY))
    relisted = command(heby, "UANNA", "ärenden", HEBY)
    assert "_Pågår_" in text_of(relisted)
    back = button(relisted, CaseAction.STATUS, 1)
    assert "har nu status: Öppen" in text_of(press(heby, "UANNA", CaseAction.STATUS, back.value, HEBY))
    assert [(a, d["number"], d["from"], d["to"]) for a, _, d in audit_actions(heby) if a == "case.status"] == [
        ("case.status", 1, "open", "in_progress"),
        ("case.status", 1, "in_progress", "open"),
    ]


def test_closing_asks_the_outcome_and_a_closed_case_can_be_reopened(heby: Services) -> None:
    listed = command(heby, "UANNA", "ärenden", HEBY)
    asked = press(heby, "UANNA", CaseAction.CLOSE, button(listed, CaseAction.CLOSE, 1).value, HEBY)
    outcomes = [b for b in buttons(asked) if b.action == CaseAction.OUTCOME]
    assert [b.value.split("|")[1] for b in outcomes] == [
        "arbete",
        "studier",
        "ordinarie",
        "ersattning",
        "annat",
        "okant",
    ]
    studies = next(b for b in outcomes if b.value.endswith("|studier"))
    closed = press(heby, "UANNA", CaseAction.OUTCOME, studies.value, HEBY)
    assert "Ärende #1 i Heby är stängt. Utfall: Studier." in text_of(closed)
    case = next(c for c in stored_cases(heby) if c.number == 1 and c.created_by == "UBERTIL")
    assert (case.status, case.outcome, case.closed_on) == ("closed", "studier", date(2026, 11, 23))
    assert "Öppna lots-ärenden (1)" in text_of(command(heby, "UANNA", "ärenden", HEBY))
    assert "Stängd (Studier)" in text_of(command(heby, "UANNA", "ärenden stängda", HEBY))
    with pytest.raises(DomainError) as twice:
        press(heby, "UANNA", CaseAction.OUTCOME, studies.value, HEBY)
    assert twice.value.text.key == "case.already_closed"
    assert "öppet igen" in text_of(press(heby, "UANNA", CaseAction.REOPEN, button(closed, CaseAction.REOPEN).value))
    case = next(c for c in stored_cases(heby) if c.id == case.id)
    assert (case.status, case.outcome, case.closed_on) == ("open", None, None)
    with pytest.raises(DomainError) as again:
        press(heby, "UANNA", CaseAction.REOPEN, str(case.id))
    assert again.value.text.key == "case.not_closed"
    changes = [
        (a, d.get("outcome"), d.get("outcome_was"))
        for a, _, d in audit_actions(heby)
        if a in ("case.close", "case.reopen")
    ]
    assert changes == [("case.close", "studier", None), ("case.reopen", None, "studier")]


def test_a_note_is_asked_in_the_dm_checked_and_saved(heby: Services) -> None:
    listed = command(heby, "UANNA", "ärenden", HEBY)
    asked = press(heby, "UANNA", CaseAction.NOTE, button(listed, CaseAction.NOTE, 2).value, HEBY)
    assert asked[0].to == To.REQUESTER and {s.to for s in asked[1:]} == {To.USER}
    assert "Anteckning till ärende #2 i Heby" in text_of(asked)
    refused = text_of(dm(heby, "UANNA", "Mejla kalle.karlsson@heby.se om saken"))
    assert "e-postadress" in refused and "inte sparat" in refused
    assert "stämmer det här?" in text_of(dm(heby, "UANNA", "Möte bokat med FK och AF"))
    assert "sparad på ärende #2 i Heby" in text_of(dm(heby, "UANNA", "ja"))
    case = next(c for c in stored_cases(heby) if c.number == 2)
    assert [(n.user_id, n.text) for n in case.notes] == [("UANNA", "Möte bokat med FK och AF")]
    assert "kalle" not in everything_stored(heby)
    assert [(a, u) for a, u, _ in audit_actions(heby) if a == "case.note"] == [("case.note", "UANNA")]


def test_buttons_on_other_groups_cases_are_refused_and_change_nothing(heby: Services) -> None:
    tierp_case = next(c for c in stored_cases(heby) if c.created_by == "UCECILIA")
    for action, value in (
        (CaseAction.STATUS, f"{tierp_case.id}|in_progress"),
        (CaseAction.CLOSE, str(tierp_case.id)),
        (CaseAction.OUTCOME, f"{tierp_case.id}|arbete"),
        (CaseAction.NOTE, str(tierp_case.id)),
    ):
        with pytest.raises(NotAMember):
            press(heby, "UANNA", action, value)
    with pytest.raises(DomainError) as missing:
        press(heby, "UANNA", CaseAction.STATUS, "999|in_progress")
    assert missing.value.text.key == "case.not_found"
    with pytest.raises(DomainError):
        press(heby, "UANNA", CaseAction.STATUS, "nonsense")
    assert next(c for c in stored_cases(heby) if c.id == tierp_case.id).status == "open"


def test_the_audit_log_holds_no_free_text(heby: Services) -> None:
    listed = command(heby, "UANNA", "ärenden", HEBY)
    press(heby, "UANNA", CaseAction.NOTE, button(listed, CaseAction.NOTE, 1).value, HEBY)
    dm(heby, "UANNA", "Hemligt innehåll i anteckningen")
    dm(heby, "UANNA", "ja")
    details = repr([detail for _, _, detail in audit_actions(heby)])
    assert "Hemligt" not in details and "AME" not in details and "Väntat" not in details


def test_unknown_list_words_get_a_usage_hint(heby: Services) -> None:
    with pytest.raises(DomainError) as wrong:
        command(heby, "UANNA", "ärenden alla", HEBY)
    assert wrong.value.text.key == "case.list_usage"
    empty = text_of(command(heby, "UCECILIA", "ärenden stängda", TIERP))
    assert "Inga stängda lots-ärenden i Tierp" in empty
