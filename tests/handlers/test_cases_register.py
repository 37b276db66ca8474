"""Registering lots-ärenden by chat: every answer kind, the group question, access, and identity kept out."""

from datetime import date

import pytest
from sqlalchemy import select

from bot.services import Services
from handlers.cases.actions import CaseAction
from handlers.conversation.actions import ConvAction, pack
from handlers.errors import DomainError, NotAMember
from handlers.replies import To
from storage import conversations
from storage.conversations import DM, ConversationKey
from storage.models import AuditEntry, Group
from tests.handlers.test_cases_helpers import (
    HEBY,
    TIERP,
    TYPED_CASE,
    button,
    command,
    dm,
    everything_stored,
    make_group,
    press,
    register_by_chat,
    stored_cases,
)
from tests.handlers.test_identity import EMAILS, INVALID_LUHN, PHONES, VALID
from tests.support.talk import TEAM, text_of


@pytest.fixture
def heby(services: Services) -> Services:
    """Heby with Anna (kommun, samordnare) and Bertil (AF)."""
    make_group(services, "Heby", HEBY, {"UANNA": "kommun samordnare", "UBERTIL": "AF"})
    return services


def conversation_state(services: Services, user: str = "UANNA") -> dict:
    with services.db.unit_of_work() as session:
        stored = conversations.load(session, key=ConversationKey(TEAM, user, DM, ""))
        assert stored is not None
        return {"status": stored.status, **stored.state}


def test_a_case_started_in_the_channel_is_asked_in_the_dm_and_saved(heby: Services) -> None:
    sends = command(heby, "UANNA", HEBY, "ärende")
    assert sends[0].to == To.REQUESTER and "direktmeddelande" in text_of(sends[:1])
    assert {s.to for s in sends[1:]} == {To.USER} and {s.user_id for s in sends[1:]} == {"UANNA"}
    assert "LOKUS Heby" in text_of(sends) and "fråga 1 av 10" in text_of(sends)
    for answer in TYPED_CASE:
        dm(heby, "UANNA", answer)
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
    assert conversation_state(heby)["status"] == "done"


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
    assert "flera grupper (Heby och Tierp)" in first and "fråga 1 av 11" in first
    asked = text_of(dm(heby, "UANNA", "idag"))
    assert "Vilken LOKUS-grupp" in asked and "1) Heby" in asked and "2) Tierp" in asked
    for answer in ("tierp", *TYPED_CASE[1:]):
        dm(heby, "UANNA", answer)
    assert "Ärende #1 registrerat för LOKUS Tierp" in text_of(dm(heby, "UANNA", "ja"))
    only_heby = text_of(dm(heby, "UBERTIL", "nytt ärende"))
    assert "fråga 1 av 10" in only_heby and "LOKUS Heby" in only_heby


def test_in_a_linked_channel_the_channel_decides_the_group(heby: Services) -> None:
    make_group(heby, "Tierp", TIERP, {"UCECILIA": "FK samordnare", "UANNA": "kommun"})
    assert "fråga 1 av 10" in text_of(command(heby, "UANNA", TIERP, "ärende"))
    for answer in TYPED_CASE:
        dm(heby, "UANNA", answer)
    assert "registrerat för LOKUS Tierp" in text_of(dm(heby, "UANNA", "ja"))


def test_non_members_are_refused_clearly(heby: Services) -> None:
    with pytest.raises(NotAMember) as refused:
        command(heby, "UOTHER", HEBY, "ärende")
    assert refused.value.text.key == "group.not_member" and refused.value.text.params["group"] == "Heby"
    with pytest.raises(NotAMember) as nobody:
        dm(heby, "UOTHER", "nytt ärende")
    assert nobody.value.text.key == "case.no_groups"
    assert stored_cases(heby) == []


