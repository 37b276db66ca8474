"""slack_sdk's installation and state stores on the tables migration 0009 makes, on SQLite and PostgreSQL; the
org a workspace belongs to; and 0009 taken down and up again."""

from datetime import UTC, datetime

from slack_sdk.oauth.installation_store import Installation
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import inspect, text

from storage import groups, migrate
from storage.db import Database
from tests.support.case_factory import make_group


def installation(team: str | None, enterprise: str | None = None, *, org_wide: bool = False) -> Installation:
    return Installation(
        app_id="A0LOKUS",
        enterprise_id=enterprise,
        team_id=team,
        bot_token=f"xoxb-{team or enterprise}",
        bot_id=f"B{team or enterprise}",
        bot_user_id=f"U{team or enterprise}BOT",
        bot_scopes="commands,chat:write",
        user_id="UINSTALLER",
        is_enterprise_install=org_wide,
        installed_at=datetime(2026, 12, 1, 9, tzinfo=UTC).timestamp(),
    )


def test_installs_are_saved_found_and_deleted(database: Database) -> None:
    store = SQLAlchemyInstallationStore(client_id="1.2", engine=database.engine)
    store.save(installation("T0HEBY"))
    store.save(installation(None, "E0REGION", org_wide=True))
    heby = store.find_bot(enterprise_id=None, team_id="T0HEBY")
    assert heby is not None and heby.bot_token == "xoxb-T0HEBY" and heby.bot_scopes == ["commands", "chat:write"]
    org = store.find_bot(enterprise_id="E0REGION", team_id="T0TIERP", is_enterprise_install=True)
    assert org is not None and org.bot_token == "xoxb-E0REGION"
    assert store.find_bot(enterprise_id=None, team_id="T0TIERP") is None
    assert (
        SQLAlchemyInstallationStore(client_id="9.9", engine=database.engine).find_bot(
            enterprise_id=None, team_id="T0HEBY"
        )
        is None
    )  # another app's installs are not this app's
    store.delete_all(enterprise_id=None, team_id="T0HEBY")
    assert store.find_bot(enterprise_id=None, team_id="T0HEBY") is None
    assert store.find_installation(enterprise_id=None, team_id="T0HEBY") is None
    assert store.find_bot(enterprise_id="E0REGION", team_id=None, is_enterprise_install=True) is not None


def test_a_state_is_good_once(database: Database) -> None:
    states = SQLAlchemyOAuthStateStore(expiration_seconds=600, engine=database.engine)
    state = states.issue()
    assert states.consume(state) is True
    assert states.consume(state) is False
    assert states.consume("never-issued") is False


def test_a_workspace_remembers_its_org(database: Database) -> None:
    with database.unit_of_work() as session:
        assert groups.enterprise_of(session, team_id="T0TIERP") is None
        groups.note_enterprise(session, team_id="T0TIERP", enterprise_id="E0REGION")
        groups.note_enterprise(session, team_id="T0TIERP", enterprise_id="E0REGION")
    with database.unit_of_work() as session:
        assert groups.enterprise_of(session, team_id="T0TIERP") == "E0REGION"
        assert groups.get_or_create_workspace(session, team_id="T0TIERP").enterprise_id == "E0REGION"


def test_0009_goes_down_and_up_again_keeping_the_groups(database: Database) -> None:
    with database.unit_of_work() as session:
        make_group(session, name="Heby", channel="CHEBY", team="T0HEBY")
        groups.note_enterprise(session, team_id="T0HEBY", enterprise_id="E0REGION")
    migrate.downgrade(database.engine, "0008")
    with database.engine.connect() as connection:
        assert connection.execute(text("SELECT name FROM groups")).scalars().all() == ["Heby"]
    inspector = inspect(database.engine)
    assert not {"slack_bots", "slack_installations", "slack_oauth_states"} & set(inspector.get_table_names())
    assert "enterprise_id" not in {c["name"] for c in inspector.get_columns("workspaces")}
    migrate.upgrade(database.engine)
    assert migrate.is_current(database.engine)
