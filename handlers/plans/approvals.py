"""Each party's approval of a plan (the form's signature block): asking, recording, completing, withdrawing."""

from collections.abc import Mapping
from typing import Any

from handlers import access
from handlers.context import Ctx
from handlers.conversation.flow import Env, Flow, Kind, Question
from handlers.errors import DomainError
from handlers.parties import Party, Role
from handlers.plans.lookup import load_plan, missing_sections, plan_title, section_list, template_of
from handlers.plans.names import APPROVE_FLOW, PlanAction, pack
from handlers.replies import (
    Button,
    Buttons,
    Paragraph,
    Part,
    Reply,
    Send,
    Style,
    home_changed,
    reply,
    say,
    to_channel,
    to_requester,
    to_user,
)
from handlers.text import Join, Listing, Mention, Text, t
from storage import audit
from storage import plans as repo
from storage.models import Group, Member
from storage.plan_models import Plan, PlanApproval

PREFERRED_ROLES = (Role.SAMMANKALLANDE, Role.LEDAMOT, Role.SAMORDNARE)


def representatives(group: Group, parties: tuple[Party, ...]) -> dict[Party, Member | None]:
    """Who is asked to approve for each party: its sammankallande, else a ledamot, else any member of it."""
    chosen: dict[Party, Member | None] = {}
    for party in parties:
        members = [m for m in group.members if m.party == party.value and m.role_list != [Role.FORBUND.value]]
        ranked = sorted(
            members,
            key=lambda m: min(
                (PREFERRED_ROLES.index(Role(r)) for r in m.role_list if r in PREFERRED_ROLES),
                default=len(PREFERRED_ROLES),
            ),
        )
        chosen[party] = ranked[0] if ranked else None
    return chosen


def approved_parties(plan: Plan) -> dict[str, PlanApproval]:
    """The standing approvals by party."""
    return {a.party: a for a in repo.active_approvals(plan)}


def waiting_parties(plan: Plan) -> list[Party]:
    """The parties whose approval the plan still needs."""
    done = approved_parties(plan)
    return [p for p in template_of(plan).approving_parties if p.value not in done]


def request_reply(plan: Plan, party: Party) -> Reply:
    """The DM asking a party's representative to read and approve the plan."""
    return reply(
        Paragraph(t("plan.approve.request", title=plan_title(plan), party=t(f"party.{party.value}"))),
        Buttons(
            (
                Button(PlanAction.APPROVE, pack(plan.id), t("plan.button.approve"), Style.PRIMARY),
                Button(PlanAction.SHOW, pack(plan.id), t("plan.button.read")),
                Button(PlanAction.DOCUMENT, pack(plan.id), t("plan.button.document")),
            )
        ),
    )


def request_approvals(ctx: Ctx, plan: Plan) -> list[Send]:
    """Ask one representative of each waiting party to approve; say in the channel who was asked."""
    parties = tuple(waiting_parties(plan))
    chosen = representatives(plan.group, parties)
    sends = [to_user(request_reply(plan, party), member.user_id) for party, member in chosen.items() if member]
    asked = Join(tuple(Join((Mention(m.user_id), t(f"party.{p.value}")), sep=" – ") for p, m in chosen.items() if m))
    lines: list[Text] = [t("plan.approve.asked", title=plan_title(plan), asked=asked)]
    nobody = [p for p, m in chosen.items() if m is None]
    if nobody:
        lines.append(t("plan.approve.nobody", parties=Listing(tuple(t(f"party.{p.value}") for p in nobody))))
    repo.mark_approvals_requested(ctx.session, plan=plan, now=ctx.now)
    waiting = {p.value for p in parties}
    homes = [home_changed(m.user_id) for m in plan.group.members if m.party in waiting]  # the approval shows there
    return [*homes, *sends, *to_group(plan, reply(*(Paragraph(line) for line in lines)))]


def after_change(ctx: Ctx, plan: Plan, section_key: str) -> list[Send]:
    """What follows a saved section: approvals withdrawn, the parties asked, or the plan completed."""
    template = template_of(plan)
    section = template.section(section_key)
    sends: list[Send] = []
    if section is not None and not section.follow_up and repo.active_approvals(plan):
        sends.extend(_withdraw(ctx, plan, section.title))
    if missing_sections(plan, template) or plan.status == repo.COMPLETE:
        return sends
    if not template.approving_parties:
        repo.mark(ctx.session, plan=plan, status=repo.COMPLETE, now=ctx.now)
        return [*sends, *to_group(plan, _complete_reply(plan))]
    if plan.approvals_requested_at is None:
        sends.extend(request_approvals(ctx, plan))
    return sends


