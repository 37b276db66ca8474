"""Words as the DM matcher compares them: split, casefolded, å/ä/ö folded, and simple Swedish endings stripped.

"Lots-ärendet", "lotsärenden" and "LOTS ärende" all come out as the same key, so the matcher compares meanings
rather than spellings. Stripping is deliberately simple (one ending, the longest that leaves three letters):
the matcher only needs inflections of one word to meet, not a linguistically right stem.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from handlers.date_words import DAY_PARTS, MONTHS, OFFSET_UNITS, WEEKDAYS

_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "è": "e", "ü": "u", "æ": "a", "ø": "o"})
_WORD = re.compile(r"[^\W_]+|👍|🙏")  # the emoji of the smalltalk lexicon are words too
_PIECE = re.compile(r"\S+")
_EDGE_PUNCTUATION = ".,!?;:()\"'”“»«…"
SUFFIXES = (
    "arnas",
    "ernas",
    "ornas",
    "heten",
    "arna",
    "erna",
    "orna",
    "ande",
    "ende",
    "ena",
    "ade",
    "are",
    "het",
    "ens",
    "ets",
    "ar",
    "er",
    "or",
    "en",
    "et",
    "at",
    "ad",
    "na",
    "a",
    "e",
)
MIN_STEM = 3
TIME_WORDS = frozenset(
    {
        "idag",
        "imorgon",
        "imorn",
        "igår",
        "övermorgon",
        "kl",
        "klockan",
        "vecka",
        "veckan",
        "månad",
        "månaden",
        "hösten",
        "höst",
        "våren",
        "vår",
        "sommaren",
        "halvåret",
        "dagar",
        "dag",
        "dagen",
        "förra",
        "senaste",
        "år",
        "året",
        "årets",
        *MONTHS,
        *WEEKDAYS,
        *DAY_PARTS,
        *OFFSET_UNITS,
    }
)


def fold(word: str) -> str:
    """The word casefolded, with å, ä and ö as a, a and o (people type both)."""
    return word.casefold().translate(_FOLD)


@lru_cache(maxsize=4096)
def stem(folded: str) -> str:
    """A folded word without its inflectional ending: ärendet, ärenden, ärende → arend."""
    for suffix in SUFFIXES:
        if folded.endswith(suffix) and len(folded) - len(suffix) >= MIN_STEM:
            return folded[: -len(suffix)]
    return folded


def key(word: str) -> str:
    """The form a word is compared in: folded and stemmed."""
    return stem(fold(word))


def phrase_key(text: str) -> tuple[str, ...]:
    """The keys of every word of a phrase, in order."""
    return tuple(key(match.group()) for match in _WORD.finditer(text))


@dataclass(frozen=True)
class Word:
    """One word of a message: its folded form, its key, and which whitespace pieces of the text it spans."""

    folded: str
    key: str
    pieces: frozenset[int]
    lowered: str = ""

    @property
    def is_time(self) -> bool:
        """Whether the word is a number or a date or time word (an argument, not a wish)."""
        return self.folded.isdigit() or self.folded in _FOLDED_TIME_WORDS


_FOLDED_TIME_WORDS = frozenset(fold(word) for word in TIME_WORDS)


def pieces(text: str) -> list[str]:
    """The whitespace-separated pieces of a text, as written, without punctuation at their edges."""
    return [piece.strip(_EDGE_PUNCTUATION) for piece in _PIECE.findall(text)]


def words(text: str) -> list[Word]:
    """The words of a message, each knowing the piece it came from (for the words left over as arguments)."""
    found: list[Word] = []
    for index, piece in enumerate(pieces(text)):
        for match in _WORD.finditer(piece):
            lowered = match.group().casefold()
            folded = fold(lowered)
            found.append(Word(folded, stem(folded), frozenset((index,)), lowered))
    return found
