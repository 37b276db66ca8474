"""Swedish number formats: "600 000 kr", "59 %", "1,5"."""

from decimal import Decimal


def group_thousands(value: int) -> str:
    """An integer with a space between thousands: 600000 → "600 000"."""
    return f"{value:,}".replace(",", " ")


def format_kr(amount: int) -> str:
    """Kronor the Swedish way: 450000 → "450 000 kr"."""
    return f"{group_thousands(amount)} kr"


def format_percent(value: int) -> str:
    """A whole percentage the Swedish way: 59 → "59 %"."""
    return f"{value} %"


def format_number(value: int | float | Decimal) -> str:
    """A number with a decimal comma and grouped thousands: 1234.5 → "1 234,5"."""
    if isinstance(value, int) or (isinstance(value, float | Decimal) and value == int(value)):
        return group_thousands(int(value))
    whole, _, frac = f"{value:.2f}".rstrip("0").partition(".")
    return f"{group_thousands(int(whole))},{frac}"
