"""A handler Form as a Slack modal, and a submitted modal's state back as plain values."""

from typing import Any

from bot.blocks import plain
from bot.catalogue import Catalogue
from bot.slack.payloads import Element, State
from handlers.cleaning import clean_value
from handlers.replies import Form, FormField
from handlers.text import t

VALUE = "value"
TITLE_LIMIT = 24
OPTIONS_AS_RADIO = 5


def modal_view(form: Form, catalogue: Catalogue, metadata: str) -> dict[str, Any]:
    """The modal for a form, with its sealed metadata; each field is an input block whose block_id is the key."""
    return {
        "type": "modal",
        "callback_id": form.callback,
        "title": plain(catalogue.render(form.title), TITLE_LIMIT),
        "submit": plain(catalogue.render(form.submit), TITLE_LIMIT),
        "close": plain(catalogue.render(t("engine.cancel")), TITLE_LIMIT),
        "private_metadata": metadata,
        "blocks": [_input(field, catalogue) for field in form.fields],
    }


def _input(field: FormField, catalogue: Catalogue) -> dict[str, Any]:
    block: dict[str, Any] = {
        "type": "input",
        "block_id": field.key,
        "optional": field.optional,
        "label": plain(catalogue.render(field.label), 2000),
        "element": _element(field, catalogue),
    }
    if field.hint is not None:
        block["hint"] = plain(catalogue.render(field.hint), 2000)
    return block


def _element(field: FormField, catalogue: Catalogue) -> dict[str, Any]:
    options = [{"text": plain(catalogue.render(o.label)), "value": o.value} for o in field.options]
    if field.kind == "multi":
        return {
            "type": "checkboxes" if len(options) <= 10 else "multi_static_select",
            "action_id": VALUE,
            "options": options,
        }
    if field.kind == "choice":
        kind = "radio_buttons" if len(options) <= OPTIONS_AS_RADIO else "static_select"
        return {"type": kind, "action_id": VALUE, "options": options}
    if field.kind == "yes_no":
        yes_no = [
            {"text": plain(catalogue.render(t("answer.yes"))), "value": "ja"},
            {"text": plain(catalogue.render(t("answer.no"))), "value": "nej"},
        ]
        return {"type": "radio_buttons", "action_id": VALUE, "options": yes_no}
    if field.kind == "date":
        element: dict[str, Any] = {"type": "datepicker", "action_id": VALUE}
        if field.initial:
            element["initial_date"] = field.initial
        return element
    element = {"type": "plain_text_input", "action_id": VALUE, "multiline": field.kind == "text"}
    if isinstance(field.initial, str) and field.initial:
        element["initial_value"] = field.initial
    return element


def form_values(state: State) -> dict[str, Any]:
    """The submitted state as {question key: text, option value, list of values, or ISO date}, cleaned."""
    values: dict[str, Any] = {}
    for block_id, actions in state.values.items():
        element = actions.get(VALUE) or next(iter(actions.values()), Element())
        kind = element.type
        if kind in ("checkboxes", "multi_static_select"):
            values[block_id] = [o.value for o in element.selected_options or []]
        elif kind in ("radio_buttons", "static_select"):
            values[block_id] = element.selected_option.value if element.selected_option else None
        elif kind == "datepicker":
            values[block_id] = element.selected_date
        else:
            values[block_id] = element.value
    return clean_value(values)
