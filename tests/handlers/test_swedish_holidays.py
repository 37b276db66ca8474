"""The Swedish days off that a meeting is not offered on, checked against the published calendar."""

from datetime import date

import pytest

from handlers.date_periods import Span, weekdays_in
from handlers.swedish_holidays import days_off, is_day_off

PUBLISHED = {  # the weekday-relevant days off, as the almanac prints them
    2026: ["01-01", "01-06", "04-03", "04-06", "05-01", "05-14", "06-06", "06-19", "12-24", "12-25", "12-26", "12-31"],
    2027: ["01-01", "01-06", "03-26", "03-29", "05-01", "05-06", "06-06", "06-25", "12-24", "12-25", "12-26", "12-31"],
    2030: ["01-01", "01-06", "04-19", "04-22", "05-01", "05-30", "06-06", "06-21", "12-24", "12-25", "12-26", "12-31"],
}


@pytest.mark.parametrize("year", list(PUBLISHED))
def test_the_days_off_are_the_almanacs(year: int) -> None:
    assert sorted(days_off(year)) == [date.fromisoformat(f"{year}-{day}") for day in PUBLISHED[year]]


def test_an_ordinary_day_and_a_weekend_are_not_holidays() -> None:
    assert not is_day_off(date(2026, 12, 1))
    assert not is_day_off(date(2026, 6, 20))  # midsommardagen is a Saturday: not a weekday to skip anyway


def test_the_days_offered_around_christmas_skip_the_holidays() -> None:
    offered = weekdays_in(Span(date(2026, 12, 21), date(2027, 1, 10)), date(2026, 12, 1), limit=10)
    assert offered == [
        date(2026, 12, 21), date(2026, 12, 22), date(2026, 12, 23), date(2026, 12, 28), date(2026, 12, 29),
        date(2026, 12, 30), date(2027, 1, 4), date(2027, 1, 5), date(2027, 1, 7), date(2027, 1, 8),
    ]  # fmt: skip
