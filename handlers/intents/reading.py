"""Reading a message for the matcher: fillers and small talk set aside, every other word made canonical.

Known words (the lexicon's and every example's) are looked up by key; two words that together make a known
word are joined ("lots ärende"); phrases are rewritten ("vad kan du göra" → hjälp); a word nobody knows is
tried as a typo of a known word (rapidfuzz, optimal string alignment: one edit in words of 4–7 letters, two
from 8) and as a compound of two known words ("mötesanteckningar" → möte + anteckningar).
"""

from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import OSA

from handlers.intents.lexicon import Lexicon
from handlers.intents.words import Word, key, words

CONTENT, TIME, UNKNOWN = "content", "time", "unknown"
MAX_PHRASE = 5
MIN_PART = 3
TYPO_PENALTY = 0.12
COMPOUND_CONFIDENCE = 0.9


@dataclass(frozen=True)
class Token:
    """A word (or phrase) as understood: its canonical key, its kind, how sure, the pieces it spans, and the
    word as written (folded) when it was looked up as it stands."""

    key: str
    kind: str
    confidence: float
    pieces: frozenset[int]
    surface: str = ""


@dataclass
class Reading:
    """A message read: its tokens, the small talk said, pieces that held only fillers, and words new to us."""

    tokens: list[Token] = field(default_factory=list)
    smalltalk: list[str] = field(default_factory=list)
    filler_pieces: frozenset[int] = frozenset()
    new_words: list[str] = field(default_factory=list)
    word_count: int = 0

    @property
    def content(self) -> list[Token]:
        """The tokens that carry a wish."""
        return [token for token in self.tokens if token.kind == CONTENT]


def read(text: str, lexicon: Lexicon, *, learning: bool = False) -> Reading:
    """The message's tokens; `learning` (for example phrasings) collects unknown words instead of guessing."""
    found = _joined(words(text), lexicon)
    reading = Reading(word_count=len(found))
    quiet: set[int] = set()
    loud: set[int] = set()
    index = 0
    while index < len(found):
        taken = _phrase(found, index, lexicon, reading, quiet)
        if taken:
            index += taken
            continue
        word = found[index]
        token_count = len(reading.tokens)
        if lexicon.is_filler(word.lowered or word.folded, word.folded):
            quiet |= word.pieces
        elif (word.key,) in lexicon.smalltalk:
            reading.smalltalk.append(lexicon.smalltalk[(word.key,)])
            quiet |= word.pieces
        else:
            reading.tokens.extend(_tokens(word, lexicon, reading, learning))
        if len(reading.tokens) > token_count:
            loud |= word.pieces
        index += 1
    for token in reading.tokens:
        loud |= token.pieces
    reading.filler_pieces = frozenset(quiet - loud)
    return reading


def _joined(found: list[Word], lexicon: Lexicon) -> list[Word]:
    """Adjacent words that together are one known word ("lots ärende", "lots-ärende") as that word."""
    out: list[Word] = []
    index = 0
    while index < len(found):
        word = found[index]
        if index + 1 < len(found):
            following = found[index + 1]
            together = word.folded + following.folded
            if key(together) in lexicon.canon:
                out.append(Word(together, key(together), word.pieces | following.pieces))
                index += 2
                continue
        out.append(word)
        index += 1
    return out


def _phrase(found: list[Word], index: int, lexicon: Lexicon, reading: Reading, quiet: set[int]) -> int:
    """Take the longest phrase, filler phrase or small-talk phrase starting at index; how many words it took."""
    for size in range(min(MAX_PHRASE, len(found) - index), 1, -1):
        span = found[index : index + size]
        keys = tuple(word.key for word in span)
        spanned = frozenset().union(*(word.pieces for word in span))
        if keys in lexicon.phrases:
            reading.tokens.extend(Token(k, CONTENT, 1.0, spanned) for k in lexicon.phrases[keys])
            if not lexicon.phrases[keys]:
                quiet |= spanned
            return size
        if keys in lexicon.smalltalk:
            reading.smalltalk.append(lexicon.smalltalk[keys])
            quiet |= spanned
            return size
    return 0


def _tokens(word: Word, lexicon: Lexicon, reading: Reading, learning: bool) -> list[Token]:
    canonical = lexicon.canonical(word.key)
    if canonical is not None:
        return [Token(canonical, CONTENT, 1.0, word.pieces, word.folded)]
    if word.is_time:
        return [Token(word.folded, TIME, 1.0, word.pieces)]
    if learning:
        reading.new_words.append(word.folded)
        return [Token(word.key, CONTENT, 1.0, word.pieces, word.folded)]
    return _typo(word, lexicon) or _compound(word, lexicon) or [Token(word.folded, UNKNOWN, 1.0, word.pieces)]


def _typo(word: Word, lexicon: Lexicon) -> list[Token]:
    """The known word this one is a small typo of."""
    allowed = 0 if len(word.folded) < 4 else 1 if len(word.folded) < 8 else 2
    if not allowed:
        return []
    hit = process.extractOne(word.folded, lexicon.surfaces.keys(), scorer=OSA.distance, score_cutoff=allowed)
    if hit is None:
        return []
    surface, distance = hit[0], hit[1]
    return [Token(lexicon.surfaces[surface], CONTENT, 1.0 - TYPO_PENALTY * distance, word.pieces)]


def _compound(word: Word, lexicon: Lexicon) -> list[Token]:
    """The two known words this one is compounded of, the longest head first ("mötes|anteckningar")."""
    folded = word.folded
    for cut in range(MIN_PART, len(folded) - MIN_PART + 1):
        head, tail = folded[:cut], folded[cut:]
        left = lexicon.canonical(key(head)) or (lexicon.canonical(key(head[:-1])) if head.endswith("s") else None)
        right = lexicon.canonical(key(tail))
        if left and right:
            return [Token(k, CONTENT, COMPOUND_CONFIDENCE, word.pieces) for k in dict.fromkeys((left, right))]
    return []
