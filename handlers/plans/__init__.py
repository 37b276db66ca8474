"""Yearly plans written together in chat: templates as data, sections answered by DM, every party's approval,
reminders before the deadline, and the finished plan as Word and Markdown documents."""

from handlers.router import Command, Feature
from handlers.text import t


def feature() -> Feature:
    """The plans feature: `/lokus plan …`, the section and approval conversations, buttons and reminders."""
    from handlers.plans.actions import ACTIONS
    from handlers.plans.approvals import approve_flow
    from handlers.plans.canvas import HOOKS
    from handlers.plans.commands import plan_command
    from handlers.plans.intents import intents
    from handlers.plans.names import SECTION_FAMILY
    from handlers.plans.reminders import due_reminders
    from handlers.plans.section_flows import build_section_flow

    return Feature(
        commands=(Command("plan", plan_command, t("help.plan"), words=("planer", "plans")),),
        flows=(approve_flow(),),
        flow_families={SECTION_FAMILY: build_section_flow},
        intents=intents(),
        actions=ACTIONS,
        ticks=(due_reminders,),
        posted=HOOKS,
    )
