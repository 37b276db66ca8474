"""A section's history: every saved version, who saved it and when, and the text each change replaced."""

from handlers.context import Ctx
from handlers.formatting import Identifier
from handlers.plans.content import Item, chat_value
from handlers.plans.lookup import filling_for, plan_title
from handlers.plans.template_schema import Section
from handlers.replies import Header, Note, Paragraph, Part, Reply
from handlers.text import Mention, t
from storage.plan_models import Plan, PlanSection

SHOWN_VERSIONS = 10


def history_reply(ctx: Ctx, plan: Plan, section: Section, row: PlanSection) -> Reply:
    """The newest versions first; for each, the questions it changed and their previous text."""
    parts: list[Part] = [Header(t("plan.history.title", section=section.title, title=plan_title(plan)))]
    if not row.revisions:
        return Reply((*parts, Paragraph(t("plan.history.none"))))
    filling = filling_for(ctx, plan)
    revisions = list(row.revisions)
    for index in range(len(revisions) - 1, max(len(revisions) - 1 - SHOWN_VERSIONS, -1), -1):
        revision = revisions[index]
        parts.append(
            Paragraph(
                t(
                    "plan.history.version",
                    number=Identifier(revision.number),
                    user=Mention(revision.user_id),
                    date=revision.at.astimezone(ctx.config.tz).date(),
                )
            )
        )
        if index == 0:
            parts.append(Note(t("plan.history.first")))
            continue
        previous = revisions[index - 1].answers
        for question in section.questions:
            before, now = previous.get(question.key), revision.answers.get(question.key)
            if before != now:
                item = Item(None, filling.fill(question.text), question.kind, before, tuple(question.columns))
                parts.append(Note(t("plan.history.changed", question=item.text, previous=chat_value(item))))
    if len(revisions) > SHOWN_VERSIONS:
        parts.append(Note(t("plan.history.more", count=len(revisions) - SHOWN_VERSIONS)))
    return Reply(tuple(parts[:49]))
