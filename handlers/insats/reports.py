"""Following an insats up: a delrapport part way and a slutrapport after the end, asked of the owner in the DM goal
by goal (seed 002's questions), reminded every week until answered, then posted in the channel and to the förbund."""

from collections.abc import Mapping
from typing import Any

from handlers.context import Ctx
from handlers.conversation.flow import Choice, Env, Flow, Kind, Question
from handlers.errors import AnswerError, DomainError
from handlers.ids import row_id
from handlers.insats.card import goal_line, title
from handlers.insats.goals import tied_value
from handlers.insats.lookup import audited, channel_of, dm_key, forbund_users, load_insats
from handlers.insats.names import ACHIEVED, MAX_GOALS, REPORT_FAMILY, InsatsAction, report_key
from handlers.replies import (
    Button,
    Buttons,
    Fields,
    Header,
    Paragraph,
    Part,
    Reply,
    Send,
    Style,
    in_workspace,
    reply,
    say,
    to_channel,
    to_requester,
    to_user,
)
from handlers.text import t
from storage import insatser as repo
from storage.insats_models import Insats, InsatsReport
from storage.jobs import claim_each

REMIND_EVERY_DAYS = 7
TEXT_LIMIT = 1500
MAX_REPORT_GOALS = 2 * MAX_GOALS


def report_flow_name(insats: Insats) -> str:
    """ "insatsrapport:3": the report flow of an insats with three goals."""
    return f"{REPORT_FAMILY}:{len(insats.goals)}"


def _text(value: Any, env: Env) -> str:
    text = str(value).strip()
    if len(text) > TEXT_LIMIT:
        raise AnswerError("insats.too_long", limit=TEXT_LIMIT, given=len(text))
    return text


def _tied_default(goal: int) -> Any:
    def default(env: Env) -> Any:
        insats = load_insats(env.ctx, int(env.data["insats_id"]))
        if goal > len(insats.goals):
            return None
        return tied_value(env.ctx, insats, insats.goals[goal - 1])

    return default


def _goal_questions(goal: int) -> tuple[Question, ...]:
    achieved = tuple(Choice(code, t(f"insats.achieved.{code}")) for code in ACHIEVED)
    return (
        Question(
            report_key(goal, "status"),
            t("insats.report.q.status.label", goal=goal),
            t("insats.report.q.status", goal=goal),
            Kind.CHOICE,
            options=achieved,
        ),
        Question(
            report_key(goal, "varde"),
            t("insats.report.q.value.label", goal=goal),
            t("insats.report.q.value", goal=goal),
            Kind.NUMBER,
            optional=True,
            minimum=0,
            default=_tied_default(goal),
        ),
        Question(
            report_key(goal, "bra"),
            t("insats.report.q.worked.label", goal=goal),
            t("insats.report.q.worked", goal=goal),
            Kind.TEXT,
            optional=True,
            check=_text,
        ),
        Question(
            report_key(goal, "mindre"),
            t("insats.report.q.not_worked.label", goal=goal),
            t("insats.report.q.not_worked", goal=goal),
            Kind.TEXT,
            optional=True,
            check=_text,
        ),
    )


def build_report_flow(rest: str) -> Flow | None:
    """The report flow named "insatsrapport:<number of goals>"."""
    if not rest.isdigit() or not 0 < int(rest) <= MAX_REPORT_GOALS:
        return None
    questions = tuple(q for goal in range(1, int(rest) + 1) for q in _goal_questions(goal))
    last = Question("nasta", t("insats.report.q.next.label"), t("insats.report.q.next"), Kind.TEXT, check=_text)
    return Flow(
        f"{REPORT_FAMILY}:{rest}",
        t("insats.report.flow"),
        (*questions, last),
        finish_report,
        noun=t("insats.report.noun"),
        intro=_intro,
    )


def _intro(env: Env) -> list[Part]:
    insats = load_insats(env.ctx, int(env.data["insats_id"]))
    report = _report(env.ctx, insats, int(env.data["report_id"]))
    lines = [
        Paragraph(t("insats.report.goal", goal=n, line=goal_line(env.ctx, insats, g)))
        for n, g in enumerate(insats.goals, 1)
    ]
    return [Header(t(f"insats.report.title.{report.kind}", title=title(insats))), *lines]


