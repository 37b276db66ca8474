"""Swedish dates the way people type them: parse_when, parse_date, formatting, and which meeting times are refused."""

from datetime import UTC, date, datetime, timedelta

import pytest

from handlers import dates
from handlers.date_words import normalize
from handlers.dates import (
    STOCKHOLM,
    DateRefusal,
    When,
    check_meeting_time,
    format_date,
    format_when,
    parse_date,
    parse_when,
)

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=STOCKHOLM)  # a Monday, ISO week 48


def at(y: int, m: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    """A wall-clock time in Stockholm."""
    return datetime(y, m, d, h, mi, tzinfo=STOCKHOLM)


def day(y: int, m: int, d: int, *alternatives: datetime) -> When:
    """A date without a time of day."""
    return When(start=at(y, m, d), has_time=False, alternatives=list(alternatives))


def timed(start: datetime, end: datetime | None = None, *alternatives: datetime) -> When:
    """A date with a time of day (and maybe an end)."""
    return When(start=start, end=end, has_time=True, alternatives=list(alternatives))


PHRASES = [
    # the phrases from the issue
    ("tisdag nästa vecka kl 13", timed(at(2026, 12, 1, 13))),
    ("imorgon 14", timed(at(2026, 11, 24, 14))),
    ("den 3 december kl 10", timed(at(2026, 12, 3, 10))),
    ("15/1 kl 9.30", timed(at(2027, 1, 15, 9, 30))),
    ("v. 3 onsdag", day(2027, 1, 20)),
    ("vecka 48 torsdag", day(2026, 11, 26)),
    ("halv tre på torsdag", timed(at(2026, 11, 26, 14, 30))),
    ("kvart över nio imorgon", timed(at(2026, 11, 24, 9, 15))),
    ("fredag 10–12", timed(at(2026, 11, 27, 10), at(2026, 11, 27, 12))),
    ("första måndagen i december", day(2026, 12, 7)),
    ("tisdagen den 8 december", day(2026, 12, 8)),
    ("om två veckor", day(2026, 12, 7)),
    # ranges: en dash, hyphen, minutes, "till", "mellan … och", the afternoon rule on both ends
    ("fredag 10-12", timed(at(2026, 11, 27, 10), at(2026, 11, 27, 12))),
    ("fredag 10:00-12:00", timed(at(2026, 11, 27, 10), at(2026, 11, 27, 12))),
    ("13.00–15.30 torsdag", timed(at(2026, 11, 26, 13), at(2026, 11, 26, 15, 30))),
    ("kl 9 till 11 på fredag", timed(at(2026, 11, 27, 9), at(2026, 11, 27, 11))),
    ("mellan 9 och 11 imorgon", timed(at(2026, 11, 24, 9), at(2026, 11, 24, 11))),
    ("fredag 1-3", timed(at(2026, 11, 27, 13), at(2026, 11, 27, 15))),
    ("kl. 10-2 på onsdag", timed(at(2026, 11, 25, 10), at(2026, 11, 25, 14))),
    ("tisdag kl 13-15", timed(at(2026, 11, 24, 13), at(2026, 11, 24, 15))),
    ("tisdag 1/12 kl 13-15", timed(at(2026, 12, 1, 13), at(2026, 12, 1, 15))),
    ("1 december 2026 kl 13:00-15:00", timed(at(2026, 12, 1, 13), at(2026, 12, 1, 15))),
    # spoken times (12-hour clock, then the afternoon rule for 1–7)
    ("kvart i tio på onsdag", timed(at(2026, 11, 25, 9, 45))),
    ("fem över nio imorgon", timed(at(2026, 11, 24, 9, 5))),
    ("tjugo i tio imorgon", timed(at(2026, 11, 24, 9, 40))),
    ("fem i halv tre på fredag", timed(at(2026, 11, 27, 14, 25))),
    ("halv ett imorgon", timed(at(2026, 11, 24, 12, 30))),
    ("klockan tre på torsdag", timed(at(2026, 11, 26, 15))),
    # bare hours, "kl", leading zero, parts of the day as modifiers
    ("torsdag 9", timed(at(2026, 11, 26, 9))),
    ("kl 7.30 imorgon", timed(at(2026, 11, 24, 19, 30))),
    ("kl 07.30 imorgon", timed(at(2026, 11, 24, 7, 30))),
    ("kl 8 på morgonen imorgon", timed(at(2026, 11, 24, 8))),
    ("kl 3 på eftermiddagen på fredag", timed(at(2026, 11, 27, 15))),
    ("klockan sju på kvällen på fredag", timed(at(2026, 11, 27, 19))),
    ("i eftermiddag kl 3", timed(at(2026, 11, 23, 15))),
    ("kl 3 em", timed(at(2026, 11, 23, 15))),
    ("kl 14", timed(at(2026, 11, 23, 14))),
    ("kl 9", timed(at(2026, 11, 24, 9))),  # 9 has passed today: tomorrow
    # parts of the day alone
    ("på förmiddagen imorgon", timed(at(2026, 11, 24, 9))),
    ("fredag eftermiddag", timed(at(2026, 11, 27, 13))),
    ("lunch på onsdag", timed(at(2026, 11, 25, 12))),
    ("imorgon bitti", timed(at(2026, 11, 24, 8))),
    ("torsdag kväll", timed(at(2026, 11, 26, 18))),
    ("ikväll", timed(at(2026, 11, 23, 18))),
    ("i eftermiddag", timed(at(2026, 11, 23, 13))),
    # relative
    ("idag", day(2026, 11, 23)),
    ("idag kl 15", timed(at(2026, 11, 23, 15))),
    ("imorgon", day(2026, 11, 24)),
    ("i övermorgon", day(2026, 11, 25)),
    ("om 3 dagar", day(2026, 11, 26)),
    ("om en vecka", day(2026, 11, 30)),
    ("om 2 timmar", timed(at(2026, 11, 23, 12))),
    # week numbers (a week already past means next year)
    ("onsdag v 50", day(2026, 12, 9)),
    # weekdays
    ("på tisdag", day(2026, 11, 24)),
    ("nästa tisdag", day(2026, 11, 24, at(2026, 12, 1))),
    ("nästa fredag kl 9", timed(at(2026, 11, 27, 9), None, at(2026, 12, 4, 9))),
    ("måndag", day(2026, 11, 23, at(2026, 11, 30))),
    ("måndag kl 11", timed(at(2026, 11, 23, 11), None, at(2026, 11, 30, 11))),
    ("måndag kl 9", timed(at(2026, 11, 30, 9))),
    ("torsdag den här veckan", day(2026, 11, 26)),
    ("på tisdag om två veckor", day(2026, 12, 8)),
    # ordinals
    ("sista fredagen i december", day(2026, 12, 25)),
    ("andra tisdagen i januari", day(2027, 1, 12)),
    ("första måndagen i november", day(2027, 11, 1)),
    ("sista måndagen i månaden", day(2026, 11, 30)),
    ("första fredagen i nästa månad", day(2026, 12, 4)),
    ("3:e måndagen i december kl 10", timed(at(2026, 12, 21, 10))),
    # dates with month names, day only, numeric day-first dates
    ("den 3 december", day(2026, 12, 3)),
    ("3 dec kl 13.00", timed(at(2026, 12, 3, 13))),
    ("den 3:e", day(2026, 12, 3)),
    ("den 30", day(2026, 11, 30)),
    ("15/1", day(2027, 1, 15)),
    ("15/1 2027 kl 10", timed(at(2027, 1, 15, 10))),
    ("15/1-27", day(2027, 1, 15)),
    ("2027-01-15 kl 8", timed(at(2027, 1, 15, 8))),
    ("15.1", day(2027, 1, 15)),
    ("24.12 kl 9", timed(at(2026, 12, 24, 9))),
    ("onsdag den 2 december 2026 kl. 9.30", timed(at(2026, 12, 2, 9, 30))),
    ("imorgon den 24", day(2026, 11, 24)),
    ("29 februari", day(2028, 2, 29)),
    ("20 nov", day(2027, 11, 20, at(2026, 11, 20))),  # passed three days ago: next year, or a typo
    ("23 november kl 9", timed(at(2026, 11, 23, 9))),  # today, already past: check_meeting_time says so
    ("Tisdag Nästa Vecka Kl. 13!", timed(at(2026, 12, 1, 13))),
    ("tisd kl 13", timed(at(2026, 11, 24, 13))),  # "tisd" only dateparser knows
]


PERIODS = [
    # a period and nothing more precise: its start (today when it has begun), and its last day
    ("nästa vecka", date(2026, 11, 30), date(2026, 12, 6)),
    ("vecka 49", date(2026, 11, 30), date(2026, 12, 6)),
    ("v47", date(2027, 11, 22), date(2027, 11, 28)),
    ("i veckan", date(2026, 11, 23), date(2026, 11, 29)),
    ("om en månad", date(2026, 12, 21), date(2026, 12, 27)),
    ("i januari", date(2027, 1, 1), date(2027, 1, 31)),
    ("januari", date(2027, 1, 1), date(2027, 1, 31)),
    ("någon gång i januari", date(2027, 1, 1), date(2027, 1, 31)),
    ("i december", date(2026, 12, 1), date(2026, 12, 31)),
    ("december", date(2026, 12, 1), date(2026, 12, 31)),
    ("i november", date(2026, 11, 23), date(2026, 11, 30)),
    ("nästa månad", date(2026, 12, 1), date(2026, 12, 31)),
    ("slutet av månaden", date(2026, 11, 23), date(2026, 11, 30)),
    ("början av februari", date(2027, 2, 1), date(2027, 2, 10)),
    ("i mitten av mars", date(2027, 3, 11), date(2027, 3, 20)),
    ("i slutet av januari", date(2027, 1, 21), date(2027, 1, 31)),
    ("februari 2028", date(2028, 2, 1), date(2028, 2, 29)),
    ("i vår", date(2027, 1, 1), date(2027, 6, 30)),
    ("till våren", date(2027, 1, 1), date(2027, 6, 30)),
    ("i höst", date(2026, 11, 23), date(2026, 12, 31)),
    ("hösten 2027", date(2027, 7, 1), date(2027, 12, 31)),
    ("början av hösten 2027", date(2027, 7, 1), date(2027, 7, 31)),
]


@pytest.mark.parametrize(("phrase", "first", "last"), PERIODS)
def test_a_period_is_its_start_marked_as_needing_a_day(phrase: str, first: date, last: date) -> None:
    w = parse_when(phrase, NOW)
    assert w is not None and w.needs_day and not w.has_time and w.alternatives == []
    assert (w.start, w.period_end) == (at(first.year, first.month, first.day), last)


def test_a_period_keeps_a_time_said_with_it() -> None:
    w = parse_when("nästa vecka kl 10", NOW)
    assert w == When(start=at(2026, 11, 30, 10), has_time=True, period_end=date(2026, 12, 6))
    assert parse_when("i januari kl 13", NOW) == When(
        start=at(2027, 1, 1, 13), has_time=True, period_end=date(2027, 1, 31)
    )
    later = parse_when("i veckan kl 9", NOW)  # 9.00 has passed today: the period's next day
    assert later is not None and later.start == at(2026, 11, 24, 9)


def test_a_period_over_is_its_start_for_the_meeting_check_to_refuse() -> None:
    w = parse_when("början av november", NOW)
    assert w is not None and w.start == at(2026, 11, 1) and check_meeting_time(w, NOW) == DateRefusal.PAST


def test_the_new_year_turns_next_week_into_a_period_of_next_year() -> None:
    w = parse_when("nästa vecka", at(2026, 12, 30, 10))
    assert w is not None and (w.start, w.period_end) == (at(2027, 1, 4), date(2027, 1, 10))


@pytest.mark.parametrize(("phrase", "expected"), PHRASES)
def test_parse_when(phrase: str, expected: When) -> None:
    """Each phrase, said on Monday 23 November 2026 at 10.00, means exactly this."""
    assert parse_when(phrase, NOW) == expected


def test_the_table_is_large_enough() -> None:
    """At least 70 phrases, none twice."""
    assert len({p for p, _ in PHRASES}) == len(PHRASES) >= 70


NONSENSE = [
    "",
    "   ",
    "blaha",
    "möte någon gång",
    "möte på tisdag",
    "14",
    "tisdag kl",
    "sept 3",
    "32 januari",
    "30 februari",
    "31 november",
    "2026-02-30",
    "15/13",
    "femte måndagen i december",
    "25:00",
    "kl 25",
    "kl 9.75",
    "tisdag kl 25",
    "fredag 25",
    "kvart över 25",
    "halv 25",
    "vecka 54",
    "vecka 0",
    "kl 14 på förmiddagen",
    "kl 14 fm",
    "kl 15-14",
    "i natt",
    "tisdagen den 9 december",
    "imorgon den 25",
    "måndag 24/11",
    "10.12 imorgon",
    "onsdag 10.05",
    "tisdag och onsdag",
    "kl 9 och kl 11",
    "kl 9 11",
    "tisdag 14 och 15",
    "om 2 timmar imorgon",
    "om 2-3 dagar",
    "3-4 december",
]


@pytest.mark.parametrize("phrase", NONSENSE)
def test_parse_when_refuses(phrase: str) -> None:
    """Garbage, impossible dates and times, and contradictions are None, never a guess."""
    assert parse_when(phrase, NOW) is None


@pytest.mark.parametrize(
    ("phrase", "dateparser_said", "expected"),
    [
        ("15/1 kl 9.30", "None; '15/1' alone: 2027-01-15 00:00", timed(at(2027, 1, 15, 9, 30))),
        ("fredag 10:00-12:00", "2026-11-27 23:00 (a UTC-12 offset)", timed(at(2026, 11, 27, 10), at(2026, 11, 27, 12))),
        ("fredag 10–12", "2026-12-10", timed(at(2026, 11, 27, 10), at(2026, 11, 27, 12))),
        ("imorgon 14", "2026-11-24 10:00 (hour dropped)", timed(at(2026, 11, 24, 14))),
        ("torsdag 9", "2026-11-09 (in the past)", timed(at(2026, 11, 26, 9))),
        ("den 3:e", "2026-11-03 (in the past)", day(2026, 12, 3)),
    ],
)
def test_dateparsers_raw_answer_is_not_trusted(phrase: str, dateparser_said: str, expected: When) -> None:
    """Phrases dateparser 1.5 reads wrongly on its own (its answer in the middle column) come out right."""
    assert parse_when(phrase, NOW) == expected


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ("tisd", date(2026, 11, 24)),
        ("15/1", None),  # digits: dateparser once said 2115
        ("32 januari", None),  # dateparser: 2032-01-23
        ("nästa månad", None),  # a period, not a day: dateparser says 2026-12-23
        ("december", None),
        ("", None),
    ],
)
def test_dateparser_is_asked_only_what_it_cannot_get_wrong(fragment: str, expected: date | None) -> None:
    """The fallback to dateparser refuses digits and periods."""
    assert dates._ask_dateparser(fragment, datetime(2026, 11, 23, 10), "future") == expected