def _withdraw(ctx: Ctx, plan: Plan, section_title: str) -> list[Send]:
    withdrawn = repo.withdraw_approvals(ctx.session, plan=plan, because="change", now=ctx.now)
    repo.mark_approvals_requested(ctx.session, plan=plan, now=None)
    audit.record(
        ctx.session,
        team_id=ctx.actor.team_id,
        user_id=ctx.actor.user_id,
        action="plan.approvals_withdrawn",
        entity="plan",
        entity_id=plan.id,
        detail={"parties": [a.party for a in withdrawn]},
    )
    parties = Listing(tuple(t(f"party.{a.party}") for a in withdrawn))
    text = t(
        "plan.approve.withdrawn",
        title=plan_title(plan),
        section=section_title,
        parties=parties,
        user=Mention(ctx.actor.user_id),
    )
    return to_group(plan, say(text))


def approve_flow() -> Flow:
    """The short conversation that signs a plan for the person's party: printed name and organisation."""
    return Flow(
        APPROVE_FLOW,
        t("plan.approve.flow"),
        (
            Question("name", t("plan.approve.q.name.label"), t("plan.approve.q.name"), Kind.TEXT),
            Question(
                "organisation",
                t("plan.approve.q.organisation.label"),
                t("plan.approve.q.organisation"),
                Kind.TEXT,
                optional=True,
                hint=t("plan.approve.q.organisation.hint"),
            ),
        ),
        finish=finish_approval,
        summary_title=_approval_summary,
        intro=_approval_intro,
    )


def _approval_intro(env: Env) -> list[Part]:
    plan = load_plan(env.ctx, int(env.data["plan_id"]))
    party = t(f"party.{env.data['party']}")
    return [Paragraph(t("plan.approve.intro", title=plan_title(plan), party=party))]


def _approval_summary(env: Env) -> Text:
    return t("plan.approve.summary", plan=env.data["plan"], year=env.data["year"], group=env.data["group"])


def approver_party(ctx: Ctx, plan: Plan) -> Party:
    """The party the person approves for; refused when they are no member of an approving party or it has."""
    member = access.member_of(ctx, plan.group)
    parties = template_of(plan).approving_parties
    if member is None or Party(member.party) not in parties:
        raise DomainError("plan.approve.not_party", title=plan_title(plan))
    party = Party(member.party)
    done = approved_parties(plan).get(party.value)
    if done is not None:
        raise DomainError(
            "plan.approve.already",
            party=t(f"party.{party.value}"),
            name=done.name,
            date=done.approved_at.astimezone(ctx.config.tz).date(),
        )
    missing = missing_sections(plan, template_of(plan))
    if missing:
        raise DomainError("plan.approve.not_ready", sections=section_list([s for s, _ in missing]))
    return party


def finish_approval(ctx: Ctx, answers: dict[str, Any], data: Mapping[str, Any]) -> list[Send]:
    """Record the approval; when it was the last party's, the plan is complete."""
    plan = load_plan(ctx, int(data["plan_id"]))
    party = approver_party(ctx, plan)
    organisation = answers.get("organisation") or ""
    approval = repo.record_approval(
        ctx.session,
        plan=plan,
        party=party.value,
        user_id=ctx.actor.user_id,
        name=answers["name"],
        organisation=organisation,
        now=ctx.now,
    )
    audit.record(
        ctx.session,
        team_id=ctx.actor.team_id,
        user_id=ctx.actor.user_id,
        action="plan.approved",
        entity="plan",
        entity_id=plan.id,
        detail={"party": party.value, "approval": approval.id},
    )
    waiting = waiting_parties(plan)
    sends = [to_requester(say(t("plan.approve.thanks", title=plan_title(plan))))]
    note = t(
        "plan.approve.recorded",
        party=t(f"party.{party.value}"),
        name=approval.name,
        user=Mention(ctx.actor.user_id),
        count=len(approved_parties(plan)),
        total=len(template_of(plan).approving_parties),
    )
    sends.extend(to_group(plan, say(note)))
    if not waiting:
        repo.mark(ctx.session, plan=plan, status=repo.COMPLETE, now=ctx.now)
        sends.extend(to_group(plan, _complete_reply(plan)))
    party_members = sorted({m.user_id for m in plan.group.members if m.party == party.value})
    from handlers.plans.canvas import canvas_follows  # the canvas shows approvals, so it imports this module

    homes = [home_changed(user) for user in party_members]  # their Home tabs listed the approval
    return [*homes, *sends, *canvas_follows(ctx, plan)]


def _complete_reply(plan: Plan) -> Reply:
    return reply(
        Paragraph(t("plan.complete", title=plan_title(plan))),
        Buttons((Button(PlanAction.DOCUMENT, pack(plan.id), t("plan.button.document"), Style.PRIMARY),)),
    )


def to_group(plan: Plan, message: Reply) -> list[Send]:
    """A message for the plan's group channel (nothing when the group has no channel)."""
    channel = plan.group.channel_id
    return [to_channel(message, channel_id=channel)] if channel else []
