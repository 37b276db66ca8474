"""What a message means, decided once for every front door: an intent to run, a question back, small talk, or
nothing the bot can do. Pure: no database, no replies.

Order: identity data is refused before anything else (and never echoed); an overlong message is never an
intent; a command word at the start is certain; a message of only small talk is small talk; otherwise the
matcher's ranking decides, asking "Menade du …?" when two intents are about as likely.
"""

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from handlers.identity import IdentityKind, find_identity
from handlers.intents import Argument, Intent
from handlers.intents.matcher import Guess, Matcher
from handlers.intents.words import fold, pieces

MAX_CHARS = 200
MAX_WORDS = 25
GO = 0.7
MARGIN = 0.12
ASK = 0.35
UNMISTAKABLE = 0.99
UNMISTAKABLE_MARGIN = 0.3
SMALLTALK_ORDER = ("bye", "thanks", "greeting", "ok")
SUGGESTED = 4
REMEMBERED = 512  # decisions of short messages kept per process


class Meaning(StrEnum):
    """The kinds of decision."""

    GO = "go"
    ASK = "ask"
    SMALLTALK = "smalltalk"
    UNKNOWN = "unknown"
    IDENTITY = "identity"


@dataclass(frozen=True)
class Decision:
    """What to do with a message: run `intent` with `args`, ask between `options`, or answer small talk.

    `certain`: the whole message is a command word or exactly one intent's phrasing (it may interrupt an open
    conversation); `worded`: it starts with a command word (enough for `/lokus`).
    """

    meaning: Meaning
    intent: str = ""
    args: str = ""
    options: tuple[str, ...] = ()
    smalltalk: str = ""
    identity: IdentityKind | None = None
    certain: bool = False
    worded: bool = False
    guesses: tuple[Guess, ...] = field(default=(), compare=False)


class Decider:
    """Decides what messages mean, from every feature's intents."""

    def __init__(self, intents: Sequence[Intent]) -> None:
        self.intents = {intent.key: intent for intent in intents}
        self.matcher = Matcher({i.key: (*i.examples, *i.words) for i in intents})
        words = [(tuple(fold(w) for w in pieces(word)), i) for i in intents for word in i.words]
        self.words = sorted(words, key=lambda item: -len(item[0]))
        self._remembered = functools.lru_cache(maxsize=REMEMBERED)(self._decided)

    def decide(self, text: str) -> Decision:
        """The decision for a DM (or `/lokus` text) with no conversation in the way; an intent's argument is
        what it asked for (nothing, the rest, or the whole text). Pure, so the short messages are remembered: one
        read twice in a request (may it interrupt? what does it mean?) or sent often ("ja") is read once."""
        return self._remembered(text) if len(text) <= MAX_CHARS else self._decided(text)

    def _decided(self, text: str) -> Decision:
        decision = self._decide(text)
        if decision.meaning != Meaning.GO:
            return decision
        argument = self.intents[decision.intent].argument
        args = {Argument.NONE: "", Argument.REST: decision.args, Argument.TEXT: text}[argument]
        return replace(decision, args=args)

    def _decide(self, text: str) -> Decision:
        identity = find_identity(text)
        if identity is not None:
            return Decision(Meaning.IDENTITY, identity=identity)
        if len(text) > MAX_CHARS:
            return Decision(Meaning.UNKNOWN)
        worded = self._command_word(text)
        if worded is not None:
            return worded
        reading = self.matcher.read(text)
        if reading.word_count > MAX_WORDS:
            return Decision(Meaning.UNKNOWN)
        if not reading.content:
            if reading.smalltalk:
                return Decision(Meaning.SMALLTALK, smalltalk=_smalltalk_kind(reading.smalltalk))
            return Decision(Meaning.UNKNOWN)
        guesses = tuple(self.matcher.rank(text, reading))
        return _from_guesses(guesses, len(reading.content), any(t.kind == "unknown" for t in reading.tokens))

    def interrupting(self, text: str) -> Decision | None:
        """The decision when a conversation is open: only an unmistakable wish (or a command word) interrupts.

        An answer too long to be an intent is the conversation's at once: it is not read for identity twice (the
        engine checks every answer), which costs milliseconds for a page of minutes."""
        if len(text) > MAX_CHARS:
            return None
        decision = self.decide(text)
        return decision if decision.meaning == Meaning.GO and decision.certain else None

    def worded_interrupting(self, text: str) -> Decision | None:
        """A command word with its argument ("boka möte tisdag kl 13"): a wish when the conversation's question
        cannot take it as an answer (handlers.router decides that)."""
        if len(text) > MAX_CHARS:
            return None
        decision = self.decide(text)
        return decision if decision.meaning == Meaning.GO and decision.worded and decision.args else None

    def suggestions(self, decision: Decision) -> tuple[str, ...]:
        """The intents to offer when a message was not understood: the closest, or the most asked for."""
        close = tuple(g.intent for g in decision.guesses[:SUGGESTED] if g.score > 0)
        defaults = tuple(key for key in ("case.new", "case.list", "meeting.book", "summary") if key in self.intents)
        return close or defaults

    def _command_word(self, text: str) -> Decision | None:
        """A command word starting the message: the whole message, or followed by the intent's argument."""
        folded = [fold(piece) for piece in pieces(text)]
        for word, intent in self.words:
            if tuple(folded[: len(word)]) != word:
                continue
            rest = _rest_as_written(text, len(word)) if len(folded) > len(word) else ""
            if not rest or intent.argument != Argument.NONE:
                return Decision(Meaning.GO, intent.key, rest, certain=not rest, worded=True)
        return None


def _rest_as_written(text: str, skip: int) -> str:
    """The text after its first `skip` whitespace-separated pieces, as written (punctuation kept)."""
    parts = text.split(None, skip)
    return parts[skip].strip() if len(parts) > skip else ""


def _from_guesses(guesses: tuple[Guess, ...], content_words: int, unknown_words: bool) -> Decision:
    if not guesses:
        return Decision(Meaning.UNKNOWN)
    top = guesses[0]
    second = guesses[1].score if len(guesses) > 1 else 0.0
    if top.score >= GO and top.score - second >= MARGIN:
        certain = (
            top.score >= UNMISTAKABLE
            and top.score - second >= UNMISTAKABLE_MARGIN
            and content_words >= 2
            and not unknown_words
        )
        return Decision(Meaning.GO, top.intent, top.leftover, certain=certain, guesses=guesses)
    if top.score >= ASK:
        close = tuple(g.intent for g in guesses if g.score >= ASK and top.score - g.score < MARGIN * 2)
        return Decision(Meaning.ASK, options=close[:3], guesses=guesses)
    return Decision(Meaning.UNKNOWN, guesses=guesses)


def _smalltalk_kind(said: Sequence[str]) -> str:
    return next((kind for kind in SMALLTALK_ORDER if kind in said), "ok")
