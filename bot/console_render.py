"""A Reply as terminal text: numbered options for choices, lettered keys for buttons."""

import string
from dataclasses import dataclass, field

from bot.catalogue import Catalogue
from handlers.replies import Buttons, Choices, Divider, Fields, Header, Note, Paragraph, PersonPicker, Reply
from handlers.text import t

MANY_HINT = t("console.many")


@dataclass
class Pressable:
    """A button the console user can press by typing `:<key>` (a person picker: `:<key> @namn`)."""

    key: str
    action: str
    value: str
    picker: bool = False


@dataclass
class Rendered:
    """The lines to print and the buttons they offer."""

    lines: list[str] = field(default_factory=list)
    buttons: list[Pressable] = field(default_factory=list)


def render_text(reply: Reply, catalogue: Catalogue) -> Rendered:
    """The reply as lines of text."""
    out = Rendered()
    for part in reply.parts:
        match part:
            case Header(text=text):
                out.lines.append(f"== {catalogue.render(text)} ==")
            case PersonPicker(text=text, action=action, value=value):
                key = _next_key(out)
                out.buttons.append(Pressable(key, action, value, picker=True))
                hint = catalogue.render(t("console.pick_person", key=key))
                out.lines.append(f"{catalogue.render(text)}  [{hint}]")
            case Paragraph(text=text):
                out.lines.append(catalogue.render(text))
            case Fields(items=items):
                out.lines.extend(_field(catalogue.render(label), catalogue.render(value)) for label, value in items)
            case Note(text=text):
                out.lines.append(f"  ({catalogue.render(text)})")
            case Divider():
                out.lines.append("  ----")
            case Choices(options=options, multi=multi):
                out.lines.extend(_numbered(i, catalogue.render(o.label)) for i, o in enumerate(options, start=1))
                if multi:
                    out.lines.append(f"  ({catalogue.render(MANY_HINT)})")
            case Buttons(buttons=buttons):
                shown = []
                for button in buttons:
                    key = _next_key(out)
                    out.buttons.append(Pressable(key, button.action, button.value))
                    typed = f" = {button.typed}" if button.typed else ""
                    shown.append(f"[:{key} {catalogue.render(button.label)}{typed}]")
                out.lines.append("  " + "  ".join(shown))
    return out


def _next_key(out: Rendered) -> str:
    return string.ascii_lowercase[len(out.buttons) % 26]


def _numbered(number: int, label: str) -> str:
    """ "  3) Kön", never "  3) 3. Kön" when the label carries its own number (the change menu's)."""
    return f"  {number}) {label.removeprefix(f'{number}. ')}"


def _field(label: str, value: str) -> str:
    lines = value.splitlines() or [""]
    return "\n".join([f"  {label}: {lines[0]}", *(f"      {line}" for line in lines[1:])])
