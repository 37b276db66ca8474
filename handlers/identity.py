"""Identity never enters: find personnummer, samordningsnummer, phone numbers and e-mail addresses in free text.

Cases are statistics, never records about a person, so every free-text answer and every text cell of an imported
file is checked here. Only the *kind* of data found is returned; the text itself is never logged nor stored.

Decisions:

* Personnummer: 10 digits (YYMMDD-NNNN, YYMMDD+NNNN, YYMMDDNNNN) or 12 digits (YYYYMMDD-NNNN, YYYYMMDDNNNN), with an
  optional '-', '+' or dash and at most one space either side of it. It counts only when the date exists (a 10-digit
  date may be in any century 1800-2099, so 000229 is 2000-02-29) and the last digit passes Luhn over the 10-digit
  form. A samordningsnummer is the same with day + 60 (61-91).
* A date-shaped number whose Luhn check fails or whose date is impossible is NOT reported as a personnummer: Luhn is
  the real test, and refusing every 10-digit number would refuse organisation numbers, amounts and case numbers too.
  Such a number is still refused as a phone number when it has a phone shape (for example "0501012385").
* Phone numbers: Swedish national numbers 0 + area code + subscriber, 8-10 digits in all, either unbroken
  (0701234567) or written as area code (2-4 digits, optionally in parentheses), an optional dash, and then one block
  of 5-8 digits or groups of 2-3 digits (070-123 45 67, 08-123 456 78, 018-12 34 56, 0480-123 45). A dash is only
  accepted right after the area code, so "kl 09-12 13-16" and "2026-11-20" are not phone numbers. International
  numbers: +46 or 0046, an optional (0), then 7-9 digits; other country codes (+47 912 34 567) with 8-15 digits,
  unless the groups look like a thousands-grouped amount ("+1 250 000").
* When the same string is both (a Luhn-valid personnummer starting with 0 looks like a phone number) the
  personnummer wins; otherwise the kind found earliest in the text is reported.
"""

import re
from collections.abc import Callable
from datetime import date
from enum import StrEnum


class IdentityKind(StrEnum):
    """The kinds of data that point out a person."""

    PERSONNUMMER = "personnummer"
    SAMORDNINGSNUMMER = "samordningsnummer"
    PHONE = "telefonnummer"
    EMAIL = "e-postadress"


_SPACES = " \u00a0\u202f"
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"
_SP = f"[{_SPACES}]"
_DASH = f"[{re.escape(_DASHES)}]"

_PNR = re.compile(
    rf"(?<![0-9])(?P<century>[0-9]{{2}})?(?P<ymd>[0-9]{{6}}){_SP}?(?:(?:[+]|{_DASH}){_SP}?)?(?P<serial>[0-9]{{4}})"
    r"(?![0-9])"
)
_EMAIL = re.compile(r"(?<![\w.%+'-])[\w.%+'-]++@(?:[\w-]++\.)+[^\W\d_]{2,}")
_GROUP = r"\(?[0-9]++\)?"
_PHONE_RUN = re.compile(
    rf"(?<![\w+./,{re.escape(_DASHES)}])(?P<plus>\+)?"
    rf"(?P<body>{_GROUP}(?:(?:{_SP}?{_DASH}{_SP}?|{_SP}|(?<=\))){_GROUP})*)"
)
_DIGITS = re.compile(r"[0-9]+")
_MAX_PHONE_GROUPS = 8
_MAX_PHONE_DIGITS = 15

Part = tuple[int, str, str]
"""A digit group of a phone-like run: where it starts in the text, the separator before it, and its digits."""


def find_identity(text: str) -> IdentityKind | None:
    """The first kind of identifying data found in text, or None."""
    hits = [(found[0], rank, found[1]) for rank, finder in enumerate(_FINDERS) if (found := finder(text))]
    return min(hits)[2] if hits else None


def luhn_ok(digits: str) -> bool:
    """Whether a string of ASCII digits (no separators) passes the Luhn check."""
    if not digits or not all("0" <= ch <= "9" for ch in digits):
        return False
    total = 0
    for position, ch in enumerate(reversed(digits)):
        value = int(ch) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def is_personnummer(candidate: str) -> IdentityKind | None:
    """PERSONNUMMER or SAMORDNINGSNUMMER when the whole candidate (spaces around it ignored) is one, else None."""
    match = _PNR.fullmatch(candidate.strip(_SPACES + "\t\n"))
    return _pnr_kind(match) if match else None


