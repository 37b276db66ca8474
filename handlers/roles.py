"""The förbund role: one per workspace and person, spanning every group there, given only by someone trusted.

    /lokus förbund                  who has the role in this workspace
    /lokus förbund @person          give it: someone who has it, or an admin or owner of the Slack workspace
    /lokus förbund bort @person     take it away (the same people)

On the server the operator gives and takes it with `lokusbot roles grant|revoke förbund USER --team T`
(bot/cli_roles.py calls the operator_* functions here; no Slack request can reach them).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from handlers import access
from handlers.context import Ctx
from handlers.errors import DomainError, NotAllowed
from handlers.mentions import parse_mention
from handlers.replies import Paragraph, Reply, Send, reply, say, to_requester, to_user
from handlers.text import Join, Mention, Text, t
from storage import audit
from storage import groups as groups_repo
from storage import roles as repo
from storage.models import ForbundRole

OPERATOR = "cli"
REMOVE_WORDS = ("ta bort", "bort", "remove")


@dataclass(frozen=True)
class Holder:
    """Someone with the förbund role: who, who gave it ("cli" for the operator), and when."""

    user_id: str
    granted_by: str
    granted_at: datetime


def forbund_command(ctx: Ctx, args: str) -> list[Send]:
    """`/lokus förbund [@person | bort @person]`."""
    words = " ".join(args.split())
    if not words:
        return [to_requester(_holders_reply(ctx, holders(ctx)))]
    prefix = next((p for p in REMOVE_WORDS if words.casefold().startswith(p + " ")), None)
    if prefix is not None:
        return revoke(ctx, parse_mention(words[len(prefix) :].strip()))
    if len(words.split()) != 1:
        raise DomainError("forbund.usage")
    return grant(ctx, parse_mention(words))


def _trust(ctx: Ctx) -> str:
    """Why the person may give or take the role ("forbund" or "workspace_admin"); refused when neither."""
    if access.is_forbund(ctx):
        return "forbund"
    if access.is_workspace_admin(ctx):
        return "workspace_admin"
    raise NotAllowed("forbund.not_trusted")


def grant(ctx: Ctx, user_id: str) -> list[Send]:
    """Give the person the förbund role of the workspace, when the one asking may."""
    trust = _trust(ctx)
    if not _grant(ctx, user_id, trust):
        return [to_requester(say(t("forbund.already", user=Mention(user_id))))]
    sends = [to_requester(say(t("forbund.granted", user=Mention(user_id))))]
    if user_id != ctx.actor.user_id:
        sends.append(to_user(say(t("forbund.granted_dm", by=Mention(ctx.actor.user_id))), user_id))
    return sends


def revoke(ctx: Ctx, user_id: str) -> list[Send]:
    """Take the förbund role away, when the one asking may."""
    trust = _trust(ctx)
    if not _revoke(ctx, user_id, trust):
        raise DomainError("forbund.not_held", user=Mention(user_id))
    return [to_requester(say(t("forbund.revoked", user=Mention(user_id))))]


def operator_grant(ctx: Ctx, user_id: str) -> bool:
    """The operator on the server gives the role (the command line only); whether it is new."""
    return _grant(ctx, user_id, "operator")


def operator_revoke(ctx: Ctx, user_id: str) -> bool:
    """The operator on the server takes the role away (the command line only); whether there was one."""
    return _revoke(ctx, user_id, "operator")


def holders(ctx: Ctx) -> Sequence[Holder]:
    """Everyone with the förbund role in the request's workspace."""
    workspace = groups_repo.find_workspace(ctx.session, team_id=ctx.actor.team_id)
    rows = repo.forbund_holders(ctx.session, workspace=workspace) if workspace else []
    return [Holder(r.user_id, r.granted_by, r.granted_at) for r in rows]


def _grant(ctx: Ctx, user_id: str, trust: str) -> bool:
    workspace = groups_repo.get_or_create_workspace(ctx.session, team_id=ctx.actor.team_id)
    role, new = repo.grant_forbund(
        ctx.session, workspace=workspace, user_id=user_id, granted_by=ctx.actor.user_id, now=ctx.now
    )
    if new:
        _audit(ctx, "role.grant", role, trust)
    return new


def _revoke(ctx: Ctx, user_id: str, trust: str) -> bool:
    workspace = groups_repo.find_workspace(ctx.session, team_id=ctx.actor.team_id)
    role = repo.revoke_forbund(ctx.session, workspace=workspace, user_id=user_id) if workspace else None
    if role is not None:
        _audit(ctx, "role.revoke", role, trust)
    return role is not None


def _audit(ctx: Ctx, action: str, role: ForbundRole, trust: str) -> None:
    audit.record(
        ctx.session,
        team_id=ctx.actor.team_id,
        user_id=ctx.actor.user_id,
        action=action,
        entity="forbund_role",
        entity_id=role.id,
        detail={"role": "förbund", "user": role.user_id, "trust": trust},
    )


def _holders_reply(ctx: Ctx, found: Sequence[Holder]) -> Reply:
    if not found:
        return say(t("forbund.none"))
    lines = tuple(_holder_line(ctx, h) for h in found)
    return reply(Paragraph(t("forbund.list", holders=Join(lines, sep="\n"))), Paragraph(t("forbund.hint")))


def _holder_line(ctx: Ctx, holder: Holder) -> Text:
    day = holder.granted_at.astimezone(ctx.config.tz).date()
    if holder.granted_by == OPERATOR:
        return t("forbund.line_operator", user=Mention(holder.user_id), date=day)
    return t("forbund.line", user=Mention(holder.user_id), by=Mention(holder.granted_by), date=day)
