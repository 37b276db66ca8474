"""Block Kit limits the fake Slack checks in views.open/push/update/publish, answered as Slack answers them.

Slack refuses a view that breaks a limit with ``invalid_arguments`` and says where in
``response_metadata.messages``, e.g. ``[ERROR] no more than 100 items allowed [json-pointer:/view/blocks]``.
The limits are those of Slack's Block Kit reference (views, blocks and block elements); slack_sdk's own
models (slack_sdk.models.views / blocks) enforce the same numbers.
"""

from typing import Any

MAX_BLOCKS = 100  # a modal, a Home tab
TEXT_LIMITS = {"header": 150, "section": 3000, "context": 3000}
SECTION_FIELDS, FIELD_TEXT = 10, 2000
CONTEXT_ELEMENTS, ACTIONS_ELEMENTS = 10, 25
BUTTON_TEXT, BUTTON_VALUE, ACTION_ID, BLOCK_ID = 75, 2000, 255, 255
TITLE, PRIVATE_METADATA, CALLBACK_ID = 24, 3000, 255
INPUT_LABEL, INPUT_HINT, INITIAL_VALUE = 2000, 2000, 3000
VIEW_TYPES = {"views.publish": {"home"}, "views.open": {"modal"}, "views.push": {"modal"}}


class ViewRefused(Exception):
    """A view Slack would refuse: the messages of its response_metadata."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("; ".join(messages))
        self.messages = messages


def check_view(method: str, view: dict[str, Any]) -> None:
    """Raise ViewRefused unless Slack would take the view for the method."""
    problems: list[str] = []
    allowed = VIEW_TYPES.get(method)
    if allowed is not None and view.get("type") not in allowed:
        problems.append(_error("must be one of " + ", ".join(sorted(allowed)), "/view/type"))
    blocks = view.get("blocks") or []
    if not isinstance(blocks, list):
        raise ViewRefused([_error("must be an array", "/view/blocks")])
    if len(blocks) > MAX_BLOCKS:
        problems.append(_error(f"no more than {MAX_BLOCKS} items allowed", "/view/blocks"))
    for name, limit in (("private_metadata", PRIVATE_METADATA), ("callback_id", CALLBACK_ID)):
        if len(str(view.get(name) or "")) > limit:
            problems.append(_error(f"must be less than {limit + 1} characters", f"/view/{name}"))
    for name in ("title", "submit", "close"):
        problems.extend(_text(view.get(name), TITLE, f"/view/{name}"))
    block_ids: set[str] = set()
    for index, block in enumerate(blocks):
        problems.extend(_block(block, f"/view/blocks/{index}", block_ids))
    if problems:
        raise ViewRefused(problems)


def _error(what: str, pointer: str) -> str:
    return f"[ERROR] {what} [json-pointer:{pointer}]"


def _text(obj: Any, limit: int, pointer: str) -> list[str]:
    if isinstance(obj, dict) and len(str(obj.get("text") or "")) > limit:
        return [_error(f"must be less than {limit + 1} characters", pointer + "/text")]
    return []


def _block(block: dict[str, Any], at: str, block_ids: set[str]) -> list[str]:
    problems: list[str] = []
    block_id = block.get("block_id")
    if block_id is not None:
        if block_id in block_ids or len(str(block_id)) > BLOCK_ID:
            problems.append(_error("block_id must be unique and at most 255 characters", at + "/block_id"))
        block_ids.add(block_id)
    kind = block.get("type")
    if kind in ("header", "section"):
        problems.extend(_text(block.get("text"), TEXT_LIMITS[kind], at))
    if kind == "section":
        fields = block.get("fields") or []
        if len(fields) > SECTION_FIELDS:
            problems.append(_error(f"no more than {SECTION_FIELDS} items allowed", at + "/fields"))
        for number, field in enumerate(fields):
            problems.extend(_text(field, FIELD_TEXT, f"{at}/fields/{number}"))
    elements = block.get("elements") or []
    if kind == "context" and len(elements) > CONTEXT_ELEMENTS:
        problems.append(_error(f"no more than {CONTEXT_ELEMENTS} items allowed", at + "/elements"))
    if kind == "actions" and len(elements) > ACTIONS_ELEMENTS:
        problems.append(_error(f"no more than {ACTIONS_ELEMENTS} items allowed", at + "/elements"))
    for number, element in enumerate(elements):
        problems.extend(_element(element, f"{at}/elements/{number}", kind))
    if kind == "input":
        problems.extend(_text(block.get("label"), INPUT_LABEL, at + "/label"))
        problems.extend(_text(block.get("hint"), INPUT_HINT, at + "/hint"))
        problems.extend(_element(block.get("element") or {}, at + "/element", kind))
    return problems


def _element(element: dict[str, Any], at: str, kind: Any) -> list[str]:
    problems: list[str] = []
    if kind == "context":
        return _text(element, TEXT_LIMITS["context"], at)
    if element.get("type") == "button":
        problems.extend(_text(element.get("text"), BUTTON_TEXT, at))
        if len(str(element.get("value") or "")) > BUTTON_VALUE:
            problems.append(_error(f"must be less than {BUTTON_VALUE + 1} characters", at + "/value"))
    if len(str(element.get("action_id") or "")) > ACTION_ID:
        problems.append(_error(f"must be less than {ACTION_ID + 1} characters", at + "/action_id"))
    if len(str(element.get("initial_value") or "")) > INITIAL_VALUE:
        problems.append(_error(f"must be less than {INITIAL_VALUE + 1} characters", at + "/initial_value"))
    return problems
