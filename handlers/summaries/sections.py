"""The parts of a summary: the headline, gender, TR, parties, ages, target groups, failures and outcomes."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from handlers.formatting import Percent
from handlers.replies import Fields, Header, Note, Paragraph, Part
from handlers.summaries.figures import (
    AGE_GROUPS,
    DOCUMENTED,
    GENDER_CODES,
    PARTIES,
    RAISED,
    UNKNOWN_AGE,
    YOUNG,
    Figures,
)
from handlers.summaries.periods import Comparison, Period
from handlers.summaries.suppression import Key, Shown
from handlers.summaries.wording import count_text, count_with_share, listing, percent_text, ranked, share_item
from handlers.text import Join, Text, t

OPEN, PREVIOUS, CLOSED = ("open",), ("previous",), ("closed",)


@dataclass(frozen=True)
class SummaryView:
    """What one summary shows: its title, period, figures, and whether they are exact (private) or protected."""

    title: Text
    period: Period
    figures: Figures
    threshold: int
    national_work_share: int
    exact: bool = False
    with_units: bool = False
    group_names: Mapping[int, str] = field(default_factory=dict)
    labels: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    comparison: Comparison = Comparison.YEAR

    def label(self, kind: str, code: str) -> Any:
        """What a code of a target group, failure or outcome is called (a code nobody named is shown as is)."""
        return self.labels.get(kind, {}).get(code, code)


def summary_parts(view: SummaryView, *, has_chart: bool) -> list[Part]:
    """Every part of the summary, in reading order."""
    previous = view.period.compared(view.comparison)
    parts: list[Part] = [
        Header(view.title),
        Note(
            t(
                "summary.period_note",
                label=view.period.label,
                start=view.period.start,
                end=view.period.end,
                comparison=t(f"summary.compared.{view.comparison}"),
                previous_start=previous.start,
                previous_end=previous.end,
            )
        ),
        Paragraph(_lead(view.figures)),
    ]
    if view.figures.value(RAISED) > 0:
        parts += [
            Fields(_overview(view.figures, view.comparison)),
            Paragraph(_gender(view.figures)),
            Paragraph(_referred(view.figures)),
            *_parties(view),
            *_ages(view.figures),
            *_ranked(view, "target"),
            *_ranked(view, "failure"),
        ]
    parts += _outcomes(view)
    if view.group_names:
        parts += _groups(view)
    return parts + _notes(view, has_chart)


def _lead(figures: Figures) -> Text:
    if figures.status(RAISED) == Shown.SMALL:
        return t("summary.lead_small", threshold=figures.threshold)
    raised = figures.value(RAISED)
    return t("summary.lead", raised=raised) if raised else t("summary.lead_none")


def _overview(figures: Figures, comparison: Comparison) -> tuple[tuple[Any, Any], ...]:
    items: list[tuple[Any, Any]] = [
        (t("summary.open_label"), count_with_share(figures, OPEN, RAISED)),
        (t(f"summary.previous_label.{comparison}"), count_text(figures, PREVIOUS)),
    ]
    if figures.exact(RAISED) and figures.exact(PREVIOUS):
        items.append((t("summary.change_label"), _change(figures.value(RAISED), figures.value(PREVIOUS))))
    return tuple(items)


def _change(now: int, before: int) -> Text:
    difference = now - before
    if difference == 0:
        return t("summary.change_none")
    if before == 0:
        return t("summary.change_from_none", difference=difference)
    key = "summary.change_up" if difference > 0 else "summary.change_down"
    return t(key, difference=abs(difference), percent=percent_text(abs(difference), before))


def _split_items(figures: Figures, kind: str, of: Key) -> Any:
    labels = {g: t(f"summary.gender.{g}") for g in DOCUMENTED}
    items = [share_item(figures, (kind, g), of, labels[g]) for g in DOCUMENTED]
    return listing([item for item in items if item is not None])


def _gender(figures: Figures) -> Text:
    documented = ("documented",)
    if figures.withheld(("gender", g) for g in GENDER_CODES) or not figures.exact(documented):
        return t("summary.gender_protected")
    if figures.value(documented) == 0:
        return t("summary.gender_none")
    return t(
        "summary.gender",
        documented=figures.value(documented),
        raised=figures.value(RAISED),
        items=_split_items(figures, "gender", documented),
    )


def _referred(figures: Figures) -> Any:
    referred = ("referred",)
    status, count = figures.status(referred), figures.value(referred)
    if status == Shown.SMALL:
        return t("summary.referred_small", threshold=figures.threshold)
    if status != Shown.EXACT:
        return t("summary.referred_protected")
    if count == 0:
        return t("summary.referred_none")
    share = percent_text(count, figures.value(RAISED))
    sentence = t("summary.referred", count=count, percent=share)
    return Join((sentence, _referred_gender(figures, count)), sep=" ")


def _referred_gender(figures: Figures, referred: int) -> Text:
    documented = ("referred_documented",)
    if figures.withheld(("referred_gender", g) for g in GENDER_CODES) or not figures.exact(documented):
        return t("summary.referred_gender_protected")
    if figures.value(documented) == 0:
        return t("summary.referred_gender_none")
    key = "summary.referred_gender_all" if figures.value(documented) == referred else "summary.referred_gender"
    return t(key, documented=figures.value(documented), items=_split_items(figures, "referred_gender", documented))


def party_label(code: str) -> Any:
    """A party's name (a code outside the four is shown as it is stored)."""
    return t(f"party.{code}") if code in PARTIES else code


