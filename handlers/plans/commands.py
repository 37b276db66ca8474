"""`/lokus plan …`: start a plan, assign and write sections, see the status, remind, approve, export."""

from collections.abc import Callable, Sequence
from typing import Any

from handlers import access
from handlers.context import Ctx
from handlers.errors import DomainError
from handlers.mentions import parse_mention
from handlers.plans.canvas import create_canvas
from handlers.plans.documents import document_sends, section_text_reply, whole_plan
from handlers.plans.history import history_reply
from handlers.plans.lookup import (
    YEAR,
    find_template_word,
    fold,
    match_section,
    missing_sections,
    plan_title,
    section_row,
    select_plan,
    template_of,
)
from handlers.plans.reminders import reminded_people, reminder_sends
from handlers.plans.status import status_reply
from handlers.plans.template_loader import shipped_templates
from handlers.plans.template_schema import Section, Template
from handlers.plans.writing import assign_sections, start_approval, start_section
from handlers.replies import Fields, Header, Note, Part, Send, reply, say, to_channel, to_requester
from handlers.text import Join, Mention, t
from storage import audit
from storage import plans as repo
from storage.plan_models import Plan

Words = list[str]
FROM_WORDS = ("--från", "--fran", "--from", "från", "fran")


def plan_command(ctx: Ctx, args: str) -> list[Send]:
    """`/lokus plan [underkommando] …`; without one, the status of the channel's plan."""
    words = args.split()
    handler = SUBCOMMANDS.get(fold(words[0])) if words else None
    if handler is None:
        plan, rest = select_plan(ctx, words)
        if rest:
            raise DomainError("plan.usage", given=" ".join(rest))
        return [to_channel(status_reply(ctx, plan))]
    return handler(ctx, words[1:])


def new_plan(ctx: Ctx, words: Words) -> list[Send]:
    """`/lokus plan ny verksamhetsplan 2027 [--från 2026]`: start the group's plan for a year."""
    group = access.channel_group(ctx)
    access.require_manager(ctx, group)
    words, from_year = _take_from(words)
    template, year = _template_and_year(ctx, words)
    if repo.find_plan(ctx.session, group=group, template=template.key, year=year) is not None:
        raise DomainError("plan.exists", plan=template.name, year=str(year), group=group.name)
    proposals = _proposals(ctx, template, from_year) if from_year else {}
    plan = repo.create_plan(
        ctx.session,
        group=group,
        template=template.key,
        year=year,
        deadline=template.deadline.for_year(year) if template.deadline else None,
        section_keys=[s.key for s in template.sections],
        created_by=ctx.actor.user_id,
        now=ctx.now,
        proposals=proposals,
        copied_from_year=from_year,
    )
    audit.record(
        ctx.session,
        team_id=ctx.actor.team_id,
        user_id=ctx.actor.user_id,
        action="plan.start",
        entity="plan",
        entity_id=plan.id,
        detail={"template": template.key, "year": year},
    )
    lead = t(
        "plan.started_from" if from_year else "plan.started",
        user=Mention(ctx.actor.user_id),
        title=plan_title(plan),
        year=str(from_year),
    )
    return [to_channel(status_reply(ctx, plan, lead=lead)), *create_canvas(ctx, plan)]


def _take_from(words: Words) -> tuple[Words, int | None]:
    for index, word in enumerate(words):
        if fold(word) in FROM_WORDS:
            year = words[index + 1] if index + 1 < len(words) else ""
            if not YEAR.match(year):
                raise DomainError("plan.from_usage")
            return words[:index] + words[index + 2 :], int(year)
    return words, None


def _template_and_year(ctx: Ctx, words: Words) -> tuple[Template, int]:
    years = [w for w in words if YEAR.match(w)]
    names = [w for w in words if not YEAR.match(w)]
    template = find_template_word(" ".join(names)) if names else None
    if template is None or len(years) > 1:
        known = Join(tuple(tp.key for tp in shipped_templates().templates.values()))
        raise DomainError("plan.new_usage", templates=known)
    this_year = ctx.local_now.year
    year = int(years[0]) if years else this_year + 1
    if not this_year - 1 <= year <= this_year + 5:
        raise DomainError("plan.year_range", year=str(year))
    return template, year


def _proposals(ctx: Ctx, template: Template, from_year: int) -> dict[str, dict[str, Any]]:
    group = access.channel_group(ctx)
    earlier = repo.find_plan(ctx.session, group=group, template=template.key, year=from_year)
    if earlier is None:
        raise DomainError("plan.from_missing", plan=template.name, year=str(from_year), group=group.name)
    return {s.key: s.answers for s in earlier.sections if s.answers is not None and template.section(s.key)}


