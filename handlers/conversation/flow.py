"""How a flow is declared: an ordered list of questions, each with a kind, options and rules."""

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from handlers.text import Text

if TYPE_CHECKING:
    from handlers.context import Ctx
    from handlers.replies import Part, Send


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
    """One question of a flow. `any_text`: for a TEXT question, whether any text answers it (False when its
    `check` takes only some words, as a meeting's time: a message that starts with a command word is then no
    answer it was meant for)."""

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
    show: Callable[[Any, Env], Any] | None = None
    other: Callable[[str, Env], Any] | None = None
    any_text: bool = True

    def choices(self, env: Env) -> Sequence[Choice]:
        """The options, computed when they depend on the request."""
        return self.options(env) if callable(self.options) else self.options

    def default_value(self, env: Env) -> Any:
        """The answer offered with "Använd …" and *ok*, or None when there is none for this request."""
        return self.default(env) if self.default is not None else None

    def applies(self, answers: Mapping[str, Any]) -> bool:
        """Whether the question is asked given earlier answers."""
        return self.when is None or self.when(answers)


Finish = Callable[["Ctx", dict[str, Any], Mapping[str, Any]], list["Send"]]
Intro = Callable[[Env], Sequence["Part"]]


@dataclass(frozen=True)
class Flow:
    """A named, ordered list of questions and what to do with the confirmed answers."""

    name: str
    title: Text
    questions: tuple[Question, ...]
    finish: Finish
    data_keys: tuple[str, ...] = field(default=())
    summary_title: Callable[[Env], Text] | None = None
    noun: Text | Callable[[Mapping[str, Any]], Text] | None = None
    intro: Intro | None = None

    def called(self, data: Mapping[str, Any]) -> Text:
        """What the conversation is called in a sentence ("lots-ärendet", "avsnittet ”Mål”"), from its data."""
        if self.noun is None:
            return self.title
        return self.noun if isinstance(self.noun, Text) else self.noun(data)

    def question(self, key: str) -> Question:
        """The question with the key."""
        for q in self.questions:
            if q.key == key:
                return q
        raise KeyError(key)


FlowBuilder = Callable[[str], "Flow | None"]


class FlowBook(Mapping[str, Flow]):
    """Flows by name: the declared ones, and families whose flows are built from the name when asked for.

    A family is a prefix and a builder: "plan:verksamhetsplan:2027:mal" asks the "plan" builder for
    "verksamhetsplan:2027:mal" (None when there is no such flow). Built flows are not listed when iterating.
    """

    def __init__(self, flows: Mapping[str, Flow], families: Mapping[str, FlowBuilder] | None = None) -> None:
        self._flows = dict(flows)
        self._families = dict(families or {})

    def __getitem__(self, name: str) -> Flow:
        if name in self._flows:
            return self._flows[name]
        prefix, colon, rest = name.partition(":")
        build = self._families.get(prefix) if colon else None
        flow = build(rest) if build is not None else None
        if flow is None:
            raise KeyError(name)
        return flow

    def __setitem__(self, name: str, flow: Flow) -> None:
        self._flows[name] = flow

    def __iter__(self) -> Iterator[str]:
        return iter(self._flows)

    def __len__(self) -> int:
        return len(self._flows)
