"""Drawing the summary's chart with matplotlib's Agg canvas: no display, no pyplot, no global state.

Importing this module imports matplotlib and nothing else happens: a worker may import it at start to have the
first chart drawn as fast as the rest (bench/chart_bench.py measures it). Every count axis has whole-number
ticks; a half with nothing to draw says so in words instead of showing an empty frame; protection marks are
written at the size of the labels, horizontally, inside the plot; and nothing is printed (no legend without
entries, no text outside the figure).
"""

import io

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from handlers.summaries.chart import ChartData, MonthBar, Render
from handlers.summaries.figures import GENDER_CODES
from handlers.summaries.sections import party_label
from handlers.summaries.suppression import Shown
from handlers.text import Join, t

COLOURS = {"kvinna": "#7b3294", "man": "#008837", "annat": "#e08214", "ej_dokumenterat": "#8c96c6"}
PROTECTED_COLOUR, PROTECTED_EDGE, MARK_COLOUR, NOTE_COLOUR = "#d9d9d9", "#969696", "#404040", "#525252"
LABEL_SIZE, SMALLEST_SIZE, TITLE_SIZE, HEADING_SIZE = 10, 7, 11, 14
POINTS_PER_CHARACTER = 0.6  # of the font size, for DejaVu Sans
WIDTH, HEIGHT, DPI = 11, 8.5, 100
PNG_COMPRESSION = 3
IN_WORDS = 0.25  # the height of a half said in words, against 1 for a half that is drawn


def png(data: ChartData, render: Render) -> bytes:
    """The chart as PNG bytes (zlib level 3: a tenth larger than the default 6, drawn in two thirds of the time)."""
    buffer = io.BytesIO()
    chart_figure(data, render).savefig(buffer, format="png", pil_kwargs={"compress_level": PNG_COMPRESSION})
    return buffer.getvalue()


def chart_figure(data: ChartData, render: Render) -> Figure:
    """The chart as a matplotlib Figure: the heading, parties by gender above, months below (the whole width, so
    a month's mark fits beside the next at the label size)."""
    heights = [1.0 if data.parties else IN_WORDS, 1.0 if data.months else IN_WORDS]
    inches = HEIGHT * (0.3 + 0.35 * sum(heights))  # a half said in words takes little room
    figure = Figure(figsize=(WIDTH, inches), dpi=DPI)
    FigureCanvasAgg(figure)
    parties, months = figure.subplots(2, 1, gridspec_kw={"height_ratios": heights})
    top, bottom = 1 - 1.25 / inches, 0.75 / inches  # room for the heading, and for the month labels
    figure.subplots_adjust(left=0.18, right=0.97, top=top, bottom=bottom, hspace=0.5)
    figure.suptitle(render(data.heading), x=0.03, y=1 - 0.2 / inches, ha="left", fontsize=HEADING_SIZE, weight="bold")
    figure.text(0.03, 1 - 0.62 / inches, render(data.period), ha="left", fontsize=LABEL_SIZE, color=NOTE_COLOUR)
    _draw_parties(parties, data, render)
    _draw_months(months, data, render)
    return figure


def _draw_parties(axes: Axes, data: ChartData, render: Render) -> None:
    """Horizontal stacked bars, one per party, the first party at the top."""
    axes.set_title(render(t("summary.chart.parties_title")), fontsize=TITLE_SIZE, loc="left", pad=10)
    if not data.parties:
        _in_words(axes, render(t("summary.chart.parties_too_few")))
        return
    if data.left_out:
        left_out = Join(tuple(party_label(p) for p in data.left_out))
        note = render(t("summary.chart.left_out", parties=left_out))
        axes.text(0, -0.32, note, transform=axes.transAxes, fontsize=LABEL_SIZE - 1, color=NOTE_COLOUR, wrap=True)
    names = [render(party_label(bar.party)) for bar in data.parties]
    lefts = [0] * len(data.parties)
    for gender in GENDER_CODES:
        widths = [dict(bar.segments).get(gender, 0) for bar in data.parties]
        if any(widths):
            label = render(t(f"summary.chart.gender.{gender}"))
            axes.barh(names, widths, left=lefts, color=COLOURS[gender], label=label)
            _label_segments(axes, widths, lefts, [str(w) for w in widths], "white")
            lefts = [left + width for left, width in zip(lefts, widths, strict=True)]
    protected = [bar.protected for bar in data.parties]
    if any(protected):
        label = render(t("summary.chart.protected"))
        axes.barh(
            names, protected, left=lefts, color=PROTECTED_COLOUR, hatch="//", edgecolor=PROTECTED_EDGE, label=label
        )
        _label_segments(axes, protected, lefts, [label] * len(names), MARK_COLOUR, PROTECTED_COLOUR)
    axes.invert_yaxis()
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.tick_params(labelsize=LABEL_SIZE)
    axes.set_xlabel(render(t("summary.chart.cases")), fontsize=LABEL_SIZE)
    axes.legend(fontsize=LABEL_SIZE - 1, loc="lower right", bbox_to_anchor=(1, 1), ncol=5, frameon=False)


