"""Beginning a conversation where another is open: ask first, set aside, take up again with *fortsätt*.

Nothing is thrown away unless the person chooses it. Starting the conversation that is already open just
continues it; starting another one asks "continue with the one you began, or begin the new one?", and
beginning the new one keeps the first aside, to be taken up again with *fortsätt* (or its button).
"""

from collections.abc import Mapping
from typing import Any

from handlers.conversation.actions import OfferChoice
from handlers.conversation.answers import parse_answer
from handlers.conversation.render import offer_reply
from handlers.conversation.state import ASIDE_LIMIT, Offer, Progress, Status
from handlers.conversation.steps import advance, ask_current, intro_reply, progress_text
from handlers.conversation.turn import Turn
from handlers.conversation.words import normalised, yes_or_no
from handlers.errors import AnswerError
from handlers.replies import Reply, Send, say
from handlers.text import Text, t

OFFER_WORDS = {
    OfferChoice.KEEP: ("1", "fortsätt", "fortsätta", "fortsatt", "det gamla", "det första", "avbryt"),
    OfferChoice.SET_ASIDE: ("2", "börja", "börja med det nya", "det nya", "nytt", "ny", "nya"),
    OfferChoice.END: ("3", "avsluta", "avsluta det", "släng", "släng det", "ta bort det"),
}


def start(turn: Turn, flow: str, data: Mapping[str, Any], answers: Mapping[str, Any], first_answer: str) -> list[Send]:
    """Begin the flow, continue it when it is the one already open, or ask first when another one is."""
    offer = Offer(flow=flow, data=dict(data), answers=dict(answers), first_answer=first_answer)
    if not turn.has_active:
        waiting = turn.state.find_aside(flow, offer.data)
        if waiting is not None:
            return resume_aside(turn, waiting, lead=t("engine.already_begun", noun=_noun(turn, flow, data)))
        return begin(turn, offer)
    progress = turn.progress
    if progress.same_as(flow, offer.data):
        turn.state.offer, turn.status = None, Status.ACTIVE
        return _continue_begun(turn, _noun(turn, flow, data), first_answer)
    turn.state.offer = offer
    return turn.write(_offer_reply(turn))


def _continue_begun(turn: Turn, noun: Text, typed: str) -> list[Send]:
    """The conversation asked for is the one open: go on where it stands. What was typed with the command answers
    the first question when nothing is answered yet; otherwise it is not used, and the person is told so."""
    lead = t("engine.already_begun", noun=noun)
    if not typed.strip():
        return ask_current(turn, lead=lead)
    if not turn.progress.answers:
        return advance(turn, lead=lead, error=_first_answer(turn, typed))
    return ask_current(turn, lead=t("engine.typed_not_used", given=typed), before=(say(lead),))


def begin(turn: Turn, offer: Offer, said: Reply | None = None) -> list[Send]:
    """Make the offered conversation the active one: its introduction, then its first question."""
    turn.state.active = Progress(flow=offer.flow, answers=dict(offer.answers), data=dict(offer.data))
    turn.state.offer, turn.status = None, Status.ACTIVE
    error = _first_answer(turn, offer.first_answer)
    return advance(turn, error=error, before=(said, intro_reply(turn)))


def _first_answer(turn: Turn, typed: str) -> Text | None:
    """An answer to the first question typed with the command ("/lokus möte tisdag kl 13"); its error if bad."""
    question = turn.next_question()
    if not typed.strip() or question is None:
        return None
    try:
        value = parse_answer(question, typed, turn.env)
    except AnswerError as error:
        return error.text
    turn.progress.answers[question.key] = value
    turn.progress.trail.append(question.key)
    return None


def offer_typed(turn: Turn, text: str) -> list[Send] | None:
    """Text typed while the bot asks whether to continue or begin: the choice, or None (an answer after all)."""
    word = normalised(text)
    for choice, words in OFFER_WORDS.items():
        if word in words:
            return choose(turn, choice)
    said = yes_or_no(word, numbers=False)
    if said is True:  # "ja" to "Vill du fortsätta med …?"
        return choose(turn, OfferChoice.KEEP)
    if said is False:  # "nej" could mean either: ask again rather than guess, and say why
        return turn.write(say(t("engine.offer.unclear")), _offer_reply(turn))
    turn.state.offer = None
    return None


def choose(turn: Turn, choice: OfferChoice) -> list[Send]:
    """The person's answer to the offer."""
    offer = turn.state.offer
    if offer is None or not turn.has_active:
        return ask_current(turn, error=t("engine.stale")) if turn.has_active else turn.write(_nothing())
    current = turn.flow.called(turn.progress.data)
    if choice == OfferChoice.KEEP:
        turn.state.offer, turn.status = None, Status.ACTIVE
        return ask_current(turn, lead=t("engine.continuing", noun=current))
    if choice == OfferChoice.SET_ASIDE and len(turn.state.aside) < ASIDE_LIMIT:
        turn.state.aside.append(turn.progress)
        said = t("engine.set_aside", noun=current)
    else:
        said = t("engine.ended", noun=current)
    return begin(turn, offer, say(said))


def resume_aside(turn: Turn, index: int = -1, lead: Text | None = None) -> list[Send]:
    """Take up a conversation put aside (the newest unless told), where it stopped."""
    while turn.state.aside:
        progress = turn.state.aside.pop(index)
        index = -1
        if turn.find_flow(progress.flow) is not None:
            turn.state.active, turn.status = progress, Status.ACTIVE
            noun = turn.flow.called(progress.data)
            return ask_current(turn, lead=lead or t("engine.resumed", title=noun))
    return turn.write(_nothing())


def _offer_reply(turn: Turn) -> Reply:
    offer = turn.state.offer
    assert offer is not None
    return offer_reply(
        turn.flow.called(turn.progress.data),
        progress_text(turn, turn.progress),
        _noun(turn, offer.flow, offer.data),
        can_set_aside=len(turn.state.aside) < ASIDE_LIMIT,
    )


def _noun(turn: Turn, flow: str, data: Mapping[str, Any]) -> Text:
    found = turn.find_flow(flow)
    return found.called(data) if found is not None else t("engine.unknown_flow")


def _nothing() -> Reply:
    return say(t("engine.no_conversation"))
