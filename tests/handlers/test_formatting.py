"""Numbers, kronor, percentages and dates as each language writes them (Babel), through the catalogue too."""

from datetime import date
from decimal import Decimal

import pytest

from bot.catalogue import Catalogue, load_messages
from handlers.formatting import (
    Amount,
    Identifier,
    Percent,
    format_amount,
    format_day,
    format_number,
    format_percent,
    locale_of,
)

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("value", "sv", "en"),
    [
        (0, "0", "0"),
        (999, "999", "999"),
        (1000, f"1{NBSP}000", "1,000"),
        (600000, f"600{NBSP}000", "600,000"),
        (1234567, f"1{NBSP}234{NBSP}567", "1,234,567"),
        (1234.5, f"1{NBSP}234,5", "1,234.5"),
        (2.0, "2", "2"),
        (0.125, "0,13", "0.13"),
        (Decimal("37.50"), "37,5", "37.5"),
        (-1000, f"-1{NBSP}000", "-1,000"),
    ],
)
def test_numbers_are_grouped_and_given_a_decimal_sign_per_language(value: float, sv: str, en: str) -> None:
    assert (format_number(value, "sv"), format_number(value, "en")) == (sv, en)


def test_kronor_percent_and_days_per_language() -> None:
    assert format_amount(600000, "sv") == f"600{NBSP}000{NBSP}kr", "no-break spaces: never wraps before kr"
    assert format_amount(600000, "en") == f"SEK{NBSP}600,000"
    assert format_amount(Decimal("1234.5"), "sv") == f"1{NBSP}234,50{NBSP}kr"
    assert (format_percent(59, "sv"), format_percent(59, "en")) == (f"59{NBSP}%", "59%")
    assert (format_percent(37.5, "sv"), format_percent(125, "en")) == (f"37,5{NBSP}%", "125%")
    assert (format_day(date(2026, 12, 1), "sv"), format_day(date(2026, 12, 1), "en")) == (
        "1 december 2026",
        "1 December 2026",
    )
    assert (locale_of("sv"), locale_of("en"), locale_of("fi")) == ("sv_SE", "en_GB", "sv_SE")


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_catalogue_writes_typed_values_in_its_language(language: str) -> None:
    words = Catalogue(language, load_messages(language), escape=lambda s: s).render
    expected = {
        "sv": (f"450{NBSP}000{NBSP}kr", f"59{NBSP}%", f"1{NBSP}234", "1000", "23 november 2026"),
        "en": (f"SEK{NBSP}450,000", "59%", "1,234", "1000", "23 November 2026"),
    }[language]
    shown = (words(Amount(450000)), words(Percent(59)), words(1234), words(Identifier(1000)), words(date(2026, 11, 23)))
    assert shown == expected


@pytest.mark.parametrize(
    ("language", "sentence"), [("sv", "Ärende #1000 registrerat"), ("en", "Case #1000 registered")]
)
def test_a_case_number_is_an_identifier_and_never_grouped(language: str, sentence: str) -> None:
    from handlers.text import t

    words = Catalogue(language, load_messages(language), escape=lambda s: s).render
    assert words(t("case.saved", number=Identifier(1000), group="Heby")).startswith(sentence)
