"""Block Kit for a Reply: header, sections, fields, context, buttons and menus within Slack's limits."""

from typing import Any

from bot.catalogue import Catalogue
from handlers.pseudonyms import is_pseudonym
from handlers.replies import (
    Buttons,
    Choices,
    Divider,
    Fields,
    Header,
    Note,
    Paragraph,
    Part,
    PersonPicker,
    Reply,
    Style,
)
from handlers.text import t

SECTION_LIMIT = 3000
FIELD_LIMIT = 2000
FIELDS_PER_SECTION = 10
HEADER_LIMIT = 150
LABEL_LIMIT = 75
BUTTONS_BEFORE_MENU = 5
CHECKBOXES_LIMIT = 10
ACTION_SUFFIX = "#"
PICKER_BLOCK = "pick|"


def shorten(text: str, limit: int, note: str) -> str:
    """Text cut to fit a Slack limit, ending with a note that it was cut (the whole text stays stored)."""
    if len(text) <= limit:
        return text
    return text[: limit - len(note) - 1].rstrip() + " " + note


def plain(text: str, limit: int = LABEL_LIMIT) -> dict[str, Any]:
    """A plain_text object, cut to the limit."""
    return {"type": "plain_text", "text": text if len(text) <= limit else text[: limit - 1] + "…", "emoji": True}


def action_id(action: str, index: int) -> str:
    """A unique action id within a block: Slack rejects repeats, so a suffix tells them apart."""
    return f"{action}{ACTION_SUFFIX}{index}"


def base_action(action_id_with_suffix: str) -> str:
    """The action without the suffix that made it unique."""
    return action_id_with_suffix.split(ACTION_SUFFIX, 1)[0]


def picker_value(block_id: str) -> str:
    """The value a person picker carries in its block id (Slack's user picker has no value of its own)."""
    return block_id[len(PICKER_BLOCK) :] if block_id.startswith(PICKER_BLOCK) else ""


class BlockRenderer:
    """Turns replies into Block Kit blocks plus the notification text."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.truncated = catalogue.render(t("text.truncated"))

    def blocks(self, reply: Reply) -> list[dict[str, Any]]:
        """The blocks of a reply."""
        blocks: list[dict[str, Any]] = []
        for index, part in enumerate(reply.parts):
            blocks.extend(self._part(part, index))
        return blocks

    def fallback(self, reply: Reply) -> str:
        """The plain text Slack shows in notifications: the header and first paragraph."""
        pieces = [self.catalogue.render(p.text) for p in reply.parts if isinstance(p, Header | Paragraph)][:2]
        return shorten("\n".join(pieces) or " ", SECTION_LIMIT, "…")

    def _mrkdwn(self, value: Any, limit: int = SECTION_LIMIT) -> dict[str, Any]:
        return {"type": "mrkdwn", "text": shorten(self.catalogue.render(value) or " ", limit, self.truncated)}

    def _part(self, part: Part, index: int) -> list[dict[str, Any]]:
        match part:
            case Header(text=text):
                return [{"type": "header", "text": plain(self.catalogue.render(text), HEADER_LIMIT)}]
            case Paragraph(text=text):
                return [{"type": "section", "text": self._mrkdwn(text)}]
            case Fields(items=items):
                return self._fields(items)
            case Note(text=text):
                return [{"type": "context", "elements": [self._mrkdwn(text)]}]
            case Divider():
                return [{"type": "divider"}]
            case Buttons(buttons=buttons):
                return [
                    {
                        "type": "actions",
                        "block_id": f"b{index}",
                        "elements": [
                            self._button(b.action, b.value, b.label, b.style, i) for i, b in enumerate(buttons)
                        ],
                    }
                ]
            case Choices():
                return [self._choices(part, index)]
            case PersonPicker():
                return [self._picker(part, index)]
        raise TypeError(f"cannot render {part!r}")

    def _fields(self, items: tuple[tuple[Any, Any], ...]) -> list[dict[str, Any]]:
        fields = [
            {
                "type": "mrkdwn",
                "text": shorten(
                    f"*{self.catalogue.render(label)}*\n{self.catalogue.render(value)}", FIELD_LIMIT, self.truncated
                ),
            }
            for label, value in items
        ]
        return [
            {"type": "section", "fields": fields[i : i + FIELDS_PER_SECTION]}
            for i in range(0, len(fields), FIELDS_PER_SECTION)
        ]

    def _button(self, action: str, value: str, label: Any, style: Style, index: int) -> dict[str, Any]:
        button: dict[str, Any] = {
            "type": "button",
            "action_id": action_id(action, index),
            "text": plain(self.catalogue.render(label)),
            "value": value or "-",
        }
        if style:
            button["style"] = style.value
        return button

    def _picker(self, picker: PersonPicker, index: int) -> dict[str, Any]:
        menu: dict[str, Any] = {
            "type": "users_select",
            "action_id": action_id(picker.action, index),
            "placeholder": plain(self.catalogue.render(picker.placeholder)),
        }
        if picker.initial and not is_pseudonym(picker.initial):  # Slack knows no erased person
            menu["initial_user"] = picker.initial
        return {
            "type": "section",
            "block_id": PICKER_BLOCK + picker.value,
            "text": self._mrkdwn(picker.text),
            "accessory": menu,
        }

    def _option(self, value: str, label: Any) -> dict[str, Any]:
        return {"text": plain(self.catalogue.render(label)), "value": value}

    def _choices(self, choices: Choices, index: int) -> dict[str, Any]:
        options = [self._option(o.value, o.label) for o in choices.options]
        block: dict[str, Any] = {"type": "actions", "block_id": f"c{index}", "elements": []}
        if choices.multi:
            kind = "checkboxes" if len(options) <= CHECKBOXES_LIMIT else "multi_static_select"
            element: dict[str, Any] = {"type": kind, "action_id": action_id(choices.action, 0), "options": options}
            if kind == "multi_static_select":
                element["placeholder"] = plain(self.catalogue.render(t("blocks.choose_many")))
            initial = [o for o in options if o["value"] in choices.selected]
            if initial:
                element["initial_options"] = initial
            done = self._button(choices.done_action, choices.prefix, t("blocks.done"), Style.PRIMARY, 1)
            block["elements"] = [element, done]
        elif len(options) <= BUTTONS_BEFORE_MENU:
            block["elements"] = [
                self._button(choices.action, o.value, o.label, Style.DEFAULT, i) for i, o in enumerate(choices.options)
            ]
        else:
            placeholder = plain(self.catalogue.render(t("blocks.choose_one")))
            block["elements"] = [
                {
                    "type": "static_select",
                    "action_id": action_id(choices.action, 0),
                    "placeholder": placeholder,
                    "options": options,
                }
            ]
        return block
