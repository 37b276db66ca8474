"""The fake Slack's canvases and custom-function executions, answered as Slack documents them.

Canvases (https://docs.slack.dev/reference/methods/canvases.edit and its neighbours): `conversations.canvases.create`
(one channel canvas per channel, else channel_canvas_already_exists), `canvases.create`, `canvases.access.set`,
`canvases.delete`, `canvases.sections.lookup` (criteria: section_types h1/h2/h3/any_header and/or contains_text)
and `canvases.edit` (one change per call: insert_after/insert_before/insert_at_start/insert_at_end/replace/delete/
rename). A canvas is
kept as markdown in sections, split at its headings: a heading's section runs to the next heading of the same or a
higher level, and that is what `replace` with its section_id replaces (the docs do not say where a section ends;
this is the reading the bot is written against). `fake.canvas_text(id)` is the canvas as it stands.
`fake.refuse_canvases("not_allowed")` makes every canvas method answer that error (a workspace without canvases).

Custom functions (https://docs.slack.dev/reference/methods/functions.completeSuccess): `new_function_execution()`
starts one and gives its id and workflow token (the event's bot_access_token, accepted for that execution's calls);
`functions.completeSuccess` checks the outputs against the ones named as required, `functions.completeError` takes
the message; either completes it once (execution_not_in_running_state after). `fake.execution(id)` is its end.
"""

from __future__ import annotations

import json
import re
import secrets
from dataclasses import dataclass, field
from typing import Any

Args = dict[str, Any]
HEADING = re.compile(r"^(#{1,3})\s+(.*)$")
SECTION_TYPES = {"h1": 1, "h2": 2, "h3": 3}
OPERATIONS = {"insert_after", "insert_before", "insert_at_start", "insert_at_end", "replace", "delete", "rename"}


class CanvasError(Exception):
    """Raised by a canvas or function method to answer {"ok": false, "error": ...}."""

    def __init__(self, error: str) -> None:
        super().__init__(error)
        self.error = error


@dataclass
class Section:
    """One section of a canvas: a heading (level 1–3) and what follows it, or text before the first heading."""

    id: str
    level: int
    markdown: str

    @property
    def heading(self) -> str:
        """The heading's text ("" for text before the first heading)."""
        found = HEADING.match(self.markdown.split("\n", 1)[0])
        return found.group(2).strip() if found and self.level else ""


@dataclass
class Canvas:
    """A canvas: its title, the channel it is tabbed in, whether it is the channel canvas, access, sections."""

    id: str
    title: str
    channel_id: str
    channel_canvas: bool
    sections: list[Section] = field(default_factory=list)
    access: dict[str, str] = field(default_factory=dict)  # channel or user id → read / write / owner

    @property
    def text(self) -> str:
        """The canvas as markdown."""
        return "\n\n".join(s.markdown for s in self.sections)


@dataclass
class Execution:
    """A function execution: its workflow token, the outputs it must give, and how it ended."""

    id: str
    token: str
    required_outputs: tuple[str, ...]
    outputs: Args | None = None
    error: str | None = None

    @property
    def running(self) -> bool:
        """Not yet completed."""
        return self.outputs is None and self.error is None


