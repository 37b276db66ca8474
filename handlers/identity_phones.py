"""Phone numbers in text that handlers.identity has already normalised (ASCII digits, "-" for every dash).

A run is digit groups (an area code may stand in parentheses) joined by a space, a dash, a slash or a dot; the
number may start with "+". See the decisions in handlers.identity for which runs are phone numbers.
"""

import re

from handlers.identity_numbers import Group, joined_singles

Part = Group
"""A digit group of a phone-like run (its separator as written, parentheses dropped)."""

_GROUP = r"\(?[0-9]++\)?"
_RUN = re.compile(rf"(?<![0-9+./,-])(?P<plus>\+)?(?P<body>{_GROUP}(?:(?: ?[-/] ?| |\.|(?<=\))){_GROUP})*+)")
_DIGITS = re.compile(r"[0-9]+")
_MAX_GROUPS = 8
_MAX_DIGITS = 15
_AFTER_AREA_CODE_ONLY = "-/"
_MOBILE_WITHOUT_PLUS = "467"


def find_phone(text: str) -> int | None:
    """Where the first phone number starts in normalised text, or None."""
    for run in _RUN.finditer(text):
        start = _phone_in_run(run)
        if start is not None:
            return start
    return None


def _parts(run: re.Match[str]) -> list[Part]:
    """The digit groups of a run, each with its position and the separator before it (parentheses dropped)."""
    body, offset = run["body"], run.start("body")
    parts: list[Part] = []
    previous_end = 0
    for group in _DIGITS.finditer(body):
        separator = body[previous_end : group.start()].replace("(", "").replace(")", "")
        parts.append(Group(offset + group.start(), separator, group.group()))
        previous_end = group.end()
    return joined_singles(parts)


def _phone_in_run(run: re.Match[str]) -> int | None:
    """Where a phone number starts inside a run of digit groups, trying each group a number may start at."""
    parts = _parts(run)
    for first in range(len(parts)):
        if first and _area_separator(parts[first].separator):
            continue
        plus = first == 0 and run["plus"] is not None
        if not plus and not parts[first].digits.startswith(("0", _MOBILE_WITHOUT_PLUS)):
            continue  # a number without + starts with the trunk 0 (or 00), or is a mobile number 46 7…
        for last in range(min(len(parts), first + _MAX_GROUPS), first, -1):
            if _phone_shape(parts[first:last], plus=plus):
                return run.start() if plus else parts[first].start
    return None


def _phone_shape(parts: list[Part], *, plus: bool) -> bool:
    """Whether these digit groups, in this order, are written like a phone number."""
    digits = "".join(part.digits for part in parts)
    if len(digits) > _MAX_DIGITS or not _dots_throughout(parts):
        return False
    if plus:
        return _international(digits, parts)
    if digits.startswith("00"):
        return _international(digits[2:], parts)
    if digits.startswith(_MOBILE_WITHOUT_PLUS):
        return len(parts) == 1 and len(digits) == 11  # 46701234567: a mobile number whose + was left out
    return digits[:1] == "0" and digits[1:2] != "0" and _swedish_national(digits, parts)


def _dots_throughout(parts: list[Part]) -> bool:
    """A number written with dots has them between all its groups (070.123.45.67; a dash or slash may follow the
    area code); a dot among spaces is a time or a decimal ("kl 08.30 09.00")."""
    separators = [part.separator for part in parts[1:]]
    if not any("." in separator for separator in separators):
        return True
    first, later = separators[0], separators[1:]
    return (first == "." or _area_separator(first)) and all(separator == "." for separator in later)


def _international(number: str, parts: list[Part]) -> bool:
    """Whether a number after + or 00 is a Swedish (46) number, or another country's, of a plausible length."""
    if number.startswith("46"):
        national = number[2:]
        national = national[1:] if national.startswith("0") else national
        return 7 <= len(national) <= 9 and national[0] != "0"
    return 8 <= len(number) <= _MAX_DIGITS and number[0] != "0" and not _amount_shaped(parts)


def _amount_shaped(parts: list[Part]) -> bool:
    """Whether the groups look like an amount with thousands separated by spaces (1 250 000)."""
    head, tail = parts[0].digits, parts[1:]
    return bool(tail) and len(head) <= 3 and all(len(p.digits) == 3 and not _area_separator(p.separator) for p in tail)


def _swedish_national(digits: str, parts: list[Part]) -> bool:
    """Whether a number starting with a trunk 0 has Swedish length and grouping."""
    if not 8 <= len(digits) <= 10:
        return False
    if len(parts) == 1:
        return True
    area, rest = parts[0].digits, parts[1:]
    if not 2 <= len(area) <= 4 or any(_area_separator(p.separator) for p in rest[1:]):
        return False
    sizes = [len(p.digits) for p in rest]
    return (len(sizes) == 1 and 5 <= sizes[0] <= 8) or all(2 <= size <= 3 for size in sizes)


def _area_separator(separator: str) -> bool:
    """Whether a separator holds a dash or slash, which only ever follows the area code (018-12 34 56, 018/123456)."""
    return any(ch in _AFTER_AREA_CODE_ONLY for ch in separator)
