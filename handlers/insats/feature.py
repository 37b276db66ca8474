"""The insatser feature as the router sees it: `/lokus insats …`, `/lokus insatser [alla]`, flows, buttons, tick."""

from handlers.context import Ctx
from handlers.errors import DomainError
from handlers.insats import apply, approval, decision, listing, overview, reports
from handlers.insats.decision_docx import document_action, document_sends
from handlers.insats.intents import intents
from handlers.insats.lookup import insats_by_number
from handlers.insats.names import REPORT_FAMILY, InsatsAction
from handlers.replies import Send
from handlers.router import Command, Feature
from handlers.text import t

NEW_WORDS = ("ny", "nytt", "ansök", "ansok", "new")
CHANGE_WORDS = ("ändra", "andra", "change")
DECISION_WORDS = ("beslut", "decision")
DOCUMENT_WORDS = ("dokument", "docx", "document")
ALL_WORDS = ("alla", "all")


def insats_command(ctx: Ctx, args: str) -> list[Send]:
    """`/lokus insats ny | ändra <nr> | beslut [nr] | dokument <nr>`."""
    word, _, rest = args.strip().partition(" ")
    word = word.casefold()
    if word in NEW_WORDS and not rest.strip():
        return apply.new_command(ctx, rest)
    if word in CHANGE_WORDS and rest.strip():
        return apply.change_command(ctx, rest)
    if word in DECISION_WORDS:
        return decision.decision_command(ctx, rest)
    if word in DOCUMENT_WORDS and rest.strip():
        return document_sends(ctx, insats_by_number(ctx, rest).id)
    raise DomainError("insats.usage")


def insatser_command(ctx: Ctx, args: str) -> list[Send]:
    """`/lokus insatser` (the group's) and `/lokus insatser alla [år]` (the förbund's report)."""
    word, _, rest = args.strip().partition(" ")
    if word.casefold() in ALL_WORDS:
        return overview.overview_command(ctx, rest)
    if word:
        raise DomainError("insats.list_usage")
    return listing.list_command(ctx, args)


def feature() -> Feature:
    """Insatser: apply, approve, decide, export the decision, list, follow up, the förbund's report."""
    return Feature(
        commands=(
            Command("insats", insats_command, t("help.insats")),
            Command("insatser", insatser_command, t("help.insatser")),
        ),
        flows=(apply.FLOW, approval.FLOW, *decision.FLOWS),
        flow_families={REPORT_FAMILY: reports.build_report_flow},
        actions={
            InsatsAction.APPROVE: approval.approve_action,
            InsatsAction.GRANT: decision.grant_action,
            InsatsAction.REJECT: decision.reject_action,
            InsatsAction.DOCUMENT: document_action,
            InsatsAction.REPORT: reports.report_action,
        },
        ticks=(reports.due_reports,),
        intents=intents(),
    )
