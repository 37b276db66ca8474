"""The machinery of the role matrix (no tests here): a cell is one role in one place sending one request; a row
is one command, button or form with who may use it, how to see that it worked, and what to set up first.

A cell's place is one of
    own      the request is about Östervåla, the group the role is held in (its channel, its ids)
    other    it is about Skutskär, another group of the same workspace (its channel, its ids)
    otherws  someone of T0OTHER holding the same role there sends it in Östervåla's channel with its ids, as a
             channel shared with Slack Connect would
"""

import json
from collections.abc import Callable
from dataclasses import dataclass
from itertools import product
from typing import Any

from sqlalchemy import delete

from bot.catalogue import load_messages
from storage import roles as roles_repo
from storage.models import Conversation
from tests.bot.conftest import Bot
from tests.security.harness import Sent, Settled, changed_tables, mark, other_workspace, sent_since, snapshot
from tests.security.roles_world import GROUP_ROLES, MANAGING, ROLES, SCOPES, TEAM, Place, World, user_of
from tests.support.signing import Response, SlackClientSim

REFUSAL_KEYS = (
    "group.not_member",
    "group.manager_only",
    "group.other_workspace",
    "group.channel_taken",
    "meeting.convenor_only",
    "minutes.not_writer",
    "summary.forbund_only",
    "forbund.not_trusted",
    "member.forbund_is_workspace_wide",
    "case.no_access",
    "case.no_groups",
    "plan.approve.not_party",
    "dm.not_member",
    "evaluation.starter_only",
    "evaluation.forbund_only",
    "evaluation.not_asked",
    "insats.forbund_only",
    "insats.approve.not_party",
    "insats.report.not_owner",
    "step.not_member",
    "step.not_linked",
)


def _fixed_part(text: str) -> str:
    """The longest stretch of a catalogue text without placeholders: what every rendering of it contains."""
    pieces = [piece.split("}", 1)[-1] for piece in text.split("{")]
    return max((p.strip(" *_`.:") for p in pieces), key=len)


REFUSALS = tuple(_fixed_part(load_messages("sv")[key]) for key in REFUSAL_KEYS)


@dataclass(frozen=True)
class Cell:
    """One role, in one place, sending one row's request (n counts the row's cells, for fresh names)."""

    role: str
    scope: str
    n: int
    bot: Bot
    settled: Settled
    world: World
    sim: SlackClientSim
    user: str
    channel: str
    target: Place

    @property
    def team(self) -> str:
        """The workspace the request comes from."""
        return self.sim.team_id

    @property
    def home_place(self) -> Place:
        """The group the role is held in: Östervåla, or Sandviken for someone of the other workspace."""
        return self.world.remote if self.scope == "otherws" else self.world.own


@dataclass(frozen=True)
class Outcome:
    """What came of a request: what the fake Slack was sent, which tables changed, the HTTP answer."""

    sent: Sent
    changed: list[str]
    answer: str

    @property
    def text(self) -> str:
        """Everything the person could have been shown."""
        return self.sent.text + self.answer

    def refused(self, also: tuple[str, ...] = ()) -> bool:
        """Whether one of the kind refusals (or of the texts given) was shown."""
        text = self.text
        return any(refusal in text for refusal in (*REFUSALS, *also))


Allowed = Callable[[str, str], bool]
Check = Callable[[Cell, Outcome], bool]
Prepare = Callable[[Cell], None]


@dataclass(frozen=True)
class Row:
    """One command, button or form: `covers` names it ("command:medlem", "action:case.status", "view:form.case",
    "dm:nytt ärende"); `works` tells an allowed request that did its job."""

    covers: str
    name: str
    send: Callable[[Cell], Response]
    allowed: Allowed
    works: Check
    prepare: Prepare | None = None
    names_are_data: bool = True
    also_kind: tuple[str, ...] = ()  # other kind answers that count as a refusal in this row


# ----- who may


def everyone(role: str, scope: str) -> bool:
    """No group data is involved."""
    return True


def in_workspace(role: str, scope: str) -> bool:
    """Anyone of the group's own workspace."""
    return scope != "otherws"


def member(role: str, scope: str) -> bool:
    """A member of the group, or the förbund of its workspace."""
    return scope != "otherws" and (role == "förbund" or (scope == "own" and role in GROUP_ROLES))


def manager(role: str, scope: str) -> bool:
    """The group's sammankallande or samordnare, or the förbund of its workspace."""
    return scope != "otherws" and (role == "förbund" or (scope == "own" and role in MANAGING))


def group_member(role: str, scope: str) -> bool:
    """A member of the group itself (the förbund role is no membership)."""
    return scope == "own" and role in GROUP_ROLES


def own_members_anywhere(role: str, scope: str) -> bool:
    """Workspace-wide from a DM: a member of some group, or the förbund, of whichever workspace they are in."""
    return role in GROUP_ROLES or role == "förbund"


def forbund(role: str, scope: str) -> bool:
    """The förbund of the workspace the request comes from (for the other workspace: about its own groups)."""
    return role == "förbund"


def trusted(role: str, scope: str) -> bool:
    """Someone who may give the förbund role of their own workspace."""
    return role in ("förbund", "admin")


def nobody(role: str, scope: str) -> bool:
    """Refused whoever asks."""
    return False


def only_own(role: str, scope: str) -> bool:
    """Anyone, but only in a channel nobody has linked."""
    return scope == "own"


