"""The migrations build exactly the schema the models declare, on SQLite and on PostgreSQL – and the tables of
slack_sdk's OAuth stores exactly as slack_sdk builds them (migration 0009 writes them out by hand)."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import MetaData

import storage.case_models
import storage.meeting_models
import storage.models
import storage.outbox_models
import storage.plan_models
from storage.base import Base
from storage.db import Database

MODEL_MODULES = (
    storage.models,
    storage.case_models,
    storage.meeting_models,
    storage.plan_models,
    storage.outbox_models,
)
STORE_TABLES = {"slack_installations", "slack_bots", "slack_oauth_states"}


def expected_schema() -> MetaData:
    """The models' tables and the stores' tables, with the names the bot gives the stores (their defaults)."""
    metadata = MetaData(naming_convention=Base.metadata.naming_convention)
    for table in Base.metadata.tables.values():
        table.to_metadata(metadata)
    installations = SQLAlchemyInstallationStore
    installations.build_installations_table(metadata, installations.default_installations_table_name)
    installations.build_bots_table(metadata, installations.default_bots_table_name)
    states = SQLAlchemyOAuthStateStore
    states.build_oauth_states_table(metadata, states.default_table_name)
    return metadata


def test_the_migrated_database_matches_the_models(database: Database) -> None:
    expected = expected_schema()
    assert set(expected.tables) >= STORE_TABLES
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, expected)
    assert differences == [], f"a migration is missing for: {differences}"


def test_the_comparison_sees_a_store_table_that_differs(database: Database) -> None:
    expected = expected_schema()
    expected.tables["slack_bots"].c.bot_scopes.type.length = 2000  # type: ignore[attr-defined]
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, expected)
    assert [d[0][0] for d in differences if isinstance(d, list)] == ["modify_type"]
