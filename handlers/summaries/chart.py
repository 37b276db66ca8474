"""The summary's chart: what it may show (here) and the PNG drawn from it (chart_drawing.py).

The words on it come from the catalogue of whoever receives it: the attachment's content is a function of the
front door's renderer, called when the file is uploaded (after the request is answered), so drawing is never
on the request's path. Importing this module imports no plotting library.

Protection follows the figures, the same figures as the post's text (one protection for everything a post
publishes): a party's bar is drawn only when its count may be shown; inside it, a gender whose count may not be
shown becomes part of one grey, hatched "skyddat" segment (its size follows from the shown counts anyway). A month
whose count may not be shown gets no bar, only "<3" or "skyddat" written inside the plot.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from handlers.replies import Attachment
from handlers.summaries.figures import GENDER_CODES, RAISED, Figures
from handlers.summaries.suppression import Shown

Render = Callable[[Any], str]


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
    """Everything the chart draws, already protected, and what its heading says (the group and the period)."""

    parties: tuple[PartyBar, ...]
    left_out: tuple[str, ...]
    months: tuple[MonthBar, ...]
    threshold: int
    heading: Any = ""
    period: Any = ""

    @property
    def empty(self) -> bool:
        """Whether neither half has anything to draw (then there is no chart, only the text)."""
        return not self.parties and not any(m.shown == Shown.EXACT and m.count for m in self.months)


def chart_data(figures: Figures, heading: Any = "", period: Any = "") -> ChartData | None:
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
    data = ChartData(tuple(bars), tuple(left_out), months, figures.threshold, heading, period)
    return None if data.empty else data


def chart_attachment(figures: Figures, filename: str, title: Any, heading: Any, period: Any) -> Attachment | None:
    """The chart as a PNG attachment drawn with the receiver's words, or None when there is nothing to draw."""
    data = chart_data(figures, heading, period)
    if data is None:
        return None
    return Attachment(filename, partial(draw_chart, data), title)


def draw_chart(data: ChartData, render: Render) -> bytes:
    """The PNG bytes of the chart (matplotlib is imported only now)."""
    from handlers.summaries.chart_drawing import png

    return png(data, render)
