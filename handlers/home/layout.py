"""The Home tab put together: a header with the two buttons, then each group's part, all within 100 blocks.

Every part becomes one block (bot/blocks.py), so the layout counts parts. Groups are shown in full while their
fixed parts fit; the rest are summarised a line each. The room left is shared out item by item (a case and its
buttons), the first item of every group before the second of any, so one busy group does not crowd out others.
"""

from collections.abc import Sequence
from itertools import zip_longest

from handlers.context import Ctx
from handlers.home.insats_rows import report_rows
from handlers.home.model import GroupRow, HomeScope, Provider
from handlers.home.rows import approval_rows, case_rows, meeting_rows, section_rows
from handlers.replies import Button, Buttons, Divider, Header, Note, Paragraph, Part, Reply, Style, reply
from handlers.text import Join, Text, t
from storage import home as repo

MAX_BLOCKS = 100  # Slack's limit for a Home tab view
BRIEF_LINES = 10  # summarised groups per paragraph (each line is short; a section holds 3 000 characters)
HOME_SUMMARY = "home.summary"
HOME_NEW_CASE = "home.new_case"

# One line per row of every group's part, in the order shown.
ROWS: tuple[Provider, ...] = (meeting_rows, case_rows, section_rows, approval_rows, report_rows)


def dashboard(ctx: Ctx, providers: Sequence[Provider] = ROWS) -> Reply:
    """The person's Home tab: their groups' next meetings, cases, sections and approvals; or how to start."""
    groups = repo.memberships(ctx.session, team_id=ctx.actor.team_id, user_id=ctx.actor.user_id)
    if not groups:
        return getting_started()
    scope = HomeScope(ctx, tuple(groups))
    rows = [provider(scope) for provider in providers]
    top: list[Part] = [Header(t("home.dashboard_title")), _top_buttons()]
    budget = MAX_BLOCKS - len(top) - 1  # one left for the closing note
    per_group = [[row[g.group_id] for row in rows if g.group_id in row] for g in groups]
    shown = _groups_in_full(per_group, budget)
    parts = [*top, *_layout(groups[:shown], per_group[:shown], budget - _brief_cost(len(groups) - shown))]
    parts.extend(_briefs(groups[shown:], per_group[shown:]))
    parts.append(Note(t("home.hint_dashboard")))
    return reply(*parts)


def getting_started() -> Reply:
    """For someone in no group: what the bot is and how a group gets going."""
    return reply(
        Header(t("home.title")),
        Paragraph(t("home.intro")),
        Paragraph(t("home.get_started")),
        Note(t("home.hint")),
    )


def _top_buttons() -> Buttons:
    return Buttons(
        (
            Button(HOME_NEW_CASE, "", t("home.button.new_case"), Style.PRIMARY),
            Button(HOME_SUMMARY, "", t("home.button.summary")),
        )
    )


def _fixed_cost(rows: Sequence[GroupRow]) -> int:
    return 2 + sum(len(row.parts) for row in rows)  # a divider and the group's header


def _brief_cost(count: int) -> int:
    """The blocks of the summary of `count` groups: a divider, a line saying so, and the paragraphs."""
    return 2 + -(-count // BRIEF_LINES) if count else 0


def _groups_in_full(per_group: Sequence[Sequence[GroupRow]], budget: int) -> int:
    """How many groups (from the first) fit in full, leaving room to summarise the others."""
    used, shown = 0, 0
    for rows in per_group:
        cost = _fixed_cost(rows)
        if used + cost + _brief_cost(len(per_group) - shown - 1) > budget:
            break
        used, shown = used + cost, shown + 1
    return shown


def _layout(groups: Sequence[repo.Membership], per_group: Sequence[Sequence[GroupRow]], budget: int) -> list[Part]:
    """The groups in full, with as many items as the budget leaves room for."""
    room = budget - sum(_fixed_cost(rows) for rows in per_group)
    chosen: dict[tuple[int, int], int] = {}
    queues = [[(g, r, len(row.items)) for r, row in enumerate(rows)] for g, rows in enumerate(per_group)]
    for depth in range(max((len(row.items) for rows in per_group for row in rows), default=0)):
        for g, r, available in (entry for queue in queues for entry in queue):
            item = per_group[g][r].items[depth] if depth < available else None
            if item is None or len(item) > room:
                continue
            chosen[(g, r)] = depth + 1
            room -= len(item)
    parts: list[Part] = []
    for g, (group, rows) in enumerate(zip(groups, per_group, strict=True)):
        parts.extend((Divider(), Header(t("home.group", group=group.name))))
        for r, row in enumerate(rows):
            parts.extend(row.parts)
            for item in row.items[: chosen.get((g, r), 0)]:
                parts.extend(item)
    return parts


def _briefs(groups: Sequence[repo.Membership], per_group: Sequence[Sequence[GroupRow]]) -> list[Part]:
    """The groups not shown in full, a line each, in paragraphs of BRIEF_LINES."""
    if not groups:
        return []
    lines = [_brief_line(group, rows) for group, rows in zip(groups, per_group, strict=True)]
    chunks = zip_longest(*[iter(lines)] * BRIEF_LINES)
    paragraphs: list[Part] = [Divider(), Paragraph(t("home.more_groups", count=len(groups)))]
    paragraphs.extend(Paragraph(Join(tuple(line for line in chunk if line is not None), sep="\n")) for chunk in chunks)
    return paragraphs


def _brief_line(group: repo.Membership, rows: Sequence[GroupRow]) -> Text:
    briefs = tuple(row.brief for row in rows if row.brief is not None)
    return t("home.brief", group=group.name, what=Join(briefs, sep=" · ") if briefs else t("home.brief.nothing"))
