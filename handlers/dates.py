"""Swedish dates and times the way people type them: "tisdag nästa vecka kl 13", "15/1 kl 9.30".

Never silently wrong: an ambiguous phrase comes back with `alternatives`, an impossible or contradicting one
("32 januari", "tisdagen den 9 december" when the 9th is a Wednesday) as None. Our grammar
(handlers.date_words) reads the phrase; dateparser is only asked about words the grammar does not know, and
never sees digits or times (alone it reads "32 januari" as 2032, drops the hour of "imorgon 14" and takes
"10:00-12:00" for a UTC-12 offset), never turns a period ("nästa månad") into a day, and for meetings must
not answer a past day.

Rules, in Europe/Stockholm wall-clock time:
- An hour 1–7 ("kl 3", "halv tre", "fredag 1-3") means 13–19, unless written "07" or said with "på morgonen",
  "fm" or "på natten"; "på eftermiddagen"/"på kvällen" move hours before 12 to the afternoon. Spoken times
  use a 12-hour clock ("halv ett" is 12.30). Alone, morgon is 08, förmiddag 09, lunch 12, eftermiddag 13 and
  kväll 18 (has_time=True).
- A lone number is an hour only next to a day ("torsdag 9"); "den 3" is a day. "10.12" is 10 December
  unless written "kl 10.12"; "10.30" is a time. A time without a day is today if ahead, else tomorrow.
- A date without a year that has passed is next year; passed within 30 days, this year's is an alternative.
  A week number already past is next year's. "nästa vecka" alone is Monday next week.
- "tisdag" on a Tuesday: today while the time is ahead, next week as alternative. "nästa tisdag": the next
  one, with the week after as alternative when the next one is in this week or at most two days away.
  "på tisdag om två veckor": Tuesday of the week two weeks ahead (next Tuesday + 14 days, if different,
  as alternative).
- Times that do not exist (02.30 when clocks go forward) are None; repeated ones (autumn) take the first.
- A period and nothing more precise ("nästa vecka", "vecka 49", "i januari", "början av februari", "i vår",
  "om en månad"; handlers.date_periods) is its start – today when it has begun – with `period_end` its last
  day: the caller asks which day. A time said with it is kept ("nästa vecka kl 10").
"""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

import dateparser

from handlers.date_periods import Span, named_period
from handlers.date_words import (
    EN_MONTH_NAMES,
    EN_WEEKDAY_NAMES,
    PART_HOURS,
    SV_MONTH_NAMES,
    SV_WEEKDAY_NAMES,
    VAGUE,
    Clock,
    Nth,
    Tokens,
    scan,
)
from handlers.formatting import LOCALES, format_day

STOCKHOLM = ZoneInfo("Europe/Stockholm")
_DAY, _WEEK = timedelta(days=1), timedelta(days=7)
_DATEPARSER_SETTINGS = {
    "PREFER_DATES_FROM": "future",
    "TIMEZONE": "Europe/Stockholm",
    "TO_TIMEZONE": "Europe/Stockholm",
    "RETURN_AS_TIMEZONE_AWARE": True,
    "DATE_ORDER": "DMY",
    "PREFER_DAY_OF_MONTH": "first",
}

Picked = tuple[date, list[date]]  # a day and the other days it could mean


@dataclass(frozen=True)
class When:
    """A point in time (or a range) someone named, in Europe/Stockholm."""

    start: datetime
    end: datetime | None = None
    has_time: bool = False
    alternatives: list[datetime] = field(default_factory=list, hash=False)
    period_end: date | None = None  # set when only a period was named: the day is still to be chosen

    @property
    def needs_day(self) -> bool:
        """Whether only a period was named, so someone must still say which day."""
        return self.period_end is not None


class DateRefusal(StrEnum):
    """Why a meeting time cannot be used."""

    PAST = "past"
    TOO_FAR = "too_far"


@dataclass(frozen=True)
class _Week:
    monday: date
    alone: date | None  # the day the phrase means without a weekday
    weeks_ahead: int | None = None  # "om två veckor"


def parse_when(text: str, now: datetime) -> When | None:
    """A meeting time from Swedish text, or None when not understood, impossible or contradicting."""
    now = _stockholm_now(now)
    tokens = scan(text)
    if tokens.error:
        return None
    if any(unit in ("hour", "minute") for _, unit in tokens.offsets):
        return _in_hours(tokens, now)
    times = _times(tokens)
    if times is None:
        return None
    span = named_period(tokens, now.date())
    if span is not None:
        return _period(span, times, now)
    picked = _pick_day(tokens, now, times[0])
    if picked is None:
        return None
    return _build(picked, times, now)


