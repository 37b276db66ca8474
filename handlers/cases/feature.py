"""The cases feature as the router sees it: commands, DM phrases, flows and buttons."""

from handlers.cases import follow_up, register, steps, transfer
from handlers.cases.actions import CaseAction
from handlers.cases.intents import intents
from handlers.cases.target_groups import target_groups_command
from handlers.context import Ctx
from handlers.errors import DomainError
from handlers.replies import Send
from handlers.router import Command, Feature
from handlers.text import t

CLOSED_WORDS = ("stängda", "stangda", "avslutade", "closed")
EXPORT_WORDS = ("export", "exportera")


def cases_command(ctx: Ctx, args: str) -> list[Send]:
    """`/lokus ärenden` (open cases), `/lokus ärenden stängda`, `/lokus ärenden export [xlsx|csv]`."""
    word, _, rest = args.strip().partition(" ")
    word = word.casefold()
    if not word:
        return follow_up.list_page(ctx)
    if word in CLOSED_WORDS and not rest.strip():
        return follow_up.list_page(ctx, follow_up.CLOSED_LIST)
    if word in EXPORT_WORDS:
        return transfer.export_command(ctx, rest)
    raise DomainError("case.list_usage")


def feature() -> Feature:
    """Lots-ärenden: register (chat or form), follow up, close, reopen, export."""
    return Feature(
        commands=(
            Command("ärende", register.register_command, t("help.ärende"), words=("arende",)),
            Command("ärenden", cases_command, t("help.ärenden"), words=("arenden",)),
            Command("målgrupper", target_groups_command, t("help.målgrupper"), words=("malgrupper",)),
        ),
        flows=(*register.FLOWS, *follow_up.NOTE_FLOWS),
        intents=intents(),
        steps=steps.steps(),
        actions={
            CaseAction.NEW: register.new_action,
            CaseAction.FORM: register.form_action,
            CaseAction.LIST: follow_up.list_action,
            CaseAction.MORE: follow_up.more_action,
            CaseAction.STATUS: follow_up.status_action,
            CaseAction.NOTE: follow_up.note_action,
            CaseAction.CLOSE: follow_up.close_action,
            CaseAction.OUTCOME: follow_up.outcome_action,
            CaseAction.REOPEN: follow_up.reopen_action,
            CaseAction.EXPORT: transfer.export_action,
        },
    )
