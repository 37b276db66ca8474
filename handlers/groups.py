"""Linking a channel to a LOKUS group, recording members, and showing who is in the group."""

import unicodedata

from handlers import access, erasure
from handlers.context import Ctx
from handlers.errors import DomainError, NotAllowed
from handlers.identity_guard import guard_name
from handlers.mentions import parse_mention
from handlers.parties import Party, Role, parse_party, parse_roles
from handlers.replies import (
    Fields,
    Header,
    Note,
    Paragraph,
    Reply,
    Send,
    reply,
    say,
    to_channel,
    to_requester,
)
from handlers.text import Join, Listing, Mention, t
from storage import audit
from storage import groups as repo
from storage.models import Group, Member

CONFUSABLE_SCRIPTS = {"LATIN", "CYRILLIC", "GREEK"}
REMOVE_WORDS = (("ta", "bort"), ("bort",), ("remove",))


def link(ctx: Ctx, args: str) -> list[Send]:
    """`/lokus koppla <gruppnamn>`: link this channel to a group. A new group is created and whoever links it
    manages it until it has a sammankallande or samordnare; moving an existing group here takes a manager of it."""
    name = group_name(args)
    if not ctx.actor.channel_id:
        raise DomainError("group.need_channel")
    if not name or len(name) > 80:
        raise DomainError("group.link_usage")
    guard_name(name, "group.identity")
    if len(_scripts(name)) > 1:
        raise DomainError("group.mixed_scripts")
    access.refuse_if_elsewhere(ctx)
    workspace = repo.get_or_create_workspace(ctx.session, team_id=ctx.actor.team_id)
    current = repo.find_group_by_channel(ctx.session, team_id=ctx.actor.team_id, channel_id=ctx.actor.channel_id)
    if current is not None:
        raise DomainError("group.channel_taken", group=current.name)
    group = repo.find_group_by_name(ctx.session, workspace=workspace, name=name)
    if group is None:
        group = repo.create_group(
            ctx.session, workspace=workspace, name=name, channel_id=ctx.actor.channel_id, created_by=ctx.actor.user_id
        )
        key = "group.linked"
    else:
        access.require_manager(ctx, group)
        group.channel_id = ctx.actor.channel_id
        ctx.session.flush()
        key = "group.moved"
    audit.record(
        ctx.session,
        team_id=ctx.actor.team_id,
        user_id=ctx.actor.user_id,
        action="group.link",
        entity="group",
        entity_id=group.id,
        detail={"channel": ctx.actor.channel_id},
    )
    return [to_channel(say(t(key, group=group.name, user=Mention(ctx.actor.user_id))))]


def group_name(typed: str) -> str:
    """A group's name as typed, in the one form that looks like it: NFKC ("Ｈｅｂｙ" is Heby), without invisible
    characters (a zero-width space, a soft hyphen, a direction mark), single spaces. Otherwise "Heby" with an
    invisible character would be a second group that reads exactly like the first."""
    text = unicodedata.normalize("NFKC", typed)
    return " ".join("".join(ch for ch in text if unicodedata.category(ch) != "Cf").split())


def _scripts(name: str) -> set[str]:
    """The alphabets the name's letters come from, of those whose letters look alike (Heby with a Cyrillic е)."""
    found = {unicodedata.name(ch, "").split(" ", 1)[0] for ch in name if ch.isalpha()}
    return found & CONFUSABLE_SCRIPTS


def add_member(ctx: Ctx, args: str) -> list[Send]:
    """`/lokus medlem @person <part> [roller]`: record or update a member (the group's managers only)."""
    typed = args.split()
    for removal in REMOVE_WORDS:  # "bort @x", "ta bort @x"
        if [w.casefold() for w in typed[: len(removal)]] == list(removal):
            return remove_member(ctx, " ".join(typed[len(removal) :]))
    words = args.split(maxsplit=2)
    if len(words) < 2:
        raise DomainError("member.usage")
    group = access.channel_group(ctx)
    access.require_manager(ctx, group)
    user_id = parse_mention(words[0])
    party = parse_party(words[1])
    existing = repo.find_member(ctx.session, group=group, user_id=user_id)
    roles = parse_roles(words[2]) if len(words) > 2 else _roles_kept(existing)
    if Role.FORBUND in roles:
        raise NotAllowed("member.forbund_is_workspace_wide")
    if not any(role in access.MANAGERS for role in roles):
        _keep_a_manager(ctx, group, existing)
    member = repo.upsert_member(ctx.session, group=group, user_id=user_id, party=party, roles=roles)
    audit.record(
        ctx.session,
        team_id=ctx.actor.team_id,
        user_id=ctx.actor.user_id,
        action="member.set",
        entity="member",
        entity_id=member.id,
        detail={"user": user_id, "party": party.value, "roles": member.roles},  # about whom: their own export finds it
    )
    text = t(
        "member.saved",
        user=Mention(user_id),
        group=group.name,
        party=t(f"party.{party.value}"),
        roles=Listing(tuple(t(f"role.{r}") for r in member.role_list)),
    )
    return [to_channel(say(text))]