def parse_date(text: str, today: date) -> date | None:
    """A date-only answer for forms ("igår", "20/11", "i måndags"); past dates allowed; None if not understood."""
    tokens = scan(text)
    if tokens.error or tokens.timed or tokens.weeks or tokens.offsets or tokens.nths or tokens.days:
        return None
    if tokens.unknown:
        if tokens.dated:
            return None
        return _ask_dateparser(" ".join(tokens.rest), datetime.combine(today, time(12)), "current_period")
    found = [_nearest_ymd(y, m, d, today) for y, m, d in tokens.ymd] + [today + n * _DAY for n in tokens.rel]
    found += [_past_weekday(n, today) for n, mod in tokens.weekdays if mod == "past"]
    plain = [n for n, mod in tokens.weekdays if mod != "past"]
    day = found[0] if found and len(set(found)) == 1 else None
    return None if day is None or any(day.weekday() != n for n in plain) else day


def format_when(w: When, lang: str = "sv") -> str:
    """ "tisdag 1 december 2026 kl. 13.00–15.00" (sv) or "Tuesday 1 December 2026 at 13:00–15:00" (en)."""
    start = w.start.astimezone(STOCKHOLM)
    weekdays = _names(lang)[0]
    text = f"{weekdays[start.weekday()]} {format_date(start.date(), lang)}"
    if not w.has_time:
        return text
    sep = "." if lang == "sv" else ":"
    clock = f"{start.hour:02d}{sep}{start.minute:02d}"
    if w.end is not None:
        end = w.end.astimezone(STOCKHOLM)
        clock += f"–{end.hour:02d}{sep}{end.minute:02d}"
    return f"{text} kl. {clock}" if lang == "sv" else f"{text} at {clock}"


def format_date(d: date, lang: str = "sv") -> str:
    """ "1 december 2026" (sv) or "1 December 2026" (en), as Babel writes a day (handlers.formatting)."""
    if lang not in LOCALES:
        raise ValueError(f"unknown language: {lang!r}")
    return format_day(d, lang)


def check_meeting_time(w: When, now: datetime) -> DateRefusal | None:
    """Why a meeting cannot be at `w`: "past", "too_far" (more than two years ahead), or None when fine."""
    now = _stockholm_now(now)
    start = w.start.astimezone(STOCKHOLM)
    if start.date() < now.date() or (w.has_time and start < now):
        return DateRefusal.PAST
    limit = _safe_date(now.year + 2, now.month, now.day) or date(now.year + 2, 2, 28)
    if start.date() > limit:
        return DateRefusal.TOO_FAR
    return None


