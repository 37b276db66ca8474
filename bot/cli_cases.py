"""`lokusbot import cases FILE --group NAME` and `lokusbot export cases --group NAME --format csv|xlsx [--out FILE]`.

CSV starts with a byte order mark (BOM) wherever it goes except a terminal: in a file (`--out`, or `> heby.csv`)
and in a pipe it is what makes Excel read the file as UTF-8 (without it Excel takes Windows-1252 and garbles
å, ä and ö); on a terminal it would only show as a stray character. `--no-bom` leaves it out everywhere.
"""

import argparse
import sys
from pathlib import Path
from typing import Any

from bot.cli_run import FAILED, USAGE, fail, run_once, show
from bot.cli_words import say
from bot.settings import Settings
from handlers.context import Actor
from handlers.text import Text, t

CLI = Actor("", "cli")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add `import cases` and `export cases` to the `lokusbot` command."""
    importer = _verb(sub, "import", say("cli.import")).add_parser("cases", help=say("cli.import.cases"))
    importer.add_argument("file", help=say("cli.import.file"), metavar=say("cli.metavar.file"))
    importer.add_argument("--group", required=True, help=say("cli.group"), metavar=say("cli.metavar.group"))
    importer.add_argument("--team", default="", help=say("cli.team"), metavar="TEAM")
    importer.set_defaults(run=import_cases)
    exporter = _verb(sub, "export", say("cli.export")).add_parser("cases", help=say("cli.export.cases"))
    exporter.add_argument("--group", required=True, help=say("cli.group"), metavar=say("cli.metavar.group"))
    exporter.add_argument("--format", choices=("csv", "xlsx"), default="csv", help=say("cli.export.format"))
    exporter.add_argument("--out", default="", help=say("cli.export.out"), metavar=say("cli.metavar.file"))
    exporter.add_argument("--team", default="", help=say("cli.team"), metavar="TEAM")
    exporter.add_argument("--no-bom", action="store_true", help=say("cli.export.no_bom"))
    exporter.set_defaults(run=export_cases)


def _verb(sub: argparse._SubParsersAction, name: str, help_text: str) -> argparse._SubParsersAction:  # type: ignore[type-arg]
    """The subcommands under `import` or `export`, shared with other features that add their own."""
    parser = sub.choices.get(name) or sub.add_parser(name, help=help_text)
    existing = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if existing:
        return existing[0]
    return parser.add_subparsers(dest=f"{name}_what", required=True, title=say("argparse.subcommands"))


def import_cases(args: argparse.Namespace, settings: Settings) -> int:
    """Check the whole file and import it into the group, or print every problem and import nothing."""
    from handlers.cases import transfer
    from handlers.cases.reading import MAX_FILE_BYTES

    path = Path(args.file)
    if not path.is_file():
        return fail(settings, t("case.cli.no_file", path=str(path)), USAGE)
    if path.stat().st_size > MAX_FILE_BYTES:
        return fail(settings, t("case.import.too_large", limit=MAX_FILE_BYTES // (1024 * 1024)), FAILED)
    content = path.read_bytes()

    def run(ctx: Any) -> tuple[bool, list[Text]]:
        group = transfer.group_for_command_line(ctx, args.group, args.team)
        report = transfer.import_cases(ctx, group, path.name, content)
        return not report.problems, list(transfer.import_summary(group, report))

    code, result = run_once(settings, CLI, run)
    if code:
        return code
    imported, lines = result
    show(settings, lines, sys.stdout if imported else sys.stderr)
    return 0 if imported else FAILED


def export_cases(args: argparse.Namespace, settings: Settings) -> int:
    """Write the group's cases as CSV or XLSX to the file, or to standard output."""
    from handlers.cases import transfer

    to_stdout = not args.out
    on_terminal = to_stdout and sys.stdout.isatty()
    if on_terminal and args.format == "xlsx":
        return fail(settings, t("case.cli.xlsx_to_terminal"), USAGE)
    bom = not (on_terminal or args.no_bom)

    def run(ctx: Any) -> tuple[str, transfer.ExportFile]:
        group = transfer.group_for_command_line(ctx, args.group, args.team)
        return group.name, transfer.export_group(ctx, group, args.format, bom=bom)

    code, result = run_once(settings, CLI, run)
    if code:
        return code
    group_name, export = result
    if to_stdout:
        sys.stdout.buffer.write(export.content)
        sys.stdout.flush()
        return 0
    Path(args.out).write_bytes(export.content)
    show(settings, [t("case.cli.exported", count=export.count, group=group_name, path=args.out)], sys.stderr)
    return 0
