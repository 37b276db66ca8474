"""One protection over everything a post publishes: the summary split by unit hides nothing more of the plain
summary (text or chart) than the plain one does, and its unit lines are protected as well."""

import random
from dataclasses import replace
from datetime import date

import pytest

from bot.catalogue import Catalogue
from bot.services import Services
from handlers.summaries.chart import chart_data
from handlers.summaries.figures import Figures, figure_out, summary_counts
from handlers.summaries.suppression import Shown, exposed_count
from storage.case_stats import CaseStats
from tests.handlers.test_summaries import add_group, command, lines
from tests.support.case_factory import CaseSpec

HEBY = "CHEBY"
FILE_WORDS = Catalogue.for_slack("sv").for_files().render
MONTHS = [(2026, m) for m in range(1, 12)]
GENDERS = ["kvinna"] * 5 + ["man"] * 4 + ["annat", "ej_dokumenterat"]


def cases(seed: int, per_party: int = 30) -> list[CaseSpec]:
    """Four parties of `per_party` cases each, spread over a few units (some small), genders and months."""
    rng = random.Random(seed)
    specs = []
    for party in ("af", "fk", "region", "kommun"):
        units = rng.randint(1, 6)
        for _ in range(per_party):
            specs.append(
                CaseSpec(
                    party=party,
                    unit=f"Enhet {min(int(rng.expovariate(0.8)), units)}",
                    gender=rng.choice(GENDERS),
                    age_band=rng.choice(["30-39", "20-24", "50-64"]),
                    raised_on=date(2026, rng.randint(1, 10), 5),
                    referred_tr=rng.random() < 0.2,
                )
            )
    return specs


def stats_of(specs: list[CaseSpec], *, with_units: bool) -> CaseStats:
    """What storage.case_stats counts for the cases (the same counts, without a database)."""
    stats = CaseStats()
    for spec in specs:
        stats.raised += 1
        stats.still_open += 1
        stats.by_gender[spec.gender] += 1
        stats.by_party[spec.party] += 1
        stats.by_party_gender[(spec.party, spec.gender)] += 1
        stats.by_age_band[spec.age_band] += 1
        stats.by_month[(spec.raised_on.year, spec.raised_on.month)] += 1
        if spec.referred_tr:
            stats.referred_by_gender[spec.gender] += 1
        if with_units:
            stats.by_party_unit[(spec.party, spec.unit)] += 1
    return stats


def protected(specs: list[CaseSpec], *, with_units: bool) -> tuple[Figures, object]:
    linked = summary_counts(stats_of(specs, with_units=with_units), previous=0, months=MONTHS)
    return figure_out(linked, 3), linked


@pytest.mark.parametrize("seed", range(30))
def test_asking_for_units_hides_nothing_more_of_the_plain_summary(seed: int) -> None:
    specs = cases(seed)
    plain, _ = protected(specs, with_units=False)
    units, linked = protected(specs, with_units=True)
    assert {k: units.status(k) for k in plain.values} == {k: plain.status(k) for k in plain.values}
    assert chart_data(units) == chart_data(plain), "the chart of both posts is the same picture"
    assert exposed_count(linked, units.shown, 3) is None, "and no small unit can be worked out"  # type: ignore[arg-type]
    unit_keys = [k for k in units.values if k[0] == "unit"]
    small = [k for k in unit_keys if 0 < units.value(k) < 3]
    assert all(units.status(k) != Shown.EXACT for k in small)


def test_each_party_with_thirty_cases_is_shown_whether_units_are_asked_for_or_not(services: Services) -> None:
    specs = [replace(spec, raised_on=date(2026, 3, 2)) for spec in cases(17)]
    add_group(services, "Heby", HEBY, specs, {"UBERTIL": ("af", [])})
    plain_post = command(services, "sammanfattning i år", channel=HEBY)
    split_post = command(services, "sammanfattning i år enheter", channel=HEBY)
    plain, split = lines(plain_post), lines(split_post)
    charts = [send.reply.files[0].data(FILE_WORDS) for send in (*plain_post, *split_post)]
    assert charts[0] == charts[1], "the chart in the thread of either post is the same picture"
    for party in ("Arbetsförmedlingen", "Försäkringskassan", "Region", "Kommun"):
        [line] = [text for text in plain if text.startswith(f"{party}:")]
        assert line == f"{party}: 30 (25 %)" and line in split
    assert [text for text in split if text not in plain and "Enhet" not in text] == [], "only unit lines are added"