def _names(lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if lang == "sv":
        return SV_WEEKDAY_NAMES, SV_MONTH_NAMES
    if lang == "en":
        return EN_WEEKDAY_NAMES, EN_MONTH_NAMES
    raise ValueError(f"unknown language: {lang!r}")


def _stockholm_now(now: datetime) -> datetime:
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    return now.astimezone(STOCKHOLM)


def _local(day: date, at: time) -> datetime | None:
    """A wall-clock time in Stockholm, or None when it does not exist (the hour skipped in spring)."""
    moment = datetime.combine(day, at, tzinfo=STOCKHOLM)
    back = moment.astimezone(UTC).astimezone(STOCKHOLM)
    return moment if back.replace(tzinfo=None) == moment.replace(tzinfo=None) else None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _in_hours(tokens: Tokens, now: datetime) -> When | None:
    """ "om 2 timmar", "om 30 minuter": elapsed time from now, and nothing else in the phrase."""
    others = tokens.ymd or tokens.days or tokens.rel or tokens.weeks or tokens.weekdays or tokens.nths
    if len(tokens.offsets) != 1 or others or tokens.timed or tokens.unknown:
        return None
    n, unit = tokens.offsets[0]
    delta = timedelta(hours=n) if unit == "hour" else timedelta(minutes=n)
    start = (now.astimezone(UTC) + delta).astimezone(STOCKHOLM).replace(second=0, microsecond=0)
    return When(start=start, has_time=True)


def _with_part(c: Clock, part: str | None) -> time | None:
    """The time a written clock means, given the part of the day said with it and the afternoon rule."""
    hour = c.hour
    if part in ("morning", "forenoon"):
        if hour >= 12:
            return None
    elif part in ("afternoon", "evening"):
        hour += 12 if hour < 12 else 0
    elif part != "night" and not c.padded and 1 <= hour <= 7:
        hour += 12
    return time(hour, c.minute)


def _times(tokens: Tokens) -> tuple[time | None, time | None] | None:
    """Start and end time of day, (None, None) without a time, or None when impossible or contradicting."""
    if len(tokens.parts) > 1:
        return None
    part = tokens.parts[0] if tokens.parts else None
    written = [(c, None) for c in tokens.clocks] + list(tokens.ranges) + [(c, None) for c in tokens.bare]
    if len(written) > 1:
        return None
    if not written:
        if part is None:
            return None, None
        hour = PART_HOURS[part]
        return None if hour is None else (time(hour), None)
    first, last = written[0]
    start = _with_part(first, part)
    end = _with_part(last, part) if last else None
    if start is None or (last and end is None):
        return None
    if end is not None and end <= start:
        end = time(end.hour + 12, end.minute) if end.hour < 12 else None
        if end is None or end <= start:
            return None
    return start, end


def _pick_day(tokens: Tokens, now: datetime, at: time | None) -> Picked | None:
    """The day the phrase names, with the other days it could mean."""
    today = now.date()
    if tokens.unknown:
        if tokens.dated:
            return None
        day = _ask_dateparser(" ".join(tokens.rest), now.replace(tzinfo=None), "future")
        return (day, []) if day is not None and day >= today else None
    if not tokens.dated:
        if at is None or tokens.bare:
            return None
        moment = _local(today, at)
        return (today, []) if moment is not None and moment > now else (today + _DAY, [])
    return _combine(tokens, now, at)


def _ask_dateparser(fragment: str, base: datetime, prefer: str) -> date | None:
    """dateparser's reading of words our grammar does not know, refused when it could be silently wrong."""
    words = fragment.split()
    if not words or any(ch.isdigit() for ch in fragment) or VAGUE & set(words):
        return None
    settings = {**_DATEPARSER_SETTINGS, "PREFER_DATES_FROM": prefer, "RELATIVE_BASE": base}
    found = dateparser.parse(fragment, languages=["sv"], settings=settings)
    return None if found is None else found.astimezone(STOCKHOLM).date()


def _combine(tokens: Tokens, now: datetime, at: time | None) -> Picked | None:
    today = now.date()
    calendar = _calendar_days(tokens, today)
    weeks = _weeks(tokens, today)
    if calendar is None or weeks is None or len(weeks) > 1 or len(tokens.weekdays) > 1:
        return None
    weekday = tokens.weekdays[0] if tokens.weekdays else None
    if calendar:
        return _check_calendar(calendar, weeks, weekday)
    if weeks:
        return _in_week(weeks[0], weekday, today)
    assert weekday is not None
    return _weekday(weekday, now, at)


def _calendar_days(tokens: Tokens, today: date) -> list[Picked] | None:
    found: list[Picked | None] = [_future_ymd(y, m, d, today) for y, m, d in tokens.ymd]
    found += [_day_of_month(d, today) for d in tokens.days]
    found += [(today + n * _DAY, []) for n in tokens.rel]
    found += [(today + n * _DAY, []) for n, unit in tokens.offsets if unit == "day"]
    found += [(_add_months(today, n), []) for n, unit in tokens.offsets if unit == "month"]
    found += [_nth_day(nth, today) for nth in tokens.nths]
    return None if any(f is None for f in found) else [f for f in found if f is not None]


def _check_calendar(calendar: list[Picked], weeks: list[_Week], weekday: tuple[int, str] | None) -> Picked | None:
    """Several names for the same day must agree: "tisdagen den 8 december", "imorgon den 24"."""
    day, alternatives = calendar[0]
    if any(other != day for other, _ in calendar[1:]):
        return None
    if len(calendar) > 1:
        alternatives = []
    if weeks and not weeks[0].monday <= day < weeks[0].monday + _WEEK:
        return None
    if weekday is not None:
        if day.weekday() != weekday[0]:
            return None
        alternatives = [a for a in alternatives if a.weekday() == weekday[0]]
    return day, alternatives


def _future_ymd(year: int | None, month: int, day: int, today: date) -> Picked | None:
    if year is not None:
        found = _safe_date(year, month, day)
        return None if found is None else (found, [])
    this_year = _safe_date(today.year, month, day)
    if this_year is not None and this_year >= today:
        return this_year, []
    for later in range(today.year + 1, today.year + 5):
        found = _safe_date(later, month, day)
        if found is not None:
            recent = this_year is not None and (today - this_year).days <= 30
            return found, [this_year] if recent and this_year else []
    return None


def _nearest_ymd(year: int | None, month: int, day: int, today: date) -> date | None:
    if year is not None:
        return _safe_date(year, month, day)
    found = [d for y in (today.year - 1, today.year, today.year + 1) if (d := _safe_date(y, month, day))]
    return min(found, key=lambda d: (abs((d - today).days), d > today)) if found else None


def _day_of_month(day: int, today: date) -> Picked | None:
    year, month = today.year, today.month
    for _ in range(3):
        found = _safe_date(year, month, day)
        if found is not None and found >= today:
            return found, []
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None


def _add_months(day: date, n: int) -> date:
    """The same day n months later, or the month's last day when it has no such day."""
    year, month = day.year + (day.month - 1 + n) // 12, (day.month - 1 + n) % 12 + 1
    for last in (day.day, 30, 29, 28):
        found = _safe_date(year, month, min(day.day, last))
        if found is not None:
            return found
    raise AssertionError("unreachable")


def _nth_weekday(year: int, month: int, n: int, weekday: int) -> date | None:
    if n == -1:
        last = _add_months(date(year, month, 1), 1) - _DAY
        return last - ((last.weekday() - weekday) % 7) * _DAY
    first = date(year, month, 1)
    found = first + ((weekday - first.weekday()) % 7 + 7 * (n - 1)) * _DAY
    return found if found.month == month else None


def _nth_day(nth: Nth, today: date) -> Picked | None:
    if nth.month is None:
        start = _add_months(today.replace(day=1), nth.month_shift)
        found = _nth_weekday(start.year, start.month, nth.n, nth.weekday)
    else:
        found = _nth_weekday(nth.year or today.year, nth.month, nth.n, nth.weekday)
        if found is not None and found < today and nth.year is None:
            found = _nth_weekday(today.year + 1, nth.month, nth.n, nth.weekday)
    return None if found is None else (found, [])


def _monday(day: date) -> date:
    return day - day.weekday() * _DAY


def _weeks(tokens: Tokens, today: date) -> list[_Week] | None:
    found: list[_Week] = []
    for kind, number in tokens.weeks:
        if kind == "iso":
            year, current, _ = today.isocalendar()
            try:
                monday = date.fromisocalendar(year + (number < current), number, 1)
            except ValueError:
                return None
            found.append(_Week(monday, monday))
        else:
            monday = _monday(today) + (_WEEK if kind == "next" else timedelta(0))
            found.append(_Week(monday, monday if kind == "next" else None))
    for n, unit in tokens.offsets:
        if unit == "week":
            found.append(_Week(_monday(today + n * _WEEK), today + n * _WEEK, n))
    return found


def _in_week(week: _Week, weekday: tuple[int, str] | None, today: date) -> Picked | None:
    if weekday is None:
        return None if week.alone is None else (week.alone, [])
    n, mod = weekday
    if mod in ("next", "past"):
        return None
    day = week.monday + n * _DAY
    if week.weeks_ahead is None:
        return day, []
    other = today + ((n - today.weekday()) % 7 + 7 * week.weeks_ahead) * _DAY
    return day, [other] if other != day else []


def _past_weekday(n: int, today: date) -> date:
    return today - ((today.weekday() - n - 1) % 7 + 1) * _DAY


def _weekday(weekday: tuple[int, str], now: datetime, at: time | None) -> Picked:
    """A weekday on its own: "tisdag", "på tisdag", "nästa tisdag", "i tisdags", "denna tisdag"."""
    n, mod = weekday
    today = now.date()
    if mod == "past":
        return _past_weekday(n, today), []
    if mod == "this":
        return _monday(today) + n * _DAY, []
    ahead = today + ((n - today.weekday() - 1) % 7 + 1) * _DAY
    if mod == "next":
        same_week = ahead.isocalendar()[:2] == today.isocalendar()[:2]
        return (ahead, [ahead + _WEEK]) if same_week or (ahead - today).days <= 2 else (ahead, [])
    if today.weekday() != n:
        return ahead, []
    moment = _local(today, at) if at is not None else None
    if at is not None and (moment is None or moment <= now):
        return ahead, []
    return today, [ahead]


def _period(span: Span, times: tuple[time | None, time | None], now: datetime) -> When | None:
    """The start of a period (its first day still to come, at the time given) marked with its last day."""
    at, until = times
    today = now.date()
    day = max(span.first, today) if span.last >= today else span.first
    moment = _local(day, at) if at is not None else None
    if day == today and at is not None and (moment is None or moment <= now) and day < span.last:
        day += _DAY
    return _build((day, []), times, now, period_end=span.last)


def _build(
    picked: Picked, times: tuple[time | None, time | None], now: datetime, period_end: date | None = None
) -> When | None:
    day, others = picked
    at, until = times
    start = _local(day, at or time(0))
    end = _local(day, until) if until is not None else None
    if start is None or (until is not None and end is None):
        return None
    alternatives = [a for d in others if (a := _local(d, at or time(0))) is not None]
    return When(start=start, end=end, has_time=at is not None, alternatives=alternatives, period_end=period_end)
