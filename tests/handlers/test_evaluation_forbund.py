"""The förbund's view of every group beside last year, and a förbund's own survey file."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.cli import main
from bot.services import Services
from bot.settings import SettingsError, load_settings
from handlers.app import build_router
from handlers.evaluation.names import flow_name
from handlers.evaluation.survey_loader import DEFAULT_SURVEY, SurveyError, load_survey
from storage.db import Database
from tests.conftest import FakeClock
from tests.handlers.evaluation_helpers import FORBUND, answer, grant_forbund, scores, started
from tests.handlers.test_meetings_schedule import ANNA, BERTIL, CECILIA, DAVID, HEBY
from tests.support.chat import answer_flow, asked, command
from tests.support.talk import text_of

TIERP = "CTIERP"


def run_heby(services: Services, score: str) -> None:
    for user in (ANNA, BERTIL, CECILIA):
        answer(services, user, scores(score))
    command(services, ANNA, "utvärdering avsluta", HEBY)


def test_the_forbund_sees_every_group_beside_last_year_with_small_numbers_protected(
    services: Services, clock: FakeClock
) -> None:
    clock.now = datetime(2025, 11, 24, 9, 0, tzinfo=UTC)
    started(services, "5 december")
    run_heby(services, "3")
    clock.now = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    command(services, ANNA, "utvärdering starta", HEBY)
    run_heby(services, "4")
    command(services, ANNA, "koppla Tierp", TIERP)
    for line in ("<@UANNA> kommun sammankallande", "<@UBERTIL> AF", "<@UDAVID> region"):
        command(services, ANNA, f"medlem {line}", TIERP)
    command(services, ANNA, "utvärdering starta", TIERP)
    answer(services, DAVID, scores("1"))
    command(services, ANNA, "utvärdering avsluta", TIERP)
    grant_forbund(services)
    report = command(services, FORBUND, "utvärdering resultat alla", HEBY)
    assert [s.to for s in report] == ["requester"]
    text = text_of(report)
    assert "Utvärderingen 2026: alla grupper" in text
    assert "LOKUS Heby: 2026 *4* (3 svar) · 2025 *3* (3 svar)" in text
    assert "LOKUS Tierp: 2026 för få svar · 2025 ingen utvärdering" in text
    assert "LOKUS Heby: 2025 *3* (3 svar) · 2024 ingen utvärdering" in text_of(
        command(services, FORBUND, "utvärdering resultat alla 2025", HEBY)
    )
    refused = text_of(command(services, ANNA, "utvärdering resultat alla", HEBY, kind=True))
    assert "till för förbundet" in refused and "Heby: 2026" not in refused
    assert "inget år" in text_of(command(services, FORBUND, "utvärdering resultat alla tjugo", HEBY, kind=True))


def own_survey(folder: Path) -> Path:
    path = folder / "jamtland.yaml"
    path.write_text(
        "key: jamtland\nname:\n  sv: Jämtlands utvärdering\nquestions:\n"
        "  - key: samverkan\n    text:\n      sv: Samverkan fungerar.\n"
        "  - key: ovrigt\n    kind: text\n    text:\n      sv: Övrigt?\n",
        encoding="utf-8",
    )
    return path


def test_a_forbund_points_the_setting_at_its_own_survey_file(
    tmp_path: Path, database_url: str, database: Database, clock: FakeClock
) -> None:
    settings = load_settings(_env_file=None, database_url=database_url, evaluation_survey=str(own_survey(tmp_path)))
    config = settings.handler_config()
    services = Services(settings, database, build_router(config), config, clock)
    sent = text_of(started(services))
    assert "Jämtlands utvärdering" in sent and "Samverkan fungerar." in sent
    where = asked(services, BERTIL)
    assert where is not None and where.flow == flow_name("jamtland") and where.total == 2
    answer_flow(services, BERTIL, {"samverkan": "instämmer helt", "ovrigt": "Bra"})
    assert "*1 av 4* har svarat" in text_of(command(services, ANNA, "utvärdering status", HEBY))


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (("key: lokus", "key: annan"), "must match the file name"),
        (("kind: statement", "kind: skala"), "questions › 1 › kind"),
        (("  - key: mandat", "  - key: parterna"), "used twice"),
        (("questions:", "fragor:"), "fragor"),
        (("name:", "name: [oavslutad"), "not valid YAML"),
    ],
)
def test_a_survey_file_that_cannot_be_used_is_named_with_what_is_wrong(
    tmp_path: Path, change: tuple[str, str], said: str
) -> None:
    path = tmp_path / "lokus.yaml"
    path.write_text(DEFAULT_SURVEY.read_text(encoding="utf-8").replace(*change, 1), encoding="utf-8")
    with pytest.raises(SurveyError) as error:
        load_survey(path)
    assert said in str(error.value) and "lokus.yaml" in str(error.value)


def test_the_setting_naming_a_broken_file_stops_the_bot_at_start(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="EVALUATION_SURVEY"):
        load_settings(_env_file=None, evaluation_survey=str(tmp_path / "saknas.yaml"))


def test_the_shipped_survey_has_swedish_and_english_for_every_text() -> None:
    survey = load_survey(DEFAULT_SURVEY)
    texts = [survey.name, *(q.text for q in survey.questions)]
    assert all(text.sv and text.en for text in texts)


def test_a_survey_file_is_checked_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["survey", "check", str(DEFAULT_SURVEY), str(own_survey(tmp_path))]) == 0
    said = capsys.readouterr().out
    assert (
        "lokus.yaml: ”Utvärdering av LOKUS-gruppens arbete” går att använda – 7 påståenden och 2 fritextfrågor" in said
    )
    assert "jamtland.yaml: ”Jämtlands utvärdering” går att använda – 1 påstående och 1 fritextfråga" in said
    broken = tmp_path / "trasig.yaml"
    broken.write_text("key: trasig\nname:\n  sv: Trasig\nquestions: []\n", encoding="utf-8")
    assert main(["survey", "check", str(broken)]) == 1
    assert "trasig.yaml: går inte att använda – questions" in capsys.readouterr().err
