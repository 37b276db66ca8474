"""The period a summary covers, from what people type: "i år", "hösten 2026", "senaste 90 dagarna"...

Both ends are included. A period still running ends today. Spring (våren) is the spring term, January–June, and
autumn (hösten) the autumn term, August–December, as Swedish public bodies count them (July is neither); the
summary's label says so.

A summary compares its period with the same days a year earlier ("i år" until 1 December 2026 with 1 January –
1 December 2025; 29 February with 28 February), or, when the group has chosen so, with the period of the same
length just before it (`Comparison`).
"""

import calendar
import contextlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from handlers.date_words import SV_MONTH_NAMES
from handlers.dates import parse_date
from handlers.errors import DomainError
from handlers.text import Plain, Text, t

NUMBER_WORDS = {
    "en": 1,
    "ett": 1,
    "två": 2,
    "tre": 3,
    "fyra": 4,
    "fem": 5,
    "sex": 6,
    "sju": 7,
    "åtta": 8,
    "nio": 9,
    "tio": 10,
    "elva": 11,
    "tolv": 12,
}
UNITS = {
    "dag": "days",
    "dagar": "days",
    "dagarna": "days",
    "days": "days",
    "vecka": "weeks",
    "veckan": "weeks",
    "veckor": "weeks",
    "veckorna": "weeks",
    "weeks": "weeks",
    "månad": "months",
    "månaden": "months",
    "månader": "months",
    "månaderna": "months",
    "months": "months",
    "år": "years",
    "året": "years",
    "åren": "years",
    "years": "years",
}
THIS_YEAR = ("i år", "hittills i år", "året", "detta år", "det här året", "this year")
LAST_YEAR = ("förra året", "i fjol", "fjol", "förra år", "föregående år", "last year")
THIS_MONTH = ("den här månaden", "denna månad", "i månaden", "this month")
LAST_MONTH = ("förra månaden", "föregående månad", "last month")
RANGE = re.compile(r"^(?:från\s+)?(.+?)\s*(?:\btill\b|\bto\b|–|—|\s-\s)\s*(.+)$")
SINCE = re.compile(r"^(?:från|sedan|since|from)\s+(.+)$")
RECENT = re.compile(r"^(?:senaste|de senaste|sista|last)\s+(?:(\d+|\w+)\s+)?(\w+)$")
HALF = re.compile(r"^(våren|vår|vt|hösten|höst|ht)(?:\s*(\d{4}))?$")
MONTH = re.compile(r"^(" + "|".join(SV_MONTH_NAMES) + r")(?:\s+(\d{4}))?$")
SPRING_TERM, AUTUMN_TERM = (1, 6), (8, 12)  # vårtermin January–June, hösttermin August–December


class Comparison(StrEnum):
    """What a summary's period is compared with."""

    YEAR = "year"  # the same days a year earlier (the default)
    PREVIOUS = "previous"  # the period of the same length just before


@dataclass(frozen=True)
class Period:
    """Days from start to end, both included, and how to name them."""

    start: date
    end: date
    label: Text

    @property
    def days(self) -> int:
        """How many days the period has."""
        return (self.end - self.start).days + 1

    def previous(self) -> "Period":
        """The period of the same length that ends the day before this one starts."""
        end = self.start - timedelta(days=1)
        return Period(end - timedelta(days=self.days - 1), end, t("summary.period.previous"))

    def year_before(self) -> "Period":
        """The same days a year earlier (29 February becomes 28 February)."""
        return Period(_a_year_earlier(self.start), _a_year_earlier(self.end), t("summary.period.year_before"))

    def compared(self, comparison: Comparison) -> "Period":
        """The period this one is compared with."""
        return self.year_before() if comparison == Comparison.YEAR else self.previous()

    def months(self) -> list[tuple[int, int]]:
        """The (year, month) of every month the period touches, in order."""
        found, year, month = [], self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            found.append((year, month))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return found


def this_year(today: date) -> Period:
    """From 1 January to today."""
    return Period(date(today.year, 1, 1), today, t("summary.period.this_year", year=_year(today.year)))


def default_period(today: date, previous_meeting: date | None) -> Period:
    """Since the group's previous meeting, or this calendar year when it has had none."""
    if previous_meeting is None or previous_meeting > today:
        return this_year(today)
    return Period(previous_meeting, today, t("summary.period.since_meeting", date=previous_meeting))


