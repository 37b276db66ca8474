"""The yearly evaluation end to end over signed Slack requests, with anonymity checked in every table afterwards."""

import json
import time
from typing import Any

from sqlalchemy import select

from storage.base import Base
from storage.evaluation_models import FreeText
from storage.models import Conversation
from tests.bot.conftest import Bot
from tests.bot.test_e2e_meetings import HEBY, in_channel, setup_heby
from tests.bot.test_e2e_platform import blocks_text
from tests.handlers.evaluation_helpers import STATEMENTS, scores
from tests.support.fake_slack import Call
from tests.support.slack_chat import answer_by_key, next_post, question_key

USERS = ("UANNA", "UBERTIL", "UCECILIA", "UDAVID")
FREE_TEXTS = {"UANNA": "Tydliga möten <!channel> *fett*", "UBERTIL": "Fler gemensamma utbildningsdagar"}


def first_question(bot: Bot, user: str) -> Call:
    posts = bot.fake.wait_for("chat.postMessage", count=2, predicate=lambda c: c.args["channel"] == f"D{user}")
    return next(p for p in posts if question_key(p) is not None)


def every_row(bot: Bot) -> dict[str, list[str]]:
    """Every row of every table, as text."""
    rows: dict[str, list[str]] = {}
    with bot.services.db.unit_of_work() as session:
        for table in Base.metadata.sorted_tables:
            found = session.execute(select(table)).all()
            rows[table.name] = [json.dumps(list(row), default=str, ensure_ascii=False) for row in found]
    return rows


def test_an_evaluation_runs_from_start_to_posted_results_and_no_table_ties_anyone_to_an_answer(bot: Bot) -> None:
    setup_heby(bot)
    bot.sim.slash_command("UANNA", HEBY, "utvärdering starta 15 december")
    said = bot.fake.wait_for("chat.postMessage", count=6, predicate=in_channel)[-1]
    assert "Enkäten har skickats till 4 medlemmar" in blocks_text(said)
    asked = {user: first_question(bot, user) for user in USERS}
    again = next_post(bot, lambda: bot.sim.dm_message("UBERTIL", "9"), "DUBERTIL")
    assert "Svara med en siffra från 1 till 5" in blocks_text(again) and question_key(again) == STATEMENTS[0]
    for user, score in (("UANNA", "5"), ("UBERTIL", "instämmer till stor del"), ("UCECILIA", "2")):
        texts = {"bra": FREE_TEXTS[user]} if user in FREE_TEXTS else {}
        thanks = answer_by_key(bot, user, asked[user] if user != "UBERTIL" else again, scores(score, **texts))
        assert "Tack för dina svar" in blocks_text(thanks)
    next_post(bot, lambda: bot.sim.dm_message("UDAVID", "1"), "DUDAVID")  # begun, never finished
    bot.sim.slash_command("UCECILIA", HEBY, "utvärdering status")
    status = bot.fake.wait_for("response_url", predicate=lambda c: "har svarat" in blocks_text(c))[-1]
    assert "*3 av 4* har svarat" in blocks_text(status)
    bot.sim.slash_command("UANNA", HEBY, "utvärdering avsluta")
    posted = bot.fake.wait_for("chat.postMessage", predicate=lambda c: in_channel(c) and "Medelvärde" in blocks_text(c))
    results = blocks_text(posted[-1])
    assert "3 av 4 svarade" in results
    assert "Medelvärde *3,7* (3 svar) · 1: 0 · 2: 1 · 3: 0 · 4: 1 · 5: 1" in results
    assert "Tydliga möten &lt;!channel&gt;" in results
    assert "<!channel>" not in results and "Fler gemensamma utbildningsdagar" in results
    assert not any(user in results for user in USERS)
    _no_table_ties_anyone_to_an_answer(bot)


def _delivered(bot: Bot, timeout: float = 15) -> None:
    """Wait until the outbox has sent everything: what a sent message said is not kept (storage/outbox.py)."""
    deadline = time.monotonic() + timeout
    while any('"pending"' in row for row in every_row(bot)["outbox"]) and time.monotonic() < deadline:
        time.sleep(0.05)


def _no_table_ties_anyone_to_an_answer(bot: Bot) -> None:
    _delivered(bot)
    rows = every_row(bot)
    answers_in = [name for name, found in rows.items() if any("Fler gemensamma" in r for r in found)]
    assert answers_in == ["evaluation_texts"], "a free text is kept outside evaluation_texts"
    statement_keys = [f'"{key}": ' for key in STATEMENTS]  # an answer, by its question's key
    for name, found in rows.items():
        for row in found:
            if any(user in row for user in USERS):
                assert not any(text in row for text in ("Tydliga möten", "Fler gemensamma")), (name, row)
                assert not any(key in row for key in statement_keys), (name, row)  # no answers by key
    assert rows["evaluation_ballots"] == []  # counted at the close, then deleted
    for table in ("evaluation_tallies", "evaluation_texts"):
        assert rows[table] and not any(user in row for row in rows[table] for user in USERS), table
    with bot.services.db.unit_of_work() as session:
        states = {c.user_id: (c.status, c.state) for c in session.scalars(select(Conversation))}
    assert set(states) == set(USERS)
    assert all(state["active"] is None and state["aside"] == [] for _, state in states.values()), states
    assert states["UDAVID"][0] == "cancelled"  # begun, never finished: ended unsaved at the close
    assert [row for row in rows["audit_log"] if "evaluation." in row and "evaluation.start" not in row] == [
        next(row for row in rows["audit_log"] if "evaluation.close" in row)
    ]
    with bot.services.db.unit_of_work() as session:
        texts = session.scalars(select(FreeText)).all()
        assert {t.text for t in texts} == set(FREE_TEXTS.values())
        assert all(len(t.id) == 32 for t in texts)
    _columns_hold_no_person_or_time(bot)


def _columns_hold_no_person_or_time(bot: Bot) -> None:
    tables: dict[str, Any] = {t.name: t for t in Base.metadata.sorted_tables}
    for name in ("evaluation_ballots", "evaluation_tallies", "evaluation_texts"):
        columns = {c.name for c in tables[name].columns}
        assert not {"user_id", "created_at", "at", "answered_at"} & columns, name
