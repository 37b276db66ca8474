"""One place for the plans feature's names: action ids, flow names, and how template texts are filled in."""

from dataclasses import dataclass
from enum import StrEnum

from handlers.formatting import format_amount
from handlers.ids import row_id

TEMPLATE_LANGUAGE = "sv"  # the templates' texts are Swedish, so the numbers put into them are too

SECTION_FAMILY = "plan"
APPROVE_FLOW = "plan_approve"


class PlanAction(StrEnum):
    """Every button and menu the plans feature puts on a message; values are "<plan id>[:<section>]"."""

    ASSIGN = "plan.assign"
    WRITE = "plan.write"
    APPROVE = "plan.approve"
    REMIND = "plan.remind"
    DOCUMENT = "plan.document"
    SHOW = "plan.show"


def pack(plan_id: int, section: str = "") -> str:
    """A button value naming a plan and, optionally, one of its sections."""
    return f"{plan_id}:{section}" if section else str(plan_id)


def unpack(value: str) -> tuple[int, str]:
    """The plan id and section key of a button value (0 when it is not one of ours)."""
    plan, _, section = value.partition(":")
    return row_id(plan) or 0, section


def section_flow_name(template: str, year: int, section: str, flat_rate_kr: int) -> str:
    """The conversation flow that asks one section: every text it shows is known from the name alone."""
    return f"{SECTION_FAMILY}:{template}:{year}:{section}:{flat_rate_kr}"


@dataclass(frozen=True)
class Filling:
    """What a template's placeholders stand for in one plan: {år}, {grupp}, {sista_dag}, {schablon}."""

    year: int
    flat_rate_kr: int
    group: str = ""
    deadline: str = ""

    def fill(self, text: str) -> str:
        """The text with its placeholders filled in ({{ and }} are literal braces)."""
        return text.format_map(
            {
                "år": str(self.year),
                "grupp": self.group,
                "sista_dag": self.deadline,
                "schablon": format_amount(self.flat_rate_kr, TEMPLATE_LANGUAGE),
            }
        )

    def maybe(self, text: str | None) -> str | None:
        """Like fill, for texts that may be missing."""
        return None if text is None else self.fill(text)
