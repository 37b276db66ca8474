"""Erasing a person who has left: their memberships and open conversations go, and their id becomes a stable
pseudonym everywhere else ("tidigare ledamot, Försäkringskassan"), so the records stay whole without naming them.

    lokusbot people remove USER_ID [--team T]      the operator, on the server (bot/cli_people.py)
    /lokus medlem bort @person --glöm              the förbund role of the workspace
    Slack's user_change with deleted: true         noted, and erased by the daily job after ERASURE_GRACE_DAYS

Where a user id lives is the registry in storage/personal_data.py; nothing here names a table.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from handlers import access
from handlers.context import Ctx
from handlers.errors import DomainError, NotAllowed
from handlers.pseudonyms import former_text, make_pseudonym
from handlers.replies import Send, say, to_requester
from handlers.text import Mention, t
from storage import audit
from storage import people as repo
from storage import personal_records as records

log = logging.getLogger("lokusbot.erasure")
FORGET_WORDS = ("--glöm", "--glom", "—glöm", "—glom", "–glöm", "glöm")  # Slack may make "--" a dash


@dataclass(frozen=True)
class Erased:
    """What an erasure did: the pseudonym that stands for the person now, and how many rows, by place."""

    pseudonym: str
    counts: dict[str, int]

    @property
    def rows(self) -> int:
        """How many rows changed or went."""
        return sum(self.counts.values())


def erase_person(ctx: Ctx, user_id: str, *, team_id: str | None) -> Erased:
    """Erase the person in the workspace (every workspace for None); an id the bot holds nothing of is an error
    and changes nothing."""
    if records.count_held(ctx.session, user_id=user_id, team_id=team_id) == 0:
        raise DomainError("erase.unknown", user=user_id)
    pseudonym = make_pseudonym(repo.latest_party(ctx.session, user_id=user_id, team_id=team_id))
    counts = records.erase(ctx.session, user_id=user_id, team_id=team_id, pseudonym=pseudonym)
    audit.record(
        ctx.session,
        team_id=team_id or ctx.actor.team_id,
        user_id=ctx.actor.user_id,
        action="person.erase",
        entity="person",
        entity_id=pseudonym,
        detail={"rows": sum(counts.values()), "places": sorted(counts)},
    )
    log.info("erased a person: %d rows in %d places", sum(counts.values()), len(counts))
    return Erased(pseudonym, counts)


def forget_member(ctx: Ctx, user_id: str) -> list[Send]:
    """`/lokus medlem bort @person --glöm`: the förbund erases the person from the workspace."""
    if not access.is_forbund(ctx):
        raise NotAllowed("erase.forbund_only")
    if records.count_held(ctx.session, user_id=user_id, team_id=ctx.actor.team_id) == 0:
        raise DomainError("erase.unknown_here")  # the id is not repeated: it may be of another workspace
    done = erase_person(ctx, user_id, team_id=ctx.actor.team_id)
    text = t("erase.done", user=Mention(user_id), rows=done.rows, pseudonym=former_text(done.pseudonym))
    return [to_requester(say(text))]


def wants_forgetting(words: list[str]) -> tuple[bool, list[str]]:
    """Whether `--glöm` is among the words, and the words without it."""
    kept = [w for w in words if w.casefold() not in FORGET_WORDS]
    return len(kept) != len(words), kept


def user_changed(ctx: Ctx, user_id: str, *, deleted: bool) -> None:
    """Slack's user_change: a deleted user the bot holds something of is noted for erasure after the grace
    period; a user back again is not erased. Nobody else is noted."""
    team = ctx.actor.team_id
    if not deleted:
        if repo.cancel_pending(ctx.session, team_id=team, user_id=user_id):
            log.info("a user is back; the pending erasure is forgotten")
        return
    if records.count_held(ctx.session, user_id=user_id, team_id=team) == 0:
        return
    due = ctx.now + timedelta(days=ctx.config.retention.erasure_grace_days)
    repo.note_pending(ctx.session, team_id=team, user_id=user_id, due_at=due, now=ctx.now)
    log.info("a deleted user is noted for erasure")


def erase_due(ctx: Ctx) -> int:
    """Erase everyone whose grace period is over (the daily job); how many people."""
    due = [(row.team_id, row.user_id) for row in repo.due_erasures(ctx.session, now=ctx.now)]
    for team, user in due:
        erase_person(ctx, user, team_id=team)
    return len(due)
