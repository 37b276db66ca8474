"""Acceptance probe of issue 11: what a coordinator types in a conversation is answered, and a second
conversation never silently replaces the first (the probe's findings, each a test that failed before its fix).
"""

from pathlib import Path

import pytest

from bot.cli import main
from bot.services import Services
from tests.bot.test_cli_cases import cli
from tests.support.chat import asked, command, dm
from tests.support.talk import text_of

__all__ = ["cli"]

HEBY, ANNA = "CHEBY", "UANNA"
UNEXPECTED = "Oj, något gick fel"


@pytest.fixture
def heby(services: Services) -> Services:
    """Heby, with Anna its samordnare for the kommun."""
    command(services, ANNA, "koppla Heby", HEBY)
    command(services, ANNA, "medlem <@UANNA> kommun samordnare", HEBY)
    return services


@pytest.mark.parametrize("typed", ["²", "①", "⑵", "ändra ²", "ändra ³ till man", "²: man"])
def test_a_digit_python_calls_a_digit_but_no_number_is_answered_kindly(heby: Services, typed: str) -> None:
    """str.isdigit() is true for "²" and "①", which int() refuses: typed at a choice, they were a crash."""
    dm(heby, ANNA, "nytt ärende")
    dm(heby, ANNA, "ok")
    where = asked(heby, ANNA)
    assert where is not None and where.question == "party"
    said = text_of(dm(heby, ANNA, typed, kind=True))
    assert UNEXPECTED not in said
    assert asked(heby, ANNA) == where


def test_arabic_indic_digits_pick_an_option_as_their_number(heby: Services) -> None:
    dm(heby, ANNA, "nytt ärende")
    dm(heby, ANNA, "ok")
    dm(heby, ANNA, "٣")  # 3) Region
    where = asked(heby, ANNA)
    assert where is not None and where.question == "unit"


def test_an_imported_age_written_as_a_superscript_is_a_row_error_not_a_traceback(
    cli: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "logg.csv"
    log.write_text("datum;part;kon;aldersgrupp\n2026-09-01;AF;man;2³\n", encoding="utf-8")
    assert main(["import", "cases", str(log), "--group", "Heby"]) == 1
    printed = capsys.readouterr()
    assert "Rad 2, kolumn aldersgrupp" in printed.err
    assert "Traceback" not in printed.out + printed.err
