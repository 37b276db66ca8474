"""Numbers, kronor, percentages and dates as the reader's language writes them (Babel, CLDR data).

Handlers never format a number. They hand the catalogue typed values and it writes them per language:

    t("plan.cost", cost=Amount(450000), share=Percent(75), day=date(2026, 12, 1), count=1234)
    sv: "450 000 kr", "75 %", "1 december 2026", "1 234"      (no-break spaces: a number never wraps from its unit)
    en: "SEK 450,000", "75%", "1 December 2026", "1,234"

`Identifier(1000)` is a number that names something (a case, a plan version): written as it is, never grouped
("Ärende #1000"). A year is an identifier too. The functions below are what the catalogue calls; the only
caller in handlers/ is the plan templates' `{schablon}`, whose texts are written in Swedish.
"""

import re
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

from babel import Locale
from babel.dates import format_date as babel_date
from babel.numbers import format_currency, format_decimal
from babel.numbers import format_percent as babel_percent

LOCALES = {"sv": "sv_SE", "en": "en_GB"}
CURRENCY = "SEK"
NO_BREAK = "\u00a0"
HUNDREDTH = Decimal("0.01")
Number = int | float | Decimal
_CODE_BESIDE_DIGIT = re.compile(r"(?<=[A-Z])(?=[\d\u2212-])|(?<=\d)(?=[A-Z])")


@dataclass(frozen=True)
class Amount:
    """An amount of kronor (whole kronor in every answer the bot takes; decimals are kept when given)."""

    kronor: Number


@dataclass(frozen=True)
class Percent:
    """A percentage as people say it: Percent(59) is 59 %, Percent(37.5) is 37,5 %."""

    value: Number


@dataclass(frozen=True)
class Identifier:
    """A number that names something (case #1000, version 3, the year 2026): never grouped, never rounded."""

    value: int


def locale_of(language: str) -> str:
    """The Babel locale of a catalogue language ("sv" → "sv_SE"; anything unknown is Swedish)."""
    return LOCALES.get(language, LOCALES["sv"])


def format_number(value: Number, language: str = "sv") -> str:
    """A count or measure: sv "1 234,5", en "1,234.5" (at most two decimals, halves rounded up: 0,125 → 0,13)."""
    rounded = _exact(value).quantize(HUNDREDTH, rounding=ROUND_HALF_UP)
    return format_decimal(rounded, format="#,##0.##", locale=locale_of(language))


def format_amount(kronor: Number, language: str = "sv") -> str:
    """Kronor: sv "600 000 kr", en "SEK 600,000" (decimals only when there are any: "1 234,50 kr")."""
    value = _exact(kronor)
    whole = value == value.to_integral_value()
    pattern = _currency_pattern(locale_of(language), whole)
    text = format_currency(value, CURRENCY, format=pattern, locale=locale_of(language), currency_digits=False)
    return _CODE_BESIDE_DIGIT.sub(NO_BREAK, text)  # CLDR's currency spacing, which Babel leaves out


def format_percent(value: Number, language: str = "sv") -> str:
    """A percentage: sv "59 %", "37,5 %"; en "59%", "37.5%"."""
    share = _exact(value) / 100
    return babel_percent(share, locale=locale_of(language), decimal_quantization=False)


def format_day(day: date, language: str = "sv") -> str:
    """A day: sv "1 december 2026", en "1 December 2026"."""
    return babel_date(day, format="d MMMM y", locale=locale_of(language))


@cache
def _currency_pattern(locale: str, whole: bool) -> str:
    """The locale's currency pattern, without decimals for whole kronor ("#,##0 ¤", "¤#,##0")."""
    pattern = str(Locale.parse(locale).currency_formats["standard"].pattern)
    return pattern.replace(".00", "") if whole else pattern


def _exact(value: Number) -> Decimal:
    """The number as a Decimal written the way it was given (0.1 stays 0.1, not 0.1000000000000000055…)."""
    return value if isinstance(value, Decimal) else Decimal(str(value))