def _json(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            raise CanvasError("invalid_arguments") from None
    return value


class CanvasesAndFunctions:
    """Mixed into FakeSlack, whose lock is held while a method runs."""

    _next_id: Any

    def _init_canvases(self) -> None:
        self._canvases: dict[str, Canvas] = {}
        self._canvas_refusal: str | None = None
        self._executions: dict[str, Execution] = {}

    # ----- setup and inspection for tests

    def refuse_canvases(self, error: str | None = "not_allowed") -> None:
        """Answer every canvas method with this error from now on (None: canvases work again)."""
        self._canvas_refusal = error

    def canvas(self, canvas_id: str) -> Canvas:
        """A canvas as it stands."""
        return self._canvases[canvas_id]

    def canvas_text(self, canvas_id: str) -> str:
        """A canvas's markdown as it stands."""
        return self._canvases[canvas_id].text

    def canvases_in(self, channel_id: str) -> list[Canvas]:
        """The canvases tabbed in a channel, oldest first."""
        return [c for c in self._canvases.values() if c.channel_id == channel_id]

    def new_function_execution(self, required_outputs: tuple[str, ...] = ()) -> Execution:
        """Start a function execution: the id and token a function_executed event carries."""
        execution = Execution(self._next_id("Fx"), f"xwfp-{secrets.token_hex(12)}", required_outputs)
        self._executions[execution.id] = execution
        return execution

    def execution(self, execution_id: str) -> Execution:
        """A function execution and how it ended."""
        return self._executions[execution_id]

    def workflow_token(self, token: str) -> bool:
        """Whether the token is the workflow token of a running function execution."""
        return any(e.token == token and e.running for e in self._executions.values())

    # ----- methods

    def _canvas_methods(self) -> dict[str, Any]:
        methods = {
            "conversations.canvases.create": self._conversations_canvases_create,
            "canvases.create": self._canvases_create,
            "canvases.edit": self._canvases_edit,
            "canvases.sections.lookup": self._canvases_sections_lookup,
            "canvases.access.set": self._canvases_access_set,
            "canvases.delete": self._canvases_delete,
        }
        guarded = {name: self._refusable(method) for name, method in methods.items()}
        return {
            **guarded,
            "functions.completeSuccess": self._complete_success,
            "functions.completeError": self._complete_error,
        }

    def _refusable(self, method: Any) -> Any:
        def answer(args: Args) -> Args:
            if self._canvas_refusal:
                raise CanvasError(self._canvas_refusal)
            result: Args = method(args)
            return result

        return answer

    def _conversations_canvases_create(self, args: Args) -> Args:
        channel = str(args.get("channel_id") or "")
        if not channel:
            raise CanvasError("invalid_arguments")
        if any(c.channel_id == channel and c.channel_canvas for c in self._canvases.values()):
            raise CanvasError("channel_canvas_already_exists")
        return {"canvas_id": self._new_canvas(args, channel, channel_canvas=True).id}

    def _canvases_create(self, args: Args) -> Args:
        return {"canvas_id": self._new_canvas(args, str(args.get("channel_id") or ""), channel_canvas=False).id}

    def _new_canvas(self, args: Args, channel: str, *, channel_canvas: bool) -> Canvas:
        content = self._document(args.get("document_content")) if args.get("document_content") else ""
        canvas = Canvas(self._next_id("F"), str(args.get("title") or ""), channel, channel_canvas)
        canvas.sections = self._parse(content)
        if channel:
            canvas.access[channel] = "write"
        self._canvases[canvas.id] = canvas
        return canvas

    def _canvases_access_set(self, args: Args) -> Args:
        canvas = self._find(args)
        level = args.get("access_level")
        ids = [i for key in ("channel_ids", "user_ids") for i in str(args.get(key) or "").split(",") if i]
        if level not in ("read", "write", "owner") or not ids:
            raise CanvasError("invalid_arguments")
        canvas.access.update(dict.fromkeys(ids, str(level)))
        return {}

    def _canvases_delete(self, args: Args) -> Args:
        del self._canvases[self._find(args).id]
        return {}

    def _canvases_sections_lookup(self, args: Args) -> Args:
        canvas = self._find(args)
        criteria = _json(args.get("criteria"))
        if not isinstance(criteria, dict) or not (criteria.get("section_types") or criteria.get("contains_text")):
            raise CanvasError("invalid_arguments")
        types = criteria.get("section_types") or []
        if not isinstance(types, list) or not set(types) <= {*SECTION_TYPES, "any_header"}:
            raise CanvasError("invalid_arguments")
        levels = {1, 2, 3} if "any_header" in types else {SECTION_TYPES[t] for t in types}
        text = str(criteria.get("contains_text") or "").casefold()
        found = [
            {"id": s.id}
            for s in canvas.sections
            if (not levels or s.level in levels) and text in (s.heading if s.level else s.markdown).casefold()
        ]
        return {"sections": found}

    def _canvases_edit(self, args: Args) -> Args:
        canvas = self._find(args)
        changes = _json(args.get("changes"))
        if not isinstance(changes, list) or len(changes) != 1 or not isinstance(changes[0], dict):
            raise CanvasError("invalid_arguments")  # "Only one operation per API call is currently supported."
        change = changes[0]
        operation = change.get("operation")
        if operation not in OPERATIONS:
            raise CanvasError("invalid_arguments")
        if operation == "rename":
            canvas.title = str(self._document(change.get("title_content")))
            return {}
        self._apply(canvas, str(operation), change)
        return {}

    def _apply(self, canvas: Canvas, operation: str, change: Args) -> None:
        section_id = change.get("section_id")
        needs_section = operation in ("insert_after", "insert_before", "delete")
        if needs_section and not section_id:
            raise CanvasError("invalid_arguments")
        new = [] if operation == "delete" else self._parse(self._document(change.get("document_content")))
        if operation == "replace" and not section_id:
            canvas.sections = new
            return
        if operation in ("insert_at_start", "insert_at_end"):
            canvas.sections = [*new, *canvas.sections] if operation == "insert_at_start" else [*canvas.sections, *new]
            return
        index = next((i for i, s in enumerate(canvas.sections) if s.id == section_id), None)
        if index is None:
            raise CanvasError("canvas_editing_failed")
        end = self._section_end(canvas.sections, index)
        if operation == "insert_before":
            canvas.sections[index:index] = new
        elif operation == "insert_after":
            canvas.sections[end:end] = new
        else:  # replace or delete: the section with what belongs under its heading
            canvas.sections[index:end] = new

    @staticmethod
    def _section_end(sections: list[Section], index: int) -> int:
        level = sections[index].level
        end = index + 1
        while level and end < len(sections) and (sections[end].level == 0 or sections[end].level > level):
            end += 1
        return end

    def _document(self, content: Any) -> str:
        content = _json(content)
        if (
            not isinstance(content, dict)
            or content.get("type") != "markdown"
            or not isinstance(content.get("markdown"), str)
        ):
            raise CanvasError("invalid_arguments")
        return str(content["markdown"])

    def _parse(self, markdown: str) -> list[Section]:
        """Split markdown at its headings: each heading starts a section, text before the first is one too."""
        sections: list[Section] = []
        for line in markdown.split("\n"):
            found = HEADING.match(line)
            if found or not sections:
                sections.append(Section(self._next_id("temp:C:"), len(found.group(1)) if found else 0, line))
            else:
                sections[-1].markdown += "\n" + line
        for section in sections:
            section.markdown = section.markdown.strip("\n")
        return [s for s in sections if s.markdown]

    def _find(self, args: Args) -> Canvas:
        canvas = self._canvases.get(str(args.get("canvas_id") or ""))
        if canvas is None:
            raise CanvasError("canvas_not_found")
        return canvas

    # ----- functions

    def _running(self, args: Args) -> Execution:
        execution = self._executions.get(str(args.get("function_execution_id") or ""))
        if execution is None:
            raise CanvasError("function_execution_not_found")
        if not execution.running:
            raise CanvasError("execution_not_in_running_state")
        return execution

    def _complete_success(self, args: Args) -> Args:
        execution = self._running(args)
        outputs = _json(args.get("outputs"))
        if not isinstance(outputs, dict) or any(outputs.get(name) in (None, "") for name in execution.required_outputs):
            raise CanvasError("parameter_validation_failed")
        execution.outputs = outputs
        return {}

    def _complete_error(self, args: Args) -> Args:
        execution = self._running(args)
        if not args.get("error"):
            raise CanvasError("invalid_arguments")
        execution.error = str(args["error"])
        return {}
