"""A group's own target-group list, changed in Slack: the choices new cases get, old cases keeping their names."""

import pytest

from bot.services import Services
from handlers.errors import DomainError, NotAllowed
from handlers.replies import To
from storage import groups as groups_repo
from tests.handlers.test_cases_helpers import (
    CASE_ANSWERS,
    HEBY,
    answer_flow,
    command,
    make_group,
    register_by_chat,
    stored_cases,
)
from tests.handlers.test_cases_transfer import csv_rows, export_file, import_file
from tests.handlers.test_identity import PHONES, VALID
from tests.handlers.test_summaries import lines
from tests.support.talk import text_of


@pytest.fixture
def heby(services: Services) -> Services:
    """Heby with Anna (kommun, samordnare) and Bertil (AF, ledamot)."""
    make_group(services, "Heby", HEBY, {"UANNA": "kommun samordnare", "UBERTIL": "AF"})
    return services


def settings(services: Services) -> dict:
    with services.db.unit_of_work() as session:
        group = groups_repo.find_group_by_channel(session, team_id="T0LOKUS", channel_id=HEBY)
        assert group is not None
        return dict(group.settings)


def test_the_list_starts_as_the_defaults_numbered(heby: Services) -> None:
    sends = command(heby, "UBERTIL", "målgrupper", HEBY)
    assert [s.to for s in sends] == [To.REQUESTER]
    shown = text_of(sends)
    assert "*Målgrupper i Heby* – valen ärenden registreras med:\n1. Unga utan gymnasieutbildning\n" in shown
    assert "8. Annan målgrupp" in shown and settings(heby) == {}


def test_an_own_target_group_is_added_offered_and_summarised(heby: Services) -> None:
    said = command(heby, "UANNA", "målgrupper lägg till Unga vuxna 18–25", HEBY)
    assert [s.to for s in said] == [To.CHANNEL]
    assert text_of(said) == (
        "<@UANNA> lade till målgruppen *Unga vuxna 18–25* i *Heby*. Nya ärenden kan registreras med den."
    )
    assert settings(heby)["target_groups"][-1] == {"code": "egen_unga_vuxna_18_25", "label": "Unga vuxna 18–25"}
    register_by_chat(heby, answers={**CASE_ANSWERS, "target_groups": "unga vuxna 18–25"})
    assert [t.code for t in stored_cases(heby)[0].target_groups] == ["egen_unga_vuxna_18_25"]
    assert "Unga vuxna 18–25: färre än 3" in lines(command(heby, "UBERTIL", "sammanfattning", HEBY))


def test_a_removed_one_is_no_longer_offered_but_old_cases_keep_its_name(heby: Services) -> None:
    command(heby, "UANNA", "målgrupper lägg till Hemlösa", HEBY)
    register_by_chat(heby, answers={**CASE_ANSWERS, "target_groups": "hemlösa, nyanlända"})
    said = text_of(command(heby, "UANNA", "målgrupper ta bort hemlösa", HEBY))
    assert "tog bort målgruppen *Hemlösa* ur listan i *Heby*" in said
    assert "Hemlösa" not in text_of(command(heby, "UANNA", "målgrupper", HEBY))
    command(heby, "UANNA", "ärende", HEBY)
    asked = text_of(answer_flow(heby, "UANNA", CASE_ANSWERS, until="target_groups"))
    assert "Nyanlända" in asked and "Hemlösa" not in asked
    assert "Hemlösa: färre än 3" in lines(command(heby, "UBERTIL", "sammanfattning", HEBY))
    exported = export_file(heby, "csv")
    assert csv_rows(exported.content)[0]["malgrupper"] == "Hemlösa; Nyanlända", (
        "as the group and the förbund write them"
    )
    assert import_file(heby, exported.content, exported.filename).problems == [], "an old log imports again"


def test_a_default_is_removed_by_number_and_added_back_by_name(heby: Services) -> None:
    command(heby, "UANNA", "målgrupper ta bort 8", HEBY)
    assert "Annan målgrupp" not in text_of(command(heby, "UANNA", "målgrupper", HEBY))
    assert {"code": "annan_malgrupp", "retired": True} in settings(heby)["target_groups"]
    command(heby, "UANNA", "målgrupper lägg till annan målgrupp", HEBY)
    assert settings(heby)["target_groups"][-1] == "annan_malgrupp"
    assert "8. Annan målgrupp" in text_of(command(heby, "UANNA", "målgrupper", HEBY))


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("målgrupper lägg till Nyanlända", "target.already"),
        (f"målgrupper lägg till Anna {VALID[0][0]}", "target.identity"),
        (f"målgrupper lägg till Ring {PHONES[0]}", "target.identity"),
        ("målgrupper lägg till " + "x" * 61, "target.name_usage"),
        ("målgrupper lägg till Unga vuxna, 18–25", "target.separator"),
        ("målgrupper lägg till Unga; vuxna", "target.separator"),
        ("målgrupper ta bort 9", "target.unknown"),
        ("målgrupper ta bort ²", "target.unknown"),
        ("målgrupper ta bort gamla", "target.unknown"),
        ("målgrupper ändra", "target.usage"),
    ],
)
def test_bad_changes_are_explained_and_change_nothing(heby: Services, text: str, key: str) -> None:
    with pytest.raises(DomainError) as raised:
        command(heby, "UANNA", text, HEBY)
    assert raised.value.text.key == key
    assert settings(heby) == {}


def test_the_last_target_group_cannot_go_and_members_cannot_change_the_list(heby: Services) -> None:
    with pytest.raises(NotAllowed):
        command(heby, "UBERTIL", "målgrupper ta bort 1", HEBY)
    for number in range(8, 1, -1):
        command(heby, "UANNA", f"målgrupper ta bort {number}", HEBY)
    with pytest.raises(DomainError) as raised:
        command(heby, "UANNA", "målgrupper ta bort 1", HEBY)
    assert raised.value.text.key == "target.last_one"


def test_an_own_target_group_added_back_keeps_its_code_and_its_cases(heby: Services) -> None:
    command(heby, "UANNA", "målgrupper lägg till Hemlösa", HEBY)
    command(heby, "UANNA", "målgrupper ta bort hemlösa", HEBY)
    command(heby, "UANNA", "målgrupper lägg till hemlösa", HEBY)
    own = [e for e in settings(heby)["target_groups"] if isinstance(e, dict)]
    assert own == [{"code": "egen_hemlosa", "label": "Hemlösa"}]


def test_a_member_cannot_change_the_list_of_a_group_nobody_manages_yet(services: Services) -> None:
    make_group(services, "Heby", HEBY, {"UANNA": "kommun", "UBERTIL": "AF"})
    with pytest.raises(NotAllowed):
        command(services, "UBERTIL", "målgrupper lägg till Hemlösa", HEBY)
    assert "Hemlösa" in text_of(command(services, "UANNA", "målgrupper lägg till Hemlösa", HEBY)), "who linked it"
