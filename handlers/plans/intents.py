"""How people ask for plans in a DM: each intent, its handler and everyday phrasings."""

from handlers.context import Ctx
from handlers.intents import Intent
from handlers.replies import Send
from handlers.text import t

MY_SECTIONS = (
    "mina avsnitt",
    "vilka avsnitt ska jag skriva",
    "skriva mitt avsnitt",
    "svara på mitt avsnitt",
    "mina planavsnitt",
    "avsnitt att skriva",
    "my sections",
)
STATUS = (
    "planen",
    "status för planen",
    "hur går det med planen",
    "visa verksamhetsplanen",
    "är planen klar",
    "plan status",
)
APPROVE = (
    "godkänn planen",
    "godkänna verksamhetsplanen",
    "signera planen",
    "skriva under planen",
    "approve the plan",
)


def my_sections(ctx: Ctx, args: str) -> list[Send]:
    """The sections the person is to write."""
    from handlers.plans.writing import my_sections as sections

    return sections(ctx, "")


def status(ctx: Ctx, args: str) -> list[Send]:
    """The status of the group's plan."""
    from handlers.plans.commands import plan_command

    return plan_command(ctx, "")


def approve(ctx: Ctx, args: str) -> list[Send]:
    """Approve the group's plan for the person's party."""
    from handlers.plans.commands import approve as approve_plan

    return approve_plan(ctx, [])


def intents() -> tuple[Intent, ...]:
    """What the plans feature answers to in a DM."""
    return (
        Intent(
            "plan.mine",
            my_sections,
            t("intent.plan.mine"),
            MY_SECTIONS,
            words=("mina avsnitt", "my sections"),
            command="plan svara",
        ),
        Intent(
            "plan.status", status, t("intent.plan.status"), STATUS, words=("plan",), command="plan", needs_group=True
        ),
        Intent(
            "plan.approve",
            approve,
            t("intent.plan.approve"),
            APPROVE,
            words=("godkänn", "godkann"),
            command="plan godkänn",
            needs_group=True,
        ),
    )
