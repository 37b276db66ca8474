"""The summary's chart read back through matplotlib's own objects: ticks, panels, heading, protection marks, and
that drawing it prints nothing."""

import warnings
from datetime import date

import pytest
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from bot.catalogue import Catalogue
from bot.services import Services
from handlers.summaries.chart import ChartData, MonthBar, PartyBar
from handlers.summaries.chart_drawing import LABEL_SIZE, chart_figure, png
from handlers.summaries.suppression import Shown
from handlers.text import t
from tests.handlers.test_summaries import PNG, command, uppsala  # noqa: F401 (the fixture)

WORDS = Catalogue.for_slack("sv").for_files().render
HEADING, PERIOD = (
    t("summary.title", group="Knivsta"),
    t("summary.chart.period", label="i år", start=date(2026, 1, 1), end=date(2026, 3, 31)),
)
FEW_MONTHS = (MonthBar(2026, 1, 7, Shown.EXACT), MonthBar(2026, 2, 2, Shown.SMALL), MonthBar(2026, 3, 5, Shown.HIDDEN))
PARTIES = (PartyBar("af", (("kvinna", 3), ("man", 1)), 3), PartyBar("kommun", (("man", 5),), 0))


def drawn(data: ChartData) -> tuple[Figure, Axes, Axes]:
    figure = chart_figure(data, WORDS)
    figure.canvas.draw()
    parties, months = figure.axes
    return figure, parties, months


def texts(axes: Axes) -> dict[str, object]:
    return {text.get_text(): text for text in axes.texts}


def test_counts_have_whole_number_ticks_on_both_halves() -> None:
    _, parties, months = drawn(ChartData(PARTIES, (), FEW_MONTHS, 3, HEADING, PERIOD))
    assert all(tick == int(tick) for tick in parties.get_xticks()), parties.get_xticks()
    assert all(tick == int(tick) for tick in months.get_yticks()), months.get_yticks()
    assert len(parties.get_xticks()) >= 3, "a scale to read, not just 0 and the top"


def test_the_heading_names_the_group_and_the_period() -> None:
    figure, _, _ = drawn(ChartData(PARTIES, (), FEW_MONTHS, 3, HEADING, PERIOD))
    assert figure.get_suptitle() == "Lots-ärenden – Knivsta"
    assert "Period: i år, 1 januari 2026 – 31 mars 2026" in [text.get_text() for text in figure.texts]


def test_protection_marks_are_horizontal_inside_the_plot_at_the_labels_size() -> None:
    figure, parties, months = drawn(ChartData(PARTIES, (), FEW_MONTHS, 3, HEADING, PERIOD))
    marks = texts(months)
    assert set(marks) == {"<3", "skyddat"}
    low, high = months.get_ylim()
    left, right = months.get_xlim()
    for mark in marks.values():
        x, y = mark.get_position()  # type: ignore[attr-defined]
        assert mark.get_rotation() == 0 and mark.get_fontsize() == LABEL_SIZE  # type: ignore[attr-defined]
        assert low < y < high and left < x < right, "written inside the plot, not on the axis"
    assert {label.get_fontsize() for label in months.get_xticklabels()} == {LABEL_SIZE}
    segment = texts(parties)["skyddat"]
    assert segment.get_rotation() == 0 and segment.get_fontsize() == LABEL_SIZE  # type: ignore[attr-defined]


def test_a_half_with_nothing_to_draw_says_so_in_words_instead_of_an_empty_frame() -> None:
    _, parties, months = drawn(ChartData((), ("af", "fk"), FEW_MONTHS, 3, HEADING, PERIOD))
    assert not parties.axison and list(texts(parties)) == ["För få ärenden per part för att visa dem här."]
    assert len(parties.patches) == 0 and months.axison
    _, parties, months = drawn(ChartData(PARTIES, (), (), 3, HEADING, PERIOD))
    assert parties.axison and not months.axison
    assert list(texts(months)) == ["Fördelningen per månad visas inte (för små antal)."]
    nothing = ChartData((), ("af",), (MonthBar(2026, 1, 2, Shown.SMALL),), 3)
    assert nothing.empty, "nothing to draw at all: no chart, only the text"


@pytest.mark.parametrize(
    "data",
    [
        ChartData(PARTIES, (), FEW_MONTHS, 3, HEADING, PERIOD),
        ChartData((), ("af",), FEW_MONTHS, 3, HEADING, PERIOD),
        ChartData((PartyBar("af", (), 12),), (), (), 3, HEADING, PERIOD),
        ChartData(PARTIES, ("fk",), tuple(MonthBar(2026, m, 2, Shown.SMALL) for m in range(1, 13)), 3),
    ],
)
def test_drawing_prints_no_warning(data: ChartData, capsys: pytest.CaptureFixture[str]) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        content = png(data, WORDS)
    assert content.startswith(PNG) and [str(w.message) for w in caught] == []
    assert capsys.readouterr() == ("", "")


def test_the_posted_chart_names_its_group_and_period(uppsala: Services) -> None:  # noqa: F811
    [send] = command(uppsala, "sammanfattning")
    [chart] = send.reply.files
    assert chart.title == t("summary.chart.file_title", title=t("summary.title", group="Uppsala"))
    assert chart.data(WORDS).startswith(PNG)
    data = chart.content.args[0]  # type: ignore[union-attr]  (the ChartData the upload will draw)
    figure, _, _ = drawn(data)
    assert figure.get_suptitle() == "Lots-ärenden – Uppsala"
    assert "Period: i år (2026), 1 januari 2026 – 23 november 2026" in [text.get_text() for text in figure.texts]
