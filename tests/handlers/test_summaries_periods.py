"""Summary periods from what people type, the default period, and the previous period of the same length."""

from datetime import date

import pytest

from bot.catalogue import Catalogue
from handlers.errors import DomainError
from handlers.summaries.periods import Comparison, default_period, parse_period

TODAY = date(2026, 11, 23)


def label(text: str) -> str:
    return Catalogue.for_console("sv", str).render(parse_period(text, TODAY).label)


@pytest.mark.parametrize(
    ("typed", "start", "end"),
    [
        ("i år", date(2026, 1, 1), TODAY),
        ("I år.", date(2026, 1, 1), TODAY),
        ("förra året", date(2025, 1, 1), date(2025, 12, 31)),
        ("i fjol", date(2025, 1, 1), date(2025, 12, 31)),
        ("2024", date(2024, 1, 1), date(2024, 12, 31)),
        ("hösten 2026", date(2026, 8, 1), TODAY),
        ("hösten 2025", date(2025, 8, 1), date(2025, 12, 31)),
        ("våren 2026", date(2026, 1, 1), date(2026, 6, 30)),
        ("vt 2026", date(2026, 1, 1), date(2026, 6, 30)),
        ("hösten", date(2026, 8, 1), TODAY),
        ("från 2026-01-01 till 2026-06-30", date(2026, 1, 1), date(2026, 6, 30)),
        ("2026-01-01–2026-06-30", date(2026, 1, 1), date(2026, 6, 30)),
        ("från 1 mars till 31 maj", date(2026, 3, 1), date(2026, 5, 31)),
        ("från 1 december till 31 januari", date(2025, 12, 1), date(2026, 1, 31)),
        ("sedan 2026-09-01", date(2026, 9, 1), TODAY),
        ("senaste 90 dagarna", date(2026, 8, 26), TODAY),
        ("senaste tre månaderna", date(2026, 8, 24), TODAY),
        ("senaste månaden", date(2026, 10, 24), TODAY),
        ("senaste 2 veckorna", date(2026, 11, 10), TODAY),
        ("senaste året", date(2025, 11, 24), TODAY),
        ("förra månaden", date(2026, 10, 1), date(2026, 10, 31)),
        ("den här månaden", date(2026, 11, 1), TODAY),
        ("oktober", date(2026, 10, 1), date(2026, 10, 31)),
        ("december", date(2025, 12, 1), date(2025, 12, 31)),
        ("februari 2024", date(2024, 2, 1), date(2024, 2, 29)),
        ("last 30 days", date(2026, 10, 25), TODAY),
    ],
)
def test_periods_people_type(typed: str, start: date, end: date) -> None:
    period = parse_period(typed, TODAY)
    assert (period.start, period.end) == (start, end)


def test_labels_say_which_period_it_is() -> None:
    assert label("i år") == "i år (2026)"
    assert label("hösten 2026") == "hösten 2026 (höstterminen, augusti–december)", "what was counted"
    assert label("vt 2026") == "våren 2026 (vårterminen, januari–juni)"
    assert label("senaste 90 dagarna") == "senaste 90 dagarna"
    assert label("senaste månaden") == "senaste månaden"
    assert label("oktober") == "oktober 2026"


def test_the_previous_period_has_the_same_length_and_ends_the_day_before() -> None:
    period = parse_period("från 2026-01-01 till 2026-06-30", TODAY)
    previous = period.previous()
    assert previous.end == date(2025, 12, 31) and previous.days == period.days == 181
    assert previous.start == date(2025, 7, 4)
    assert period.months()[0] == (2026, 1) and period.months()[-1] == (2026, 6) and len(period.months()) == 6


def test_by_default_a_period_is_compared_with_the_same_days_a_year_earlier() -> None:
    this_year = parse_period("i år", date(2026, 12, 1))
    assert (this_year.year_before().start, this_year.year_before().end) == (date(2026 - 1, 1, 1), date(2025, 12, 1))
    autumn = parse_period("hösten 2026", TODAY).compared(Comparison.YEAR)
    assert (autumn.start, autumn.end) == (date(2025, 8, 1), date(2025, 11, 23))
    leap = parse_period("februari 2028", date(2028, 3, 1)).year_before()
    assert (leap.start, leap.end) == (date(2027, 2, 1), date(2027, 2, 28)), "29 February a year earlier is the 28th"
    previous = parse_period("hösten 2026", TODAY).compared(Comparison.PREVIOUS)
    assert (previous.start, previous.end) == (date(2026, 4, 8), date(2026, 7, 31)), "115 days before 1 August"


def test_autumn_starts_in_august_and_july_belongs_to_neither_term() -> None:
    with pytest.raises(DomainError) as raised:
        parse_period("hösten", date(2026, 7, 15))
    assert raised.value.text.key == "summary.period_future"
    assert parse_period("våren", date(2026, 7, 15)).end == date(2026, 6, 30)


def test_a_period_that_has_not_started_is_refused_kindly() -> None:
    with pytest.raises(DomainError) as raised:
        parse_period("våren 2027", TODAY)
    assert raised.value.text.key == "summary.period_future"
    assert parse_period("våren 2027", date(2027, 3, 15)).end == date(2027, 3, 15)


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("någon gång", "summary.period_unknown"),
        ("senaste 90 katterna", "summary.period_unknown"),
        ("från 2026-06-30 till 2026-01-01", "summary.period_reversed"),
    ],
)
def test_periods_that_cannot_be_read_say_what_works(typed: str, key: str) -> None:
    with pytest.raises(DomainError) as raised:
        parse_period(typed, TODAY)
    assert raised.value.text.key == key


def test_the_default_is_since_the_previous_meeting_or_this_calendar_year() -> None:
    assert (default_period(TODAY, None).start, default_period(TODAY, None).end) == (date(2026, 1, 1), TODAY)
    since = default_period(TODAY, date(2026, 9, 15))
    assert (since.start, since.end) == (date(2026, 9, 15), TODAY)
    rendered = Catalogue.for_console("sv", str).render(since.label)
    assert rendered == "sedan förra mötet (15 september 2026)"
