"""Writing an application in the DM (`/lokus insats ny`, `ändra`), saving it, and asking each party to approve."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from handlers import access
from handlers.context import Ctx
from handlers.conversation.flow import Env, Flow
from handlers.errors import DomainError
from handlers.formatting import Amount
from handlers.insats import budget
from handlers.insats.card import application_parts, title
from handlers.insats.goals import goals_from
from handlers.insats.lookup import audited, channel_of, command_group, dm_key, insats_by_number, require_undecided
from handlers.insats.names import APPLY_FLOW, InsatsAction
from handlers.insats.questions import APPLICATION_QUESTIONS
from handlers.parties import Party
from handlers.plans.approvals import representatives
from handlers.replies import (
    Button,
    Buttons,
    Paragraph,
    Part,
    Send,
    Style,
    reply,
    say,
    to_channel,
    to_requester,
    to_user,
)
from handlers.text import Join, Listing, Mention, Text, t
from storage import insatser as repo
from storage.insats_models import Insats
from storage.insatser import Application
from storage.models import Group


def new_command(ctx: Ctx, args: str) -> list[Send]:
    """`/lokus insats ny`: the application as a conversation in the DM (sammankallande, samordnare, förbund)."""
    group = command_group(ctx)
    access.require_manager(ctx, group)
    sends = ctx.engine.start(ctx, dm_key(ctx), APPLY_FLOW, data={"group_id": group.id})
    return _via_dm(ctx, sends)


def change_command(ctx: Ctx, args: str) -> list[Send]:
    """`/lokus insats ändra <nr>`: the application again with its answers, until the förbund has decided."""
    insats = insats_by_number(ctx, args)
    access.require_manager(ctx, insats.group)
    require_undecided(insats)
    data = {"group_id": insats.group_id, "insats_id": insats.id}
    sends = ctx.engine.start(ctx, dm_key(ctx), APPLY_FLOW, data=data, answers=dict(insats.answers))
    return _via_dm(ctx, sends)


def _via_dm(ctx: Ctx, sends: list[Send]) -> list[Send]:
    if ctx.actor.in_dm:
        return sends
    return [to_requester(say(t("insats.moved_to_dm"))), *(to_user(s.reply, ctx.actor.user_id) for s in sends)]


def application_of(ctx: Ctx, answers: Mapping[str, Any]) -> Application:
    """The confirmed answers as an application; the period and the ceiling are checked once more as a whole."""
    start, end = date.fromisoformat(answers["start"]), date.fromisoformat(answers["slut"])
    if end < start:
        raise DomainError("insats.end_before_start", start=start)
    applied = budget.total(answers, ctx.config.flat_rate_kr)
    ceiling = ctx.config.insats_ceiling_kr
    if ceiling is not None and applied > ceiling:
        raise DomainError("insats.over_ceiling", total=Amount(applied), ceiling=Amount(ceiling))
    goals = goals_from(answers)
    return Application(
        str(answers["namn"]), str(answers["slag"]), str(answers["agare"]), start, end, applied, dict(answers), goals
    )


def save_application(ctx: Ctx, answers: dict[str, Any], data: Mapping[str, Any]) -> list[Send]:
    """Save the draft (new, or the changed one) and ask each party's representative to approve it."""
    group = ctx.session.get(Group, int(data["group_id"]))
    if group is None:
        raise DomainError("insats.not_found")
    access.require_manager(ctx, group)
    application = application_of(ctx, answers)
    if data.get("insats_id"):
        insats = repo.get_insats(ctx.session, insats_id=int(data["insats_id"]))
        if insats is None or insats.group_id != group.id:
            raise DomainError("insats.not_found")
        require_undecided(insats)
        repo.rewrite(ctx.session, insats=insats, application=application)
        action = "insats.change"
    else:
        insats = repo.create_insats(
            ctx.session, group=group, application=application, created_by=ctx.actor.user_id, now=ctx.now
        )
        action = "insats.create"
    audited(ctx, insats, action, {"group": group.id, "applied_kr": insats.applied_kr, "goals": len(insats.goals)})
    saved = say(t("insats.saved", title=title(insats), total=Amount(insats.applied_kr)))
    return [to_requester(saved), *request_approvals(ctx, insats)]


def request_approvals(ctx: Ctx, insats: Insats) -> list[Send]:
    """A DM to one representative of each party, with the application; a line in the channel on who was asked."""
    chosen = representatives(insats.group, tuple(Party))
    ask = reply(
        Paragraph(t("insats.approve.request", title=title(insats), group=insats.group.name)),
        *application_parts(ctx, insats),
        Buttons((Button(InsatsAction.APPROVE, str(insats.id), t("insats.button.approve"), Style.PRIMARY),)),
    )
    sends = [to_user(ask, member.user_id) for member in chosen.values() if member is not None]
    asked = Join(tuple(Join((Mention(m.user_id), t(f"party.{p.value}")), sep=" – ") for p, m in chosen.items() if m))
    lines: list[Text] = [t("insats.approve.asked", title=title(insats), asked=asked)]
    nobody = [p for p, m in chosen.items() if m is None]
    if nobody:
        lines.append(t("insats.approve.nobody", parties=Listing(tuple(t(f"party.{p.value}") for p in nobody))))
    channel = channel_of(insats.group)
    if channel:
        sends.append(to_channel(reply(*(Paragraph(line) for line in lines)), channel_id=channel))
    return sends


def _intro(env: Env) -> list[Part]:
    group = env.ctx.session.get(Group, int(env.data["group_id"]))
    name = group.name if group is not None else ""
    key = "insats.intro_change" if env.data.get("insats_id") else "insats.intro"
    return [Paragraph(t(key, group=name, rate=Amount(env.ctx.config.flat_rate_kr)))]


FLOW = Flow(
    APPLY_FLOW,
    t("insats.flow"),
    APPLICATION_QUESTIONS,
    save_application,
    noun=t("insats.noun"),
    intro=_intro,
)
