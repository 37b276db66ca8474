"""The förbund's decision: bevilja (an amount up to the one applied for, conditions) or avslå (a reason); posted in
the group's channel, kept with who and when, in the audit log; the reports it brings with it are planned."""

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from handlers.context import Ctx
from handlers.conversation.flow import Env, Flow, Kind, Question
from handlers.errors import AnswerError, DomainError
from handlers.formatting import Amount
from handlers.ids import row_id
from handlers.insats.card import decision_parts, title
from handlers.insats.lookup import (
    audited,
    channel_of,
    command_group,
    dm_key,
    insats_by_number,
    load_insats,
    require_forbund,
    require_undecided,
)
from handlers.insats.names import GRANT_FLOW, REJECT_FLOW, InsatsAction
from handlers.replies import Button, Buttons, Paragraph, Part, Send, reply, say, to_channel, to_requester, to_user
from handlers.text import t
from storage import insatser as repo
from storage.insats_models import FINAL, GRANTED, MIDTERM, REJECTED, SUBMITTED, Insats

TEXT_LIMIT = 1500


def _decidable(ctx: Ctx, insats_id: int | None) -> Insats:
    insats = load_insats(ctx, insats_id)
    require_forbund(ctx, insats)
    require_undecided(insats)
    if insats.status != SUBMITTED:
        raise DomainError("insats.decide.not_submitted", title=title(insats))
    return insats


def grant_action(ctx: Ctx, action: str, value: str, selected: list[str]) -> list[Send]:
    """The "Bevilja" button: amount and conditions asked in the DM."""
    insats = _decidable(ctx, row_id(value))
    return ctx.engine.start(ctx, dm_key(ctx), GRANT_FLOW, data={"insats_id": insats.id})


def reject_action(ctx: Ctx, action: str, value: str, selected: list[str]) -> list[Send]:
    """The "Avslå" button: the reason asked in the DM."""
    insats = _decidable(ctx, row_id(value))
    return ctx.engine.start(ctx, dm_key(ctx), REJECT_FLOW, data={"insats_id": insats.id})


def _check_amount(value: Any, env: Env) -> Any:
    insats = load_insats(env.ctx, int(env.data["insats_id"]))
    if int(value) > insats.applied_kr:
        raise AnswerError("insats.grant.over_applied", applied=Amount(insats.applied_kr))
    return value


def _applied(env: Env) -> int:
    return load_insats(env.ctx, int(env.data["insats_id"])).applied_kr


def finish_grant(ctx: Ctx, answers: dict[str, Any], data: Mapping[str, Any]) -> list[Send]:
    """Grant the amount; plan the delrapport and the slutrapport."""
    insats = _decidable(ctx, int(data["insats_id"]))
    amount = int(answers["belopp"])
    if amount > insats.applied_kr:
        raise DomainError("insats.grant.over_applied", applied=Amount(insats.applied_kr))
    conditions = str(answers.get("villkor") or "")
    repo.decide(
        ctx.session,
        insats=insats,
        status=GRANTED,
        user_id=ctx.actor.user_id,
        now=ctx.now,
        granted_kr=amount,
        conditions=conditions,
    )
    _plan_reports(ctx, insats)
    audited(ctx, insats, "insats.granted", {"granted_kr": amount, "applied_kr": insats.applied_kr})
    return _announce(ctx, insats)


def finish_reject(ctx: Ctx, answers: dict[str, Any], data: Mapping[str, Any]) -> list[Send]:
    """Reject, with the reason."""
    insats = _decidable(ctx, int(data["insats_id"]))
    repo.decide(
        ctx.session, insats=insats, status=REJECTED, user_id=ctx.actor.user_id, now=ctx.now, reason=str(answers["skal"])
    )
    audited(ctx, insats, "insats.rejected", {"applied_kr": insats.applied_kr})
    return _announce(ctx, insats)


def _plan_reports(ctx: Ctx, insats: Insats) -> None:
    """The delrapport part way through the period, the slutrapport after its end (both set in the settings)."""
    days = (insats.ends_on - insats.starts_on).days
    midterm = insats.starts_on + timedelta(days=days * ctx.config.insats_midterm_percent // 100)
    final = insats.ends_on + timedelta(days=ctx.config.insats_final_report_days)
    if midterm > insats.starts_on:
        repo.add_report(ctx.session, insats=insats, kind=MIDTERM, due_on=midterm)
    repo.add_report(ctx.session, insats=insats, kind=FINAL, due_on=final)


def _announce(ctx: Ctx, insats: Insats) -> list[Send]:
    """The decision in the group's channel, to the person who decided, and to the insats's owner."""
    message = reply(
        *decision_parts(ctx, insats),
        Buttons((Button(InsatsAction.DOCUMENT, str(insats.id), t("insats.button.document")),)),
    )
    sends = [to_requester(say(t("insats.decide.thanks", title=title(insats))))]
    channel = channel_of(insats.group)
    if channel:
        sends.append(to_channel(message, channel_id=channel))
    if insats.owner_user and insats.owner_user != ctx.actor.user_id:
        sends.append(to_user(message, insats.owner_user))
    return sends


def decision_command(ctx: Ctx, args: str) -> list[Send]:
    """`/lokus insats beslut [nr]`: the decision of the insats (the group's latest one without a number)."""
    if args.strip():
        insats = insats_by_number(ctx, args)
    else:
        group = command_group(ctx)
        decided = [i for i in repo.group_insatser(ctx.session, group=group) if i.decided_at is not None]
        if not decided:
            raise DomainError("insats.decision.none_yet", group=group.name)
        insats = max(decided, key=lambda i: i.decided_at or ctx.now)
    buttons = Buttons((Button(InsatsAction.DOCUMENT, str(insats.id), t("insats.button.document")),))
    parts: list[Part] = [*decision_parts(ctx, insats)]
    if insats.decided_at is not None:
        parts.append(buttons)
    return [to_requester(reply(*parts))]


def _grant_intro(env: Env) -> list[Part]:
    insats = load_insats(env.ctx, int(env.data["insats_id"]))
    return [Paragraph(t("insats.grant.intro", title=title(insats), applied=Amount(insats.applied_kr)))]


def _reject_intro(env: Env) -> list[Part]:
    insats = load_insats(env.ctx, int(env.data["insats_id"]))
    return [Paragraph(t("insats.reject.intro", title=title(insats)))]


def _at_most(value: Any, env: Env) -> str:
    text = str(value).strip()
    if len(text) > TEXT_LIMIT:
        raise AnswerError("insats.too_long", limit=TEXT_LIMIT, given=len(text))
    return text


FLOWS = (
    Flow(
        GRANT_FLOW,
        t("insats.grant.flow"),
        (
            Question(
                "belopp",
                t("insats.grant.q.amount.label"),
                t("insats.grant.q.amount"),
                Kind.AMOUNT,
                minimum=1,
                check=_check_amount,
                default=_applied,
            ),
            Question(
                "villkor",
                t("insats.grant.q.conditions.label"),
                t("insats.grant.q.conditions"),
                Kind.TEXT,
                optional=True,
                check=_at_most,
                hint=t("insats.grant.q.conditions.hint"),
            ),
        ),
        finish_grant,
        intro=_grant_intro,
    ),
    Flow(
        REJECT_FLOW,
        t("insats.reject.flow"),
        (Question("skal", t("insats.reject.q.reason.label"), t("insats.reject.q.reason"), Kind.TEXT, check=_at_most),),
        finish_reject,
        intro=_reject_intro,
    ),
)