def _pnr_kind(match: re.Match[str]) -> IdentityKind | None:
    """The kind of a personnummer-shaped match with a real date and a correct Luhn digit, else None."""
    century, ymd, serial = match["century"], match["ymd"], match["serial"]
    month, day = int(ymd[2:4]), int(ymd[4:6])
    kind = IdentityKind.PERSONNUMMER
    if day > 60:
        kind, day = IdentityKind.SAMORDNINGSNUMMER, day - 60
    years = [int(century + ymd[:2])] if century else [hundred + int(ymd[:2]) for hundred in (1800, 1900, 2000)]
    if not any(_real_date(year, month, day) for year in years):
        return None
    return kind if luhn_ok(ymd + serial) else None


def _real_date(year: int, month: int, day: int) -> bool:
    """Whether the year, month and day make a date in the calendar."""
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _find_pnr(text: str) -> tuple[int, IdentityKind] | None:
    """Where the first valid personnummer or samordningsnummer starts, and which it is."""
    for match in _PNR.finditer(text):
        kind = _pnr_kind(match)
        if kind is not None:
            return match.start(), kind
    return None


def _find_email(text: str) -> tuple[int, IdentityKind] | None:
    """Where the first e-mail address starts."""
    match = _EMAIL.search(text) if "@" in text else None
    return (match.start(), IdentityKind.EMAIL) if match else None


def _find_phone(text: str) -> tuple[int, IdentityKind] | None:
    """Where the first phone number starts."""
    for run in _PHONE_RUN.finditer(text):
        start = _phone_in_run(run)
        if start is not None:
            return start, IdentityKind.PHONE
    return None


def _parts(run: re.Match[str]) -> list[Part]:
    """The digit groups of a run, each with its position and the separator before it (parentheses dropped)."""
    body, offset = run["body"], run.start("body")
    parts: list[Part] = []
    previous_end = 0
    for group in _DIGITS.finditer(body):
        separator = body[previous_end : group.start()].replace("(", "").replace(")", "")
        parts.append((offset + group.start(), separator, group.group()))
        previous_end = group.end()
    return parts


def _phone_in_run(run: re.Match[str]) -> int | None:
    """Where a phone number starts inside a run of digit groups, trying each group a number may start at."""
    parts = _parts(run)
    for first in range(len(parts)):
        if first and _has_dash(parts[first][1]):
            continue
        plus = first == 0 and run["plus"] is not None
        for last in range(min(len(parts), first + _MAX_PHONE_GROUPS), first, -1):
            if _phone_shape(parts[first:last], plus=plus):
                return run.start() if plus else parts[first][0]
    return None


def _phone_shape(parts: list[Part], *, plus: bool) -> bool:
    """Whether these digit groups, in this order, are written like a phone number."""
    digits = "".join(part[2] for part in parts)
    if len(digits) > _MAX_PHONE_DIGITS:
        return False
    if plus:
        return _international(digits, parts)
    if digits.startswith("00"):
        return _international(digits[2:], parts)
    return digits[:1] == "0" and digits[1:2] != "0" and _swedish_national(digits, parts)


def _international(number: str, parts: list[Part]) -> bool:
    """Whether a number after + or 00 is a Swedish (46) number, or another country's, of a plausible length."""
    if number.startswith("46"):
        national = number[2:]
        national = national[1:] if national.startswith("0") else national
        return 7 <= len(national) <= 9 and national[0] != "0"
    return 8 <= len(number) <= _MAX_PHONE_DIGITS and number[0] != "0" and not _amount_shaped(parts)


def _amount_shaped(parts: list[Part]) -> bool:
    """Whether the groups look like an amount with thousands separated by spaces (1 250 000)."""
    head, tail = parts[0][2], parts[1:]
    return bool(tail) and len(head) <= 3 and all(len(p[2]) == 3 and not _has_dash(p[1]) for p in tail)


def _swedish_national(digits: str, parts: list[Part]) -> bool:
    """Whether a number starting with a trunk 0 has Swedish length and grouping."""
    if not 8 <= len(digits) <= 10:
        return False
    if len(parts) == 1:
        return True
    area, rest = parts[0][2], parts[1:]
    if not 2 <= len(area) <= 4 or any(_has_dash(p[1]) for p in rest[1:]):
        return False
    sizes = [len(p[2]) for p in rest]
    return (len(sizes) == 1 and 5 <= sizes[0] <= 8) or all(2 <= size <= 3 for size in sizes)


def _has_dash(separator: str) -> bool:
    """Whether a separator holds a dash."""
    return any(ch in _DASHES for ch in separator)


_FINDERS: tuple[Callable[[str], tuple[int, IdentityKind] | None], ...] = (_find_pnr, _find_email, _find_phone)
