"""The application's questions, declared once (seed 004's application): name, kind, owner, target groups, period,
budget rows and goals. Rows of costs and goals are asked one after the other with "another?" between them."""

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from handlers.cases.questions import at_most, party_choices
from handlers.cases.vocabulary import group_target_groups, label
from handlers.conversation.flow import Choice, Env, Kind, Question
from handlers.errors import AnswerError
from handlers.formatting import Amount, Percent
from handlers.insats import budget
from handlers.insats.names import (
    GOAL_KINDS,
    KINDS,
    MAX_COSTS,
    MAX_GOALS,
    MORE,
    OTHER_TARGETS,
    PRIORITISED,
    TIES,
    cost_key,
    goal_key,
)
from handlers.text import t
from storage.models import Group

NAME_LIMIT = 120
TEXT_LIMIT = 1500
MEASURE_LIMIT = 200
TARGET_LIMIT = 1_000_000
Applies = Callable[[Mapping[str, Any]], bool]


def _kind_choices() -> tuple[Choice, ...]:
    words = {"individ": ("individnivå", "individinriktad"), "struktur": ("strukturnivå", "strukturövergripande")}
    return tuple(Choice(k, t(f"insats.kind.{k}"), (k, *words.get(k, ("kompetenshöjande",)))) for k in KINDS)


def target_choices(env: Env) -> tuple[Choice, ...]:
    """The förbund's prioritised target groups first, then the group's own, then the group itself and other."""
    group = env.ctx.session.get(Group, int(env.data.get("group_id") or 0))
    first = tuple(Choice(code, t(f"insats.target.{code}")) for code in PRIORITISED)
    own = tuple(
        Choice(term.code, label("target_group", term), term.words)  # type: ignore[arg-type]
        for term in group_target_groups(group.settings if group is not None else None)
    )
    last = tuple(Choice(code, t(f"insats.target.{code}")) for code in OTHER_TARGETS)
    return (*first, *own, *last)


def _tie_choices() -> tuple[Choice, ...]:
    return tuple(Choice(code, t(f"insats.tie_choice.{code}")) for code in TIES)


def check_end(value: str, env: Env) -> str:
    """The period ends on or after the day it starts."""
    start = env.answers.get("start")
    if start and date.fromisoformat(value) < date.fromisoformat(start):
        raise AnswerError("insats.end_before_start", start=date.fromisoformat(start))
    return value


def under_ceiling(key: str) -> Callable[[Any, Env], Any]:
    """A check that the budget with this answer stays within the förbund's ceiling (when it has one)."""

    def check(value: Any, env: Env) -> Any:
        ceiling = env.ctx.config.insats_ceiling_kr
        answers = {**env.answers, key: value}
        applied = budget.total(answers, env.ctx.config.flat_rate_kr)
        if ceiling is not None and applied > ceiling:
            raise AnswerError("insats.over_ceiling", total=Amount(applied), ceiling=Amount(ceiling))
        return value

    return check


BASICS = (
    Question("namn", t("insats.q.name.label"), t("insats.q.name"), Kind.TEXT, check=at_most(NAME_LIMIT)),
    Question("slag", t("insats.q.kind.label"), t("insats.q.kind"), Kind.CHOICE, options=_kind_choices()),
    Question("agare", t("insats.q.owner.label"), t("insats.q.owner"), Kind.CHOICE, options=party_choices()),
    Question("malgrupper", t("insats.q.targets.label"), t("insats.q.targets"), Kind.MULTI, options=target_choices),
    Question("start", t("insats.q.start.label"), t("insats.q.start"), Kind.DATE),
    Question("slut", t("insats.q.end.label"), t("insats.q.end"), Kind.DATE, check=check_end),
    Question(
        "tjanst",
        t("insats.q.post.label"),
        t("insats.q.post"),
        Kind.NUMBER,
        optional=True,
        minimum=0,
        maximum=100,
        check=under_ceiling("tjanst"),
        hint=t("insats.q.post.hint"),
        show=lambda value, env: Percent(value),
    ),
    Question(
        "tjanst_titel",
        t("insats.q.post_title.label"),
        t("insats.q.post_title"),
        Kind.TEXT,
        when=lambda answers: bool(answers.get("tjanst")),
        check=at_most(NAME_LIMIT),
    ),
)


