"""`lokusbot templates check FILE…`: validate plan template files before putting them in the template folder."""

import argparse
import sys
from pathlib import Path

from bot.catalogue import Catalogue
from bot.cli_words import say
from bot.settings import Settings
from handlers.plans.template_loader import TEMPLATE_DIR, TemplateError, load_template
from handlers.text import t


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the `templates` subcommand."""
    templates = subparsers.add_parser("templates", help=say("cli.templates"))
    actions = templates.add_subparsers(dest="templates_action", required=True, title=say("argparse.subcommands"))
    check = actions.add_parser("check", help=say("cli.templates.check", folder=str(TEMPLATE_DIR)))
    check.add_argument("files", nargs="+", type=Path, metavar=say("cli.metavar.file"), help=say("cli.templates.files"))
    check.set_defaults(run=check_templates)


def check_templates(args: argparse.Namespace, settings: Settings) -> int:
    """Validate each file; print what is wrong and where, in the bot's language. 0 when all are valid."""
    catalogue = Catalogue.for_console(settings.language, lambda user_id: user_id)
    failures = 0
    for path in args.files:
        try:
            template = load_template(path)
        except TemplateError as error:
            failures += 1
            print(describe(error, catalogue), file=sys.stderr)
            continue
        questions = sum(len(s.questions) for s in template.sections)
        print(
            catalogue.render(
                t(
                    "plan.template_check.ok",
                    file=path.name,
                    name=template.name,
                    sections=len(template.sections),
                    questions=questions,
                )
            )
        )
    return 1 if failures else 0


def describe(error: TemplateError, catalogue: Catalogue) -> str:
    """A template error in words: file, line, where in the template, and what is wrong there."""
    code = error.code.removeprefix("plan_template.")
    key = f"plan.template_error.{code}"
    params = {"detail": error.detail, **error.params}
    problem = t(key, **params) if key in catalogue.messages else t("plan.template_error.other", detail=error.detail)
    where = t("plan.template_check.where", where=error.where) if error.where else ""
    return catalogue.render(
        t("plan.template_check.error", file=error.path.name, line=error.line, where=where, problem=problem)
    )
