"""The messages the engine sends: a question, the summary to confirm, the list of answers to change."""

from collections.abc import Sequence

from handlers.conversation.actions import ConvAction, pack
from handlers.conversation.answers import show_answer
from handlers.conversation.flow import Env, Flow, Kind, Question
from handlers.replies import (
    Button,
    Buttons,
    Choices,
    Fields,
    Header,
    Note,
    Option,
    Paragraph,
    Part,
    Reply,
    Style,
)
from handlers.text import Text, t


def ask_reply(
    question: Question,
    env: Env,
    *,
    position: int,
    total: int,
    error: Text | None = None,
    lead: Text | None = None,
    selected: Sequence[str] = (),
) -> Reply:
    """One question, with its options and the ways out."""
    parts: list[Part] = []
    if error is not None:
        parts.append(Paragraph(error))
    if lead is not None:
        parts.append(Paragraph(lead))
    parts.append(Paragraph(t("engine.question", position=position, total=total, prompt=question.prompt)))
    if question.hint is not None:
        parts.append(Note(question.hint))
    parts.extend(_answer_parts(question, env, selected))
    parts.append(Buttons(tuple(_way_out_buttons(question, env))))
    parts.append(Note(t("engine.controls_optional" if question.optional else "engine.controls")))
    return Reply(tuple(parts))


def _answer_parts(question: Question, env: Env, selected: Sequence[str]) -> list[Part]:
    choices = question.choices(env)
    if question.kind == Kind.CHOICE:
        options = tuple(Option(pack(question.key, c.value), c.label) for c in choices)
        return [Choices(ConvAction.CHOOSE, options)]
    if question.kind == Kind.MULTI:
        options = tuple(Option(pack(question.key, c.value), c.label) for c in choices)
        chosen = tuple(pack(question.key, v) for v in selected)
        return [
            Choices(
                ConvAction.TOGGLE,
                options,
                multi=True,
                selected=chosen,
                done_action=ConvAction.DONE,
                prefix=pack(question.key),
            )
        ]
    if question.kind == Kind.YES_NO:
        options = (Option(pack(question.key, "ja"), t("answer.yes")), Option(pack(question.key, "nej"), t("answer.no")))
        return [Choices(ConvAction.CHOOSE, options)]
    return []


def _way_out_buttons(question: Question, env: Env) -> list[Button]:
    buttons = []
    if question.default is not None:
        shown = show_answer(question, question.default(env), env)
        buttons.append(
            Button(
                ConvAction.DEFAULT, pack(question.key), t("engine.use_default", value=shown), Style.PRIMARY, typed="ok"
            )
        )
    if question.optional:
        buttons.append(Button(ConvAction.SKIP, pack(question.key), t("engine.skip"), typed="hoppa över"))
    buttons.append(Button(ConvAction.BACK, pack(question.key), t("engine.back"), typed="tillbaka"))
    buttons.append(Button(ConvAction.CANCEL, pack(question.key), t("engine.cancel"), Style.DANGER, typed="avbryt"))
    return buttons


def summary_reply(
    flow: Flow, questions: Sequence[Question], env: Env, *, lead: Text | None = None, note: Text | None = None
) -> Reply:
    """All answers, numbered, with Save / Change / Cancel."""
    parts: list[Part] = []
    if lead is not None:
        parts.append(Paragraph(lead))
    title = flow.summary_title(env) if flow.summary_title else t("engine.summary_title", title=flow.title)
    parts.append(Header(title))
    items = tuple(
        (t("engine.numbered", number=i, label=q.label), show_answer(q, env.answers.get(q.key), env))
        for i, q in enumerate(questions, start=1)
    )
    parts.append(Fields(items))
    parts.append(
        Buttons(
            (
                Button(ConvAction.SAVE, "", t("engine.save"), Style.PRIMARY, typed="ja"),
                Button(ConvAction.CHANGE, "", t("engine.change"), typed="ändra"),
                Button(ConvAction.CANCEL, "", t("engine.cancel"), Style.DANGER, typed="avbryt"),
            )
        )
    )
    parts.append(Note(note or t("engine.confirm_how")))
    return Reply(tuple(parts))


def change_reply(flow: Flow, questions: Sequence[Question], error: Text | None = None) -> Reply:
    """The questions to pick one to change."""
    parts: list[Part] = [Paragraph(error)] if error is not None else []
    options = tuple(
        Option(pack(q.key), t("engine.numbered", number=i, label=q.label)) for i, q in enumerate(questions, start=1)
    )
    parts.append(Paragraph(t("engine.change_which", title=flow.title)))
    parts.append(Choices(ConvAction.CHANGE_PICK, options))
    return Reply(tuple(parts))
