"""The one DM matcher: which intent a message most likely means, and how sure that is.

A message and every example phrasing are read the same way (handlers.intents.reading): words folded and
stemmed, fillers dropped, synonyms and phrases made canonical, typos and compounds resolved against the known
words with rapidfuzz. Each intent is then scored by a weighted F1 of
* precision: how much of the message an example accounts for (words from the intent's other examples count
  half; words unknown to every intent count against it a little, dates and numbers hardly at all: they say
  when or which, not what), and
* recall: how much of that example the message contains,
taking the intent's best-fitting example.
A word's weight is its inverse document frequency over the intents, so "boka" (one intent) decides more than
"möte" (six). Word order never matters, so "ärende registrera" reads like "registrera ärende".
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from handlers.intents.lexicon import Lexicon, build_lexicon
from handlers.intents.reading import CONTENT, TIME, UNKNOWN, Reading, Token, read
from handlers.intents.words import pieces

UNKNOWN_WEIGHT = 0.5
TIME_WEIGHT = 0.1
MIN_WEIGHT = 0.2
OTHER_EXAMPLE_CREDIT = 0.5
INFLECTED = 0.85
RELATIVE_WORDS = frozenset({"nasta", "kommande", "forra", "denna", "detta", "narmaste"})


@dataclass(frozen=True)
class Guess:
    """An intent the message may mean, its score (0–1), and the words left over for the intent to use."""

    intent: str
    score: float
    leftover: str


@dataclass(frozen=True)
class _Example:
    intent: str
    keys: frozenset[str]
    surfaces: frozenset[str]


class Matcher:
    """Ranks intents for a message; built once from every intent's example phrasings."""

    def __init__(self, examples: Mapping[str, Sequence[str]], lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or build_lexicon()
        for phrasings in examples.values():
            for phrasing in phrasings:
                for word in read(phrasing, self.lexicon, learning=True).new_words:
                    self.lexicon.learn(word)
        self.examples: list[_Example] = []
        for intent, phrasings in examples.items():
            for phrasing in phrasings:
                tokens = [t for t in read(phrasing, self.lexicon).tokens if t.kind == CONTENT]
                if not tokens:
                    raise ValueError(f"the example {phrasing!r} of {intent} has only filler words")
                keys = frozenset(t.key for t in tokens)
                self.examples.append(_Example(intent, keys, frozenset(t.surface for t in tokens)))
        self.vocabulary: dict[str, frozenset[str]] = {}
        for example in self.examples:
            self.vocabulary[example.intent] = self.vocabulary.get(example.intent, frozenset()) | example.keys
        count = len(self.vocabulary)
        frequency: dict[str, int] = {}
        for keys in self.vocabulary.values():
            for word_key in keys:
                frequency[word_key] = frequency.get(word_key, 0) + 1
        self.weights = {k: max(MIN_WEIGHT, math.log((count + 1) / (df + 0.5))) for k, df in frequency.items()}

    def read(self, text: str) -> Reading:
        """The message as the matcher sees it."""
        return read(text, self.lexicon)

    def rank(self, text: str, reading: Reading | None = None) -> list[Guess]:
        """Every intent with a score above zero, most likely first."""
        reading = reading or self.read(text)
        tokens = _unique(reading.tokens)
        total = sum(self._weight(token) for token in tokens)
        if not any(token.kind == CONTENT for token in tokens) or total == 0:
            return []
        best: dict[str, tuple[float, _Example]] = {}
        for example in self.examples:
            score = self._score(example, tokens, total)
            if score > best.get(example.intent, (0.0, example))[0]:
                best[example.intent] = (score, example)
        guesses = [
            Guess(intent, round(score, 3), _leftover(text, reading, example.keys, self.vocabulary[intent]))
            for intent, (score, example) in best.items()
        ]
        return sorted(guesses, key=lambda g: (-g.score, g.intent))

    def _score(self, example: _Example, tokens: Sequence[Token], total: float) -> float:
        """F1 of the message against one example; message words the intent knows from its other examples
        count half towards precision (so "boka möte i Heby" and "boka nästa möte" both fit "boka möte")."""
        vocabulary = self.vocabulary[example.intent]
        found = {t.key: self._confidence(t, example) for t in tokens if t.kind == CONTENT}
        recall = sum(self.weights[k] * found.get(k, 0.0) for k in example.keys) / sum(
            self.weights[k] for k in example.keys
        )
        matched = sum(
            self._weight(t) * (found[t.key] if t.key in example.keys else t.confidence * OTHER_EXAMPLE_CREDIT)
            for t in tokens
            if t.kind == CONTENT and t.key in vocabulary
        )
        precision = matched / total
        return 2 * precision * recall / (precision + recall) if precision and recall else 0.0

    def _confidence(self, token: Token, example: _Example) -> float:
        """How surely the token is the example's word: another inflection of it ("ärenden" for "ärende")
        counts a little less than the very form, so "vilka ärenden har jag" leans to "mina ärenden"."""
        inflected = (
            token.surface
            and token.surface not in example.surfaces
            and token.surface not in self.lexicon.synonym_surfaces
        )
        return token.confidence * (INFLECTED if inflected else 1.0)

    def _weight(self, token: Token) -> float:
        if token.kind == UNKNOWN:
            return UNKNOWN_WEIGHT
        if token.kind == TIME:
            return TIME_WEIGHT
        return self.weights.get(token.key, UNKNOWN_WEIGHT)


def _unique(tokens: Sequence[Token]) -> list[Token]:
    """One token per key (the surest), so a word said twice does not weigh double."""
    kept: dict[tuple[str, str], Token] = {}
    for token in tokens:
        current = kept.get((token.kind, token.key))
        if current is None or token.confidence > current.confidence:
            kept[(token.kind, token.key)] = token
    return list(kept.values())


def _leftover(text: str, reading: Reading, used: frozenset[str], vocabulary: frozenset[str]) -> str:
    """The pieces of the text the intent's wish did not account for, without fillers at either end: words of
    the intent's examples, except those that may belong to a time ("nästa vecka")."""

    def spends(token: Token) -> bool:
        wished = token.key in used or token.key in vocabulary
        return token.kind == CONTENT and wished and token.surface not in RELATIVE_WORDS

    shown = pieces(text)
    spent = set()
    for index in range(len(shown)):
        touching = [t for t in reading.tokens if index in t.pieces]
        if touching and all(spends(t) for t in touching):
            spent.add(index)
    kept = [index for index in range(len(shown)) if index not in spent and shown[index]]
    times = {index for token in reading.tokens if token.kind == TIME for index in token.pieces}
    while kept and kept[0] in reading.filler_pieces and not (kept[1:2] == [kept[0] + 1] and kept[1] in times):
        kept.pop(0)
    while kept and kept[-1] in reading.filler_pieces:
        kept.pop()
    return " ".join(shown[index] for index in kept)
