"""Tables of the platform: workspaces, groups, members, the förbund role, conversations, processed events and the
audit log."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.base import AwareDateTime, Base
from storage.clock import utcnow


class Workspace(Base):
    """A Slack workspace (team) the bot is installed in; the console has one of its own."""

    __tablename__ = "workspaces"

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(String(32), unique=True)
    # The Enterprise Grid org the workspace belongs to, when it does (an org-wide install answers for it).
    enterprise_id: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(AwareDateTime(), default=utcnow)

    groups: Mapped[list["Group"]] = relationship(back_populates="workspace")


class Group(Base):
    """A LOKUS group: one per area, linked to one Slack channel."""

    __tablename__ = "groups"
    __table_args__ = (UniqueConstraint("workspace_id", "name_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(80))
    name_key: Mapped[str] = mapped_column(String(80))
    channel_id: Mapped[str | None] = mapped_column(String(32), unique=True)
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime(), default=utcnow)
    # Who linked the new group: its manager until the group has a sammankallande or samordnare.
    created_by: Mapped[str | None] = mapped_column(String(32))

    workspace: Mapped[Workspace] = relationship(back_populates="groups")
    members: Mapped[list["Member"]] = relationship(
        back_populates="group", cascade="all, delete-orphan", order_by="Member.id"
    )


class Member(Base):
    """A Slack user in a group, with the party they represent and their roles."""

    __tablename__ = "members"
    __table_args__ = (UniqueConstraint("group_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[str] = mapped_column(String(32), index=True)
    party: Mapped[str] = mapped_column(String(32))
    roles: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(AwareDateTime(), default=utcnow)

    group: Mapped[Group] = relationship(back_populates="members")

    @property
    def role_list(self) -> list[str]:
        """The roles as a list, in the order they were given."""
        return [role for role in self.roles.split(",") if role]


class ForbundRole(Base):
    """The förbund role of a user in one workspace: it spans every group there. Who gave it, and when."""

    __tablename__ = "forbund_roles"
    __table_args__ = (UniqueConstraint("workspace_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    user_id: Mapped[str] = mapped_column(String(32))
    granted_by: Mapped[str] = mapped_column(String(32))
    granted_at: Mapped[datetime] = mapped_column(AwareDateTime(), default=utcnow)


class Conversation(Base):
    """Where one person stands in one flow; the key is workspace, user, channel and thread."""

    __tablename__ = "conversations"
    __table_args__ = (UniqueConstraint("team_id", "user_id", "channel_id", "thread_ts"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(String(32))
    user_id: Mapped[str] = mapped_column(String(32))
    channel_id: Mapped[str] = mapped_column(String(32))
    thread_ts: Mapped[str] = mapped_column(String(32), default="")
    flow: Mapped[str] = mapped_column(String(64))
    state: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(16), default="active")
    started_at: Mapped[datetime] = mapped_column(AwareDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime(), default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class ProcessedEvent(Base):
    """An event id Slack has delivered; a second delivery of the same id is ignored."""

    __tablename__ = "processed_events"

    event_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    received_at: Mapped[datetime] = mapped_column(AwareDateTime(), default=utcnow, index=True)


class AuditEntry(Base):
    """Who changed what, and when. Holds ids and field names, never free text about a person."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(String(32), index=True)
    user_id: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(64))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    at: Mapped[datetime] = mapped_column(AwareDateTime(), default=utcnow, index=True)


class JobClaim(Base):
    """A scheduled job (a reminder, an automatic summary) that one process has claimed, so it runs once."""

    __tablename__ = "job_claims"

    key: Mapped[str] = mapped_column(String(128), primary_key=True)
    claimed_at: Mapped[datetime] = mapped_column(AwareDateTime(), default=utcnow)
