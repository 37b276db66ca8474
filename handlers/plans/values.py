"""A stored answer as something to show: in chat (catalogue values) and in the documents (plain text)."""

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from handlers.formatting import Amount, Percent
from handlers.plans.tables import answers_from_rows, is_table, rows_from_answers
from handlers.plans.template_schema import QuestionKind, Section
from handlers.text import t

Words = Callable[[Any], str]


def shown(kind: QuestionKind, value: Any) -> Any:
    """How a stored answer is shown: user text as it is, everything else as the catalogue renders it."""
    if value is None or value == "":
        return t("plan.answer.empty")
    match kind:
        case QuestionKind.YES_NO:
            return t("answer.yes") if value else t("answer.no")
        case QuestionKind.DATE:
            return date.fromisoformat(value)
        case QuestionKind.AMOUNT:
            return Amount(int(value))
        case QuestionKind.PERCENT:
            return Percent(value)
        case QuestionKind.NUMBER:
            return value
    return value


def plain(kind: QuestionKind, value: Any, words: Words) -> str:
    """An answer as plain text for a document: user text untouched, the rest in the reader's words."""
    result = shown(kind, value)
    return result if isinstance(result, str) else words(result)


def stored_answers(section: Section, flat: Mapping[str, Any]) -> dict[str, Any]:
    """A section's answers as the plan keeps them, from the chat's flat answers (tables become rows)."""
    return {q.key: rows_from_answers(q, flat) if is_table(q) else flat.get(q.key) for q in section.questions}


def chat_answers(section: Section, stored: Mapping[str, Any]) -> dict[str, Any]:
    """The chat's flat answers from stored ones, to review or change them in a conversation."""
    flat: dict[str, Any] = {}
    for question in section.questions:
        value = stored.get(question.key)
        if is_table(question):
            flat.update(answers_from_rows(question, value or []))
        elif question.key in stored:
            flat[question.key] = value
    return flat
