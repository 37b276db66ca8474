"""The dashboard's row for the insats reports the person owes (a delrapport or slutrapport of an insats they own)."""

from collections import defaultdict

from handlers.formatting import Identifier
from handlers.home.model import GroupRow, HomeScope
from handlers.insats.names import InsatsAction
from handlers.insats.owed import OwedReport, reports_owed
from handlers.replies import Button, Buttons, Paragraph, Part, Style
from handlers.text import t

MAX_BUTTONS = 3


def report_rows(scope: HomeScope) -> dict[int, GroupRow]:
    """Per group, the reports the person is asked for, each with the button that starts it in the DM."""
    ctx = scope.ctx
    by_group: dict[int, list[OwedReport]] = defaultdict(list)
    mine = set(scope.group_ids)
    for owed in reports_owed(ctx.session, ctx.actor.team_id, scope.user_id, ctx.local_now.date()):
        if owed.group_id in mine:
            by_group[owed.group_id].append(owed)
    rows: dict[int, GroupRow] = {}
    for group_id, owed_reports in by_group.items():
        parts: list[Part] = []
        for owed in owed_reports[:MAX_BUTTONS]:
            kind = t(f"insats.report.kind.{owed.kind}")
            insats = t("insats.title", number=Identifier(owed.insats_id), name=owed.insats_name)
            text = t("home.report", kind=kind, insats=insats, date=owed.due_on)
            button = Button(InsatsAction.REPORT, str(owed.report_id), t("insats.button.report"), Style.PRIMARY)
            parts += [Paragraph(text), Buttons((button,))]
        rows[group_id] = GroupRow(tuple(parts), brief=t("home.brief.reports", count=len(owed_reports)))
    return rows
