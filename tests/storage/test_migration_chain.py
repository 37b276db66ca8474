"""The migrations form one line: every revision but the first revises exactly one other, and there is one head.

Two branches written at the same time both revising the same parent give alembic two heads, which `upgrade heads`
still applies, so nothing else would notice until a downgrade or the next migration met them.
"""

from alembic.script import ScriptDirectory

from storage.migrate import alembic_config


def test_the_migrations_have_one_head_and_no_branches() -> None:
    scripts = ScriptDirectory.from_config(alembic_config())
    assert len(scripts.get_heads()) == 1
    revisions = list(scripts.walk_revisions())
    parents = [r.down_revision for r in revisions]
    assert sorted(r.revision for r in revisions) == [f"{n:04d}" for n in range(1, len(revisions) + 1)]
    assert len(parents) == len(set(parents))
