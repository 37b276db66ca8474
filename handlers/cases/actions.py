"""Action ids of the buttons on lots-ärende messages, in one place."""

from enum import StrEnum

from handlers.errors import DomainError
from handlers.ids import row_id

SEPARATOR = "|"


class CaseAction(StrEnum):
    """Every button the cases feature puts on a message; values carry a case id (and what to set)."""

    NEW = "case.new"
    FORM = "case.form"
    LIST = "case.list"
    MORE = "case.more"
    STATUS = "case.status"
    NOTE = "case.note"
    CLOSE = "case.close"
    OUTCOME = "case.outcome"
    REOPEN = "case.reopen"
    EXPORT = "case.export"


def pack(*parts: object) -> str:
    """A button value made of several parts."""
    return SEPARATOR.join(str(part) for part in parts)


def case_id_of(value: str) -> tuple[int, str]:
    """The case id and the rest of a button value ("12|closed" → (12, "closed"))."""
    first, _, rest = value.partition(SEPARATOR)
    case_id = row_id(first)
    if case_id is None:
        raise DomainError("action.unknown")
    return case_id, rest