def test_a_member_removed_mid_conversation_cannot_save(heby: Services) -> None:
    command(heby, "UBERTIL", HEBY, "ärende")
    for answer in TYPED_CASE:
        dm(heby, "UBERTIL", answer)
    command(heby, "UANNA", HEBY, "medlem bort <@UBERTIL|bertil>")
    reply = text_of(dm(heby, "UBERTIL", "ja"))
    assert "inte medlem i *Heby*" in reply and "stämmer det här?" in reply
    assert stored_cases(heby) == []


def test_the_forbund_role_registers_for_any_group_of_the_workspace(heby: Services) -> None:
    make_group(heby, "Tierp", TIERP, {"UFORB": "region förbund"})
    dm(heby, "UFORB", "nytt ärende")
    assert "1) Heby" in text_of(dm(heby, "UFORB", "idag"))
    for answer in ("heby", *TYPED_CASE[1:]):
        dm(heby, "UFORB", answer)
    assert "Ärende #1 registrerat för LOKUS Heby" in text_of(dm(heby, "UFORB", "ja"))


def test_buttons_answer_every_choice_kind(heby: Services) -> None:
    command(heby, "UANNA", HEBY, "ärende")
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
            ("2026-11-02", "Arbetsförmedlingen", "socialförvaltningen", "k", "16", "unga och nyanlända", "1, 3"),
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
            ("i måndags", "kommunen", "hoppa över", "man", "okänt", "8", "saknad insats; regelverk"),
            (date(2026, 11, 16), "kommun", "", "man", "okant", ["annan_malgrupp"], ["regelverk", "saknad_insats"]),
        ),
        (
            ("20/11", "4", "AME", "ej dokumenterat", "50", "Psykisk ohälsa/funktionsnedsättning", "7"),
            (date(2026, 11, 20), "kommun", "AME", "ej_dokumenterat", "50-64", ["psykisk_ohalsa"], ["annat"]),
        ),
    ],
)
def test_typed_answers_in_the_ways_people_write_them(heby: Services, typed: tuple[str, ...], stored: tuple) -> None:
    command(heby, "UANNA", HEBY, "ärende")
    for answer in (*typed, "hoppa över", "nej", "Följs upp på LOKUS-mötet"):
        dm(heby, "UANNA", answer)
    assert "#1 registrerat" in text_of(dm(heby, "UANNA", "ja"))
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
    ("step", "bad", "expected"),
    [
        (0, "imorgon", "ligger i framtiden"),
        (0, "32 januari", "förstod inte datumet"),
        (0, "1999-05-01", "före 2000"),
        (1, "Skatteverket", "finns inte bland alternativen"),
        (2, "x" * 121, "högst 120 tecken"),
        (3, "9", "finns inte bland alternativen"),
        (4, "12", "finns inte bland alternativen"),
        (5, "1, 42", "finns inte bland alternativen"),
        (6, "allt", "finns inte bland alternativen"),
        (8, "kanske", "Svara *ja* eller *nej*"),
    ],
)
def test_bad_answers_are_explained_and_asked_again(heby: Services, step: int, bad: str, expected: str) -> None:
    command(heby, "UANNA", HEBY, "ärende")
    for answer in TYPED_CASE[:step]:
        dm(heby, "UANNA", answer)
    before = conversation_state(heby)
    assert expected in text_of(dm(heby, "UANNA", bad))
    after = conversation_state(heby)
    assert after["current"] == before["current"] and after["answers"] == before["answers"]


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
@pytest.mark.parametrize("question", [2, 7, 9])
def test_identity_typed_into_any_free_text_is_refused_and_kept_nowhere(
    heby: Services, identity: str, question: int
) -> None:
    command(heby, "UANNA", HEBY, "ärende")
    for answer in TYPED_CASE[:question]:
        dm(heby, "UANNA", answer)
    reply = text_of(dm(heby, "UANNA", f"Gäller {identity} enligt remissen"))
    assert "inte sparat" in reply and identity not in reply
    for answer in TYPED_CASE[question:]:
        dm(heby, "UANNA", answer)
    assert "#1 registrerat" in text_of(dm(heby, "UANNA", "ja"))
    stored = everything_stored(heby)
    assert identity not in stored and "remissen" not in stored


