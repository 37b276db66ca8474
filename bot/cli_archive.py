"""`lokusbot archive export --group NAME --year YEAR --out FILE.zip` (or `--all --out FOLDER`) and
`lokusbot archive verify FILE.zip`: a group's records of a year as an E-ARK CSIP package, and its check.

`--all` writes one package per group (each group's records are their own archival unit, with the group as the
records' creator), named by the package id, into the folder `--out` names. Groups with nothing from the year are
listed and skipped. An existing file is never overwritten.
"""

import argparse
import sys
from pathlib import Path
from typing import Any

from bot.catalogue import Catalogue
from bot.cli_run import FAILED, USAGE, fail, run_once, show
from bot.cli_words import say
from bot.settings import Settings
from handlers.archive.package import Package, export_package
from handlers.archive.records import Words
from handlers.archive.verify import verify_package
from handlers.context import Actor, Ctx
from handlers.errors import DomainError
from handlers.formatting import Identifier
from handlers.text import Plain, Text, t

CLI = Actor("", "cli")
FIRST_YEAR, LAST_YEAR = 2000, 2999


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add `archive export` and `archive verify` to the `lokusbot` command."""
    archive = sub.add_parser("archive", help=say("cli.archive"))
    actions = archive.add_subparsers(dest="archive_action", required=True, title=say("argparse.subcommands"))
    exporter = actions.add_parser("export", help=say("cli.archive.export"))
    exporter.add_argument("--group", default="", help=say("cli.group"), metavar=say("cli.metavar.group"))
    exporter.add_argument("--all", action="store_true", help=say("cli.archive.all"))
    exporter.add_argument("--team", default="", help=say("cli.team"), metavar="TEAM")
    exporter.add_argument(
        "--year", type=_year, required=True, help=say("cli.archive.year"), metavar=say("cli.metavar.year")
    )
    exporter.add_argument("--out", required=True, help=say("cli.archive.out"), metavar=say("cli.metavar.file"))
    exporter.set_defaults(run=export_archive)
    verifier = actions.add_parser("verify", help=say("cli.archive.verify"))
    verifier.add_argument("file", help=say("cli.archive.file"), metavar=say("cli.metavar.file"))
    verifier.set_defaults(run=verify_archive)


def _year(text: str) -> int:
    """A year as --year takes it: four digits, from the first the bot could have records of."""
    if not (text.isdigit() and FIRST_YEAR <= int(text) <= LAST_YEAR):
        raise argparse.ArgumentTypeError(say("archive.cli.bad_year", given=text))
    return int(text)


def _words(settings: Settings) -> Words:
    """The words of the package's files: the catalogue's, user text as written, people as their Slack ids."""
    return Catalogue.for_console(settings.language, lambda user_id: user_id).for_files().render


def export_archive(args: argparse.Namespace, settings: Settings) -> int:
    """Write the package of one group's year, or one per group with --all."""
    if bool(args.group) == bool(args.all):
        return fail(settings, t("archive.cli.group_or_all"), USAGE)
    if args.all:
        return _export_all(args, settings)
    out = Path(args.out)
    if out.exists():
        return fail(settings, t("archive.cli.out_exists", path=Plain(str(out))), USAGE)
    words = _words(settings)

    def run(ctx: Ctx) -> tuple[str, Package]:
        from handlers.cases.transfer import group_for_command_line

        group = group_for_command_line(ctx, args.group, args.team)
        return group.name, export_package(ctx, group, args.year, words)

    code, result = run_once(settings, CLI, run)
    if code:
        return code
    name, package = result
    out.write_bytes(package.content)
    show(settings, [_written(name, args.year, out, package)], sys.stdout)
    return 0


def _written(group: str, year: int, path: Path, package: Package) -> Text:
    files = sum(package.counts.values())
    return t("archive.cli.written", group=group, year=Identifier(year), path=Plain(str(path)), files=files)


def _export_all(args: argparse.Namespace, settings: Settings) -> int:
    """A package per group with records from the year, into the folder; the others are named as skipped."""
    folder = Path(args.out)
    if folder.exists() and not folder.is_dir():
        return fail(settings, t("archive.cli.out_not_folder", path=Plain(str(folder))), USAGE)
    words = _words(settings)

    def run(ctx: Ctx) -> list[tuple[str, Package | None]]:
        from storage.archive import groups_to_archive

        made: list[tuple[str, Package | None]] = []
        for group in groups_to_archive(ctx.session, team_id=args.team):
            try:
                made.append((group.name, export_package(ctx, group, args.year, words)))
            except DomainError as error:
                if error.text.key != "archive.empty":
                    raise
                made.append((group.name, None))
        return made

    code, made = run_once(settings, CLI, run)
    if code:
        return code
    return _write_all(settings, folder, args.year, made)


def _write_all(settings: Settings, folder: Path, year: int, made: list[tuple[str, Package | None]]) -> int:
    if not made:
        return fail(settings, t("archive.cli.no_groups"), FAILED)
    packages = [(name, p, folder / f"{p.objid}.zip") for name, p in made if p is not None]
    if not packages:
        return fail(settings, t("archive.cli.none_written", year=Identifier(year)), FAILED)
    for _, _, path in packages:
        if path.exists():
            return fail(settings, t("archive.cli.out_exists", path=Plain(str(path))), USAGE)
    folder.mkdir(parents=True, exist_ok=True)
    lines: list[Any] = []
    for name, package, path in packages:
        path.write_bytes(package.content)
        lines.append(_written(name, year, path, package))
    lines += [t("archive.cli.skipped", group=name, year=Identifier(year)) for name, p in made if p is None]
    show(settings, lines, sys.stdout)
    return 0


def verify_archive(args: argparse.Namespace, settings: Settings) -> int:
    """Check the package; print each problem with its file, or that it is whole. 0 when it is whole."""
    import zipfile

    path = Path(args.file)
    if not path.is_file():
        return fail(settings, t("case.cli.no_file", path=Plain(str(path))), USAGE)
    problems = verify_package(path)
    if problems:
        lines = [t(f"archive.verify.{p.what}", file=Plain(p.file), detail=Plain(p.detail)) for p in problems]
        show(settings, [*lines, t("archive.cli.failed", path=Plain(str(path)), count=len(problems))], sys.stderr)
        return FAILED
    with zipfile.ZipFile(path) as archive:
        files = sum(1 for i in archive.infolist() if not i.is_dir())
    show(settings, [t("archive.cli.verified", path=Plain(str(path)), files=files)], sys.stdout)
    return 0
