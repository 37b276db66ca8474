"""Swedish days off that fall on a weekday: the public holidays, and the eves most offices close for.

A meeting is not offered on them. Easter comes from dateutil (already installed with dateparser); the rest are
fixed dates or "the Friday between". The `holidays` package knows the same days but imports every country it has
(0.3 s), which every worker would pay at start.
"""

from datetime import date, timedelta
from functools import cache

from dateutil.easter import easter

_FIXED = ((1, 1), (1, 6), (5, 1), (6, 6), (12, 24), (12, 25), (12, 26), (12, 31))
"""Nyårsdagen, trettondedag jul, första maj, nationaldagen, julafton, juldagen, annandag jul, nyårsafton."""


def is_day_off(day: date) -> bool:
    """Whether the day is a Swedish public holiday or a de facto one (midsommarafton, julafton, nyårsafton)."""
    return day in days_off(day.year)


@cache
def days_off(year: int) -> frozenset[date]:
    """The year's holidays and eves that are days off."""
    sunday = easter(year)
    moving = {
        sunday - timedelta(days=2),  # långfredagen
        sunday + timedelta(days=1),  # annandag påsk
        sunday + timedelta(days=39),  # Kristi himmelsfärdsdag
        _friday_between(date(year, 6, 19), date(year, 6, 25)),  # midsommarafton
    }
    return frozenset({date(year, month, day) for month, day in _FIXED} | moving)


def _friday_between(first: date, last: date) -> date:
    day = first
    while day.weekday() != 4 and day < last:
        day += timedelta(days=1)
    return day
