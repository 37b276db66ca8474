"""A plan's content as the documents and the chat show it: sections, answers, tables with totals, signatures."""

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from handlers.context import Ctx
from handlers.formatting import Identifier
from handlers.parties import Party
from handlers.plans.approvals import approved_parties
from handlers.plans.lookup import filling_for, missing_sections, section_row, template_of
from handlers.plans.names import Filling
from handlers.plans.tables import totals
from handlers.plans.template_schema import Column, QuestionKind, Section
from handlers.plans.values import shown
from handlers.replies import Header, Note, Paragraph, Part, Reply
from handlers.text import Join, Mention, Text, t
from storage import plans as repo
from storage.plan_models import Plan, PlanSection


@dataclass(frozen=True)
class Item:
    """One question and its answer (for a table: its rows and the sums of its total columns)."""

    heading: str | None
    text: str
    kind: QuestionKind
    value: Any
    columns: tuple[Column, ...] = ()
    sums: dict[str, int | float] = field(default_factory=dict)


@dataclass(frozen=True)
class SectionContent:
    """A section's title, intro and items, and whether it has been answered."""

    key: str
    title: str
    intro: str | None
    answered: bool
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Signature:
    """One party's line of the signature block; empty until the party approves."""

    party: Party
    name: str = ""
    organisation: str = ""
    signed_on: date | None = None


@dataclass(frozen=True)
class PlanDocument:
    """Everything a document of the plan shows, in the order the form has it."""

    title: str
    intro: tuple[str, ...]
    draft: bool
    missing_sections: tuple[str, ...]
    missing_parties: tuple[Party, ...]
    sections: tuple[SectionContent, ...]
    signatures: tuple[Signature, ...]
    made_on: date
    group: str = ""
    made_at: datetime | None = None
    kind: str = ""


def plan_document(ctx: Ctx, plan: Plan) -> PlanDocument:
    """The plan's current content, marked as a draft while sections or approvals are missing."""
    template = template_of(plan)
    filling = filling_for(ctx, plan)
    sections = tuple(section_content(section, section_row(plan, section.key), filling) for section in template.sections)
    approved = approved_parties(plan)
    signatures = tuple(_signature(ctx, party, approved.get(party.value)) for party in template.approving_parties)
    missing = tuple(s.title for s, _ in missing_sections(plan, template))
    waiting = tuple(p for p in template.approving_parties if p.value not in approved)
    return PlanDocument(
        filling.fill(template.title),
        tuple(filling.fill(i) for i in template.intro),
        plan.status != repo.COMPLETE,
        missing,
        waiting,
        sections,
        signatures,
        ctx.local_now.date(),
        plan.group.name,
        ctx.now,
        template.name,
    )


def section_content(section: Section, row: PlanSection, filling: Filling) -> SectionContent:
    """A section's questions with the current answers."""
    answers = row.answers or {}
    items = []
    for question in section.questions:
        value = answers.get(question.key)
        sums = totals(question, value) if question.columns and value else {}
        columns = tuple(
            c.model_copy(update={"label": filling.fill(c.label), "hint": filling.maybe(c.hint)})
            for c in question.columns
        )
        items.append(
            Item(filling.maybe(question.heading), filling.fill(question.text), question.kind, value, columns, sums)
        )
    return SectionContent(
        section.key, section.title, filling.maybe(section.intro), row.answers is not None, tuple(items)
    )


def _signature(ctx: Ctx, party: Party, approval: Any) -> Signature:
    if approval is None:
        return Signature(party)
    return Signature(party, approval.name, approval.organisation, approval.approved_at.astimezone(ctx.config.tz).date())


def section_reply(content: SectionContent, header: Text, note: Text | None = None) -> Reply:
    """A section's current text in chat."""
    parts: list[Part] = [Header(header)]
    if content.intro:
        parts.append(Note(t("plan.q.intro", text=content.intro)))
    parts.extend(
        Paragraph(t("plan.qa", question=_question_text(item), answer=chat_value(item))) for item in content.items
    )
    if note is not None:
        parts.append(Note(note))
    return Reply(tuple(parts))


def chat_value(item: Item) -> Any:
    """An answer as the chat shows it; a table as one line per row and a line of totals."""
    if item.kind != QuestionKind.TABLE:
        return shown(item.kind, item.value)
    if not item.value:
        return t("plan.answer.empty")
    lines: list[Any] = [Join(tuple(c.label for c in item.columns), sep=" | ")]
    for number, row in enumerate(item.value, start=1):
        cells = tuple(shown(c.kind, row.get(c.key)) for c in item.columns)
        lines.append(t("plan.table.row", number=number, cells=Join(cells, sep=" | ")))
    if item.sums:
        sums = tuple(
            Join((c.label, shown(c.kind, item.sums[c.key])), sep=" ") for c in item.columns if c.key in item.sums
        )
        lines.append(t("plan.table.totals", totals=Join(sums)))
    return Join(tuple(lines), sep="\n")


def whole_plan_reply(doc: PlanDocument) -> Reply:
    """The whole plan in chat, section by section."""
    parts: list[Part] = [Header(t("plan.read.title", title=doc.title))]
    if doc.draft:
        parts.append(Note(t("plan.read.draft")))
    for content in doc.sections:
        parts.append(Paragraph(t("plan.read.section", section=content.title)))
        parts.extend(
            Paragraph(t("plan.qa", question=_question_text(item), answer=chat_value(item))) for item in content.items
        )
    return Reply(tuple(parts[:49]))


def _question_text(item: Item) -> str:
    return f"{item.heading}: {item.text}" if item.heading else item.text


def revision_line(user_id: str, at: date, number: int) -> Text:
    """ "Version 3 – @anna, 23 november 2026"."""
    return t("plan.history.version", number=Identifier(number), user=Mention(user_id), date=at)
