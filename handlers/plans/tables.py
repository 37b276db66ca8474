"""Table questions (the resource table): the flat-rate cost, totals, and rows as the chat asks them.

In chat a table is asked row by row: one question per column and then "another row?". Those answers are
flat keys ("resurser.2.kostnad", "resurser.2.mer"); the plan stores the rows as a list of dicts.
"""

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from handlers.plans.template_schema import Question, QuestionKind

MORE = "mer"
Row = dict[str, Any]


def flat_rate_cost(flat_rate_kr: int, percent: float | int | None) -> int:
    """What a post costs at the flat rate for a whole year: 600 000 kr × 75 % = 450 000 kr."""
    if percent is None:
        return 0
    cost = Decimal(flat_rate_kr) * Decimal(str(percent)) / Decimal(100)
    return int(cost.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def cell_key(question: Question, row: int, column: str) -> str:
    """The flat answer key of one cell (rows count from 1)."""
    return f"{question.key}.{row}.{column}"


def rows_from_answers(question: Question, answers: Mapping[str, Any]) -> list[Row]:
    """The table's rows from the chat's flat answers (a row exists when its first cell was answered)."""
    first = question.columns[0].key
    rows: list[Row] = []
    for number in range(1, question.max_rows + 1):
        if answers.get(cell_key(question, number, first)) is None:
            break
        rows.append({c.key: answers.get(cell_key(question, number, c.key)) for c in question.columns})
        if not answers.get(cell_key(question, number, MORE)):
            break
    return rows


def answers_from_rows(question: Question, rows: list[Row]) -> dict[str, Any]:
    """The flat answers that fill the chat's questions from stored rows (to review or change them)."""
    flat: dict[str, Any] = {}
    kept = rows[: question.max_rows]
    for number, row in enumerate(kept, start=1):
        for column in question.columns:
            flat[cell_key(question, number, column.key)] = row.get(column.key)
        if number < question.max_rows:
            flat[cell_key(question, number, MORE)] = number < len(kept)
    return flat


def totals(question: Question, rows: list[Row]) -> dict[str, int | float]:
    """The sum of every column marked `total`, over the rows (empty cells count as nothing)."""
    sums: dict[str, int | float] = {}
    for column in question.columns:
        if column.total:
            values = [row.get(column.key) for row in rows]
            total = sum(
                (Decimal(str(v)) for v in values if isinstance(v, int | float) and not isinstance(v, bool)), Decimal(0)
            )
            sums[column.key] = int(total) if total == total.to_integral_value() else float(total)
    return sums


def is_table(question: Question) -> bool:
    """Whether the question is a table."""
    return question.kind == QuestionKind.TABLE
