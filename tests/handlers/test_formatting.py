"""Swedish number formats: thousands grouped with a space, a decimal comma, kronor and percent."""

import pytest

from handlers.formatting import format_kr, format_number, format_percent, group_thousands


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (0, "0"),
        (999, "999"),
        (1000, "1 000"),
        (600000, "600 000"),
        (1234567, "1 234 567"),
        (-1000, "-1 000"),
        (-999999, "-999 999"),
    ],
)
def test_thousands_are_grouped_with_a_space(value: int, shown: str) -> None:
    assert group_thousands(value) == shown


def test_kronor_percent_and_decimals() -> None:
    assert (format_kr(450000), format_percent(59)) == ("450 000 kr", "59 %")
    assert (format_number(1234.5), format_number(-1234.5), format_number(2.0)) == ("1 234,5", "-1 234,5", "2")
