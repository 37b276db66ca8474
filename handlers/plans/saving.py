"""Saving a section someone answered in chat: its history, what the group sees, and what follows."""

from collections.abc import Mapping
from typing import Any

from handlers import access
from handlers.context import Ctx
from handlers.errors import DomainError
from handlers.plans.approvals import after_change, to_group
from handlers.plans.canvas import canvas_follows
from handlers.plans.lookup import load_plan, missing_sections, plan_title, section_row, template_of
from handlers.plans.names import PlanAction, pack
from handlers.plans.values import stored_answers
from handlers.replies import Button, Buttons, Paragraph, Send, Style, home_changed, reply, say, to_requester
from handlers.text import Mention, t
from storage import audit
from storage import plans as repo
from storage.plan_models import Plan


def save_section(ctx: Ctx, answers: dict[str, Any], data: Mapping[str, Any]) -> list[Send]:
    """The finish of a section's flow: keep the answers (with history) and tell whoever needs to know."""
    plan = load_plan(ctx, int(data["plan_id"]))
    template = template_of(plan)
    section = template.section(str(data["section"]))
    if section is None:
        raise DomainError("plan.section_gone")
    row = section_row(plan, section.key)
    if row.assignee and row.assignee != ctx.actor.user_id:  # given to someone else meanwhile
        access.require_manager(ctx, plan.group)
    stored = stored_answers(section, answers)
    if stored == row.answers:
        return [to_requester(say(t("plan.saved_unchanged", section=section.title, title=plan_title(plan))))]
    revision = repo.save_answers(ctx.session, section=row, answers=stored, user_id=ctx.actor.user_id, now=ctx.now)
    audit.record(
        ctx.session,
        team_id=ctx.actor.team_id,
        user_id=ctx.actor.user_id,
        action="plan.answered",
        entity="plan",
        entity_id=plan.id,
        detail={"section": section.key, "revision": revision.number},
    )
    done = sum(1 for s in template.sections if s.required and section_row(plan, s.key).answers is not None)
    required = sum(1 for s in template.sections if s.required)
    progress = t(
        "plan.saved_progress",
        user=Mention(ctx.actor.user_id),
        section=section.title,
        title=plan_title(plan),
        done=done,
        total=required,
    )
    owed = {ctx.actor.user_id, row.assignee or ctx.actor.user_id}  # whose Home tab listed the section
    sends = [_thanks(ctx, plan, section.title), *to_group(plan, say(progress)), *after_change(ctx, plan, section.key)]
    homes = [home_changed(user) for user in sorted(owed)]
    return [*homes, *sends, *canvas_follows(ctx, plan, section.key)]  # last: the canvas shows what after_change did too


def _thanks(ctx: Ctx, plan: Plan, title: str) -> Send:
    """The DM after saving, with a button to the person's next unanswered section, if any."""
    template = template_of(plan)
    mine = [s for s, row in missing_sections(plan, template) if row.assignee == ctx.actor.user_id]
    text = t("plan.saved", section=title, title=plan_title(plan))
    if not mine:
        return to_requester(say(text))
    button = Button(
        PlanAction.WRITE, pack(plan.id, mine[0].key), t("plan.button.next", section=mine[0].title), Style.PRIMARY
    )
    return to_requester(reply(Paragraph(text), Buttons((button,))))
