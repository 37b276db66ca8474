"""What an evaluation survey file may hold: its key, name, introduction and questions (statements and free texts).

The files are YAML, like the plan templates: the shipped one is `handlers/evaluation/surveys/lokus.yaml`; a
förbund writes its own in the same form and points `EVALUATION_SURVEY` at it. Every text is given in Swedish
and may be given in English (the Swedish is used where the English is missing).
"""

from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

Key = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
Words = Annotated[str, Field(min_length=1, max_length=500)]
MAX_QUESTIONS = 30


class Strict(BaseModel):
    """No unknown keys: a misspelt key is an error, not silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Localized(Strict):
    """A text in Swedish, and in English when the file gives it."""

    sv: Words
    en: Words | None = None

    def read(self, language: str) -> str:
        """The text in the language (Swedish when there is no English)."""
        return self.en if language == "en" and self.en else self.sv


class AnswerKind(StrEnum):
    """How a survey question is answered."""

    STATEMENT = "statement"  # 1 (instämmer inte alls) to 5 (instämmer helt)
    TEXT = "text"  # free text, always optional


class SurveyQuestion(Strict):
    """One statement or free-text question; its key ties this year's answers to last year's."""

    key: Key
    kind: AnswerKind = AnswerKind.STATEMENT
    text: Localized
    optional: bool | None = None  # statements must be answered, free texts may be skipped, unless said

    @property
    def may_skip(self) -> bool:
        """Whether the question may be left unanswered."""
        return self.optional if self.optional is not None else self.kind == AnswerKind.TEXT

    def stored(self, language: str) -> dict[str, Any]:
        """The question as a survey row keeps it: key, kind and the text as it was asked."""
        return {"key": self.key, "kind": self.kind.value, "text": self.text.read(language)}


class SurveyFile(Strict):
    """A whole survey file."""

    key: Key
    name: Localized
    intro: Localized | None = None
    questions: Annotated[list[SurveyQuestion], Field(min_length=1, max_length=MAX_QUESTIONS)]

    @model_validator(mode="after")
    def _unique_keys(self) -> "SurveyFile":
        keys = [q.key for q in self.questions]
        twice = sorted({k for k in keys if keys.count(k) > 1})
        if twice:
            raise PydanticCustomError("duplicate_question", "the question key {key} is used twice", {"key": twice[0]})
        if not any(q.kind == AnswerKind.STATEMENT for q in self.questions):
            raise PydanticCustomError("no_statement", "a survey needs at least one statement", {})
        return self
