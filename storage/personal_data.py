"""Where a Slack user id lives: every table and column that holds one, and what erasure does with it.

This one registry is read by a person's own export (`/lokus mina uppgifter`), by erasure (`lokusbot people
remove`, `/lokus medlem bort @x --glöm`) and by the tests: one scans every column of the metadata for an erased
id, another fails when a model gains a column that looks like a user id (or free text, or JSON) that is not
listed here or in NO_PERSON. A new table with a user id gets its line here; nothing else needs to change.

How a place is erased:
    DELETE   the row is the person's own (a membership, their conversation): deleted
    REPLACE  the column holds the id: it becomes the pseudonym
    CLEAR    the column holds the id of someone who is to do something (write a section): emptied, free to give
    TEXT     free text that may mention the id ("<@U123|anna>"): each mention becomes the pseudonym
    JSON     JSON that may hold the id anywhere (an audit detail, a conversation's answers): likewise
    NAME     a name the person typed beside their id on the same row (an approval's printed name): the pseudonym
"""

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import Column, ColumnElement, DateTime, Integer, MetaData, String, Table, cast, false, select, true

import storage.all_models  # noqa: F401  (the metadata is complete)
from storage.base import Base


class How(StrEnum):
    """What erasure does at a place."""

    DELETE = "delete"
    REPLACE = "replace"
    CLEAR = "clear"
    TEXT = "text"
    JSON = "json"
    NAME = "name"


@dataclass(frozen=True)
class Place:
    """One column that holds (or may mention) a user id; `shows` are the columns a person's export shows with
    it, `kind` names the part of the export, `beside` is the id column a NAME belongs to."""

    table: str
    column: str
    how: How
    kind: str
    shows: tuple[str, ...] = ()
    beside: str = ""

    @property
    def name(self) -> str:
        """ "table.column"."""
        return f"{self.table}.{self.column}"


SLACK_TABLES = MetaData()
"""The tables slack_sdk's stores own (migration 0009), as far as a person is in them: who installed the app."""
Table(
    "slack_installations",
    SLACK_TABLES,
    Column("id", Integer, primary_key=True),
    Column("team_id", String(32)),
    Column("user_id", String(32)),
    Column("installed_at", DateTime()),
)

_AUDIT = ("action", "entity", "entity_id", "at")
PLACES: tuple[Place, ...] = (
    Place("members", "user_id", How.DELETE, "memberships", ("group_id", "party", "roles", "created_at")),
    Place("forbund_roles", "user_id", How.DELETE, "roles", ("workspace_id", "granted_at")),
    Place("forbund_roles", "granted_by", How.REPLACE, "roles_given", ("workspace_id", "granted_at")),
    Place(
        "conversations", "user_id", How.DELETE, "conversations", ("flow", "status", "started_at", "updated_at", "state")
    ),
    Place("conversations", "state", How.JSON, "mentions"),
    Place("groups", "created_by", How.REPLACE, "groups_linked", ("name", "created_at")),
    Place("groups", "settings", How.JSON, "mentions"),
    Place("audit_log", "user_id", How.REPLACE, "audit_by", _AUDIT),
    Place("audit_log", "detail", How.JSON, "audit_about", _AUDIT),
    Place("cases", "created_by", How.REPLACE, "cases", ("group_id", "number", "raised_on", "status")),
    Place("cases", "note", How.TEXT, "mentions"),
    Place("cases", "failure_text", How.TEXT, "mentions"),
    Place("case_notes", "user_id", How.REPLACE, "case_notes", ("case_id", "at", "text")),
    Place("case_notes", "text", How.TEXT, "mentions"),
    Place("meetings", "convenor", How.REPLACE, "meetings_convened", ("group_id", "starts_at", "status")),
    Place("meetings", "minute_taker", How.REPLACE, "meetings_minute_taker", ("group_id", "starts_at")),
    Place("meetings", "minutes_by", How.REPLACE, "minutes", ("group_id", "starts_at", "minutes", "minutes_at")),
    Place("meetings", "minutes", How.TEXT, "mentions"),
    Place("meetings", "place", How.TEXT, "mentions"),
    Place("meeting_agenda_items", "added_by", How.REPLACE, "agenda_items", ("group_id", "meeting_id", "text")),
    Place("meeting_agenda_items", "text", How.TEXT, "mentions"),
    Place("meeting_rsvps", "user_id", How.REPLACE, "rsvps", ("meeting_id", "party", "answer", "answered_at")),
    Place("plans", "created_by", How.REPLACE, "plans_created", ("group_id", "template", "year", "created_at")),
    Place("plan_sections", "assignee", How.CLEAR, "sections_assigned", ("plan_id", "key", "assigned_at")),
    Place("plan_sections", "answered_by", How.REPLACE, "sections_written", ("plan_id", "key", "answers")),
    Place("plan_sections", "answers", How.JSON, "mentions"),
    Place("plan_sections", "proposal", How.JSON, "mentions"),
    Place("plan_revisions", "user_id", How.REPLACE, "revisions", ("section_id", "number", "answers", "at")),
    Place("plan_revisions", "answers", How.JSON, "mentions"),
    Place(
        "plan_approvals",
        "user_id",
        How.REPLACE,
        "approvals",
        ("plan_id", "party", "name", "organisation", "approved_at", "withdrawn_at"),
    ),
    Place("plan_approvals", "name", How.NAME, "approvals", beside="user_id"),
    Place("pending_erasures", "user_id", How.DELETE, "pending_erasure", ("noticed_at", "due_at")),
    Place("published_summaries", "requested_by", How.REPLACE, "summaries_posted", ("group_id", "published_at")),
    Place("published_summaries", "content", How.JSON, "mentions"),
    Place("insatser", "created_by", How.REPLACE, "insatser_written", ("group_id", "name", "created_at")),
    Place("insatser", "owner_user", How.REPLACE, "insatser_owned", ("group_id", "name", "status")),
    Place("insatser", "decided_by", How.REPLACE, "insats_decisions", ("group_id", "name", "status", "decided_at")),
    Place("insatser", "answers", How.JSON, "mentions"),
    Place("insatser", "conditions", How.TEXT, "mentions"),
    Place("insatser", "reason", How.TEXT, "mentions"),
    Place("insats_goals", "text", How.TEXT, "mentions"),
    Place(
        "insats_approvals", "user_id", How.REPLACE, "insats_approvals", ("insats_id", "party", "name", "approved_at")
    ),
    Place("insats_approvals", "name", How.NAME, "insats_approvals", beside="user_id"),
    Place("insats_reports", "answered_by", How.REPLACE, "insats_reports", ("insats_id", "kind", "answered_at")),
    Place("insats_reports", "answers", How.JSON, "mentions"),
    Place("evaluation_surveys", "started_by", How.REPLACE, "evaluations_started", ("group_id", "year", "closes_on")),
    Place("evaluation_respondents", "user_id", How.DELETE, "evaluations_asked", ("survey_id", "has_answered")),
    Place("evaluation_texts", "text", How.TEXT, "mentions"),
    Place("outbox", "payload", How.JSON, "mentions"),  # a message not yet delivered (delivered ones are swept)
    Place("slack_installations", "user_id", How.REPLACE, "installations", ("team_id", "installed_at")),
)

