"""The förbund role's table on SQLite and PostgreSQL, and migration 0007 that stops keeping it per group."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import event, insert, inspect, select, text
from sqlalchemy.exc import IntegrityError

from storage import groups as groups_repo
from storage import migrate
from storage import roles as repo
from storage.db import Database
from storage.models import AuditEntry, ForbundRole, Member

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def test_the_role_is_per_workspace_and_remembers_who_gave_it(database: Database) -> None:
    with database.unit_of_work() as session:
        one = groups_repo.get_or_create_workspace(session, team_id="T1")
        groups_repo.get_or_create_workspace(session, team_id="T2")
        role, new = repo.grant_forbund(session, workspace=one, user_id="UFORA", granted_by="UADMIN", now=NOW)
        assert new and (role.granted_by, role.granted_at) == ("UADMIN", NOW)
        again, new = repo.grant_forbund(session, workspace=one, user_id="UFORA", granted_by="UOTHER", now=NOW)
        assert again is role and not new and again.granted_by == "UADMIN"
    with database.unit_of_work() as session:
        assert repo.holds_forbund(session, team_id="T1", user_id="UFORA")
        assert not repo.holds_forbund(session, team_id="T2", user_id="UFORA")
        assert not repo.holds_forbund(session, team_id="T1", user_id="UBERTIL")
        one = groups_repo.get_or_create_workspace(session, team_id="T1")
        assert [r.user_id for r in repo.forbund_holders(session, workspace=one)] == ["UFORA"]
        assert repo.revoke_forbund(session, workspace=one, user_id="UFORA") is not None
        assert repo.revoke_forbund(session, workspace=one, user_id="UFORA") is None
    with database.unit_of_work() as session:
        assert not repo.holds_forbund(session, team_id="T1", user_id="UFORA")


def test_one_row_per_workspace_and_user(database: Database) -> None:
    with database.unit_of_work() as session:
        workspace_id = groups_repo.get_or_create_workspace(session, team_id="T1").id
    with pytest.raises(IntegrityError), database.unit_of_work() as session:
        for _ in range(2):
            session.add(ForbundRole(workspace_id=workspace_id, user_id="UFORA", granted_by="cli", granted_at=NOW))
            session.flush()


def test_whether_a_group_has_a_manager_reads_one_row_however_many_members(database: Database) -> None:
    with database.unit_of_work() as session:
        workspace = groups_repo.get_or_create_workspace(session, team_id="T1")
        group = groups_repo.create_group(session, workspace=workspace, name="Heby", channel_id="C1")
        rows = [{"group_id": group.id, "user_id": f"U{n}", "party": "af", "roles": "ledamot"} for n in range(1000)]
        session.execute(insert(Member), [{**row, "created_at": NOW} for row in rows])
        groups_repo.upsert_member(session, group=group, user_id="UANNA", party="kommun", roles=["samordnare"])
    loaded: list[object] = []
    with database.unit_of_work() as session:
        event.listen(session, "loaded_as_persistent", lambda s, instance: loaded.append(instance))
        group = groups_repo.find_group_by_channel(session, team_id="T1", channel_id="C1")
        assert group is not None
        assert groups_repo.has_member_with_role(session, group=group, roles=["samordnare", "sammankallande"])
        assert not groups_repo.has_member_with_role(session, group=group, roles=["samordnare"], other_than="UANNA")
        assert groups_repo.find_member(session, group=group, user_id="U7") is not None
    assert sum(isinstance(instance, Member) for instance in loaded) == 1


def _old_style_world(database: Database) -> None:
    """Before 0007: the förbund role as one of a member's roles in some group."""
    with database.unit_of_work() as session:
        workspace = groups_repo.get_or_create_workspace(session, team_id="T1")
        heby = groups_repo.create_group(session, workspace=workspace, name="Heby", channel_id="C1")
        for user, roles in (("UFORA", "förbund"), ("UANNA", "samordnare,förbund"), ("UBERTIL", "ledamot")):
            session.execute(
                insert(Member).values(group_id=heby.id, user_id=user, party="af", roles=roles, created_at=NOW)
            )


def test_the_migration_keeps_no_forbund_role_given_by_nobody_trusted_and_says_so_in_the_audit_log(
    database: Database,
) -> None:
    migrate.downgrade(database.engine, "0006")
    assert "forbund_roles" not in inspect(database.engine).get_table_names()
    with database.engine.begin() as connection:  # the 0006 schema has no created_by: write rows by hand
        connection.execute(text("INSERT INTO workspaces (team_id, created_at) VALUES ('T1', :now)"), {"now": NOW})
        connection.execute(
            text(
                "INSERT INTO groups (workspace_id, name, name_key, channel_id, settings, created_at) "
                "VALUES (1, 'Heby', 'heby', 'C1', '{}', :now)"
            ),
            {"now": NOW},
        )
        for user, roles in (("UFORA", "förbund"), ("UANNA", "samordnare,förbund"), ("UBERTIL", "ledamot")):
            connection.execute(
                text(
                    "INSERT INTO members (group_id, user_id, party, roles, created_at) "
                    "VALUES (1, :user, 'af', :roles, :now)"
                ),
                {"user": user, "roles": roles, "now": NOW},
            )
    migrate.upgrade(database.engine)
    with database.unit_of_work() as session:
        members = {m.user_id: m.roles for m in session.scalars(select(Member))}
        assert members == {"UANNA": "samordnare", "UBERTIL": "ledamot"}
        assert session.scalars(select(ForbundRole)).all() == []
        entries = session.scalars(select(AuditEntry).where(AuditEntry.action == "role.forbund_not_carried")).all()
        assert sorted((e.user_id, e.detail["user"], e.detail["membership_kept"]) for e in entries) == [
            ("migration", "UANNA", True),
            ("migration", "UFORA", False),
        ]
        assert {e.team_id for e in entries} == {"T1"}
        group = groups_repo.find_group_by_channel(session, team_id="T1", channel_id="C1")
        assert group is not None and group.created_by is None


def test_down_again_the_role_goes_back_on_the_holders_memberships(database: Database) -> None:
    _old_style_world(database)  # rows written with today's models; förbund on them is what 0007 would find
    with database.unit_of_work() as session:
        workspace = groups_repo.get_or_create_workspace(session, team_id="T1")
        repo.grant_forbund(session, workspace=workspace, user_id="UBERTIL", granted_by="cli", now=NOW)
    migrate.downgrade(database.engine, "0006")
    with database.engine.connect() as connection:
        roles = dict(connection.execute(text("SELECT user_id, roles FROM members")).all())
        assert roles == {"UFORA": "förbund", "UANNA": "samordnare,förbund", "UBERTIL": "ledamot,förbund"}, (
            "the members are all still there: taking the column off did not rebuild (and empty) their group"
        )
    migrate.upgrade(database.engine)
    assert migrate.is_current(database.engine)