@pytest.mark.parametrize("identity", [VALID[0][0], PHONES[0], EMAILS[0]])
@pytest.mark.parametrize("question", [0, 1, 3, 4, 5])  # a date, a party, a gender, an age band, target groups
def test_identity_typed_where_a_choice_or_date_is_asked_is_refused_not_repeated(
    heby: Services, identity: str, question: int
) -> None:
    command(heby, "UANNA", HEBY, "ärende")
    for answer in TYPED_CASE[:question]:
        dm(heby, "UANNA", answer)
    reply = text_of(dm(heby, "UANNA", identity))
    assert "inte sparat" in reply and identity not in reply
    assert identity not in everything_stored(heby)


@pytest.mark.parametrize("number", INVALID_LUHN[:4])
def test_a_number_that_fails_the_luhn_check_is_not_refused(heby: Services, number: str) -> None:
    command(heby, "UANNA", HEBY, "ärende")
    for answer in (*TYPED_CASE[:7], f"Referens {number}"):
        dm(heby, "UANNA", answer)
    for answer in TYPED_CASE[8:]:
        dm(heby, "UANNA", answer)
    assert "#1 registrerat" in text_of(dm(heby, "UANNA", "ja"))
    assert stored_cases(heby)[0].failure_text == f"Referens {number}"


def test_a_second_yes_after_saving_does_not_make_another_case(heby: Services) -> None:
    register_by_chat(heby)
    assert "Ärende" not in text_of(dm(heby, "UANNA", "ja"))
    assert len(stored_cases(heby)) == 1


def test_register_another_and_wrong_words(heby: Services) -> None:
    saved = dm(heby, "UANNA", "nytt ärende")
    assert "fråga 1 av 10" in text_of(saved)
    assert "fråga 1 av 10" in text_of(press(heby, "UANNA", CaseAction.NEW, button(saved, CaseAction.FORM).value))
    with pytest.raises(DomainError) as wrong:
        command(heby, "UANNA", HEBY, "ärende nu")
    assert wrong.value.text.key == "case.register_usage"


def test_a_groups_own_target_groups_are_offered_and_stored(heby: Services) -> None:
    with heby.db.unit_of_work() as session:
        group = session.scalars(select(Group).where(Group.name == "Heby")).one()
        group.settings = {"target_groups": ["nyanlanda", {"code": "hemlosa", "label": "Hemlösa"}]}
    command(heby, "UANNA", HEBY, "ärende")
    for answer in TYPED_CASE[:5]:
        dm(heby, "UANNA", answer)
    asked = text_of(dm(heby, "UANNA", "tillbaka")) + text_of(dm(heby, "UANNA", "25-29"))
    assert "1) Nyanlända" in asked and "2) Hemlösa" in asked and "Unga utan" not in asked
    for answer in ("hemlösa", *TYPED_CASE[6:]):
        dm(heby, "UANNA", answer)
    dm(heby, "UANNA", "ja")
    assert [t.code for t in stored_cases(heby)[0].target_groups] == ["hemlosa"]


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)  # SQLite serialises the two writers
def test_two_quick_messages_are_both_answered_in_turn(heby: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two workers handle two DMs at once; the one that loses the race is handled again on the fresh state."""
    command(heby, "UANNA", HEBY, "ärende")
    real_store = conversations.store
    overtaken: list[str] = []

    def store_after_the_other_message(session, **kwargs):  # type: ignore[no-untyped-def]
        if not overtaken:
            overtaken.append("AF")
            dm(heby, "UANNA", "igår")  # the other worker: answers the date question and commits first
        return real_store(session, **kwargs)

    monkeypatch.setattr(conversations, "store", store_after_the_other_message)
    replies = text_of(dm(heby, "UANNA", "AF"))
    assert "Någon annan ändrade samtidigt" not in replies and "fråga 3 av 10" in replies
    state = conversation_state(heby)
    assert state["answers"]["raised_on"] and state["answers"]["party"] == "af"
