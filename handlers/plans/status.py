"""The plan's status in the channel: every section answered or missing, by whom and when; deadline; approvals."""

from datetime import date, datetime

from handlers.context import Ctx
from handlers.plans.approvals import approved_parties
from handlers.plans.lookup import missing_sections, plan_title, section_row, template_of
from handlers.plans.names import PlanAction, pack
from handlers.plans.template_schema import Section
from handlers.replies import (
    Button,
    Buttons,
    Divider,
    Fields,
    Header,
    Note,
    Paragraph,
    Part,
    PersonPicker,
    Reply,
    Style,
)
from handlers.text import Listing, Mention, Text, t
from storage import plans as repo
from storage.plan_models import Plan, PlanSection


def status_reply(ctx: Ctx, plan: Plan, lead: Text | None = None) -> Reply:
    """The whole status: deadline and days left, one line per section with a person picker, approvals, buttons."""
    template = template_of(plan)
    parts: list[Part] = [Paragraph(lead)] if lead is not None else []
    parts.append(Header(plan_title(plan)))
    parts.append(Paragraph(deadline_text(plan.deadline, ctx.local_now.date())))
    for number, section in enumerate(template.sections, start=1):
        row = section_row(plan, section.key)
        parts.append(
            PersonPicker(
                _section_line(ctx, number, section, row),
                PlanAction.ASSIGN,
                pack(plan.id, section.key),
                t("plan.status.pick"),
                row.assignee or "",
            )
        )
    parts.append(Divider())
    if template.approving_parties:
        parts.append(_approvals(ctx, plan))
    parts.append(Paragraph(_summary(plan)))
    parts.append(Buttons(_buttons(plan)))
    parts.append(Note(t("plan.status.hint")))
    return Reply(tuple(parts))


def deadline_text(deadline: date | None, today: date) -> Text:
    """ "Sista dag: 1 september 2026 (om 282 dagar)", "… idag", "… passerades för 3 dagar sedan"."""
    if deadline is None:
        return t("plan.deadline.none")
    days = (deadline - today).days
    if days > 0:
        return t("plan.deadline.ahead", date=deadline, days=days)
    if days == 0:
        return t("plan.deadline.today", date=deadline)
    return t("plan.deadline.passed", date=deadline, days=-days)


def _section_line(ctx: Ctx, number: int, section: Section, row: PlanSection) -> Text:
    who, kind, state = section_state(ctx, section, row)
    return t("plan.status.line", number=number, section=section.title, state=state, who=who, kind=kind)


def section_state(ctx: Ctx, section: Section, row: PlanSection) -> tuple[Text | Mention, Text, Text]:
    """Who writes a section, whether it must be written, and how far it is: answered (by whom, when) or not."""
    who = Mention(row.assignee) if row.assignee else t("plan.status.nobody")
    kind = t("plan.status.optional") if not section.required else t("plan.status.required")
    if row.answers is not None and row.answered_by and row.answered_at:
        state = t("plan.status.answered", user=Mention(row.answered_by), date=_local_date(ctx, row.answered_at))
    elif row.proposal is not None:
        state = t("plan.status.proposal")
    else:
        state = t("plan.status.missing")
    return who, kind, state


def approval_fields(ctx: Ctx, plan: Plan) -> Fields:
    """Each approving party and its approval (who, when) or that it is waited for."""
    return _approvals(ctx, plan)


def summary_text(plan: Plan) -> Text:
    """How far the plan is as one sentence: sections missing, approvals waited for, or complete."""
    return _summary(plan)


def _approvals(ctx: Ctx, plan: Plan) -> Fields:
    done = approved_parties(plan)
    items = []
    for party in template_of(plan).approving_parties:
        approval = done.get(party.value)
        shown = (
            t(
                "plan.status.approved",
                name=approval.name,
                user=Mention(approval.user_id),
                date=_local_date(ctx, approval.approved_at),
            )
            if approval
            else t("plan.status.not_approved")
        )
        items.append((t(f"party.{party.value}"), shown))
    return Fields(tuple(items))


def _summary(plan: Plan) -> Text:
    template = template_of(plan)
    missing = missing_sections(plan, template)
    required = sum(1 for s in template.sections if s.required)
    if missing:
        return t("plan.status.sections_missing", done=required - len(missing), total=required)
    if plan.status == repo.COMPLETE:
        return t("plan.status.complete")
    done = approved_parties(plan)
    waiting = [p for p in template.approving_parties if p.value not in done]
    return t("plan.status.waiting", parties=Listing(tuple(t(f"party.{p.value}") for p in waiting)))


def _buttons(plan: Plan) -> tuple[Button, ...]:
    buttons = [
        Button(PlanAction.DOCUMENT, pack(plan.id), t("plan.button.document")),
        Button(PlanAction.SHOW, pack(plan.id), t("plan.button.read")),
    ]
    template = template_of(plan)
    if missing_sections(plan, template):
        buttons.append(Button(PlanAction.REMIND, pack(plan.id), t("plan.button.remind")))
    elif plan.status != repo.COMPLETE and template.approving_parties:
        buttons.insert(0, Button(PlanAction.APPROVE, pack(plan.id), t("plan.button.approve"), Style.PRIMARY))
    return tuple(buttons)


def _local_date(ctx: Ctx, at: datetime) -> date:
    return at.astimezone(ctx.config.tz).date()
