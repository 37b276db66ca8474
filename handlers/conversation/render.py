"""The messages the engine sends: a question, the summary to confirm, the list of answers to change."""

from collections.abc import Sequence
from typing import Any

from handlers.conversation.actions import KEEP_EARLIER, ConvAction, OfferChoice, pack
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
    kept: Any = None,
) -> Reply:
    """One question, with its options and the ways out (`kept`: its earlier answer, asked again to change it)."""
    parts: list[Part] = []
    if error is not None:
        parts.append(Paragraph(error))
    if lead is not None:
        parts.append(Paragraph(lead))
    parts.append(Paragraph(t("engine.question", position=position, total=total, prompt=question.prompt)))
    if question.hint is not None:
        parts.append(Note(question.hint))
    parts.extend(_answer_parts(question, env, selected))
    parts.append(Buttons(tuple(_way_out_buttons(question, env, kept))))
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


def _way_out_buttons(question: Question, env: Env, kept: Any = None) -> list[Button]:
    buttons = []
    default = question.default_value(env)
    if default is not None:
        shown = show_answer(question, default, env)
        buttons.append(
            Button(
                ConvAction.DEFAULT, pack(question.key), t("engine.use_default", value=shown), Style.PRIMARY, typed="ok"
            )
        )
    if kept is not None and kept != default:
        label = t("engine.keep_earlier", value=show_answer(question, kept, env))
        style, typed = (Style.PRIMARY, "ok") if default is None else (Style.DEFAULT, "behåll")
        buttons.append(Button(ConvAction.DEFAULT, pack(question.key, KEEP_EARLIER), label, style, typed=typed))
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
                Button(ConvAction.SAVE, flow.name, t("engine.save"), Style.PRIMARY, typed="ja"),
                Button(ConvAction.CHANGE, flow.name, t("engine.change"), typed="ändra"),
                Button(ConvAction.CANCEL, flow.name, t("engine.cancel"), Style.DANGER, typed="avbryt"),
            )
        )
    )
    parts.append(Note(note or t("engine.confirm_how")))
    return Reply(tuple(parts))


def change_reply(
    flow: Flow, questions: Sequence[Question], error: Text | None = None, lead: Text | None = None
) -> Reply:
    """The questions to pick one to change."""
    parts: list[Part] = [Paragraph(text) for text in (error, lead) if text is not None]
    parts.append(Paragraph(t("engine.change_which", title=flow.title)))
    parts.append(Choices(ConvAction.CHANGE_PICK, _numbered(questions)))
    parts.append(Note(t("engine.change_how")))
    return Reply(tuple(parts))


def place_reply(questions: Sequence[Question]) -> Reply:
    """Typed text at the summary that could be the new answer to several questions: which one?"""
    options = tuple(Option(pack(q.key), q.label) for q in questions)
    return Reply((Paragraph(t("engine.place_which")), Choices(ConvAction.PLACE, options), Note(t("engine.place_none"))))


def offer_reply(current: Text, progress: Text, new: Text, *, can_set_aside: bool) -> Reply:
    """Someone begins a conversation while another is open: continue that one, or begin the new one?"""
    options = [Option(OfferChoice.KEEP.value, t("engine.offer.keep", current=current))]
    if can_set_aside:
        options.append(Option(OfferChoice.SET_ASIDE.value, t("engine.offer.set_aside", new=new)))
    options.append(Option(OfferChoice.END.value, t("engine.offer.end", current=current, new=new)))
    note = t("engine.offer.how_aside" if can_set_aside else "engine.offer.how_full", current=current, new=new)
    return Reply(
        (
            Paragraph(t("engine.offer.ask", current=current, progress=progress, new=new)),
            Choices(ConvAction.OFFER, tuple(options)),
            Note(note),
        )
    )


def aside_reply(noun: Text, progress: Text) -> Reply:
    """A conversation ended while another waits: how to take that one up again."""
    resume = Button(ConvAction.RESUME, "", t("engine.aside.resume", noun=noun), Style.PRIMARY, typed="fortsätt")
    return Reply((Paragraph(t("engine.aside.waiting", noun=noun, progress=progress)), Buttons((resume,))))


def _numbered(questions: Sequence[Question]) -> tuple[Option, ...]:
    """The questions to pick from, in the summary's order, so the console's "3)" is the summary's "3."."""
    return tuple(Option(pack(q.key), q.label) for q in questions)
