"""Meeting times from the scheduling conversation: the typed time, the picked alternative, the length."""

import re
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from typing import Any

from handlers.context import Ctx
from handlers.conversation.flow import Choice, Env
from handlers.date_periods import Span, weekdays_in
from handlers.date_words import EN_WEEKDAY_NAMES, SV_WEEKDAY_NAMES, scan
from handlers.dates import STOCKHOLM, When, check_meeting_time, format_date, format_when, parse_when
from handlers.errors import AnswerError, DomainError
from handlers.meetings.names import DEFAULT_LENGTH_MINUTES
from handlers.text import Plain, Text, t

NUMBER_WORDS = {
    "en": 1.0,
    "ett": 1.0,
    "två": 2.0,
    "tre": 3.0,
    "fyra": 4.0,
    "fem": 5.0,
    "sex": 6.0,
    "halv": 0.5,
    "halvtimme": 0.5,
    "kvart": 0.25,
}
LENGTH = re.compile(r"^(?P<number>\d+(?:[.,]\d+)?|[a-zåäö]+)\s*(?P<unit>[a-zåäö]*)\.?$")
HOUR_UNITS = {"h", "t", "tim", "timme", "timmar", "timmen", "hour", "hours"}
MINUTE_UNITS = {"m", "min", "minut", "minuter", "minutes"}
SHORTEST, LONGEST = 15, 12 * 60
WEEKDAY_WORDS = {"sv": SV_WEEKDAY_NAMES, "en": EN_WEEKDAY_NAMES}


def when_words(ctx: Ctx, start: datetime, end: datetime | None = None, has_time: bool = True) -> Plain:
    """ "tisdag 1 december 2026 kl. 13.00–15.00" in the configured language."""
    return Plain(format_when(When(start=start, end=end, has_time=has_time), ctx.config.language))


def refuse(w: When, ctx: Ctx, error: type[DomainError] = AnswerError) -> None:
    """Raise a kind error when a meeting cannot be at `w`: in the past, or absurdly far ahead."""
    refusal = check_meeting_time(w, ctx.now)
    if refusal is not None:
        raise error(f"meeting.when_{refusal.value}", when=when_words(ctx, w.start, has_time=w.has_time))


def check_when(text: str, env: Env) -> dict[str, Any]:
    """The "when" answer: the start it names, its end, whether a time was given, and the other days it could mean."""
    w = parse_when(_on_the_day_given(text, env.answers.get("when")), env.ctx.now)
    if w is None:
        raise AnswerError("meeting.when_unknown", given=text)
    candidates = [w.start, *w.alternatives]
    usable = [c for c in candidates if check_meeting_time(When(c, has_time=w.has_time), env.ctx.now) is None]
    if not usable:
        refuse(w, env.ctx)
    end = w.end - w.start if w.end is not None else None
    return {
        "text": text,
        "start": usable[0].isoformat(),
        "length": _minutes(end),
        "has_time": w.has_time,
        "alternatives": [c.isoformat() for c in usable[1:]],
        "period_end": w.period_end.isoformat() if w.period_end else None,
    }


def _on_the_day_given(text: str, earlier: Mapping[str, Any] | None) -> str:
    """A time alone ("kl 14") where the meeting's day is already answered means that day, and a day alone
    ("torsdag") that time: "ändra när till kl 14" at the summary moves the meeting within its day, not to the
    next 14.00 from now, and "ändra när till torsdag" keeps its time."""
    if not earlier or earlier.get("alternatives") or earlier.get("period_end"):
        return text
    tokens = scan(text)
    start = datetime.fromisoformat(earlier["start"]).astimezone(STOCKHOLM)
    if tokens.timed and not tokens.dated:
        return f"{start.day}/{start.month} {start.year} {text}"
    if tokens.dated and not tokens.timed and earlier.get("has_time"):
        return f"{text} kl {start:%H.%M}"
    return text