def _report(ctx: Ctx, insats: Insats, report_id: int) -> InsatsReport:
    report = repo.get_report(ctx.session, report_id=report_id)
    if report is None or report.insats_id != insats.id:
        raise DomainError("insats.not_found")
    return report


def _owner_report(ctx: Ctx, report_id: int | None) -> tuple[Insats, InsatsReport]:
    report = repo.get_report(ctx.session, report_id=report_id) if report_id is not None else None
    if report is None:
        raise DomainError("insats.not_found")
    insats = load_insats(ctx, report.insats_id)
    if insats.owner_user != ctx.actor.user_id:
        raise DomainError("insats.report.not_owner", title=title(insats))
    if report.answered_at is not None:
        raise DomainError("insats.report.answered", title=title(insats))
    return insats, report


def report_action(ctx: Ctx, action: str, value: str, selected: list[str]) -> list[Send]:
    """The "Skriv rapporten" button: the report as a conversation in the DM."""
    insats, report = _owner_report(ctx, row_id(value))
    data = {"insats_id": insats.id, "report_id": report.id}
    return ctx.engine.start(ctx, dm_key(ctx), report_flow_name(insats), data=data)


def finish_report(ctx: Ctx, answers: dict[str, Any], data: Mapping[str, Any]) -> list[Send]:
    """Keep the answers; post the report in the channel and send it to the förbund."""
    insats, report = _owner_report(ctx, int(data["report_id"]))
    repo.save_report(ctx.session, report=report, answers=answers, user_id=ctx.actor.user_id, now=ctx.now)
    audited(ctx, insats, "insats.reported", {"report": report.id, "kind": report.kind})
    message = report_reply(ctx, insats, report)
    sends = [to_requester(say(t("insats.report.thanks", title=title(insats))))]
    channel = channel_of(insats.group)
    if channel:
        sends.append(to_channel(message, channel_id=channel))
    sends.extend(to_user(message, user_id) for user_id in forbund_users(ctx, insats.group))
    return sends


def report_reply(ctx: Ctx, insats: Insats, report: InsatsReport) -> Reply:
    """The answered report: each goal with how it went, then what the group does next."""
    answers = report.answers or {}
    parts: list[Part] = [Header(t(f"insats.report.title.{report.kind}", title=title(insats)))]
    for n, goal in enumerate(insats.goals, 1):
        status = answers.get(report_key(n, "status"))
        items: list[tuple[object, object]] = [
            (t("insats.report.field.status"), t(f"insats.achieved.{status}") if status else "–")
        ]
        if answers.get(report_key(n, "varde")) is not None:
            items.append((t("insats.report.field.value"), answers[report_key(n, "varde")]))
        for column in ("bra", "mindre"):
            if answers.get(report_key(n, column)):
                items.append((t(f"insats.report.field.{column}"), answers[report_key(n, column)]))
        parts += [Paragraph(t("insats.report.goal", goal=n, line=goal_line(ctx, insats, goal))), Fields(tuple(items))]
    parts.append(Paragraph(t("insats.report.next", text=answers.get("nasta") or "")))
    return reply(*parts)


def ask_reply(insats: Insats, report: InsatsReport, *, reminder: bool) -> Reply:
    """The DM that asks the owner for the report (and, later, reminds them)."""
    key = "insats.report.remind" if reminder else "insats.report.ask"
    return reply(
        Paragraph(t(key, title=title(insats), kind=t(f"insats.report.kind.{report.kind}"), date=report.due_on)),
        Buttons((Button(InsatsAction.REPORT, str(report.id), t("insats.button.report"), Style.PRIMARY),)),
    )


def due_reports(ctx: Ctx) -> list[Send]:
    """The scheduler's tick: ask for each report on its day, and remind every week until it is answered."""
    today = ctx.local_now.date()
    keyed = {
        f"insats:{r.insats.id}:{r.kind}:{(today - r.due_on).days // REMIND_EVERY_DAYS}": r
        for r in repo.reports_due(ctx.session, today=today)
        if r.insats.owner_user
    }
    claimed = claim_each(ctx.session, keys=keyed)  # one read a minute, however many reports wait
    sends: list[Send] = []
    for report in (report for key, report in keyed.items() if key in claimed):
        insats, week = report.insats, (today - report.due_on).days // REMIND_EVERY_DAYS
        message = ask_reply(insats, report, reminder=week > 0)
        sends.extend(in_workspace([to_user(message, insats.owner_user or "")], insats.group.workspace.team_id))
    return sends