@pytest.mark.parametrize(
    ("now", "phrase", "expected"),
    [
        # Sunday 22 November: "nästa tisdag" is the day after tomorrow or the week after
        (at(2026, 11, 22, 12), "nästa tisdag", day(2026, 11, 24, at(2026, 12, 1))),
        (at(2026, 11, 22, 12), "nästa måndag", day(2026, 11, 23, at(2026, 11, 30))),
        (at(2026, 11, 22, 12), "nästa söndag", day(2026, 11, 29)),
        (at(2026, 11, 22, 12), "tisdag nästa vecka", day(2026, 11, 24)),
        (at(2026, 11, 21, 12), "nästa tisdag", day(2026, 11, 24)),  # Saturday: three days ahead, next week
        (at(2026, 11, 26, 12), "nästa tisdag", day(2026, 12, 1)),  # Thursday
        (at(2026, 11, 25, 12), "nästa fredag", day(2026, 11, 27, at(2026, 12, 4))),  # Wednesday, same week
        (at(2026, 11, 25, 12), "på tisdag om två veckor", day(2026, 12, 8, at(2026, 12, 15))),
        # Tuesday 24 November 10.00: "tisdag" is today while the time is ahead
        (at(2026, 11, 24, 10), "tisdag kl 9", timed(at(2026, 12, 1, 9))),
        (at(2026, 11, 24, 10), "tisdag kl 14", timed(at(2026, 11, 24, 14), None, at(2026, 12, 1, 14))),
        (at(2026, 11, 24, 10), "på tisdag om två veckor", day(2026, 12, 8)),
        # year rollover: Wednesday 30 December 2026, ISO week 53
        (at(2026, 12, 30, 10), "v. 1 måndag", day(2027, 1, 4)),
        (at(2026, 12, 30, 10), "vecka 53 torsdag", day(2026, 12, 31)),
        (at(2026, 12, 30, 10), "2/1", day(2027, 1, 2)),
        (at(2026, 12, 30, 10), "i övermorgon", day(2027, 1, 1)),
        (at(2026, 12, 30, 10), "den 3", day(2027, 1, 3)),
        (at(2026, 12, 30, 10), "första måndagen i januari", day(2027, 1, 4)),
        # now in another zone: 23.30 UTC is already 24 November in Stockholm
        (datetime(2026, 11, 23, 23, 30, tzinfo=UTC), "imorgon", day(2026, 11, 25)),
        (datetime(2026, 11, 23, 23, 30, tzinfo=UTC), "kl 9", timed(at(2026, 11, 24, 9))),
    ],
)
def test_parse_when_on_other_days(now: datetime, phrase: str, expected: When) -> None:
    """Ambiguity, rollover and time zones depend on when the phrase is said."""
    assert parse_when(phrase, now) == expected


