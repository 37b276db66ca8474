"""Options ticked by typing them: a list is read as a list, even when the whole text is a typo away from one."""

from typing import Any

import pytest

from handlers.cases.questions import term_choices
from handlers.cases.vocabulary import TARGET_GROUPS
from handlers.conversation.answers import parse_answer
from handlers.conversation.flow import Env, Kind, Question
from handlers.text import t

QUESTION = Question(
    "target_groups",
    t("case.q.target_groups.label"),
    t("case.q.target_groups"),
    Kind.MULTI,
    options=term_choices("target_group", TARGET_GROUPS),
)
ENV = Env(ctx=None, answers={}, data={})  # type: ignore[arg-type]  # static options need no request


@pytest.mark.parametrize(
    ("typed", "codes"),
    [
        ("unga, psykisk ohälsa", ["unga_utan_gymnasium", "psykisk_ohalsa"]),
        ("psykisk ohälsa och unga", ["unga_utan_gymnasium", "psykisk_ohalsa"]),
        ("psykisk ohälsa eller funktionsnedsättning", ["psykisk_ohalsa"]),  # one option's own words, whole
        ("psykisk ohälsa", ["psykisk_ohalsa"]),
        ("psykisk ohäls", ["psykisk_ohalsa"]),  # a typo of one option is still that option
    ],
)
def test_a_typed_list_ticks_every_option_it_names(typed: str, codes: list[str]) -> None:
    answer: Any = parse_answer(QUESTION, typed, ENV)
    assert sorted(answer) == sorted(codes)
