"""The questions of a lots-ärende, declared once: the chat, the form and the checks all use these."""

import re
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from handlers import access
from handlers.cases.vocabulary import (
    AGE_BANDS,
    AGE_LIMITS,
    FAILURES,
    GENDERS,
    PARTIES,
    Term,
    age_band_of,
    group_target_groups,
    label,
)
from handlers.conversation.flow import Choice, Env, Kind, Question
from handlers.errors import AnswerError
from handlers.ids import row_id
from handlers.text import t
from storage.models import Group

UNIT_LIMIT = 120
FAILURE_TEXT_LIMIT = 1500
NOTE_LIMIT = 1000
OLDEST_YEAR = 2000


def term_choices(field: str, terms: Sequence[Term]) -> tuple[Choice, ...]:
    """Options for a question: each code with its label and the spellings people type."""
    return tuple(Choice(term.code, label(field, term), term.words) for term in terms)  # type: ignore[arg-type]


def party_choices() -> tuple[Choice, ...]:
    """The four parties, labelled as everywhere else in the bot."""
    return tuple(Choice(term.code, t(f"party.{term.code}"), term.words) for term in PARTIES)


def case_group(env: Env) -> Group | None:
    """The group the case is for: the answer to the group question, or the one given when it started; only
    a group of the person's workspace that they may register cases in (saving checks it again)."""
    group_id = str(env.answers.get("group") or env.data.get("group_id") or "")
    number = row_id(group_id)
    group = env.ctx.session.get(Group, number) if number is not None else None
    if group is None or not access.in_workspace(env.ctx, group):
        return None
    if access.member_of(env.ctx, group) is None and not access.is_forbund(env.ctx):
        return None
    return group


def target_terms(group: Group | None) -> tuple[Term, ...]:
    """The group's target groups (its own list, or the defaults)."""
    return group_target_groups(group.settings if group is not None else None)


def _target_choices(env: Env) -> tuple[Choice, ...]:
    return term_choices("target_group", target_terms(case_group(env)))


def _group_choices(env: Env) -> tuple[Choice, ...]:
    return tuple(Choice(str(g.id), g.name, (g.name,)) for g in access.visible_groups(env.ctx))  # type: ignore[arg-type]


def check_raised_on(value: str, env: Env) -> str:
    """A case is raised today or earlier, and not before there were LOKUS groups to log it."""
    day = date.fromisoformat(value)
    if day > env.ctx.local_now.date():
        raise AnswerError("case.date_future")
    if day.year < OLDEST_YEAR:
        raise AnswerError("case.date_too_old", year=str(OLDEST_YEAR))
    return value


def at_most(limit: int) -> Callable[[Any, Env], str]:
    """A check that free text fits in `limit` characters; surrounding space is dropped."""

    def check(value: Any, env: Env) -> str:
        text = str(value).strip()
        if len(text) > limit:
            raise AnswerError("case.too_long", limit=limit, given=len(text))
        return text

    return check


RAISED_ON = Question(
    "raised_on",
    t("case.q.raised_on.label"),
    t("case.q.raised_on"),
    Kind.DATE,
    check=check_raised_on,
    default=lambda env: env.ctx.local_now.date().isoformat(),
)
GROUP = Question("group", t("case.q.group.label"), t("case.q.group"), Kind.CHOICE, options=_group_choices)
PARTY = Question("party", t("case.q.party.label"), t("case.q.party"), Kind.CHOICE, options=party_choices())
UNIT = Question(
    "unit",
    t("case.q.unit.label"),
    t("case.q.unit"),
    Kind.TEXT,
    optional=True,
    check=at_most(UNIT_LIMIT),
    hint=t("case.q.unit.hint"),
)
GENDER = Question(
    "gender", t("case.q.gender.label"), t("case.q.gender"), Kind.CHOICE, options=term_choices("gender", GENDERS)
)
AGE = re.compile(r"^(\d{1,3})\s*(?:år|åring|years?)?(?:\s+gammal)?$")


def age_to_band(text: str, env: Env) -> str:
    """An age typed where the band is asked ("23", "23 år"): its band, as the import reads an age."""
    found = AGE.match(" ".join(text.casefold().split()).strip(" ."))
    if found is None:
        raise AnswerError("answer.choice_unknown", given=text, count=len(AGE_BANDS))
    age = int(found.group(1))
    band = age_band_of(age)
    if band is None and age < AGE_LIMITS[0][0]:
        raise AnswerError("case.age_out_of_range", given=str(age))
    if band is None:
        raise AnswerError("answer.choice_unknown", given=text, count=len(AGE_BANDS))
    return band


AGE_BAND = Question(
    "age_band",
    t("case.q.age_band.label"),
    t("case.q.age_band"),
    Kind.CHOICE,
    options=term_choices("age_band", AGE_BANDS),
    other=age_to_band,
)
TARGET_GROUPS = Question(
    "target_groups", t("case.q.target_groups.label"), t("case.q.target_groups"), Kind.MULTI, options=_target_choices
)
FAILURE_KINDS = Question(
    "failures", t("case.q.failures.label"), t("case.q.failures"), Kind.MULTI, options=term_choices("failure", FAILURES)
)
FAILURE_TEXT = Question(
    "failure_text",
    t("case.q.failure_text.label"),
    t("case.q.failure_text"),
    Kind.TEXT,
    optional=True,
    check=at_most(FAILURE_TEXT_LIMIT),
    hint=t("case.q.no_identity.hint"),
)
REFERRED_TR = Question(
    "referred_tr",
    t("case.q.referred_tr.label"),
    t("case.q.referred_tr"),
    Kind.YES_NO,
    hint=t("case.q.referred_tr.hint"),
)
NOTE = Question(
    "note",
    t("case.q.note.label"),
    t("case.q.note"),
    Kind.TEXT,
    optional=True,
    check=at_most(NOTE_LIMIT),
    hint=t("case.q.no_identity.hint"),
)

CASE_QUESTIONS = (
    RAISED_ON,
    PARTY,
    UNIT,
    GENDER,
    AGE_BAND,
    TARGET_GROUPS,
    FAILURE_KINDS,
    FAILURE_TEXT,
    REFERRED_TR,
    NOTE,
)
PICK_GROUP_QUESTIONS = (RAISED_ON, GROUP, *CASE_QUESTIONS[1:])