def _label_segments(
    axes: Axes, widths: list[int], lefts: list[int], texts: list[str], colour: str, behind: str | None = None
) -> None:
    """Each segment's text in its middle (bar by bar, the first at 0), when the segment is wide enough to hold
    it at the label size."""
    end = max((left + width for left, width in zip(lefts, widths, strict=True)), default=0) or 1
    points = axes.get_window_extent().width * 72 / DPI
    for row, (width, left, text) in enumerate(zip(widths, lefts, texts, strict=True)):
        if width and width / end * points > len(text) * LABEL_SIZE * POINTS_PER_CHARACTER + 4:
            box = {"facecolor": behind, "edgecolor": "none", "pad": 1.5} if behind else None
            axes.text(
                left + width / 2, row, text, ha="center", va="center", color=colour, fontsize=LABEL_SIZE, bbox=box
            )


def _draw_months(axes: Axes, data: ChartData, render: Render) -> None:
    axes.set_title(render(t("summary.chart.months_title")), fontsize=TITLE_SIZE, loc="left", pad=10)
    if not data.months:
        _in_words(axes, render(t("summary.chart.months_protected")))
        return
    marks = {
        Shown.SMALL: render(t("summary.chart.fewer_than", threshold=data.threshold)),
        Shown.HIDDEN: render(t("summary.chart.protected")),
        Shown.WITHHELD: render(t("summary.chart.protected")),
    }
    size = _month_size(axes, data.months, marks)
    heights = [bar.count if bar.shown == Shown.EXACT else 0 for bar in data.months]
    axes.bar(range(len(heights)), heights, color=COLOURS["kvinna"], alpha=0.8)
    axes.set_ylim(0, max([*heights, data.threshold]) * 1.15)
    lift = axes.get_ylim()[1] * 0.02
    for index, bar in enumerate(data.months):
        if bar.shown != Shown.EXACT:
            axes.text(index, lift, marks[bar.shown], ha="center", va="bottom", fontsize=size, color=MARK_COLOUR)
    labels = [_month_label(bar, index, render) for index, bar in enumerate(data.months)]
    axes.set_xticks(range(len(labels)), labels, fontsize=size)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.tick_params(axis="y", labelsize=LABEL_SIZE)
    axes.set_ylabel(render(t("summary.chart.cases")), fontsize=LABEL_SIZE)


def _month_size(axes: Axes, months: tuple[MonthBar, ...], marks: dict[Shown, str]) -> float:
    """The size of the month labels and marks: the label size, smaller only when a mark would not fit its month."""
    used = [marks[m.shown] for m in months if m.shown != Shown.EXACT]
    widest = max((len(text) for text in used), default=3)
    room = axes.get_window_extent().width * 72 / DPI / len(months) - 2
    return max(SMALLEST_SIZE, min(LABEL_SIZE, room / (widest * POINTS_PER_CHARACTER)))


def _in_words(axes: Axes, text: str) -> None:
    """A half with nothing to draw: the reason in words where the plot would be, and no frame."""
    axes.text(0.5, 0.5, text, ha="center", va="center", transform=axes.transAxes, fontsize=LABEL_SIZE, wrap=True)
    axes.set_axis_off()


def _month_label(bar: MonthBar, index: int, render: Render) -> str:
    name = render(t(f"summary.month_short.{bar.month}"))
    return f"{name}\n{bar.year}" if index == 0 or bar.month == 1 else name
