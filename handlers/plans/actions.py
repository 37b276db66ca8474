"""The plans feature's buttons and menus: assign with the person picker, write, approve, remind, read, export."""

from handlers import access
from handlers.context import Ctx
from handlers.errors import DomainError
from handlers.plans.commands import remind_now
from handlers.plans.documents import document_sends, whole_plan
from handlers.plans.lookup import load_plan, template_of
from handlers.plans.names import PlanAction, unpack
from handlers.plans.template_schema import Section
from handlers.plans.writing import assign_sections, start_approval, start_section
from handlers.replies import Send, to_requester
from handlers.router import ActionRun
from storage.plan_models import Plan


def _plan_and_section(ctx: Ctx, value: str) -> tuple[Plan, Section]:
    plan_id, key = unpack(value)
    plan = load_plan(ctx, plan_id)
    section = template_of(plan).section(key)
    if section is None:
        raise DomainError("plan.section_gone")
    return plan, section


def on_assign(ctx: Ctx, action: str, value: str, selected: list[str]) -> list[Send]:
    """A person picked in the plan message's menu beside a section."""
    plan, section = _plan_and_section(ctx, value)
    access.require_manager(ctx, plan.group)
    if not selected or not selected[0]:
        raise DomainError("plan.assign_usage")
    return assign_sections(ctx, plan, [section], selected[0])


def on_write(ctx: Ctx, action: str, value: str, selected: list[str]) -> list[Send]:
    """ "Skriv" on a section: answer it in the DM."""
    plan, section = _plan_and_section(ctx, value)
    return start_section(ctx, plan, section)


def on_approve(ctx: Ctx, action: str, value: str, selected: list[str]) -> list[Send]:
    """ "Godkänn": sign the plan for your party in the DM."""
    return start_approval(ctx, load_plan(ctx, unpack(value)[0]))


def on_remind(ctx: Ctx, action: str, value: str, selected: list[str]) -> list[Send]:
    """ "Påminn": remind those with missing sections now."""
    return remind_now(ctx, load_plan(ctx, unpack(value)[0]))


def on_document(ctx: Ctx, action: str, value: str, selected: list[str]) -> list[Send]:
    """ "Dokument": the files, in the channel when pressed there, else to the person."""
    plan = load_plan(ctx, unpack(value)[0])
    return document_sends(ctx, plan, to_group=not ctx.actor.in_dm)


def on_show(ctx: Ctx, action: str, value: str, selected: list[str]) -> list[Send]:
    """ "Läs planen": the whole plan as text, privately."""
    return [to_requester(whole_plan(ctx, load_plan(ctx, unpack(value)[0])))]


ACTIONS: dict[str, ActionRun] = {
    PlanAction.ASSIGN: on_assign,
    PlanAction.WRITE: on_write,
    PlanAction.APPROVE: on_approve,
    PlanAction.REMIND: on_remind,
    PlanAction.DOCUMENT: on_document,
    PlanAction.SHOW: on_show,
}
