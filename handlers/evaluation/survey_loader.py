"""Loading evaluation surveys from YAML files, as plan templates are loaded, with errors that name the file.

The shipped survey is `surveys/lokus.yaml`; `EVALUATION_SURVEY` may name a förbund's own file instead (its
`key` must be the file name without `.yaml`). A file that cannot be used stops the bot at start with a message
that says which file and what is wrong, never in the middle of someone's answers.
"""

from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import ValidationError

from handlers.evaluation.survey_schema import SurveyFile

SURVEY_DIR = Path(__file__).with_name("surveys")
DEFAULT_SURVEY = SURVEY_DIR / "lokus.yaml"


class SurveyError(Exception):
    """A survey file that cannot be used: which file, and why."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(f"{path.name}: {detail}")
        self.path = path
        self.detail = detail


def load_survey(path: Path) -> SurveyFile:
    """The survey in a YAML file, validated; raises SurveyError naming the file and the problem."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise SurveyError(path, f"cannot be read ({error})") from error
    except yaml.YAMLError as error:
        raise SurveyError(path, f"is not valid YAML ({error})") from None
    try:
        survey = SurveyFile.model_validate(data)
    except ValidationError as error:
        problems = error.errors(include_url=False)
        problem = next((p for p in problems if p["type"] == "extra_forbidden"), problems[0])  # it explains a missing
        where = " › ".join(str(p + 1) if isinstance(p, int) else str(p) for p in problem["loc"])
        raise SurveyError(path, f"{where}: {problem['msg']}" if where else problem["msg"]) from None
    if survey.key != path.stem:
        raise SurveyError(path, f"key {survey.key!r} must match the file name {path.stem!r}")
    return survey


@lru_cache(maxsize=8)
def configured_survey(setting: str = "") -> SurveyFile:
    """The survey the setting names (a path), or the shipped one when it names none; loaded once per process."""
    return load_survey(Path(setting).expanduser() if setting else DEFAULT_SURVEY)
