"""The plan to read: as Word and Markdown files, and as text in chat (one section or the whole plan)."""

from handlers.context import Ctx
from handlers.file_names import slug
from handlers.plans.content import plan_document, section_content, section_reply, whole_plan_reply
from handlers.plans.docx_export import docx_bytes
from handlers.plans.lookup import filling_for, plan_title, section_row
from handlers.plans.markdown_export import markdown_bytes
from handlers.plans.template_schema import Section
from handlers.replies import Attachment, Paragraph, Reply, Send, reply, to_channel, to_requester
from handlers.text import Mention, t
from storage.plan_models import Plan


def document_sends(ctx: Ctx, plan: Plan, *, to_group: bool) -> list[Send]:
    """The plan as .docx and .md files: in the group's channel, or privately to whoever asked."""
    doc = plan_document(ctx, plan)
    name = f"{plan.template}-{plan.year}-{slug(plan.group.name)}" + ("-utkast" if doc.draft else "")
    files = (
        Attachment(f"{name}.docx", lambda words: docx_bytes(doc, words), t("plan.file.docx", title=doc.title)),
        Attachment(f"{name}.md", lambda words: markdown_bytes(doc, words), t("plan.file.markdown", title=doc.title)),
    )
    text = t(
        "plan.document.draft" if doc.draft else "plan.document.final",
        title=plan_title(plan),
        user=Mention(ctx.actor.user_id),
    )
    message = reply(Paragraph(text), files=files)
    if to_group and plan.group.channel_id:
        return [to_channel(message, channel_id=plan.group.channel_id)]
    return [to_requester(message)]


def section_text_reply(ctx: Ctx, plan: Plan, section: Section) -> Reply:
    """A section's current text, with who changed it last, when, and how to see the history."""
    row = section_row(plan, section.key)
    content = section_content(section, row, filling_for(ctx, plan))
    note = None
    if row.answered_by and row.answered_at:
        note = t(
            "plan.show.changed",
            user=Mention(row.answered_by),
            date=row.answered_at.astimezone(ctx.config.tz).date(),
            versions=len(row.revisions),
            section_key=section.key,
        )
    elif row.proposal is not None:
        note = t("plan.show.proposal_only", year=str(plan.copied_from_year or plan.year - 1))
    return section_reply(content, t("plan.show.title", section=section.title, title=plan_title(plan)), note)


def whole_plan(ctx: Ctx, plan: Plan) -> Reply:
    """The whole plan as text in chat."""
    return whole_plan_reply(plan_document(ctx, plan))
