"""What the engine keeps about the conversations at one key, typed, and how it is stored as JSON.

A key (workspace, user, DM or channel, thread) has one row. In it: the conversation being answered now
(`active`), the ones put aside for it (`aside`, newest last, each resumable with *fortsätt*), and a start the
person has not yet agreed to (`offer`, while the bot asks "fortsätta, or begin the new one?").

Rows written before revision 0009 hold one conversation's state at the top level (answers, trail, phase,
current, pending, data) with its flow in the row's `flow` column; `read_state` still reads them.
"""

from collections.abc import Mapping
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

FORM: Literal[2] = 2
ASIDE_LIMIT = 5


class Phase(StrEnum):
    """Where a conversation stands: asking a question, or showing the summary to confirm."""

    ASK = "ask"
    CONFIRM = "confirm"


class Status(StrEnum):
    """The row's status: of the active conversation, or how the last one ended."""

    ACTIVE = "active"
    PAUSED = "paused"
    DONE = "done"
    CANCELLED = "cancelled"


OPEN = frozenset({Status.ACTIVE, Status.PAUSED})


class Progress(BaseModel):
    """One person's way through one flow: the answers so far and the question or summary shown."""

    model_config = ConfigDict(extra="ignore")

    flow: str
    answers: dict[str, Any] = Field(default_factory=dict)
    trail: list[str] = Field(default_factory=list)
    phase: Phase = Phase.ASK
    current: str | None = None
    ticked: list[str] = Field(default_factory=list)
    data: dict[str, Any] = Field(default_factory=dict)
    proposal: str | None = None
    earlier: dict[str, Any] = Field(default_factory=dict)  # the answer of the question asked again, kept with *ok*

    def same_as(self, flow: str, data: Mapping[str, Any]) -> bool:
        """Whether this is the conversation a start with the flow and data would begin."""
        return self.flow == flow and self.data == dict(data)


class Offer(BaseModel):
    """A start waiting for the person to say whether it may set the active conversation aside."""

    model_config = ConfigDict(extra="ignore")

    flow: str
    data: dict[str, Any] = Field(default_factory=dict)
    answers: dict[str, Any] = Field(default_factory=dict)
    first_answer: str = ""


class KeyState(BaseModel):
    """Everything stored at one key."""

    model_config = ConfigDict(extra="ignore")

    form: Literal[2] = FORM
    active: Progress | None = None
    aside: list[Progress] = Field(default_factory=list)
    offer: Offer | None = None

    def find_aside(self, flow: str, data: Mapping[str, Any]) -> int | None:
        """The place in `aside` of the conversation a start with the flow and data would begin."""
        return next((i for i, p in enumerate(self.aside) if p.same_as(flow, data)), None)


def read_state(flow: str, stored: Mapping[str, Any], status: str) -> KeyState:
    """The typed state of a row; rows of the form before 0009 become one conversation (active unless ended)."""
    if stored.get("form") == FORM:
        return KeyState.model_validate(stored)
    legacy = legacy_progress(flow, stored)
    return KeyState(active=legacy if status in OPEN else None)


def legacy_progress(flow: str, stored: Mapping[str, Any]) -> Progress:
    """One conversation stored in the form before 0009 ("pending" held the ticked options)."""
    return Progress.model_validate({**stored, "flow": flow, "ticked": stored.get("pending") or []})


def write_state(state: KeyState) -> dict[str, Any]:
    """The state as JSON for the row."""
    return state.model_dump(mode="json")
