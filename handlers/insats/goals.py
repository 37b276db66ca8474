"""Goals from the application's answers, and the figure a tied goal reads from what the bot has on record."""

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from typing import Any

from handlers.cases.vocabulary import WORK_OR_STUDIES
from handlers.context import Ctx
from handlers.insats.names import GOAL_KINDS, MAX_GOALS, MORE, goal_key
from storage import insatser as repo
from storage.case_stats import case_stats, raised_count
from storage.insats_models import Insats, InsatsGoal
from storage.insatser import NewGoal


def goals_from(answers: Mapping[str, Any]) -> tuple[NewGoal, ...]:
    """Every effektmål and then every insatsmål the answers hold, in order."""
    goals: list[NewGoal] = []
    for kind in GOAL_KINDS:
        for row in range(1, MAX_GOALS + 1):
            text = answers.get(goal_key(kind, row, "text"))
            if text is None:
                break
            target = answers.get(goal_key(kind, row, "mal"))
            tie = str(answers.get(goal_key(kind, row, "koppling")) or "") if target is not None else ""
            measure = str(answers.get(goal_key(kind, row, "matt")) or "") if tie == "ingen" else ""
            number = int(target) if target is not None else None
            goals.append(NewGoal(kind, str(text), number, measure, "" if tie == "ingen" else tie))
            if answers.get(goal_key(kind, row, MORE)) is not True:
                break
    return tuple(goals)


def _moment(ctx: Ctx, day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=ctx.config.tz)


def tied_value(ctx: Ctx, insats: Insats, goal: InsatsGoal) -> int | None:
    """What the bot has on record for a tied goal, from the period's start until today (or its end)."""
    if not goal.tie:
        return None
    end = min(insats.ends_on, ctx.local_now.date())
    if end < insats.starts_on:
        return 0
    group = insats.group
    if goal.tie == "moten":
        start, stop = _moment(ctx, insats.starts_on), _moment(ctx, end + timedelta(days=1))
        return repo.meetings_held(ctx.session, group=group, start=start, end=stop)
    if goal.tie == "arenden":
        return raised_count(ctx.session, group_ids=[group.id], start=insats.starts_on, end=end)
    stats = case_stats(ctx.session, group_ids=[group.id], start=insats.starts_on, end=end)
    if not stats.closed:
        return None
    work = sum(stats.closed_by_outcome[o] for o in WORK_OR_STUDIES)
    return round(100 * work / stats.closed)
