"""`lokusbot --help` and every subcommand's help read in Swedish, argparse's own words too (English with
LANGUAGE=en); so do argparse's errors."""

from collections.abc import Iterator

import pytest

from bot.cli import main
from bot.cli_words import use_language

HELPS = (
    ["--help"],
    ["serve", "-h"],
    ["console", "-h"],
    ["db", "-h"],
    ["templates", "-h"],
    ["templates", "check", "-h"],
    ["import", "-h"],
    ["import", "cases", "-h"],
    ["export", "-h"],
    ["export", "cases", "-h"],
    ["summary", "-h"],
    ["roles", "-h"],
    ["roles", "grant", "-h"],
    ["roles", "revoke", "-h"],
    ["roles", "list", "-h"],
)
ENGLISH = ("usage:", "options:", "positional arguments", "show this help", "the ", "default:", "error:")
SWEDISH = ("användning:", "flaggor", "argument:", "visa den här hjälpen", "(standard", "fel:")


@pytest.fixture(autouse=True)
def swedish_afterwards() -> Iterator[None]:
    yield
    use_language("sv")


def help_of(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("argv", HELPS, ids=" ".join)
def test_every_help_is_swedish(
    argv: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LANGUAGE", raising=False)
    shown = help_of(argv, capsys)
    assert shown.startswith("användning: lokusbot") and "visa den här hjälpen och avsluta" in shown
    assert [word for word in ENGLISH if word in shown] == []


@pytest.mark.parametrize("argv", HELPS, ids=" ".join)
def test_every_help_is_english_with_language_en(
    argv: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANGUAGE", "en")
    shown = help_of(argv, capsys)
    assert shown.startswith("usage: lokusbot") and "show this help message and exit" in shown
    assert [word for word in SWEDISH if word in shown] == []


def test_argparse_errors_are_swedish(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LANGUAGE", raising=False)
    with pytest.raises(SystemExit):
        main(["db"])
    assert "lokusbot db: fel: de här argumenten behövs: action" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["db", "nedgradera"])
    assert "ogiltigt val: 'nedgradera' (välj bland 'upgrade', 'current')" in capsys.readouterr().err
