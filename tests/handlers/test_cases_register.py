"""Registering lots-ärenden by chat: every answer kind, the group question, access, and identity kept out."""

from datetime import date

import pytest
from sqlalchemy import select

from bot.services import Services
from handlers.cases.actions import CaseAction
from handlers.cases.questions import CASE_QUESTIONS, PICK_GROUP_QUESTIONS
from handlers.conversation.actions import ConvAction, pack
from handlers.errors import DomainError, NotAMember
from handlers.replies import To
from storage import conversations
from storage.models import AuditEntry, Group
from tests.handlers.test_cases_helpers import (
    CASE_ANSWERS,
    HEBY,
    TIERP,
    answer_flow,
    button,
    command,
    dm,
    everything_stored,
    make_group,
    press,
    register_by_chat,
    stored_cases,
)
from tests.handlers.test_identity import EMAILS, PHONES, VALID, WRONG_CHECK_DIGIT
from tests.support.chat import active, stored_state
from tests.support.roles import grant_forbund
from tests.support.talk import text_of


@pytest.fixture
def heby(services: Services) -> Services:
    """Heby with Anna (kommun, samordnare) and Bertil (AF)."""
    make_group(services, "Heby", HEBY, {"UANNA": "kommun samordnare", "UBERTIL": "AF"})
    return services


CASE_COUNT, PICK_GROUP_COUNT = len(CASE_QUESTIONS), len(PICK_GROUP_QUESTIONS)


def test_a_case_started_in_the_channel_is_asked_in_the_dm_and_saved(heby: Services) -> None:
    sends = command(heby, "UANNA", "ärende", HEBY)
    assert sends[0].to == To.REQUESTER and "direktmeddelande" in text_of(sends[:1])
    assert {s.to for s in sends[1:]} == {To.USER} and {s.user_id for s in sends[1:]} == {"UANNA"}
    assert "LOKUS Heby" in text_of(sends) and f"fråga 1 av {CASE_COUNT}" in text_of(sends)
    answer_flow(heby, "UANNA", CASE_ANSWERS, confirm=None)
    summary = text_of(dm(heby, "UANNA", "ändra 2"))
    assert "tidigare svar var: Arbetsförmedlingen" in summary
    dm(heby, "UANNA", "Försäkringskassan")
    assert "Ärende #1 registrerat för LOKUS Heby" in text_of(dm(heby, "UANNA", "ja"))
    [case] = stored_cases(heby)
    assert (case.number, case.raised_on, case.party, case.unit, case.gender, case.age_band) == (
        1,
        date(2026, 11, 22),
        "fk",
        "AME",
        "kvinna",
        "25-29",
    )
    assert [t.code for t in case.target_groups] == ["psykisk_ohalsa", "unga_utan_gymnasium"]
    assert [f.code for f in case.failures] == ["information", "vantetider"]
    assert (case.failure_text, case.referred_tr, case.note, case.status, case.created_by) == (
        "Väntat på besked i 3 mån",
        True,
        "",
        "open",
        "UANNA",
    )
    assert stored_state(heby, "UANNA")[0] == "done"


def test_numbers_run_per_group(heby: Services) -> None:
    make_group(heby, "Tierp", TIERP, {"UCECILIA": "FK samordnare"})
    assert "Ärende #1 registrerat för LOKUS Heby" in register_by_chat(heby)
    assert "Ärende #2 registrerat för LOKUS Heby" in register_by_chat(heby, user="UBERTIL")
    assert "Ärende #1 registrerat för LOKUS Tierp" in register_by_chat(heby, user="UCECILIA", channel=TIERP)
    with heby.db.unit_of_work() as session:
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "case.create")).all()
        assert [(a.user_id, a.detail["number"]) for a in audit] == [("UANNA", 1), ("UBERTIL", 2), ("UCECILIA", 1)]


def test_the_group_is_asked_only_of_someone_in_several_groups(heby: Services) -> None:
    make_group(heby, "Tierp", TIERP, {"UCECILIA": "FK samordnare", "UANNA": "kommun"})
    first = text_of(dm(heby, "UANNA", "nytt ärende"))
    assert "flera grupper (Heby och Tierp)" in first and f"fråga 1 av {PICK_GROUP_COUNT}" in first
    asked = text_of(answer_flow(heby, "UANNA", CASE_ANSWERS, until="group"))
    assert "Vilken LOKUS-grupp" in asked and "1) Heby" in asked and "2) Tierp" in asked
    answer_flow(heby, "UANNA", {**CASE_ANSWERS, "group": "tierp"}, confirm=None)
    assert "Ärende #1 registrerat för LOKUS Tierp" in text_of(dm(heby, "UANNA", "ja"))
    only_heby = text_of(dm(heby, "UBERTIL", "nytt ärende"))
    assert f"fråga 1 av {CASE_COUNT}" in only_heby and "LOKUS Heby" in only_heby