@pytest.mark.parametrize(
    ("now", "phrase", "expected", "offset_hours"),
    [
        (at(2027, 3, 27, 10), "imorgon kl 14", at(2027, 3, 28, 14), 2),  # clocks go forward 28 March 2027
        (at(2027, 3, 27, 10), "söndag kl 9", at(2027, 3, 28, 9), 2),
        (at(2027, 3, 27, 10), "om 24 timmar", at(2027, 3, 28, 11), 2),  # elapsed time, not wall clock
        (at(2026, 10, 24, 10), "imorgon kl 9", at(2026, 10, 25, 9), 1),  # clocks go back 25 October 2026
        (at(2026, 10, 24, 10), "imorgon kl 02.30", at(2026, 10, 25, 2, 30), 2),  # twice that night: the first
        (at(2026, 10, 24, 10), "om 24 timmar", at(2026, 10, 25, 9), 1),
    ],
)
def test_parse_when_across_daylight_saving(now: datetime, phrase: str, expected: datetime, offset_hours: int) -> None:
    """Wall-clock times are built in Stockholm time, with the right UTC offset on each side of a DST change."""
    found = parse_when(phrase, now)
    assert found is not None and found.start == expected
    assert found.start.utcoffset() == timedelta(hours=offset_hours)


def test_a_time_that_does_not_exist_is_refused() -> None:
    """02.30 on 28 March 2027 is skipped when the clocks go forward."""
    assert parse_when("imorgon kl 02.30", at(2027, 3, 27, 10)) is None


