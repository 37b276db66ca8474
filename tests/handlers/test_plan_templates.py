"""Templates are data: the shipped YAML files hold the forms' questions word for word, a broken file gets an
error naming its line, and `lokusbot templates check` says so in Swedish."""

import shutil
from datetime import date
from pathlib import Path

import pytest

from bot.cli import main
from handlers.conversation.flow import FlowBook
from handlers.plans.section_flows import build_section_flow
from handlers.plans.template_loader import TEMPLATE_DIR, TemplateError, load_template, load_templates
from handlers.plans.template_schema import Deadline, QuestionKind

BROKEN = Path(__file__).resolve().parents[1] / "data" / "templates"


def test_the_three_seed_templates_load_with_their_questions_word_for_word() -> None:
    loaded = load_templates(TEMPLATE_DIR)
    assert loaded.broken == () and sorted(loaded.templates) == ["loksam", "uppdrag", "verksamhetsplan"]
    plan = loaded.templates["verksamhetsplan"]
    assert [q.text for s in plan.sections for q in s.questions] == [
        "Vilka mål har LOKUS-gruppen för arbetet {år}?",
        "Vilka målgrupper kommer LOKUS-gruppen att prioritera under {år}?",
        "Har prioriteringen påverkats utifrån olika behov hos män och kvinnor?",
        "Vilka strukturområden kommer LOKUS-gruppen att prioritera under {år}?",
        "Vilka specifika kompetenshöjande insatser kommer LOKUS-gruppen att prioritera under {år}?",
        "Hur utifrån verksamhetsplanen önskar LOKUS-gruppen använda de medel som kan äskas inom ramen för "
        "långsiktig samverkan gällande {år}?",
    ]
    table = plan.sections[5].questions[0]
    assert table.kind == QuestionKind.TABLE
    assert [c.label for c in table.columns] == [
        "Resurser:*",
        "Procent av heltid",
        "Tidsperiod (under året):",
        "Resultatmål:**",
        "Bedömda effekter:***",
        "Kostnader:****",
    ]
    assert [p.value for p in plan.approving_parties] == ["af", "fk", "region", "kommun"]
    loksam = loaded.templates["loksam"]
    texts = [q.text for s in loksam.sections for q in s.questions]
    for text in (
        "Arbetsförmedlings representation",
        "Ska ersättare utses?",
        "Hur många per år",
        "Vem skriver?",
        "Delges vem?",
        "frekvens/år (minst)",
        "idéförankring – hur?",
        "Datum?",
    ):
        assert text in texts
    uppdrag = loaded.templates["uppdrag"]
    assert [s.key for s in uppdrag.sections if s.follow_up] == ["avrapportering", "slutrapport"]
    assert "Kommer tidsplanen att hållas?" in [q.text for s in uppdrag.sections for q in s.questions]


def test_deadlines_are_configurable_per_template() -> None:
    loaded = load_templates(TEMPLATE_DIR).templates
    assert loaded["verksamhetsplan"].deadline.for_year(2028) == date(2027, 9, 1)
    assert loaded["loksam"].deadline.for_year(2027) == date(2026, 12, 31)
    assert loaded["uppdrag"].deadline is None
    assert Deadline(month=2, day=29).for_year(2027) == date(2027, 2, 28)


@pytest.mark.parametrize(
    ("name", "line", "code", "said"),
    [
        (
            "bad_kind",
            11,
            "enum",
            "bad_kind.yaml, rad 11 (vid sections › 1 › questions › 1 › kind): ”texts” är inte tillåtet här.",
        ),
        ("unknown_key", 9, "extra_forbidden", "unknown_key.yaml, rad 9 (vid sections › 1 › questons): okänd nyckel"),
        ("broken_yaml", 8, "yaml", "broken_yaml.yaml, rad 8: filen är inte giltig YAML"),
        (
            "bad_placeholder",
            10,
            "placeholder",
            "rad 10 (vid sections › 1 › questions › 1 › text): okänd platshållare "
            "{grupp} – här går det att använda {schablon}, {år}.",
        ),
        (
            "bad_flat_rate",
            9,
            "plan_template.flat_rate_from",
            "flat_rate_from ska peka på en tidigare kolumn av sorten percent, inte ”resurs”.",
        ),
        ("duplicate_key", 5, "duplicate_key", "duplicate_key.yaml, rad 5 (vid name): nyckeln ”name” står två gånger."),
        ("wrong_name", 2, "key_not_file_name", "key är ”something_else” men filen heter wrong_name.yaml"),
        ("missing_title", 10, "missing", "missing_title.yaml, rad 10 (vid sections › 2 › title): uppgiften saknas."),
    ],
)
def test_a_broken_template_gets_an_error_naming_the_file_and_line(
    name: str, line: int, code: str, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = BROKEN / f"{name}.yaml"
    with pytest.raises(TemplateError) as caught:
        load_template(path)
    assert (caught.value.path, caught.value.line, caught.value.code) == (path, line, code)
    assert str(caught.value).startswith(f"{name}.yaml, line {line}")
    assert main(["templates", "check", str(path)]) == 1
    assert said in capsys.readouterr().err


def test_templates_check_accepts_the_shipped_files(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["templates", "check", *map(str, sorted(TEMPLATE_DIR.glob("*.yaml")))]) == 0
    out = capsys.readouterr().out
    assert "verksamhetsplan.yaml: mallen ”Verksamhetsplan” är giltig (6 avsnitt, 6 frågor)." in out
    assert "loksam.yaml: mallen ”LOKSAM-plan” är giltig" in out


def test_an_association_adds_a_template_by_adding_a_file(tmp_path: Path) -> None:
    shutil.copy(TEMPLATE_DIR / "loksam.yaml", tmp_path / "loksam.yaml")
    text = (TEMPLATE_DIR / "uppdrag.yaml").read_text(encoding="utf-8").replace("key: uppdrag", "key: vardplan")
    (tmp_path / "vardplan.yaml").write_text(text, encoding="utf-8")
    shutil.copy(BROKEN / "bad_kind.yaml", tmp_path / "bad_kind.yaml")
    loaded = load_templates(tmp_path)
    assert sorted(loaded.templates) == ["loksam", "vardplan"]
    assert [(e.path.name, e.line) for e in loaded.broken] == [("bad_kind.yaml", 11)]


def test_a_section_flow_is_built_from_its_name_and_unknown_names_are_not_flows() -> None:
    book = FlowBook({}, {"plan": build_section_flow})
    flow = book["plan:verksamhetsplan:2028:medel:600000"]
    assert [q.key for q in flow.questions[:7]] == [
        "resurser.1.resurs",
        "resurser.1.procent",
        "resurser.1.tidsperiod",
        "resurser.1.resultatmal",
        "resurser.1.effekter",
        "resurser.1.kostnad",
        "resurser.1.mer",
    ]
    assert len(flow.questions) == 10 * 6 + 9, "ten rows of six cells, and 'another row?' after the first nine"
    for name in ("plan:verksamhetsplan:2028:budget:600000", "plan:okand:2028:mal:600000", "plan:x", "case"):
        assert name not in book
