"""The dashboard's read model: whom it is for, and what each provider adds to a group's part of it.

A provider is `(scope) -> {group id: GroupRow}`: it reads what it shows for all the person's groups at once
(a few queries, never one per group) and says which parts are always shown, which may be left out when the
view is full, and the short phrase for a group that is only summarised. `layout.ROWS` lists the providers;
adding a row to every group's part of the Home tab is one line there.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from handlers.context import Ctx
from handlers.replies import Part
from handlers.text import Text
from storage.home import Membership


@dataclass(frozen=True)
class HomeScope:
    """The person whose Home tab is built, and their groups (of the request's workspace only)."""

    ctx: Ctx
    groups: tuple[Membership, ...]

    @property
    def group_ids(self) -> list[int]:
        """The ids of the person's groups."""
        return [g.group_id for g in self.groups]

    @property
    def user_id(self) -> str:
        """Whose Home tab it is."""
        return self.ctx.actor.user_id


@dataclass(frozen=True)
class GroupRow:
    """One provider's part of one group: `parts` always shown (one block each), `items` shown while the view has
    room (each a few parts, e.g. a case and its buttons), `brief` for a group only summarised in a line."""

    parts: tuple[Part, ...] = ()
    items: tuple[tuple[Part, ...], ...] = ()
    brief: Text | None = None


Provider = Callable[[HomeScope], Mapping[int, GroupRow]]
