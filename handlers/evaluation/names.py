"""Names the evaluation uses: its flow family, its buttons, the answer scale."""

from enum import StrEnum

FLOW_FAMILY = "utvardering"
COMMAND = "utvärdering"
DEFAULT_DAYS_OPEN = 14
REMINDER_DAYS = (7, 3, 1)  # days before the close when those who have not answered are reminded
COUNT_WHEN_WAITING = 2  # the tick counts ballots once this many wait, so no count grows by one person's answers
SCORES = (1, 2, 3, 4, 5)
# Words people write for each score, beside its number (the catalogue's label is shown; these are also read).
SCORE_WORDS: dict[int, tuple[str, ...]] = {
    1: ("instämmer inte alls", "inte alls", "stämmer inte alls", "not at all", "strongly disagree"),
    2: ("instämmer till liten del", "till liten del", "liten del", "stämmer dåligt", "disagree"),
    3: ("instämmer delvis", "delvis", "till viss del", "varken eller", "partly"),
    4: ("instämmer till stor del", "till stor del", "stor del", "stämmer bra", "mostly", "agree"),
    5: ("instämmer helt", "helt", "stämmer helt", "helt och hållet", "fully", "strongly agree"),
}


class EvaluationAction(StrEnum):
    """The evaluation's buttons."""

    ANSWER = "evaluation.answer"


def flow_name(survey_key: str) -> str:
    """The flow that asks a survey: "utvardering:<survey key>"."""
    return f"{FLOW_FAMILY}:{survey_key}"
