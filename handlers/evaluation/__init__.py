"""The yearly evaluation: a short survey of every member, anonymous, with results per group and year."""

from handlers.context import Config
from handlers.evaluation.closing import evaluation_tick
from handlers.evaluation.commands import answer_button, evaluation_command
from handlers.evaluation.flow import survey_builder
from handlers.evaluation.intents import intents
from handlers.evaluation.names import COMMAND, FLOW_FAMILY, EvaluationAction
from handlers.router import Command, Feature
from handlers.text import t


def feature(config: Config) -> Feature:
    """Everything the evaluation adds to the router; its questions come from the survey the config names."""
    return Feature(
        commands=(Command(COMMAND, evaluation_command, t("help.utvärdering"), words=("utvardering", "evaluation")),),
        flow_families={FLOW_FAMILY: survey_builder(config.evaluation_survey, config.language)},
        actions={EvaluationAction.ANSWER: answer_button},
        ticks=(evaluation_tick,),
        intents=intents(),
    )
