"""An insats as people read it in chat: the application (budget, goals) and its decision."""

from handlers.context import Ctx
from handlers.conversation.flow import Env
from handlers.formatting import Amount, Identifier, Percent
from handlers.insats.budget import cost_rows
from handlers.insats.goals import tied_value
from handlers.insats.lookup import status_text
from handlers.insats.questions import target_choices
from handlers.replies import Fields, Header, Paragraph, Part
from handlers.text import Join, Listing, Mention, Text, t
from storage.insats_models import GRANTED, REJECTED, Insats, InsatsGoal


def title(insats: Insats) -> Text:
    """ "#3 Lokussamordnare Älvkarleby"."""
    return t("insats.title", number=Identifier(insats.id), name=insats.name)


def period(insats: Insats) -> Text:
    """ "1 januari 2018 – 31 december 2018"."""
    return t("insats.period", start=insats.starts_on, end=insats.ends_on)


def target_names(ctx: Ctx, insats: Insats) -> Listing:
    """The target groups the application names, as the question offered them."""
    labels = {c.value: c.label for c in target_choices(Env(ctx, {}, {"group_id": insats.group_id}))}
    codes = insats.answers.get("malgrupper") or []
    return Listing(tuple(labels.get(code, code) for code in codes))


def goal_line(ctx: Ctx, insats: Insats, goal: InsatsGoal) -> Text | Join:
    """A goal with its target and, for a tied goal, the value the bot has on record so far."""
    kind = t(f"insats.goal.{goal.kind}")
    if goal.target is None:
        return t("insats.goal.line", kind=kind, text=goal.text)
    measure: object = t(f"insats.tie.{goal.tie}") if goal.tie else goal.measure
    target: object = Percent(goal.target) if goal.tie == "arbete" else goal.target
    line = t("insats.goal.line_target", kind=kind, text=goal.text, target=target, measure=measure)
    if not goal.tie:
        return line
    value = tied_value(ctx, insats, goal)
    if value is None:
        return Join((line, t("insats.goal.tied_none")), sep=" ")
    shown: object = Percent(value) if goal.tie == "arbete" else value
    return Join((line, t("insats.goal.tied", value=shown)), sep=" ")


def budget_parts(ctx: Ctx, insats: Insats) -> list[Part]:
    """The budget rows and their total."""
    rows = cost_rows(insats.answers, ctx.config.flat_rate_kr)
    items: list[tuple[object, object]] = []
    for row in rows:
        name: Text | str = row.text
        if row.percent is not None:
            name = t(
                "insats.budget.post", title=row.text, percent=Percent(row.percent), rate=Amount(ctx.config.flat_rate_kr)
            )
        items.append((name, Amount(row.kronor)))
    items.append((t("insats.budget.total"), Amount(insats.applied_kr)))
    return [Paragraph(t("insats.budget.title")), Fields(tuple(items))]


def application_parts(ctx: Ctx, insats: Insats) -> list[Part]:
    """The whole application: facts, budget and goals."""
    facts = (
        (t("insats.field.group"), insats.group.name),
        (t("insats.field.kind"), t(f"insats.kind.{insats.kind}")),
        (t("insats.field.owner"), t(f"party.{insats.owner_party}")),
        (t("insats.field.targets"), target_names(ctx, insats)),
        (t("insats.field.period"), period(insats)),
        (t("insats.field.status"), status_text(insats, ctx.local_now.date())),
    )
    return [Header(title(insats)), Fields(facts), *budget_parts(ctx, insats), goal_paragraph(ctx, insats)]


def goal_paragraph(ctx: Ctx, insats: Insats) -> Paragraph:
    """The goals under their heading, as one paragraph (a message has room for only 50 blocks)."""
    lines = tuple(goal_line(ctx, insats, goal) for goal in insats.goals)
    return Paragraph(Join((t("insats.goals.title"), *lines), sep="\n"))


def decision_parts(ctx: Ctx, insats: Insats) -> list[Part]:
    """The decision: granted (amount, conditions) or rejected (reason), who decided and when."""
    if insats.status not in (GRANTED, REJECTED) or insats.decided_at is None or insats.decided_by is None:
        return [
            Paragraph(t("insats.decision.none", title=title(insats), status=status_text(insats, ctx.local_now.date())))
        ]
    day = insats.decided_at.astimezone(ctx.config.tz).date()
    who = Mention(insats.decided_by)
    if insats.status == GRANTED:
        parts: list[Part] = [
            Paragraph(
                t(
                    "insats.decision.granted",
                    title=title(insats),
                    amount=Amount(insats.granted_kr or 0),
                    applied=Amount(insats.applied_kr),
                    period=period(insats),
                    user=who,
                    date=day,
                )
            )
        ]
        if insats.conditions:
            parts.append(Paragraph(t("insats.decision.conditions", conditions=insats.conditions)))
        return parts
    return [
        Paragraph(t("insats.decision.rejected", title=title(insats), reason=insats.reason or "", user=who, date=day))
    ]
