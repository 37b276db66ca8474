"""What a plan template file may hold: sections, questions, tables, deadline, reminders and approvals.

The files are YAML in `handlers/plans/templates/`; this schema checks them when they are loaded
(`handlers.plans.templates` turns a failure into an error naming the file and line).
"""

from datetime import date
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from handlers.parties import Party

Key = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,19}$")]
Words = Annotated[str, Field(min_length=1, max_length=2000)]


class QuestionKind(StrEnum):
    """What sort of answer a template question takes."""

    TEXT = "text"
    YES_NO = "yes_no"
    DATE = "date"
    NUMBER = "number"
    PERCENT = "percent"
    AMOUNT = "amount"
    CHOICE = "choice"
    TABLE = "table"


CELL_KINDS = frozenset(QuestionKind) - {QuestionKind.TABLE, QuestionKind.CHOICE}


class Strict(BaseModel):
    """No unknown keys: a misspelt key is an error, not silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Column(Strict):
    """One column of a table question; each row asks one question per column."""

    key: Key
    label: Words
    prompt: Words | None = None
    kind: QuestionKind = QuestionKind.TEXT
    hint: Words | None = None
    optional: bool = False
    default: Words | None = None
    flat_rate_from: Key | None = None
    total: bool = False

    @model_validator(mode="after")
    def _kind_fits(self) -> "Column":
        if self.kind not in CELL_KINDS:
            raise PydanticCustomError(
                "plan_template.cell_kind", "a column cannot be of kind {kind}", {"kind": self.kind.value}
            )
        if self.flat_rate_from and self.kind != QuestionKind.AMOUNT:
            raise PydanticCustomError("plan_template.flat_rate_kind", "flat_rate_from needs kind amount", {})
        if self.total and self.kind not in (QuestionKind.AMOUNT, QuestionKind.NUMBER, QuestionKind.PERCENT):
            raise PydanticCustomError("plan_template.total_kind", "total needs a number, percent or amount", {})
        return self


class Question(Strict):
    """One question of a section, asked in chat and printed in the document."""

    key: Key
    text: Words
    heading: Words | None = None
    kind: QuestionKind = QuestionKind.TEXT
    hint: Words | None = None
    optional: bool = False
    default: Words | None = None
    options: list[Words] = Field(default_factory=list)
    columns: list[Column] = Field(default_factory=list)
    max_rows: int = Field(default=10, ge=1, le=30)

    @model_validator(mode="after")
    def _parts_fit_kind(self) -> "Question":
        is_table = self.kind == QuestionKind.TABLE
        if is_table != bool(self.columns):
            raise PydanticCustomError("plan_template.columns", "columns belong to (and are needed by) tables", {})
        if (self.kind == QuestionKind.CHOICE) != bool(self.options):
            raise PydanticCustomError("plan_template.options", "options belong to (and are needed by) choices", {})
        _unique([c.key for c in self.columns], "column")
        for index, column in enumerate(self.columns):
            earlier = {c.key: c.kind for c in self.columns[:index]}
            if column.flat_rate_from and earlier.get(column.flat_rate_from) != QuestionKind.PERCENT:
                raise PydanticCustomError(
                    "plan_template.flat_rate_from",
                    "flat_rate_from must name an earlier percent column, not {name}",
                    {"name": column.flat_rate_from},
                )
        return self


class Section(Strict):
    """A part of the plan that one person answers; required sections must be answered before approval."""

    key: Key
    title: Words
    intro: Words | None = None
    required: bool = True
    follow_up: bool = False
    questions: list[Question] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_questions(self) -> "Section":
        _unique([q.key for q in self.questions], "question")
        if self.follow_up and self.required:
            raise PydanticCustomError("plan_template.follow_up", "a follow-up section cannot be required", {})
        return self


class Deadline(Strict):
    """When the plan is due: a day and month, in the plan's year or years before it."""

    month: int = Field(ge=1, le=12)
    day: int = Field(ge=1, le=31)
    years_before: int = Field(default=0, ge=0, le=2)

    @model_validator(mode="after")
    def _real_day(self) -> "Deadline":
        try:
            date(2028, self.month, self.day)
        except ValueError:
            raise PydanticCustomError(
                "plan_template.no_such_day", "there is no day {day}/{month}", {"day": self.day, "month": self.month}
            ) from None
        return self

    def for_year(self, year: int) -> date:
        """The deadline of the plan for the year (29 February becomes 28 February in other years)."""
        due_year = year - self.years_before
        try:
            return date(due_year, self.month, self.day)
        except ValueError:
            return date(due_year, self.month, self.day - 1)


class Approval(Strict):
    """Which parties must approve the plan before it is complete (none: complete when answered)."""

    parties: list[Party] = Field(default_factory=lambda: list(Party))

    @model_validator(mode="after")
    def _unique_parties(self) -> "Approval":
        _unique([p.value for p in self.parties], "party")
        return self


class Template(Strict):
    """A whole plan template: one file, one form."""

    key: Key
    name: Words
    title: Words
    intro: list[Words] = Field(default_factory=list)
    deadline: Deadline | None = None
    reminders: list[Annotated[int, Field(ge=0, le=365)]] = Field(default_factory=lambda: [30, 14, 7, 1])
    approval: Approval = Field(default_factory=Approval)
    sections: list[Section] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> "Template":
        _unique([s.key for s in self.sections], "section")
        _unique([str(d) for d in self.reminders], "reminder")
        return self

    def section(self, key: str) -> Section | None:
        """The section with the key, if any."""
        return next((s for s in self.sections if s.key == key), None)

    @property
    def approving_parties(self) -> tuple[Party, ...]:
        """The parties that must approve, in the template's order."""
        return tuple(self.approval.parties)


def _unique(keys: list[str], what: str) -> None:
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            raise PydanticCustomError(
                "plan_template.duplicate", "{what} {name} appears twice", {"what": what, "name": key}
            )
        seen.add(key)