def test_now_must_be_timezone_aware() -> None:
    """A naive `now` is a programming error, not a guess about the zone."""
    with pytest.raises(ValueError):
        parse_when("imorgon", datetime(2026, 11, 23, 10))


def test_when_is_frozen_and_hashable() -> None:
    """When is a value: it cannot be changed and can be a dict key."""
    w = parse_when("nästa tisdag", NOW)
    assert w is not None
    assert {w: 1}[w] == 1
    with pytest.raises(AttributeError):
        w.has_time = True  # type: ignore[misc]


def test_normalize() -> None:
    """Case, dashes, "klockan", ordinal suffixes and number words are evened out before reading."""
    assert normalize("Klockan Tre–Fyra den 3:e Dec.") == "kl 3-4 den 3 dec"


TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("idag", date(2026, 11, 23)),
        ("igår", date(2026, 11, 22)),
        ("i går", date(2026, 11, 22)),
        ("i förrgår", date(2026, 11, 21)),
        ("imorgon", date(2026, 11, 24)),
        ("2026-11-20", date(2026, 11, 20)),
        ("20/11", date(2026, 11, 20)),
        ("20 nov", date(2026, 11, 20)),
        ("20 november 2025", date(2025, 11, 20)),
        ("15/1", date(2027, 1, 15)),  # the nearest 15 January
        ("1.12", date(2026, 12, 1)),
        ("måndags", date(2026, 11, 16)),  # said on a Monday: last week's
        ("i måndags", date(2026, 11, 16)),
        ("i tisdags", date(2026, 11, 17)),
        ("förra fredagen", date(2026, 11, 20)),
        ("förra måndagen", date(2026, 11, 16)),
        ("måndag 23/11", date(2026, 11, 23)),
        ("32 januari", None),
        ("30 februari", None),
        ("tisdag", None),  # past or coming Tuesday? a form should not guess
        ("måndag 24/11", None),
        ("20/11 kl 14", None),
        ("förra veckan", None),
        ("blaha", None),
        ("", None),
    ],
)
def test_parse_date(phrase: str, expected: date | None) -> None:
    """Date-only answers for forms, past dates included; None when not understood or impossible."""
    assert parse_date(phrase, TODAY) == expected


