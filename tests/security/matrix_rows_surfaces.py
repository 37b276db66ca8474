"""The Home tab, its summary button and both shortcuts as rows of the role matrix (no tests here)."""

from collections.abc import Callable

from tests.security.matrix import Cell, Outcome, Row, answered, everyone, member, opens_form, own_members_anywhere
from tests.security.roles_world import GROUP_ROLES
from tests.support.signing import Response

MESSAGE = "Väntetiderna mellan parterna blev för långa"


def home_opened(cell: Cell) -> Response:
    """The cell's person opens the Home tab."""
    return cell.sim.app_home_opened(cell.user)


def published(cell: Cell, outcome: Outcome) -> bool:
    """The Home tab was published, for a member with their own group's next meeting on it."""
    calls = [c for c in outcome.sent.calls if c.method == "views.publish" and c.args.get("user_id") == cell.user]
    if not calls:
        return False
    return cell.role not in GROUP_ROLES or cell.home_place.marker("meeting") in outcome.sent.text


def global_shortcut(cell: Cell) -> Response:
    """*Nytt lots-ärende* from the shortcuts menu (no channel, no group named)."""
    return cell.sim.global_shortcut(cell.user, "case.shortcut_new")


def message_shortcut(cell: Cell) -> Response:
    """*Registrera lots-ärende* on a message in the cell's channel."""
    return cell.sim.message_shortcut(cell.user, cell.channel, "case.shortcut_message", MESSAGE)


def home_button(action: str, value: Callable[[Cell], str]) -> Callable[[Cell], Response]:
    """A button pressed on the cell's person's Home tab (a view, no channel)."""
    return lambda cell: cell.sim.block_action(
        cell.user, None, action, value(cell), view={"id": f"VH{cell.user}", "type": "home"}
    )


SURFACES = [
    Row("home:opened", "hemfliken öppnas", home_opened, everyone, published),
    Row(
        "action:home.summary",
        "hemflikens knapp sammanfattning",
        home_button("home.summary", lambda c: str(c.target.group_id)),
        member,
        answered,
    ),
    Row(
        "action:home.new_case",
        "hemflikens knapp nytt lots-ärende",
        home_button("home.new_case", lambda c: ""),
        own_members_anywhere,
        opens_form,
    ),
    Row("shortcut:case.shortcut_new", "genvägen nytt lots-ärende", global_shortcut, own_members_anywhere, opens_form),
    Row("shortcut:case.shortcut_message", "genvägen från ett meddelande", message_shortcut, member, opens_form),
]
