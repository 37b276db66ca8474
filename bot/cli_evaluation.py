"""`lokusbot survey check FILE…`: validate a förbund's own evaluation survey before pointing EVALUATION_SURVEY at it."""

import argparse
import sys
from pathlib import Path

from bot.catalogue import Catalogue
from bot.cli_words import say
from bot.settings import Settings
from handlers.evaluation.survey_loader import DEFAULT_SURVEY, SurveyError, load_survey
from handlers.evaluation.survey_schema import AnswerKind
from handlers.text import t


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the `survey` subcommand."""
    survey = subparsers.add_parser("survey", help=say("cli.survey"))
    actions = survey.add_subparsers(dest="survey_action", required=True, title=say("argparse.subcommands"))
    check = actions.add_parser("check", help=say("cli.survey.check", file=str(DEFAULT_SURVEY)))
    check.add_argument("files", nargs="+", type=Path, metavar=say("cli.metavar.file"), help=say("cli.survey.files"))
    check.set_defaults(run=check_surveys)


def check_surveys(args: argparse.Namespace, settings: Settings) -> int:
    """Validate each file; print what is wrong, or what it asks. 0 when all are valid."""
    catalogue = Catalogue.for_console(settings.language, lambda user_id: user_id)
    failures = 0
    for path in args.files:
        try:
            survey = load_survey(path)
        except SurveyError as error:
            failures += 1
            print(catalogue.render(t("cli.survey.error", file=path.name, detail=error.detail)), file=sys.stderr)
            continue
        statements = sum(1 for q in survey.questions if q.kind == AnswerKind.STATEMENT)
        texts = len(survey.questions) - statements
        name = survey.name.read(settings.language)
        print(catalogue.render(t("cli.survey.ok", file=path.name, name=name, statements=statements, texts=texts)))
    return 1 if failures else 0
