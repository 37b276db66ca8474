"""Reminders by DM to the people whose sections are missing: at set days before the deadline, or now."""

from collections import defaultdict
from datetime import datetime, time, timedelta

from handlers.context import Ctx
from handlers.parties import Role
from handlers.plans.lookup import missing_sections, plan_title, section_list, template_of
from handlers.plans.names import PlanAction, pack
from handlers.plans.status import deadline_text
from handlers.plans.template_schema import Section
from handlers.replies import Button, Buttons, Paragraph, Send, in_workspace, reply, to_user
from handlers.text import Listing, Mention, Text, t
from storage import plans as repo
from storage.jobs import claim_once
from storage.plan_models import Plan

REMIND_AT = time(9, 0)
MAX_BUTTONS = 5


def due_reminders(ctx: Ctx) -> list[Send]:
    """The scheduler's tick: remind for every open plan whose reminder time has come, once across processes.

    Only the latest reminder that is due counts: a bot that was down over two reminder days sends one, not two.
    """
    sends: list[Send] = []
    for plan in repo.open_plans_due_from(ctx.session, today=ctx.local_now.date()):
        template = template_of(plan)
        if plan.deadline is None:
            continue
        due = [days for days in template.reminders if plan.created_at <= _remind_time(ctx, plan, days) <= ctx.now]
        if due and claim_once(ctx.session, key=f"plan:{plan.id}:reminder:{plan.deadline.isoformat()}:{min(due)}"):
            sends.extend(in_workspace(reminder_sends(ctx, plan), plan.group.workspace.team_id))
    return sends


def reminder_sends(ctx: Ctx, plan: Plan) -> list[Send]:
    """One DM to each person with missing sections, and one to the convenors about sections nobody has."""
    missing = missing_sections(plan, template_of(plan))
    by_person: dict[str, list[Section]] = defaultdict(list)
    unassigned: list[Section] = []
    for section, row in missing:
        if row.assignee:
            by_person[row.assignee].append(section)
        else:
            unassigned.append(section)
    deadline = deadline_text(plan.deadline, ctx.local_now.date())
    sends = [_reminder(plan, sections, user_id, deadline) for user_id, sections in by_person.items()]
    if unassigned:
        titles = section_list(unassigned)
        text = t("plan.remind.unassigned", title=plan_title(plan), sections=titles, deadline=deadline)
        sends.extend(to_user(reply(Paragraph(text)), user_id) for user_id in convenors(plan))
    return sends


def reminded_people(sends: list[Send]) -> Listing:
    """Who got a reminder, as mentions."""
    return Listing(tuple(Mention(s.user_id) for s in sends))


def convenors(plan: Plan) -> list[str]:
    """Who answers for the plan as a whole: the group's sammankallande, else whoever started the plan."""
    chosen = [m.user_id for m in plan.group.members if Role.SAMMANKALLANDE.value in m.role_list]
    return chosen or [plan.created_by]


def _reminder(plan: Plan, sections: list[Section], user_id: str, deadline: Text) -> Send:
    text = t("plan.remind.dm", title=plan_title(plan), sections=section_list(sections), deadline=deadline)
    buttons = tuple(
        Button(PlanAction.WRITE, pack(plan.id, s.key), t("plan.button.write_section", section=s.title))
        for s in sections[:MAX_BUTTONS]
    )
    return to_user(reply(Paragraph(text), Buttons(buttons)), user_id)


def _remind_time(ctx: Ctx, plan: Plan, days: int) -> datetime:
    deadline = plan.deadline or ctx.local_now.date()
    return datetime.combine(deadline - timedelta(days=days), REMIND_AT, tzinfo=ctx.config.tz)