NO_PERSON: dict[str, str] = {
    "workspaces.team_id": "a workspace, not a person",
    "workspaces.enterprise_id": "an Enterprise Grid org",
    "groups.channel_id": "a channel",
    "conversations.team_id": "a workspace",
    "conversations.channel_id": "a channel",
    "audit_log.team_id": "a workspace",
    "audit_log.entity_id": "the id of a row (a member's row id, never a Slack user id)",
    "meetings.channel_id": "a channel",
    "processed_events.event_id": "an event id from Slack",
    "pending_erasures.team_id": "a workspace",
    "job_claims.key": "ids of rows (meetings, plans, conversations) and dates, never a Slack user id",
    "insatser.owner_party": "a party (af, fk, region, kommun)",
    "evaluation_surveys.questions": "the survey's questions, as the förbund's file has them",
    "evaluation_ballots.answers": "scores 1–5 with no link to anyone, by design (docs/SECURITY.md, evaluation)",
}
"""Columns that look like they could hold a person (an id, free text, JSON) but do not, each with the reason."""


def table(place: Place) -> Table:
    """The table of a place."""
    if place.table in Base.metadata.tables:
        return Base.metadata.tables[place.table]
    return SLACK_TABLES.tables[place.table]


def in_team(of: Table, team_id: str | None) -> ColumnElement[bool]:
    """A condition on the table's rows: in the workspace (any workspace for None), found through its foreign keys
    to the workspace (`team_id`, `workspace_id`, a group, or a parent row that has one of those)."""
    if team_id is None:
        return true()
    if "team_id" in of.c and of.name != "workspaces":
        return of.c.team_id == team_id
    workspaces = Base.metadata.tables["workspaces"]
    if of.name == "workspaces":
        return workspaces.c.team_id == team_id
    for key in sorted(of.foreign_keys, key=lambda fk: fk.parent.name):
        if key.constraint is None or len(key.constraint.columns) != 1:
            continue
        parent = key.column.table
        return key.parent.in_(select(key.column).where(in_team(parent, team_id)))
    return false()


def mentions(place: Place, user_id: str) -> ColumnElement[bool]:
    """Rows whose column holds or mentions the id (a text prefilter: the caller checks each row)."""
    column = table(place).c[place.column]
    if place.how in (How.DELETE, How.REPLACE, How.CLEAR):
        return column == user_id
    return cast(column, String).contains(user_id, autoescape=True)


def where_held(place: Place, user_id: str, team_id: str | None) -> ColumnElement[bool]:
    """The rows of the place that hold the id, in the workspace (any for None)."""
    held = table(place).c[place.beside] == user_id if place.how == How.NAME else mentions(place, user_id)
    return held & in_team(table(place), team_id)
