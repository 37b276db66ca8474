"""The migrations build exactly the schema the models declare, on SQLite and on PostgreSQL."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

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


def test_the_migrated_database_matches_the_models(database: Database) -> None:
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    assert differences == [], f"a migration is missing for: {differences}"
