"""The steps of the active conversation: ask, accept, go back, skip, change an answer, save, cancel.

Each step changes the turn's state and ends with `turn.write(...)`, the request's one write. A step never
lets an answer go: a finish that raises a DomainError leaves the summary where it was, and anything else
raised rolls the whole request back to the state the previous message left.
"""

from typing import Any

from handlers.conversation.answers import parse_answer, show_answer
from handlers.conversation.flow import Kind, Question
from handlers.conversation.render import aside_reply, ask_reply, summary_reply
from handlers.conversation.state import Phase, Progress, Status
from handlers.conversation.turn import Turn
from handlers.errors import AnswerError, DomainError
from handlers.replies import Part, Reply, Send, say
from handlers.text import Text, t

DEFAULT_WORDS = ("ok", "okej", "standard", "default")
KEEP_WORDS = ("behåll", "behåll det", "samma", "samma som förut", "som förut", "oförändrat", "ingen ändring")


def ask_current(
    turn: Turn, error: Text | None = None, lead: Text | None = None, before: tuple[Reply | None, ...] = ()
) -> list[Send]:
    """Show again what the person is at: the current question, or the summary; `before` goes first."""
    return turn.write(*before, current_reply(turn, error=error, lead=lead))


def current_reply(turn: Turn, error: Text | None = None, lead: Text | None = None) -> Reply:
    """The question the active conversation stands at, or its summary."""
    progress = turn.progress
    if progress.phase == Phase.CONFIRM or progress.current is None:
        return summary(turn, lead=error or lead)
    question = turn.flow.question(progress.current)
    applicable = [q.key for q in turn.applicable()]
    position = applicable.index(question.key) + 1 if question.key in applicable else 1
    return ask_reply(
        question,
        turn.env,
        position=position,
        total=len(applicable),
        error=error,
        lead=lead,
        selected=progress.ticked,
        kept=progress.earlier.get(question.key),
    )


def summary(turn: Turn, lead: Text | None = None, note: Text | None = None) -> Reply:
    """Every applicable answer, numbered, to confirm."""
    return summary_reply(turn.flow, turn.applicable(), turn.env, lead=lead, note=note)


def advance(
    turn: Turn, lead: Text | None = None, error: Text | None = None, before: tuple[Reply | None, ...] = ()
) -> list[Send]:
    """Ask the next unanswered question, or show the summary when there is none."""
    progress = turn.progress
    question = turn.next_question()
    if question is None:
        progress.phase, progress.current = Phase.CONFIRM, None
    else:
        progress.phase, progress.current = Phase.ASK, question.key
    turn.status = Status.ACTIVE
    return ask_current(turn, error=error, lead=lead, before=before)


def accept(turn: Turn, question: Question, value: Any, lead: Text | None = None) -> list[Send]:
    """Keep the answer and go on."""
    progress = turn.progress
    progress.answers[question.key] = value
    progress.trail = [*(k for k in progress.trail if k != question.key), question.key]
    progress.ticked, progress.earlier = [], {}
    return advance(turn, lead=lead)


def answer_typed(turn: Turn, text: str) -> list[Send]:
    """Typed text as the answer to the current question, or the question again with what was wrong."""
    progress = turn.progress
    question = turn.flow.question(progress.current or "")
    word = text.strip().casefold()
    earlier = turn.progress.earlier.get(question.key)
    if earlier is not None and word in KEEP_WORDS:
        return accept(turn, question, earlier)
    offered = offered_answer(turn, question)
    if offered is not None and word in DEFAULT_WORDS:
        return accept(turn, question, offered)
    try:
        value = parse_answer(question, text, turn.env)
    except AnswerError as error:
        return ask_current(turn, error=error.text)
    return accept(turn, question, value)


def offered_answer(turn: Turn, question: Question, *, keep: bool = False) -> Any:
    """What *ok* answers: the question's default, or its earlier answer when it is asked again and has no
    default (or None). `keep`: the earlier answer ("Behåll …", *behåll*) whatever the default."""
    earlier = turn.progress.earlier.get(question.key)
    default = None if keep else question.default_value(turn.env)
    return default if default is not None else earlier


def accept_multi(turn: Turn, question: Question, values: list[str]) -> list[Send]:
    """The ticked options of a multi-choice question, in the order they are offered."""
    if not values and not question.optional:
        return ask_current(turn, error=t("answer.multi_empty"))
    order = [c.value for c in question.choices(turn.env)]
    return accept(turn, question, [v for v in order if v in values] or None)


def back(turn: Turn) -> list[Send]:
    """The question answered last, asked again with the answer it had."""
    progress = turn.progress
    if not progress.trail:
        return ask_current(turn, error=t("engine.nothing_back"))
    return reask(turn, turn.flow.question(progress.trail[-1]))


