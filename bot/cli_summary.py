"""`lokusbot summary --group NAME [--period ...]`: a group's case summary as Markdown, to paste into a report.

The same compilation as in the channel, small numbers protected (`--exact` for a private copy with the exact
numbers). `--chart FILE.png` saves the chart too. The console's workspace is the default (`--team` picks another).
"""

import argparse
import re
import sys
from pathlib import Path
from typing import Any, TextIO

from bot.catalogue import Catalogue, load_messages
from bot.cli_words import say
from bot.console import TEAM
from bot.services import Services, build_services
from bot.settings import Settings
from handlers.context import Actor
from handlers.errors import DomainError
from handlers.replies import Divider, Fields, Header, Note, Paragraph, Reply
from handlers.summaries.commands import configured_summaries
from handlers.text import t

CLI_USER = "UCLI"
BOLD = re.compile(r"(?<![\\\w*])\*(?=\S)(.+?)(?<=[^\s\\])\*(?![\w*])")
MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]<>#|])")
BULLET = "• "


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the `summary` subcommand."""
    parser = subparsers.add_parser("summary", help=say("cli.summary"))
    parser.add_argument("--group", required=True, help=say("cli.group"), metavar=say("cli.metavar.group"))
    parser.add_argument("--period", default="", help=say("cli.summary.period"))
    parser.add_argument("--team", default=TEAM, help=say("cli.summary.team", team=TEAM))
    parser.add_argument("--units", action="store_true", help=say("cli.summary.units"))
    parser.add_argument("--exact", action="store_true", help=say("cli.summary.exact"))
    parser.add_argument("--chart", type=Path, help=say("cli.summary.chart"), metavar=say("cli.metavar.file"))
    parser.set_defaults(run=_run)


def _run(args: argparse.Namespace, settings: Settings) -> int:
    return print_summary(build_services(settings), args, out=sys.stdout, errors=sys.stderr)


def print_summary(services: Services, args: argparse.Namespace, *, out: TextIO, errors: TextIO) -> int:
    """Compile the summary and print it as Markdown; 1 with a message when it cannot be made."""
    catalogue = markdown_catalogue(services.config.language)
    plain = Catalogue.for_console(services.config.language, lambda user_id: user_id)
    summaries = configured_summaries(services.router)
    try:
        reply = services.handle(
            Actor(args.team, CLI_USER),
            lambda ctx: summaries.for_export(
                ctx, group_name=args.group, words=args.period, exact=args.exact, with_units=args.units
            ),
        )
    except DomainError as error:
        print(plain.render(error.text), file=errors)
        return 1
    if args.chart is None:  # the chart is only there when saved
        reply = Reply(tuple(p for p in reply.parts if p != Note(t("summary.note_chart"))), reply.files)
    out.write(render_markdown(reply, catalogue))
    if args.chart is not None and reply.files:
        args.chart.write_bytes(reply.files[0].data(catalogue.render))
        print(plain.render(t("console.file_saved", path=str(args.chart))), file=errors)
    return 0


def markdown_catalogue(language: str) -> Catalogue:
    """The catalogue with user text escaped for Markdown instead of Slack."""
    return Catalogue(
        language,
        load_messages(language),
        escape=lambda s: MARKDOWN_SPECIALS.sub(r"\\\1", s),
        mention=lambda user_id: f"@{user_id}",
    )


def render_markdown(reply: Reply, catalogue: Catalogue) -> str:
    """The reply as Markdown: a heading, paragraphs, bullet lists for fields, quoted notes."""
    blocks: list[str] = []
    for part in reply.parts:
        match part:
            case Header(text=text):
                blocks.append(f"## {_text(text, catalogue)}")
            case Paragraph(text=text):
                blocks.append(_text(text, catalogue))
            case Fields(items=items):
                blocks.append("\n".join(_field(label, value, catalogue) for label, value in items))
            case Note(text=text):
                blocks.append(f"> {_text(text, catalogue)}")
            case Divider():
                blocks.append("---")
    return "\n\n".join(blocks) + "\n"


def _text(value: Any, catalogue: Catalogue) -> str:
    """Rendered text with Slack's *bold* written the Markdown way."""
    return BOLD.sub(r"**\1**", catalogue.render(value))


def _field(label: Any, value: Any, catalogue: Catalogue) -> str:
    first, *more = _text(value, catalogue).splitlines() or [""]
    lines = [f"- **{_text(label, catalogue)}:** {first}"]
    lines += [f"  - {line.removeprefix(BULLET)}" for line in more]
    return "\n".join(lines)