def test_in_a_linked_channel_the_channel_decides_the_group(heby: Services) -> None:
    make_group(heby, "Tierp", TIERP, {"UCECILIA": "FK samordnare", "UANNA": "kommun"})
    assert f"fråga 1 av {CASE_COUNT}" in text_of(command(heby, "UANNA", "ärende", TIERP))
    answer_flow(heby, "UANNA", CASE_ANSWERS, confirm=None)
    assert "registrerat för LOKUS Tierp" in text_of(dm(heby, "UANNA", "ja"))


def test_non_members_are_refused_clearly(heby: Services) -> None:
    with pytest.raises(NotAMember) as refused:
        command(heby, "UOTHER", "ärende", HEBY)
    assert refused.value.text.key == "group.not_member" and refused.value.text.params["group"] == "Heby"
    with pytest.raises(NotAMember) as nobody:
        dm(heby, "UOTHER", "nytt ärende")
    assert nobody.value.text.key == "case.no_groups"
    assert stored_cases(heby) == []


def test_a_member_removed_mid_conversation_cannot_save(heby: Services) -> None:
    command(heby, "UBERTIL", "ärende", HEBY)
    answer_flow(heby, "UBERTIL", CASE_ANSWERS, confirm=None)
    command(heby, "UANNA", "medlem bort <@UBERTIL|bertil>", HEBY)
    reply = text_of(dm(heby, "UBERTIL", "ja"))
    assert "inte medlem i *Heby*" in reply and "stämmer det här?" in reply
    assert stored_cases(heby) == []


def test_the_forbund_role_registers_for_any_group_of_the_workspace(heby: Services) -> None:
    make_group(heby, "Tierp", TIERP, {"UCARL": "region samordnare"})
    grant_forbund(heby, "UFORB")
    dm(heby, "UFORB", "nytt ärende")
    assert "1) Heby" in text_of(answer_flow(heby, "UFORB", CASE_ANSWERS, until="group"))
    answer_flow(heby, "UFORB", {**CASE_ANSWERS, "group": "heby"}, confirm=None)
    assert "Ärende #1 registrerat för LOKUS Heby" in text_of(dm(heby, "UFORB", "ja"))


