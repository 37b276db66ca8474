"""The catalogue and Block Kit rendering: escaping, Slack's limits, both languages."""

import ast
import re
from pathlib import Path

import pytest

from bot.blocks import SECTION_LIMIT, BlockRenderer, base_action
from bot.catalogue import Catalogue, escape_mrkdwn, load_messages
from handlers.replies import Button, Buttons, Choices, Fields, Header, Option, Paragraph, reply
from handlers.text import Join, Mention, t

ROOT = Path(__file__).resolve().parents[2]


def renderer() -> BlockRenderer:
    return BlockRenderer(Catalogue.for_slack("sv"))


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ("<!channel> kom hit", "&lt;!channel&gt; kom hit"),
        ("<!here|here>", "&lt;!here|here&gt;"),
        ("<@U123> & co", "&lt;@U123&gt; &amp; co"),
        ("<https://evil.example|klicka>", "&lt;https://evil.example|klicka&gt;"),
    ],
)
def test_user_text_is_escaped_so_it_cannot_ping_or_link(given: str, shown: str) -> None:
    assert escape_mrkdwn(given) == shown
    text = Catalogue.for_slack("sv").render(t("group.linked", group=given, user=Mention("UANNA")))
    assert shown in text and "<@UANNA>" in text
    assert "<!" not in text


def test_console_catalogue_does_not_escape_and_names_mentions() -> None:
    catalogue = Catalogue.for_console("sv", lambda user_id: {"UANNA": "anna"}[user_id])
    assert (
        catalogue.render(t("member.removed", user=Mention("UANNA"), group="A & B"))
        == "@anna är inte längre medlem i *A & B*."
    )


def test_long_text_is_cut_to_slacks_section_limit_with_a_note() -> None:
    long = "x" * 5000
    blocks = renderer().blocks(reply(Paragraph(long)))
    text = blocks[0]["text"]["text"]
    assert len(text) <= SECTION_LIMIT
    assert text.endswith("den är sparad hel)_")


def test_buttons_get_unique_action_ids_within_a_block() -> None:
    options = tuple(Option(f"q|{i}", f"val {i}") for i in range(3))
    blocks = renderer().blocks(reply(Choices("conv.choose", options)))
    ids = [e["action_id"] for e in blocks[0]["elements"]]
    assert ids == ["conv.choose#0", "conv.choose#1", "conv.choose#2"]
    assert {base_action(i) for i in ids} == {"conv.choose"}


def test_many_options_become_a_menu_and_many_choices_checkboxes() -> None:
    options = tuple(Option(f"q|{i}", f"val {i}") for i in range(8))
    menu = renderer().blocks(reply(Choices("conv.choose", options)))[0]["elements"][0]
    assert menu["type"] == "static_select" and len(menu["options"]) == 8
    multi = renderer().blocks(
        reply(Choices("conv.toggle", options, multi=True, selected=("q|2",), done_action="conv.done", prefix="q|"))
    )[0]["elements"]
    assert multi[0]["type"] == "checkboxes" and multi[0]["initial_options"][0]["value"] == "q|2"
    assert multi[1]["action_id"] == "conv.done#1" and multi[1]["value"] == "q|"


def test_fields_are_split_into_sections_of_ten() -> None:
    items = tuple((f"etikett {i}", f"värde {i}") for i in range(13))
    blocks = renderer().blocks(reply(Header(t("help.title")), Fields(items)))
    assert [b["type"] for b in blocks] == ["header", "section", "section"]
    assert len(blocks[1]["fields"]) == 10 and len(blocks[2]["fields"]) == 3
    assert blocks[1]["fields"][0]["text"] == "*etikett 0*\nvärde 0"


def test_button_labels_are_cut_to_75_characters() -> None:
    blocks = renderer().blocks(reply(Buttons((Button("x.y", "v", "å" * 100),))))
    assert len(blocks[0]["elements"][0]["text"]["text"]) == 75


def test_join_renders_each_item() -> None:
    catalogue = Catalogue.for_slack("sv")
    assert catalogue.render(Join((t("party.af"), t("party.fk")))) == "Arbetsförmedlingen, Försäkringskassan"


KEY_FUNCTIONS = {"t", "Text", "DomainError", "AnswerError", "NotAMember", "NotLinked", "NotAllowed", "OtherWorkspace"}


def _first_string_argument(node: ast.AST) -> str | None:
    if not (isinstance(node, ast.Call) and getattr(node.func, "id", "") in KEY_FUNCTIONS and node.args):
        return None
    first = node.args[0]
    return first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else None


def _used_keys() -> set[str]:
    keys: set[str] = set()
    for path in [*ROOT.glob("handlers/**/*.py"), *ROOT.glob("bot/**/*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            key = _first_string_argument(node)
            if key is not None:
                keys.add(key)
    return keys


def test_every_key_the_code_uses_is_in_the_swedish_catalogue() -> None:
    missing = sorted(k for k in _used_keys() if k not in load_messages("sv"))
    assert missing == []


def test_english_catalogue_has_the_same_keys_and_placeholders_as_swedish() -> None:
    swedish, english = load_messages("sv"), load_messages("en")
    assert sorted(set(swedish) ^ set(english)) == []
    placeholders = re.compile(r"\{(\w+)\}")
    differing = [k for k in swedish if set(placeholders.findall(swedish[k])) != set(placeholders.findall(english[k]))]
    assert differing == []
