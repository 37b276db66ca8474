"""The summary's chart as a PNG: cases per party split by gender, and cases per month; small numbers protected.

Drawn with matplotlib's Agg canvas (no display, no pyplot state). The words on it come from the catalogue of
whoever receives it: the attachment's content is a function of the front door's renderer.

Protection follows the figures: a party's bar is drawn only when its count may be shown; inside it, a gender
whose count may not be shown becomes part of one grey, hatched "skyddat" segment (its size follows from the
shown counts anyway). A month whose count may not be shown gets no bar, only "<3" or "skyddat".
"""

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from handlers.replies import Attachment
from handlers.summaries.figures import GENDER_CODES, RAISED, Figures
from handlers.summaries.sections import party_label
from handlers.summaries.suppression import Shown
from handlers.text import Join, t

Render = Callable[[Any], str]
COLOURS = {"kvinna": "#7b3294", "man": "#008837", "annat": "#e08214", "ej_dokumenterat": "#8c96c6"}
PROTECTED_COLOUR = "#d9d9d9"


@dataclass(frozen=True)
class PartyBar:
    """One party's bar: the gender segments that may be shown, and the rest as one protected segment."""

    party: str
    segments: tuple[tuple[str, int], ...]
    protected: int


@dataclass(frozen=True)
class MonthBar:
    """One month: its count when it may be shown, else how it is marked."""

    year: int
    month: int
    count: int
    shown: Shown


@dataclass(frozen=True)
class ChartData:
    """Everything the chart draws, already protected."""

    parties: tuple[PartyBar, ...]
    left_out: tuple[str, ...]
    months: tuple[MonthBar, ...]
    threshold: int


def chart_data(figures: Figures) -> ChartData | None:
    """What the chart may show, or None when there is nothing to draw (no cases, or too few to show)."""
    if not figures.exact(RAISED) or figures.value(RAISED) == 0:
        return None
    bars, left_out = [], []
    for key in figures.keys("party"):
        if figures.value(key) == 0:
            continue
        if not figures.exact(key):
            left_out.append(key[1])
            continue
        segments = tuple(
            (g, figures.value(("party_gender", key[1], g)))
            for g in GENDER_CODES
            if figures.exact(("party_gender", key[1], g)) and figures.value(("party_gender", key[1], g))
        )
        bars.append(PartyBar(key[1], segments, figures.value(key) - sum(n for _, n in segments)))
    month_keys = figures.keys("month")
    months = (
        ()
        if figures.withheld(month_keys)
        else tuple(MonthBar(k[1], k[2], figures.value(k), figures.status(k)) for k in month_keys)
    )
    return ChartData(tuple(bars), tuple(left_out), months, figures.threshold)


def chart_attachment(figures: Figures, filename: str, title: Any) -> Attachment | None:
    """The chart as a PNG attachment drawn with the receiver's words, or None when there is nothing to draw."""
    data = chart_data(figures)
    if data is None:
        return None
    return Attachment(filename, lambda render: draw_chart(data, render), title)


def draw_chart(data: ChartData, render: Render) -> bytes:
    """The PNG bytes of the chart."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(12, 5), dpi=100)
    FigureCanvasAgg(figure)
    left, right = figure.subplots(1, 2, gridspec_kw={"width_ratios": [1, 1.3]})
    figure.subplots_adjust(left=0.14, right=0.98, top=0.92, bottom=0.24, wspace=0.25)
    _draw_parties(left, data, render)
    _draw_months(right, data, render)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def _draw_parties(axes: Any, data: ChartData, render: Render) -> None:
    """Horizontal stacked bars, one per party, the first party at the top."""
    axes.set_title(render(t("summary.chart.parties_title")))
    names = [render(party_label(bar.party)) for bar in data.parties]
    lefts = [0] * len(data.parties)
    for gender in GENDER_CODES:
        widths = [dict(bar.segments).get(gender, 0) for bar in data.parties]
        if any(widths):
            axes.barh(
                names, widths, left=lefts, color=COLOURS[gender], label=render(t(f"summary.chart.gender.{gender}"))
            )
            _label_segments(axes, names, widths, lefts)
            lefts = [left + width for left, width in zip(lefts, widths, strict=True)]
    protected = [
        (name, bar.protected, left) for name, bar, left in zip(names, data.parties, lefts, strict=True) if bar.protected
    ]
    for index, (name, width, left) in enumerate(protected):
        axes.barh(
            [name],
            [width],
            left=[left],
            color=PROTECTED_COLOUR,
            hatch="//",
            edgecolor="#969696",
            label=render(t("summary.chart.protected")) if index == 0 else None,
        )
    axes.invert_yaxis()
    axes.set_xlabel(render(t("summary.chart.cases")))
    if data.left_out:
        left_out = Join(tuple(party_label(p) for p in data.left_out))
        axes.set_title(render(t("summary.chart.left_out", parties=left_out)), fontsize=8, loc="left", y=-0.32)
    axes.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=3, frameon=False)


def _label_segments(axes: Any, names: list[str], widths: list[int], lefts: list[int]) -> None:
    end = max((left + width for left, width in zip(lefts, widths, strict=True)), default=0) or 1
    for name, width, left in zip(names, widths, lefts, strict=True):
        if width and width / end > 0.06:
            axes.text(left + width / 2, name, str(width), ha="center", va="center", color="white", fontsize=8)


def _draw_months(axes: Any, data: ChartData, render: Render) -> None:
    axes.set_title(render(t("summary.chart.months_title")))
    if not data.months:
        axes.text(
            0.5, 0.5, render(t("summary.chart.months_protected")), ha="center", va="center", transform=axes.transAxes
        )
        axes.set_axis_off()
        return
    labels = [_month_label(bar, index, render) for index, bar in enumerate(data.months)]
    heights = [bar.count if bar.shown == Shown.EXACT else 0 for bar in data.months]
    axes.bar(range(len(labels)), heights, color=COLOURS["kvinna"], alpha=0.8)
    small = render(t("summary.chart.fewer_than", threshold=data.threshold))
    protected = render(t("summary.chart.protected"))
    for index, bar in enumerate(data.months):
        if bar.shown == Shown.SMALL:
            axes.text(index, 0, small, ha="center", va="bottom", fontsize=8, color="#525252")
        elif bar.shown != Shown.EXACT:
            axes.text(index, 0, protected, ha="center", va="bottom", rotation=90, fontsize=7, color="#525252")
    axes.set_xticks(range(len(labels)), labels, fontsize=7)
    axes.set_ylabel(render(t("summary.chart.cases")))


def _month_label(bar: MonthBar, index: int, render: Render) -> str:
    name = render(t(f"summary.month_short.{bar.month}"))
    return f"{name}\n{bar.year}" if index == 0 or bar.month == 1 else name
