"""Every name of the insatser feature in one place: actions, flows, kinds, goal ties, answer keys."""

from enum import StrEnum

APPLY_FLOW = "insats"
APPROVE_FLOW = "insats_approve"
GRANT_FLOW = "insats_grant"
REJECT_FLOW = "insats_reject"
REPORT_FAMILY = "insatsrapport"  # "insatsrapport:<goals>": the report flow for an insats with that many goals
SEPARATOR = "|"

KINDS = ("individ", "struktur", "kompetens")
GOAL_KINDS = ("effekt", "insats")
TIES = ("ingen", "moten", "arenden", "arbete")  # no figure, meetings held, lots-ärenden registered, share to work
STATUSES = ("utkast", "inskickad", "beviljad", "avslagen", "pagar", "avslutad")
PRIORITISED = ("unga_ae", "langvarigt_beroende")  # seed 003: the förbund's two prioritised target groups
OTHER_TARGETS = ("lokusgruppen",)  # the group's own list ends with "annan målgrupp"
ACHIEVED = ("uppnatt", "delvis", "inte")
MAX_COSTS = 5
MAX_GOALS = 4
MORE = "mer"


class InsatsAction(StrEnum):
    """Buttons on the bot's insats messages."""

    APPROVE = "insats.approve"
    GRANT = "insats.grant"
    REJECT = "insats.reject"
    DOCUMENT = "insats.document"
    REPORT = "insats.report"


def cost_key(row: int, column: str) -> str:
    """The answer key of a cell of the other-costs rows ("kostnad.2.belopp")."""
    return f"kostnad.{row}.{column}"


def goal_key(kind: str, row: int, column: str) -> str:
    """The answer key of a goal's part ("effekt.1.text", "insats.2.mal")."""
    return f"{kind}.{row}.{column}"


def report_key(goal: int, column: str) -> str:
    """The answer key of a report's part for the n-th goal ("mal.1.status")."""
    return f"mal.{goal}.{column}"


def pack(*parts: object) -> str:
    """A button value of several parts."""
    return SEPARATOR.join(str(p) for p in parts)