def test_buttons_answer_every_choice_kind(heby: Services) -> None:
    command(heby, "UANNA", "ärende", HEBY)
    press(heby, "UANNA", ConvAction.DEFAULT, pack("raised_on"))
    press(heby, "UANNA", ConvAction.CHOOSE, pack("party", "region"))
    press(heby, "UANNA", ConvAction.SKIP, pack("unit"))
    press(heby, "UANNA", ConvAction.CHOOSE, pack("gender", "ej_dokumenterat"))
    press(heby, "UANNA", ConvAction.CHOOSE, pack("age_band", "65+"))
    press(heby, "UANNA", ConvAction.TOGGLE, pack("target_groups"), selected=[pack("target_groups", "nyanlanda")])
    press(heby, "UANNA", ConvAction.DONE, pack("target_groups"))
    press(heby, "UANNA", ConvAction.TOGGLE, pack("failures"), selected=[pack("failures", "regelverk")])
    press(heby, "UANNA", ConvAction.DONE, pack("failures"))
    press(heby, "UANNA", ConvAction.SKIP, pack("failure_text"))
    press(heby, "UANNA", ConvAction.CHOOSE, pack("referred_tr", "nej"))
    press(heby, "UANNA", ConvAction.SKIP, pack("note"))
    assert "#1 registrerat" in text_of(press(heby, "UANNA", ConvAction.SAVE, ""))
    [case] = stored_cases(heby)
    assert (case.raised_on, case.party, case.unit, case.gender, case.age_band, case.referred_tr) == (
        date(2026, 11, 23),
        "region",
        "",
        "ej_dokumenterat",
        "65+",
        False,
    )
    assert [t.code for t in case.target_groups] == ["nyanlanda"] and [f.code for f in case.failures] == ["regelverk"]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        (
            {
                "raised_on": "2026-11-02",
                "party": "Arbetsförmedlingen",
                "unit": "socialförvaltningen",
                "gender": "k",
                "age_band": "16",
                "target_groups": "unga och nyanlända",
                "failures": "1, 3",
            },
            (
                date(2026, 11, 2),
                "af",
                "socialförvaltningen",
                "kvinna",
                "16-19",
                ["nyanlanda", "unga_utan_gymnasium"],
                ["ansvarsfordelning", "vantetider"],
            ),
        ),
        (
            {
                "raised_on": "i måndags",
                "party": "kommunen",
                "unit": "hoppa över",
                "gender": "man",
                "age_band": "okänt",
                "target_groups": "8",
                "failures": "saknad insats; regelverk",
            },
            (date(2026, 11, 16), "kommun", "", "man", "okant", ["annan_malgrupp"], ["regelverk", "saknad_insats"]),
        ),
        (
            {
                "raised_on": "20/11",
                "party": "4",
                "unit": "AME",
                "gender": "ej dokumenterat",
                "age_band": "50",
                "target_groups": "Psykisk ohälsa/funktionsnedsättning",
                "failures": "7",
            },
            (date(2026, 11, 20), "kommun", "AME", "ej_dokumenterat", "50-64", ["psykisk_ohalsa"], ["annat"]),
        ),
        (
            {
                "raised_on": "idag",
                "party": "FK",
                "unit": "Lokalkontoret",
                "gender": "Kvinna",
                "age_band": "23 år",
                "target_groups": "nyanlända",
                "failures": "information",
            },
            (date(2026, 11, 23), "fk", "Lokalkontoret", "kvinna", "20-24", ["nyanlanda"], ["information"]),
        ),
        (
            {  # small typos in longer words
                "raised_on": "idag",
                "party": "Försäkringskasan",
                "unit": "hoppa över",
                "gender": "kvinan",
                "age_band": "65 år gammal",
                "target_groups": "nyanlända",
                "failures": "infomation, väntetid",
            },
            (date(2026, 11, 23), "fk", "", "kvinna", "65+", ["nyanlanda"], ["information", "vantetider"]),
        ),
    ],
)
def test_typed_answers_in_the_ways_people_write_them(heby: Services, typed: dict[str, str], stored: tuple) -> None:
    command(heby, "UANNA", "ärende", HEBY)
    rest = {"failure_text": "hoppa över", "referred_tr": "nej", "note": "Följs upp på LOKUS-mötet"}
    assert "#1 registrerat" in text_of(answer_flow(heby, "UANNA", {**typed, **rest})[-1:])
    [case] = stored_cases(heby)
    got = (
        case.raised_on,
        case.party,
        case.unit,
        case.gender,
        case.age_band,
        sorted(t.code for t in case.target_groups),
        sorted(f.code for f in case.failures),
    )
    assert got == stored
    assert case.note == "Följs upp på LOKUS-mötet" and case.referred_tr is False


@pytest.mark.parametrize(
    ("question", "bad", "expected"),
    [
        ("raised_on", "imorgon", "ligger i framtiden"),
        ("raised_on", "32 januari", "förstod inte datumet"),
        ("raised_on", "1999-05-01", "före 2000"),
        ("party", "Skatteverket", "finns inte bland alternativen"),
        ("unit", "x" * 121, "högst 120 tecken"),
        ("gender", "9", "finns inte bland alternativen"),
        ("age_band", "12", "börjar vid 16 år, så 12 år"),
        ("age_band", "121", "finns inte bland alternativen"),
        ("target_groups", "1, 42", "finns inte bland alternativen"),
        ("failures", "allt", "finns inte bland alternativen"),
        ("referred_tr", "kanske", "Svara *ja* eller *nej*"),
    ],
)
def test_bad_answers_are_explained_and_asked_again(heby: Services, question: str, bad: str, expected: str) -> None:
    command(heby, "UANNA", "ärende", HEBY)
    answer_flow(heby, "UANNA", CASE_ANSWERS, until=question)
    before = active(heby, "UANNA")
    assert expected in text_of(dm(heby, "UANNA", bad))
    after = active(heby, "UANNA")
    assert after.current == before.current == question and after.answers == before.answers


IDENTITIES = [
    VALID[0][0],
    VALID[3][0],
    VALID[4][0],
    VALID[17][0],
    VALID[-1][0],
    PHONES[0],
    PHONES[6],
    PHONES[-5],
    EMAILS[0],
    EMAILS[1],
]