def parse_period(text: str, today: date) -> Period:
    """The period the words name; a kind error explaining what works when they cannot be read."""
    words = " ".join(text.casefold().replace(",", " ").split()).strip(" .")
    for reader in (_named, _half_year, _month, _year_only, _recent, _since, _range):
        period = reader(words, today)
        if period is not None:
            return _checked(period, today)
    raise DomainError("summary.period_unknown", given=text.strip())


def _checked(period: Period, today: date) -> Period:
    if period.start > period.end:
        raise DomainError("summary.period_reversed", start=period.start, end=period.end)
    if period.start > today:
        raise DomainError("summary.period_future", start=period.start)
    return Period(period.start, min(period.end, today), period.label)


def _year(year: int) -> Plain:
    return Plain(str(year))


def _named(words: str, today: date) -> Period | None:
    if words in THIS_YEAR:
        return this_year(today)
    if words in LAST_YEAR:
        year = today.year - 1
        return Period(date(year, 1, 1), date(year, 12, 31), t("summary.period.last_year", year=_year(year)))
    first = today.replace(day=1)
    if words in THIS_MONTH:
        return Period(first, today, t("summary.period.this_month"))
    if words in LAST_MONTH:
        end = first - timedelta(days=1)
        return Period(end.replace(day=1), end, t("summary.period.last_month"))
    return None


def _half_year(words: str, today: date) -> Period | None:
    match = HALF.match(words)
    if match is None:
        return None
    year = int(match.group(2)) if match.group(2) else today.year
    (first, last), key = (SPRING_TERM, "spring") if match.group(1).startswith("v") else (AUTUMN_TERM, "autumn")
    end = date(year, last, calendar.monthrange(year, last)[1])
    return Period(date(year, first, 1), end, t(f"summary.period.{key}", year=_year(year)))


def _month(words: str, today: date) -> Period | None:
    match = MONTH.match(words)
    if match is None:
        return None
    month = SV_MONTH_NAMES.index(match.group(1)) + 1
    year = int(match.group(2)) if match.group(2) else today.year - (month > today.month)
    end = date(year, month, calendar.monthrange(year, month)[1])
    return Period(
        date(year, month, 1), end, t("summary.period.month", month=t(f"summary.month.{month}"), year=_year(year))
    )


def _year_only(words: str, today: date) -> Period | None:
    if not re.fullmatch(r"(?:år\s+)?\d{4}", words):
        return None
    year = int(words[-4:])
    return Period(date(year, 1, 1), date(year, 12, 31), t("summary.period.year", year=_year(year)))


def _recent(words: str, today: date) -> Period | None:
    match = RECENT.match(words)
    if match is None or match.group(2) not in UNITS:
        return None
    amount = match.group(1) or "1"
    count = int(amount) if amount.isdecimal() else NUMBER_WORDS.get(amount)
    if not count or count > 3650:
        return None
    unit = UNITS[match.group(2)]
    start = _BACK[unit](today, count) + timedelta(days=1)
    key = f"summary.period.last_{unit}_one" if count == 1 else f"summary.period.last_{unit}"
    return Period(start, today, t(key, count=count))


def _a_year_earlier(day: date) -> date:
    return day.replace(year=day.year - 1, day=28) if (day.month, day.day) == (2, 29) else day.replace(year=day.year - 1)


def _months_back(day: date, months: int) -> date:
    """The same day of the month `months` earlier (or that month's last day when it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


_BACK: dict[str, Callable[[date, int], date]] = {
    "days": lambda day, n: day - timedelta(days=n),
    "weeks": lambda day, n: day - timedelta(weeks=n),
    "months": _months_back,
    "years": lambda day, n: _months_back(day, 12 * n),
}


def _since(words: str, today: date) -> Period | None:
    match = SINCE.match(words)
    if match is None or RANGE.match(words):
        return None
    start = _past_date(match.group(1), today)
    return Period(start, today, t("summary.period.since", date=start)) if start else None


def _range(words: str, today: date) -> Period | None:
    match = RANGE.match(words)
    if match is None:
        return None
    start, end = _past_date(match.group(1), today), _past_date(match.group(2), today)
    if start is None or end is None:
        return None
    return Period(start, end, t("summary.period.range"))


def _past_date(text: str, today: date) -> date | None:
    """A date as typed; a day written without a year means its latest occurrence up to today."""
    day = parse_date(text.strip(), today)
    if day is None:
        return None
    if day > today and not re.search(r"\d{4}", text):
        with contextlib.suppress(ValueError):
            return day.replace(year=day.year - 1)
    return day