def _parties(view: SummaryView) -> list[Part]:
    figures = view.figures
    keys = [k for k in figures.keys("party") if k[1] in PARTIES or figures.value(k)]
    if figures.withheld(keys):
        return [Paragraph(t("summary.parties_protected"))]
    title = (
        t("summary.parties_title", raised=figures.value(RAISED))
        if figures.exact(RAISED)
        else t("summary.parties_title_plain")
    )
    return [Paragraph(title), Fields(tuple((party_label(k[1]), _party_value(view, k)) for k in keys))]


def _party_value(view: SummaryView, key: tuple[Any, ...]) -> Any:
    figures = view.figures
    value = count_with_share(figures, key, RAISED)
    units = [k for k in figures.keys("unit") if k[1] == key[1]]
    if not view.with_units or not units or [k[2] for k in units] == [""]:
        return value
    if figures.withheld(units):
        return Join((value, t("summary.units_protected")), sep="\n")
    lines = [
        t("summary.unit_line", unit=k[2] or t("summary.unit_none"), count=count_text(figures, k))
        for k in ranked(figures, units)
    ]
    return Join((value, *lines), sep="\n")


def _ages(figures: Figures) -> list[Part]:
    keys = [("age", band) for band in AGE_GROUPS]
    if figures.withheld(keys):
        return [Paragraph(t("summary.ages_protected"))]
    known = ("known_age",)
    title = (
        t("summary.ages_title", known=figures.value(known))
        if figures.exact(known) and figures.value(known)
        else t("summary.ages_title_plain")
    )
    items = tuple(
        (
            t(f"summary.age.{key[1]}"),
            count_text(figures, key) if key[1] == UNKNOWN_AGE else count_with_share(figures, key, known),
        )
        for key in keys
        if key[1] == YOUNG or not (figures.exact(key) and figures.value(key) == 0)
    )
    return [Paragraph(title), Fields(items)]


def _ranked(view: SummaryView, kind: str) -> list[Part]:
    """Target groups or failures, most frequent first, each as a share of all cases."""
    figures = view.figures
    keys = [k for k in figures.keys(kind) if not (figures.exact(k) and figures.value(k) == 0)]
    if not keys:
        return [Paragraph(t(f"summary.{kind}s_none"))]
    title = (
        t(f"summary.{kind}s_title", raised=figures.value(RAISED))
        if figures.exact(RAISED)
        else t(f"summary.{kind}s_title_plain")
    )
    items = tuple((view.label(kind, k[1]), count_with_share(figures, k, RAISED)) for k in ranked(figures, keys))
    return [Paragraph(title), Fields(items)]


def _outcomes(view: SummaryView) -> list[Part]:
    figures = view.figures
    status, closed = figures.status(CLOSED), figures.value(CLOSED)
    if status == Shown.SMALL:
        return [Paragraph(t("summary.closed_small", threshold=figures.threshold))]
    if status != Shown.EXACT or figures.withheld(figures.keys("outcome")):
        return [Paragraph(t("summary.closed_protected"))]
    if closed == 0:
        return [Paragraph(t("summary.closed_none"))]
    sentence = t("summary.closed", count=closed)
    work, national = ("work_or_studies",), Percent(view.national_work_share)
    if figures.percent(work, CLOSED) is not None:
        share = t(
            "summary.work_share",
            count=figures.value(work),
            closed=closed,
            percent=percent_text(figures.value(work), closed),
            national=national,
        )
    else:
        share = t("summary.work_protected", national=national)
    keys = [k for k in figures.keys("outcome") if not (figures.exact(k) and figures.value(k) == 0)]
    items = tuple((view.label("outcome", k[1]), count_with_share(figures, k, CLOSED)) for k in ranked(figures, keys))
    return [Paragraph(Join((sentence, share), sep=" ")), Fields(items)]


def _groups(view: SummaryView) -> list[Part]:
    figures = view.figures
    order = sorted(view.group_names, key=lambda gid: view.group_names[gid].casefold())
    items = tuple(
        (
            view.group_names[gid],
            t(
                "summary.group_line",
                raised=count_text(figures, ("group", gid)),
                open=count_text(figures, ("group_open", gid)),
                referred=count_text(figures, ("group_referred", gid)),
            ),
        )
        for gid in order
    )
    return [Paragraph(t("summary.groups_title")), Fields(items)]


def _notes(view: SummaryView, has_chart: bool) -> list[Part]:
    key = "summary.note_exact" if view.exact else "summary.note_protected"
    notes: list[Part] = [Note(t(key, threshold=view.threshold))]
    return notes + [Note(t("summary.note_chart"))] if has_chart else notes
