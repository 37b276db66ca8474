"""Who may do what, as a table: every `/lokus` command, DM phrase, button, form and workflow step × every role
(none, ledamot, samordnare, sammankallande, förbund, Slack workspace admin) × own group / other group / other
workspace.

Everything goes through signed HTTP into the real app against the fake Slack. An allowed request must do its job
and show no refusal; a refused one must change nothing in the database and show a kind refusal. No request may
be sent data of the other workspace, and a refused one none of the group it was about. Each area builds the
world once (tests/security/roles_world.py) and runs all of its rows (tests/security/matrix_rows.py); a failure
lists every cell that went wrong.
"""

import pytest

from handlers.app import build_router
from tests.bot.conftest import Bot
from tests.security.harness import Settled, settled
from tests.security.matrix import covered, run_row
from tests.security.matrix_rows import AREAS as FEATURE_AREAS
from tests.security.matrix_rows_evaluation import EVALUATION
from tests.security.roles_world import build_world

__all__ = ["settled"]
AREAS = {**FEATURE_AREAS, "evaluation": EVALUATION}
ROWS = [row for rows in AREAS.values() for row in rows]


@pytest.mark.parametrize("area", list(AREAS))
def test_every_role_in_every_place(bot: Bot, settled: Settled, area: str) -> None:
    world = build_world(bot)
    problems = [problem for row in AREAS[area] for problem in run_row(bot, settled, world, row)]
    assert problems == [], "\n" + "\n".join(problems)


def test_the_table_has_every_command_phrase_button_and_form_of_the_bot() -> None:
    router = build_router()
    commands = {f"command:{c.name}" for c in router.listed_commands()}
    actions = {f"action:{a}" for a in router.actions}
    dms = {f"dm:{key}" for key in router.understanding.intents}
    forms = {f"view:form.{flow}" for flow in ("case",)}
    shortcuts = {f"shortcut:{callback}" for callback in router.shortcuts}
    steps = {f"step:{callback_id}" for callback_id in router.steps}
    missing = (commands | actions | dms | forms | shortcuts | steps) - covered(ROWS)
    assert missing == set()
