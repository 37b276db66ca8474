"""Starting the conversations in a person's DM: answering a section, and approving a plan."""

from handlers import access
from handlers.context import Ctx
from handlers.errors import DomainError
from handlers.plans.approvals import approver_party, to_group
from handlers.plans.canvas import canvas_follows
from handlers.plans.lookup import plan_name, plan_title, section_list, section_row, template_of
from handlers.plans.names import APPROVE_FLOW, PlanAction, pack, section_flow_name
from handlers.plans.template_schema import Section
from handlers.plans.values import chat_answers
from handlers.replies import Button, Buttons, Paragraph, Send, To, home_changed, reply, say, to_requester, to_user
from handlers.text import Mention, t
from storage import audit
from storage import plans as repo
from storage.conversations import ConversationKey
from storage.groups import find_member
from storage.plan_models import Plan


def start_section(ctx: Ctx, plan: Plan, section: Section) -> list[Send]:
    """Ask a section in the person's DM, starting from its current answers or last year's."""
    row = section_row(plan, section.key)
    member = access.require_member(ctx, plan.group)
    assigned: list[Send] = []
    if row.assignee and row.assignee != ctx.actor.user_id:
        access.require_manager(ctx, plan.group)
    elif row.assignee is None and member is not None:
        repo.assign_section(ctx.session, section=row, user_id=ctx.actor.user_id, now=ctx.now)
        assigned = canvas_follows(ctx, plan)
    name = section_flow_name(plan.template, plan.year, section.key, ctx.config.flat_rate_kr)
    key = ConversationKey(ctx.actor.team_id, ctx.actor.user_id)
    previous = row.answers if row.answers is not None else row.proposal
    answers = chat_answers(section, previous or {})
    data = {"plan_id": plan.id, "section": section.key}
    return [*_into_dm(ctx, ctx.engine.start(ctx, key, name, data=data, answers=answers)), *assigned]


def start_approval(ctx: Ctx, plan: Plan) -> list[Send]:
    """Ask the person, in their DM, for the name and organisation to sign the plan with for their party."""
    party = approver_party(ctx, plan)
    key = ConversationKey(ctx.actor.team_id, ctx.actor.user_id)
    earlier = repo.last_signature_of(ctx.session, user_id=ctx.actor.user_id)
    answers = {"name": earlier.name, "organisation": earlier.organisation or None} if earlier else {}
    data = {
        "plan_id": plan.id,
        "plan": template_of(plan).name,
        "year": str(plan.year),
        "group": plan.group.name,
        "party": party.value,
    }
    return _into_dm(ctx, ctx.engine.start(ctx, key, APPROVE_FLOW, data=data, answers=answers))


def assign_sections(ctx: Ctx, plan: Plan, sections: list[Section], user_id: str) -> list[Send]:
    """Make a member responsible for sections: say so in the channel and tell them in a DM, with buttons."""
    if find_member(ctx.session, group=plan.group, user_id=user_id) is None:
        raise DomainError("plan.assign_not_member", user=Mention(user_id), group=plan.group.name)
    before = {section_row(plan, s.key).assignee for s in sections} - {None, user_id}
    for section in sections:
        repo.assign_section(ctx.session, section=section_row(plan, section.key), user_id=user_id, now=ctx.now)
    audit.record(
        ctx.session,
        team_id=ctx.actor.team_id,
        user_id=ctx.actor.user_id,
        action="plan.assign",
        entity="plan",
        entity_id=plan.id,
        detail={"sections": [s.key for s in sections], "to": user_id},
    )
    titles = section_list(sections)
    said = t(
        "plan.assigned", by=Mention(ctx.actor.user_id), user=Mention(user_id), sections=titles, title=plan_title(plan)
    )
    text = t(
        "plan.assigned_dm",
        sections=titles,
        title=plan_title(plan),
        by=Mention(ctx.actor.user_id),
        deadline=plan.deadline or t("plan.no_deadline"),
    )
    buttons = tuple(
        Button(PlanAction.WRITE, pack(plan.id, s.key), t("plan.button.write_section", section=s.title))
        for s in sections[:5]
    )
    notice = to_user(reply(Paragraph(text), Buttons(buttons)), user_id)
    homes = [home_changed(user) for user in sorted({user_id, *(u for u in before if u)})]  # who owes it now, before
    return [*homes, *to_group(plan, say(said)), notice, *canvas_follows(ctx, plan)]


def my_sections(ctx: Ctx, args: str) -> list[Send]:
    """ "mina avsnitt" in a DM: the sections the person is to write, each with a button to start."""
    rows = repo.sections_assigned_to(ctx.session, team_id=ctx.actor.team_id, user_id=ctx.actor.user_id)
    buttons: list[Button] = []
    for row in rows:
        section = template_of(row.plan).section(row.key)
        if section is None or row.answers is not None:
            continue
        label = t("plan.button.write_in", section=section.title, plan=plan_name(row.plan))
        buttons.append(Button(PlanAction.WRITE, pack(row.plan_id, row.key), label))
    if not buttons:
        return [to_requester(say(t("plan.mine.none")))]
    return [to_requester(reply(Paragraph(t("plan.mine.intro", count=len(buttons))), Buttons(tuple(buttons[:20]))))]


def _into_dm(ctx: Ctx, sends: list[Send]) -> list[Send]:
    """Replies meant for the person go to their DM even when they asked in a channel."""
    if ctx.actor.in_dm:
        return sends
    return [to_user(s.reply, ctx.actor.user_id) if s.to == To.REQUESTER else s for s in sends]