def _minutes(delta: timedelta | None) -> int | None:
    return int(delta.total_seconds() // 60) if delta is not None else None


def show_when(value: Mapping[str, Any], env: Env) -> Any:
    """The "when" answer as words: the day it means, or what was typed when it could mean several."""
    if value["alternatives"] or value.get("period_end"):
        return t("meeting.when_typed", given=value["text"])
    start = datetime.fromisoformat(value["start"])
    return when_words(env.ctx, start, has_time=value["has_time"])


def candidates(answers: Mapping[str, Any]) -> list[str]:
    """The starts the "when" answer could mean, first the likeliest."""
    when = answers.get("when") or {}
    return [when["start"], *when["alternatives"]] if when else []


def check_clock(text: str, env: Env) -> dict[str, Any]:
    """The "at" answer: a time of day (or a range) on the day already chosen."""
    day = _day(env.answers)
    w = parse_when(f"{day.day}/{day.month} {day.year} {text}", env.ctx.now)
    if w is None or not w.has_time:
        raise AnswerError("meeting.at_unknown", given=text)
    refuse(w, env.ctx)
    return {"text": text, "time": w.start.strftime("%H:%M"), "length": _minutes(w.end - w.start if w.end else None)}


def _day(answers: Mapping[str, Any]) -> datetime:
    """The day picked among the alternatives or in the period (an answer left from an earlier "when" does not
    count), at the time the "when" answer gave."""
    when = answers["when"]
    day = answers.get("day") if when.get("period_end") else None
    if day:
        start = datetime.fromisoformat(when["start"])
        picked = datetime.fromisoformat(day)
        if "T" in day:
            return picked.replace(tzinfo=STOCKHOLM)
        return datetime.combine(picked.date(), start.astimezone(STOCKHOLM).time(), tzinfo=STOCKHOLM)
    which = answers.get("which")
    return datetime.fromisoformat(which if which in candidates(answers) else when["start"])


def period_of(answers: Mapping[str, Any]) -> Span | None:
    """The period the "when" answer named ("i januari"), when it named no day."""
    when = answers.get("when") or {}
    if not when.get("period_end"):
        return None
    return Span(datetime.fromisoformat(when["start"]).date(), date.fromisoformat(when["period_end"]))


def day_choices(env: Env) -> list[Choice]:
    """The period's first working days to pick from, each also known by its weekday ("tisdag")."""
    span = period_of(env.answers)
    if span is None:
        return []
    return [
        Choice(
            day.isoformat(),
            t("meeting.when_option", when=Plain(_day_words(env.ctx, day))),
            (SV_WEEKDAY_NAMES[day.weekday()],),
        )
        for day in weekdays_in(span, env.ctx.local_now.date())
    ]


def check_day(text: str, env: Env) -> str:
    """A day typed for the period ("den 14", "tisdag 12 januari", "fredag kl 10"), read from the period's start."""
    span = period_of(env.answers)
    if span is None:
        raise AnswerError("meeting.when_unknown", given=text)
    anchor = datetime.combine(span.first - timedelta(days=1), time(12), tzinfo=STOCKHOLM)
    w = parse_when(text, max(anchor, env.ctx.now))
    if w is None or w.needs_day or w.alternatives:
        raise AnswerError("meeting.day_unknown", given=text)
    refuse(w, env.ctx)
    local = w.start.astimezone(STOCKHOLM)
    return local.strftime("%Y-%m-%dT%H:%M") if w.has_time else local.date().isoformat()


def show_day(value: str, env: Env) -> Plain:
    """The picked day as words ("tisdag 5 januari 2027", with the time when one was typed)."""
    picked = datetime.fromisoformat(value)
    if "T" in value:
        return when_words(env.ctx, picked.replace(tzinfo=STOCKHOLM), has_time=True)
    return Plain(_day_words(env.ctx, picked.date()))


def _day_words(ctx: Ctx, day: date) -> str:
    language = ctx.config.language if ctx.config.language in WEEKDAY_WORDS else "sv"
    return f"{WEEKDAY_WORDS[language][day.weekday()]} {format_date(day, language)}"


def needs_clock(answers: Mapping[str, Any]) -> bool:
    """Whether the time of day must be asked: neither the "when" answer nor the day picked has one."""
    when = answers.get("when")
    if not when or when["has_time"]:
        return False
    return not (when.get("period_end") and "T" in (answers.get("day") or ""))


def check_length(text: str, env: Env) -> int:
    """The meeting's length in minutes from "2", "1,5 h", "90 min", "två timmar"."""
    match = LENGTH.match(" ".join(text.casefold().split()))
    if match is None:
        raise AnswerError("meeting.length_unknown", given=text)
    number, unit = match.group("number"), match.group("unit")
    value = NUMBER_WORDS.get(number) if number.isalpha() else float(number.replace(",", "."))
    if value is None or unit not in HOUR_UNITS | MINUTE_UNITS | {""}:
        raise AnswerError("meeting.length_unknown", given=text)
    minutes = value if unit in MINUTE_UNITS or (not unit and value > 12) else value * 60
    if not SHORTEST <= minutes <= LONGEST:
        raise AnswerError("meeting.length_range")
    return int(minutes)


def show_length(minutes: int, env: Env) -> Text:
    """ "2 timmar", "1 timme", "1,5 timmar", "45 minuter"."""
    if minutes == 60:
        return t("meeting.length.hour")
    if minutes % 30:
        return t("meeting.length.minutes", minutes=minutes)
    return t("meeting.length.hours", hours=minutes / 60)


def meeting_time(answers: Mapping[str, Any], ctx: Ctx, *, strict: bool = False) -> tuple[datetime, datetime]:
    """Start and end of the meeting the answers describe, in the configured time zone."""
    when = answers["when"]
    if strict and when["alternatives"] and answers.get("which") not in candidates(answers):
        raise DomainError("meeting.pick_again")
    local = _day(answers).astimezone(ctx.config.tz)
    at = answers.get("at") if needs_clock(answers) else None
    start_time = time.fromisoformat(at["time"]) if at else local.time()
    start = datetime.combine(local.date(), start_time, tzinfo=ctx.config.tz)
    length = (at or {}).get("length") or when["length"] or answers.get("length") or DEFAULT_LENGTH_MINUTES
    return start, start + timedelta(minutes=length)


def needs_length(answers: Mapping[str, Any]) -> bool:
    """Whether the length must be asked: no range was given ("fredag 10–12" has one)."""
    when, at = answers.get("when") or {}, answers.get("at") or {}
    return bool(when) and not when["length"] and not at.get("length")
