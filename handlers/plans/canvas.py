"""The plan as a canvas in its group's channel: created when the plan is started, rewritten after every change.

The database stays the record and the Word file the document: the canvas only shows the plan as it stands, and
says that what is changed in it by hand is not read back. Each part of the canvas is one heading – the status
first, then one per section – so a change rewrites only the parts it touched (bot/slack/canvases.py).
The words are made when the canvas is written, from what the plan held when the change was saved.
"""

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from handlers.context import Ctx
from handlers.plans.content import SectionContent, plan_document
from handlers.plans.lookup import plan_title, section_row, template_of
from handlers.plans.markdown_export import section_markdown
from handlers.plans.status import approval_fields, section_state, summary_text
from handlers.replies import CanvasEdit, CanvasText, PostedHook, Send, say, to_canvas
from handlers.text import Text, t
from storage import plans as repo
from storage.plan_models import Plan

CANVAS_HOOK = "plan.canvas"
STATUS_PART = 0
MARKUP_AT_START = re.compile(r"^(\s*)([#>*+\-|]|\d+[.)])")
Words = Callable[[Any], str]


@dataclass(frozen=True)
class _Plan:
    """What the canvas shows of a plan, taken inside the unit of work that changed it."""

    title: Text
    deadline: Text  # the date alone: a count of days left would be wrong the day after it was written
    lines: tuple[Text, ...]
    approvals: tuple[tuple[Any, Any], ...]
    summary: Text
    sections: tuple[SectionContent, ...]

    def text(self, words: Words) -> CanvasText:
        """The canvas in the reader's words."""
        status = [f"- {words(self.deadline)}", *(f"- {words(line)}" for line in self.lines)]
        if self.approvals:
            status += ["", f"**{words(t('plan.canvas.approvals'))}**", ""]
            status += [f"- {words(party)}: {words(shown)}" for party, shown in self.approvals]
        status += ["", words(self.summary)]
        parts = [(words(t("plan.canvas.status")), "\n".join(status))]
        for number, section in enumerate(self.sections, start=1):
            body = "\n".join(section_markdown(section, words, escape_markdown, _italic)).strip()
            parts.append((f"{number}. {section.title}", body))
        return CanvasText(words(self.title), f"_{words(t('plan.canvas.note'))}_", tuple(parts))


def escape_markdown(text: str) -> str:
    """Text a person wrote, as text in a canvas: a line of theirs never becomes a heading, list, quote or table."""
    lines = [MARKUP_AT_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}", line) for line in text.split("\n")]
    return "\n".join(lines).replace("![", "!\\[")


def _italic(text: str) -> str:
    """A table's column hint in small print: the template's footnote stars stay stars."""
    return "_" + text.replace("*", "\\*") + "_\n"


def create_canvas(ctx: Ctx, plan: Plan) -> list[Send]:
    """The plan's canvas, created in the group's channel once the plan is saved (nothing without a channel)."""
    channel = plan.group.channel_id
    if not channel:
        return []
    edit = CanvasEdit(
        channel,
        _snapshot(ctx, plan).text,
        created=PostedHook(CANVAS_HOOK, str(plan.id)),
        unavailable=say(t("plan.canvas.unavailable", title=plan_title(plan))),
    )
    return [to_canvas(edit)]


def canvas_follows(ctx: Ctx, plan: Plan, section_key: str = "") -> list[Send]:
    """Rewrite the canvas's status, and the section when one is named, as the plan now stands."""
    channel = plan.group.channel_id
    if not plan.canvas_id or not channel:
        return []
    keys = [s.key for s in template_of(plan).sections]
    changed = (STATUS_PART, keys.index(section_key) + 1) if section_key in keys else (STATUS_PART,)
    return [to_canvas(CanvasEdit(channel, _snapshot(ctx, plan).text, canvas_id=plan.canvas_id, changed=changed))]


def remember_canvas(ctx: Ctx, value: str, channel_id: str, canvas_id: str) -> None:
    """The canvas was created: keep its id on the plan (only for a plan of the channel's group, in the workspace)."""
    plan = repo.get_plan(ctx.session, plan_id=int(value)) if value.isdecimal() else None
    if plan is None or plan.group.workspace.team_id != ctx.actor.team_id or plan.group.channel_id != channel_id:
        return
    repo.set_canvas(ctx.session, plan=plan, canvas_id=canvas_id)


def _snapshot(ctx: Ctx, plan: Plan) -> _Plan:
    template = template_of(plan)
    lines = []
    for number, section in enumerate(template.sections, start=1):
        who, _, state = section_state(ctx, section, section_row(plan, section.key))
        key = "plan.canvas.line" if section.required else "plan.canvas.line_optional"
        lines.append(t(key, number=number, section=section.title, state=state, who=who))
    approvals = approval_fields(ctx, plan).items if template.approving_parties else ()
    return _Plan(
        plan_title(plan),
        t("plan.canvas.deadline", date=plan.deadline) if plan.deadline else t("plan.deadline.none"),
        tuple(lines),
        approvals,
        summary_text(plan),
        plan_document(ctx, plan).sections,
    )


HOOKS: Mapping[str, Callable[[Ctx, str, str, str], None]] = {CANVAS_HOOK: remember_canvas}
