"""A second look for personnummer written the way people get them past a check: other separators, digits
spelt out as words or letters standing in for digits.

The first look (`handlers.identity_numbers`) knows how numbers are usually written and refuses a real date even
with a wrong check digit. Written in these other ways, a number is refused only when its date is real **and** its
check digit is right, so that what ordinary text holds (a date and a time, a period, a list of figures, a word
count) is not taken for one: one random ten-digit string in a hundred or so passes both.

Decisions:

* Separators: any of `/ : ( ) [ ] - + .`, spaces and line breaks, between digit groups of any length, the date cut
  anywhere ("85/03/12-1231", "850312:1231", "8503-12-1231", "(850312)-(1231)", "850312\\n1231"). The ten or twelve
  digits must be the whole run of digits and separators, apart from what spaces or a line break keep apart (a
  period "2017-01-01-2017-12-31" has sixteen digits and is not read as one). Their last four are unbroken or
  "12 31"; "2026/12/01 13:45" is a day and a time. Over a line break only an unbroken date above unbroken last
  four.
* Spelt out: ten or twelve Swedish (or English) digit words in a row ("åtta fem noll tre …").
* Letters for digits: O and o for 0, l, I and | for 1, inside a word that already holds at least five digits
  ("85O3l2-l23l").
"""

import re

from handlers.identity_numbers import number_kind

_LINK = r"[ \t]*[/:()\[\]+.\-][ \t/:()\[\]+.\-]*|[ \t]+|[ \t]*\n[ \t]*"
_RUN = re.compile(rf"(?<![0-9])[(\[]?[0-9]+(?:(?:{_LINK})[0-9]+)*")
_GROUP = re.compile(r"[0-9]+")
_WORDS = {
    "noll": "0", "ett": "1", "en": "1", "två": "2", "tre": "3", "fyra": "4", "fem": "5", "sex": "6", "sju": "7",
    "åtta": "8", "nio": "9", "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
    "six": "6", "seven": "7", "eight": "8", "nine": "9",
}  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+")
_LOOKALIKE_WORD = re.compile(r"[0-9Ool|I][0-9Ool|I./:\-]*[0-9Ool|I]")
_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1"})
_MIN_REAL_DIGITS = 5


def find_disguised(text: str) -> tuple[int, str] | None:
    """Where the first disguised personnummer or samordningsnummer (check digit right) starts, and its kind."""
    found = [hit for hit in (_separated(text), _spelt_out(text), _lookalikes(text)) if hit is not None]
    return min(found) if found else None


def _separated(text: str) -> tuple[int, str] | None:
    for run in _RUN.finditer(text):
        groups = [(m.start() + run.start(), run.group()[previous:m.start()], m.group())
                  for previous, m in _with_previous_end(run.group())]  # fmt: skip
        hit = _window(groups)
        if hit is not None:
            return hit
    return None


def _with_previous_end(run: str) -> list[tuple[int, re.Match[str]]]:
    """Each digit group of a run with where the group before it ended."""
    pairs, end = [], 0
    for match in _GROUP.finditer(run):
        pairs.append((end, match))
        end = match.end()
    return pairs


def _window(groups: list[tuple[int, str, str]]) -> tuple[int, str] | None:
    """The first window of groups, bounded by spaces, line breaks or the run's ends, that is a personnummer."""
    for first in range(len(groups)):
        if first and not _soft(groups[first][1]):
            continue
        digits = ""
        for last in range(first, len(groups)):
            digits += groups[last][2]
            if len(digits) > 12:
                break
            ends_softly = last + 1 == len(groups) or _soft(groups[last + 1][1])
            window = groups[first : last + 1]
            if len(digits) in (10, 12) and ends_softly and _serial_whole(window) and _lines_whole(window):
                kind = number_kind(digits, strict=True)
                if kind is not None:
                    return groups[first][0], kind
    return None


def _soft(link: str) -> bool:
    """Whether a link between groups is only spaces or a line break, which may also part two numbers."""
    return link.strip() == "" and link != ""


def _lines_whole(window: list[tuple[int, str, str]]) -> bool:
    """Over a line break only the date and the last four, each unbroken: "850312" and "1231" on two lines, not a
    date written with dashes above a line that begins with a figure."""
    return len(window) == 2 or not any("\n" in link for _, link, _ in window[1:])


def _serial_whole(window: list[tuple[int, str, str]]) -> bool:
    """Whether the last four digits are one group, or "12 31" split by a space."""
    sizes = [len(digits) for _, _, digits in window]
    tail = []
    total = 0
    for size, (_, link, _) in zip(reversed(sizes), reversed(window), strict=True):
        tail.append((size, link))
        total += size
        if total >= 4:
            break
    if total != 4:
        return False  # a group runs across the date and the last four: "85031212 31" is not how anyone writes it
    return len(tail) == 1 or (len(tail) == 2 and tail[0][1] == " " and tail[0][0] == 2)


def _spelt_out(text: str) -> tuple[int, str] | None:
    start, digits = 0, ""
    for word in _WORD.finditer(text.lower()):
        digit = _WORDS.get(word.group())
        if digit is None:
            start, digits = 0, ""
            continue
        if not digits:
            start = word.start()
        digits += digit
        for length in (10, 12):
            if len(digits) >= length:
                kind = number_kind(digits[-length:], strict=True)
                if kind is not None:
                    return start, kind
    return None


def _lookalikes(text: str) -> tuple[int, str] | None:
    for word in _LOOKALIKE_WORD.finditer(text):
        written = word.group()
        if sum(ch.isdigit() for ch in written) < _MIN_REAL_DIGITS or written.isdigit():
            continue
        hit = _separated(written.translate(_LOOKALIKES))
        if hit is not None:
            return word.start() + hit[0], hit[1]
    return None