@pytest.mark.parametrize("identity", IDENTITIES)
@pytest.mark.parametrize("question", ["unit", "failure_text", "note"])
def test_identity_typed_into_any_free_text_is_refused_and_kept_nowhere(
    heby: Services, identity: str, question: str
) -> None:
    command(heby, "UANNA", "ärende", HEBY)
    answer_flow(heby, "UANNA", CASE_ANSWERS, until=question)
    reply = text_of(dm(heby, "UANNA", f"Gäller {identity} enligt remissen"))
    assert "inte sparat" in reply and identity not in reply
    assert "#1 registrerat" in text_of(answer_flow(heby, "UANNA", CASE_ANSWERS)[-1:])
    stored = everything_stored(heby)
    assert identity not in stored and "remissen" not in stored


@pytest.mark.parametrize("identity", [VALID[0][0], PHONES[0], EMAILS[0]])
@pytest.mark.parametrize("question", ["raised_on", "party", "gender", "age_band", "target_groups"])
def test_identity_typed_where_a_choice_or_date_is_asked_is_refused_not_repeated(
    heby: Services, identity: str, question: str
) -> None:
    command(heby, "UANNA", "ärende", HEBY)
    answer_flow(heby, "UANNA", CASE_ANSWERS, until=question)
    reply = text_of(dm(heby, "UANNA", identity))
    assert "inte sparat" in reply and identity not in reply
    assert identity not in everything_stored(heby)


@pytest.mark.parametrize("number", [number for number, _ in WRONG_CHECK_DIGIT[:4]])
def test_a_personnummer_with_a_wrong_check_digit_is_refused_in_words_of_its_own(heby: Services, number: str) -> None:
    command(heby, "UANNA", "ärende", HEBY)
    answer_flow(heby, "UANNA", CASE_ANSWERS, until="failure_text")
    reply = text_of(dm(heby, "UANNA", f"Referens {number}"))
    assert "ser ut som ett personnummer" in reply and "inte sparat" in reply and number not in reply
    saved = answer_flow(heby, "UANNA", CASE_ANSWERS)
    assert "#1 registrerat" in text_of(saved[-1:])
    assert number not in everything_stored(heby)


def test_a_second_yes_after_saving_does_not_make_another_case(heby: Services) -> None:
    register_by_chat(heby)
    assert "Ärende" not in text_of(dm(heby, "UANNA", "ja"))
    assert len(stored_cases(heby)) == 1


def test_register_another_and_wrong_words(heby: Services) -> None:
    saved = dm(heby, "UANNA", "nytt ärende")
    assert f"fråga 1 av {CASE_COUNT}" in text_of(saved)
    again = text_of(press(heby, "UANNA", CaseAction.NEW, button(saved, CaseAction.FORM).value))
    assert "redan påbörjat lots-ärendet" in again and f"fråga 1 av {CASE_COUNT}" in again
    with pytest.raises(DomainError) as wrong:
        command(heby, "UANNA", "ärende nu", HEBY)
    assert wrong.value.text.key == "case.register_usage"


def test_a_groups_own_target_groups_are_offered_and_stored(heby: Services) -> None:
    with heby.db.unit_of_work() as session:
        group = session.scalars(select(Group).where(Group.name == "Heby")).one()
        group.settings = {"target_groups": ["nyanlanda", {"code": "hemlosa", "label": "Hemlösa"}]}
    command(heby, "UANNA", "ärende", HEBY)
    asked = text_of(answer_flow(heby, "UANNA", CASE_ANSWERS, until="target_groups"))
    assert "1) Nyanlända" in asked and "2) Hemlösa" in asked and "Unga utan" not in asked
    answer_flow(heby, "UANNA", {**CASE_ANSWERS, "target_groups": "hemlösa"})
    assert [t.code for t in stored_cases(heby)[0].target_groups] == ["hemlosa"]


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)  # SQLite serialises the two writers
def test_two_quick_messages_are_both_answered_in_turn(heby: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two workers handle two DMs at once; the one that loses the race is handled again on the fresh state."""
    command(heby, "UANNA", "ärende", HEBY)
    real_store = conversations.store
    overtaken: list[str] = []

    def store_after_the_other_message(session, **kwargs):  # type: ignore[no-untyped-def]
        if not overtaken:
            overtaken.append("AF")
            dm(heby, "UANNA", "igår")  # the other worker: answers the date question and commits first
        return real_store(session, **kwargs)

    monkeypatch.setattr(conversations, "store", store_after_the_other_message)
    replies = text_of(dm(heby, "UANNA", "AF"))
    assert "Någon annan ändrade samtidigt" not in replies and f"fråga 3 av {CASE_COUNT}" in replies
    answers = active(heby, "UANNA").answers
    assert answers["raised_on"] and answers["party"] == "af"