def _row_open(prefix: Callable[[int, str], str], row: int) -> Applies | None:
    """Row n is asked when every earlier row said "another": yes."""
    if row == 1:
        return None
    return lambda answers: all(answers.get(prefix(n, MORE)) is True for n in range(1, row))


def _row_started(prefix: Callable[[int, str], str], row: int, first: str) -> Applies:
    is_open = _row_open(prefix, row)
    return lambda answers: (is_open is None or is_open(answers)) and answers.get(prefix(row, first)) is not None


def _cost_rows() -> list[Question]:
    questions: list[Question] = []
    for row in range(1, MAX_COSTS + 1):
        started = _row_started(cost_key, row, "text")
        questions += [
            Question(
                cost_key(row, "text"),
                t("insats.q.cost_text.label", row=row),
                t("insats.q.cost_text", row=row),
                Kind.TEXT,
                optional=row == 1,
                when=_row_open(cost_key, row),
                check=at_most(NAME_LIMIT),
            ),
            Question(
                cost_key(row, "belopp"),
                t("insats.q.cost_amount.label", row=row),
                t("insats.q.cost_amount", row=row),
                Kind.AMOUNT,
                minimum=0,
                when=started,
                check=under_ceiling(cost_key(row, "belopp")),
            ),
        ]
        if row < MAX_COSTS:
            more = t("insats.q.cost_more.label", row=row)
            questions.append(Question(cost_key(row, MORE), more, t("insats.q.cost_more"), Kind.YES_NO, when=started))
    return questions


def _goal_rows(kind: str) -> list[Question]:
    return [q for row in range(1, MAX_GOALS + 1) for q in _goal_row(kind, row)]


def _goal_row(kind: str, row: int) -> list[Question]:
    """One goal: its text; a target number; a figure it is tied to, or else what measures it; another?"""

    def key(n: int, column: str) -> str:
        return goal_key(kind, n, column)

    started = _row_started(key, row, "text")
    counted = _and(started, _answered(key(row, "mal")))
    called = t(f"insats.goal_word.{kind}")
    questions = [
        Question(
            key(row, "text"),
            t(f"insats.q.{kind}.label", row=row),
            t(f"insats.q.{kind}", row=row),
            Kind.TEXT,
            when=_row_open(key, row),
            check=at_most(TEXT_LIMIT),
            hint=t(f"insats.q.{kind}.hint") if row == 1 else None,
        ),
        Question(
            key(row, "mal"),
            t("insats.q.target.label", row=row, kind=called),
            t("insats.q.target"),
            Kind.NUMBER,
            optional=True,
            minimum=0,
            maximum=TARGET_LIMIT,
            when=started,
        ),
        Question(
            key(row, "koppling"),
            t("insats.q.tie.label", row=row, kind=called),
            t("insats.q.tie"),
            Kind.CHOICE,
            options=_tie_choices(),
            when=counted,
        ),
        Question(
            key(row, "matt"),
            t("insats.q.measure.label", row=row, kind=called),
            t("insats.q.measure"),
            Kind.TEXT,
            when=_and(counted, _is(key(row, "koppling"), "ingen")),
            check=at_most(MEASURE_LIMIT),
        ),
    ]
    if row < MAX_GOALS:
        more = t("insats.q.goal_more.label", row=row, kind=called)
        questions.append(Question(key(row, MORE), more, t(f"insats.q.{kind}_more"), Kind.YES_NO, when=started))
    return questions


def _answered(key: str) -> Applies:
    return lambda answers: answers.get(key) is not None


def _is(key: str, value: str) -> Applies:
    return lambda answers: answers.get(key) == value


def _and(first: Applies, second: Applies) -> Applies:
    return lambda answers: first(answers) and second(answers)


APPLICATION_QUESTIONS = (*BASICS, *_cost_rows(), *(q for kind in GOAL_KINDS for q in _goal_rows(kind)))
