"""One row of an imported case log: every cell checked for identity, then read with the spellings people use."""

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from handlers.cases.questions import FAILURE_TEXT_LIMIT, NOTE_LIMIT, OLDEST_YEAR, UNIT_LIMIT
from handlers.cases.vocabulary import (
    AGE_BANDS,
    FAILURES,
    GENDERS,
    OUTCOMES,
    PARTIES,
    STATUSES,
    Term,
    age_band_of,
    lookup,
    spelling,
)
from handlers.conversation.words import NO, YES
from handlers.dates import parse_date
from handlers.errors import AnswerError
from handlers.identity import find_identity
from handlers.identity_guard import cell_refusal
from handlers.parties import party_named
from handlers.text import Join, Text
from storage.cases import CLOSED, NewCase

LIST_SPLIT = re.compile(r"\s*[;,\n]\s*")
DATED_LINE = re.compile(r"^(\d{4}-\d{2}-\d{2})\s*[:–-]?\s*(.*)$")
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class RowProblem:
    """Why one cell (or row) of the file cannot be imported; never holds the refused text itself."""

    line: int
    column: str
    reason: Text


@dataclass(frozen=True)
class CellParsers:
    """What a row is read against: the group's target groups, and today (no case is raised in the future)."""

    targets: tuple[Term, ...]
    today: date


Parse = Callable[[str, CellParsers], Any]


def _day(text: str, parsers: CellParsers) -> date | None:
    if not text:
        return None
    day = _iso_day(text) if ISO_DAY.fullmatch(text[:10]) else parse_date(text, parsers.today)
    if day is None:
        raise AnswerError("case.import.bad_date", given=text)
    if day > parsers.today:
        raise AnswerError("case.date_future")
    if day.year < OLDEST_YEAR:
        raise AnswerError("case.date_too_old", year=str(OLDEST_YEAR))
    return day


def _iso_day(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _required_day(text: str, parsers: CellParsers) -> date:
    day = _day(text, parsers)
    if day is None:
        raise AnswerError("case.import.missing")
    return day


def _term(terms: tuple[Term, ...], empty: str | None = None) -> Parse:
    def parse(text: str, parsers: CellParsers) -> str:
        if not text:
            if empty is None:
                raise AnswerError("case.import.missing")
            return empty
        return _code(terms, text)

    return parse


def _follow_up(text: str, parsers: CellParsers) -> tuple[tuple[date, str], ...]:
    """Follow-up notes: each starts on a line with its day, "2026-11-20: Ringt AF"; a line without a day goes on
    with the note above it (or, first in the cell, is a note of today)."""
    notes: list[tuple[date, str]] = []
    for line in (line.strip() for line in text.splitlines()):
        dated = DATED_LINE.match(line)
        if dated:
            notes.append((_required_day(dated.group(1), parsers), dated.group(2).strip()))
        elif line:
            day, so_far = notes.pop() if notes else (parsers.today, "")
            notes.append((day, f"{so_far}\n{line}" if so_far else line))
    for _, note in notes:
        if len(note) > NOTE_LIMIT:
            raise AnswerError("case.too_long", limit=NOTE_LIMIT, given=len(note))
    return tuple((day, note) for day, note in notes if note)


def _party(text: str) -> str:
    if not text:
        raise AnswerError("case.import.missing")
    party = party_named(text)
    return party.value if party is not None else _code(PARTIES, text)


def _code(terms: tuple[Term, ...], text: str) -> str:
    code = lookup(terms, text)
    if code is None:
        accepted = Join(tuple(spelling(terms, term.code) for term in terms))
        raise AnswerError("case.import.unknown_value", given=text, accepted=accepted)
    return code


def _age_band(text: str, parsers: CellParsers) -> str:
    if not text.isdecimal():
        return str(_term(AGE_BANDS, empty="okant")(text, parsers))
    band = age_band_of(int(text))
    if band is None:
        raise AnswerError("case.import.bad_age", given=text)
    return band


def _codes(text: str, terms: tuple[Term, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(_code(terms, word) for word in LIST_SPLIT.split(text) if word))


def _yes_no(text: str, parsers: CellParsers) -> bool:
    word = text.casefold().strip(" .!")
    if word in ("", "0", "false", "falskt", "-") or word in NO:
        return False
    if word in ("1", "true", "sant", "x") or word in YES:
        return True
    raise AnswerError("case.import.yes_no", given=text)


def _text(limit: int) -> Parse:
    def parse(text: str, parsers: CellParsers) -> str:
        if len(text) > limit:
            raise AnswerError("case.too_long", limit=limit, given=len(text))
        return text

    return parse


PARSERS: dict[str, Parse] = {
    "datum": _required_day,
    "part": lambda text, parsers: _party(text),
    "enhet": _text(UNIT_LIMIT),
    "kon": _term(GENDERS, empty="ej_dokumenterat"),
    "aldersgrupp": _age_band,
    "malgrupper": lambda text, parsers: _codes(text, parsers.targets),
    "brister": lambda text, parsers: _codes(text, FAILURES),
    "tillaggsresurs": _yes_no,
    "status": _term(STATUSES, empty=""),
    "utfall": _term(OUTCOMES, empty=""),
    "anteckning": _text(NOTE_LIMIT),
    "beskrivning": _text(FAILURE_TEXT_LIMIT),
    "avslutad": _day,
    "nummer": lambda text, parsers: None,
    "uppfoljning": lambda text, parsers: _follow_up(text, parsers),
}


def check_cells(line: int, cells: dict[str, str], parsers: CellParsers) -> tuple[NewCase | None, list[RowProblem]]:
    """The row as a new case, or every problem in it. Identity is looked for first, in every cell."""
    problems = []
    for column, text in cells.items():
        kind = find_identity(text)
        if kind is not None:
            problems.append(RowProblem(line, column, cell_refusal(kind)))
    refused = {problem.column for problem in problems}
    values: dict[str, Any] = {}
    for column, parse in PARSERS.items():
        if column in refused:
            continue
        try:
            values[column] = parse(cells.get(column, ""), parsers)
        except AnswerError as error:
            problems.append(RowProblem(line, column, error.text))
    if problems:
        return None, problems
    try:
        return _new_case(values), []
    except AnswerError as error:
        return None, [RowProblem(line, "status", error.text)]


def _new_case(values: dict[str, Any]) -> NewCase:
    status, outcome, closed_on = values["status"], values["utfall"] or None, values["avslutad"]
    if not status:
        status = CLOSED if outcome or closed_on else "open"
    if status != CLOSED and (outcome or closed_on):
        raise AnswerError("case.import.outcome_not_closed")
    if closed_on is not None and closed_on < values["datum"]:
        raise AnswerError("case.import.closed_before_raised")
    if status == CLOSED and outcome is None:
        outcome = "okant"
    return NewCase(
        raised_on=values["datum"],
        party=values["part"],
        unit=values["enhet"],
        gender=values["kon"],
        age_band=values["aldersgrupp"],
        target_groups=values["malgrupper"],
        failures=values["brister"],
        failure_text=values["beskrivning"],
        referred_tr=values["tillaggsresurs"],
        note=values["anteckning"],
        status=status,
        outcome=outcome,
        closed_on=closed_on,
        follow_up=values["uppfoljning"],
    )
