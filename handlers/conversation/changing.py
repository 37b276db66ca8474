"""Changing answers in words: "ändra kön till man", "kön: man", "ändra 3", and typed text at the summary.

Text typed at the summary is never dropped: it is a yes (save), a no (what to change?), a change, or a new
answer where only one question can take it. When several could, the bot asks which; when none can, it says
that nothing changed and how to change something.
"""

from handlers.conversation.answers import parse_answer
from handlers.conversation.flow import Question
from handlers.conversation.render import change_reply, place_reply
from handlers.conversation.steps import ask_current, is_free_text, reask, save, set_answer, summary
from handlers.conversation.turn import Turn
from handlers.conversation.words import Change, change_in, normalised, yes_or_no
from handlers.errors import AnswerError
from handlers.identity_guard import guard_identity
from handlers.replies import Send
from handlers.text import t

SHORTEST_NAME = 3


def find_question(turn: Turn, which: str) -> Question | None:
    """The applicable question someone names: by its number in the summary, its key or its label."""
    questions = turn.applicable()
    word = normalised(which)
    if word.isdecimal():
        number = int(word)
        return questions[number - 1] if 1 <= number <= len(questions) else None
    if not word:
        return None
    exact = [q for q in questions if word in (q.key.casefold(), turn.label_words(q))]
    if exact:
        return exact[0]
    if len(word) < SHORTEST_NAME:
        return None
    near = [q for q in questions if _names(turn, q, word)]
    return near[0] if len(near) == 1 else None


def _names(turn: Turn, question: Question, word: str) -> bool:
    """Whether the word is a beginning of the label ("ålder" of "åldersgrupp") or the label of the word."""
    label = turn.label_words(question)
    starts = label.startswith(word) or question.key.casefold().startswith(word)
    return starts or (len(label) > SHORTEST_NAME and word.startswith(label))


def change_while_asking(turn: Turn, change: Change) -> list[Send] | None:
    """ "ändra 3", "ändra kön till man" while a question is asked; None when it names no question (an answer)."""
    if not change.which:
        return turn.write(change_reply(turn.flow, turn.applicable()))
    question = find_question(turn, change.which)
    if question is None:
        if normalised(change.which).isdecimal():
            error = t("engine.change_unknown", given=change.which)
            return turn.write(change_reply(turn.flow, turn.applicable(), error=error))
        return None
    return reask(turn, question) if change.value is None else set_answer(turn, question, change.value)


def confirm_typed(turn: Turn, text: str) -> list[Send]:
    """Text typed while the summary is shown (or while asking which answer a typed text replaces)."""
    if turn.progress.proposal is not None:
        placed = _place_by_word(turn, text)
        if placed is not None:
            return placed
        turn.progress.proposal = None
    said = yes_or_no(text, numbers=False)
    if said is True:
        return save(turn)
    if said is False:
        return turn.write(change_reply(turn.flow, turn.applicable(), lead=t("engine.what_to_change")))
    change = change_in(text, labelled=True)
    if change is None and normalised(text).isdecimal() and find_question(turn, text) is not None:
        change = Change(text, None)
    if change is not None:
        done = _change_at_summary(turn, change)
        if done is not None:
            return done
    return place_typed(turn, text)


def _change_at_summary(turn: Turn, change: Change) -> list[Send] | None:
    if not change.which:
        return turn.write(change_reply(turn.flow, turn.applicable()))
    question = find_question(turn, change.which)
    if question is not None:
        return reask(turn, question) if change.value is None else set_answer(turn, question, change.value)
    if change.value is None or normalised(change.which).isdecimal():
        error = t("engine.change_unknown", given=change.which)
        return turn.write(change_reply(turn.flow, turn.applicable(), error=error))
    return None  # "Obs: ring AF" names no question: the whole text may still be a new answer


def place_typed(turn: Turn, text: str) -> list[Send]:
    """A plain text at the summary: the new answer where only one question can take it, else ask or explain."""
    try:
        guard_identity(text.strip())
    except AnswerError as error:
        return ask_current(turn, error=error.text)
    takers = _takers(turn, text)
    if len(takers) == 1:
        return set_answer(turn, takers[0], text)
    if not takers:
        return turn.write(summary(turn, lead=t("engine.unchanged"), note=t("engine.unchanged_how")))
    turn.progress.proposal = text.strip()
    return turn.write(place_reply(takers))


def _takers(turn: Turn, text: str) -> list[Question]:
    """The questions the text could be the new answer to; those with a fixed form first ("man" is a gender)."""
    takers = [q for q in turn.applicable() if _takes(turn, q, text)]
    return [q for q in takers if not is_free_text(q)] or takers


def _place_by_word(turn: Turn, text: str) -> list[Send] | None:
    """ "2" or "organisation" in answer to "which answer does it replace?"; None when it is neither."""
    typed = turn.progress.proposal or ""
    takers = _takers(turn, typed)
    word = normalised(text)
    if word.isdecimal() and 1 <= int(word) <= len(takers):
        return set_answer(turn, takers[int(word) - 1], typed)
    named = [q for q in takers if word and word in (q.key.casefold(), turn.label_words(q))]
    return set_answer(turn, named[0], typed) if len(named) == 1 else None


def place_proposal(turn: Turn, question_key: str) -> list[Send]:
    """The person said which answer the text they typed at the summary replaces."""
    typed = turn.progress.proposal
    if typed is None or question_key not in {q.key for q in turn.applicable()}:
        return ask_current(turn, error=t("engine.stale"))
    return set_answer(turn, turn.flow.question(question_key), typed)


def _takes(turn: Turn, question: Question, text: str) -> bool:
    """Whether the text is a valid answer to the question (nothing is kept; the check only reads)."""
    try:
        parse_answer(question, text, turn.env)
    except AnswerError:
        return False
    return True
