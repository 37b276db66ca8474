"""`lokusbot people remove USER_ID [--team T]`: the operator erases a person who has left (handlers/erasure.py),
in one workspace or in every one. An id the bot holds nothing of is said so, and nothing changes (exit code 1)."""

import argparse
import sys

from bot.cli_roles import TEAM_ID, USER_ID
from bot.cli_run import USAGE, fail, run_once, show
from bot.cli_words import say
from bot.settings import Settings
from handlers.context import Actor
from handlers.text import t


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add `people remove` to the `lokusbot` command."""
    people = sub.add_parser("people", help=say("cli.people"))
    verbs = people.add_subparsers(dest="people_what", required=True)
    remove = verbs.add_parser("remove", help=say("cli.people.remove"))
    remove.add_argument("user", help=say("cli.people.user"))
    remove.add_argument("--team", default=None, help=say("cli.people.team"))
    remove.set_defaults(run=remove_person)


def remove_person(args: argparse.Namespace, settings: Settings) -> int:
    """Erase the person; print what changed, or why nothing did."""
    from handlers import erasure
    from handlers.pseudonyms import former_text
    from handlers.roles import OPERATOR

    if not USER_ID.match(args.user):
        return fail(settings, t("erase.cli.bad_user", given=args.user), USAGE)
    if args.team is not None and not TEAM_ID.match(args.team):
        return fail(settings, t("roles.cli.bad_team", given=args.team), USAGE)
    actor = Actor(args.team or "", OPERATOR)
    code, done = run_once(settings, actor, lambda ctx: erasure.erase_person(ctx, args.user, team_id=args.team))
    if code:
        return code
    text = t("erase.cli.done", user=args.user, rows=done.rows, pseudonym=former_text(done.pseudonym))
    show(settings, [text], sys.stdout)
    return 0
