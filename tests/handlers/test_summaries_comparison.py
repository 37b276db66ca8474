"""What a summary compares its period with: the same period a year earlier unless the group chose the period of
the same length just before (`/lokus sammanfattning jämför period`)."""

import pytest

from bot.services import Services
from handlers.errors import DomainError, NotAllowed
from tests.handlers.test_summaries import command, lines, uppsala  # noqa: F401 (the fixture)
from tests.support.talk import text_of


def test_the_same_period_a_year_earlier_is_the_default(uppsala: Services) -> None:  # noqa: F811
    shown = lines(command(uppsala, "sammanfattning"))
    assert "Jämförs med samma period ett år tidigare: 1 januari 2025 – 23 november 2025." in shown[1]
    assert "Samma period ett år tidigare: 58" in shown and "Förändring: 10 fler (17 % ökning)" in shown


def test_a_group_may_compare_with_the_period_just_before_and_back(uppsala: Services) -> None:  # noqa: F811
    said = text_of(command(uppsala, "sammanfattning jämför period", user="UANNA"))
    assert "<@UANNA> ändrade *Uppsala*: sammanfattningens period jämförs nu med lika lång period närmast före." in said
    shown = lines(command(uppsala, "sammanfattning"))
    assert "Jämförs med lika lång period närmast före: 8 februari 2025 – 31 december 2025." in shown[1]
    assert "Perioden innan: 60" in shown and "Förändring: 8 fler (13 % ökning)" in shown
    settings = text_of(command(uppsala, "sammanfattning inställningar"))
    assert "perioden jämförs med lika lång period närmast före" in settings
    command(uppsala, "sammanfattning jämför med samma period", user="UANNA")
    assert "Samma period ett år tidigare: 58" in lines(command(uppsala, "sammanfattning"))


def test_only_who_manages_the_group_changes_it_and_an_unknown_word_is_explained(uppsala: Services) -> None:  # noqa: F811
    with pytest.raises(NotAllowed):
        command(uppsala, "sammanfattning jämför period", user="UBERTIL")
    with pytest.raises(DomainError) as raised:
        command(uppsala, "sammanfattning jämför månaden", user="UANNA")
    assert raised.value.text.key == "summary.compare_usage"


def test_the_english_summary_says_what_it_compares_with(uppsala: Services) -> None:  # noqa: F811
    text = text_of(command(uppsala, "sammanfattning hösten 2026"), language="en")
    assert "Period: autumn 2026 (the autumn term, August–December), 1 August 2026 – 23 November 2026." in text
    assert "Compared with the same period a year earlier: 1 August 2025 – 23 November 2025." in text
