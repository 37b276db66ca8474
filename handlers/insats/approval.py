"""Each party's approval of the application (as plans do it), and, with all four, the application to the förbund."""

from collections.abc import Mapping
from typing import Any

from handlers import access
from handlers.context import Ctx
from handlers.conversation.flow import Env, Flow, Kind, Question
from handlers.errors import DomainError
from handlers.ids import row_id
from handlers.insats.card import application_parts, title
from handlers.insats.lookup import audited, channel_of, dm_key, forbund_users, load_insats, require_undecided
from handlers.insats.names import APPROVE_FLOW, InsatsAction
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
from handlers.text import Mention, t
from storage import insatser as repo
from storage.insats_models import DRAFT, Insats

NAME_LIMIT = 120


def approver_party(ctx: Ctx, insats: Insats) -> Party:
    """The party the person approves for; refused for a non-member, a party that has approved, a decided insats."""
    require_undecided(insats)
    member = access.member_of(ctx, insats.group)
    if member is None or member.party not in tuple(Party):
        raise DomainError("insats.approve.not_party", title=title(insats))
    done = {a.party: a for a in insats.approvals}.get(member.party)
    if done is not None:
        day = done.approved_at.astimezone(ctx.config.tz).date()
        raise DomainError("insats.approve.already", party=t(f"party.{member.party}"), name=done.name, date=day)
    if insats.status != DRAFT:
        raise DomainError("insats.approve.submitted", title=title(insats))
    return Party(member.party)


def approve_action(ctx: Ctx, action: str, value: str, selected: list[str]) -> list[Send]:
    """The "Godkänn för min part" button: the short signing conversation in the DM."""
    insats = load_insats(ctx, row_id(value))
    party = approver_party(ctx, insats)
    data = {"insats_id": insats.id, "party": party.value}
    return ctx.engine.start(ctx, dm_key(ctx), APPROVE_FLOW, data=data)


def finish_approval(ctx: Ctx, answers: dict[str, Any], data: Mapping[str, Any]) -> list[Send]:
    """Record the approval; with every party's, the application goes to the förbund."""
    insats = load_insats(ctx, int(data["insats_id"]))
    party = approver_party(ctx, insats)
    approval = repo.record_approval(
        ctx.session,
        insats=insats,
        party=party.value,
        user_id=ctx.actor.user_id,
        name=str(answers["name"]),
        organisation=str(answers.get("organisation") or ""),
        now=ctx.now,
    )
    audited(ctx, insats, "insats.approved", {"party": party.value, "approval": approval.id})
    sends = [to_requester(say(t("insats.approve.thanks", title=title(insats))))]
    note = t(
        "insats.approve.recorded",
        party=t(f"party.{party.value}"),
        name=approval.name,
        user=Mention(ctx.actor.user_id),
        count=len(insats.approvals),
        total=len(Party),
    )
    channel = channel_of(insats.group)
    if channel:
        sends.append(to_channel(say(note), channel_id=channel))
    if len(insats.approvals) == len(Party):
        sends.extend(submit(ctx, insats))
    return sends


def submit(ctx: Ctx, insats: Insats) -> list[Send]:
    """Send the application to every holder of the förbund role, with its budget and goals, to decide."""
    owner = representatives(insats.group, (Party(insats.owner_party),)).get(Party(insats.owner_party))
    repo.submit(ctx.session, insats=insats, owner_user=owner.user_id if owner else insats.created_by, now=ctx.now)
    audited(ctx, insats, "insats.submitted", {"group": insats.group_id})
    ask = reply(
        Paragraph(t("insats.submitted.forbund", title=title(insats), group=insats.group.name)),
        *application_parts(ctx, insats),
        Buttons(
            (
                Button(InsatsAction.GRANT, str(insats.id), t("insats.button.grant"), Style.PRIMARY),
                Button(InsatsAction.REJECT, str(insats.id), t("insats.button.reject"), Style.DANGER),
            )
        ),
    )
    sends = [to_user(ask, user_id) for user_id in forbund_users(ctx, insats.group)]
    channel = channel_of(insats.group)
    if channel:
        sends.append(to_channel(say(t("insats.submitted.channel", title=title(insats))), channel_id=channel))
    return sends


def _intro(env: Env) -> list[Part]:
    insats = load_insats(env.ctx, int(env.data["insats_id"]))
    return [Paragraph(t("insats.approve.intro", title=title(insats), party=t(f"party.{env.data['party']}")))]


FLOW = Flow(
    APPROVE_FLOW,
    t("insats.approve.flow"),
    (
        Question("name", t("insats.approve.q.name.label"), t("insats.approve.q.name"), Kind.TEXT),
        Question(
            "organisation",
            t("insats.approve.q.organisation.label"),
            t("insats.approve.q.organisation"),
            Kind.TEXT,
            optional=True,
        ),
    ),
    finish_approval,
    intro=_intro,
)