def remove_member(ctx: Ctx, args: str) -> list[Send]:
    """`/lokus medlem bort @person`: take someone out of the group (the group's managers only); with `--glöm` the
    förbund erases the person from the workspace instead (handlers/erasure.py)."""
    forget, words = erasure.wants_forgetting(args.split())
    if forget:
        return erasure.forget_member(ctx, parse_mention(" ".join(words)) if words else "")
    group = access.channel_group(ctx)
    access.require_manager(ctx, group)
    user_id = parse_mention(args.strip()) if args.strip() else ""
    member = repo.find_member(ctx.session, group=group, user_id=user_id) if user_id else None
    if member is None:
        raise DomainError("member.not_found", group=group.name)
    _keep_a_manager(ctx, group, member)
    repo.remove_member(ctx.session, member=member)
    audit.record(
        ctx.session,
        team_id=ctx.actor.team_id,
        user_id=ctx.actor.user_id,
        action="member.remove",
        entity="member",
        entity_id=member.id,
        detail={"user": user_id},
    )
    return [to_channel(say(t("member.removed", user=Mention(user_id), group=group.name)))]


def _roles_kept(member: Member | None) -> list[str]:
    """No roles typed: a member keeps theirs (a new party is no demotion), a new one is a ledamot."""
    return (list(member.role_list) if member is not None else []) or [Role.LEDAMOT]


def _keep_a_manager(ctx: Ctx, group: Group, member: Member | None) -> None:
    """Refuse to take the managing role from the group's last sammankallande or samordnare."""
    if member is None or not any(role in member.role_list for role in access.MANAGERS):
        return
    if not repo.has_member_with_role(ctx.session, group=group, roles=access.MANAGERS, other_than=member.user_id):
        raise DomainError("member.last_manager", user=Mention(member.user_id), group=group.name)


def show_group(ctx: Ctx, args: str) -> list[Send]:
    """`/lokus grupp`: members by party, and which of the four parties is missing."""
    group = access.channel_group(ctx)
    return [to_requester(group_overview(group))]


def group_overview(group: Group) -> Reply:
    """The group's members by party, with the parties that have nobody."""
    items = []
    for party in Party:
        members = [m for m in group.members if m.party == party.value]
        shown = (
            Join(tuple(_member_line(m.user_id, m.role_list) for m in members), sep="\n")
            if members
            else t("group.party_missing_cell")
        )
        items.append((t(f"party.{party.value}"), shown))
    missing = [p for p in Party if not any(m.party == p.value for m in group.members)]
    summary = (
        t("group.parties_missing", parties=Listing(tuple(t(f"party.{p.value}") for p in missing)))
        if missing
        else t("group.all_parties")
    )
    return reply(
        Header(t("group.title", group=group.name)),
        Fields(tuple(items)),
        Paragraph(summary),
        Note(t("group.member_hint")),
    )


def _member_line(user_id: str, roles: list[str]) -> Join:
    return Join((Mention(user_id), Join(tuple(t(f"role.{r}") for r in roles))), sep=" – ")


def lock_settings(ctx: Ctx, group: Group) -> Group:
    """The group read again and locked for this unit of work (PostgreSQL), before a setting is changed from
    its current value: two managers changing settings at once then take turns instead of one losing."""
    ctx.session.refresh(group, attribute_names=["settings"], with_for_update=True)
    return group


def save_setting(ctx: Ctx, group: Group, key: str, value: object) -> None:
    """Keep one of the group's settings (reminder days, meeting goal, summary threshold ...), audited."""
    group.settings = {**group.settings, key: value}
    ctx.session.flush()
    audit.record(
        ctx.session,
        team_id=ctx.actor.team_id,
        user_id=ctx.actor.user_id,
        action="group.setting",
        entity="group",
        entity_id=group.id,
        detail={key: value},
    )
