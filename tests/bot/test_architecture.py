"""The rooms' dependencies point one way: bot → handlers → storage."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = {"handlers": ("slack_bolt", "slack_sdk", "bot"), "storage": ("slack_bolt", "slack_sdk", "bot", "handlers")}


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("room", sorted(FORBIDDEN))
def test_room_imports_nothing_it_must_not(room: str) -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(imported_modules(path) & set(FORBIDDEN[room]))
        for path in (ROOT / room).rglob("*.py")
    }
    assert {p: names for p, names in offenders.items() if names} == {}
    assert any((ROOT / room).rglob("*.py"))


def test_nothing_is_built_at_import_time() -> None:
    import bot.slack.app as app_module

    assert not any(type(v).__name__ in ("App", "Engine", "WebClient") for v in vars(app_module).values())
