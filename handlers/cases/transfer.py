"""Export (`/lokus ärenden export`, `lokusbot export cases`) and import (`lokusbot import cases`) of case logs."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from handlers.cases import scope
from handlers.cases.cells import CellParsers, RowProblem
from handlers.cases.importing import check_file
from handlers.cases.table import FORMATS, Cell, case_row, file_bytes, file_name
from handlers.cases.vocabulary import TARGET_GROUPS, named_target_groups
from handlers.context import Ctx
from handlers.errors import DomainError
from handlers.formatting import Identifier
from handlers.replies import Attachment, Paragraph, Send, reply, to_requester
from handlers.text import Join, Listing, Text, t
from storage import audit
from storage import cases as repo
from storage.models import Group

CLI_USER = "cli"


@dataclass(frozen=True)
class ExportFile:
    """One group's cases as a file: the rows are read in the request, the bytes made when asked for (in Slack,
    by the deliverer after the answer, so a workbook never holds up the reply)."""

    filename: str
    rows: list[dict[str, Cell]]
    file_format: str
    bom: bool = True

    @property
    def count(self) -> int:
        return len(self.rows)

    @property
    def content(self) -> bytes:
        return file_bytes(self.rows, self.file_format, bom=self.bom)

    def made(self, render: Callable[[Any], str]) -> bytes:
        """The bytes, as an Attachment makes them (the words are the file's own)."""
        return self.content


@dataclass
class ImportReport:
    """What an import did: the problems (then nothing was imported), or the numbers given to the new cases."""

    problems: list[RowProblem] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)


def export_group(ctx: Ctx, group: Group, file_format: str, *, bom: bool = True) -> ExportFile:
    """Every case of the group in the format; the export is audited."""
    cases = repo.cases_of_group(ctx.session, group_id=group.id)
    # older cases may have a target group since removed, or one of the förbund's the group never listed
    targets = (*named_target_groups(group.settings), *TARGET_GROUPS)
    rows = [case_row(case, targets, ctx.config.tz) for case in cases]
    audit.record(
        ctx.session,
        team_id=group.workspace.team_id,
        user_id=ctx.actor.user_id,
        action="case.export",
        entity="group",
        entity_id=group.id,
        detail={"format": file_format, "cases": len(cases)},
    )
    return ExportFile(file_name(group.name, ctx.local_now.date(), file_format), rows, file_format, bom)


def export_command(ctx: Ctx, args: str) -> list[Send]:
    """`/lokus ärenden export [xlsx|csv]`: the file of each of the person's groups, sent to them privately."""
    words = args.casefold().split()
    file_format = FORMATS.get(words[0]) if words else "xlsx"
    if file_format is None or len(words) > 1:
        raise DomainError("case.export.usage")
    groups = scope.case_groups(ctx)
    exports = [(group, export_group(ctx, group, file_format)) for group in groups]
    files = tuple(
        Attachment(export.filename, export.made, t("case.export.title", group=group.name)) for group, export in exports
    )
    counts = Listing(tuple(t("case.export.count", group=group.name, count=export.count) for group, export in exports))
    text = t("case.export.sent", counts=counts, format=t(f"case.export.format.{file_format}"))
    return [to_requester(reply(Paragraph(text), files=files))]


def export_action(ctx: Ctx, action: str, value: str, selected: list[str]) -> list[Send]:
    """The export buttons."""
    return export_command(ctx, value)


def group_for_command_line(ctx: Ctx, name: str, team_id: str = "") -> Group:
    """The group a `--group NAME` means; the workspace (`--team`) is needed only when several share the name."""
    groups = [g for g in repo.groups_named(ctx.session, name=name) if not team_id or g.workspace.team_id == team_id]
    if not groups:
        raise DomainError("case.cli.no_group", group=name)
    if len(groups) > 1:
        raise DomainError("case.cli.many_groups", group=name, teams=Join(tuple(g.workspace.team_id for g in groups)))
    return groups[0]


def import_cases(ctx: Ctx, group: Group, filename: str, content: bytes) -> ImportReport:
    """Check every row of the file; when all are right, add them as the group's next cases. Else add nothing."""
    parsers = CellParsers(named_target_groups(group.settings), ctx.local_now.date())
    checked = check_file(filename, content, parsers)
    if checked.problems:
        return ImportReport(problems=checked.problems)
    stored = repo.add_cases(
        ctx.session, group_id=group.id, cases=checked.cases, created_by=ctx.actor.user_id, now=ctx.now
    )
    numbers = [case.number for case in stored]
    audit.record(
        ctx.session,
        team_id=group.workspace.team_id,
        user_id=ctx.actor.user_id,
        action="case.import",
        entity="group",
        entity_id=group.id,
        detail={"cases": len(numbers), "first": numbers[0], "last": numbers[-1]},
    )
    return ImportReport(numbers=numbers)


def import_summary(group: Group, report: ImportReport) -> Sequence[Text]:
    """The lines to print after an import: each problem with its line, or what was imported."""
    if report.problems:
        lines = [
            t("case.import.problem", line=p.line, column=p.column or t("case.none"), reason=p.reason)
            for p in report.problems
        ]
        rows = len({p.line for p in report.problems})
        return [*lines, t("case.import.refused", rows=rows, problems=len(report.problems))]
    key = "case.import.done_one" if len(report.numbers) == 1 else "case.import.done"
    return [
        t(
            key,
            count=len(report.numbers),
            group=group.name,
            first=Identifier(report.numbers[0]),
            last=Identifier(report.numbers[-1]),
        )
    ]
