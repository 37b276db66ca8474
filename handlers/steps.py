"""Workflow Builder steps (Slack's custom functions): what a feature offers a workflow, and what a run answers.

A step runs like any request, in one unit of work, as the person the workflow names (its `user` input) in the
group's channel (its `channel` input), so the same access rules and the same validation apply as in the chat.
Its inputs arrive as text, read by the same parsers as typed answers; a step that cannot run raises a
DomainError, whose Swedish text ends the step (functions.completeError); else its outputs end it.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from handlers import access
from handlers.errors import NotAMember, NotLinked, OtherWorkspace

if TYPE_CHECKING:
    from handlers.context import Ctx
    from handlers.replies import Send
    from storage.models import Group

STEP_CHANNEL = "channel"  # every step's input naming the group's channel (slack#/types/channel_id)
STEP_USER = "user"  # every step's input naming the person the workflow runs for (slack#/types/user_id)
Inputs = Mapping[str, str]


@dataclass(frozen=True)
class StepResult:
    """What a step answers: its outputs (as the manifest names them) and any messages to deliver."""

    outputs: Mapping[str, Any]
    sends: list["Send"] = field(default_factory=list)


@dataclass(frozen=True)
class Step:
    """One step: its callback id (as in the manifest), the inputs it reads besides channel and user, its outputs."""

    callback_id: str
    inputs: tuple[str, ...]
    outputs: tuple[str, ...]
    run: Callable[["Ctx", Inputs], StepResult]


def step_group(ctx: "Ctx") -> "Group":
    """The group of the step's channel, when the workflow's person may work with it (member, or the förbund)."""
    try:
        group = access.channel_group(ctx)
    except (NotLinked, OtherWorkspace):
        raise NotLinked("step.not_linked") from None
    try:
        access.require_member(ctx, group)
    except NotAMember:
        raise NotAMember("step.not_member", group=group.name) from None
    return group