@pytest.mark.parametrize(
    ("w", "lang", "expected"),
    [
        (timed(at(2026, 12, 1, 13), at(2026, 12, 1, 15)), "sv", "tisdag 1 december 2026 kl. 13.00–15.00"),
        (timed(at(2026, 12, 1, 9, 30)), "sv", "tisdag 1 december 2026 kl. 09.30"),
        (day(2026, 12, 1), "sv", "tisdag 1 december 2026"),
        (timed(at(2026, 12, 1, 13), at(2026, 12, 1, 15)), "en", "Tuesday 1 December 2026 at 13:00–15:00"),
        (day(2027, 1, 15), "en", "Friday 15 January 2027"),
        (timed(datetime(2026, 12, 1, 12, tzinfo=UTC)), "sv", "tisdag 1 december 2026 kl. 13.00"),
    ],
)
def test_format_when(w: When, lang: str, expected: str) -> None:
    """Swedish and English wording, in Stockholm time."""
    assert format_when(w, lang) == expected


def test_format_date_and_unknown_language() -> None:
    """ "1 december 2026"; an unknown language is an error, not a silent Swedish."""
    assert format_date(date(2026, 12, 1)) == "1 december 2026"
    assert format_date(date(2026, 3, 5), "en") == "5 March 2026"
    with pytest.raises(ValueError):
        format_date(date(2026, 12, 1), "de")


@pytest.mark.parametrize(
    ("w", "expected"),
    [
        (timed(at(2026, 11, 23, 9)), DateRefusal.PAST),
        (timed(at(2026, 11, 23, 11)), None),
        (day(2026, 11, 22), DateRefusal.PAST),
        (day(2026, 11, 23), None),  # today, no time: still possible
        (day(2028, 11, 23), None),  # exactly two years ahead
        (day(2028, 11, 24), DateRefusal.TOO_FAR),
        (timed(datetime(2026, 11, 23, 9, 59, tzinfo=UTC)), None),  # 09.59 UTC is 10.59 in Stockholm
    ],
)
def test_check_meeting_time(w: When, expected: DateRefusal | None) -> None:
    """A meeting cannot be in the past or more than two years ahead."""
    assert check_meeting_time(w, NOW) == expected


def test_refusals_are_reason_codes() -> None:
    """The refusal compares equal to its plain reason code."""
    assert check_meeting_time(day(2026, 11, 1), NOW) == "past"
    assert check_meeting_time(day(2030, 1, 1), datetime(2026, 11, 23, 9, tzinfo=UTC)) == "too_far"
