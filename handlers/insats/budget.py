"""The application's budget from its answers: the post at the flat rate for the months of the period, other costs."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from handlers.insats.names import MAX_COSTS, MORE, cost_key

MONTHS_A_YEAR = 12


@dataclass(frozen=True)
class CostRow:
    """One row of the budget: what it is, the percent of a full-time post (for a post), the kronor."""

    text: str
    kronor: int
    percent: float | None = None


def months(start: date, end: date) -> int:
    """The calendar months the period touches: 2018-01-01 – 2018-12-31 is 12."""
    return max(1, (end.year - start.year) * MONTHS_A_YEAR + end.month - start.month + 1)


def post_cost(flat_rate_kr: int, percent: float | None, start: date, end: date) -> int:
    """A post at the flat rate: 600 000 kr a year × 20 % × 12/12 months = 120 000 kr."""
    if not percent:
        return 0
    cost = Decimal(flat_rate_kr) * Decimal(str(percent)) / 100 * months(start, end) / MONTHS_A_YEAR
    return int(cost.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def cost_rows(answers: Mapping[str, Any], flat_rate_kr: int) -> list[CostRow]:
    """Every budget row the answers hold: the post first, then the other costs in order."""
    rows: list[CostRow] = []
    percent = answers.get("tjanst")
    if percent and answers.get("start") and answers.get("slut"):
        start, end = date.fromisoformat(answers["start"]), date.fromisoformat(answers["slut"])
        title = str(answers.get("tjanst_titel") or "")
        rows.append(CostRow(title, post_cost(flat_rate_kr, float(percent), start, end), float(percent)))
    for row in range(1, MAX_COSTS + 1):
        text = answers.get(cost_key(row, "text"))
        if text is None:
            break
        rows.append(CostRow(str(text), int(answers.get(cost_key(row, "belopp")) or 0)))
        if answers.get(cost_key(row, MORE)) is not True:
            break
    return rows


def total(answers: Mapping[str, Any], flat_rate_kr: int) -> int:
    """The sum applied for."""
    return sum(row.kronor for row in cost_rows(answers, flat_rate_kr))
