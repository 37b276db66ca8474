"""How a flow is declared: an ordered list of questions, each with a kind, options and rules."""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from handlers.text import Text

if TYPE_CHECKING:
    from handlers.context import Ctx
    from handlers.replies import Send


class Kind(StrEnum):
    """What sort of answer a question takes."""

    TEXT = "text"
    CHOICE = "choice"
    MULTI = "multi"
    YES_NO = "yes_no"
    DATE = "date"
    NUMBER = "number"
    AMOUNT = "amount"


@dataclass(frozen=True)
class Choice:
    """An answer option: the stored value, its label, and other words people type for it."""

    value: str
    label: Text
    words: tuple[str, ...] = ()


@dataclass(frozen=True)
class Env:
    """What option lists, conditions and parsers may look at: the request and the answers so far."""

    ctx: "Ctx"
    answers: Mapping[str, Any]
    data: Mapping[str, Any]


Options = Sequence[Choice] | Callable[[Env], Sequence[Choice]]


@dataclass(frozen=True)
class Question:
    """One question of a flow."""

    key: str
    label: Text
    prompt: Text
    kind: Kind
    options: Options = ()
    optional: bool = False
    when: Callable[[Mapping[str, Any]], bool] | None = None
    check: Callable[[Any, Env], Any] | None = None
    default: Callable[[Env], Any] | None = None
    hint: Text | None = None
    minimum: float | None = None
    maximum: float | None = None

    def choices(self, env: Env) -> Sequence[Choice]:
        """The options, computed when they depend on the request."""
        return self.options(env) if callable(self.options) else self.options

    def applies(self, answers: Mapping[str, Any]) -> bool:
        """Whether the question is asked given earlier answers."""
        return self.when is None or self.when(answers)


Finish = Callable[["Ctx", dict[str, Any], Mapping[str, Any]], list["Send"]]


@dataclass(frozen=True)
class Flow:
    """A named, ordered list of questions and what to do with the confirmed answers."""

    name: str
    title: Text
    questions: tuple[Question, ...]
    finish: Finish
    data_keys: tuple[str, ...] = field(default=())

    def question(self, key: str) -> Question:
        """The question with the key."""
        for q in self.questions:
            if q.key == key:
                return q
        raise KeyError(key)
