"""Personnummer, samordningsnummer and phone numbers in text that handlers.identity has already normalised.

Normalised text has ASCII digits only, every dash written "-", format characters taken out and each run of
spaces written as one space (see `handlers.identity.normalised`). A number is looked for in *runs*: digit groups
joined by spaces, dots, dashes or plus signs, the way people split a number to read it, or to get it past a check.
Each finder returns where the first number starts and the name of its kind (an IdentityKind member's name).
"""

import re
from dataclasses import dataclass
from datetime import date

Found = tuple[int, str]
"""Where a number starts in the text, and the name of its kind ("PERSONNUMMER", "LIKELY_PERSONNUMMER", …)."""

_RUN = re.compile(r"(?<![0-9])[0-9]++(?:(?: ?[-+.] ?| )[0-9]++)*+")
_DIGITS = re.compile(r"[0-9]++")
_CENTURIES = ("18", "19", "20")
_DATE_CUTS = {6: ((2, 4),), 8: ((4, 6), (2, 4, 6))}
"""Where a written-out date may be split: YY MM DD, YYYY MM DD or CC YY MM DD."""
_SINGLES_JOINED = 3
"""This many one-digit groups in a row, split the same way ("8 5 0 3 1 2"), are read as one group."""


@dataclass(frozen=True)
class Group:
    """A group of digits in a run: where it starts, the separator before it (" ", "-", "+", "." or ""), its digits."""

    start: int
    separator: str
    digits: str


def luhn_ok(digits: str) -> bool:
    """Whether a string of ASCII digits (no separators) passes the Luhn check."""
    if not digits or not all("0" <= ch <= "9" for ch in digits):
        return False
    total = 0
    for position, ch in enumerate(reversed(digits)):
        value = int(ch) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def number_kind(digits: str, *, strict: bool = False) -> str | None:
    """The kind of 10 or 12 digits read as a personnummer or samordningsnummer, or None when the date is not real.

    A real date with a wrong check digit is a LIKELY_ kind (a mistyped number), unless `strict`.
    """
    if len(digits) == 12 and digits[:2] not in _CENTURIES or len(digits) not in (10, 12):
        return None
    ymd, serial = digits[-10:-4], digits[-4:]
    month, day = int(ymd[2:4]), int(ymd[4:6])
    kind = "PERSONNUMMER"
    if day > 60:
        kind, day = "SAMORDNINGSNUMMER", day - 60
    years = [int(digits[:4])] if len(digits) == 12 else [hundred + int(ymd[:2]) for hundred in (1800, 1900, 2000)]
    if not any(_real_date(year, month, day) for year in years):
        return None
    if luhn_ok(ymd + serial):
        return kind
    return None if strict else "LIKELY_" + kind


def _real_date(year: int, month: int, day: int) -> bool:
    """Whether the year, month and day make a date in the calendar."""
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def find_personnummer(text: str) -> Found | None:
    """The first personnummer or samordningsnummer (also one with a wrong check digit) in normalised text."""
    for run in _RUN.finditer(text):
        groups = joined_singles(_groups(run))
        for first in range(len(groups)):
            length = 0
            for last in range(first, len(groups)):
                length += len(groups[last].digits)
                if length > 12:
                    break
                if length not in (10, 12):
                    continue
                kind = _window_kind(groups[first : last + 1], goes_on=_goes_on(groups, last))
                if kind is not None:
                    return groups[first].start, kind
    return None


def _goes_on(groups: list[Group], last: int) -> bool:
    """Whether the run goes on after this group with a dash, plus or dot."""
    return last + 1 < len(groups) and groups[last + 1].separator in ("-", "+", ".")


def _groups(run: re.Match[str]) -> list[Group]:
    """The digit groups of a run, each with the kind of separator before it."""
    text, groups, previous_end = run.group(), [], 0
    for match in _DIGITS.finditer(text):
        between = text[previous_end : match.start()]
        separator = between.strip() or (" " if between else "")
        groups.append(Group(run.start() + match.start(), separator, match.group()))
        previous_end = match.end()
    return groups


def joined_singles(groups: list[Group]) -> list[Group]:
    """Runs of one-digit groups split the same way ("8 5 0 3 1 2") joined into one group ("850312")."""
    joined: list[Group] = []
    index = 0
    while index < len(groups):
        end = index + 1
        while (
            end < len(groups)
            and len(groups[end].digits) == 1
            and len(groups[end - 1].digits) == 1
            and (end == index + 1 or groups[end].separator == groups[index + 1].separator)
        ):
            end += 1
        if end - index >= _SINGLES_JOINED:
            digits = "".join(g.digits for g in groups[index:end])
            joined.append(Group(groups[index].start, groups[index].separator, digits))
        else:
            joined.extend(groups[index:end])
        index = end
    return joined


def _window_kind(window: list[Group], *, goes_on: bool = False) -> str | None:
    """The kind of consecutive groups (10 or 12 digits in all) when they are written like a personnummer.

    `goes_on`: the run goes on after them with a dash, plus or dot; after a date written with dashes or dots the
    four digits are then the start of another date, as in the period "2017-01-01-2017-12-31".
    """
    digits = "".join(g.digits for g in window)
    if number_kind(digits) is None:
        return None  # no real date: nothing to look at in how it is written
    date_length = len(digits) - 4
    cuts, offset = [], 0
    for group in window:
        if offset:
            cuts.append((offset, group.separator))
        offset += len(group.digits)
    in_date = [(at, sep) for at, sep in cuts if at < date_length]
    in_serial = [(at, sep) for at, sep in cuts if at > date_length]
    between = [sep for at, sep in cuts if at == date_length]
    if (in_date or in_serial) and not between:
        return None
    if in_serial and in_serial != [(date_length + 2, " ")]:
        return None  # the last four digits are split only as "12 31"; "13-16" after a date is a time
    strict = False
    if in_date:
        if tuple(at for at, _ in in_date) not in _DATE_CUTS[date_length] or len({sep for _, sep in in_date}) != 1:
            return None
        if in_date[0][1] in "-." and goes_on:
            return None
        strict = in_date[0][1] in "-." and between[0] == " "  # "2026-11-20 1300" is a day and a time
    return number_kind(digits, strict=strict)


def whole_number(text: str) -> str | None:
    """The digits of normalised text when all of it is one number written like a personnummer, else None."""
    run = _RUN.fullmatch(text)
    if run is None:
        return None
    groups = joined_singles(_groups(run))
    digits = "".join(group.digits for group in groups)
    return digits if len(digits) in (10, 12) and _window_kind(groups) is not None else None
