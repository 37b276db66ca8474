"""A conversation flow per template section, built when asked for from the flow's name.

Each template question becomes one engine question; a table becomes one question per cell, row by row, with
"another row?" after each row, and the cost defaults to the flat rate for the row's percent of full time.
"""

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from handlers.conversation.flow import Choice, Env, Flow, Kind, Question
from handlers.formatting import Percent
from handlers.plans.lookup import filling_for, load_plan, plan_title, section_row, template_of
from handlers.plans.names import Filling, section_flow_name
from handlers.plans.saving import save_section
from handlers.plans.tables import MORE, cell_key, flat_rate_cost
from handlers.plans.template_loader import find_template
from handlers.plans.template_schema import Column, QuestionKind
from handlers.plans.template_schema import Question as TemplateQuestion
from handlers.replies import Header, Note, Paragraph, Part
from handlers.text import Text, t

KINDS = {
    QuestionKind.TEXT: Kind.TEXT,
    QuestionKind.YES_NO: Kind.YES_NO,
    QuestionKind.DATE: Kind.DATE,
    QuestionKind.NUMBER: Kind.NUMBER,
    QuestionKind.PERCENT: Kind.NUMBER,
    QuestionKind.AMOUNT: Kind.AMOUNT,
    QuestionKind.CHOICE: Kind.CHOICE,
}
PERCENT_LIMIT = 1000
Applies = Callable[[Mapping[str, Any]], bool]


def build_section_flow(rest: str) -> Flow | None:
    """The flow named "plan:<template>:<year>:<section>:<flat rate>" (the part after "plan:")."""
    parts = rest.split(":")
    if len(parts) != 4 or not parts[1].isdigit() or not parts[3].isdigit():
        return None
    template = find_template(parts[0])
    section = template.section(parts[2]) if template else None
    if template is None or section is None:
        return None
    filling = Filling(int(parts[1]), int(parts[3]))
    questions = tuple(q for question in section.questions for q in _questions(question, filling))
    names = {"section": section.title, "plan": template.name, "year": str(filling.year)}
    return Flow(
        section_flow_name(template.key, filling.year, section.key, filling.flat_rate_kr),
        t("plan.flow.section", **names),
        questions,
        finish=save_section,
        summary_title=lambda env: t("plan.flow.summary", **names),
        noun=t("plan.flow.noun", section=section.title),
        intro=section_intro,
    )


def section_intro(env: Env) -> list[Part]:
    """Before the first question: the section's title, its introduction, and whether it starts from answers."""
    plan = load_plan(env.ctx, int(env.data["plan_id"]))
    section = template_of(plan).section(str(env.data["section"]))
    if section is None:
        return []
    row = section_row(plan, section.key)
    parts: list[Part] = [Header(t("plan.write.title", section=section.title, title=plan_title(plan)))]
    if section.intro:
        parts.append(Paragraph(t("plan.q.intro", text=filling_for(env.ctx, plan).fill(section.intro))))
    if row.answers is not None:
        parts.append(Note(t("plan.write.current")))
    elif row.proposal is not None:
        parts.append(Note(t("plan.write.proposal", year=str(plan.copied_from_year or plan.year - 1))))
    parts.append(Note(t("plan.write.how")))
    return parts


def _questions(question: TemplateQuestion, filling: Filling) -> list[Question]:
    if question.kind == QuestionKind.TABLE:
        return _table_questions(question, filling)
    text = _with_heading(question.heading, question.text, filling)
    return [
        _question(
            question.key,
            text,
            question.kind,
            filling.maybe(question.hint),
            question.optional,
            filling.maybe(question.default),
            tuple(question.options),
        )
    ]


def _question(
    key: str,
    text: str,
    kind: QuestionKind,
    hint: str | None,
    optional: bool,
    default: str | None,
    options: tuple[str, ...] = (),
    prompt: Text | None = None,
    when: Applies | None = None,
) -> Question:
    percent = kind == QuestionKind.PERCENT
    return Question(
        key,
        t("plan.q.label", text=text),
        prompt or t("plan.q.prompt", text=text),
        KINDS[kind],
        options=tuple(Choice(option, t("plan.q.option", text=option), (option,)) for option in options),
        optional=optional,
        when=when,
        hint=t("plan.q.hint", text=hint) if hint else None,
        default=_constant(default) if default is not None else None,
        minimum=0 if kind in (QuestionKind.NUMBER, QuestionKind.PERCENT, QuestionKind.AMOUNT) else None,
        maximum=PERCENT_LIMIT if percent else None,
        show=(lambda value, env: Percent(value)) if percent else None,
    )


def _table_questions(question: TemplateQuestion, filling: Filling) -> list[Question]:
    text = _with_heading(question.heading, question.text, filling)
    questions: list[Question] = []
    for row in range(1, question.max_rows + 1):
        for index, column in enumerate(question.columns):
            first = index == 0
            label = t("plan.table.cell_label", row=row, column=column.label)
            asked = filling.fill(column.prompt or column.label)
            if first and row == 1:
                prompt = t("plan.table.first_prompt", question=text, row=row, prompt=asked)
            else:
                prompt = t("plan.table.cell_prompt", row=row, prompt=asked)
            cell = _question(
                cell_key(question, row, column.key),
                asked,
                column.kind,
                filling.maybe(column.hint),
                column.optional or (first and row == 1 and question.optional),
                filling.maybe(column.default),
                prompt=prompt,
                when=_row_open(question, row) if first else _row_started(question, row),
            )
            flat_rate = _flat_rate_default(question, row, column)
            questions.append(replace(cell, label=label, default=flat_rate or cell.default))
        if row < question.max_rows:
            questions.append(
                Question(
                    cell_key(question, row, MORE),
                    t("plan.table.more_label", row=row),
                    t("plan.table.more", row=row),
                    Kind.YES_NO,
                    when=_row_started(question, row),
                )
            )
    return questions


def _flat_rate_default(question: TemplateQuestion, row: int, column: Column) -> Callable[[Env], Any] | None:
    if not column.flat_rate_from:
        return None
    source = cell_key(question, row, column.flat_rate_from)
    return lambda env: flat_rate_cost(env.ctx.config.flat_rate_kr, env.answers.get(source))


def _row_open(question: TemplateQuestion, row: int) -> Applies | None:
    """Row n is asked when every earlier row said "another row": yes."""
    if row == 1:
        return None
    return lambda answers: all(answers.get(cell_key(question, n, MORE)) is True for n in range(1, row))


def _row_started(question: TemplateQuestion, row: int) -> Applies:
    """The rest of a row is asked once its first cell has an answer."""
    first = cell_key(question, row, question.columns[0].key)
    is_open = _row_open(question, row)
    return lambda answers: (is_open is None or is_open(answers)) and answers.get(first) is not None


def _with_heading(heading: str | None, text: str, filling: Filling) -> str:
    return f"{filling.fill(heading)}: {filling.fill(text)}" if heading else filling.fill(text)


def _constant(value: str) -> Callable[[Env], str]:
    """A default that is the same whatever the conversation: the template's own default text."""
    return lambda env: value