def assign(ctx: Ctx, words: Words) -> list[Send]:
    """`/lokus plan tilldela <avsnitt> @person`: who writes a section (several sections may be named)."""
    plan, rest = select_plan(ctx, words)
    access.require_manager(ctx, plan.group)
    if len(rest) < 2:
        raise DomainError("plan.assign_usage")
    user_id = parse_mention(rest[-1])
    sections = _sections_named(template_of(plan), rest[:-1])
    return assign_sections(ctx, plan, sections, user_id)


def _sections_named(template: Template, words: Sequence[str]) -> list[Section]:
    """One section named by all the words ("män och kvinnor"), or one section per word ("1 2 mål")."""
    phrase = " ".join(words).replace(",", " ")
    try:
        return [match_section(template, phrase)]
    except DomainError:
        found = [match_section(template, word) for word in phrase.split()]
        return _unique(found)


def _unique(sections: list[Section]) -> list[Section]:
    seen: list[Section] = []
    for section in sections:
        if all(s.key != section.key for s in seen):
            seen.append(section)
    return seen


def write(ctx: Ctx, words: Words) -> list[Send]:
    """`/lokus plan svara [avsnitt]`: answer a section in the DM (without one: your first missing one)."""
    plan, rest = select_plan(ctx, words)
    template = template_of(plan)
    if rest:
        return start_section(ctx, plan, match_section(template, " ".join(rest)))
    missing = missing_sections(plan, template)
    mine = [s for s, row in missing if row.assignee == ctx.actor.user_id] or [
        s for s, row in missing if row.assignee is None
    ]
    if not mine:
        raise DomainError("plan.write_which")
    return start_section(ctx, plan, mine[0])


def show(ctx: Ctx, words: Words) -> list[Send]:
    """`/lokus plan visa <avsnitt>`: the section's current text, who changed it last and when."""
    plan, rest = select_plan(ctx, words)
    if not rest:
        return [to_requester(whole_plan(ctx, plan))]
    return [to_requester(section_text_reply(ctx, plan, match_section(template_of(plan), " ".join(rest))))]


def history(ctx: Ctx, words: Words) -> list[Send]:
    """`/lokus plan historik <avsnitt>`: every saved version, who saved it, when, and the text it replaced."""
    plan, rest = select_plan(ctx, words)
    if not rest:
        raise DomainError("plan.history_usage")
    section = match_section(template_of(plan), " ".join(rest))
    return [to_requester(history_reply(ctx, plan, section, section_row(plan, section.key)))]


def remind(ctx: Ctx, words: Words) -> list[Send]:
    """`/lokus plan påminn`: remind those with missing sections now."""
    plan, _ = select_plan(ctx, words)
    return remind_now(ctx, plan)


def remind_now(ctx: Ctx, plan: Plan) -> list[Send]:
    """Send the reminders now and tell the requester who got one."""
    access.require_manager(ctx, plan.group)
    sends = reminder_sends(ctx, plan)
    if not sends:
        return [to_requester(say(t("plan.remind.none", title=plan_title(plan))))]
    return [*sends, to_requester(say(t("plan.remind.sent", people=reminded_people(sends))))]


def document(ctx: Ctx, words: Words) -> list[Send]:
    """`/lokus plan dokument`: the plan as Word and Markdown files in the channel."""
    plan, _ = select_plan(ctx, words)
    return document_sends(ctx, plan, to_group=True)


def approve(ctx: Ctx, words: Words) -> list[Send]:
    """`/lokus plan godkänn`: approve the plan for your party (the signature is asked in the DM)."""
    plan, _ = select_plan(ctx, words)
    return start_approval(ctx, plan)


def list_templates(ctx: Ctx, words: Words) -> list[Send]:
    """`/lokus plan mallar`: the templates a plan can be started from, and files that have errors."""
    loaded = shipped_templates()
    items = tuple(
        (
            t("plan.templates.name", name=tp.name, code=tp.key),
            t("plan.templates.sections", count=len(tp.sections), sections=Join(tuple(s.title for s in tp.sections))),
        )
        for tp in loaded.templates.values()
    )
    parts: list[Part] = [Header(t("plan.templates.title")), Fields(items)]
    parts += [Note(t("plan.templates.broken", file=e.path.name, line=e.line)) for e in loaded.broken]
    return [to_requester(reply(*parts, Note(t("plan.templates.hint"))))]


SUBCOMMANDS: dict[str, Callable[[Ctx, Words], list[Send]]] = {
    "ny": new_plan,
    "new": new_plan,
    "starta": new_plan,
    "tilldela": assign,
    "assign": assign,
    "svara": write,
    "skriv": write,
    "write": write,
    "visa": show,
    "show": show,
    "historik": history,
    "history": history,
    "paminn": remind,
    "remind": remind,
    "dokument": document,
    "document": document,
    "godkann": approve,
    "approve": approve,
    "mallar": list_templates,
    "templates": list_templates,
}
