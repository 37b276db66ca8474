"""What a closed evaluation shows: per statement the mean and how many gave each score, the free texts without
anyone's name, and for the förbund every group side by side with the year before.

Small numbers are protected as in the summaries: with fewer answers than the group's threshold the result says
only that there were too few answers, with no figure at all (not even how many answered), and no free text.
"""

from dataclasses import dataclass

from handlers.context import Ctx
from handlers.replies import Divider, Header, Note, Paragraph, Part, Reply, reply
from handlers.summaries.group_settings import threshold_of
from handlers.text import Join, Text, t
from storage import evaluation as repo
from storage.evaluation_models import Survey
from storage.models import Group

MEAN_DECIMALS = 1


@dataclass(frozen=True)
class Statement:
    """One statement's answers: how many gave each score 1–5."""

    key: str
    text: str
    counts: dict[int, int]

    @property
    def answers(self) -> int:
        """How many answered the statement."""
        return sum(self.counts.values())

    @property
    def mean(self) -> float:
        """The mean score, one decimal."""
        return round(sum(s * n for s, n in self.counts.items()) / self.answers, MEAN_DECIMALS)


@dataclass(frozen=True)
class Result:
    """A survey's figures as they may be published: None when too few answered to show any."""

    survey: Survey
    threshold: int
    statements: tuple[Statement, ...] | None
    texts: dict[str, list[str]]

    def statement(self, key: str) -> Statement | None:
        """The statement of the key, when figures may be shown."""
        return next((s for s in self.statements or () if s.key == key), None)


def result_of(ctx: Ctx, survey: Survey) -> Result:
    """The survey's figures, protected with the group's small-number threshold."""
    threshold = threshold_of(ctx, survey.group)
    if survey.answered < threshold:
        return Result(survey, threshold, None, {})
    tallies = repo.tallies_of(ctx.session, survey=survey)
    statements = tuple(
        Statement(q["key"], q["text"], {s: tallies.get(q["key"], {}).get(s, 0) for s in repo.SCORES})
        for q in survey.questions
        if q["kind"] == "statement"
    )
    return Result(survey, threshold, statements, repo.texts_of(ctx.session, survey=survey))


def result_reply(ctx: Ctx, survey: Survey) -> Reply:
    """The results as posted in the group's channel."""
    result = result_of(ctx, survey)
    parts: list[Part] = [Header(t("evaluation.result.title", group=survey.group.name, year=str(survey.year)))]
    if result.statements is None:
        return reply(*parts, Paragraph(t("evaluation.result.too_few", threshold=result.threshold)))
    asked = len(survey.respondents)
    parts.append(Paragraph(t("evaluation.result.lead", answered=survey.answered, asked=asked)))
    parts.extend(Paragraph(_statement_line(s, result.threshold)) for s in result.statements)
    texts = [q for q in survey.questions if q["kind"] == "text"]
    if texts:
        parts.append(Divider())
    for question in texts:
        parts.append(Paragraph(_texts(question["text"], result.texts.get(question["key"], []))))
    parts.append(Note(t("evaluation.result.note", threshold=result.threshold)))
    return reply(*parts)


def _statement_line(statement: Statement, threshold: int) -> Text:
    if statement.answers < threshold:
        return t("evaluation.result.statement_few", text=statement.text)
    counts = {f"d{score}": n for score, n in statement.counts.items()}
    return t("evaluation.result.statement", text=statement.text, mean=statement.mean, n=statement.answers, **counts)


def _texts(question: str, texts: list[str]) -> Text:
    if not texts:
        return t("evaluation.result.no_texts", question=question)
    items = tuple(t("evaluation.result.text_item", text=text) for text in texts)
    return t("evaluation.result.texts", question=question, texts=Join(items, "\n"))


def comparison_parts(ctx: Ctx, rows: list[tuple[Group, Survey | None, Survey | None]], year: int) -> list[Part]:
    """For the förbund: per statement, every group's mean this year beside last year's."""
    results = [(group, _maybe(ctx, now), _maybe(ctx, before)) for group, now, before in rows]
    keys: dict[str, str] = {}
    for _, now, before in results:
        for res in (now, before):
            for q in res.survey.questions if res is not None else ():
                if q["kind"] == "statement":
                    keys.setdefault(q["key"], q["text"])
    parts: list[Part] = []
    for key, text in keys.items():
        lines = tuple(_group_line(group, now, before, key, year) for group, now, before in results)
        parts.append(Paragraph(t("evaluation.all.statement", text=text, lines=Join(lines, "\n"))))
    return parts


def _maybe(ctx: Ctx, survey: Survey | None) -> Result | None:
    return result_of(ctx, survey) if survey is not None else None


def _group_line(group: Group, now: Result | None, before: Result | None, key: str, year: int) -> Text:
    return t(
        "evaluation.all.line",
        group=group.name,
        now=_figure(now, key),
        before=_figure(before, key),
        year=str(year),
        last_year=str(year - 1),
    )


def _figure(result: Result | None, key: str) -> Text:
    if result is None:
        return t("evaluation.all.none")
    if result.statements is None:
        return t("evaluation.all.too_few")
    statement = result.statement(key)
    if statement is None:
        return t("evaluation.all.not_asked")
    if statement.answers < result.threshold:
        return t("evaluation.all.too_few")
    return t("evaluation.all.mean", mean=statement.mean, n=statement.answers)
