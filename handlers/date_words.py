"""Swedish date words for handlers.dates: the vocabulary, and a scanner that turns a phrase into tokens.

The scanner only reads; handlers.dates decides which day and time the tokens mean. Each rule consumes the
part of the text it understood; words nobody understood are left in `Tokens.rest`, so the caller can refuse
a phrase instead of guessing. Rules run in a fixed order: numeric dates first (so "15/1" and "2027-01-15"
are never read as times), then times, then words.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field

MONTHS: dict[str, int] = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "feb": 2,
    "mars": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "maj": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "augusti": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "måndag": 0,
    "mån": 0,
    "tisdag": 1,
    "tis": 1,
    "onsdag": 2,
    "ons": 2,
    "torsdag": 3,
    "tors": 3,
    "fredag": 4,
    "fre": 4,
    "lördag": 5,
    "lör": 5,
    "söndag": 6,
    "sön": 6,
}
NUMBER_WORDS: dict[str, int] = {
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
    "tretton": 13,
    "fjorton": 14,
    "femton": 15,
    "sexton": 16,
    "sjutton": 17,
    "arton": 18,
    "nitton": 19,
    "tjugo": 20,
    "tjugofem": 25,
    "första": 1,
    "andra": 2,
    "tredje": 3,
    "fjärde": 4,
    "femte": 5,
    "sjätte": 6,
    "sjunde": 7,
    "åttonde": 8,
    "nionde": 9,
    "tionde": 10,
    "elfte": 11,
    "tolfte": 12,
}
DAY_PARTS: dict[str, str] = {
    "morgon": "morning",
    "morgonen": "morning",
    "bitti": "morning",
    "förmiddag": "forenoon",
    "förmiddagen": "forenoon",
    "fm": "forenoon",
    "lunch": "lunch",
    "lunchen": "lunch",
    "lunchtid": "lunch",
    "eftermiddag": "afternoon",
    "eftermiddagen": "afternoon",
    "em": "afternoon",
    "kväll": "evening",
    "kvällen": "evening",
    "natt": "night",
    "natten": "night",
}
# The hour a part of the day stands for when no hour is given ("night" has none: no meetings at night).
PART_HOURS: dict[str, int | None] = {
    "morning": 8,
    "forenoon": 9,
    "lunch": 12,
    "afternoon": 13,
    "evening": 18,
    "night": None,
}
FILLERS = frozenset({"på", "den", "i", "vid", "ca", "cirka", "runt", "omkring", "ungefär", "från"})
OFFSET_UNITS: dict[str, str] = {
    "dag": "day",
    "dagar": "day",
    "vecka": "week",
    "veckor": "week",
    "månad": "month",
    "månader": "month",
    "timme": "hour",
    "timmar": "hour",
    "minut": "minute",
    "minuter": "minute",
    "min": "minute",
}
# Words naming a period, not a day: dateparser turns "nästa månad" or "december" into some day, silently.
VAGUE = frozenset(
    {
        "v",
        "vecka",
        "veckan",
        "veckor",
        "månad",
        "månaden",
        "månader",
        "år",
        "året",
        "fjol",
        "helg",
        "helgen",
        "nu",
        "sedan",
        "sen",
        "timme",
        "timmar",
        "minut",
        "minuter",
    }
) | set(MONTHS)

SV_WEEKDAY_NAMES = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")
SV_MONTH_NAMES = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)
EN_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
EN_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True)
class Clock:
    """A time of day as written; `padded` is a leading zero ("07"), which keeps an early hour in the morning."""

    hour: int
    minute: int
    padded: bool = False


@dataclass(frozen=True)
class Nth:
    """ "första måndagen i december": n is 1–5 or -1 for "sista"; month None means this month (+ shift)."""

    n: int
    weekday: int
    month: int | None
    year: int | None
    month_shift: int = 0


@dataclass
class Tokens:
    """What the scanner found, by kind, in the order found."""

    ymd: list[tuple[int | None, int, int]] = field(default_factory=list)  # (year or None, month, day)
    days: list[int] = field(default_factory=list)  # "den 3": a day of the month only
    rel: list[int] = field(default_factory=list)  # days from today: idag 0, imorgon 1, igår -1
    offsets: list[tuple[int, str]] = field(default_factory=list)  # "om 3 dagar": (3, "day")
    weeks: list[tuple[str, int]] = field(default_factory=list)  # ("iso", 48), ("next", 0), ("this", 0)
    weekdays: list[tuple[int, str]] = field(default_factory=list)  # (0–6, "" | "next" | "past" | "this")
    nths: list[Nth] = field(default_factory=list)
    clocks: list[Clock] = field(default_factory=list)
    ranges: list[tuple[Clock, Clock]] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    bare: list[Clock] = field(default_factory=list)  # a lone number: an hour if the phrase names a day
    rest: list[str] = field(default_factory=list)
    error: bool = False  # something was understood and is impossible: "32 januari", "25:00"

    @property
    def dated(self) -> bool:
        """Whether anything names a day."""
        return bool(self.ymd or self.days or self.rel or self.offsets or self.weeks or self.weekdays or self.nths)

    @property
    def timed(self) -> bool:
        """Whether anything names a time of day."""
        return bool(self.clocks or self.ranges or self.parts or self.bare)

    @property
    def unknown(self) -> list[str]:
        """Words left over that are not fillers such as "på" or "den"."""
        return [w for w in self.rest if w not in FILLERS]


def _alternation(words: dict[str, int] | dict[str, str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_NUMBER_RE = re.compile(r"\b(" + _alternation(NUMBER_WORDS) + r")\b")
_MONTH = "(" + _alternation(MONTHS) + ")"
_WEEKDAY = "(" + _alternation(WEEKDAYS) + ")"
_FULL_WEEKDAY = "(" + "|".join(SV_WEEKDAY_NAMES) + ")"
_L, _R = r"(?<![\d.:/-])", r"(?![\d.:/])"  # a number not glued to another number
_T = r"(\d{1,2})(?:[:.](\d{2}))?"


def normalize(text: str) -> str:
    """Lower case, one kind of dash, "klockan"/"kl." → "kl", "3:e" → "3", number words → digits."""
    t = text.lower().strip()
    t = re.sub("[\u2013\u2014\u2212]", "-", t)
    t = re.sub(r"(\d),(\d{2})\b", r"\1.\2", t)
    t = re.sub(r"[,!?;()\"']", " ", t)
    t = re.sub(r"\bklockan\b|\bkl\b\.?", " kl ", t)
    t = re.sub(r"\bv\.", " v ", t)
    t = re.sub(r"(\d+):?[ae]\b", r"\1", t)
    t = re.sub(r"\.(?=\s|$)", " ", t)
    t = _NUMBER_RE.sub(lambda m: str(NUMBER_WORDS[m[1]]), t)
    return " ".join(t.split())


def clock(hour: str, minute: str | None) -> Clock | None:
    """A valid time of day from digits, or None ("25", "9.75")."""
    h, m = int(hour), int(minute or 0)
    if h > 23 or m > 59:
        return None
    return Clock(h, m, padded=len(hour) == 2 and hour.startswith("0"))


def _year(text: str | None) -> int | None:
    if not text:
        return None
    return 2000 + int(text) if len(text) == 2 else int(text)


def _add_clock(t: Tokens, found: Clock | None, into: list[Clock]) -> bool:
    if found is None:
        t.error = True
    else:
        into.append(found)
    return True


def _ymd(m: re.Match[str], t: Tokens) -> bool:
    t.ymd.append((int(m[1]), int(m[2]), int(m[3])))
    return True


def _day_first(m: re.Match[str], t: Tokens) -> bool:
    t.ymd.append((_year(m[3] or m[4]), int(m[2]), int(m[1])))
    return True


def _spoken_minutes(word: str) -> int | None:
    value = 15 if word == "kvart" else int(word)
    return value if 1 <= value <= 29 else None


def _before(hour: int) -> int:
    return hour - 1 if hour > 1 else 12  # spoken times use a 12-hour clock: "halv ett" is 12.30


def _half(m: re.Match[str], t: Tokens) -> bool:
    hour, minute = int(m[3]), 30
    if m[1]:
        shift = _spoken_minutes(m[1])
        if shift is None or shift >= 30:
            t.error = True
            return True
        minute += shift if m[2] == "över" else -shift
    ok = 1 <= hour <= 24
    return _add_clock(t, Clock(_before(hour), minute) if ok else None, t.clocks)


def _past_or_to(m: re.Match[str], t: Tokens) -> bool:
    hour, shift = int(m[3]), _spoken_minutes(m[1])
    if shift is None or not 1 <= hour <= 23:
        return _add_clock(t, None, t.clocks)
    found = Clock(hour, shift) if m[2] == "över" else Clock(_before(hour), 60 - shift)
    return _add_clock(t, found, t.clocks)


def _range(m: re.Match[str], t: Tokens) -> bool:
    if m[4] == "och" and not m[1]:
        return False
    start, end = clock(m[2], m[3]), clock(m[5], m[6])
    if start is None or end is None:
        t.error = True
    else:
        t.ranges.append((start, end))
    return True


def _dotted(m: re.Match[str], t: Tokens) -> bool:
    first, second = m[1], m[2]
    if len(second) == 1 or (1 <= int(second) <= 12 and 1 <= int(first) <= 31):
        t.ymd.append((None, int(second), int(first)))  # "15.1", "24.12": day.month
        return True
    return _add_clock(t, clock(first, second), t.clocks)  # "13.00", "9.30"


def _month_date(m: re.Match[str], t: Tokens) -> bool:
    t.ymd.append((_year(m[3]), MONTHS[m[2]], int(m[1])))
    return True


def _nth(m: re.Match[str], t: Tokens) -> bool:
    n = -1 if m[1] == "sista" else int(m[1])
    month = MONTHS[m[3]] if m[3] else None
    t.nths.append(Nth(n, WEEKDAYS[m[2]], month, _year(m[4]), 1 if m[5] and "nästa" in m[5] else 0))
    return True


def _weekday(m: re.Match[str], t: Tokens) -> bool:
    before, suffix = m[1] or "", m[3] or ""
    if suffix == "s" or before == "förra":
        mod = "past"  # "i måndags", "förra fredagen"
    elif before == "nästa":
        mod = "next"
    elif before == "denna" or before.startswith("den"):
        mod = "this"  # "denna tisdag", "den här tisdagen"
    else:
        mod = ""
    t.weekdays.append((WEEKDAYS[m[2]], mod))
    return True


def _week_word(m: re.Match[str], t: Tokens) -> bool:
    t.weeks.append(("next" if m[1] == "nästa" else "this", 0))
    return True


def _rel(days: int, part: str | None) -> Callable[[re.Match[str], Tokens], bool]:
    def handle(_: re.Match[str], t: Tokens) -> bool:
        t.rel.append(days)
        if part:
            t.parts.append(part)
        return True

    return handle


def _week_no(m: re.Match[str], t: Tokens) -> bool:
    t.weeks.append(("iso", int(m[1])))
    return True


def _offset(m: re.Match[str], t: Tokens) -> bool:
    t.offsets.append((int(m[1]), OFFSET_UNITS[m[2]]))
    return True


def _part(m: re.Match[str], t: Tokens) -> bool:
    t.parts.append(DAY_PARTS[m[1]])
    return True


def _day_only(m: re.Match[str], t: Tokens) -> bool:
    t.days.append(int(m[1]))
    return True


_Rule = tuple[re.Pattern[str], Callable[[re.Match[str], Tokens], bool]]
_RULES: list[_Rule] = [
    (re.compile(p), h)
    for p, h in [
        (_L + r"(\d{4})-(\d{1,2})-(\d{1,2})" + _R, _ymd),
        (_L + r"(\d{1,2})/(\d{1,2})(?:[/-](\d{4}|\d{2})|\s+(\d{4}))?" + _R, _day_first),
        (_L + r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})()" + _R, _day_first),
        (r"(?:\bkl\s*)?(?:\b(\d{1,2}|kvart)\s+(över|i)\s+)?\bhalv\s+(\d{1,2})" + _R, _half),
        (r"(?:\bkl\s*)?\b(\d{1,2}|kvart)\s+(över|i)\s+(\d{1,2})" + _R, _past_or_to),
        (_L + r"(?:(mellan)\s+)?(?:kl\s*)?" + _T + r"\s*(-|till|och)\s*(?:kl\s*)?" + _T + _R, _range),
        (r"\bkl\s*" + _T + _R, lambda m, t: _add_clock(t, clock(m[1], m[2]), t.clocks)),
        (_L + r"(\d{1,2})\.(\d{1,2})" + _R, _dotted),
        (_L + r"(\d{1,2}):(\d{2})" + _R, lambda m, t: _add_clock(t, clock(m[1], m[2]), t.clocks)),
        (r"\b(\d{1,2})\s+" + _MONTH + r"\b(?:\s+(\d{4})" + _R + ")?", _month_date),
        (
            r"\b([1-5]|sista)\s+" + _FULL_WEEKDAY + r"(?:en)?\s+i\s+(?:" + _MONTH + r"\b(?:\s+(\d{4}))?|(nästa\s+månad"
            r"|månaden))\b",
            _nth,
        ),
        (r"\b(?:v|vecka|veckan)\s*(\d{1,2})" + _R, _week_no),
        (r"\bom\s+(\d{1,3})\s+(" + _alternation(OFFSET_UNITS) + r")\b", _offset),
        (r"\b(nästa|denna|den\s+här|i)\s+veckan?\b", _week_word),
        (r"\b(?:idag|i\s+dag)\b", _rel(0, None)),
        (r"\b(?:imorgon|i\s+morgon|imorn|i\s+morn|imorron|i\s+morron)\b", _rel(1, None)),
        (r"\b(?:i\s+)?övermorgon\b", _rel(2, None)),
        (r"\b(?:igår|i\s+går)\b", _rel(-1, None)),
        (r"\b(?:i\s+)?förrgår\b", _rel(-2, None)),
        (r"\b(?:ikväll|i\s+kväll)\b", _rel(0, "evening")),
        (r"\bi\s+eftermiddag\b", _rel(0, "afternoon")),
        (r"\bi\s+förmiddag\b", _rel(0, "forenoon")),
        (r"\b(?:(nästa|på|förra|denna|den\s+här|i)\s+)?" + _WEEKDAY + r"(en|s)?\b", _weekday),
        (r"\b(?:(?:på|vid|i)\s+)?(" + _alternation(DAY_PARTS) + r")\b", _part),
        (r"\bden\s+(\d{1,2})" + _R, _day_only),
        (_L + r"(\d{1,2})" + _R, lambda m, t: _add_clock(t, clock(m[1], None), t.bare)),
    ]
]


def scan(text: str) -> Tokens:
    """Read a phrase into tokens; what no rule understood is left in `rest`."""
    tokens, masked = Tokens(), normalize(text)
    for pattern, handle in _RULES:
        for m in list(pattern.finditer(masked)):
            if handle(m, tokens):
                masked = masked[: m.start()] + "\x00" * (m.end() - m.start()) + masked[m.end() :]
    tokens.rest = masked.replace("\x00", " ").split()
    return tokens
