"""The matcher's word knowledge, read from lexicon.yaml: fillers, small talk, synonyms and phrases."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from handlers.intents.words import fold, key, phrase_key

LEXICON_FILE = Path(__file__).with_name("lexicon.yaml")


@dataclass
class Lexicon:
    """Words by key: which are fillers, which are small talk, which mean the same, which phrases mean more."""

    fillers: frozenset[str] = frozenset()
    folded_fillers: frozenset[str] = frozenset()
    smalltalk: dict[tuple[str, ...], str] = field(default_factory=dict)
    canon: dict[str, str] = field(default_factory=dict)
    phrases: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    surfaces: dict[str, str] = field(default_factory=dict)
    synonym_surfaces: set[str] = field(default_factory=set)

    def learn(self, word: str) -> None:
        """Make a word of an example phrasing known (as itself, unless it is a synonym already)."""
        folded = fold(word)
        canonical = self.canon.setdefault(key(word), key(word))
        self.surfaces.setdefault(folded, canonical)

    def is_filler(self, lowered: str, folded: str) -> bool:
        """Whether a word is a filler: as written, or folded when it was typed without å, ä and ö ("ar" is
        "är", but "år" is not)."""
        return lowered in self.fillers or (lowered == folded and folded in self.folded_fillers)

    def canonical(self, word_key: str) -> str | None:
        """The canonical key of a known word's key."""
        return self.canon.get(word_key)


@lru_cache(maxsize=1)
def shipped_lexicon_data() -> Mapping[str, Any]:
    """lexicon.yaml as read."""
    with LEXICON_FILE.open(encoding="utf-8") as stream:
        data: Mapping[str, Any] = yaml.safe_load(stream)
    return data


def build_lexicon(data: Mapping[str, Any] | None = None) -> Lexicon:
    """A fresh lexicon (the matcher adds its examples' words to it)."""
    data = data if data is not None else shipped_lexicon_data()
    fillers = [str(word) for word in data.get("fillers", ())]
    single = [word.casefold() for word in fillers if " " not in word]
    lexicon = Lexicon(fillers=frozenset(single), folded_fillers=frozenset(fold(word) for word in single))
    for phrase in (word for word in fillers if " " in word):
        lexicon.phrases[phrase_key(phrase)] = ()
    for kind, said in data.get("smalltalk", {}).items():
        for words in said:
            lexicon.smalltalk[phrase_key(str(words))] = str(kind)
    for canonical, others in data.get("synonyms", {}).items():
        _synonyms(lexicon, str(canonical), [str(other) for other in others])
    for phrase, meaning in data.get("phrases", {}).items():
        lexicon.phrases[phrase_key(str(phrase))] = tuple(lexicon.canon.get(k, k) for k in phrase_key(str(meaning)))
    return lexicon


def _synonyms(lexicon: Lexicon, canonical: str, others: Sequence[str]) -> None:
    target = key(canonical)
    lexicon.canon[target] = target
    lexicon.surfaces[fold(canonical)] = target
    lexicon.synonym_surfaces.add(fold(canonical))
    for other in others:
        keys = phrase_key(other)
        if len(keys) > 1:
            lexicon.phrases[keys] = (target,)
        elif keys:
            lexicon.canon[keys[0]] = target
            lexicon.surfaces[fold(other)] = target
            lexicon.synonym_surfaces.add(fold(other))
