"""Finding things people name: which plan a channel means, which section, which template, and a plan's state."""

import re
import unicodedata
from collections.abc import Sequence

from handlers import access
from handlers.context import Ctx
from handlers.dates import format_date
from handlers.errors import DomainError
from handlers.plans.names import Filling
from handlers.plans.template_loader import find_template, shipped_templates
from handlers.plans.template_schema import Section, Template
from handlers.text import Join, Listing, Text, t
from storage import plans as repo
from storage.plan_models import Plan, PlanSection

YEAR = re.compile(r"^(\d{4})$")


def fold(word: str) -> str:
    """A word as compared: lower case, no accents (mål = mal), single spaces."""
    decomposed = unicodedata.normalize("NFKD", " ".join(word.casefold().split()))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def template_of(plan: Plan) -> Template:
    """The template a plan was written from (its file may have been removed since)."""
    template = find_template(plan.template)
    if template is None:
        raise DomainError("plan.template_gone", template=plan.template)
    return template


def find_template_word(word: str) -> Template | None:
    """The template a word names: its key, or the start of its key or name ("verksamhet", "LOKSAM")."""
    given = fold(word)
    templates = list(shipped_templates().templates.values())
    exact = [tp for tp in templates if given in (tp.key, fold(tp.name))]
    starts = [
        tp for tp in templates if len(given) >= 3 and (tp.key.startswith(given) or fold(tp.name).startswith(given))
    ]
    found = exact or starts
    return found[0] if len(found) == 1 else None


def load_plan(ctx: Ctx, plan_id: int) -> Plan:
    """A plan by id, for a member of its group."""
    plan = repo.get_plan(ctx.session, plan_id=plan_id) if plan_id else None
    if plan is None:
        raise DomainError("plan.gone")
    access.require_member(ctx, plan.group)
    return plan


def select_plan(ctx: Ctx, words: Sequence[str]) -> tuple[Plan, list[str]]:
    """The channel group's plan the words point at, and the other words.

    A year ("2027") always picks, and so does a template's name ("loksam") – except that a word which is also
    one of the plan's sections names the section unless the group has several plans to choose between.
    Without them: the only open plan, or the newest plan when none is open.
    """
    group = access.channel_group(ctx)
    access.require_member(ctx, group)
    rest = list(words)
    year_word = next((w for w in rest if YEAR.match(w)), None)
    if year_word is not None:
        rest.remove(year_word)
    plans = [p for p in repo.plans_of_group(ctx.session, group=group) if year_word is None or p.year == int(year_word)]
    ambiguous = _ambiguous(plans)
    for word in rest:
        template = find_template_word(word)
        if (
            template is not None
            and any(p.template == template.key for p in plans)
            and (ambiguous or not _names_section(template, word))
        ):
            rest.remove(word)
            plans = [p for p in plans if p.template == template.key]
            break
    if not plans:
        raise DomainError("plan.none" if len(rest) == len(words) else "plan.none_matching", group=group.name)
    open_plans = [p for p in plans if p.status == repo.OPEN]
    if len(open_plans) > 1:
        raise DomainError("plan.which", plans=Join(tuple(plan_name(p) for p in open_plans)))
    return (open_plans or plans)[0], rest


def _names_section(template: Template, word: str) -> bool:
    return any(fold(word) in (s.key, fold(s.title)) for s in template.sections)


def _ambiguous(plans: Sequence[Plan]) -> bool:
    open_plans = [p for p in plans if p.status == repo.OPEN]
    return len(open_plans) > 1 or (not open_plans and len(plans) > 1)


def match_section(template: Template, word: str) -> Section:
    """The section a word names: its number, its key, or its title or the start of it ("mål", "3", "medel")."""
    given = fold(word)
    if given.isdecimal() and 1 <= int(given) <= len(template.sections):
        return template.sections[int(given) - 1]
    exact = [s for s in template.sections if given in (s.key, fold(s.title))]
    starts = [s for s in template.sections if given and (s.key.startswith(given) or fold(s.title).startswith(given))]
    found = exact or starts
    if len(found) != 1:
        raise DomainError(
            "plan.section_unknown",
            given=word,
            sections=Join(tuple(f"{i}. {s.title}" for i, s in enumerate(template.sections, 1))),
        )
    return found[0]


def section_row(plan: Plan, key: str) -> PlanSection:
    """The plan's stored row of a template section (added when a template gained a section later)."""
    row = next((s for s in plan.sections if s.key == key), None)
    if row is None:
        row = PlanSection(key=key, position=len(plan.sections))
        plan.sections.append(row)
    return row


def missing_sections(plan: Plan, template: Template) -> list[tuple[Section, PlanSection]]:
    """The required sections without saved answers, in the template's order."""
    return [
        (s, section_row(plan, s.key))
        for s in template.sections
        if s.required and section_row(plan, s.key).answers is None
    ]


def section_list(sections: Sequence[Section]) -> Listing:
    """Section titles in a sentence, each quoted (titles may hold "och" themselves: ”Män och kvinnor”)."""
    return Listing(tuple(t("plan.section_quoted", title=s.title) for s in sections))


def plan_name(plan: Plan) -> Text:
    """ "Verksamhetsplan 2027" (the template's name and the year)."""
    template = find_template(plan.template)
    return t("plan.name", plan=template.name if template else plan.template, year=str(plan.year))


def plan_title(plan: Plan) -> Text:
    """ "Verksamhetsplan 2027 – Heby"."""
    return t("plan.title", plan=plan_name(plan), group=plan.group.name)


def filling_for(ctx: Ctx, plan: Plan) -> Filling:
    """What the template's placeholders stand for in this plan."""
    deadline = format_date(plan.deadline, ctx.config.language) if plan.deadline else ""
    return Filling(plan.year, ctx.config.flat_rate_kr, plan.group.name, deadline)
