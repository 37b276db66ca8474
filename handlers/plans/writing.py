"""Starting the conversations in a person's DM: answering a section, and approving a plan."""

from functools import lru_cache

from handlers import access
from handlers.context import Ctx
from handlers.conversation.engine import Engine
from handlers.conversation.flow import FlowBook
from handlers.errors import DomainError
from handlers.plans.approvals import approve_flow, approver_party, to_group
from handlers.plans.lookup import filling_for, plan_name, plan_title, section_list, section_row, template_of
from handlers.plans.names import APPROVE_FLOW, SECTION_FAMILY, PlanAction, pack, section_flow_name
from handlers.plans.section_flows import build_section_flow
from handlers.plans.template_schema import Section
from handlers.plans.values import chat_answers
from handlers.replies import Button, Buttons, Header, Note, Paragraph, Part, Send, To, reply, say, to_requester, to_user
from handlers.text import Mention, Text, t
from storage import audit, conversations
from storage import plans as repo
from storage.conversations import ConversationKey
from storage.groups import find_member
from storage.plan_models import Plan

OPEN = ("active", "paused")


@lru_cache(maxsize=1)
def plan_engine() -> Engine:
    """An engine that knows the plan flows, to start them (the router's engine answers them afterwards)."""
    return Engine(FlowBook({APPROVE_FLOW: approve_flow()}, {SECTION_FAMILY: build_section_flow}))


def start_section(ctx: Ctx, plan: Plan, section: Section) -> list[Send]:
    """Ask a section in the person's DM, starting from its current answers or last year's."""
    row = section_row(plan, section.key)
    member = access.require_member(ctx, plan.group)
    if row.assignee and row.assignee != ctx.actor.user_id:
        access.require_manager(ctx, plan.group)
    elif row.assignee is None and member is not None:
        repo.assign_section(ctx.session, section=row, user_id=ctx.actor.user_id, now=ctx.now)
    name = section_flow_name(plan.template, plan.year, section.key, ctx.config.flat_rate_kr)
    key = ConversationKey(ctx.actor.team_id, ctx.actor.user_id)
    if _open_flow(ctx, key) == name:
        return _into_dm(ctx, plan_engine().handle_text(ctx, key, "fortsätt") or [])
    _refuse_when_busy(ctx, key)
    previous = row.answers if row.answers is not None else row.proposal
    lead: list[Part] = [Header(t("plan.write.title", section=section.title, title=plan_title(plan)))]
    if section.intro:
        lead.append(Paragraph(t("plan.q.intro", text=_intro(ctx, plan, section))))
    if previous is not None:
        lead.append(Note(_previous_note(plan, row.answers is None)))
    lead.append(Note(t("plan.write.how")))
    answers = chat_answers(section, previous or {})
    started = plan_engine().start(ctx, key, name, data={"plan_id": plan.id, "section": section.key}, answers=answers)
    return _into_dm(ctx, [to_requester(reply(*lead)), *started])


def start_approval(ctx: Ctx, plan: Plan) -> list[Send]:
    """Ask the person, in their DM, for the name and organisation to sign the plan with for their party."""
    party = approver_party(ctx, plan)
    key = ConversationKey(ctx.actor.team_id, ctx.actor.user_id)
    _refuse_when_busy(ctx, key)
    earlier = repo.last_signature_of(ctx.session, user_id=ctx.actor.user_id)
    answers = {"name": earlier.name, "organisation": earlier.organisation or None} if earlier else {}
    intro = say(t("plan.approve.intro", title=plan_title(plan), party=t(f"party.{party.value}")))
    data = {"plan_id": plan.id, "plan": template_of(plan).name, "year": str(plan.year), "group": plan.group.name}
    started = plan_engine().start(ctx, key, APPROVE_FLOW, data=data, answers=answers)
    return _into_dm(ctx, [to_requester(intro), *started])


def assign_sections(ctx: Ctx, plan: Plan, sections: list[Section], user_id: str) -> list[Send]:
    """Make a member responsible for sections: say so in the channel and tell them in a DM, with buttons."""
    if find_member(ctx.session, group=plan.group, user_id=user_id) is None:
        raise DomainError("plan.assign_not_member", user=Mention(user_id), group=plan.group.name)
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
    return [*to_group(plan, say(said)), notice]


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


def _open_flow(ctx: Ctx, key: ConversationKey) -> str | None:
    current = conversations.load(ctx.session, key=key)
    return current.flow if current is not None and current.status in OPEN else None


def _refuse_when_busy(ctx: Ctx, key: ConversationKey) -> None:
    """Starting here would end the person's unfinished conversation and lose its answers: ask them first."""
    if _open_flow(ctx, key) is not None:
        raise DomainError("plan.write.busy")


def _previous_note(plan: Plan, is_proposal: bool) -> Text:
    if is_proposal:
        return t("plan.write.proposal", year=str(plan.copied_from_year or plan.year - 1))
    return t("plan.write.current")


def _intro(ctx: Ctx, plan: Plan, section: Section) -> str:
    return filling_for(ctx, plan).fill(section.intro or "")


def _into_dm(ctx: Ctx, sends: list[Send]) -> list[Send]:
    """Replies meant for the person go to their DM even when they asked in a channel."""
    if ctx.actor.in_dm:
        return sends
    return [to_user(s.reply, ctx.actor.user_id) if s.to == To.REQUESTER else s for s in sends]