# ----- did it work


def says(text: str | Callable[[Cell], str]) -> Check:
    """The person was shown the text."""
    return lambda cell, outcome: (text(cell) if callable(text) else text) in outcome.text


def shows(kind: str, of: Callable[[Cell], Place] = lambda cell: cell.target) -> Check:
    """The person was shown (or sent a file with) the group's data of that kind."""
    return lambda cell, outcome: of(cell).marker(kind) in outcome.text


def changes(*tables: str) -> Check:
    """Every one of the tables changed."""
    return lambda cell, outcome: all(table in outcome.changed for table in tables)


def opens_form(cell: Cell, outcome: Outcome) -> bool:
    """A modal was opened."""
    return any(call.method == "views.open" for call in outcome.sent.calls)


def answered(cell: Cell, outcome: Outcome) -> bool:
    """Something was said to the person."""
    return any(call.method in ("response_url", "chat.postMessage", "chat.postEphemeral") for call in outcome.sent.calls)


def both(*checks: Check) -> Check:
    """Every check holds."""
    return lambda cell, outcome: all(check(cell, outcome) for check in checks)


def holds_forbund(user: Callable[[Cell], str], team: Callable[[Cell], str], held: bool = True) -> Check:
    """Whether the user has (or, held=False, has not) the förbund role of the workspace afterwards."""

    def check(cell: Cell, outcome: Outcome) -> bool:
        with cell.bot.services.db.unit_of_work() as session:
            return roles_repo.holds_forbund(session, team_id=team(cell), user_id=user(cell)) is held

    return check


# ----- setting up a cell


def prepare_all(*steps: Prepare) -> Prepare:
    """Several set-up steps in order."""

    def run(cell: Cell) -> None:
        for step in steps:
            step(cell)

    return run


def in_db(change: Callable[[Any, Cell], None]) -> Prepare:
    """A set-up step written straight into the database."""

    def run(cell: Cell) -> None:
        with cell.bot.services.db.unit_of_work() as session:
            change(session, cell)

    return run


def _no_conversations(session: Any, cell: Cell) -> None:
    session.execute(delete(Conversation).where(Conversation.team_id == cell.team, Conversation.user_id == cell.user))


no_conversations = in_db(_no_conversations)


# ----- running


def cells(bot: Bot, settled: Settled, world: World) -> list[Cell]:
    """Every role in every place, in a fixed order."""
    other = other_workspace(bot)
    found = []
    for n, (role, scope) in enumerate(product(ROLES, SCOPES)):
        sim = other if scope == "otherws" else bot.sim
        target = world.other if scope == "other" else world.own
        user = user_of(role, sim.team_id)
        found.append(Cell(role, scope, n, bot, settled, world, sim, user, target.channel, target))
    return found


def run_row(bot: Bot, settled: Settled, world: World, row: Row) -> list[str]:
    """Send the row's request from every cell; what went wrong, one line each."""
    problems: list[str] = []
    last: dict[str, list[Any]] | None = None
    for cell in cells(bot, settled, world):
        if row.prepare is not None:
            row.prepare(cell)
            last = None
        before = last if last is not None else snapshot(bot.services)
        point = mark(bot)
        response = settled.after(lambda cell=cell: row.send(cell))  # type: ignore[misc]
        last = snapshot(bot.services)
        outcome = Outcome(sent_since(bot, point), changed_tables(before, last), _readable(response.text))
        problems += [f"{row.name} · {cell.role} · {cell.scope}: {p}" for p in judge(row, cell, outcome)]
    return problems


def _readable(answer: str) -> str:
    """The HTTP answer (a form's errors are JSON) as the person would read it."""
    try:
        return json.dumps(json.loads(answer), ensure_ascii=False)
    except ValueError:
        return answer


def judge(row: Row, cell: Cell, outcome: Outcome) -> list[str]:
    """What is wrong with the outcome of a cell, if anything."""
    problems = []
    if row.allowed(cell.role, cell.scope):
        if outcome.refused():
            problems.append("refused but should be allowed")
        elif not row.works(cell, outcome):
            problems.append(f"allowed but did not work (changed {outcome.changed})")
    else:
        if outcome.changed:
            problems.append(f"refused but changed {outcome.changed}")
        if not outcome.refused(row.also_kind):
            problems.append("no kind refusal shown: " + outcome.text[:300])
    leaked = outcome.sent.leaks(forbidden(row, cell, row.allowed(cell.role, cell.scope)))
    if leaked:
        problems.append(f"sent data it must not: {leaked}")
    return problems


def forbidden(row: Row, cell: Cell, allowed: bool) -> tuple[str, ...]:
    """What a cell must not be sent: nothing of the other workspace ever, nor of the target when refused."""
    if cell.scope == "otherws":
        found = cell.world.first_workspace
        return found if row.names_are_data else tuple(m for m in found if m not in ("Östervåla", "Skutskär"))
    found = (*cell.world.remote.markers, "Sandviken", user_of("förbund", "T0OTHER"))
    return found if allowed else (*found, *cell.target.markers)


def covered(rows: list[Row]) -> set[str]:
    """What the rows cover."""
    return {row.covers for row in rows}


def the_team(cell: Cell) -> str:
    """The workspace the request came from."""
    return cell.team


def first_team(cell: Cell) -> str:
    """T0LOKUS."""
    return TEAM