def skip(turn: Turn) -> list[Send]:
    """Leave an optional question unanswered."""
    progress = turn.progress
    if progress.phase != Phase.ASK or progress.current is None:
        return ask_current(turn)
    question = turn.flow.question(progress.current)
    if not question.optional:
        return ask_current(turn, error=t("engine.required"))
    return accept(turn, question, None)


def reask(turn: Turn, question: Question) -> list[Send]:
    """Ask an answered question again, saying what its answer was (kept with *ok*). A question asked again and
    left unanswered (the person went back, or to another question) keeps its answer."""
    progress = turn.progress
    for key, value in progress.earlier.items():
        if key not in progress.answers:
            progress.answers[key] = value
            progress.trail.append(key)
    previous = progress.answers.pop(question.key, None)
    progress.earlier = {question.key: previous} if previous is not None else {}
    progress.trail = [k for k in progress.trail if k != question.key]
    progress.phase, progress.current, progress.proposal = Phase.ASK, question.key, None
    lead = t("engine.previous_answer", answer=show_answer(question, previous, turn.env))
    return ask_current(turn, lead=lead)


def set_answer(turn: Turn, question: Question, typed: str) -> list[Send]:
    """Replace one answer with typed text ("ändra kön till man"): changed and said so, or nothing changed."""
    progress = turn.progress
    try:
        value = parse_answer(question, typed, turn.env)
    except AnswerError as error:
        return ask_current(turn, lead=t("engine.unchanged_because", reason=error.text))
    if question.key in progress.answers and progress.answers[question.key] == value:
        shown = show_answer(question, value, turn.env)
        return ask_current(turn, lead=t("engine.unchanged_same", label=question.label, answer=shown))
    before = show_answer(question, progress.answers.get(question.key), turn.env)
    progress.answers[question.key] = value
    progress.trail = [*(k for k in progress.trail if k != question.key), question.key]
    progress.proposal = None
    shown = show_answer(question, value, turn.env)
    label = question.label
    return advance(turn, lead=t("engine.changed", label=label, before=before, answer=shown))


def save(turn: Turn) -> list[Send]:
    """Hand the confirmed answers to the flow's finish; on a DomainError the summary stays, with the reason."""
    applicable = {q.key for q in turn.applicable()}
    progress = turn.progress
    answers = {k: v for k, v in progress.answers.items() if k in applicable}
    try:
        sends = turn.flow.finish(turn.ctx, answers, progress.data)
    except DomainError as error:
        return ask_current(turn, lead=error.text)
    turn.state.active, turn.status = None, Status.DONE
    return [*sends, *turn.write(aside_note(turn))]


def cancel(turn: Turn) -> list[Send]:
    """End the active conversation without saving."""
    title = turn.flow.called(turn.progress.data)
    turn.state.active, turn.status = None, Status.CANCELLED
    return turn.write(say(t("engine.cancelled", title=title)), aside_note(turn))


def aside_note(turn: Turn) -> Reply | None:
    """When a conversation ends and another was put aside for it: how to take that one up again."""
    if not turn.state.aside:
        return None
    waiting = turn.state.aside[-1]
    flow = turn.find_flow(waiting.flow)
    if flow is None:
        return None
    return aside_reply(flow.called(waiting.data), progress_text(turn, waiting))


def place_of(turn: Turn, progress: Progress) -> tuple[int, int]:
    """Which question a conversation stands at and how many it has (both 0 when its flow is gone)."""
    flow = turn.find_flow(progress.flow)
    if flow is None:
        return 0, 0
    keys = [q.key for q in flow.questions if q.applies(progress.answers)]
    if progress.phase == Phase.CONFIRM or progress.current not in keys:
        return len(keys), len(keys)
    return keys.index(progress.current or "") + 1, len(keys)


def progress_text(turn: Turn, progress: Progress) -> Text:
    """ "fråga 4 av 10", or that every question is answered and only the saving is left."""
    position, total = place_of(turn, progress)
    if progress.phase == Phase.CONFIRM:
        return t("engine.progress_confirm")
    return t("engine.progress", position=position, total=total)


def intro_parts(turn: Turn) -> list[Part]:
    """The flow's introduction (who it is for, what comes), shown once when it begins."""
    intro = turn.flow.intro
    return list(intro(turn.env)) if intro is not None else []


def intro_reply(turn: Turn) -> Reply | None:
    """The introduction as its own message, or None when the flow has none."""
    parts = intro_parts(turn)
    return Reply(tuple(parts)) if parts else None


def is_free_text(question: Question) -> bool:
    """Whether any typed text answers the question (plain text), so typed text alone cannot point at it."""
    return question.kind == Kind.TEXT and question.any_text
