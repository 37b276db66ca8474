"""A flow as one form (a Slack modal): the same questions, the same parsers, errors shown on the fields."""

import json
import re
from datetime import date
from typing import Any

from handlers.conversation.answers import parse_answer
from handlers.conversation.flow import Env, Flow, Kind, Question
from handlers.errors import AnswerError
from handlers.replies import Form, FormField, Option
from handlers.text import Text, t

FORM_PREFIX = "form."
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def callback_for(flow: Flow) -> str:
    """The callback id of a flow's form."""
    return FORM_PREFIX + flow.name


def build_form(flow: Flow, env: Env) -> Form:
    """The flow's questions as form fields; conditional questions are optional in the form."""
    fields = tuple(
        FormField(
            q.key,
            q.label,
            q.kind.value,
            tuple(Option(c.value, c.label) for c in q.choices(env)),
            optional=q.optional or q.when is not None,
            hint=q.hint if q.when is None else t("form.conditional", hint=q.hint or ""),
            initial=q.default(env) if q.default else None,
        )
        for q in flow.questions
    )
    return Form(callback_for(flow), flow.title, t("engine.save"), fields, json.dumps(dict(env.data)))


def read_form(flow: Flow, values: dict[str, Any], env: Env) -> tuple[dict[str, Text], dict[str, Any]]:
    """Validate submitted values question by question: (errors by field, answers)."""
    errors: dict[str, Text] = {}
    answers: dict[str, Any] = {}
    for question in flow.questions:
        raw = values.get(question.key)
        if raw in (None, "", []):
            answers[question.key] = None
            continue
        try:
            answers[question.key] = _value(question, raw, Env(env.ctx, answers, env.data))
        except AnswerError as error:
            errors[question.key] = error.text
    for question in flow.questions:
        applies = question.applies(answers)
        if not applies:
            answers.pop(question.key, None)
        elif answers.get(question.key) is None and not question.optional and question.key not in errors:
            errors[question.key] = t("form.required")
    return errors, answers


def _value(question: Question, raw: Any, env: Env) -> Any:
    """A field's value as the question's answer; a value of another element's shape (a list where one option is
    asked, text where options are ticked) is refused like an unknown option, never a TypeError."""
    if question.kind == Kind.MULTI:
        allowed = [c.value for c in question.choices(env)]
        picked = raw if isinstance(raw, list) else [raw]
        return [v for v in allowed if v in picked]
    if question.kind == Kind.CHOICE:
        if not isinstance(raw, str) or raw not in {c.value for c in question.choices(env)}:
            raise AnswerError("answer.choice_unknown", given=str(raw), count=len(question.choices(env)))
        return raw
    if question.kind == Kind.YES_NO:
        return raw in (True, "ja", "yes")
    if question.kind == Kind.DATE and isinstance(raw, str) and ISO_DATE.fullmatch(raw):
        try:
            value = date.fromisoformat(raw).isoformat()
        except ValueError:  # "2026-02-30": read as typed text, which says what is wrong with it
            return parse_answer(question, raw, env)
        return question.check(value, env) if question.check else value
    return parse_answer(question, str(raw), env)
