"""Compiling a summary: counts from the database, protected for publishing, written as a reply with a chart.

`summary_sends(ctx, group, period)` is what the meetings feature posts before each meeting.
"""

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from handlers.cases.vocabulary import FAILURES, OUTCOMES, TARGET_GROUPS, label, named_target_groups
from handlers.context import Ctx
from handlers.file_names import slug
from handlers.replies import Reply, Send, reply, to_channel
from handlers.summaries.chart import chart_attachment
from handlers.summaries.figures import figure_out, summary_counts
from handlers.summaries.group_settings import comparison_of, threshold_of
from handlers.summaries.periods import Comparison, Period, default_period
from handlers.summaries.sections import SummaryView, summary_parts
from handlers.text import t
from storage.case_stats import GroupTotals, case_stats, raised_count, totals_by_group
from storage.models import Group

PreviousMeeting = Callable[[Ctx, Group], date | None]


def no_previous_meeting(ctx: Ctx, group: Group) -> date | None:
    """The hook used until meetings are known: no previous meeting, so summaries cover the calendar year."""
    return None


def summary_period(ctx: Ctx, group: Group, previous_meeting: PreviousMeeting = no_previous_meeting) -> Period:
    """The default period of a group's summary: since its previous meeting, or this calendar year."""
    return default_period(ctx.local_now.date(), previous_meeting(ctx, group))


def group_summary(ctx: Ctx, group: Group, period: Period, *, exact: bool = False, with_units: bool = False) -> Reply:
    """One group's summary for the period: protected for a channel, or exact for a private reader."""
    ids = [group.id]
    stats = case_stats(ctx.session, group_ids=ids, start=period.start, end=period.end, with_units=with_units)
    comparison = comparison_of(group)
    before = period.compared(comparison)
    previous = raised_count(ctx.session, group_ids=ids, start=before.start, end=before.end)
    threshold = threshold_of(ctx, group)
    linked = summary_counts(stats, previous=previous, months=period.months())
    view = SummaryView(
        t("summary.title", group=group.name),
        period,
        figure_out(linked, None if exact else threshold),
        threshold,
        ctx.config.national_work_share,
        exact=exact,
        with_units=with_units,
        labels=code_labels([group]),
        comparison=comparison,
    )
    return _reply(view, group.name)


def rollup_summary(ctx: Ctx, groups: Sequence[Group], period: Period, *, exact: bool = False) -> Reply:
    """Every group together, and one line per group (for the förbund)."""
    ids = [g.id for g in groups]
    stats = case_stats(ctx.session, group_ids=ids, start=period.start, end=period.end)
    before = period.compared(Comparison.YEAR)
    previous = raised_count(ctx.session, group_ids=ids, start=before.start, end=before.end)
    totals = totals_by_group(ctx.session, group_ids=ids, start=period.start, end=period.end)
    per_group = {g.id: totals.get(g.id, GroupTotals(0, 0, 0)) for g in groups}
    threshold = max([threshold_of(ctx, g) for g in groups], default=ctx.config.small_number_threshold)
    linked = summary_counts(stats, previous=previous, months=period.months(), groups=per_group)
    view = SummaryView(
        t("summary.title_all"),
        period,
        figure_out(linked, None if exact else threshold),
        threshold,
        ctx.config.national_work_share,
        exact=exact,
        group_names={g.id: g.name for g in groups},
        labels=code_labels(groups),
    )
    return _reply(view, "alla")


def code_labels(groups: Sequence[Group]) -> dict[str, dict[str, Any]]:
    """What target groups (the groups' own lists first), failures and outcomes are called."""
    targets: dict[str, Any] = {}
    for term in [*(term for g in groups for term in named_target_groups(g.settings)), *TARGET_GROUPS]:
        targets.setdefault(term.code, label("target_group", term))
    return {
        "target": targets,
        "failure": {term.code: label("failure", term) for term in FAILURES},
        "outcome": {term.code: label("outcome", term) for term in OUTCOMES},
    }


def summary_sends(ctx: Ctx, group: Group, period: Period) -> list[Send]:
    """The protected summary posted in the group's channel, chart in its thread (nothing without a channel)."""
    if not group.channel_id:
        return []
    return [to_channel(group_summary(ctx, group, period), channel_id=group.channel_id)]


def _reply(view: SummaryView, name: str) -> Reply:
    filename = f"lots-arenden-{slug(name)}-{view.period.start.isoformat()}-{view.period.end.isoformat()}.png"
    period = t("summary.chart.period", label=view.period.label, start=view.period.start, end=view.period.end)
    chart = chart_attachment(
        view.figures, filename, t("summary.chart.file_title", title=view.title), view.title, period
    )
    parts = summary_parts(view, has_chart=chart is not None)
    return reply(*parts, files=(chart,) if chart else ())
