"""Case numbers under load: many people submitting the case form at once in one group all get a number.

Before, 12 simultaneous submissions on SQLite gave five HTTP 500s (IntegrityError on the case number): the
highest number was read outside any lock, since SQLite ignores SELECT … FOR UPDATE.
"""

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from tests.bot.conftest import Bot
from tests.bot.test_e2e_cases import _form_state
from tests.handlers.test_cases_helpers import stored_cases

HEBY = "CHEBY"
PEOPLE = [f"UMEMBER{n:02d}" for n in range(1, 15)]
FILLED = {
    "raised_on": "2026-11-20",
    "party": "fk",
    "gender": "kvinna",
    "age_band": "30-39",
    "target_groups": ["sjukskrivna"],
    "failures": ["ansvarsfordelning"],
    "referred_tr": "nej",
    "failure_text": "Oklart vem som äger frågan",
}


def _group_with_members(bot: Bot, people: list[str]) -> None:
    assert bot.sim.slash_command(people[0], HEBY, "koppla Heby").status == 200
    bot.fake.wait_for("chat.postMessage")
    for count, person in enumerate(people, start=2):
        assert bot.sim.slash_command(people[0], HEBY, f"medlem <@{person}> kommun samordnare").status == 200
        bot.fake.wait_for("chat.postMessage", count=count)


def _open_forms(bot: Bot, people: list[str]) -> dict[str, dict[str, Any]]:
    views = {}
    for count, person in enumerate(people, start=1):
        assert bot.sim.slash_command(person, HEBY, "ärende form").status == 200
        views[person] = bot.fake.wait_for("views.open", count=count)[-1].args["view"]
    return views


def test_fourteen_people_submitting_the_case_form_at_once_all_get_numbers_one_to_fourteen(bot: Bot) -> None:
    _group_with_members(bot, PEOPLE)
    views = _open_forms(bot, PEOPLE)
    start = threading.Barrier(len(PEOPLE))

    def submit(person: str) -> int:
        view = views[person]
        state = _form_state(view, FILLED)
        start.wait()
        return bot.sim.view_submission(person, view["callback_id"], state, view["private_metadata"]).status

    with ThreadPoolExecutor(len(PEOPLE)) as pool:
        statuses = list(pool.map(submit, PEOPLE))
    assert statuses == [200] * len(PEOPLE)
    saved = bot.fake.wait_for(
        "chat.postMessage", count=len(PEOPLE), predicate=lambda c: "registrerat" in str(c.args.get("text"))
    )
    assert len(saved) == len(PEOPLE)
    cases = stored_cases(bot.services)
    assert sorted(case.number for case in cases) == list(range(1, len(PEOPLE) + 1))
    assert sorted(case.created_by for case in cases) == sorted(PEOPLE)
