"""`lokusbot roles grant|revoke förbund USER --team T` and `lokusbot roles list --team T`: the operator's root
of trust. Whoever runs these on the server gives or takes the förbund role of a workspace; it is audited as
given by "cli". No Slack request reaches this code.
"""

import argparse
import re
import sys
from collections.abc import Callable

from bot.cli_run import FAILED, USAGE, fail, run_once, show
from bot.cli_words import say
from bot.settings import Settings
from handlers.context import Actor, Ctx
from handlers.text import Text, t

ROLE_WORDS = ("förbund", "forbund")
USER_ID = re.compile(r"^[UW][A-Z0-9]{2,31}$")
TEAM_ID = re.compile(r"^[TE][A-Z0-9]{2,31}$")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add `roles grant`, `roles revoke` and `roles list` to the `lokusbot` command."""
    roles = sub.add_parser("roles", help=say("cli.roles"))
    verbs = roles.add_subparsers(dest="roles_what", required=True)
    for verb, run, help_key in (("grant", grant, "cli.roles.grant"), ("revoke", revoke, "cli.roles.revoke")):
        parser = verbs.add_parser(verb, help=say(help_key))
        parser.add_argument("role", choices=ROLE_WORDS, help=say("cli.roles.role"))
        parser.add_argument("user", help=say("cli.roles.user"))
        parser.add_argument("--team", required=True, help=say("cli.roles.team"))
        parser.set_defaults(run=run)
    lister = verbs.add_parser("list", help=say("cli.roles.list"))
    lister.add_argument("--team", required=True, help=say("cli.roles.team"))
    lister.set_defaults(run=list_holders)


def grant(args: argparse.Namespace, settings: Settings) -> int:
    """Give the role; saying so when the user had it already."""
    from handlers import roles

    return _change(args, settings, roles.operator_grant, "roles.cli.granted", "roles.cli.already")


def revoke(args: argparse.Namespace, settings: Settings) -> int:
    """Take the role away; an error when the user did not have it."""
    from handlers import roles

    return _change(args, settings, roles.operator_revoke, "roles.cli.revoked", "roles.cli.not_held", failed=True)


def list_holders(args: argparse.Namespace, settings: Settings) -> int:
    """Print who has the role, who gave it and when."""
    from handlers import roles

    problem = _check_ids(args.team)
    if problem is not None:
        return fail(settings, problem, USAGE)
    code, found = run_once(settings, _operator(args.team), roles.holders)
    if code:
        return code
    lines = [
        t(
            "roles.cli.line",
            user=h.user_id,
            by=t("roles.cli.operator") if h.granted_by == roles.OPERATOR else h.granted_by,
            date=h.granted_at.date(),
        )
        for h in found
    ]
    show(settings, lines or [t("roles.cli.none", team=args.team)], sys.stdout)
    return 0


def _change(
    args: argparse.Namespace,
    settings: Settings,
    change: Callable[[Ctx, str], bool],
    done: str,
    not_done: str,
    *,
    failed: bool = False,
) -> int:
    problem = _check_ids(args.team, args.user)
    if problem is not None:
        return fail(settings, problem, USAGE)
    code, changed = run_once(settings, _operator(args.team), lambda ctx: change(ctx, args.user))
    if code:
        return code
    text = t(done if changed else not_done, user=args.user, team=args.team)
    if not changed and failed:
        return fail(settings, text, FAILED)
    show(settings, [text], sys.stdout)
    return 0


def _check_ids(team: str, user: str | None = None) -> Text | None:
    if not TEAM_ID.match(team):
        return t("roles.cli.bad_team", given=team)
    if user is not None and not USER_ID.match(user):
        return t("roles.cli.bad_user", given=user)
    return None


def _operator(team: str) -> Actor:
    """The operator on the server, in the workspace given."""
    from handlers.roles import OPERATOR

    return Actor(team, OPERATOR)
