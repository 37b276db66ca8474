"""Turning typed text into an answer of each kind, and an answer back into something to show."""

import difflib
import re
from collections.abc import Sequence
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from handlers.conversation.flow import Choice, Env, Kind, Question
from handlers.conversation.words import yes_or_no
from handlers.dates import parse_date
from handlers.errors import AnswerError
from handlers.formatting import Amount
from handlers.identity_guard import guard_identity
from handlers.text import Join, t

TYPO_SHORTEST, TYPO_CUTOFF = 5, 0.8
MULTI_SEPARATORS = re.compile(r"\s*(?:,|;|\boch\b|\band\b|\+)\s*|\s+(?=\d)")
AMOUNT_UNITS = {
    "kr": 1,
    "kronor": 1,
    "sek": 1,
    ":-": 1,
    "tkr": 1000,
    "tusen": 1000,
    "mkr": 1_000_000,
    "miljon": 1_000_000,
    "miljoner": 1_000_000,
}


def parse_answer(question: Question, text: str, env: Env) -> Any:
    """The typed text as a value of the question's kind, checked by the question's own rule.

    Identity is looked for first, whatever the kind: a personnummer typed where a choice or a date was asked
    is refused as such, and never repeated back in the message that says the answer was not understood.
    """
    raw = text.strip()
    if not raw:
        raise AnswerError("answer.empty")
    guard_identity(raw)
    value = _PARSERS[question.kind](question, raw, env)
    _check_range(question, value)
    return question.check(value, env) if question.check else value


def _text(question: Question, raw: str, env: Env) -> str:
    return raw


def match_choice(choices: Sequence[Choice], word: str) -> Choice | None:
    """The option a typed word means: its number, value, label word, or an unambiguous beginning."""
    word = word.strip().strip(".").casefold()
    if word.isdecimal() and 1 <= int(word) <= len(choices):
        return choices[int(word) - 1]
    exact = [c for c in choices if word == c.value.casefold() or word in (w.casefold() for w in c.words)]
    if exact:
        return exact[0]
    if len(word) >= 2:
        starts = [c for c in choices if any(w.casefold().startswith(word) for w in (c.value, *c.words))]
        if len(starts) == 1:
            return starts[0]
    return _misspelt(choices, word)


def _misspelt(choices: Sequence[Choice], word: str) -> Choice | None:
    """The one option a small typo of a longer word means ("kvinan", "försäkringskasan"), else None."""
    if len(word) < TYPO_SHORTEST:
        return None
    spelled = {w.casefold(): c for c in choices for w in (c.value, *c.words) if len(w) >= TYPO_SHORTEST}
    close = difflib.get_close_matches(word, list(spelled), n=3, cutoff=TYPO_CUTOFF)
    meant = {spelled[w].value: spelled[w] for w in close}
    return next(iter(meant.values())) if len(meant) == 1 else None


def _choice(question: Question, raw: str, env: Env) -> Any:
    """An option by number, value or word; else what the question's `other` makes of it (an age → its band)."""
    choice = match_choice(question.choices(env), raw)
    if choice is not None:
        return choice.value
    if question.other is not None:
        return question.other(raw, env)
    raise AnswerError("answer.choice_unknown", given=raw, count=len(question.choices(env)))


def _multi(question: Question, raw: str, env: Env) -> list[str]:
    choices = question.choices(env)
    whole = match_choice(choices, raw)
    words = [raw] if whole else [w for w in MULTI_SEPARATORS.split(raw) if w and w.strip()]
    picked: list[str] = []
    for word in words:
        choice = match_choice(choices, word)
        if choice is None:
            raise AnswerError("answer.choice_unknown", given=word, count=len(choices))
        if choice.value not in picked:
            picked.append(choice.value)
    return [c.value for c in choices if c.value in picked]


def _yes_no(question: Question, raw: str, env: Env) -> bool:
    """Yes or no in words ("japp", "nej tack"), or the number beside it as shown ("1) Ja 2) Nej")."""
    said = yes_or_no(raw, numbers=True)
    if said is None:
        raise AnswerError("answer.yes_no")
    return said


def _date(question: Question, raw: str, env: Env) -> str:
    parsed = parse_date(raw, env.ctx.local_now.date())
    if parsed is None:
        raise AnswerError("answer.date", given=raw)
    return parsed.isoformat()


def _decimal(raw: str) -> Decimal:
    cleaned = raw.replace("\u00a0", "").replace(" ", "").replace(",", ".")
    try:
        return Decimal(cleaned)
    except InvalidOperation as error:
        raise AnswerError("answer.number", given=raw) from error


def _number(question: Question, raw: str, env: Env) -> int | float:
    value = _decimal(raw.rstrip("%").strip())
    return int(value) if value == value.to_integral_value() else float(value)


def _amount(question: Question, raw: str, env: Env) -> int:
    match = re.fullmatch(r"([\d\s\u00a0.,]+)\s*([a-zåäö:\-]*)", raw.casefold())
    if not match or not match.group(1).strip():
        raise AnswerError("answer.amount", given=raw)
    unit = AMOUNT_UNITS.get(match.group(2) or "kr")
    if unit is None:
        raise AnswerError("answer.amount", given=raw)
    number = match.group(1).strip()
    if unit == 1 and re.fullmatch(r"\d{1,3}([.\s\u00a0]\d{3})+", number):
        number = re.sub(r"[.\s\u00a0]", "", number)
    return int((_decimal(number) * unit).to_integral_value())


def _check_range(question: Question, value: Any) -> None:
    if not isinstance(value, int | float) or isinstance(value, bool):
        return
    if question.minimum is not None and value < question.minimum:
        raise AnswerError("answer.too_small", minimum=question.minimum)
    if question.maximum is not None and value > question.maximum:
        raise AnswerError("answer.too_large", maximum=question.maximum)


_PARSERS = {
    Kind.TEXT: _text,
    Kind.CHOICE: _choice,
    Kind.MULTI: _multi,
    Kind.YES_NO: _yes_no,
    Kind.DATE: _date,
    Kind.NUMBER: _number,
    Kind.AMOUNT: _amount,
}


def show_answer(question: Question, value: Any, env: Env) -> Any:
    """How an answer is shown in the summary (a Text, a Join or plain user text)."""
    if value is None or value == []:
        return t("answer.skipped")
    if question.show is not None:
        return question.show(value, env)
    labels = {c.value: c.label for c in question.choices(env)} if question.kind in (Kind.CHOICE, Kind.MULTI) else {}
    match question.kind:
        case Kind.CHOICE:
            return labels.get(value, value)
        case Kind.MULTI:
            return Join(tuple(labels.get(v, v) for v in value))
        case Kind.YES_NO:
            return t("answer.yes") if value else t("answer.no")
        case Kind.DATE:
            return date.fromisoformat(value)
        case Kind.AMOUNT:
            return Amount(int(value))
    return value
