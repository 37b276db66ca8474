"""Meeting times named only as a period: "i januari", "början av februari", "nästa vecka", "i vår", "om en månad".

A period is not a day, so it is never turned into one silently: `parse_when` returns its start (today when the
period has begun) marked with the period's last day, and the meeting conversation asks which day, offering the
period's first weekdays. Spring (våren) is January–June and autumn (hösten) July–December, as in summaries;
"början av" is days 1–10 of a month, "mitten av" 11–20 and "slutet av" 21 to the end. "om en månad" is the
week a month from today.
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from handlers.date_words import MONTHS, Tokens
from handlers.swedish_holidays import is_day_off

_WEEK = timedelta(days=7)
_PART = r"(?:(?P<part>början|mitten|slutet)\s+av\s+)?"
_LEAD = r"^(?:någon\s+gång\s+|under\s+|till\s+|efter\s+)?"
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
PERIOD = re.compile(
    _LEAD
    + _PART
    + r"(?:(?P<next_month>nästa\s+)?(?P<this_month>månaden|månad)"
    + r"|(?P<month>"
    + _MONTH_NAMES
    + r")(?:\s+(?P<month_year>\d{4}))?"
    + r"|(?P<next_half>nästa\s+)?(?P<half>våren|vår|vt|hösten|höst|ht)(?:\s+(?P<half_year>\d{4}))?)$"
)
PARTS = {"början": (1, 10), "mitten": (11, 20), "slutet": (21, 31)}
SPRING = ("våren", "vår", "vt")


@dataclass(frozen=True)
class Span:
    """The days of a period, both ends included."""

    first: date
    last: date


def named_period(tokens: Tokens, today: date) -> Span | None:
    """The period a phrase names and nothing more precise (no weekday, no date), or None."""
    precise = tokens.ymd or tokens.days or tokens.rel or tokens.weekdays or tokens.nths
    if precise:
        return None
    if tokens.weeks and not tokens.offsets and not tokens.unknown and len(tokens.weeks) == 1:
        return _week(tokens.weeks[0], today)
    if tokens.offsets and not tokens.weeks and not tokens.unknown and len(tokens.offsets) == 1:
        n, unit = tokens.offsets[0]
        return _week_of(_add_months(today, n)) if unit == "month" else None
    if tokens.unknown and not tokens.weeks and not tokens.offsets and not (tokens.bare or tokens.ranges):
        return _words(" ".join(tokens.unknown), today)  # "sept 3", "3-4 december": a day was meant
    return None


def _week(week: tuple[str, int], today: date) -> Span | None:
    kind, number = week
    monday = today - timedelta(days=today.weekday())
    if kind == "next":
        return _week_of(monday + _WEEK)
    if kind == "this":
        return Span(today, monday + timedelta(days=6))
    year, current, _ = today.isocalendar()
    try:
        return _week_of(date.fromisocalendar(year + (number < current), number, 1))
    except ValueError:
        return None


def _week_of(day: date) -> Span:
    monday = day - timedelta(days=day.weekday())
    return Span(monday, monday + timedelta(days=6))


def _words(words: str, today: date) -> Span | None:
    found = PERIOD.match(words)
    if found is None:
        return None
    if found["this_month"]:
        year, month = (today.year, today.month) if not found["next_month"] else _month_after(today)
        span = _month(year, month)
    elif found["month"]:
        month = MONTHS[found["month"]]
        year = int(found["month_year"]) if found["month_year"] else today.year + (month < today.month)
        span = _month(year, month)
    else:
        span = _half(found["half"] in SPRING, found["half_year"], bool(found["next_half"]), today)
    return _part_of(span, found["part"]) if found["part"] else span


def _month(year: int, month: int) -> Span:
    return Span(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))


def _month_after(day: date) -> tuple[int, int]:
    return (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)


def _half(spring: bool, year_text: str | None, following: bool, today: date) -> Span:
    """The spring or autumn meant: the one named, else this year's unless it is over (or said "nästa")."""
    months = (1, 6) if spring else (7, 12)
    year = int(year_text) if year_text else today.year
    over = today > date(year, months[1], calendar.monthrange(year, months[1])[1])
    started = today >= date(year, months[0], 1)
    if not year_text and (over or (following and started)):
        year += 1
    return Span(date(year, months[0], 1), date(year, months[1], calendar.monthrange(year, months[1])[1]))


def _part_of(span: Span, part: str) -> Span:
    """ "början av februari": days 1–10; of a half year ("början av våren"), its first or last month."""
    if span.first.month != span.last.month:
        if part == "mitten":
            return span
        month = span.first if part == "början" else span.last
        return _month(month.year, month.month)
    low, high = PARTS[part]
    return Span(span.first.replace(day=low), span.first.replace(day=min(high, span.last.day)))


def _add_months(day: date, n: int) -> date:
    year, month = day.year + (day.month - 1 + n) // 12, (day.month - 1 + n) % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def weekdays_in(span: Span, start: date, limit: int = 5) -> list[date]:
    """The first working days (Monday–Friday, not a holiday or julafton) of the period from `start`: the days
    offered to pick from."""
    days: list[date] = []
    day = max(span.first, start)
    while day <= span.last and len(days) < limit:
        if day.weekday() < 5 and not is_day_off(day):
            days.append(day)
        day += timedelta(days=1)
    return days
